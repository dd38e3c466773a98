// The view is the viewer's: lecture mode, hidden controls and the theme survive Next, Back,
// "Start this card again", another lesson and a lesson link with view keys (which still opens
// its card's experiment). Page Down / Page Up (a presentation clicker) move between cards, and
// the cards seen are kept in this browser and shown in the lesson picker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, tid, text, waitUntil, waitForApp, hashParams, errorReport, screenshot, ARTIFACTS,
} from './harness.mjs';
import path from 'node:path';

const session = useSession();

const cardTitle = async (page) =>
  (await page.textContent('.lesson-body:not(.lesson-hidden) .lesson-card-title'))?.trim();
const lectureOn = (page) => page.evaluate(() => document.documentElement.hasAttribute('data-lecture'));
const visible = (page, id) => page.locator(tid(id)).first().isVisible();

/** Lecture mode, noise hidden and the dark theme: still so, on screen and in the link. */
async function assertView(page, where) {
  await waitUntil(async () => {
    const h = await hashParams(page);
    return h.get('lecture') === 'true' && h.get('activation_hide') === 'true';
  }, { what: `the view in the link (${where})` });
  assert.ok(await lectureOn(page), `lecture mode (${where})`);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', `the theme (${where})`);
  assert.equal(await visible(page, 'activation'), false, `activation hidden (${where})`);
  assert.ok(await visible(page, 'hide-panel'), `the checklist (${where})`);
}

