// Touch screens and the help (issue 16): on a phone or tablet the hints say "Tap", never "Click"
// or "Hover", and no keyboard shortcut is offered; with a mouse they say "Click" and "Hover".
// Each view's "?" opens its explanation beside its picture, never over it, within the screen's
// width, and Escape or a tap elsewhere closes it. Copy link answers at the button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { useSession, openPage, tid, text, onScreen, waitUntil, errorReport, ARTIFACTS } from './harness.mjs';

const session = useSession();
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };
const LAPTOP = { width: 1366, height: 768 };
const TOUCH = { hasTouch: true, isMobile: true };
const XOR = '#dataset=xor&networkShape=4,2&xTimesY=true';
const MOUSE_WORDS = /\b(click|clicking|hover|hovering|right-click|mouse)\b/i;

const openAt = (hash, viewport, context = {}) =>
  openPage(session().browser, `${session().url}/${hash}`, { viewport, context });

/** Each "?" and the panel holding the view it explains (every canvas in it is the view). */
const TOPICS = [
  [XOR, 'diagram', '.diagram-panel'],
  [XOR, 'neurons', '.neurons-panel'],
  [XOR, 'hidden-space', '.hidden-space-panel'],
  [XOR, 'lift', '.lift-panel'],
  [XOR, 'loss', '.loss-panel:not(.gradient-panel)'],
  [XOR, 'gradients', '.gradient-panel'],
  ['#model=line', 'loss-surface', '.surface-panel'],
];

/** The help box's rect, its view's canvases' rects, and the page's widths. */
async function helpGeometry(page, topic, panel) {
  return page.evaluate(([topic, panel]) => {
    const box = document.querySelector(`[data-testid="help-text-${topic}"]`).getBoundingClientRect();
    const canvases = [...document.querySelector(panel).querySelectorAll('canvas')]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const plain = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    return {
      box: plain(box),
      canvases: canvases.map(plain),
      viewport: innerWidth,
      scrollWidth: document.scrollingElement.scrollWidth,
    };
  }, [topic, panel]);
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const visible = (page, id) => page.locator(tid(id)).isVisible();

test('on a phone and a tablet the hints and the help say Tap, never Click or Hover, and offer no shortcuts', async () => {
  for (const viewport of [PHONE, TABLET]) {
    const app = await openAt(XOR, viewport, TOUCH);
    const { page } = app;
    const where = `${viewport.width}×${viewport.height}`;
    assert.equal(await text(page, 'brush-caption'), 'Tap adds:', where);
    assert.match(await text(page, 'diagram-info'), /^Tap a weight or a unit/, where);
    assert.match(await page.getAttribute(tid('data-canvas'), 'aria-label'), /Tap to add a point.*long-press/);
    assert.equal(await page.locator(tid('shortcuts-button')).count(), 0, `${where}: no keyboard shortcuts' button`);
    assert.equal(await page.getAttribute(tid('lecture-toggle'), 'title'), 'Lecture mode: large type, high contrast');
    await onScreen(page, 'help-diagram');
    await page.tap(tid('help-diagram'));
    await waitUntil(() => visible(page, 'help-text-diagram'), { what: 'a tap opens the help' });
    assert.match(await text(page, 'help-text-diagram'), /Tap a line or a unit/);
    const shown = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(shown, MOUSE_WORDS, `${where}: the page's visible text speaks of a mouse`);
    assert.doesNotMatch(shown, /Page Up|Page Down|Ctrl\+/, `${where}: no keyboard keys`);
    await page.tap(tid('help-diagram'));
    await waitUntil(async () => !(await visible(page, 'help-text-diagram')), { what: 'a second tap closes it' });
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  }
});

test('with a mouse the hints say Click and Hover, and the shortcuts are offered', async () => {
  const app = await openAt(XOR, LAPTOP);
  const { page } = app;
  assert.equal(await text(page, 'brush-caption'), 'Click adds:');
  assert.match(await text(page, 'diagram-info'), /^Hover over a weight or a unit/);
  assert.match(await page.getAttribute(tid('data-canvas'), 'aria-label'), /Click to add a point.*right-click/);
  assert.ok(await visible(page, 'shortcuts-button'), 'the keyboard shortcuts button');
  assert.equal(await page.getAttribute(tid('lecture-toggle'), 'title'), 'Lecture mode: large type, high contrast (L)');
  await onScreen(page, 'help-diagram');
  await page.click(tid('help-diagram'));
  assert.match(await text(page, 'help-text-diagram'), /Hover over a line or a unit/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  await app.context.close();
});

test('every help box opens beside its view, never over its canvas, within the screen; Escape and a tap elsewhere close it', async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const [viewport, context] of [[LAPTOP, {}], [PHONE, TOUCH]]) {
    const where = `${viewport.width}×${viewport.height}`;
    const pages = new Map();
    for (const [hash, topic, panel] of TOPICS) {
      if (!pages.has(hash)) pages.set(hash, await openAt(hash, viewport, context));
      const { page } = pages.get(hash);
      const button = tid(`help-${topic}`);
      await onScreen(page, `help-${topic}`);
      if (context.hasTouch) await page.tap(button);
      else await page.click(button);
      await waitUntil(() => visible(page, `help-text-${topic}`), { what: `${where} ${topic}: the help to open` });
      await page.$eval(panel, (el) => el.scrollIntoView({ block: 'start' }));
      const g = await helpGeometry(page, topic, panel);
      assert.ok(g.canvases.length > 0, `${where} ${topic}: its view has a canvas`);
      for (const c of g.canvases) {
        assert.ok(!overlaps(g.box, c), `${where} ${topic}: the help ${JSON.stringify(g.box)} covers the view ${JSON.stringify(c)}`);
      }
      assert.ok(g.box.left >= 0 && g.box.right <= g.viewport, `${where} ${topic}: the help ${JSON.stringify(g.box)} within the ${g.viewport} px width`);
      assert.ok(g.scrollWidth <= g.viewport, `${where} ${topic}: no sideways scrolling (${g.scrollWidth} px)`);
      if (topic === 'diagram') {
        await page.locator(panel).screenshot({ path: path.join(ARTIFACTS, `help-beside-view-${viewport.width}.png`) });
      }
      if (context.hasTouch && topic === 'loss') {
        await page.tap('h1.title');
        await waitUntil(async () => !(await visible(page, `help-text-${topic}`)), { what: `${where} ${topic}: a tap elsewhere closes it` });
      } else {
        await page.keyboard.press('Escape');
        await waitUntil(async () => !(await visible(page, `help-text-${topic}`)), { what: `${where} ${topic}: Escape closes it` });
      }
    }
    for (const app of pages.values()) {
      assert.deepEqual(app.pageErrors, [], errorReport(app));
      await app.context.close();
    }
  }
});

