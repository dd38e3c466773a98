// Adaline mode (issue 17): one epoch by hand in the panel, Adaline beside the perceptron on
// overlapping Gaussians (its MSE settles while the perceptron's count keeps changing), both
// lines drawn in their colours, the link's round trip, and a diverging rate that says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, text, tid, readNumber, waitUntil, waitForNumber, waitForStableNumber,
  hashParams, withPlotImage, screenshot, sleep, errorReport, onScreen, SQUARE, ARTIFACTS,
} from './harness.mjs';

const session = useSession();

const GAUSS = '#model=adaline&dataset=gauss&noise=20&learningRate=0.01&compare=true&speed=5';

/** The three numbers of a weights readout ("0.2 0.6 -0.5"). */
async function weights(page, id) {
  const w = ((await text(page, id)) ?? '').split(/\s+/).map(Number);
  assert.equal(w.length, 3, `${id}: ${w}`);
  assert.ok(w.every(Number.isFinite), `${id}: ${w}`);
  return w;
}

/**
 * For the line w·x + b = 0: the share of 21 places between 30 % and 70 % of its way across the
 * plot (clear of the labels) with a pixel of colour `ink` (within 48 per channel) at most 3 px
 * away, on the plot's picture.
 */
function lineInk(page, w, ink) {
  return withPlotImage(page, (image, { w, ink, domain }) => {
    const [a, b] = domain.x1;
    const [c, d] = domain.x2;
    const hits = [];
    for (const x1 of [a, b]) {
      const x2 = -(w[0] * x1 + w[2]) / w[1];
      if (w[1] !== 0 && x2 >= c && x2 <= d) hits.push([x1, x2]);
    }
    for (const x2 of [c, d]) {
      const x1 = -(w[1] * x2 + w[2]) / w[0];
      if (w[0] !== 0 && x1 >= a && x1 <= b) hits.push([x1, x2]);
    }
    if (hits.length < 2) return { share: 0, why: 'the line misses the plot' };
    const [p, q] = hits;
    let found = 0;
    for (let k = 0; k <= 20; k++) {
      const t = 0.3 + 0.4 * (k / 20);
      const x1 = p[0] + (q[0] - p[0]) * t;
      const x2 = p[1] + (q[1] - p[1]) * t;
      const px = Math.round(((x1 - a) / (b - a)) * image.width);
      const py = Math.round(((d - x2) / (d - c)) * image.height);
      let near = false;
      for (let dy = -3; dy <= 3 && !near; dy++) {
        for (let dx = -3; dx <= 3 && !near; dx++) {
          const x = px + dx;
          const y = py + dy;
          if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
          const i = (y * image.width + x) * 4;
          near = [0, 1, 2].every((ch) => Math.abs(image.data[i + ch] - ink[ch]) <= 48);
        }
      }
      if (near) found++;
    }
    return { share: found / 21 };
  }, { w, ink, domain: SQUARE });
}

const ADALINE_INK = [27, 35, 48];
const PERCEPTRON_INK = [194, 24, 91];

