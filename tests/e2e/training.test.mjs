// 3. XOR with a 2-4-1 tanh network reaches >= 95 % test accuracy within 20 s of Play.
// 4. The heatmap changes while training runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, readNumber, readAccuracy, waitForNumber, waitUntil, canvasFingerprint,
  screenshot, text, errorReport, sleep,
} from './harness.mjs';

const XOR =
  '#dataset=xor&problem=classification&networkShape=4&activation=tanh&learningRate=0.03' +
  '&batchSize=10&noise=0&percTrainData=50&seed=1';

const session = useSession();

test('XOR with a 2-4-1 tanh network trains to >= 95% test accuracy within 20 s', async (t) => {
  const app = await session().open(XOR);
  const { page } = app;
  const epoch0 = await readNumber(page, 'epoch');
  if (epoch0 !== 0) t.diagnostic(`note: a freshly opened experiment shows epoch ${epoch0}, not 0`);

  const started = Date.now();
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (v) => v > epoch0, { timeout: 5_000, what: 'epoch to advance after Play' });

  let best = NaN;
  try {
    await waitUntil(
      async () => {
        const acc = await readAccuracy(page, 'test-accuracy');
        if (!(acc <= best)) best = acc;
        return acc >= 95;
      },
      { timeout: 20_000 - (Date.now() - started), interval: 200, what: 'test accuracy >= 95%' },
    );
  } catch (err) {
    await screenshot(page, 'xor-failed.png');
    err.message +=
      ` (best test accuracy ${best}%, epoch ${await text(page, 'epoch')},` +
      ` train loss ${await text(page, 'train-loss')}, test loss ${await text(page, 'test-loss')})`;
    throw err;
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  t.diagnostic(`XOR reached ${await text(page, 'test-accuracy')} test accuracy at epoch ${await text(page, 'epoch')} after ${secs} s`);
  await screenshot(page, 'xor-trained.png');
  await click(page, 'play'); // pause

  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('the heatmap changes while training runs', async (t) => {
  const app = await session().open(XOR);
  const { page } = app;
  await sleep(500); // let the first frame render

  const before = await canvasFingerprint(page);
  await sleep(500);
  const stillBefore = await canvasFingerprint(page);
  if (stillBefore.hash !== before.hash) t.diagnostic('note: the canvas changes even while paused');
  const epochBefore = await readNumber(page, 'epoch');

  await click(page, 'play');
  await waitForNumber(page, 'epoch', (v) => v > epochBefore, {
    timeout: 5_000,
    what: 'epoch to advance after Play',
  });
  await sleep(1_000);
  const afterTraining = await canvasFingerprint(page);
  await click(page, 'play'); // pause

  assert.ok(afterTraining.opaque > 0, 'canvas is empty after training');
  assert.notEqual(
    afterTraining.hash,
    stillBefore.hash,
    `canvas pixels did not change after 1 s of training (epoch ${await text(page, 'epoch')})`,
  );
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});
