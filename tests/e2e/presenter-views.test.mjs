// The presenter layout's last items (issue 16): the perceptron's and Adaline's worked step
// beside the plot, a legend as large as the presenter's text, the diagram in its room (drawn
// at the size it is shown, and sharp in the export), captions and the picker never cut with
// "…", and Play → Pause moving nothing. Screenshots: artifacts/presenter-views-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useSession, openPage, tid, click, waitUntil, text, errorReport, ARTIFACTS, decodePng, countPixels,
} from './harness.mjs';

const session = useSession();

const openAt = (hash, width, height, context = {}) =>
  openPage(session().browser, `${session().url}/${hash}`, { viewport: { width, height }, context });

const settle = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The viewport rectangle of the first shown element matching `selector`, or null. */
const rectOf = (page, selector) => page.evaluate((sel) => {
  const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
}, selector);

const overlaps = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
const inside = (r, w, h) => r.left >= -1 && r.top >= -1 && r.right <= w + 1 && r.bottom <= h + 1;

const SCREENS = [[1280, 720], [1920, 1080]];

for (const [model, words] of [['perceptron', /trick/i], ['adaline', /Adaline/]]) {
  test(`lecture mode, ${model}: the worked step is picked beside the plot, with the loss chart, on one screen`, async () => {
    for (const [width, height] of SCREENS) {
      const hash = `#model=${model}&lecture=true${model === 'perceptron' ? '&dataset=admissions' : ''}`;
      const app = await openAt(hash, width, height);
      const { page } = app;
      const where = `${model} ${width}×${height}`;
      const picks = await page.$$eval(`${tid('stage-view')} option`, (os) => os.map((o) => o.value));
      assert.deepEqual(picks, ['arithmetic'], `${where}: the picker offers the worked step`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.pick), 'arithmetic');
      assert.match(await text(page, 'stage-arithmetic'), /Press Step/, `${where}: before a step`);
      for (let k = 0; k < 3; k++) await click(page, 'step');
      await waitUntil(async () => !/Press Step/.test(await text(page, 'stage-arithmetic')), { what: `${where}: the step's arithmetic` });
      if (model === 'adaline') assert.match(await text(page, 'stage-arithmetic'), /w ← w − η·∇MSE/);
      if (model === 'perceptron') assert.match(await text(page, 'loss-title'), /Misclassified/, 'the chart names what it shows');
      assert.match(await text(page, 'stage-arithmetic-panel'), words);
      await settle(page);
      const parts = {
        plot: await rectOf(page, '.plot-layers'),
        loss: await rectOf(page, tid('loss-chart')),
        worked: await rectOf(page, '.arithmetic-panel'),
        readouts: await rectOf(page, '.charts-panel > .readouts'),
      };
      for (const [name, r] of Object.entries(parts)) {
        assert.ok(r && r.width > 40 && r.height > 40, `${where}: ${name} is shown (${JSON.stringify(r)})`);
        assert.ok(inside(r, width, height), `${where}: ${name} is on the screen (${JSON.stringify(r)})`);
      }
      assert.ok(!overlaps(parts.plot, parts.worked) && !overlaps(parts.loss, parts.worked), `${where}: nothing overlaps`);
      // The arithmetic is whole: no line cut at the panel's edge.
      const cut = await page.$eval(tid('stage-arithmetic'), (el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      assert.ok(!cut, `${where}: the arithmetic fits its panel`);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `presenter-views-${model}-${width}x${height}.png`) });
      assert.deepEqual(app.pageErrors, [], errorReport(app));
      await app.context.close();
    }
  });
}

test('lecture mode on a phone: the worked step shows under the loss chart', async () => {
  const app = await openAt('#model=perceptron&lecture=true', 390, 844, { hasTouch: true, isMobile: true });
  const { page } = app;
  await click(page, 'step');
  await page.locator(tid('stage-arithmetic')).scrollIntoViewIfNeeded();
  const [worked, loss, brushes] = [await rectOf(page, '.arithmetic-panel'), await rectOf(page, tid('loss-chart')), await rectOf(page, '.brushes')];
  assert.ok(worked && worked.height > 80 && worked.width > 300, `the worked step is shown (${JSON.stringify(worked)})`);
  assert.ok(!overlaps(worked, loss) && !overlaps(worked, brushes), 'it covers neither the loss chart nor the brushes');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  await app.context.close();
});

