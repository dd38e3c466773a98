// The lesson "Backpropagation, step by step" and the momentum card of "Local minima": the
// notes' hand-made ReLU network classifies XOR's four corners (σ(±2) = 0.88 / 0.12) and folds
// them onto the hidden layer's corners; five ReLU units trained from He's start learn XOR;
// and from the momentum card's start plain descent stays stuck while momentum gets past.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession,
  click,
  text,
  tid,
  readNumber,
  readAccuracy,
  waitUntil,
  screenshot,
  errorReport,
} from './harness.mjs';

const session = useSession();

const seenNow = async (page) => (await page.getAttribute(tid('lesson-check'), 'data-seen-now')) === 'true';
const predict = (page, x1, x2) => page.evaluate(([a, b]) => [...window.wasmBindings.probe_predict(a, b)], [x1, x2]);

test("the notes' ReLU network for XOR: 100 % by hand, the hidden layer's corners, and it stays right", async () => {
  const app = await session().open('#lesson=backpropagation&card=3');
  const { page } = app;
  // Every corner right, in both sets (a set without points reads "—").
  const allRight = async () => {
    const [train, test] = [await readAccuracy(page, 'train-accuracy'), await readAccuracy(page, 'test-accuracy')];
    return train === 100 && (test === 100 || Number.isNaN(test));
  };
  await waitUntil(allRight, { what: '100 % of the corners' });
  const s2 = 1 / (1 + Math.exp(-2));
  for (const [x1, x2, label] of [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]) {
    const [p] = await predict(page, x1, x2);
    const want = label ? s2 : 1 - s2;
    assert.ok(Math.abs(p - want) < 1e-9, `(${x1}, ${x2}): ŷ = ${p}, want σ(±2) = ${want}`);
  }
  // The hidden space: one line splits the folded corners.
  await page.locator(tid('hidden-space')).scrollIntoViewIfNeeded();
  assert.match(await text(page, 'hidden-separation'), /100%/);
  await screenshot(page, 'xor-relu-by-hand.png');
  assert.equal(await seenNow(page), false, 'not seen before the Step');
  await click(page, 'step');
  await waitUntil(() => seenNow(page), { what: 'the check after one Step' });
  assert.ok(await allRight(), 'still 100 %');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('five ReLU units from He initialization learn XOR (the lesson card)', async () => {
  const app = await session().open('#lesson=backpropagation&card=4');
  const { page } = app;
  assert.equal(await page.inputValue(tid('init')), 'he');
  await click(page, 'play');
  await waitUntil(async () => (await readAccuracy(page, 'test-accuracy')) >= 95, {
    timeout: 40_000,
    what: 'test accuracy ≥ 95 %',
  });
  await waitUntil(() => seenNow(page), { what: 'the check' });
  await click(page, 'play');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('momentum card: plain descent stalls in a local minimum; momentum from the same start gets past', async () => {
  const app = await session().open('#lesson=local-minima&card=4');
  const { page } = app;
  assert.equal(await page.inputValue(tid('optimizer')), 'sgd');
  await click(page, 'play');
  await waitUntil(async () => (await readNumber(page, 'epoch')) >= 600, { timeout: 40_000, what: '600 epochs' });
  await click(page, 'play');
  const stuck = await readNumber(page, 'train-loss');
  assert.ok(stuck > 0.25, `plain descent stays stuck: train loss ${stuck}`);
  assert.equal(await seenNow(page), false);
  await page.selectOption(tid('optimizer'), 'momentum');
  await click(page, 'reset');
  await waitUntil(async () => (await readNumber(page, 'epoch')) === 0, { what: 'the reset' });
  await click(page, 'play');
  await waitUntil(() => seenNow(page), { timeout: 30_000, what: 'momentum to get past' });
  await click(page, 'play');
  const loss = await readNumber(page, 'train-loss');
  assert.ok(loss < 0.05, `momentum: train loss ${loss}`);
  await screenshot(page, 'momentum-past-local-minimum.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
