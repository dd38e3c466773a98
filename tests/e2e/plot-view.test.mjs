// Issue 16, data you can see: the logic gates' corners fill the plot, every plot has tick
// labels, the axis names stay readable (dark full screen too), the legend names the classes,
// every view's "?" explains it, and the exported PNG carries a caption.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  useSession, click, readNumber, text, tid, waitUntil, screenshot, errorReport, onScreen, GATES_VIEW,
  clickCanvasAt, decodePng, countPixels, openPage,
} from './harness.mjs';

const session = useSession();
const UNIT = GATES_VIEW;
const ORANGE = [230, 159, 0];
const BLUE = [0, 114, 178];
const INK = [74, 80, 92]; // render/plot_style.rs TICK_INK

/** Pixels of the points canvas alone (axes, tick labels, points), as { width, height, ratio, data }. */
async function pointsLayer(page) {
  await onScreen(page, 'data-canvas');
  const { width, height, ratio, data } = await page.$eval(tid('data-canvas'), (c) => ({
    width: c.width,
    height: c.height,
    ratio: c.width / c.getBoundingClientRect().width,
    data: Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data),
  }));
  return { width, height, ratio, data };
}

/** How many pixels in the box (x0..x1, y0..y1) of `img` are within 40 of `rgb`. */
function countNear(img, rgb, [x0, y0, x1, y1]) {
  let n = 0;
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(img.height, Math.round(y1)); y++) {
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(img.width, Math.round(x1)); x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i + 3] < 200) continue;
      const d = Math.abs(img.data[i] - rgb[0]) + Math.abs(img.data[i + 1] - rgb[1]) + Math.abs(img.data[i + 2] - rgb[2]);
      if (d < 40) n++;
    }
  }
  return n;
}

const toPx = (img, [x1, x2], d) => [
  ((x1 - d.x1[0]) / (d.x1[1] - d.x1[0])) * img.width,
  ((d.x2[1] - x2) / (d.x2[1] - d.x2[0])) * img.height,
];