test('lecture mode: the plot legend is as large as the presenter text, grows with the screen, and covers nothing', async () => {
  const sizes = {};
  for (const [width, height] of SCREENS) {
    const app = await openAt('#lecture=true&dataset=xor&networkShape=4,4', width, height);
    const { page } = app;
    await settle(page);
    const where = `${width}×${height}`;
    const { px, root, clipped } = await page.$eval(tid('plot-legend'), (el) => ({
      px: Math.min(...[el, ...el.querySelectorAll('*')].filter((e) => e.getClientRects().length)
        .map((e) => parseFloat(getComputedStyle(e).fontSize))),
      root: parseFloat(getComputedStyle(document.documentElement).fontSize),
      clipped: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
    }));
    sizes[width] = px;
    assert.ok(px >= 0.85 * root - 0.3, `${where}: the legend's text is ${px} px, the presenter's ${root} px`);
    assert.ok(!clipped, `${where}: the legend is whole`);
    const [legend, plot, loss] = [await rectOf(page, tid('plot-legend')), await rectOf(page, '.plot-layers'), await rectOf(page, tid('loss-chart'))];
    assert.ok(!overlaps(legend, plot), `${where}: the legend is beside the plot, not on it`);
    assert.ok(!overlaps(legend, loss), `${where}: the legend is clear of the loss chart`);
    assert.ok(inside(legend, width, height), `${where}: the legend is on the screen`);
    assert.ok(loss.height >= 0.15 * height, `${where}: the loss chart keeps its room (${loss.height} px)`);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  }
  assert.ok(sizes[1920] >= 1.4 * sizes[1280], `the legend grows at 1920×1080 (${JSON.stringify(sizes)})`);
});

test('lecture mode: the diagram fills its room, is drawn at the size shown, and its caption and the picker are never cut', async () => {
  for (const [width, height] of SCREENS) {
    for (const scale of [1, 2]) {
      const app = await openAt('#lecture=true&dataset=xor&networkShape=4,4', width, height, { deviceScaleFactor: scale });
      const { page } = app;
      await page.selectOption(tid('stage-view'), 'diagram');
      await settle(page);
      const where = `${width}×${height} at ${scale}×`;
      const d = await page.evaluate(() => {
        const c = document.querySelector('canvas.diagram');
        const panel = document.querySelector('.diagram-panel').getBoundingClientRect();
        const title = document.querySelector('.diagram-panel h2').getBoundingClientRect();
        const caption = document.querySelector('.diagram-caption').getBoundingClientRect();
        return {
          box: { w: c.clientWidth, h: c.clientHeight },
          buffer: { w: c.width, h: c.height },
          dpr: devicePixelRatio,
          room: { w: panel.width, h: caption.top - title.bottom },
          units: JSON.parse(c.dataset.layout).units.flat(),
        };
      });
      // Drawn at the size it is shown: the pixel buffer is the box times the device's ratio.
      assert.ok(Math.abs(d.buffer.w - d.box.w * d.dpr) <= 2 && Math.abs(d.buffer.h - d.box.h * d.dpr) <= 2,
        `${where}: a ${d.buffer.w}×${d.buffer.h} canvas shown at ${d.box.w}×${d.box.h} (ratio ${d.dpr})`);
      assert.ok(d.box.w >= 0.95 * d.room.w && d.box.h >= 0.85 * d.room.h,
        `${where}: the diagram is ${d.box.w}×${d.box.h} in a ${Math.round(d.room.w)}×${Math.round(d.room.h)} room`);
      const ys = d.units.map(([, y]) => y);
      assert.ok(Math.max(...ys) - Math.min(...ys) >= 0.5 * d.box.h, `${where}: the units spread over the height`);
      // The caption and the picker: whole, no "…".
      const cut = await page.evaluate(() => {
        const out = [];
        const cap = document.querySelector('.diagram-caption');
        if (cap.scrollHeight > cap.clientHeight + 1 || cap.scrollWidth > cap.clientWidth + 1) out.push(`caption "${cap.textContent}"`);
        if (getComputedStyle(cap).textOverflow === 'ellipsis') out.push('caption ellipsis');
        // The select as wide as its longest option needs (its own max-content width).
        const select = document.querySelector('[data-testid="stage-view"]');
        const shown = select.getBoundingClientRect().width;
        const style = select.getAttribute('style');
        select.style.setProperty('width', 'max-content', 'important');
        select.style.setProperty('min-width', 'max-content', 'important');
        const need = select.getBoundingClientRect().width;
        if (style === null) select.removeAttribute('style'); else select.setAttribute('style', style);
        if (shown < need - 1) out.push(`select ${Math.round(shown)} px for ${Math.round(need)} px`);
        const row = document.querySelector('.stage-picker-row').getBoundingClientRect();
        const loss = document.querySelector('[data-testid="loss-chart"]').getBoundingClientRect();
        if (row.right > loss.right + 1 || row.left < loss.left - 1) out.push('the picker runs out of its column');
        return out;
      });
      assert.deepEqual(cut, [], `${where}: cut text`);
      // A weight's description fits the caption's two lines too.
      const unit = d.units[3];
      const box = await page.locator('canvas.diagram').boundingBox();
      const sx = box.width / d.box.w;
      await page.mouse.move(box.x + (unit[0] + (d.units[4][0] - unit[0]) / 2) * sx, box.y + (unit[1] + (d.units[4][1] - unit[1]) / 2) * sx);
      await settle(page);
      const fits = await page.$eval('.diagram-caption', (c) => c.scrollHeight <= c.clientHeight + 1);
      assert.ok(fits, `${where}: "${await text(page, 'diagram-info')}" fits the caption`);
      if (scale === 1) {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `presenter-views-diagram-${width}x${height}.png`) });
      }
      assert.deepEqual(app.pageErrors, [], errorReport(app));
      await app.context.close();
    }
  }
});

