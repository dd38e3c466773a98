// Logic gates: a preset loads the four corners, typed weights make the perceptron act as AND
// or OR, and the "build XOR" truth table follows edited weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, text, tid, waitUntil, screenshot, errorReport } from './harness.mjs';

const session = useSession();

async function type(page, id, value) {
  const input = page.locator(tid(id));
  await input.fill(value);
  await input.press('Tab');
}

test('typed weights make the perceptron act as AND, then OR', async () => {
  const app = await session().open('#model=perceptron&weights=1,1,-1.5');
  const { page } = app;
  await click(page, 'gate-and');
  await waitUntil(async () => (await readNumber(page, 'point-count')) === 4, { what: 'the four corners' });
  assert.equal(await readNumber(page, 'misclassified'), 0);
  assert.match(await text(page, 'acts-as'), /\bAND\b/);
  await type(page, 'weight-b', '-0.5');
  await waitUntil(async () => /\bOR\b/.test(await text(page, 'acts-as')), { what: 'b = −0.5 to make it OR' });
  assert.doesNotMatch(await text(page, 'acts-as'), /\bAND\b/);
  assert.ok((await readNumber(page, 'misclassified')) > 0, 'OR weights misclassify the AND corners');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('another gate starts the perceptron again: its counts, last step, hint and status follow the new set', async () => {
  const app = await session().open('#model=perceptron&weights=1,1,-0.5&learningRate=0.1');
  const { page } = app;
  const lines = () => page.evaluate(() => [...window.wasmBindings.probe_lines()]);
  await click(page, 'gate-and');
  await waitUntil(async () => (await readNumber(page, 'point-count')) === 4, { what: 'the four corners' });
  assert.ok((await readNumber(page, 'misclassified')) > 0, 'OR weights misclassify the AND corners');
  await click(page, 'play');
  await waitUntil(async () => /the line separates the classes after \d+ updates/.test(await text(page, 'status')), {
    what: 'the trick to separate AND',
  });
  assert.ok((await readNumber(page, 'updates')) > 0);
  assert.ok((await readNumber(page, 'epoch')) > 0);
  assert.match(await text(page, 'trick-arithmetic'), /=/, "the last step's arithmetic");

  await click(page, 'gate-or');
  await waitUntil(async () => (await readNumber(page, 'updates')) === 0, { what: 'the counts to start again' });
  assert.equal(await readNumber(page, 'epoch'), 0);
  assert.deepEqual(await lines(), [1, 1, -0.5], 'back to the starting weights');
  assert.equal(await readNumber(page, 'misclassified'), 0, 'the starting weights compute OR');
  assert.doesNotMatch(await text(page, 'status'), /separates/, "AND's verdict goes with AND");
  const hint = await text(page, 'trick-arithmetic');
  assert.match(hint, /No point is misclassified/, 'no step to show, and none to take');
  assert.doesNotMatch(hint, /Press Step|=/, hint);
  await screenshot(page, 'perceptron-and-then-or.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test("the notes' two-layer network computes XOR until a weight is changed", async () => {
  const app = await session().open('#model=perceptron');
  const { page } = app;
  assert.match(await text(page, 'xor-verdict'), /computes XOR/);
  await screenshot(page, 'build-xor.png');
  await type(page, 'xor-A-2', '-0.5'); // A becomes OR: the network is no longer XOR
  await waitUntil(async () => /Not XOR/.test(await text(page, 'xor-verdict')), { what: 'the verdict to change' });
  assert.ok(await page.$('[data-testid="truth-table"] tr.wrong'), 'a wrong row is marked');
  await type(page, 'xor-A-2', '-1.5');
  await waitUntil(async () => /computes XOR/.test(await text(page, 'xor-verdict')), { what: 'XOR again' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('perceptron mode fits the window: nothing widens the page', async () => {
  const app = await session().open('#model=perceptron');
  const width = await app.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 1280, `page is ${width}px wide in a 1280px window`);
});