test('one epoch by hand: the gradient (8, 4, 5) and the MSE from 6.5 to 0.41', async () => {
  const app = await session().open('#model=adaline&weights=1,1,0&learningRate=0.1&points=1,2,1;2,0,0');
  const { page } = app;
  assert.equal(await text(page, 'train-loss'), '6.500');
  await click(page, 'step');
  await waitForNumber(page, 'epoch', (e) => e === 1, { what: 'one epoch' });
  const arithmetic = await text(page, 'adaline-arithmetic');
  assert.match(arithmetic, /\(1, 1, 0\)/);
  assert.match(arithmetic, /− 0\.1 × \(8, 4, 5\)/);
  assert.match(arithmetic, /= \(0\.2, 0\.6, -0\.5\)/);
  assert.equal(await text(page, 'train-loss'), '0.410');
  assert.deepEqual(await weights(page, 'adaline-weights'), [0.2, 0.6, -0.5]);
  assert.equal(await readNumber(page, 'misclassified'), 0);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('beside the perceptron on overlapping Gaussians: Adaline settles, the perceptron keeps jumping', async () => {
  const app = await session().open(GAUSS);
  const { page } = app;
  assert.equal(await page.isChecked(tid('compare')), true);
  assert.ok(await page.isVisible(tid('compare-readouts')));
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (e) => e >= 600, { timeout: 30_000, what: '600 epochs' });
  const losses = [];
  const counts = [];
  for (let i = 0; i < 10; i++) {
    losses.push(await readNumber(page, 'train-loss'));
    counts.push(await readNumber(page, 'perceptron-misclassified'));
    await sleep(250);
  }
  assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
  for (let i = 1; i < losses.length; i++) {
    assert.ok(Math.abs(losses[i] - losses[i - 1]) <= 0.002, `Adaline's MSE settled: ${losses}`);
  }
  assert.ok(new Set(counts).size > 1, `the perceptron's count still changes: ${counts}`);
  const mse = await readNumber(page, 'adaline-mse');
  assert.ok(Math.abs(mse - losses[losses.length - 1]) <= 0.002, `Adaline's MSE beside the counts: ${mse}`);

  await click(page, 'play'); // pause
  await waitForStableNumber(page, 'epoch', { quietMs: 500 });
  await sleep(100);
  // The exact weights (the readouts round them: the perceptron's to two decimals).
  const lines = await page.evaluate(() => Array.from(window.wasmBindings.probe_lines()));
  assert.equal(lines.length, 6, `${lines}`);
  const adaline = lines.slice(0, 3);
  const perceptron = lines.slice(3);
  const shown = await weights(page, 'adaline-weights');
  assert.ok(shown.every((w, k) => Math.abs(w - adaline[k]) <= 0.0005), `${shown} vs ${adaline}`);
  const a = await lineInk(page, adaline, ADALINE_INK);
  const p = await lineInk(page, perceptron, PERCEPTRON_INK);
  await screenshot(page, 'adaline-compare.png');
  await onScreen(page, 'loss-chart');
  await page.locator(tid('loss-chart')).screenshot({ path: `${ARTIFACTS}/adaline-loss-chart.png` });
  assert.ok(a.share >= 0.3, `Adaline's dark line along w = ${adaline}: ${JSON.stringify(a)}`);
  assert.ok(p.share >= 0.3, `the perceptron's pink line along w = ${perceptron}: ${JSON.stringify(p)}`);

  // Without the comparison, the pink line and the perceptron's readouts go; Adaline's stays.
  await click(page, 'compare');
  await waitUntil(async () => !(await page.isVisible(tid('compare-readouts'))), { what: 'the readouts to go' });
  await sleep(200);
  assert.ok((await lineInk(page, adaline, ADALINE_INK)).share >= 0.3);
  assert.ok((await lineInk(page, perceptron, PERCEPTRON_INK)).share < 0.1, 'no pink line');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the link round-trips: model, weights and the comparison', async () => {
  const app = await session().open('#model=adaline&dataset=gauss&noise=20&weights=2,-1,0.5&learningRate=0.01');
  const { page } = app;
  assert.deepEqual(await weights(page, 'adaline-weights'), [2, -1, 0.5]);
  assert.equal(await page.isChecked(tid('compare')), false);
  await click(page, 'compare');
  await waitUntil(async () => (await hashParams(page)).get('compare') === 'true', { what: 'compare=true in the link' });
  const h = await hashParams(page);
  assert.equal(h.get('model'), 'adaline');
  assert.equal(h.get('weights'), '2,-1,0.5');
  const link = await page.evaluate(() => window.location.hash);
  const again = await session().open(link);
  assert.equal(await again.page.isChecked(tid('compare')), true);
  assert.deepEqual(await weights(again.page, 'adaline-weights'), [2, -1, 0.5]);
  assert.deepEqual(await weights(again.page, 'perceptron-weights'), [2, -1, 0.5]);
  assert.equal(await again.page.inputValue(tid('model')), 'adaline');
  assert.deepEqual([...app.pageErrors, ...again.pageErrors], [], errorReport(app));
});

test('a diverging learning rate says so with finite numbers, and Reset recovers', async () => {
  const app = await session().open('#model=adaline&dataset=gauss&noise=20&learningRate=0.2&speed=20');
  const { page } = app;
  await click(page, 'play');
  await waitUntil(async () => /diverged/.test(await text(page, 'status')), {
    timeout: 20_000,
    what: 'the divergence message',
  });
  const loss = await text(page, 'train-loss');
  assert.doesNotMatch(loss, /NaN|∞/, `the loss readout: ${loss}`);
  assert.ok(Number.isFinite(await readNumber(page, 'train-loss')), loss);
  assert.match(await page.getAttribute(tid('play'), 'aria-label'), /Play/, 'paused');
  await screenshot(page, 'adaline-diverged.png');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 1280, `huge weights wrap instead of widening the page: ${width}px`);
  await page.fill(tid('learning-rate'), '0.01');
  await page.press(tid('learning-rate'), 'Enter');
  await click(page, 'reset');
  await waitForNumber(page, 'epoch', (e) => e === 0, { what: 'Reset to epoch 0' });
  await waitUntil(async () => !/diverged/.test(await text(page, 'status')), { what: 'the message to go' });
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (e) => e >= 50, { timeout: 20_000, what: '50 epochs after Reset' });
  assert.doesNotMatch(await text(page, 'status'), /diverged/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
