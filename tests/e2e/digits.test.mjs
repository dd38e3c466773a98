// Digits mode (model=digits): the network on 8×8 handwritten digits trains to ≥ 90 % test
// accuracy in the browser; its views are drawn (the first layer's weight images in blue and
// orange, the confusion matrix with its diagonal, the test digits' grid); and on the trained
// network, a "1" and a "0" drawn on the pad with the mouse are read as 1 and 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, readAccuracy, text, tid, waitUntil, waitForNumber, screenshot, errorReport,
  hashParams,
} from './harness.mjs';

const session = useSession();

/** Opens a digits link and waits for the pad and the readouts (there is no plot to wait for). */
/** Digits mode opened; the harness waits for its pad (it has no plot) and the epoch. */
const openDigits = (hash) => session().open(hash);

/** A canvas's pixels by colour: blue-ish, orange-ish, faintly orange and non-white, and its size. */
async function colours(page, id) {
  return page.$eval(tid(id), (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let blue = 0;
    let orange = 0;
    let ink = 0;
    let warm = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (b > r + 40) blue++;
      if (r > b + 60) orange++;
      if (r > b + 20) warm++;
      if (r < 235 || g < 235 || b < 235) ink++;
    }
    return { blue, orange, warm, ink, width: c.width, height: c.height };
  });
}

/** The colour at the centre of confusion cell (true t, predicted p): 22-pixel cells after a margin of one. */
async function confusionCell(page, t, p) {
  return page.$eval(
    tid('digit-confusion'),
    (c, [t, p]) => {
      const x = (p + 1) * 22 + 4;
      const y = (t + 1) * 22 + 4;
      return [...c.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3)];
    },
    [t, p],
  );
}

/** Draws `points` (CSS pixels within the pad, 0–280) as one mouse stroke. */
async function stroke(page, points) {
  const box = await page.locator(tid('digit-pad')).boundingBox();
  const k = box.width / 280;
  const at = ([x, y]) => [box.x + x * k, box.y + y * k];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p));
  await page.mouse.up();
}