test('lecture mode, hidden controls and the theme survive Next, Back, Start again and another lesson', async () => {
  const app = await session().open('#lesson=logic-gates&card=5');
  const { page } = app;
  assert.equal(await cardTitle(page), 'Two layers learn XOR');
  await click(page, 'lecture-toggle');
  await click(page, 'theme-toggle');
  await click(page, 'drawer-toggle'); // lecture mode keeps the controls in a drawer
  await page.click(`${tid('hide-panel')} summary`);
  await page.check(tid('hide-activation'));
  await assertView(page, 'set');

  await click(page, 'lesson-back');
  await waitUntil(async () => (await cardTitle(page)) === 'XOR: no line works', { what: 'Back' });
  await waitUntil(async () => (await hashParams(page)).get('model') === 'perceptron', {
    what: "Back applies the card's experiment",
  });
  await assertView(page, 'Back');

  await click(page, 'lesson-next');
  await waitUntil(async () => (await cardTitle(page)) === 'Two layers learn XOR', { what: 'Next' });
  await assertView(page, 'Next');

  await click(page, 'lesson-again');
  await assertView(page, 'Start again');

  await page.selectOption(tid('lesson-select'), 'feature-maps');
  await waitUntil(async () => (await cardTitle(page)) === 'A line cannot enclose a circle', { what: 'another lesson' });
  await waitUntil(async () => (await hashParams(page)).get('dataset') === 'circle', { what: "the lesson's experiment" });
  await assertView(page, 'another lesson');
  await screenshot(page, 'view-state-lecture-lesson.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test("a lesson link with view keys opens its card's experiment with that view", async () => {
  const app = await session().open('#lesson=logic-gates&card=2&lecture=true&xTimesY_hide=true&noise_hide=true&hideText=true');
  const { page } = app;
  assert.equal(await cardTitle(page), 'OR');
  await waitUntil(async () => {
    const h = await hashParams(page);
    return h.get('model') === 'perceptron' && h.get('weights') === '1,1,-1.5';
  }, { what: "the OR card's experiment in the link" });
  assert.equal(await page.inputValue(tid('model')), 'perceptron', "the card's model is on screen");
  assert.ok(await lectureOn(page), 'lecture mode from the link');
  await click(page, 'drawer-toggle'); // the controls, in lecture mode's drawer
  const h = await hashParams(page);
  assert.equal(h.get('xTimesY_hide'), 'true');
  assert.equal(h.get('hideText'), 'true');
  assert.equal(await page.locator('.hint').first().isVisible(), false, 'hideText hides the hints');
  assert.doesNotMatch(await text(page, 'status'), /Loaded|ignored/i, 'nothing was ignored');

  // A lesson link pasted into the address bar keeps the view it finds.
  await page.evaluate(() => { window.location.hash = '#lesson=feature-maps&card=3'; });
  await waitUntil(async () => (await cardTitle(page)) === 'XOR with x₁·x₂', { what: 'the pasted card' });
  await waitUntil(async () => (await hashParams(page)).get('dataset') === 'xor', { what: 'its experiment' });
  assert.ok(await lectureOn(page), 'still lecture mode');
  assert.equal(await visible(page, 'xTimesY'), false, 'x₁x₂ still hidden');
  assert.ok(await visible(page, 'x'), 'x₁ shown');
  await screenshot(page, 'view-state-link.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('Page Down and Page Up move between cards; N and P too; not while typing', async () => {
  const app = await session().open('#lesson=logic-gates');
  const { page } = app;
  assert.equal(await cardTitle(page), 'AND');
  await page.locator('body').focus();
  await page.keyboard.press('PageDown');
  await waitUntil(async () => (await cardTitle(page)) === 'OR', { what: 'Page Down: the next card' });
  await waitUntil(async () => (await hashParams(page)).get('card') === '2', { what: 'card=2 in the link' });
  await page.keyboard.press('n');
  await waitUntil(async () => (await cardTitle(page)) === 'NOT', { what: 'N: the next card' });
  await page.keyboard.press('PageUp');
  await waitUntil(async () => (await cardTitle(page)) === 'OR', { what: 'Page Up: back' });
  await page.keyboard.press('p');
  await waitUntil(async () => (await cardTitle(page)) === 'AND', { what: 'P: back' });
  await page.keyboard.press('PageUp');
  assert.equal(await cardTitle(page), 'AND', 'nothing before the first card');

  // After choosing a lesson in the picker (focus on the select), the clicker still works.
  await page.selectOption(tid('lesson-select'), 'feature-maps');
  await waitUntil(async () => (await cardTitle(page)) === 'A line cannot enclose a circle', { what: 'picked' });
  await page.focus(tid('lesson-select'));
  await page.keyboard.press('PageDown');
  await waitUntil(async () => (await cardTitle(page)) === 'Add x₁² and x₂²', { what: 'Page Down from the picker' });
  assert.equal(await page.inputValue(tid('lesson-select')), 'feature-maps');

  // Typing N in a number field is typing.
  await page.focus(tid('learning-rate'));
  await page.keyboard.press('n');
  assert.equal(await cardTitle(page), 'Add x₁² and x₂²');

  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('?');
  assert.match(await text(page, 'shortcuts-help'), /Page Down/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the cards seen are kept in this browser and shown in the picker and on the card', async () => {
  const app = await session().open('#lesson=perceptron-trick');
  const { page } = app;
  const option = () => page.textContent(`${tid('lesson-select')} option[value="perceptron-trick"]`);
  assert.doesNotMatch(await option(), /seen|✓/);
  await click(page, 'step');
  await waitUntil(async () => (await page.getAttribute(tid('lesson-check'), 'data-seen')) === 'true', { what: 'card 1 seen' });
  await waitUntil(async () => /\(1\/\d+ seen\)/.test(await option()), { what: 'the picker says 1/N seen' });

  await click(page, 'lesson-next');
  await waitUntil(async () => (await cardTitle(page)) === 'Ten steps for one point', { what: 'card 2' });
  assert.match(await text(page, 'lesson-check'), /Not yet/);
  await click(page, 'lesson-back');
  await waitUntil(async () => (await cardTitle(page)) === "The notes' first step", { what: 'back to card 1' });
  assert.match(await text(page, 'lesson-check'), /✓ Seen before/, 'a card seen before says so');
  assert.equal(await page.getAttribute(tid('lesson-check'), 'data-seen-now'), 'false');

  await waitUntil(async () => (await hashParams(page)).get('card') === '1', { what: 'card=1 in the link' });
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.equal(await cardTitle(page), "The notes' first step");
  assert.match(await option(), /\(1\/\d+ seen\)/, 'kept after a reload');
  assert.match(await text(page, 'lesson-check'), /✓ Seen before/);
  await page.locator('.lesson-panel').screenshot({ path: path.join(ARTIFACTS, 'view-state-progress.png') });

  // Corrupt storage breaks nothing: the page loads, with no progress.
  await page.evaluate(() => localStorage.setItem('nn-playground/progress', '\u0000;;x:y:z;<b>:1,2'));
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.doesNotMatch(await option(), /seen|✓/);
  assert.match(await text(page, 'lesson-check'), /Not yet/);

  // Full storage breaks nothing either: the card still flips, for this visit.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await click(page, 'step');
  await waitUntil(async () => (await page.getAttribute(tid('lesson-check'), 'data-seen')) === 'true', { what: 'seen with full storage' });
  await waitUntil(async () => /\(1\/\d+ seen\)/.test(await option()), { what: 'the picker, this visit' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