test("the logic gates' four corners fill the plot, as dots, with ticks at 0 and 1", async () => {
  const app = await session().open('#model=perceptron&weights=1,1,-1.5');
  const { page } = app;
  await click(page, 'gate-and');
  await waitUntil(async () => (await readNumber(page, 'point-count')) === 4, { what: 'the four corners' });
  await waitUntil(async () => /−0\.25 to 1\.25/.test(await page.getAttribute(tid('data-canvas'), 'aria-label')), {
    what: 'the plot to zoom to the unit square',
  });
  const img = await pointsLayer(page);
  for (const [corner, colour] of [[[0, 0], ORANGE], [[0, 1], ORANGE], [[1, 0], ORANGE], [[1, 1], BLUE]]) {
    const [x, y] = toPx(img, corner, UNIT);
    // A sixth of the plot in from its edges, and a dot at least 10 CSS px across.
    assert.ok(Math.abs(Math.min(x, img.width - x) - img.width / 6) < 2, `${corner}: x ${x}`);
    const r = 12 * img.ratio;
    const dot = countNear(img, colour, [x - r, y - r, x + r, y + r]);
    const area = dot / (img.ratio * img.ratio);
    assert.ok(area >= Math.PI * 5 * 5 * 0.7, `${corner}: ${area.toFixed(0)} CSS px² of its colour`);
  }
  // Tick labels 0 and 1 along the bottom and up the left edge, dark ink on the white halo.
  const font = 30 * img.ratio;
  for (const t of [0, 1]) {
    const [x] = toPx(img, [t, 0], UNIT);
    const bottom = countNear(img, INK, [x - font / 2, img.height - font, x + font / 2, img.height]);
    assert.ok(bottom > 8 * img.ratio, `x₁ tick ${t}: ${bottom} ink pixels`);
    const [, y] = toPx(img, [0, t], UNIT);
    const left = countNear(img, INK, [0, y - font / 2, font, y + font / 2]);
    assert.ok(left > 8 * img.ratio, `x₂ tick ${t}: ${left} ink pixels`);
  }
  await screenshot(page, 'gates-zoomed.png');
  const legend = await text(page, 'plot-legend');
  assert.match(legend, /Class 0/);
  assert.match(legend, /Class 1/);
  assert.match(legend, /w·x \+ b ≥ 0/);
  assert.equal(await page.locator(tid('legend-rings')).count(), 0, 'the perceptron has no test points');
  // A click on the zoomed plot adds its point where it was clicked, in data units.
  await click(page, 'brush-1');
  await clickCanvasAt(page, 0.5, 0.75, UNIT);
  await waitUntil(async () => (await readNumber(page, 'point-count')) === 5, { what: 'the added point' });
  const after = await pointsLayer(page);
  const [ax, ay] = toPx(after, [0.5, 0.75], UNIT);
  const r = 6 * after.ratio;
  assert.ok(countNear(after, BLUE, [ax - r, ay - r, ax + r, ay + r]) > r * r, 'a class 1 dot where the click was');
  assert.ok((await page.getAttribute(tid('data-canvas'), 'aria-label')).includes('−0.25 to 1.25'), 'the view stays');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('every data set shows tick labels, and the legend names its classes', async () => {
  const app = await session().open('#dataset=circle&showTestData=true');
  const { page } = app;
  const img = await pointsLayer(page);
  const sq = { x1: [-6, 6], x2: [-6, 6] };
  const font = 30 * img.ratio;
  for (const t of [-5, 0, 5]) {
    const [x] = toPx(img, [t, 0], sq);
    const ink = countNear(img, INK, [x - font, img.height - font, x + font, img.height]);
    assert.ok(ink > 8 * img.ratio, `x₁ tick ${t}: ${ink} ink pixels`);
  }
  const legend = page.locator(tid('plot-legend'));
  assert.ok(await legend.isVisible());
  const [plot, box] = [await page.locator(tid('data-canvas')).boundingBox(), await legend.boundingBox()];
  assert.ok(box.y >= plot.y + plot.height - 1 && box.y < plot.y + plot.height + 80, 'right under the plot');
  const classes = await page.locator(tid('legend-class')).allInnerTexts();
  assert.deepEqual(classes.map((s) => s.trim()), ['Class 0 (−1)', 'Class 1 (+1)'], "the Playground's targets");
  assert.match(await text(page, 'legend-rings'), /training.*test/);
  assert.match(await text(page, 'legend-background'), /predicts/);

  const admissions = await session().open('#model=logistic&dataset=admissions');
  const names = await admissions.page.locator(tid('legend-class')).allInnerTexts();
  assert.deepEqual(names.map((s) => s.trim()), ['Not admitted (0)', 'Admitted (1)']);
  const noTest = await session().open('#dataset=circle&showTestData=false');
  assert.equal(await noTest.page.locator(tid('legend-rings')).count(), 0, 'no rings when test points are hidden');
  // No test point at all (every point trains): no "ring = test" either; one held out brings it.
  const allTrain = await session().open('#points=1,1,0;2,2,1;-1,-2,0;3,-3,1&percTrainData=100');
  assert.equal(await allTrain.page.locator(tid('legend-rings')).count(), 0, 'no rings when no point is a test point');
  await allTrain.page.fill(tid('perc-train'), '50');
  await waitUntil(async () => (await allTrain.page.locator(tid('legend-rings')).count()) === 1, { what: 'the ring entry with test points' });
  const hidden = await session().open('#dataset=circle&hideText=true');
  assert.equal(await hidden.page.locator(tid('plot-legend')).isVisible(), false, 'hideText hides the legend');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

/** WCAG contrast of two CSS colours as the page computed them (rgb()/rgba(), alpha over white-or-black worst case). */
function contrast(fg, bg) {
  const parse = (s) => s.match(/[\d.]+/g).map(Number);
  const [r, g, b] = parse(fg);
  const [br, bgg, bb, ba = 1] = parse(bg);
  const lum = ([r, g, b]) => {
    const lin = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  // The pill over the darkest possible plot pixel (black).
  const over = [br * ba, bgg * ba, bb * ba];
  const [x, y] = [lum([r, g, b]), lum(over)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

test('the axis names sit on the plot and read at 4.5:1, in dark full screen and lecture mode too', async () => {
  const app = await session().open('#dataset=xor&lecture=true');
  const { page } = app;
  await click(page, 'theme-toggle');
  await page.keyboard.press('f');
  await waitUntil(() => page.evaluate(() => Boolean(document.fullscreenElement)
    || document.getElementById('plot-frame')?.classList.contains('maximised')), { what: 'full screen' });
  await page.waitForTimeout(300);
  const plot = await page.locator(tid('data-canvas')).boundingBox();
  for (const id of ['x-axis-name', 'y-axis-name']) {
    const box = await page.locator(tid(id)).boundingBox();
    assert.ok(box.x >= plot.x && box.x + box.width <= plot.x + plot.width + 1, `${id} is on the plot`);
    assert.ok(box.y >= plot.y && box.y + box.height <= plot.y + plot.height + 1, `${id} is on the plot`);
    const { color, background } = await page.$eval(tid(id), (el) => {
      const s = getComputedStyle(el);
      return { color: s.color, background: s.backgroundColor };
    });
    const ratio = contrast(color, background);
    assert.ok(ratio >= 4.5, `${id}: ${ratio.toFixed(2)}:1 (${color} on ${background})`);
  }
  await page.screenshot({ path: new URL('./artifacts/fullscreen-dark-lecture.png', import.meta.url).pathname });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a "?" beside each view opens its explanation, by click, keyboard and hover', async () => {
  const app = await session().open('#dataset=xor&networkShape=4,2');
  const { page } = app;
  await onScreen(page, 'help-diagram');
  const help = page.locator(tid('help-text-diagram'));
  assert.equal(await help.isVisible(), false);
  await page.locator(tid('help-diagram')).click();
  assert.ok(await help.isVisible(), 'a click opens it');
  assert.match(await help.innerText(), /blue = positive weight, orange = negative/);
  const [button, box] = [await page.locator(tid('help-diagram')).boundingBox(), await help.boundingBox()];
  assert.ok(box.y >= button.y + button.height - 2, 'under the heading');
  await page.locator('.diagram-panel').screenshot({ path: new URL('./artifacts/help-diagram.png', import.meta.url).pathname });
  await page.keyboard.press('Escape');
  assert.equal(await help.isVisible(), false, 'Escape closes it');
  for (const topic of ['neurons', 'hidden-space', 'loss', 'gradients']) {
    await onScreen(page, `help-${topic}`);
    await page.locator(tid(`help-${topic}`)).focus();
    assert.ok(await page.locator(tid(`help-text-${topic}`)).isVisible(), `${topic}: focus opens it`);
    assert.ok((await text(page, `help-text-${topic}`)).length > 40);
  }
  const lift = (await session().open('#dataset=xor&xTimesY=true&networkShape=&output=auto')).page;
  await onScreen(lift, 'help-lift');
  await lift.locator(tid('help-lift')).hover();
  assert.ok(await lift.locator(tid('help-text-lift')).isVisible(), 'hover opens it');
  assert.match(await text(lift, 'help-text-lift'), /[Aa]dd another dimension/);
  await lift.mouse.move(5, 5);
  await waitUntil(async () => !(await lift.locator(tid('help-text-lift')).isVisible()), { what: 'moving away to close it' });
  const line = await session().open('#model=line');
  await line.page.locator(tid('help-loss-surface')).click();
  assert.match(await text(line.page, 'help-text-loss-surface'), /Gradient descent/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the exported PNG has the plot, its tick labels and a caption band under it', async () => {
  const app = await session().open('#dataset=xor&networkShape=4,2&activation=tanh&seed=2');
  const { page } = app;
  for (let i = 0; i < 5; i++) await click(page, 'step');
  await onScreen(page, 'export-png');
  const [dl] = await Promise.all([page.waitForEvent('download'), click(page, 'export-png')]);
  const bytes = fs.readFileSync(await dl.path());
  fs.mkdirSync(new URL('./artifacts/', import.meta.url), { recursive: true });
  fs.writeFileSync(new URL('./artifacts/exported-plot.png', import.meta.url), bytes);
  const plotSize = await page.$eval(tid('data-canvas'), (c) => [c.width, c.height]);
  const png = decodePng(bytes);
  const h = plotSize[1];
  const band = [0, h, png.width, Math.max(0, png.height - h)];
  const info = { width: png.width, height: png.height, ink: countPixels(png, band, (r, g, b) => r + g + b < 300) };
  assert.equal(info.width, plotSize[0]);
  assert.ok(info.height > plotSize[1] + 20, `a caption band under the plot: ${info.height} > ${plotSize[1]}`);
  assert.ok(info.ink > 200, `text in the caption band (${info.ink} dark pixels)`);
  const status = await text(page, 'status');
  assert.match(status, /Saved plot\.png: Data: XOR, \d+ points/);
  assert.match(status, /Network: 2 inputs → 4 → 2 → 1, tanh/);
  assert.match(status, /Epoch 5 · training loss [\d.]+ · test loss [\d.]+ · accuracy/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the admissions plot (0–10) has a margin: 0, 5 and 10 are labelled, and no point covers a tick label', async () => {
  const screens = [[false, 1280, 900], [true, 1280, 720], [true, 1920, 1080], [false, 390, 844]];
  for (const [lecture, width, height] of screens) {
    const hash = `#model=perceptron&dataset=admissions${lecture ? '&lecture=true' : ''}`;
    const app = await openPage(session().browser, `${session().url}/${hash}`, { viewport: { width, height } });
    const { page } = app;
    const view = { x1: [-1.25, 11.25], x2: [-1.25, 11.25] };
    assert.match(await page.getAttribute(tid('data-canvas'), 'aria-label'), /from 0 to 10 left to right/, 'the data\'s range is described');
    const img = await pointsLayer(page);
    const tick = Number(await page.getAttribute(tid('data-canvas'), 'data-tick-px')) * img.ratio;
    assert.ok(tick > 0, 'the canvas says its tick size');
    for (const t of [0, 5, 10]) {
      const [x] = toPx(img, [t, 0], view);
      const bottom = countNear(img, INK, [x - tick, img.height - tick * 1.3, x + tick, img.height]);
      assert.ok(bottom > 6 * img.ratio, `${width}×${height} lecture ${lecture}: x₁ tick ${t}: ${bottom} ink pixels`);
      const [, y] = toPx(img, [0, t], view);
      const left = countNear(img, INK, [0, y - tick * 0.7, tick * 1.6, y + tick * 0.7]);
      assert.ok(left > 6 * img.ratio, `${width}×${height} lecture ${lecture}: x₂ tick ${t}: ${left} ink pixels`);
    }
    // The label row along the bottom and the label column up the left hold no point.
    const row = [0, img.height - tick * 1.2, img.width, img.height];
    const column = [0, 0, tick * 1.5, img.height];
    for (const [name, box] of [['bottom row', row], ['left column', column]]) {
      const covered = countNear(img, ORANGE, box) + countNear(img, BLUE, box);
      assert.ok(covered < 4 * img.ratio, `lecture ${lecture}: ${covered} point pixels in the tick labels' ${name}`);
    }
    if (lecture) await screenshot(page, `admissions-margin-lecture-${width}x${height}.png`);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  }
});

test('a resize never shows the points layer empty, and a plot that goes while its points wait to be drawn is no error', async () => {
  const app = await session().open('#dataset=circle');
  const { page } = app;
  // What a frame would paint after each resize: the points canvas's ink, read by a
  // ResizeObserver that runs after the app's (its layers are redrawn by then or never).
  await page.evaluate(() => {
    const c = document.querySelector('[data-testid="data-canvas"]');
    const probe = document.createElement('canvas');
    window.__inks = [];
    new ResizeObserver(() => {
      probe.width = c.width;
      probe.height = c.height;
      const x = probe.getContext('2d', { willReadFrequently: true });
      x.drawImage(c, 0, 0);
      const d = x.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
      window.__inks.push(ink);
    }).observe(c);
  });
  for (const width of [1000, 1366, 900, 1200]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const inks = await page.evaluate(() => window.__inks);
  // (The observer's first call, then one a resize that changed the canvas's size.)
  assert.ok(inks.length >= 3 && inks.every((n) => n > 1000), `points layer ink at each resize: ${inks}`);
  // Clear (the points to draw at the next frame), then digits mode (no plot) before that frame.
  await page.evaluate(async () => {
    document.querySelector('[data-testid="clear"]').click();
    await new Promise((r) => setTimeout(r, 0));
    const model = document.querySelector('[data-testid="model"]');
    model.value = 'digits';
    model.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitUntil(() => page.locator(tid('digit-pad')).isVisible(), { what: 'digits mode' });
  await page.waitForTimeout(300);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
