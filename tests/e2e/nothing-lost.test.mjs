// Nothing lost: the experiment survives a reload (by its link, and with an EMPTY hash from
// the browser's storage; storage.test.mjs has a full storage and two tabs); point edits can be undone and redone (buttons and keys), and the link
// follows; a tap on a touch screen adds a point and a long press removes one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, clickCanvasAt, canvasPoint, waitForNumber, readNumber, click, tid, text,
  waitUntil, waitForApp, hashParams, errorReport, sleep,
} from './harness.mjs';

const session = useSession();

/** The link's `points` value (null when it has none). */
const linkPoints = async (page) => (await hashParams(page)).get('points');

/** Waits until the readout shows `n` points and the link's points are written. */
async function expectPoints(page, n, what) {
  await waitForNumber(page, 'point-count', (v) => v === n, { what: `${what}: ${n} points` });
  await waitUntil(async () => (await linkPoints(page)) != null, { what: `${what}: points in the link` });
  return linkPoints(page);
}

/** Waits until the link's points are `value` again (the link follows undo and redo). */
async function expectLink(page, value, what) {
  await waitUntil(async () => (await linkPoints(page)) === value, { what: `${what}: the link follows` });
}

/** Moves the keyboard focus off any field, so that shortcuts reach the page. */
const blur = (page) => page.evaluate(() => document.activeElement?.blur());

test('points survive a reload with the link, and one with an empty hash (localStorage)', async () => {
  const app = await session().open('#points=1,1,1');
  const { page } = app;
  await click(page, 'brush-0');
  await clickCanvasAt(page, -3, 4);
  await clickCanvasAt(page, 2, -4);
  await expectPoints(page, 3, 'two clicks');

  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.equal(await readNumber(page, 'point-count'), 3, 'after a reload with the link');

  // The same browser opens the app with no hash at all: the working experiment comes back.
  await page.goto(new URL('/', page.url()).href, { waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.equal(await readNumber(page, 'point-count'), 3, 'restored from localStorage');
  assert.equal(await text(page, 'status'), 'Restored this tab\'s latest experiment (your 3 points).');
  await waitUntil(async () => (await linkPoints(page)) != null, { what: 'the restored experiment back in the link' });
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('undo and redo of add, remove and clear, by buttons and keys', async () => {
  const app = await session().open('#points=1,1,1');
  const { page } = app;
  assert.ok(await page.locator(tid('undo')).isDisabled(), 'nothing to undo at first');
  await click(page, 'brush-0');
  await clickCanvasAt(page, -3, 4);
  const one = await expectPoints(page, 2, 'one add');
  await clickCanvasAt(page, 3, -4);
  const three = await expectPoints(page, 3, 'two adds');

  await click(page, 'undo');
  await expectPoints(page, 2, 'undo an add');
  await expectLink(page, one, 'undo an add');
  await click(page, 'redo');
  await expectPoints(page, 3, 'redo the add');
  await expectLink(page, three, 'redo the add');

  await click(page, 'eraser');
  await clickCanvasAt(page, 1, 1);
  await expectPoints(page, 2, 'the eraser');
  await click(page, 'undo');
  await expectPoints(page, 3, 'undo a removal');
  await expectLink(page, three, 'undo a removal');

  await click(page, 'clear');
  await expectPoints(page, 0, 'Clear');
  await blur(page);
  await page.keyboard.press('Control+z');
  await expectPoints(page, 3, 'Ctrl+Z undoes Clear');
  await expectLink(page, three, 'Ctrl+Z undoes Clear');
  await page.keyboard.press('Control+Shift+Z');
  await expectPoints(page, 0, 'Ctrl+Shift+Z redoes it');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expectPoints(page, 2, 'Ctrl+Z twice');
  await page.keyboard.press('Control+y');
  await expectPoints(page, 3, 'Ctrl+Y redoes');
  assert.ok(await page.locator(tid('redo')).isEnabled(), 'one more redo is left');

  // A new edit forgets what could be redone.
  await click(page, 'brush-1');
  await clickCanvasAt(page, -4, -4);
  await expectPoints(page, 4, 'a new add');
  assert.ok(await page.locator(tid('redo')).isDisabled(), 'a new edit clears the redo states');
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('a link to another experiment starts a fresh undo history; edits there can be undone', async () => {
  const app = await session().open('#points=1,1,1');
  const { page } = app;
  await click(page, 'brush-0');
  await clickCanvasAt(page, -3, 4);
  await expectPoints(page, 2, 'one add');
  assert.ok(await page.locator(tid('undo')).isEnabled(), 'the add can be undone');

  // Pasting another experiment's link into the address bar, while training: it opens paused.
  await click(page, 'play');
  await page.evaluate(() => { window.location.hash = '#points=-4,-4,0;4,4,1;4,-4,0'; });
  await expectPoints(page, 3, 'the new link');
  assert.equal(await page.getAttribute(tid('play'), 'aria-label'), 'Play', 'the new experiment starts paused');
  assert.equal(await readNumber(page, 'epoch'), 0);
  await waitUntil(() => page.locator(tid('undo')).isDisabled(), { what: 'nothing to undo in the new experiment' });
  assert.ok(await page.locator(tid('redo')).isDisabled(), 'nothing to redo either');
  await sleep(500); // the debounced rewrite of the link (it may switch to the compact form)
  const loaded = await linkPoints(page);
  await blur(page);
  await page.keyboard.press('Control+z');
  await waitUntil(async () => /Nothing to undo/.test(await text(page, 'status')), { what: 'Ctrl+Z says there is nothing to undo' });
  assert.equal(await readNumber(page, 'point-count'), 3, 'Ctrl+Z does not bring back the other experiment\'s points');
  assert.equal(await linkPoints(page), loaded);

  // Ordinary edits in the new experiment are undone as before.
  await clickCanvasAt(page, 0, 3);
  await expectPoints(page, 4, 'an add in the new experiment');
  await page.keyboard.press('Control+z');
  await expectPoints(page, 3, 'undo it');
  await expectLink(page, loaded, 'undo it');
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('on a touch screen, a tap adds a point and a long press removes the nearest', async () => {
  const { browser, url } = session();
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
  try {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${url}/#points=1,1,1`, { waitUntil: 'load' });
    await waitForApp(page, { pageErrors });
    await page.tap(tid('brush-0'));
    await page.locator(tid('data-canvas')).scrollIntoViewIfNeeded();
    const at = await canvasPoint(page, -3, 3);
    await page.touchscreen.tap(at.x, at.y);
    await expectPoints(page, 2, 'a tap');

    const cdp = await context.newCDPSession(page);
    const here = await canvasPoint(page, 1, 1);
    const touch = [{ x: here.x, y: here.y }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch });
    await sleep(900);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expectPoints(page, 1, 'a long press');
    await sleep(300);
    assert.equal(await readNumber(page, 'point-count'), 1, 'the long press added nothing');
    const touchAction = await page.$eval(tid('data-canvas'), (el) => getComputedStyle(el).touchAction);
    assert.equal(touchAction, 'none', 'the plot does not scroll or zoom the page');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
