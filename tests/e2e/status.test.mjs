// The status line tells the truth: a message about the run (no line separates the classes,
// diverged, early stopping) goes when that run does (a new card or lesson, Reset), and the
// line itself sits in the page's flow under the top bar, covering neither the plot nor the
// lesson card, on the first screen at laptop and phone sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSession, click, text, tid, waitUntil, errorReport, ARTIFACTS } from './harness.mjs';

const session = useSession();

const status = async (page) => (await text(page, 'status')) ?? '';

/** Waits for the status line to match `pattern`. */
async function waitFor(page, pattern, what, timeout = 30_000) {
  await waitUntil(async () => pattern.test(await status(page)), { timeout, what });
}

/** Waits for the status line to stop matching `pattern` after `what`, and checks it stays so. */
async function waitGone(page, pattern, what) {
  await waitUntil(async () => !pattern.test(await status(page)), {
    timeout: 3_000,
    what: `${pattern} to go from the status line after ${what} (it says ${JSON.stringify(await status(page))})`,
  });
  await page.waitForTimeout(300);
  assert.doesNotMatch(await status(page), pattern, `the message came back after ${what}`);
}

const NOT_SEPARABLE = /no line separates/;
const DIVERGED = /diverged/;
const EARLY = /Early stopping/;

test('"no line separates" goes with the card and with the lesson', async () => {
  const app = await session().open('#lesson=perceptron-trick&card=4');
  const { page } = app;
  await click(page, 'play');
  await waitFor(page, NOT_SEPARABLE, 'the perceptron to give up on XOR');
  await click(page, 'lesson-next');
  await waitGone(page, NOT_SEPARABLE, 'Next card');

  await click(page, 'lesson-back');
  await click(page, 'play');
  await waitFor(page, NOT_SEPARABLE, 'the perceptron to give up again');
  await page.selectOption(tid('lesson-select'), 'learning-rate');
  await waitGone(page, NOT_SEPARABLE, 'another lesson');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

// A regression that diverges within a second, opened on a lesson card.
const DIVERGING =
  '#problem=regression&dataset=reg-plane&activation=linear&networkShape=&learningRate=10' +
  '&batchSize=10&noise=0&percTrainData=50&seed=1';

test('"diverged" goes with the card, with the lesson and with Reset', async () => {
  for (const [what, leave] of [
    ['Next card', (page) => click(page, 'lesson-next')],
    ['another lesson', (page) => page.selectOption(tid('lesson-select'), 'overfitting')],
    ['Reset', (page) => click(page, 'reset')],
  ]) {
    const app = await session().open(`${DIVERGING}&lesson=learning-rate&card=2`);
    const { page } = app;
    const plotTop = () => page.evaluate(() => document.querySelector('canvas.plot').getBoundingClientRect().top);
    const before = await plotTop();
    await click(page, 'play');
    await waitFor(page, DIVERGED, 'the run to diverge');
    assert.equal(await plotTop(), before, 'a one-line message moves nothing: its line is reserved');
    await leave(page);
    await waitGone(page, DIVERGED, what);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  }
});

test('"Early stopping" goes with the card', async () => {
  const app = await session().open(
    '#dataset=spiral&noise=50&percTrainData=20&networkShape=16,16&learningRate=0.1&earlyStopping=30&seed=3&speed=5' +
      '&lesson=overfitting&card=3',
  );
  const { page } = app;
  await click(page, 'play');
  await waitFor(page, EARLY, 'early stopping');
  await click(page, 'lesson-next');
  await waitGone(page, EARLY, 'Next card');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

/** Boxes (page coordinates) of the status line and of what it must never cover. */
function boxes() {
  const box = (el, name) => {
    const r = el.getBoundingClientRect();
    return { name, top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  };
  const card = document.querySelector('.lesson-body:not(.lesson-hidden)');
  const content = [box(document.querySelector('canvas.plot'), 'plot')];
  if (card) {
    content.push(box(card.querySelector('.lesson-card-title'), 'card title'));
    content.push(box(card.querySelector('.lesson-text'), 'card text'));
    content.push(box(card.querySelector('.lesson-try'), 'Try:'));
    content.push(box(card.querySelector('.lesson-check'), 'check'));
  }
  return { bar: box(document.querySelector('[data-testid="status"]'), 'status'), content };
}

const overlaps = (a, b) => a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5 && a.left < b.right - 0.5 && b.left < a.right - 0.5;

test('the status line covers neither the plot nor the card, and is on the first screen', async () => {
  // Unknown keys make a long note: "From the link: Ignored the unknown link key …" many times.
  const bogus = Array.from({ length: 8 }, (_, k) => `unknownKey${k}=1`).join('&');
  const app = await session().open(`#${bogus}&lesson=perceptron-trick&card=4`);
  const { page } = app;
  assert.ok((await status(page)).length > 200, `a long message is showing: ${await status(page)}`);
  for (const [width, height] of [[1366, 768], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    const first = await page.evaluate(boxes);
    assert.ok(
      first.bar.top >= 0 && first.bar.bottom <= height && first.bar.height > 0,
      `at ${width}×${height} the status line is on the first screen: ${JSON.stringify(first.bar)}`,
    );
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `status-${width}x${height}.png`) });
    const max = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    for (const y of [0, max / 4, max / 2, (3 * max) / 4, max]) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      await page.waitForTimeout(50);
      const { bar, content } = await page.evaluate(boxes);
      const covered = content.filter((c) => c.height > 0 && overlaps(bar, c)).map((c) => c.name);
      assert.deepEqual(covered, [], `at ${width}×${height}, scrolled to ${Math.round(y)}: the status line covers these`);
    }
  }
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
