// Logistic regression and line mode: the model choice, the readouts, the loss surface with its
// three descent paths, points added by clicking, divergence, and the link round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, readNumber, text, tid, waitUntil, waitForNumber, clickCanvasAt, plotColorAt,
  canvasFingerprint, hashParams, screenshot, errorReport, divergeThenReset, withPlotImage, onScreen,
} from './harness.mjs';

const session = useSession();

/** A fingerprint of the loss-surface canvas's pixels. */
async function surfaceHash(page) {
  await onScreen(page, 'line-surface');
  return page.$eval(tid('line-surface'), (c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let hash = 0x811c9dc5;
    for (let i = 0; i < data.length; i += 4) hash = Math.imul(hash ^ data[i] ^ (data[i + 1] << 8), 0x01000193) >>> 0;
    return hash;
  });
}

test('logistic regression: one sigmoid neuron, cross-entropy, no shape controls', async () => {
  const app = await session().open('#model=logistic&networkShape=4,2&dataset=gauss&noise=20&learningRate=0.1&speed=20');
  const { page } = app;
  assert.equal(await page.$eval(tid('model'), (el) => el.value), 'logistic');
  assert.equal(await text(page, 'network-shape'), '2 → 1');
  assert.equal(await page.locator(tid('add-layer')).count(), 0, 'no hidden layers to add');
  assert.match(await text(page, 'loss-title'), /cross-entropy/);
  const start = await readNumber(page, 'train-loss');
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (e) => e >= 60, { timeout: 20_000 });
  await click(page, 'play');
  assert.ok((await readNumber(page, 'train-loss')) < start / 2, 'the cross-entropy falls');
  await screenshot(page, 'logistic.png');
  const params = await hashParams(page);
  assert.equal(params.get('model'), 'logistic');
  assert.equal(params.get('networkShape'), '4,2', 'the shape is kept for the neural network');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('line mode: descent on m and c, three paths on the surface, clicks add points', async () => {
  const app = await session().open('#model=line&learningRate=0.01&batchSize=10&seed=1&lineStart=-1,-3');
  const { page } = app;
  assert.equal(await text(page, 'line-m'), '-1.000');
  assert.equal(await text(page, 'line-c'), '-3.000');
  assert.match(await text(page, 'loss-title'), /mean squared error/);
  const surface = await surfaceHash(page);
  const start = await readNumber(page, 'train-loss');
  await click(page, 'step');
  await waitForNumber(page, 'epoch', (e) => e === 1);
  assert.notEqual(await surfaceHash(page), surface, 'the paths are drawn on the surface');
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (e) => e >= 40, { timeout: 20_000 });
  await click(page, 'play');
  assert.ok((await readNumber(page, 'train-loss')) < start / 4, 'the MSE falls');
  const m = await readNumber(page, 'line-m');
  assert.ok(m > 0.4 && m < 0.8, `m = ${m} near the data's 0.6`);
  await screenshot(page, 'line-mode.png');

  const points = await readNumber(page, 'point-count');
  const before = await canvasFingerprint(page);
  await clickCanvasAt(page, 4, -4);
  await waitForNumber(page, 'point-count', (n) => n === points + 1);
  assert.notEqual((await canvasFingerprint(page)).hash, before.hash);
  const params = await hashParams(page);
  assert.equal(params.get('model'), 'line');
  assert.equal(params.get('lineStart'), '-1,-3');
  assert.ok(params.get('pointsAdded'), 'the drawn point is in the link (as a difference from the generated set)');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

/** How many elements with the test id are shown. */
const shown = (page, id) => page.locator(`${tid(id)}:visible`).count();

test('line mode shows the data controls, brush and legend that apply to (x, y) points', async () => {
  const app = await session().open('#model=line&learningRate=0.01&batchSize=10&seed=1');
  const { page } = app;
  for (const id of ['problem', 'dataset-circle', 'dataset-xor', 'perc-train', 'show-test', 'discretize', 'x', 'standardize']) {
    assert.equal(await shown(page, id), 0, `${id} does not apply in line mode`);
  }
  assert.equal(await shown(page, 'noise'), 1, 'the noise applies');
  assert.equal(await page.getAttribute(tid('samples'), 'max'), '100', 'line mode generates at most 100 points');
  assert.match(await text(page, 'line-data-hint'), /y = 0\.6x \+ 1/);
  assert.match(await page.getAttribute(tid('dataset-line'), 'class'), /active/);

  for (const id of ['test-loss', 'train-accuracy', 'test-accuracy']) {
    assert.equal(await shown(page, id), 0, `no ${id} readout: line mode has no test points or classes`);
  }
  assert.match(await text(page, 'line-gradient'), /∂MSE\/∂m = −?\d+\.\d{3}, ∂MSE\/∂c = −?\d+\.\d{3}/);
  assert.equal(await shown(page, 'brush-1'), 0, 'one brush');
  assert.equal(await text(page, 'brush-0'), 'Point (x, y)');
  assert.equal(await page.getAttribute(tid('brush-0'), 'aria-pressed'), 'true');

  await click(page, 'step');
  await waitForNumber(page, 'epoch', (e) => e === 1);
  const legend = await text(page, 'loss-legend');
  assert.match(legend, /train/);
  assert.doesNotMatch(legend, /test/, 'no test curve, so no test entry');

  await clickCanvasAt(page, 4, -4);
  await waitForNumber(page, 'point-count', (n) => n === 101);
  assert.doesNotMatch(await page.getAttribute(tid('dataset-line'), 'class'), /active/);
  // The new point has the generated points' colour (no class): Okabe–Ito orange.
  const rgb = await plotColorAt(page, 4, -4);
  assert.deepEqual(rgb, [230, 159, 0], 'an (x, y) point is drawn as the others are');
  await click(page, 'dataset-line');
  await waitForNumber(page, 'point-count', (n) => n === 100, { what: 'the generated points again' });
  assert.equal(await shown(page, 'restore-points'), 1, 'the drawn points are kept aside');
  await screenshot(page, 'line-mode-data.png');

  // Play without points says why; the message goes once a click brings a point.
  await click(page, 'clear');
  await waitForNumber(page, 'point-count', (n) => n === 0);
  await click(page, 'play');
  await waitUntil(async () => /no training points/.test(await text(page, 'status')), { what: 'why Play stopped' });
  await clickCanvasAt(page, 2, 2);
  await waitForNumber(page, 'point-count', (n) => n === 1);
  await waitUntil(async () => !/no training points/.test(await text(page, 'status')), { what: 'the stale message to go' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('logistic regression has no regression to choose; the legend shows test only with test points', async () => {
  const app = await session().open('#model=logistic&dataset=gauss&output=auto');
  const { page } = app;
  assert.equal(await shown(page, 'problem'), 0, 'logistic regression separates classes');
  assert.equal(await shown(page, 'dataset-gauss'), 1);
  assert.equal(await shown(page, 'x'), 1, 'the input features apply');
  assert.match(await text(page, 'loss-legend'), /train\s*test/);
  assert.equal(await text(page, 'brush-0'), 'Class 0', 'brushes are numbered as the labels: y = 0 and y = 1');
  // The model as the notes write it, with its current weights.
  const formula = await text(page, 'logistic-model');
  assert.match(formula, /^p\(class 1\) = σ\(−?\d+\.\d\d·x₁ [+−] \d+\.\d\d·x₂ [+−] \d+\.\d\d\)$/, formula);
  await click(page, 'step');
  await waitForNumber(page, 'epoch', (e) => e === 1);
  assert.notEqual(await text(page, 'logistic-model'), formula, 'the weights change as it trains');

  // Seed 1 puts all four points in the training set at 90 %.
  const own = await session().open('#model=logistic&points=2,2,1;-2,-2,0;2,-2,1;-2,2,0&percTrainData=90&seed=1&output=auto');
  await click(own.page, 'step');
  await waitForNumber(own.page, 'epoch', (e) => e === 1);
  assert.equal(await text(own.page, 'test-loss'), '—', 'no test points');
  const legend = await text(own.page, 'loss-legend');
  assert.match(legend, /train/);
  assert.doesNotMatch(legend, /test/, 'no test curve, so no test entry');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(own.pageErrors, [], errorReport(own));
});

test('line mode: a diverging learning rate pauses with the message, Reset recovers', async () => {
  const app = await session().open('#model=line&learningRate=0.3&speed=20');
  const { page } = app;
  await divergeThenReset(page);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the model choice switches to the line and back', async () => {
  const app = await session().open('#dataset=gauss&output=auto');
  const { page } = app;
  await page.selectOption(tid('model'), 'line');
  await waitUntil(async () => (await page.locator(tid('line-surface')).count()) === 1, { what: 'the surface panel' });
  await page.selectOption(tid('model'), 'mlp');
  await waitUntil(async () => (await page.locator(tid('line-surface')).count()) === 0, { what: 'the surface to go' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test("the notes' admissions: score and grades out of 10, and the notes' weights misclassify nobody", async () => {
  const app = await session().open('#model=perceptron&dataset=admissions&weights=2,1,-18');
  const { page } = app;
  const described = await page.getAttribute(tid('data-canvas'), 'aria-label');
  assert.match(described, /test score \(x₁\) from 0 to 10 left to right/, described);
  assert.match(described, /grades \(x₂\) from 0 to 10 bottom to top/, described);
  assert.equal(await readNumber(page, 'misclassified'), 0);
  assert.ok((await readNumber(page, 'point-count')) > 100);
  await screenshot(page, 'admissions-notes-line.png');
  // Other weights on the same students do misclassify some: the readout is not always 0.
  const off = await session().open('#model=perceptron&dataset=admissions&weights=1,1,-10');
  assert.ok((await readNumber(off.page, 'misclassified')) > 0);
  assert.deepEqual([...app.pageErrors, ...off.pageErrors], [], errorReport(app));
});

test('admissions with the score out of 100: axes in those units, clicks in those units, standardize', async () => {
  const RAW = { x1: [-12.5, 112.5], x2: [-1.25, 11.25] }; // the plot's view: the data's 0–100 and 0–10 with a margin
  const app = await session().open('#model=logistic&networkShape=&dataset=admissions100&standardize=false&learningRate=0.01&speed=20');
  const { page } = app;
  assert.match(await text(page, 'x-axis-name'), /test score/);
  const described = await page.getAttribute(tid('data-canvas'), 'aria-label');
  assert.match(described, /test score \(x₁\) from 0 to 100 left to right/, described);
  assert.match(described, /grades \(x₂\) from 0 to 10 bottom to top/, described);
  assert.doesNotMatch(described, /−6/, 'the square\'s range is not claimed');
  const points = await readNumber(page, 'point-count');
  await clickCanvasAt(page, 75, 2.5, RAW);
  await waitForNumber(page, 'point-count', (n) => n === points + 1);
  const pts = (await hashParams(page)).get('pointsAdded'); // after the generated ones
  const last = pts.split(';').pop().split(',').map(Number);
  assert.ok(Math.abs(last[0] - 75) < 1.5 && Math.abs(last[1] - 2.5) < 0.15, `added at ${last}`);
  await click(page, 'reset');
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (e) => e >= 100, { timeout: 20_000 });
  await click(page, 'play');
  const raw = await readNumber(page, 'train-loss');
  await screenshot(page, 'admissions-raw.png');

  const std = await session().open('#model=logistic&networkShape=&dataset=admissions100&standardize=true&learningRate=0.01&speed=20');
  await click(std.page, 'play');
  await waitForNumber(std.page, 'epoch', (e) => e >= 100, { timeout: 20_000 });
  await click(std.page, 'play');
  const standardized = await readNumber(std.page, 'train-loss');
  assert.ok(standardized < 0.3 && standardized < raw, `standardized ${standardized}, raw ${raw}`);
  await screenshot(std.page, 'admissions-standardized.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(std.pageErrors, [], errorReport(std));
});

/** How many of the data canvas's pixels are the boundary line's near-black. */
async function darkPixels(page) {
  return withPlotImage(page, (c) => {
    const data = c.data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 70 && data[i + 1] < 70 && data[i + 2] < 80) n += 1;
    return n;
  });
}

test('two classes get the decision boundary drawn as a line; several classes do not', async () => {
  const app = await session().open('#model=logistic&dataset=gauss&noise=20&learningRate=0.1&speed=20');
  const { page } = app;
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (e) => e >= 40, { timeout: 20_000 });
  await click(page, 'play');
  const { width, height } = await page.$eval(tid('data-canvas'), (c) => ({ width: c.width, height: c.height }));
  const dark = await darkPixels(page);
  // A line across the plot, a couple of pixels wide: at least its length, far less than an area.
  assert.ok(dark >= Math.min(width, height) && dark < 0.05 * width * height, `${dark} dark pixels`);

  // The box turns it off, in the link too, and a reload keeps it off.
  await click(page, 'boundary-line');
  await waitUntil(async () => (await darkPixels(page)) < 0.1 * dark, { what: 'the line gone' });
  await waitUntil(async () => (await hashParams(page)).get('boundaryLine') === 'false', { what: 'boundaryLine=false in the link' });
  await page.reload({ waitUntil: 'load' });
  await waitForNumber(page, 'point-count', (n) => n > 0);
  assert.equal(await page.isChecked(tid('boundary-line')), false, 'the box reads the link');
  assert.ok((await darkPixels(page)) < 0.1 * dark, 'still off after a reload');
  await click(page, 'boundary-line');
  // After the reload the model is back at its start: its line runs through both clusters, and
  // the points, drawn over it and sized with the plot (issue 16), hide part of it.
  await waitUntil(async () => (await darkPixels(page)) >= 0.5 * Math.min(width, height), { what: 'the line back' });

  await page.goto(page.url().replace(/#.*/, '#dataset=blobs'));
  await page.reload({ waitUntil: 'load' });
  await waitForNumber(page, 'point-count', (n) => n > 0);
  assert.ok((await darkPixels(page)) < 0.1 * dark, 'three classes blend, with no line');
  assert.equal(await page.locator(`${tid('boundary-line')}:visible`).count(), 0, 'and no box for it');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
