// Backpropagation, step by step: the panel's numbers are the model's (the probe hook's
// prediction and points), its ∂E/∂w agree with the numerical derivative, one neuron shows the
// notes' −(y − ŷ)(x₁, x₂, 1), and a large network shows one chosen weight's chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useSession, click, text, tid, waitUntil, screenshot, errorReport, sleep, ARTIFACTS } from './harness.mjs';

const session = useSession();

/** Opens the panel and shows point `n` (from 1). */
async function showPoint(page, n) {
  const panel = page.locator(tid('backprop'));
  if (!(await panel.evaluate((el) => el.open))) await panel.locator('summary').click();
  await page.fill(tid('backprop-point'), String(n));
  await page.press(tid('backprop-point'), 'Enter');
  await page.locator(tid('backprop-point')).blur();
  await waitUntil(async () => (await page.getAttribute(tid('backprop-steps'), 'data-point')) === String(n), {
    what: `the panel to show point ${n}`,
  });
}

/** Every row of a kind, its data-* attributes as numbers. */
const rows = (page, id) =>
  page.$$eval(tid(id), (els) =>
    els.map((el) => Object.fromEntries(Object.entries(el.dataset).map(([k, v]) => [k, Number(v)]))),
  );

const points = (page) => page.evaluate(() => [...window.wasmBindings.probe_points()]);
const predict = (page, x1, x2) => page.evaluate(([a, b]) => [...window.wasmBindings.probe_predict(a, b)], [x1, x2]);

