// Curve mode: a network fits y = f(x) to (x, y) points; the curve is drawn over them and
// follows training frame by frame; the train and test MSE; the controls that apply; a clicked
// point that survives a reload; divergence; the model choice; the dark and lecture themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, readNumber, text, tid, waitUntil, waitForNumber, waitForApp, clickCanvasAt,
  canvasFingerprint, hashParams, screenshot, errorReport, divergeThenReset, withPlotImage, onScreen,
} from './harness.mjs';

const session = useSession();

/** How many elements with the test id are shown. */
const shown = (page, id) => page.locator(`${tid(id)}:visible`).count();

/**
 * Where the fitted curve crosses the plot's column at data x: the mean data y of the dark
 * ink pixels (the curve's colour, #1b2330) in that column, or null when there are none.
 */
async function curveYAt(page, x) {
  return withPlotImage(page, (c, x) => {
    const col = Math.round(((x + 6) / 12) * (c.width - 1));
    const rows = [];
    for (let row = 0; row < c.height; row++) {
      const i = (row * c.width + col) * 4;
      const [r, g, b] = c.data.slice(i, i + 3);
      if (Math.abs(r - 27) < 12 && Math.abs(g - 35) < 12 && Math.abs(b - 48) < 12) rows.push(row);
    }
    if (!rows.length) return null;
    const mean = rows.reduce((a, b) => a + b, 0) / rows.length;
    return 6 - (12 * mean) / (c.height - 1);
  }, x);
}

/** Whether a point's orange (#e69f00, filled or ringed) is drawn within 6 pixels of (x, y). */
async function pointDrawnAt(page, x, y) {
  return withPlotImage(page, (c, { x, y }) => {
    const px = Math.round(((x + 6) / 12) * c.width);
    const py = Math.round(((6 - y) / 12) * c.height);
    for (let dy = -6; dy <= 6; dy++) {
      for (let dx = -6; dx <= 6; dx++) {
        const i = ((py + dy) * c.width + (px + dx)) * 4;
        if (Math.abs(c.data[i] - 230) < 8 && Math.abs(c.data[i + 1] - 159) < 8 && c.data[i + 2] < 20) return true;
      }
    }
    return false;
  }, { x, y });
}

