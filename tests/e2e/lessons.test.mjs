// Guided lessons: a link opens a lesson, Next walks its cards (each applying its preset and
// updating the link), doing what a card asks flips its check to "✓ Seen it", and the
// student's own points are kept aside when a card replaces them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession,
  click,
  text,
  tid,
  readNumber,
  waitUntil,
  hashParams,
  screenshot,
  errorReport,
  ARTIFACTS,
} from './harness.mjs';
import path from 'node:path';

const session = useSession();

// Seen since the card was opened (a card seen before in this browser also shows "✓ Seen it").
const seen = async (page) => (await page.getAttribute(tid('lesson-check'), 'data-seen-now')) === 'true';

async function waitSeen(page, what, timeout = 20_000) {
  await waitUntil(() => seen(page), { timeout, what: `the check to flip (${what})` });
  assert.match(await text(page, 'lesson-check'), /✓/);
}

async function cardTitle(page) {
  return (await page.textContent('.lesson-body:not(.lesson-hidden) .lesson-card-title'))?.trim();
}

/** Waits until the link shows card `n` of `lesson`, with the experiment's keys beside it. */
async function waitForCardInLink(page, lesson, n) {
  await waitUntil(
    async () => {
      const h = await hashParams(page);
      return h.get('lesson') === lesson && h.get('card') === String(n) && h.has('learningRate');
    },
    { what: `the link to hold lesson=${lesson}&card=${n}` },
  );
}

