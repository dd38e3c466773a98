// Lecture mode: large type, controls hidden by link flags or by the checklist, keyboard
// shortcuts, the full-screen plot, accessible names, and the dark theme (with screenshots
// to look at as a student at the back of a lecture hall would).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, waitForNumber, readNumber, click, tid, text, waitUntil, waitForApp, hashParams,
  errorReport, screenshot, sleep, onScreen,
} from './harness.mjs';

const session = useSession();

const rootFontPx = (page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const visible = (page, id) => page.locator(tid(id)).first().isVisible();

test('the lecture toggle enlarges the type and goes into the link', async () => {
  const app = await session().open('/');
  const { page } = app;
  const normal = await rootFontPx(page);
  await click(page, 'lecture-toggle');
  await waitUntil(async () => (await rootFontPx(page)) >= normal * 1.25, { what: 'larger type' });
  assert.equal(await page.getAttribute(tid('lecture-toggle'), 'aria-pressed'), 'true');
  await waitUntil(async () => (await hashParams(page)).get('lecture') === 'true', { what: 'lecture=true in the link' });
  await screenshot(page, 'lecture.png');
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.ok((await rootFontPx(page)) >= normal * 1.25, 'lecture mode survives a reload');
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('a link\'s _hide flags hide those controls; the checklist hides more, in the link', async () => {
  const app = await session().open('#noise_hide=true&playButton_hide=true&hideText=true');
  const { page } = app;
  assert.equal(await visible(page, 'noise'), false, 'noise hidden');
  assert.equal(await visible(page, 'play'), false, 'play hidden');
  assert.equal(await page.locator('.field', { hasText: 'Noise' }).count(), 1);
  assert.equal(await page.locator('.field', { hasText: 'Noise' }).isVisible(), false, 'its label too');
  assert.ok(await visible(page, 'step'), 'step shown');
  assert.ok(await visible(page, 'activation'), 'activation shown');
  assert.equal(await page.locator('.hint').first().isVisible(), false, 'hideText hides the hints');

  await click(page, 'lecture-toggle');
  await click(page, 'drawer-toggle'); // lecture mode keeps the controls in a drawer
  await page.click(`${tid('hide-panel')} summary`);
  assert.ok(await page.isChecked(tid('hide-noise')));
  await page.uncheck(tid('hide-noise'));
  await page.check(tid('hide-activation'));
  await waitUntil(async () => await visible(page, 'noise'), { what: 'noise shown again' });
  assert.equal(await visible(page, 'activation'), false, 'activation hidden');
  await waitUntil(async () => {
    const h = await hashParams(page);
    return h.get('activation_hide') === 'true' && !h.has('noise_hide') && h.get('playButton_hide') === 'true';
  }, { what: 'the hidden controls in the link' });
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('shortcuts: space, →, R, digits, ? and Escape; ignored while typing', async () => {
  const app = await session().open('/');
  const { page } = app;
  await page.locator('body').focus();
  await page.keyboard.press('ArrowRight');
  await waitForNumber(page, 'epoch', (v) => v === 1, { what: '→ steps one epoch' });
  await page.keyboard.press(' ');
  await waitForNumber(page, 'epoch', (v) => v > 5, { what: 'space plays' });
  await page.keyboard.press(' ');
  const paused = await waitForNumber(page, 'epoch', (v) => v > 5);
  await sleep(300);
  const later = await readNumber(page, 'epoch');
  await sleep(300);
  assert.equal(await readNumber(page, 'epoch'), later, 'space pauses');
  assert.ok(later >= paused);

  // Typing R in a field does not reset.
  await page.focus(tid('learning-rate'));
  await page.keyboard.press('r');
  assert.equal(await readNumber(page, 'epoch'), later, 'R in a field is typing');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('r');
  await waitForNumber(page, 'epoch', (v) => v === 0, { what: 'R resets' });

  await page.keyboard.press('2');
  assert.equal(await page.getAttribute(tid('brush-1'), 'aria-pressed'), 'true', '2 picks the second brush');
  await page.keyboard.press('1');
  assert.equal(await page.getAttribute(tid('brush-0'), 'aria-pressed'), 'true', '1 picks the first');

  await page.keyboard.press('?');
  await waitUntil(() => visible(page, 'shortcuts-help'), { what: '? opens the help' });
  assert.match(await text(page, 'shortcuts-help'), /Space/);
  await page.keyboard.press('Escape');
  await waitUntil(async () => !(await visible(page, 'shortcuts-help')), { what: 'Escape closes the help' });
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('the full-screen button and F show the plot full screen (or maximised), and leave it', async () => {
  const app = await session().open('/');
  const { page } = app;
  const state = () =>
    page.evaluate(() => ({
      native: document.fullscreenElement?.id ?? null,
      maximised: document.getElementById('plot-frame')?.classList.contains('maximised') ?? false,
    }));
  const isFull = async () => {
    const s = await state();
    return s.native === 'plot-frame' || s.maximised;
  };
  await click(page, 'fullscreen');
  await waitUntil(isFull, { what: 'the plot full screen' });
  // The presenter layout: the plot as tall as fits, the readouts beside it (layout.test.mjs).
  const box = await page.locator(tid('data-canvas')).boundingBox();
  const viewport = page.viewportSize();
  // The presenter layout gives the views beside the plot their room: the plot takes at least
  // 80 % of the height (as layout.test.mjs asks in lecture mode).
  assert.ok(box.height >= viewport.height * 0.8, `the plot fills the screen's height (${box.height}px)`);
  assert.ok(await page.locator(tid('epoch')).isVisible(), 'the readouts stay on the screen');
  await page.locator('body').focus();
  await page.keyboard.press('f');
  await waitUntil(async () => !(await isFull()), { what: 'F leaves full screen' });
  await page.keyboard.press('f');
  await waitUntil(isFull, { what: 'F shows the plot full screen' });
  await page.keyboard.press('Escape');
  await waitUntil(async () => !(await isFull()), { what: 'Escape leaves full screen' });
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('every control has an accessible name and is reachable by Tab; the status is live', async () => {
  const app = await session().open('/');
  const { page } = app;
  // From a fresh page, Tab reaches the play button, and its focus ring shows.
  let reached = false;
  for (let k = 0; k < 12 && !reached; k++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.dataset?.testid === 'play');
  }
  assert.ok(reached, 'Tab reaches Play');
  const outline = await page.$eval(tid('play'), (el) => getComputedStyle(el).outlineStyle);
  assert.equal(outline, 'solid', 'a visible focus ring');
  await click(page, 'lecture-toggle');
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea, summary')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const label = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        const byLabel = el.labels && [...el.labels].some((l) => l.textContent.trim());
        const own = ['BUTTON', 'SUMMARY'].includes(el.tagName) && el.textContent.trim();
        return !(label || byLabel || own);
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  assert.deepEqual(unnamed, [], 'controls without an accessible name');
  const canvas = await page.$eval(tid('data-canvas'), (el) => [el.getAttribute('role'), el.getAttribute('aria-label')]);
  assert.equal(canvas[0], 'img');
  assert.match(canvas[1], /Data plot/);
  assert.equal(await page.getAttribute(tid('status'), 'aria-live'), 'polite');

  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

/** Words of the page's visible text that the layout breaks across lines (a hyphen or a slash
 *  may end a line; a word may not), and controls that run past the right edge of their panel. */
const brokenLayout = (page) =>
  page.evaluate(() => {
    const broken = [];
    const walker = document.createTreeWalker(document.querySelector('.app'), NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('select, svg, .visually-hidden') || !el.getClientRects().length) continue;
      for (const m of n.data.matchAll(/[^\s\-\u2010-\u2014/|]+/g)) {
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    const overflowing = [];
    for (const panel of document.querySelectorAll('.side-column .panel, .model-panel, .charts-panel')) {
      const edge = panel.getBoundingClientRect().right;
      for (const el of panel.querySelectorAll('button, input, select, .field, .check')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > edge + 1) overflowing.push(el.textContent.trim().slice(0, 30) || el.outerHTML.slice(0, 60));
      }
    }
    return { broken, overflowing };
  });

test('lecture mode: words wrap whole and controls stay inside their panels, at 1280×720 and 1920×1080', async () => {
  const app = await session().open('#lecture=true&output=auto');
  const { page } = app;
  await click(page, 'drawer-toggle'); // the controls, in lecture mode's drawer
  for (const [width, height] of [[1280, 720], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.click(`${tid('hide-panel')} summary`);
    await sleep(300);
    const { broken, overflowing } = await brokenLayout(page);
    await screenshot(page, `lecture-${width}x${height}.png`);
    assert.deepEqual(broken, [], `words broken mid-word at ${width}×${height}`);
    assert.deepEqual(overflowing, [], `controls past their panel's edge at ${width}×${height}`);
    await page.click(`${tid('hide-panel')} summary`);
  }
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('nothing hides behind the status line: focused controls stay clear of it, an empty one covers nothing', async () => {
  const app = await session().open('#bogus=1&output=auto');
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  assert.match(await text(page, 'status'), /bogus/, 'a message is showing');
  const hidden = [];
  for (let k = 0; k < 70; k++) {
    await page.keyboard.press('Tab');
    const covered = await page.evaluate(() => {
      const el = document.activeElement;
      const bar = document.querySelector('[data-testid="status"]').getBoundingClientRect();
      const r = el?.getBoundingClientRect();
      if (!r || !r.height) return null;
      return r.bottom > bar.top + 1 && r.top < bar.bottom ? el.dataset.testid || el.outerHTML.slice(0, 60) : null;
    });
    if (covered) hidden.push(covered);
  }
  assert.deepEqual(hidden, [], 'controls that took the focus behind the status line');

  await page.evaluate(() => { document.querySelector('[data-testid="status"]').textContent = ''; });
  await page.evaluate(() => window.scrollTo(0, 300));
  const atBottom = await page.evaluate(() => {
    const el = document.elementFromPoint(640, window.innerHeight - 10);
    return el?.closest('[data-testid="status"]') ? 'status' : 'page';
  });
  assert.equal(atBottom, 'page', 'an empty status line takes no clicks from the page');
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('the dark theme follows the system and toggles; screenshots', async () => {
  const { browser, url } = session();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  try {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${url}/#dataset=circle&noise=10&output=auto`, { waitUntil: 'load' });
    await waitForApp(page, { pageErrors });
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    assert.equal(await theme(), 'dark', 'follows prefers-color-scheme');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(bg, 'rgb(238, 240, 243)', 'a dark background');
    await page.click(tid('step'));
    await waitForNumber(page, 'epoch', (v) => v === 1);
    // The charts follow the theme: drawn on the panel's colour, redrawn when the view changes.
    const corner = (id) =>
      page.$eval(tid(id), (c) => [...c.getContext('2d').getImageData(2, 2, 1, 1).data.slice(0, 3)].join(','));
    const chartsOn = async (rgb, what) => {
      await onScreen(page, 'loss-chart');
      await waitUntil(async () => (await corner('loss-chart')) === rgb, { what: `the loss chart ${what}` });
      await onScreen(page, 'gradient-chart');
      await waitUntil(async () => (await corner('gradient-chart')) === rgb, { what: `the gradient chart ${what}` });
    };
    await chartsOn('27,34,44', 'on the dark panel');
    await screenshot(page, 'dark.png');
    await click(page, 'lecture-toggle');
    // Lecture mode shows one view beside the plot: the gradient chart, picked.
    await page.selectOption(tid('stage-view'), 'gradients');
    await chartsOn('13,17,23', "on lecture mode's darker panel");
    await sleep(300);
    await screenshot(page, 'dark-lecture.png');
    await click(page, 'theme-toggle');
    assert.equal(await theme(), 'light');
    await chartsOn('255,255,255', 'on white in the light theme');
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page, { pageErrors });
    assert.equal(await theme(), 'light', 'the choice is kept in this browser');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

/** The boxes of every visible element matching `selector`. */
const shownBoxes = (page, selector) =>
  page.$$eval(selector, (els) =>
    els
      .map((el) => ({ el, r: el.getBoundingClientRect(), s: getComputedStyle(el) }))
      .filter(({ r, s }) => r.width > 0 && r.height > 0 && s.visibility !== 'hidden')
      .map(({ el, r }) => `${el.tagName} ${el.getAttribute('data-testid') ?? el.className} ${Math.round(r.width)}×${Math.round(r.height)}`));

test('Hide all hides every control and every emptied heading; Show all brings them back', async () => {
  const app = await session().open('#lecture=true&output=auto');
  const { page } = app;
  await click(page, 'drawer-toggle'); // lecture mode keeps the controls in a drawer
  await page.click(`${tid('hide-panel')} summary`);
  const listed = await page.$$eval(`${tid('hide-panel')} .hide-group legend`, (els) => els.map((e) => e.textContent));
  assert.deepEqual(listed.slice(0, 4), ['Play, Step, Reset', 'Lesson', 'Data', 'Features']);
  const labels = await page.$$eval(`${tid('hide-panel')} .check span`, (els) => els.map((e) => e.textContent));
  assert.ok(labels.includes('Learning rate') && labels.includes('Check gradients'), labels.join(', '));
  assert.ok(!labels.some((l) => /^[a-z]+[A-Z]/.test(l)), `no raw link keys: ${labels.join(', ')}`);
  const controls = [
    'play', 'step', 'reset', 'speed', 'lesson-select', 'dataset-xor', 'noise', 'perc-train', 'regenerate',
    'show-test', 'x', 'xTimesY', 'standardize', 'copy-link', 'eraser', 'clear', 'model', 'add-layer',
    'activation', 'init', 'learning-rate', 'current-lr', 'batch-size', 'optimizer', 'check-gradients',
    'random-restarts', 'boundary-line',
  ];
  for (const id of controls) assert.ok(await visible(page, id), `${id} shown at first`);
  const headings = '.side-column h2, .model-panel h2, .plot-panel h2';
  const before = await shownBoxes(page, headings);

  await click(page, 'hide-all');
  await waitUntil(async () => !(await visible(page, 'play')), { what: 'Hide all' });
  for (const id of controls) assert.equal(await visible(page, id), false, `${id} hidden`);
  const left = await shownBoxes(page, '[data-group]');
  assert.deepEqual(left, [], `no empty heading stays: ${left.join('; ')}`);
  assert.equal(await page.locator('.data-panel').isVisible(), false, 'the emptied Data panel goes');
  assert.equal(await page.locator('.share-panel').isVisible(), false, 'Share goes');
  assert.ok(await visible(page, 'hide-panel'), 'the checklist stays');
  assert.ok(await visible(page, 'data-canvas'), 'the plot stays');
  await waitUntil(async () => (await hashParams(page)).get('learningRate_hide') === 'true', { what: 'in the link' });
  await screenshot(page, 'lecture-hide-all.png');

  await click(page, 'show-all');
  await waitUntil(async () => await visible(page, 'play'), { what: 'Show all' });
  for (const id of controls) assert.ok(await visible(page, id), `${id} shown again`);
  assert.deepEqual(await shownBoxes(page, headings), before, 'every heading back');
  const hidden = async () => [...(await hashParams(page)).keys()].filter((k) => k.endsWith('_hide'));
  await waitUntil(async () => (await hidden()).length === 0, { what: 'no _hide key left in the link' }).catch(async (e) => {
    throw new Error(`${e.message}: ${(await hidden()).join(', ')}`);
  });
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('hiding the learning rate hides "Learning rate now"; regression data sets hide only theirs', async () => {
  const app = await session().open('#learningRate_hide=true&regDataset_hide=true&output=auto');
  const { page } = app;
  assert.equal(await visible(page, 'learning-rate'), false);
  assert.equal(await visible(page, 'current-lr'), false, '"Learning rate now" goes with it');
  assert.equal(await page.locator('.hint', { hasText: 'Learning rate now' }).isVisible(), false);
  assert.ok(await visible(page, 'dataset-xor'), 'the classification data sets stay');
  await page.selectOption(tid('problem'), 'regression');
  await waitUntil(async () => (await page.locator('.datasets').count()) === 1 && !(await page.locator('.datasets').isVisible()), {
    what: 'the regression data sets hidden',
  });
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});
