// The QR code carries the experiment. A point drawn on a generated set is written as a
// difference from it (pointsAdded, pointsRemoved), so the code stays one a phone reads across
// a room (version 10 or lower); decoded with a real QR decoder (jsQR, in the page), it opens
// the same points and settings. Share with weights reaches the QR code; a code too dense for
// the room says so and offers the settings-only code. And the note under the brushes that
// says which drawn points are test points, with the training share beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  useSession, tid, text, click, clickCanvasAt, canvasPoint, waitForNumber, waitUntil, readNumber,
  hashParams, onScreen, errorReport, ARTIFACTS,
} from './harness.mjs';

const session = useSession();
const JSQR = createRequire(import.meta.url).resolve('jsqr');

/** The text of the QR code drawn on the page's canvas, decoded by jsQR from its pixels. */
async function decodeQr(page) {
  if (!(await page.evaluate(() => typeof window.jsQR === 'function'))) {
    await page.addScriptTag({ path: JSQR });
  }
  await onScreen(page, 'qr-canvas');
  return page.$eval(tid('qr-canvas'), (c) => {
    const image = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const found = window.jsQR(image.data, image.width, image.height);
    return found ? found.data : null;
  });
}

/** The QR code's version, from its caption. */
async function qrVersion(page) {
  const label = await page.getAttribute(tid('qr-canvas'), 'aria-label');
  return Number(/version (\d+)/.exec(label)?.[1]);
}

/** Waits until the decoded QR code satisfies `pred`; returns its text. */
async function qrUntil(page, pred, what) {
  let last = null;
  await waitUntil(async () => {
    last = await decodeQr(page);
    return last != null && pred(last);
  }, { what: `the QR code to hold ${what} (last: ${last?.slice(0, 200)})` });
  return last;
}

/** The hash part of a link, as URLSearchParams. */
const paramsOf = (link) => new URLSearchParams(link.split('#')[1] ?? '');

/** The points in use and their split, from the app's automation hook. */
const points = (page) => page.evaluate(() => [...window.wasmBindings.probe_points()]);