test('a lesson link opens its first card; Step, Next and Play flip each check', async () => {
  const app = await session().open('#lesson=perceptron-trick');
  const { page } = app;
  assert.equal(await page.inputValue(tid('lesson-select')), 'perceptron-trick');
  assert.equal(await cardTitle(page), "The notes' first step");
  assert.match(await text(page, 'lesson-check'), /Not yet/);
  assert.match(await page.textContent('.lesson-body:not(.lesson-hidden) .lesson-goal'), /Goal: Train until/);
  await waitForCardInLink(page, 'perceptron-trick', 1);
  assert.equal((await hashParams(page)).get('model'), 'perceptron', "the card's preset is applied");

  // Card 1: one Step of the trick, as in the notes.
  await click(page, 'step');
  await waitSeen(page, 'one trick step');
  assert.match(await text(page, 'trick-arithmetic'), /2\.6\s+3\.5\s+-10\.1/);

  // Card 2: ten steps move the line past (1, 1).
  const plotBefore = await page.locator(tid('data-canvas')).boundingBox();
  const dataTop = async () => (await page.locator('.data-panel').boundingBox()).y;
  const dataTopBefore = await dataTop();
  await click(page, 'lesson-next');
  await waitUntil(async () => (await cardTitle(page)) === 'Ten steps for one point', { what: 'card 2' });
  await waitForCardInLink(page, 'perceptron-trick', 2);
  assert.equal(await seen(page), false, 'a new card starts unseen');
  const plotAfter = await page.locator(tid('data-canvas')).boundingBox();
  assert.deepEqual(plotAfter, plotBefore, 'the plot does not move when the card changes');
  assert.equal(await dataTop(), dataTopBefore, 'nor does the panel below the card');
  for (let i = 0; i < 9; i++) await click(page, 'step');
  await waitUntil(async () => (await readNumber(page, 'updates')) === 9, { what: 'nine updates' });
  assert.equal(await seen(page), false, 'nine steps are not enough');
  await click(page, 'step');
  await waitSeen(page, 'ten steps');
  assert.equal(await readNumber(page, 'misclassified'), 0);

  // Card 3: Play runs the trick on generated data until nothing is misclassified.
  await click(page, 'lesson-next');
  await waitUntil(async () => (await cardTitle(page)) === 'Let the trick run', { what: 'card 3' });
  assert.ok((await readNumber(page, 'misclassified')) > 0);
  await click(page, 'play');
  await waitSeen(page, 'Play until separated');
  await screenshot(page, 'lesson-card.png');

  // Back re-applies card 2's preset; its check starts again, and the card says it was seen.
  await click(page, 'lesson-back');
  await waitUntil(async () => (await cardTitle(page)) === 'Ten steps for one point', { what: 'back to card 2' });
  assert.equal(await seen(page), false);
  assert.match(await text(page, 'lesson-check'), /✓ Seen before/, 'seen before, in this browser');
  assert.equal(await readNumber(page, 'updates'), 0);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a neural-network card: tick the features it asks for, press Play, and it flips', async () => {
  const app = await session().open('#lesson=feature-maps&card=2');
  const { page } = app;
  assert.equal(await cardTitle(page), 'Add x₁² and x₂²');
  await page.check(tid('xSquared'));
  await page.check(tid('ySquared'));
  await click(page, 'play');
  await waitSeen(page, 'test accuracy ≥ 95% with x₁² and x₂²');
  assert.ok((await readNumber(page, 'test-accuracy')) >= 95);
  await screenshot(page, 'lesson-features.png');
  await page.locator('.lesson-panel').screenshot({ path: path.join(ARTIFACTS, 'lesson-panel.png') });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test("the student's drawn points are kept aside when a lesson replaces them", async () => {
  const app = await session().open('#points=-3,3,0;3,3,1;3,-3,0');
  const { page } = app;
  await page.selectOption(tid('lesson-select'), 'logic-gates');
  await waitUntil(async () => (await cardTitle(page)) === 'AND', { what: 'the AND card' });
  await waitUntil(async () => (await readNumber(page, 'point-count')) === 4, { what: 'the four corners' });
  assert.match(await text(page, 'restore-points'), /\(3\)/);
  // The card's own corners are not the student's: the next card keeps the three points aside.
  await click(page, 'lesson-next');
  await waitUntil(async () => (await cardTitle(page)) === 'OR', { what: 'the OR card' });
  assert.match(await text(page, 'restore-points'), /\(3\)/);
  // Leaving the lesson keeps the experiment, and the link loses the lesson keys.
  await page.selectOption(tid('lesson-select'), '');
  await waitUntil(async () => !(await hashParams(page)).has('lesson'), { what: 'the link without lesson keys' });
  assert.equal(await page.$(tid('lesson-card')), null);
  await click(page, 'restore-points');
  await waitUntil(async () => (await readNumber(page, 'point-count')) === 3, { what: 'the points back' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('Next on a lesson\'s last card opens the next lesson and says which', async () => {
  const app = await session().open('#lesson=logic-gates&card=5');
  const { page } = app;
  const select = () => page.$eval(tid('lesson-select'), (s) => s.value);
  assert.equal(await select(), 'logic-gates');
  const next = await page.$eval(tid('lesson-select'), (s) => {
    const i = [...s.options].findIndex((o) => o.value === 'logic-gates');
    return s.options[i + 1].textContent.replace(/^\d+\.\s*/, '');
  });
  await click(page, 'lesson-next');
  await waitUntil(async () => (await select()) !== 'logic-gates', { what: 'the next lesson' });
  assert.equal(await text(page, 'status'), `Next lesson: ${next}.`);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a reload in the middle of a lesson keeps the card and the experiment', async () => {
  const app = await session().open('#lesson=learning-rate&card=3');
  const { page } = app;
  assert.equal(await cardTitle(page), 'Momentum');
  await page.selectOption(tid('optimizer'), 'momentum');
  await waitUntil(async () => (await hashParams(page)).get('optimizer') === 'momentum', { what: 'the link' });
  await page.reload();
  await page.waitForSelector(tid('lesson-card'));
  assert.equal(await cardTitle(page), 'Momentum');
  assert.equal(await page.inputValue(tid('optimizer')), 'momentum', "the student's change survives");
  await click(page, 'play');
  await waitSeen(page, 'momentum and test accuracy ≥ 95%');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a link to an unknown lesson or card is explained, not fatal', async () => {
  const app = await session().open('#lesson=no-such-lesson&dataset=circle');
  const { page } = app;
  assert.match(await text(page, 'status'), /no lesson 'no-such-lesson'/);
  assert.equal(await page.$(tid('lesson-card')), null);
  assert.equal(await page.inputValue(tid('lesson-select')), '');

  const clamped = await session().open('#lesson=softmax&card=99');
  assert.match(await text(clamped.page, 'status'), /has 3 cards; opened card 3/);
  assert.equal(await cardTitle(clamped.page), 'A class of your own');
  const width = await clamped.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 1280, `page is ${width}px wide in a 1280px window`);
  assert.deepEqual([...app.pageErrors, ...clamped.pageErrors], [], errorReport(app));
});

test("the admissions card: the notes' weights, typed in, misclassify none of the notes' students", async () => {
  const app = await session().open('#lesson=perceptron-trick&card=6');
  const { page } = app;
  assert.equal(await cardTitle(page), "The notes' admissions line");
  assert.equal((await hashParams(page)).get('dataset'), 'admissions');
  assert.ok((await readNumber(page, 'misclassified')) > 0, 'x₁ + x₂ − 10 = 0 admits too many');
  assert.match(await text(page, 'lesson-check'), /Not yet/);
  for (const [id, value] of [['weight-w1', '2'], ['weight-w2', '1'], ['weight-b', '-18']]) {
    const input = page.locator(tid(id));
    await input.fill(value);
    await input.press('Tab');
  }
  await waitSeen(page, "the notes' weights");
  assert.match(await text(page, 'lesson-check'), /✓ Seen it/);
  assert.equal(await readNumber(page, 'misclassified'), 0);
  await screenshot(page, 'lesson-admissions.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('issue 17 cards: leaky ReLU or ELU picked from the menu flips lesson 05 card 4; L1 leaves weights at exactly 0 (card 12.5)', async () => {
  const app = await session().open('#lesson=activations&card=4');
  const { page } = app;
  assert.equal(await cardTitle(page), 'Leaky ReLU and ELU');
  assert.equal(await page.getAttribute(`${tid('activation-curve-lesson')} canvas`, 'data-activation'), 'relu');
  await page.selectOption(tid('activation'), 'elu');
  await waitUntil(async () => (await page.getAttribute(`${tid('activation-curve-lesson')} canvas`, 'data-activation')) === 'elu',
    { what: "the lesson's drawing to follow the menu" });
  await click(page, 'play');
  await waitSeen(page, 'test accuracy ≥ 95 % with ELU', 40_000);
  await click(page, 'play');

  const l1 = await session().open('#lesson=overfitting&card=5');
  const p = l1.page;
  assert.equal(await cardTitle(p), 'L1 sets weights to exactly 0');
  await p.fill(tid('regularization-rate'), '0.01');
  await p.press(tid('regularization-rate'), 'Enter');
  await waitUntil(async () => /^0 of \d+ weights at 0$/.test((await text(p, 'zero-weights')) ?? ''), { what: 'the zero count before training' });
  await click(p, 'play');
  await waitSeen(p, 'at least 20 weights at exactly 0', 40_000);
  await click(p, 'play');
  const [zero, all] = (await text(p, 'zero-weights')).match(/\d+/g).map(Number);
  assert.ok(zero >= 20 && all > zero, `${zero} of ${all}`);
  await screenshot(p, 'lesson-l1-zero-weights.png');
  assert.deepEqual([...app.pageErrors, ...l1.pageErrors], [], errorReport(app));
});