/** The rect of `selector`, plain. */
const rectOf = (page, selector) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
});

/** The gap in px between two rects (0 when they touch or overlap). */
const gap = (a, b) => Math.hypot(
  Math.max(0, a.left - b.right, b.left - a.right),
  Math.max(0, a.top - b.bottom, b.top - a.bottom),
);

test('on a phone, Copy link answers at the button: "✓ Copied" for a moment, or "✗ Not copied"', async () => {
  const permissions = ['clipboard-read', 'clipboard-write'];
  const app = await openAt('#dataset=circle&seed=4', PHONE, { ...TOUCH, permissions });
  const { page } = app;
  await onScreen(page, 'copy-link');
  const button = await rectOf(page, tid('copy-link'));
  await page.tap(tid('copy-link'));
  await waitUntil(async () => (await text(page, 'copy-link')) === '✓ Copied', { what: 'the answer at the button' });
  const answer = await rectOf(page, `${tid('copy-link')} [aria-live]`);
  assert.ok(gap(answer, button) <= 60, `the answer ${JSON.stringify(answer)} by the button ${JSON.stringify(button)}`);
  await page.locator('.share-panel').screenshot({ path: path.join(ARTIFACTS, 'copy-link-copied-phone.png') });
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /#.*dataset=circle/);
  const started = Date.now();
  await waitUntil(async () => (await text(page, 'copy-link')) === 'Copy link', { what: 'the label back', timeout: 5000 });
  const after = Date.now() - started;
  assert.ok(after > 800 && after < 4000, `the answer stayed about 2 s (${after} ms after it was seen)`);
  // A clipboard that refuses: the answer says so at the button, the link waits in its field.
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); });
  await page.tap(tid('copy-link'));
  await waitUntil(async () => (await text(page, 'copy-link')) === '✗ Not copied', { what: 'the refusal at the button' });
  assert.ok(await visible(page, 'link-field'), 'the link in its field');
  assert.match(await text(page, 'status'), /press and hold it, then choose Copy/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  await app.context.close();
});

/** Every accessible name (aria-label) and tooltip (title) on the page, with its element's test id. */
const namesAndTitles = (page) => page.evaluate(() => [...document.querySelectorAll('[aria-label], [title]')]
  .map((el) => ({ id: el.dataset.testid || el.className || el.tagName, name: el.getAttribute('aria-label') || '', title: el.getAttribute('title') || '' })));

test('lesson texts say tap on a phone and click with a mouse; key hints are tooltips, never names, and never on a phone', async () => {
  const link = '#lesson=softmax&card=3';
  const phone = await openAt(link, PHONE, TOUCH);
  const tryText = (page) => page.textContent('.lesson-body:not(.lesson-hidden) .lesson-try');
  assert.match(await tryText(phone.page), /tap a few points/, 'the phone reads tap');
  assert.doesNotMatch(await tryText(phone.page), /click|\{/i);
  const shown = await phone.page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(shown, MOUSE_WORDS, 'the phone reads no mouse words');
  for (const { id, name, title } of await namesAndTitles(phone.page)) {
    assert.doesNotMatch(`${name} ${title}`, /Ctrl|Page (Up|Down)|\([A-Z?]\)/, `${id}: no keys on a phone`);
  }
  assert.equal(await phone.page.getAttribute(tid('undo'), 'aria-label'), 'Undo the last point edit');
  const laptop = await openAt(link, LAPTOP);
  assert.match(await tryText(laptop.page), /click a few points/, 'the laptop reads click');
  for (const { id, name } of await namesAndTitles(laptop.page)) {
    assert.doesNotMatch(name, /Ctrl|\((F|L|C|D|\?)\)$/, `${id}: the accessible name "${name}" holds a key`);
  }
  assert.equal(await laptop.page.getAttribute(tid('undo'), 'aria-label'), 'Undo the last point edit');
  assert.match(await laptop.page.getAttribute(tid('undo'), 'title'), /\(Ctrl\+Z\)$/, "the key is Undo's tooltip");
  assert.deepEqual([...phone.pageErrors, ...laptop.pageErrors], [], errorReport(phone));
  await phone.context.close();
  await laptop.context.close();
});
