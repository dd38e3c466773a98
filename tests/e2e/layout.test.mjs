// The page's layout on every screen: the presenter layout (lecture mode) at 1280×720 and
// 1920×1080, full screen, phones and tablets in both orientations, and the laptop's lesson
// cards at 1366×768; the status line beside them. Screenshots in artifacts/layout-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useSession, openPage, tid, click, waitUntil, waitForApp, text, errorReport, ARTIFACTS, REPO_ROOT,
} from './harness.mjs';

const session = useSession();

/** Opens `hash` at `width`×`height` in a fresh context. */
const openAt = (hash, width, height) =>
  openPage(session().browser, `${session().url}/${hash}`, { viewport: { width, height } });

/** Saves what is on the screen (not the whole page) as artifacts/NAME. */
async function shot(page, name, { fullPage = false } = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage });
}

/** Two frames, so that layout and the canvases' redraws have settled. */
const settle = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The page-space rectangle of the first element matching `selector` that is shown, or null. */
const rectOf = (page, selector) =>
  page.evaluate((sel) => {
    const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top + scrollY, right: r.right, bottom: r.bottom + scrollY, width: r.width, height: r.height };
  }, selector);

const overlaps = (a, b) =>
  a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

async function noSidewaysScroll(page, where) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${where}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

/** The parts of the presenter layout, by selector. */
const STAGE_PARTS = {
  plot: '.plot-layers',
  readouts: '.charts-panel > .readouts',
  'loss chart': tid('loss-chart'),
};
const PICKED = {
  diagram: '.diagram-panel',
  neurons: '.neurons-panel',
  'hidden-space': '.hidden-space-panel',
  lift: '.lift-panel',
  gradients: '.gradient-panel',
};

/** Asserts that every part is wholly on the first screen and that no two overlap. */
async function assertOnOneScreen(page, parts, where) {
  const { w, h, scrollHeight } = await page.evaluate(() => ({
    w: innerWidth,
    h: innerHeight,
    scrollHeight: document.documentElement.scrollHeight,
  }));
  assert.ok(scrollHeight <= h, `${where}: no scrolling (${scrollHeight} px tall in ${h})`);
  const rects = {};
  for (const [name, sel] of Object.entries(parts)) {
    const r = await rectOf(page, sel);
    assert.ok(r && r.width > 20 && r.height > 20, `${where}: ${name} is shown (${JSON.stringify(r)})`);
    assert.ok(r.left >= -1 && r.top >= -1 && r.right <= w + 1 && r.bottom <= h + 1,
      `${where}: ${name} is inside the ${w}×${h} screen (${JSON.stringify(r)})`);
    rects[name] = r;
  }
  const names = Object.keys(rects);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      assert.ok(!overlaps(rects[names[i]], rects[names[j]]), `${where}: ${names[i]} and ${names[j]} overlap`);
    }
  }
  return rects;
}

