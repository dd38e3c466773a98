// Early stopping: with a patience, training stops by itself once the test loss has not improved
// for that many epochs, says so, keeps the best weights and marks the best epoch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, text, waitUntil, sleep, screenshot, errorReport } from './harness.mjs';

const session = useSession();

test('training stops early, keeps the best epoch and marks it', async () => {
  const app = await session().open(
    '#dataset=spiral&noise=50&percTrainData=20&networkShape=16,16&learningRate=0.1&earlyStopping=30&seed=3&speed=1',
  );
  const { page } = app;
  await click(page, 'play');
  await waitUntil(async () => /Early stopping/.test(await text(page, 'status')), {
    timeout: 30_000,
    what: 'the status line to report early stopping',
  });
  const stopped = await readNumber(page, 'epoch');
  await sleep(500);
  assert.equal(await readNumber(page, 'epoch'), stopped, 'training stopped');
  const best = parseFloat((await text(page, 'best-epoch')).replace(/[^0-9.]/g, ''));
  assert.equal(stopped, best + 30, `stopped at ${stopped}, best epoch ${best}`);
  await click(page, 'play');
  await sleep(300);
  assert.equal(await readNumber(page, 'epoch'), stopped, 'Play does not resume a stopped run');
  await screenshot(page, 'early-stopping.png');
  await click(page, 'reset');
  assert.equal(await readNumber(page, 'epoch'), 0);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
