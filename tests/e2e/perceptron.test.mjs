// Perceptron mode: the link of the issue, the notes' worked example step by step, the
// arithmetic and the readouts, the line drawn on the canvas, and Play until nothing is
// misclassified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, text, waitUntil, canvasFingerprint, screenshot, sleep, errorReport } from './harness.mjs';

const session = useSession();

test("the perceptron trick reproduces the notes' numbers and converges", async () => {
  const app = await session().open('#model=perceptron&weights=3,4,-10&learningRate=0.1&points=4,5,0;1,1,1;-3,-4,1');
  const { page } = app;
  assert.equal(await text(page, 'perceptron-weights'), '3 4 -10');
  // Its label as shown (innerText applies the readouts' capitals): the symbols keep their case.
  const label = await page.evaluate(() => document.querySelector('[data-testid="perceptron-weights"]').previousElementSibling.innerText);
  assert.equal(label.trim(), 'w₁ w₂ b');
  assert.equal(await readNumber(page, 'misclassified'), 3);
  const before = await canvasFingerprint(page);

  await click(page, 'step');
  await waitUntil(async () => (await text(page, 'perceptron-weights')) === '2.6 3.5 -10.1', {
    what: 'one trick step on (4, 5) to give 2.6 3.5 -10.1',
  });
  const arithmetic = await text(page, 'trick-arithmetic');
  for (const line of [/3\s+4\s+-10/, /-\s+0\.4\s+0\.5\s+0\.1/, /=\s+2\.6\s+3\.5\s+-10\.1/]) {
    assert.match(arithmetic, line);
  }
  await sleep(700); // the line's glide
  assert.notEqual(await canvasFingerprint(page), before, 'the line moved on the canvas');
  await screenshot(page, 'perceptron-step.png');

  await click(page, 'play');
  await waitUntil(async () => /No point is misclassified/.test(await text(page, 'status')), {
    timeout: 20_000,
    what: 'Play to run the trick until nothing is misclassified',
  });
  assert.equal(await readNumber(page, 'misclassified'), 0);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('XOR never converges: Play stops at the epoch limit and says why', async () => {
  const app = await session().open('#model=perceptron&weights=1,1,0&learningRate=0.1&points=0,0,0;0,1,1;1,0,1;1,1,0&speed=500');
  const { page } = app;
  await click(page, 'play');
  await waitUntil(async () => /no line separates/.test(await text(page, 'status')), {
    timeout: 20_000,
    what: 'the run to stop at the epoch limit',
  });
  assert.ok((await readNumber(page, 'misclassified')) > 0);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