test('curve mode: a 1-8-8-1 network fits a sine that the best line cannot, drawn live', async () => {
  const app = await session().open('#model=curve&networkShape=8,8&seed=1&speed=20');
  const { page } = app;
  assert.equal(await page.$eval(tid('model'), (el) => el.value), 'curve');
  assert.equal(await text(page, 'network-shape'), '1 → 8 → 8 → 1', 'one input: x');
  assert.match(await text(page, 'loss-title'), /mean squared error/);
  for (const id of ['train-accuracy', 'test-accuracy']) {
    assert.equal(await shown(page, id), 0, `no ${id}: the points have no classes`);
  }
  const line = await readNumber(page, 'curve-line-mse');
  assert.ok(line > 3, `the best straight line misses a sine: MSE ${line}`);
  const start = await readNumber(page, 'train-loss');
  assert.ok(Number.isFinite(await readNumber(page, 'test-loss')), 'test points, so a test MSE');
  const untrained = await canvasFingerprint(page);

  await click(page, 'play');
  // The curve is redrawn while training runs, not only when it stops.
  const early = await waitForNumber(page, 'epoch', (e) => e >= 20, { timeout: 20_000 });
  const during = await canvasFingerprint(page);
  await waitForNumber(page, 'epoch', (e) => e >= early + 40, { timeout: 20_000 });
  assert.notEqual((await canvasFingerprint(page)).hash, during.hash, 'the curve moves as it trains');
  await waitForNumber(page, 'epoch', (e) => e >= 300, { timeout: 30_000 });
  await click(page, 'play');

  const train = await readNumber(page, 'train-loss');
  const testLoss = await readNumber(page, 'test-loss');
  assert.ok(train < start / 10 && train < line / 10, `train MSE ${start} → ${train} (line ${line})`);
  assert.ok(testLoss < line / 5, `test MSE ${testLoss}`);
  assert.equal(await readNumber(page, 'curve-mse'), train, 'the panel shows the same MSE');
  assert.notEqual((await canvasFingerprint(page)).hash, untrained.hash);
  // The drawn curve follows y = 3·sin x at its peaks and through the origin.
  for (const [x, y] of [[Math.PI / 2, 3], [-Math.PI / 2, -3], [0, 0]]) {
    const drawn = await curveYAt(page, x);
    assert.ok(drawn != null && Math.abs(drawn - y) < 0.6, `at x = ${x.toFixed(2)} the curve is at ${drawn}, not near ${y}`);
  }
  // Each hidden neuron's output against x, one small map each.
  assert.equal(await page.locator('canvas.neuron').count(), 16);
  await onScreen(page, 'neuron-0-0');
  assert.equal(await page.$eval(tid('neuron-0-0'), (c) => c.width), 64);
  await screenshot(page, 'curve-mode.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
});

test('curve mode shows the controls that apply; a clicked point survives a reload', async () => {
  const app = await session().open('#model=curve&samples=30&seed=2');
  const { page } = app;
  assert.equal(await readNumber(page, 'point-count'), 30);
  assert.match(await page.getAttribute(tid('curve-sine'), 'class'), /active/);
  assert.match(await text(page, 'curve-data-hint'), /y = 3·sin x/);
  for (const id of ['noise', 'perc-train', 'show-test', 'x', 'xSquared', 'sinX', 'cosX', 'standardize', 'learning-rate', 'activation']) {
    assert.equal(await shown(page, id), 1, `${id} applies in curve mode`);
  }
  for (const id of ['problem', 'dataset-circle', 'y', 'ySquared', 'xTimesY', 'sinY', 'cosY', 'discretize', 'boundary-line', 'hidden-space', 'lift-canvas', 'line-surface', 'train-accuracy']) {
    assert.equal(await shown(page, id), 0, `${id} does not apply in curve mode`);
  }
  assert.equal(await page.getAttribute(tid('samples'), 'max'), '200', 'curve mode generates at most 200 points');
  assert.equal(await text(page, 'brush-0'), 'Point (x, y)');
  assert.equal(await shown(page, 'brush-1'), 0, 'one brush');

  assert.equal(await pointDrawnAt(page, 4, -4), false, 'no point there yet');
  await clickCanvasAt(page, 4, -4);
  await waitForNumber(page, 'point-count', (n) => n === 31);
  assert.ok(await pointDrawnAt(page, 4, -4), 'the new point is drawn where it was clicked');
  // Drawn on the generated set: written as the difference from it.
  await waitUntil(async () => (await hashParams(page)).get('pointsAdded') != null, { what: 'the points in the link' });
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.equal(await readNumber(page, 'point-count'), 31, 'after a reload');
  assert.equal((await hashParams(page)).get('model'), 'curve');
  assert.ok(await pointDrawnAt(page, 4, -4), 'the point is back where it was');
  assert.doesNotMatch(await page.getAttribute(tid('curve-sine'), 'class'), /active/, 'your own points now');

  // Turning x₁ off is refused (x₂ is no input here); sin x₁ joins it.
  await click(page, 'x');
  await waitUntil(async () => /at least one input feature/.test(await text(page, 'status')), { what: 'the refusal' });
  await click(page, 'sinX');
  await waitUntil(async () => (await text(page, 'network-shape')).startsWith('2 →'), { what: 'two inputs' });

  await click(page, 'curve-step');
  await waitForNumber(page, 'point-count', (n) => n === 30, { what: 'generated points around the step' });
  assert.match(await text(page, 'curve-data-hint'), /y = −2 for x < 0/);
  await waitUntil(async () => (await hashParams(page)).get('curve') === 'step', { what: 'curve=step in the link' });
  await click(page, 'step');
  await waitForNumber(page, 'epoch', (e) => e === 1);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
});

test('curve mode: a diverging learning rate pauses with the message, Reset recovers', async () => {
  const app = await session().open('#model=curve&networkShape=8,8&learningRate=3&speed=20');
  const { page } = app;
  await divergeThenReset(page);
  assert.ok(Number.isFinite(await readNumber(page, 'train-loss')), 'a finite MSE again');
  assert.ok((await curveYAt(page, 0)) != null, 'the curve is drawn again');
  assert.doesNotMatch(await text(page, 'status'), /Could not draw/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the model choice switches to the curve and back; the curve reads in the dark and lecture themes', async () => {
  const app = await session().open('#dataset=gauss&output=auto');
  const { page } = app;
  assert.equal(await shown(page, 'hidden-space'), 1);
  await page.selectOption(tid('model'), 'curve');
  await waitUntil(async () => (await shown(page, 'curve-mse')) === 1, { what: 'the curve panel' });
  assert.equal(await shown(page, 'hidden-space'), 0, 'no classes to map through a hidden layer');
  assert.equal(await readNumber(page, 'point-count'), 200, 'points around a sine');
  await page.selectOption(tid('model'), 'mlp');
  await waitUntil(async () => (await shown(page, 'curve-mse')) === 0, { what: 'the curve panel to go' });
  assert.equal(await shown(page, 'hidden-space'), 1);
  assert.equal((await hashParams(page)).get('dataset'), 'gauss', 'the data set is kept for the network');

  for (const [theme, hash] of [['dark', '#model=curve&networkShape=8,8&speed=20'], ['lecture', '#model=curve&networkShape=8,8&speed=20&lecture=true']]) {
    const themed = await session().open(hash);
    if (theme === 'dark') {
      await click(themed.page, 'theme-toggle');
    }
    await click(themed.page, 'play');
    await waitForNumber(themed.page, 'epoch', (e) => e >= 200, { timeout: 30_000 });
    await click(themed.page, 'play');
    const drawn = await curveYAt(themed.page, Math.PI / 2);
    assert.ok(drawn != null && Math.abs(drawn - 3) < 0.6, `${theme}: the curve at ${drawn}`);
    await screenshot(themed.page, `curve-mode-${theme}.png`);
    assert.deepEqual(themed.pageErrors, [], errorReport(themed));
  }
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('curve mode imports (x, y) pairs from a two-column CSV, and names the line of a mistake', async () => {
  const app = await session().open('#model=curve&samples=30&seed=2');
  const { page } = app;
  assert.match(await page.getAttribute(tid('csv-paste'), 'placeholder'), /^x,y\n/);
  await page.fill(tid('csv-paste'), 'x,y\n-4,1\n-2,-1.5\n0,0.5\n2,2\n4,-3\n');
  await click(page, 'csv-paste-import');
  await waitForNumber(page, 'point-count', (n) => n === 5, { what: 'the 5 pasted points' });
  assert.match(await text(page, 'status'), /Imported 5 points/);
  assert.ok(await pointDrawnAt(page, 4, -3), 'drawn at (x, y)');

  await page.fill(tid('csv-paste'), 'x,y\n1,2\n3,4,0\n');
  await click(page, 'csv-paste-import');
  await waitUntil(async () => /line 3: expected 2 columns \(x,y\)/.test(await text(page, 'status')), { what: 'the refusal' });
  assert.equal(await readNumber(page, 'point-count'), 5, 'the points are kept');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
});
