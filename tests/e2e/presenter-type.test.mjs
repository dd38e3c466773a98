// The presenter layout read from the back row: at 1280×720 no text on the screen (the page's
// or a canvas's) is under 14 CSS px, at 1920×1080 none under 21 (1.5 times), in lecture mode
// and full screen, in both themes, and the page's text has a contrast of at least 4.5:1 on
// its background. The compact legend and the split note stay beside the plot.
// Screenshots: artifacts/presenter-{light,dark}-{1280x720,1920x1080}.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSession, openPage, tid, waitUntil, errorReport, ARTIFACTS } from './harness.mjs';

const session = useSession();

/** Opens `hash` at `width`×`height`, the system's theme `scheme`. */
const openAt = (hash, width, height, scheme = 'light') =>
  openPage(session().browser, `${session().url}/${hash}`, {
    viewport: { width, height },
    beforeGoto: (page) => page.emulateMedia({ colorScheme: scheme }),
  });

const settle = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * Every piece of text on the screen that is smaller than `min` CSS px: the page's (computed
 * font-size of each shown element with text of its own) and the canvases' (data-tick-px, the
 * size the renderer drew its labels at, times how much the canvas is shown shrunk or grown).
 * Also the page's text under 4.5:1 on its background. Returns { small, faint, canvases }.
 */
const readType = (page, min) => page.evaluate((minPx) => {
  const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const onScreen = (r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  const small = [];
  const faint = [];
  for (const el of document.querySelectorAll('.app *')) {
    if (el.closest('.help-text, [hidden], option')) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || !onScreen(el.getBoundingClientRect())) continue;
    const name = `${el.className || el.tagName} "${el.textContent.trim().slice(0, 24)}"`;
    const px = parseFloat(style.fontSize);
    if (px < minPx - 0.3) small.push(`${name}: ${px} px`);
    const ratio = contrast(parse(style.color).slice(0, 3), background(el));
    if (ratio < 4.5 && !el.closest('button:disabled, select:disabled')) faint.push(`${name}: ${ratio.toFixed(2)}:1`);
  }
  const canvases = {};
  const dpr = devicePixelRatio;
  for (const c of document.querySelectorAll('canvas[data-tick-px]')) {
    const r = c.getBoundingClientRect();
    if (!onScreen(r) || !c.getClientRects().length) continue;
    const shown = Math.min(c.clientWidth / (c.width / dpr), c.clientHeight / (c.height / dpr));
    const px = Number(c.dataset.tickPx) * Math.min(shown, 1);
    const name = c.dataset.testid || c.className;
    canvases[name] = Math.round(px * 10) / 10;
    if (px < minPx - 0.3) small.push(`canvas ${name}: ${px.toFixed(1)} px`);
  }
  return { small, faint, canvases };
}, min);

const SCREENS = [[1280, 720, 14], [1920, 1080, 21]];
const LINK = '#lecture=true&dataset=xor&networkShape=4,4&xTimesY=true';

for (const scheme of ['light', 'dark']) {
  for (const [width, height, min] of SCREENS) {
    test(`lecture mode, ${scheme}, ${width}×${height}: no text under ${min} px, every label at 4.5:1`, async () => {
      const app = await openAt(LINK, width, height, scheme);
      const { page } = app;
      await page.locator('body').focus();
      for (let k = 0; k < 3; k++) await page.keyboard.press('s');
      for (const pick of ['diagram', 'gradients', 'lift', 'hidden-space', 'neurons']) {
        await page.selectOption(tid('stage-view'), pick);
        await settle(page);
        const { small, faint, canvases } = await readType(page, min);
        const where = `${scheme} ${width}×${height}, ${pick}`;
        assert.deepEqual(small, [], `${where}: text too small from the back row`);
        assert.deepEqual(faint, [], `${where}: text under 4.5:1`);
        const expected = ['data-canvas', 'loss-chart',
          { diagram: 'diagram', gradients: 'gradient-chart', lift: 'lift-canvas' }[pick]].filter(Boolean);
        for (const name of expected) assert.ok(name in canvases, `${where}: ${name} says its type size (${JSON.stringify(canvases)})`);
        if (pick === 'lift') {
          fs.mkdirSync(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: path.join(ARTIFACTS, `presenter-${scheme}-${width}x${height}.png`) });
        }
      }
      assert.deepEqual(app.pageErrors, [], errorReport(app));
    });
  }
}

test('full screen (F) at 1280×720 and 1920×1080: no text under 14 and 21 px', async () => {
  for (const [width, height, min] of SCREENS) {
    const app = await openAt('#dataset=xor', width, height, 'dark');
    const { page } = app;
    await page.locator('body').focus();
    await page.keyboard.press('f');
    await waitUntil(() => page.evaluate(() => document.documentElement.hasAttribute('data-stage')), { what: 'full screen' });
    await settle(page);
    const { small, faint } = await readType(page, min);
    assert.deepEqual(small, [], `full screen ${width}×${height}: text too small`);
    assert.deepEqual(faint, [], `full screen ${width}×${height}: text under 4.5:1`);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  }
});

const rectOf = (page, selector) => page.evaluate((sel) => {
  const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
}, selector);
const overlaps = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

for (const [width, height] of SCREENS) {
  test(`lecture mode at ${width}×${height}: the compact legend and the split note are shown beside the plot`, async () => {
    // Twelve drawn points, a quarter of them held out: the split note applies.
    const points = Array.from({ length: 12 }, (_, i) => `${(i % 4) - 2},${Math.floor(i / 4) - 1},${i % 2}`).join(';');
    const app = await openAt(`#lecture=true&dataset=xor&percTrainData=50&points=${points}`, width, height);
    const { page } = app;
    await settle(page);
    for (const id of ['plot-legend', 'split-note', 'legend-rings']) {
      assert.ok(await page.locator(tid(id)).isVisible(), `${id} is shown`);
    }
    const plot = await rectOf(page, '.plot-layers');
    const parts = {
      legend: await rectOf(page, tid('plot-legend')),
      note: await rectOf(page, tid('split-note')),
      readouts: await rectOf(page, '.charts-panel > .readouts'),
      loss: await rectOf(page, tid('loss-chart')),
      brushes: await rectOf(page, '.brushes'),
    };
    for (const [name, r] of Object.entries(parts)) {
      assert.ok(r.top >= 0 && r.bottom <= height && r.right <= width, `${name} on the screen: ${JSON.stringify(r)}`);
      assert.ok(!overlaps(r, plot), `${name} does not cover the plot`);
    }
    const names = Object.keys(parts);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        assert.ok(!overlaps(parts[names[i]], parts[names[j]]), `${names[i]} and ${names[j]} overlap`);
      }
    }
    // Compact: in the presenter's type, an eighth of the screen's height at most (the
    // background's and the line's meaning are sentences), the loss chart keeping its room.
    assert.ok(parts.legend.height <= 0.125 * height, `the legend is compact (${parts.legend.height} px)`);
    assert.ok(parts.loss.height >= 0.15 * height, `the loss chart keeps its room (${parts.loss.height} px)`);
    const scroll = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(scroll <= height, `no scrolling (${scroll})`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `presenter-legend-${width}x${height}.png`) });
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  });
}