/** Asserts that every shown element matching `inner` lies inside the one matching `outer`. */
async function assertInside(page, inner, outer, where) {
  const out = await page.evaluate(([i, o]) => {
    const box = document.querySelector(o).getBoundingClientRect();
    return [...document.querySelectorAll(i)]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .filter((r) => r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
      .map((r) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }, [inner, outer]);
  assert.deepEqual(out, [], `${where}: ${inner} runs out of ${outer}`);
}

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  test(`lecture mode at ${width}×${height}: the plot, the readouts, the loss chart and the picked view on one screen`, async () => {
    const app = await openAt('#lecture=true&dataset=xor&networkShape=4,4&xTimesY=true', width, height);
    const { page } = app;
    await settle(page);
    await noSidewaysScroll(page, `${width}×${height}`);
    const rects = await assertOnOneScreen(page, { ...STAGE_PARTS, diagram: PICKED.diagram }, `${width}×${height}`);
    assert.ok(rects.plot.height >= height * 0.8, `the plot is as large as fits (${rects.plot.height} px of ${height})`);
    for (const id of ['play', 'step', 'reset']) {
      const r = await rectOf(page, tid(id));
      assert.ok(r && r.bottom <= height, `${id} is on the screen`);
    }
    const headerHeight = (await rectOf(page, '.topbar')).height;
    assert.ok(headerHeight <= 0.1 * height, `the top bar is one compact row (${headerHeight} px)`);
    // Every readout is as wide as "100.0%" in its own font: a trained network's accuracies
    // never run into each other or off the screen.
    const narrow = await page.evaluate(() => [...document.querySelectorAll('.charts-panel .readout')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const value = getComputedStyle(el.querySelector('.readout-value'));
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = `${value.fontWeight} ${value.fontSize} ${value.fontFamily}`;
        return { w: el.getBoundingClientRect().width, need: ctx.measureText('100.0%').width, right: el.getBoundingClientRect().right };
      })
      .filter(({ w, need, right }) => w < need || right > innerWidth));
    assert.deepEqual(narrow, [], 'readouts too narrow for 100.0%');
    await shot(page, `layout-lecture-${width}x${height}.png`);
    for (const [pick, selector] of Object.entries(PICKED)) {
        await page.selectOption(tid('stage-view'), pick);
      await settle(page);
      await assertOnOneScreen(page, { ...STAGE_PARTS, [pick]: selector }, `${width}×${height}, ${pick}`);
      await assertInside(page, `${selector} canvas`, selector, `${width}×${height}, ${pick}`);
      if (width === 1280) await shot(page, `layout-lecture-${pick}.png`);
    }
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  });
}