test("one neuron: the panel shows the notes' gradient −(y − ŷ)(x₁, x₂, 1) and the model's ŷ", async () => {
  const app = await session().open('#model=logistic&dataset=gauss&noise=20&seed=5&learningRate=0.1');
  const { page } = app;
  await click(page, 'step');
  await showPoint(page, 3);
  const p = await points(page);
  const [x1, x2, label] = p.slice(2 * 4, 2 * 4 + 3);
  const [yHat] = await predict(page, x1, x2);
  const units = await rows(page, 'backprop-unit');
  assert.equal(units.length, 1, 'one neuron');
  assert.ok(Math.abs(units[0].a - yHat) < 1e-9, `ŷ ${units[0].a} vs the model's ${yHat}`);
  const grads = await rows(page, 'backprop-grad');
  const expected = [x1, x2, 1].map((x) => -(label - yHat) * x);
  assert.equal(grads.length, 3);
  grads.forEach((g, i) => {
    assert.ok(Math.abs(g.grad - expected[i]) < 1e-9, `∂E/∂w${i + 1} ${g.grad} vs ${expected[i]}`);
    assert.ok(Math.abs(g.grad - g.numerical) < 1e-6, `numerical ${g.numerical}`);
  });
  const formula = await page.locator(tid('backprop-grad')).first().textContent();
  assert.match(formula, /∂E\/∂w₁ = −\(y − ŷ\)·x₁ = /);
  const loss = await page.getAttribute(tid('backprop-error'), 'data-loss');
  const bce = -(label * Math.log(yHat) + (1 - label) * Math.log(1 - yHat));
  assert.ok(Math.abs(Number(loss) - bce) < 1e-9, `E ${loss} vs ${bce}`);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a hidden layer: every δ and ∂E/∂w, checked against the numerical derivative, following the network', async () => {
  const app = await session().open('#dataset=xor&networkShape=2&activation=tanh&learningRate=0.1&seed=3');
  const { page } = app;
  await showPoint(page, 7);
  const before = await rows(page, 'backprop-grad');
  assert.equal(before.length, 2 * 2 + 2 + 2 + 1, 'every weight and bias of 2-2-1');
  for (const g of before) assert.ok(Math.abs(g.grad - g.numerical) < 1e-6, JSON.stringify(g));
  assert.equal((await rows(page, 'backprop-delta')).length, 3, 'a δ for each unit');
  const [x1, x2] = (await points(page)).slice(6 * 4, 6 * 4 + 2);
  const out = (await rows(page, 'backprop-unit')).find((u) => u.layer === 2);
  // A Playground link: its tanh output, whose class-1 score the probe gives as (ŷ + 1) / 2.
  const [model] = await predict(page, x1, x2);
  const score = (out.a + 1) / 2;
  assert.ok(Math.abs(score - model) < 1e-9, `the output ${out.a} is the model's ${model} at (${x1}, ${x2})`);
  assert.match(await text(page, 'backprop-error'), /^E = ½\(ŷ − y\)²/);
  assert.match(await text(page, 'backprop-gap'), /ε = 0\.0001/);
  await screenshot(page, 'backprop-hidden-layer.png');
  await page.locator(tid('backprop')).screenshot({ path: path.join(ARTIFACTS, 'backprop-panel.png') });

  // Step: the numbers follow the new weights.
  await click(page, 'step');
  await waitUntil(async () => (await rows(page, 'backprop-grad'))[0].grad !== before[0].grad, {
    what: 'the table to follow the step',
  });
  // Play: the numbers stay those of the epoch shown, and the panel says so; Pause clears it.
  await click(page, 'play');
  await waitUntil(async () => (await page.locator(tid('backprop-stale')).count()) === 1, { what: 'the note' });
  await click(page, 'play');
  await waitUntil(async () => (await page.locator(tid('backprop-stale')).count()) === 0, { what: 'the note to go' });
  const after = await rows(page, 'backprop-grad');
  for (const g of after) assert.ok(Math.abs(g.grad - g.numerical) < 1e-6, JSON.stringify(g));
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test("a large network shows one chosen weight's chain", async () => {
  const app = await session().open('#dataset=circle&networkShape=8,3&activation=tanh&seed=2');
  const { page } = app;
  await showPoint(page, 1);
  assert.equal((await rows(page, 'backprop-grad')).length, 1, 'one weight');
  await page.selectOption(tid('backprop-weight'), '5');
  await waitUntil(async () => (await rows(page, 'backprop-grad'))[0]?.index === 5, { what: 'weight 5' });
  const [g] = await rows(page, 'backprop-grad');
  assert.ok(Math.abs(g.grad - g.numerical) < 1e-6);
  const units = await rows(page, 'backprop-unit');
  assert.deepEqual(
    units.map((u) => [u.layer, u.unit]),
    [[1, 2], [2, 0], [2, 1], [2, 2]],
    'the unit it feeds, and the next layer whose δ make its δ',
  );
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a point number out of range is clamped and explained; text is refused', async () => {
  const app = await session().open('#dataset=xor&networkShape=2&seed=3&samples=40');
  const { page } = app;
  await showPoint(page, 2);
  await page.fill(tid('backprop-point'), '999');
  await page.press(tid('backprop-point'), 'Enter');
  await waitUntil(async () => (await page.getAttribute(tid('backprop-steps'), 'data-point')) === '40', {
    what: 'the last point',
  });
  assert.match(await text(page, 'status'), /numbered 1 to 40/);
  await page.fill(tid('backprop-point'), 'two');
  await page.press(tid('backprop-point'), 'Enter');
  await waitUntil(async () => /type a number/.test(await text(page, 'status')), { what: 'the refusal' });
  // The field keeps what was typed, with its message beside it; the panel keeps point 40.
  assert.equal(await page.inputValue(tid('backprop-point')), 'two');
  assert.match(await text(page, 'backprop-point-message'), /type a number from 1 to 40/);
  assert.equal(await page.getAttribute(tid('backprop-steps'), 'data-point'), '40');
  await sleep(100);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the presenter can put the panel beside the plot', async () => {
  const app = await session().open('#lecture=true&dataset=xor&networkShape=3,2&seed=3&output=auto');
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.selectOption(tid('stage-view'), 'backprop');
  // Picked beside the plot, it opens by itself (not a closed heading).
  await waitUntil(() => page.locator(tid('backprop')).evaluate((el) => el.open), { what: 'the panel opens when picked' });
  await showPoint(page, 4);
  const plot = await page.locator('.plot-layers').boundingBox();
  const panel = await page.locator('.backprop-panel').boundingBox();
  assert.ok(panel.x >= plot.x + plot.width - 1, `beside the plot: ${JSON.stringify({ plot, panel })}`);
  assert.ok(panel.y + panel.height <= 720 + 1, 'on the screen');
  const scroll = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(scroll <= 720, `the page does not scroll (${scroll})`);
  const grads = await rows(page, 'backprop-grad');
  assert.equal(grads.length, 2 * 3 + 3 + 3 * 2 + 2 + 2 + 1);
  for (const g of grads) assert.ok(Math.abs(g.grad - g.numerical) < 1e-6);
  await page.screenshot({ path: path.join(ARTIFACTS, 'backprop-presenter.png') });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
