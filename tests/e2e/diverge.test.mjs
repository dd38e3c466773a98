// 5. A diverging run tells the user, pauses training, and Reset recovers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, text, readNumber, waitUntil, waitForStableNumber, screenshot, errorReport,
} from './harness.mjs';

const DIVERGING =
  '#problem=regression&dataset=reg-plane&activation=linear&networkShape=&learningRate=10' +
  '&batchSize=10&noise=0&percTrainData=50&seed=1';

const session = useSession();

test('a diverging run shows a message, pauses, and Reset recovers', async (t) => {
  const app = await session().open(DIVERGING);
  const { page } = app;
  const statusBefore = (await text(page, 'status')) ?? '';
  assert.doesNotMatch(statusBefore, /diverg/i, 'status says diverged before training started');

  await click(page, 'play');
  try {
    await waitUntil(async () => /diverg/i.test((await text(page, 'status')) ?? ''), {
      timeout: 20_000,
      interval: 100,
      what: 'status to say the run diverged',
    });
  } catch (err) {
    await screenshot(page, 'diverge-failed.png');
    err.message += ` (status ${JSON.stringify(await text(page, 'status'))}, epoch ${await text(page, 'epoch')},` +
      ` train loss ${await text(page, 'train-loss')})`;
    throw err;
  }
  t.diagnostic(`status: ${await text(page, 'status')}`);
  await screenshot(page, 'diverged.png');

  // Training must have paused: the epoch stays put for a full second.
  const epoch = await waitForStableNumber(page, 'epoch', { quietMs: 1_000, timeout: 5_000 }).catch((err) => {
    err.message = `training did not pause after diverging: ${err.message}`;
    throw err;
  });
  t.diagnostic(`diverged and paused at epoch ${epoch}`);

  await click(page, 'reset');
  await waitUntil(async () => !/diverg/i.test((await text(page, 'status')) ?? ''), {
    timeout: 5_000,
    what: 'status to stop saying diverged after Reset',
  });
  const loss = await waitUntil(
    async () => {
      const v = await readNumber(page, 'train-loss');
      return Number.isFinite(v) ? { v } : false;
    },
    { timeout: 5_000, what: 'train-loss to be a finite number after Reset' },
  ).catch(async (err) => {
    err.message += ` (train-loss text ${JSON.stringify(await text(page, 'train-loss'))})`;
    throw err;
  });
  t.diagnostic(`after reset: epoch ${await text(page, 'epoch')}, train loss ${loss.v}`);

  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});