/** Sets a range slider to `value` as a user's drag does (an input event). */
async function slide(page, id, value) {
  await page.$eval(tid(id), (el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Screenshot of one element into the artifacts. */
async function shot(page, selector, name) {
  await page.locator(selector).first().screenshot({ path: `${ARTIFACTS}/${name}` });
}

test('a point edit on a generated set keeps the QR code small, and it opens the same experiment', async () => {
  const app = await session().open('#dataset=xor&seed=5&percTrainData=70&learningRate=0.1');
  const { page } = app;
  const before = await qrVersion(page);
  await click(page, 'brush-1');
  await clickCanvasAt(page, 1.5, 2.5);
  await click(page, 'brush-0');
  await clickCanvasAt(page, -4.5, 4.5);
  // Right-click erases the generated point nearest to (3, 3).
  const at = await canvasPoint(page, 3, 3);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await waitForNumber(page, 'point-count', (n) => n === 501, { what: '500 + 2 − 1 points' });
  await waitUntil(async () => (await hashParams(page)).has('pointsAdded'), { what: 'the difference in the link' });
  const link = await hashParams(page);
  assert.equal(link.get('points'), null, 'not every point');
  assert.match(link.get('pointsRemoved') ?? '', /^\d+$/, 'one generated point removed, by index');
  // The split note counts the generated points as generated, not as the user's, and the
  // split holds out 30 % of the 501 points (150).
  await waitUntil(async () => (await page.$(tid('split-note'))) != null, { what: 'the split note' });
  assert.match(
    await text(page, 'split-note-text'),
    /^150 of 501 points \(499 generated, 2 drawn by you\) are test points \(/,
  );

  const decoded = await qrUntil(page, (t) => /pointsAdded=/.test(t), 'the drawn points');
  const version = await qrVersion(page);
  assert.ok(version <= 10, `version ${version} (${decoded.length} characters; ${before} before the edit)`);
  assert.ok(decoded.length < 140, `${decoded.length} characters: ${decoded}`);
  assert.equal(await page.$(tid('qr-note')), null, 'no note: the code fits');
  await shot(page, '.qr', 'qr-drawn-points.png');
  // Big, on a projector's 1280×720: at least 10 px a module, about 2 cm on a screen 2.7 m
  // wide, which a phone's camera resolves from 10 m.
  await page.setViewportSize({ width: 1280, height: 720 });
  await click(page, 'qr-big');
  const big = await page.$eval(tid('qr-canvas'), (c) => c.getBoundingClientRect().height);
  await page.screenshot({ path: `${ARTIFACTS}/qr-drawn-points-big.png` });
  const modules = 17 + 4 * version + 8;
  assert.ok(big / modules >= 10, `${(big / modules).toFixed(1)} px a module on the big code (${big} px)`);
  // Nothing covers it: the element at its centre and at its corners' finder patterns is the code.
  const covered = await page.$eval(tid('qr-canvas'), (c) => {
    const r = c.getBoundingClientRect();
    const at = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.7, 0.7]];
    return at.filter(([fx, fy]) => document.elementFromPoint(r.x + fx * r.width, r.y + fy * r.height) !== c);
  });
  assert.deepEqual(covered, [], 'the big code is on top of every panel');
  assert.equal(await decodeQr(page), decoded, 'the big code is the same code');
  // Escape closes it, as it closes every other overlay (a presenter has no mouse at hand).
  await page.keyboard.press('Escape');
  await waitUntil(async () => (await page.getAttribute(tid('qr-big'), 'aria-pressed')) === 'false', { what: 'Escape closes the big code' });

  assert.ok(decoded.startsWith(session().url), decoded);
  const copy = await session().open(decoded.slice(session().url.length));
  const [mine, theirs] = [await points(page), await points(copy.page)];
  assert.equal(theirs.length, 501 * 4);
  assert.deepEqual(theirs, mine, 'the same points, in the same order, with the same split');
  const same = paramsOf(decoded);
  assert.equal(same.get('percTrainData'), '70');
  assert.equal(await copy.page.$eval(tid('perc-train'), (el) => el.value), '70');
  assert.equal(await copy.page.$eval(tid('learning-rate'), (el) => el.value), '0.1');
  assert.equal(await text(copy.page, 'train-loss'), await text(page, 'train-loss'), 'the same network too');

  // Undo and redo of the erasure: the link and the QR code follow.
  await click(page, 'undo');
  await waitForNumber(page, 'point-count', (n) => n === 502);
  await waitUntil(async () => !(await hashParams(page)).has('pointsRemoved'), { what: 'the link after undo' });
  await qrUntil(page, (t) => /pointsAdded=/.test(t) && !/pointsRemoved/.test(t), 'the two drawn points only');
  await click(page, 'redo');
  await waitForNumber(page, 'point-count', (n) => n === 501);
  await qrUntil(page, (t) => paramsOf(t).get('pointsRemoved') === link.get('pointsRemoved'), 'the erasure again');
  assert.deepEqual([...app.pageErrors, ...copy.pageErrors], [], errorReport(app));
});

test('Share with weights reaches the QR code; a code too dense for a room says so and offers the settings-only code', async () => {
  const app = await session().open('#dataset=xor&seed=5');
  const { page } = app;
  for (let i = 0; i < 5; i++) await click(page, 'step');
  await waitForNumber(page, 'epoch', (e) => e === 5);
  await click(page, 'share-weights');
  await waitUntil(async () => /params=/.test(await page.$eval(tid('link-field'), (el) => el.value)), {
    what: 'the link with weights',
  });
  const shared = paramsOf(await page.$eval(tid('link-field'), (el) => el.value)).get('params');
  const full = await qrUntil(page, (t) => /params=/.test(t), 'the weights');
  assert.equal(paramsOf(full).get('params'), shared, 'the same weights as the copied link');
  // 25 weights of 8 bytes: about 290 characters, more than version 10 holds.
  const note = await text(page, 'qr-note');
  assert.match(note, /version \d+/, note);
  assert.match(note, /not across a room/, note);
  assert.ok((await qrVersion(page)) > 10);
  assert.equal(await page.$eval(tid('qr-canvas'), (c) => c.hidden), false, 'the full code stays until the user chooses');
  assert.match(await text(page, 'qr-settings-only'), /settings-only/);
  await page.locator('.qr').scrollIntoViewIfNeeded();
  await shot(page, '.share-panel', 'qr-too-dense.png');

  await click(page, 'qr-settings-only');
  const settings = await qrUntil(page, (t) => !/params=/.test(t), 'the settings only');
  assert.ok(!/points/.test(settings), settings);
  assert.ok((await qrVersion(page)) <= 10);
  assert.match(await text(page, 'qr-note'), /settings only, not the trained weights/);
  assert.equal(await page.getAttribute(tid('qr-settings-only'), 'aria-pressed'), 'true');
  await shot(page, '.qr', 'qr-settings-only.png');
  await click(page, 'qr-settings-only');
  await qrUntil(page, (t) => paramsOf(t).get('params') === shared, 'the weights again');

  // A setting changed and changed back: the weights were for the old run, they do not return.
  await slide(page, 'perc-train', 60);
  await qrUntil(page, (t) => !/params=/.test(t), 'no weights after a change');
  await slide(page, 'perc-train', 50);
  await waitUntil(async () => (await hashParams(page)).get('percTrainData') === '50', { what: 'the change back' });
  const after = await qrUntil(page, (t) => !/percTrainData/.test(t), 'the settings as they were');
  assert.ok(!/params=/.test(after), `no stale weights: ${after}`);
  assert.equal(await page.$(tid('qr-note')), null, 'the plain code fits again');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the split note says which drawn points are test points, with the training share at hand', async () => {
  const app = await session().open('#points=&seed=3&percTrainData=50');
  const { page } = app;
  assert.equal(await page.$(tid('split-note')), null, 'no points, no note');
  const corners = [[-4, 4], [4, 4], [4, -4], [-4, -4]];
  let drawn = 0;
  for (const [dx, dy] of [[0, 0], [1, 0], [0, -1]]) {
    for (const [i, [x, y]] of corners.entries()) {
      await click(page, i % 2 ? 'brush-1' : 'brush-0');
      await onScreen(page, 'data-canvas'); // the note, once there, moves the plot down
      await clickCanvasAt(page, x + dx, y + dy);
      drawn += 1;
      await waitForNumber(page, 'point-count', (n) => n === drawn);
    }
  }
  const testCount = async () => (await points(page)).filter((v, i) => i % 4 === 3 && v === 1).length;
  const held = await testCount();
  assert.ok(held > 0 && held < 12, `${held} of 12 are test points`);
  await waitUntil(async () => (await page.$(tid('split-note'))) != null, { what: 'the split note' });
  assert.match(await text(page, 'split-note-text'), new RegExp(`^${held} of your 12 points are test points? \\(rings\\)`));
  // It sits under the plot (with the legend), where the student draws: coming and going, it
  // never moves the plot under a finger that is drawing.
  const note = await page.locator(tid('split-note')).boundingBox();
  const plot = await page.locator(tid('data-canvas')).boundingBox();
  assert.ok(note.y >= plot.y + plot.height - 2 && note.y - (plot.y + plot.height) < 200, JSON.stringify({ note, plot }));
  assert.ok(note.x < plot.x + plot.width && note.x + note.width > plot.x, 'under the plot');
  await page.locator('.plot-panel').scrollIntoViewIfNeeded();
  await shot(page, '.plot-panel', 'split-note.png');

  // Its slider is the data panel's training share: one setting.
  await slide(page, 'split-perc-train', 90);
  await waitUntil(async () => (await hashParams(page)).get('percTrainData') === '90', { what: 'the link to follow' });
  assert.equal(await page.$eval(tid('perc-train'), (el) => el.value), '90');
  const fewer = await testCount();
  assert.ok(fewer <= held, `${fewer} test points at 90 %`);
  if (fewer > 0) assert.match(await text(page, 'split-note-text'), new RegExp(`^${fewer} of your 12`));
  else await waitUntil(async () => (await page.$(tid('split-note'))) == null, { what: 'the note to go' });
  await click(page, 'clear');
  await waitForNumber(page, 'point-count', (n) => n === 0);
  await waitUntil(async () => (await page.$(tid('split-note'))) == null, { what: 'the note to go with the points' });

  // On a phone, the note and its slider fit the screen's width.
  const phone = await session().open('#points=-4,4,0;4,4,1;4,-4,0;-4,-4,1;-3,4,0;3,4,1&seed=3&percTrainData=10');
  await phone.page.setViewportSize({ width: 390, height: 844 });
  const phoneNote = await waitUntil(async () => phone.page.locator(tid('split-note')).boundingBox(), { what: 'the note on a phone' });
  assert.ok(phoneNote.x >= 0 && phoneNote.x + phoneNote.width <= 390, JSON.stringify(phoneNote));
  await shot(phone.page, '.plot-panel', 'split-note-phone.png');
  assert.equal(await readNumber(page, 'point-count'), 0);
  assert.deepEqual([...app.pageErrors, ...phone.pageErrors], [], errorReport(app));
});