test('the presenter PNG draws the diagram afresh at its size: its units spread over the view\'s height', async () => {
  const app = await openAt('#lecture=true&dataset=xor&networkShape=4,4', 1280, 720);
  const { page } = app;
  await page.selectOption(tid('stage-view'), 'diagram');
  await click(page, 'step');
  const [dl] = await Promise.all([page.waitForEvent('download'), click(page, 'export-presenter')]);
  const bytes = fs.readFileSync(await dl.path());
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'presenter-views-export-diagram.png'), bytes);
  const png = decodePng(bytes);
  const view = [1080, 558, 808, 490]; // stage/sheet.rs at 1920×1080
  const dark = (r, g, b) => r + g + b < 200;
  const rows = [];
  for (let y = view[1]; y < view[1] + view[3]; y++) if (countPixels(png, [view[0], y, view[2], 1], dark) > 0) rows.push(y);
  const spread = rows.length ? rows[rows.length - 1] - rows[0] : 0;
  assert.ok(spread >= 0.7 * view[3], `the diagram's ink runs ${spread} px down a ${view[3]} px view`);
  // Sharp: the labels' ink has hard edges (fully dark pixels, not a stretched blur).
  const solid = countPixels(png, view, (r, g, b) => r + g + b < 120);
  const soft = countPixels(png, view, (r, g, b) => r + g + b >= 120 && r + g + b < 500 && Math.abs(r - g) < 25 && Math.abs(g - b) < 25);
  assert.ok(solid > 0.6 * soft, `hard-edged ink: ${solid} solid vs ${soft} soft pixels`);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('Play → Pause → Play moves nothing in the top bar, in lecture mode and not, on a laptop and a phone', async () => {
  for (const [hash, width, height, context] of [
    ['#dataset=xor', 1366, 768, {}],
    ['#lecture=true&dataset=xor', 1280, 720, {}],
    ['#lecture=true&dataset=xor', 1920, 1080, {}],
    ['#dataset=xor', 390, 844, { hasTouch: true, isMobile: true }],
  ]) {
    const app = await openAt(hash, width, height, context);
    const { page } = app;
    const where = `${hash} ${width}×${height}`;
    const boxes = () => page.$$eval('.topbar button, .topbar select', (els) => els
      .filter((e) => e.getClientRects().length)
      .map((e) => { const r = e.getBoundingClientRect(); return `${e.dataset.testid || e.className || e.textContent.trim()} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`; }));
    const before = await boxes();
    await click(page, 'play');
    await waitUntil(async () => (await page.getAttribute(tid('play'), 'aria-label')) === 'Pause', { what: 'Pause' });
    await settle(page);
    const playing = await boxes();
    assert.deepEqual(playing, before, `${where}: Play → Pause moved the row`);
    await click(page, 'play');
    await settle(page);
    assert.deepEqual(await boxes(), before, `${where}: Pause → Play moved the row`);
    assert.match(await page.$eval(`${tid('play')} .play-word:not(.off)`, (w) => w.textContent), /Play/, `${where}: the button reads Play`);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  }
});