test('digits: 64-16-10 trains to 90 % test accuracy, and the weight images and confusion matrix are drawn', async () => {
  const app = await openDigits('#model=digits&networkShape=16&learningRate=0.1&seed=1&speed=5');
  const { page } = app;
  assert.equal(await page.$eval(tid('model'), (el) => el.value), 'digits');
  assert.equal(await text(page, 'network-shape'), '64 → 16 → 10');
  assert.equal(await page.locator(`${tid('x1')}:visible`).count(), 0, 'no input feature boxes');
  assert.equal(await page.locator(`${tid('data-canvas')}:visible`).count(), 0, 'no plot');
  const before = await colours(page, 'digit-weights');
  assert.ok(before.blue > 100 && before.orange > 100, `random weights: ${JSON.stringify(before)}`);

  await click(page, 'play');
  const accuracy = await waitUntil(
    async () => {
      const a = await readAccuracy(page, 'test-accuracy');
      return a >= 90 ? a : null;
    },
    { timeout: 60_000, interval: 200, what: 'test accuracy ≥ 90 %' },
  );
  await click(page, 'play');
  const epoch = Number(await text(page, 'epoch'));
  console.log(`digits: test accuracy ${accuracy} % at epoch ${epoch}`);

  // The weight images: 16 tiles of 8×8 weights, in both colours, changed by training.
  const after = await colours(page, 'digit-weights');
  assert.ok(after.blue > 200 && after.orange > 200, JSON.stringify(after));
  assert.notDeepEqual(after, before, 'the weight images follow the weights');
  // The confusion matrix: every diagonal cell deep blue (most of each digit right), and at
  // least one mistake in orange.
  for (let k = 0; k < 10; k++) {
    const [r, , b] = await confusionCell(page, k, k);
    assert.ok(b > r + 80, `diagonal cell ${k}: rgb ${r}, …, ${b}`);
  }
  const conf = await colours(page, 'digit-confusion');
  assert.ok(conf.warm > 0, 'some mistakes are drawn in (faint) orange');
  // The grid of test digits: ink, and as many framed (wrong) tiles as it says.
  const grid = await colours(page, 'digit-grid');
  assert.ok(grid.ink > 2000, JSON.stringify(grid));
  assert.match(await text(page, 'digits-wrong'), /^\d+ of \d+ test digits wrong$/);
  const accuracyChart = await colours(page, 'digit-accuracy');
  assert.ok(accuracyChart.orange > 20, 'the test accuracy line is drawn');
  // The link carries the mode and the network, not the drawing.
  const params = await hashParams(page);
  assert.equal(params.get('model'), 'digits');
  await screenshot(page, 'digits-trained.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
});

test('digits: a "1" and a "0" drawn with the mouse on a trained network are read as 1 and 0', async () => {
  const app = await openDigits('#model=digits&networkShape=16&learningRate=0.1&seed=1&speed=5');
  const { page } = app;
  assert.equal(await text(page, 'digit-prediction'), '–', 'nothing drawn yet');
  await click(page, 'play');
  await waitUntil(async () => (await readAccuracy(page, 'test-accuracy')) >= 95, {
    timeout: 60_000,
    interval: 200,
    what: 'test accuracy ≥ 95 %',
  });
  await click(page, 'play');

  // A vertical stroke.
  const one = [];
  for (let y = 40; y <= 240; y += 10) one.push([140, y]);
  await stroke(page, one);
  await waitUntil(async () => (await text(page, 'digit-prediction')) === '1', {
    what: 'the pad read as 1',
  }).catch(async (err) => {
    err.message += ` (read ${await text(page, 'digit-prediction')}: ${await text(page, 'digit-probabilities')})`;
    throw err;
  });
  const probabilities = (await text(page, 'digit-probabilities')).split(' ').map(Number);
  assert.equal(probabilities.length, 10);
  assert.ok(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1) < 0.02, `${probabilities}`);
  assert.equal(probabilities.indexOf(Math.max(...probabilities)), 1);
  // Each number sits under its own bar and its digit's name (the tenth slot of the bars' width).
  const slots = await page.evaluate(() => {
    const bars = document.querySelector('[data-testid="digit-bars"]').getBoundingClientRect();
    const centre = (el) => { const r = el.getBoundingClientRect(); return r.left + r.width / 2; };
    const names = [...document.querySelectorAll('.digit-bar-names span')].map(centre);
    const numbers = [...document.querySelectorAll('[data-testid="digit-probabilities"] span')].map(centre);
    return { left: bars.left, width: bars.width, names, numbers };
  });
  assert.equal(slots.numbers.length, 10);
  for (let k = 0; k < 10; k++) {
    const slot = slots.left + (k + 0.5) * slots.width / 10;
    assert.ok(Math.abs(slots.numbers[k] - slot) < slots.width / 40, `number ${k} under its bar: ${JSON.stringify(slots)}`);
    assert.ok(Math.abs(slots.names[k] - slot) < slots.width / 40, `name ${k} under its bar`);
  }
  // The pad shows the stroke, the preview its 8×8 image, and the bars the probabilities.
  assert.ok((await colours(page, 'digit-pad')).ink > 1000);
  assert.ok((await colours(page, 'digit-preview')).ink >= 8, 'the 8×8 preview has ink');
  assert.ok((await colours(page, 'digit-bars')).blue > 20, 'the likeliest bar');
  await screenshot(page, 'digits-pad-one.png');

  await click(page, 'digit-clear');
  await waitUntil(async () => (await text(page, 'digit-prediction')) === '–', { what: 'Clear' });
  assert.equal((await colours(page, 'digit-pad')).ink, 0, 'the pad is empty');

  // An ellipse, taller than wide.
  const zero = [];
  for (let k = 0; k <= 40; k++) {
    const a = (k / 40) * 2 * Math.PI;
    zero.push([140 + 60 * Math.sin(a), 140 - 100 * Math.cos(a)]);
  }
  await stroke(page, zero);
  await waitUntil(async () => (await text(page, 'digit-prediction')) === '0', {
    what: 'the pad read as 0',
  }).catch(async (err) => {
    err.message += ` (read ${await text(page, 'digit-prediction')}: ${await text(page, 'digit-probabilities')})`;
    throw err;
  });
  await screenshot(page, 'digits-pad-zero.png');
  assert.ok(!(await hashParams(page)).has('points'), 'strokes are not in the link');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
});

test('digits: the model choice opens digits mode with a hidden layer of 16, and leaves it for the plot', async () => {
  const app = await session().open('#networkShape=4,2');
  const { page } = app;
  await page.selectOption(tid('model'), 'digits');
  await waitUntil(() => page.locator(tid('digit-pad')).isVisible(), { what: 'the pad' });
  assert.equal(await text(page, 'network-shape'), '64 → 16 → 10');
  assert.equal(await text(page, 'point-count'), '1797');
  await waitUntil(async () => (await hashParams(page)).get('model') === 'digits', { what: 'the link' });
  assert.equal(await page.locator(`${tid('data-canvas')}:visible`).count(), 0);
  await page.selectOption(tid('model'), 'mlp');
  await waitUntil(() => page.locator(tid('data-canvas')).isVisible(), { what: 'the plot back' });
  assert.equal(await page.locator(tid('digit-pad')).count(), 0);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
});

test('digits: a link without networkShape opens the lesson\'s 64-16-10, as the model choice does', async () => {
  const app = await openDigits('#model=digits');
  const { page } = app;
  assert.equal(await text(page, 'network-shape'), '64 → 16 → 10');
  assert.equal(await page.locator(tid('digit-weights')).count(), 1, 'the weight images of the hidden layer');
  await waitUntil(async () => (await hashParams(page)).get('networkShape') === '16', { what: 'the link writes it' });
  // A shape the link gives is kept.
  const given = await openDigits('#model=digits&networkShape=');
  assert.equal(await text(given.page, 'network-shape'), '64 → 10');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
});