test('lecture mode: the picked view is kept in this browser; the drawer opens with its button and C', async () => {
  const app = await openAt('#lecture=true&dataset=circle', 1280, 720);
  const { page } = app;
  await page.selectOption(tid('stage-view'), 'hidden-space');
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.equal(await page.inputValue(tid('stage-view')), 'hidden-space', 'the pick survives a reload');
  assert.equal(await page.evaluate(() => location.hash.includes('hidden')), false, 'and is not a link key');
  assert.equal(await page.locator('.data-panel').isVisible(), false, 'the controls wait in the drawer');

  await click(page, 'drawer-toggle');
  await waitUntil(() => page.locator('.data-panel').isVisible(), { what: 'the drawer opens' });
  await settle(page);
  const drawer = await rectOf(page, '.drawer');
  const plot = await rectOf(page, '.plot-layers');
  assert.ok(drawer.bottom <= 721 && !overlaps(drawer, plot), 'the drawer is beside the plot, on the screen');
  assert.ok(await page.locator(tid('eraser')).isVisible(), 'the brushes are at hand');
  assert.ok(await page.locator(tid('undo')).isVisible(), 'with undo');
  const scrolls = await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight);
  assert.ok(scrolls, 'the page itself still does not scroll');
  await shot(page, 'layout-lecture-drawer.png');

  await page.locator('body').focus();
  await page.keyboard.press('c');
  await waitUntil(async () => !(await page.locator('.data-panel').isVisible()), { what: 'C closes the drawer' });
  await page.keyboard.press('?');
  assert.match(await text(page, 'shortcuts-help'), /controls/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('full screen (F) keeps the readouts and shows the picked view beside the plot', async () => {
  const app = await openAt('#dataset=xor', 1280, 720);
  const { page } = app;
  await page.locator('body').focus();
  await page.keyboard.press('f');
  await waitUntil(() => page.evaluate(() => document.documentElement.hasAttribute('data-stage')), { what: 'full screen' });
  await settle(page);
  await assertOnOneScreen(page, { ...STAGE_PARTS, diagram: PICKED.diagram }, 'full screen');
  await page.selectOption(tid('stage-view'), 'neurons');
  await settle(page);
  await assertOnOneScreen(page, { ...STAGE_PARTS, neurons: PICKED.neurons }, 'full screen, neuron maps');
  await shot(page, 'layout-fullscreen.png');
  await page.keyboard.press('Escape');
  await waitUntil(() => page.evaluate(() => !document.documentElement.hasAttribute('data-stage')), { what: 'Escape leaves' });
  assert.ok(await page.locator('.topbar .readouts').isVisible(), 'the readouts are back in the top bar');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

const PHONES = [[390, 844], [844, 390], [820, 1180], [1180, 820]];

for (const [width, height] of PHONES) {
  test(`${width}×${height}: no sideways scrolling, the plot and Play first, Share last`, async () => {
    const app = await openAt('#dataset=xor&lesson=logic-gates&card=1', width, height);
    const { page } = app;
    await settle(page);
    await shot(page, `layout-${width}x${height}.png`);
    if (width < height) await shot(page, `layout-${width}x${height}-full.png`, { fullPage: true });
    await noSidewaysScroll(page, `${width}×${height}`);
    const plot = await rectOf(page, '.plot-layers');
    const play = await rectOf(page, tid('play'));
    assert.ok(plot.top < height - 100, `the plot starts on the first screen (at ${plot.top} px)`);
    assert.ok(play.bottom <= height, `Play is on the first screen (${play.bottom} px)`);
    for (const id of ['step', 'reset']) {
      assert.ok((await rectOf(page, tid(id))).bottom <= height, `${id} is on the first screen`);
    }
    // Share is last: nothing under it (in one column, that is everything; in three, its own).
    const share = await rectOf(page, '.share-panel');
    for (const sel of ['.plot-panel', '.lesson-panel', '.data-panel', '.model-panel', '.charts-panel']) {
      const r = await rectOf(page, sel);
      const sameColumn = r.left < share.right - 1 && share.left < r.right - 1;
      assert.ok(!sameColumn || r.bottom <= share.top + 1, `${sel} comes before Share`);
    }
    const touch = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => getComputedStyle(el).touchAction === 'none')
        .map((el) => el.dataset.testid || el.className || el.tagName));
    assert.deepEqual(touch, ['data-canvas'], 'only the plot takes over touch; the page scrolls elsewhere');
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  });
}

test('a phone (390×844, touch) in full screen with a lesson: the card, the readouts and the legend in turn, none over another; ✕ leaves', async () => {
  const app = await openPage(session().browser, `${session().url}/#lesson=logic-gates`, {
    viewport: { width: 390, height: 844 }, context: { hasTouch: true, isMobile: true },
  });
  const { page } = app;
  await page.tap(tid('fullscreen'));
  await waitUntil(() => page.evaluate(() => document.documentElement.hasAttribute('data-stage')), { what: 'full screen' });
  await settle(page);
  await shot(page, 'layout-fullscreen-lesson-390x844.png');
  const parts = {};
  for (const [name, sel] of [['card', tid('lesson-strip')], ['readouts', '.charts-panel > .readouts'], ['legend', '.plot-legend'], ['plot', '.plot-layers']]) {
    parts[name] = await rectOf(page, sel);
    assert.ok(parts[name] && parts[name].height > 0, `${name} is shown`);
  }
  const names = Object.keys(parts);
  for (const [i, a] of names.entries()) {
    for (const b of names.slice(i + 1)) {
      assert.ok(!overlaps(parts[a], parts[b]), `${a} ${JSON.stringify(parts[a])} and ${b} ${JSON.stringify(parts[b])} overlap`);
    }
  }
  // No Escape key on a phone: the top bar's ✕ leaves full screen.
  await page.tap(tid('fullscreen-exit'));
  await waitUntil(() => page.evaluate(() => !document.documentElement.hasAttribute('data-stage')), { what: '✕ leaves full screen' });
  assert.equal(await page.locator(tid('fullscreen-exit')).count(), 0, 'the ✕ goes with it');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  await app.context.close();
});

test('lecture mode with a lesson: the open card (title, Back/Next, Try:) shows beside the plot and follows Page Down', async () => {
  const app = await openAt('#lesson=logic-gates&lecture=true', 1280, 720);
  const { page } = app;
  await settle(page);
  const strip = await rectOf(page, tid('lesson-strip'));
  assert.ok(strip && strip.top >= 0 && strip.bottom <= 720 && strip.right <= 1280, `the card beside the plot: ${JSON.stringify(strip)}`);
  const plot = await rectOf(page, '.plot-layers');
  assert.ok(!overlaps(strip, plot), 'the card does not cover the plot');
  const [card, pageColour] = await page.evaluate(() =>
    [document.querySelector('[data-testid="lesson-strip"]'), document.body].map((e) => getComputedStyle(e).backgroundColor));
  assert.equal(card, pageColour, 'the card (its scroll shadows\' cover) on the page\'s colour, not a box of its own');
  assert.match(await text(page, 'strip-title'), /\(1\s\/\s5\)/);
  await page.locator('body').focus();
  await page.keyboard.press('PageDown');
  await waitUntil(async () => /\(2\s\/\s5\)/.test(await text(page, 'strip-title')), { what: 'Page Down moves the card beside the plot' });
  await click(page, 'strip-back');
  await waitUntil(async () => /\(1\s\/\s5\)/.test(await text(page, 'strip-title')), { what: 'its Back button' });
  await assertOnOneScreen(page, { ...STAGE_PARTS, card: tid('lesson-strip') }, 'lecture mode with a lesson');
  await shot(page, 'layout-lecture-lesson-1280x720.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('perceptron mode on a phone (390×844): Build XOR\'s weight table does not widen the page', async () => {
  const app = await openAt('#model=perceptron', 390, 844);
  const { page } = app;
  await settle(page);
  await noSidewaysScroll(page, 'perceptron mode at 390×844');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('lecture mode on a phone (390×844): the top bar wraps, no sideways scrolling, the plot on the first screen', async () => {
  const app = await openAt('#lecture=true', 390, 844);
  const { page } = app;
  await settle(page);
  await noSidewaysScroll(page, 'lecture mode at 390×844');
  for (const id of ['drawer-toggle', 'play', 'step', 'reset']) {
    const r = await rectOf(page, tid(id));
    assert.ok(r && r.left >= 0 && r.right <= 390 && r.bottom <= 844, `${id} on the first screen: ${JSON.stringify(r)}`);
  }
  const plot = await rectOf(page, '.plot-layers');
  assert.ok(plot && plot.top < 844 && plot.right <= 390 && plot.height > 200, `the plot on the first screen: ${JSON.stringify(plot)}`);
  await shot(page, 'layout-lecture-390x844.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('390×844: every button, select and check box label is at least 44 px for a finger', async () => {
  const app = await openAt('#dataset=xor&lesson=logic-gates&card=1', 390, 844);
  const { page } = app;
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('.app button, .app select, .app .check, .app summary')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(({ el, r }) => `${el.dataset.testid || el.textContent.trim().slice(0, 24)}: ${Math.round(r.width)}×${Math.round(r.height)}`));
  assert.deepEqual(small, [], 'touch targets under 44 px');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

const SCREENS = [[390, 844], [844, 390], [820, 1180], [1366, 768], [1280, 720, true], [1920, 1080, true]];

test('the status line, with a message, overlaps neither the plot nor the lesson card; empty, it takes no room', async () => {
  for (const [width, height, lecture] of SCREENS) {
    const where = `${width}×${height}${lecture ? ' (lecture)' : ''}`;
    const app = await openAt(`#bogus=1&lesson=feature-maps&card=1${lecture ? '&lecture=true' : ''}`, width, height);
    const { page } = app;
    assert.match(await text(page, 'status'), /bogus/, `${where}: a message is showing`);
    await settle(page);
    const status = await rectOf(page, tid('status'));
    for (const sel of ['.plot-layers', tid('lesson-card')]) {
      const r = await rectOf(page, sel);
      if (r) assert.ok(!overlaps(status, r), `${where}: the status line overlaps ${sel}`);
    }
    await shot(page, `layout-status-${width}x${height}.png`);
    await page.evaluate(() => { document.querySelector('[data-testid="status"]').textContent = ''; });
    await settle(page);
    const empty = await page.evaluate(() => document.querySelector('[data-testid="status"]').getBoundingClientRect().height);
    assert.equal(empty, 0, `${where}: an empty status line leaves no band`);
    await app.context.close();
  }
});

/** Every lesson's link name and its number of cards, from src/lessons/. */
function lessons() {
  const dir = path.join(REPO_ROOT, 'src', 'lessons');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.lesson')).sort().map((f) => ({
    id: f.replace(/^\d+-/, '').replace(/\.lesson$/, ''),
    cards: fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.startsWith('## ')).length,
  }));
}

test('1366×768: every card\'s text, "Try:" and check line fit the first screen beside the plot', async () => {
  const all = lessons();
  assert.ok(all.length >= 14 && all.reduce((n, l) => n + l.cards, 0) >= 55, 'the lessons were found');
  const below = [];
  let walked = 0;
  for (const { id, cards } of all) {
    const app = await openAt(`#lesson=${id}&card=1`, 1366, 768);
    const { page } = app;
    for (let card = 1; card <= cards; card++) {
      if (card > 1) {
        await click(page, 'lesson-next');
        await waitUntil(() => page.evaluate((c) => location.hash.includes(`card=${c}`), card),
          { what: `${id} card ${card}` });
      }
      await settle(page);
      const parts = await page.evaluate(() => {
        const body = document.querySelector('.lesson-body:not(.lesson-hidden)');
        const rect = (el) => el && el.getBoundingClientRect();
        return {
          text: rect(body?.querySelector('.lesson-text')),
          try: rect(body?.querySelector('.lesson-try')),
          check: rect(document.querySelector('[data-testid="lesson-check"]')),
          // Digits mode has its views in the plot's place.
          plot: rect(document.querySelector('.plot-layers') ?? document.querySelector('[data-testid="digits-panel"]')),
          scrollY,
        };
      });
      walked++;
      for (const name of ['text', 'try', 'check']) {
        const r = parts[name];
        if (!r) continue; // a card without a Try: line
        if (r.bottom > 768 || r.right > parts.plot.left + 1) below.push(`${id} ${card} ${name}: bottom ${Math.round(r.bottom)}`);
      }
      if (id === 'logic-gates' && card === 1) await shot(page, 'layout-lesson-1366x768.png');
    }
    await app.context.close();
  }
  assert.equal(walked, all.reduce((n, l) => n + l.cards, 0), 'every card was walked');
  assert.deepEqual(below, [], 'lesson parts below the first screen or not beside the plot');
});

/** The canvas (or, for the neuron maps, the smallest map) that shows the picked view. */
const VIEW_CANVAS = {
  diagram: 'canvas.diagram',
  'hidden-space': 'canvas.hidden-space',
  lift: 'canvas.lift',
  gradients: tid('gradient-chart'),
  'loss-surface': 'canvas.line-surface',
  neurons: 'canvas.neuron',
};

/** The shown size of the first shown `selector` canvas: its box, or the picture inside it
 * where it keeps its shape (object-fit: contain); for several, the smallest. */
const shownSize = (page, selector) => page.evaluate((sel) => {
  const sizes = [...document.querySelectorAll(sel)].filter((c) => c.getClientRects().length).map((c) => {
    const fit = getComputedStyle(c).objectFit === 'contain' && c.width > 0
      ? Math.min(c.clientWidth / c.width, c.clientHeight / c.height) : 0;
    return fit ? { w: c.width * fit, h: c.height * fit } : { w: c.clientWidth, h: c.clientHeight };
  });
  return sizes.sort((a, b) => Math.min(a.w, a.h) - Math.min(b.w, b.h))[0] ?? null;
}, selector);

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  test(`lecture mode at ${width}×${height}: every picked view uses the room beside the plot`, async () => {
    const scale = height / 720;
    for (const hash of ['#lecture=true&dataset=xor&networkShape=4,4&xTimesY=true', '#lecture=true&model=line']) {
      const app = await openAt(hash, width, height);
      const { page } = app;
      const picks = await page.$$eval(`${tid('stage-view')} option`, (os) => os.map((o) => o.value));
      for (const pick of picks) {
        await page.selectOption(tid('stage-view'), pick);
        await settle(page);
        const where = `${width}×${height}, ${pick}`;
        if (pick === 'backprop') {
          // Text, not a picture: the panel takes the view's room and scrolls inside it.
          await assertOnOneScreen(page, { ...STAGE_PARTS, backprop: '.backprop-panel' }, where);
          const room = await rectOf(page, '.backprop-panel');
          assert.ok(room.width >= 200 * scale && room.height >= 150 * scale, `${where}: ${room.width}×${room.height}`);
          continue;
        }
        const size = await shownSize(page, VIEW_CANVAS[pick]);
        assert.ok(size, `${where}: the view is shown`);
        const short = Math.min(size.w, size.h);
        if (pick === 'neurons') {
          assert.ok(short >= 64 * scale, `${where}: each map is ${Math.round(short)} px`);
        } else if (pick === 'diagram') {
          // A network is wide: it fills the column's width, or the height it has.
          const room = await rectOf(page, '.diagram-panel');
          assert.ok(size.w >= 0.85 * room.width || size.h >= 0.6 * room.height,
            `${where}: the diagram uses its room (${Math.round(size.w)}×${Math.round(size.h)} in ${Math.round(room.width)}×${Math.round(room.height)})`);
          assert.ok(short >= 100 * scale, `${where}: the diagram is ${Math.round(short)} px on its short side`);
        } else {
          assert.ok(short >= 200 * scale, `${where}: the view is ${Math.round(size.w)}×${Math.round(size.h)}`);
        }
        const panel = { ...PICKED, 'loss-surface': '.surface-panel' }[pick];
        await assertOnOneScreen(page, { ...STAGE_PARTS, [pick]: panel }, where);
        await assertInside(page, `${panel} canvas`, panel, where);
      }
      assert.deepEqual(app.pageErrors, [], errorReport(app));
      await app.context.close();
    }
  });
}

// A phone and a tablet held upright, with touch (the Read brush, no keys' "?"), as well as
// two laptops: the whole plot, its tick labels included, on the first screen. (The phone's
// plot ended 39 px below it until Lecture and Dark went beside the speed.)
for (const [width, height, touch] of [[1366, 768], [1280, 800], [390, 844, true], [820, 1180, true]]) {
  test(`${width}×${height}${touch ? ' (touch)' : ''}, no lesson, not lecture mode: the whole plot is on the first screen`, async () => {
    const context = touch ? { hasTouch: true, isMobile: true } : {};
    const app = await openPage(session().browser, `${session().url}/`, { viewport: { width, height }, context });
    const { page } = app;
    await settle(page);
    if (touch) {
      assert.ok(await page.locator(tid('probe-brush')).isVisible(), 'a touch screen (the Read brush)');
      // A long run's 7-digit epoch count moves none of the readouts (it shifted the row).
      const places = () => page.evaluate(() =>
        [...document.querySelectorAll('.topbar .readout')].map((r) => `${Math.round(r.getBoundingClientRect().left)},${Math.round(r.getBoundingClientRect().top)}`));
      const before = await places();
      await page.evaluate(() => { document.querySelector('[data-testid="epoch"]').textContent = '1804806'; });
      assert.deepEqual(await places(), before, 'the readouts stay where they were');
    }
    const plot = await rectOf(page, '.plot-layers');
    assert.ok(plot.top >= 0 && plot.bottom <= height, `the plot runs from ${plot.top} to ${plot.bottom} px of ${height}`);
    await noSidewaysScroll(page, `${width}×${height}`);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  });
}
