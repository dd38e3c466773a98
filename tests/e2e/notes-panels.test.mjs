// Issue 17, part A: cross-entropy by hand (the notes' 0.69 and 5.12, in the softmax lesson and
// from the loss readout), the model's output under the pointer (hover; on a touch screen the
// Read brush), and each activation drawn with its derivative (beside the menu, in lesson 05).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, openPage, click, text, tid, waitUntil, canvasPoint, screenshot, errorReport, ARTIFACTS, onScreen,
} from './harness.mjs';
import path from 'node:path';

const session = useSession();

/** Types the notes' probabilities and `labels` into the panel `scope`, and reads it. */
async function typeCe(page, scope, probabilities, labels) {
  const panel = page.locator(tid(scope));
  await panel.locator(tid('ce-probabilities')).fill(probabilities);
  await panel.locator(tid('ce-labels')).fill(labels);
  return {
    sum: ((await panel.locator(tid('ce-sum')).textContent()) ?? '').trim(),
    terms: ((await panel.locator(tid('ce-terms')).textContent()) ?? '').trim(),
    message: ((await panel.locator(tid('ce-message')).textContent()) ?? '').trim(),
  };
}

test("cross-entropy by hand: the notes' 0.69 and 5.12 with each term, in the lesson and from the loss readout", async () => {
  const app = await session().open('#lesson=softmax&card=2');
  const { page } = app;
  const scope = 'ce-panel-lesson';
  await onScreen(page, scope);
  const first = await typeCe(page, scope, '0.8, 0.7, 0.1', '1, 1, 0');
  assert.match(first.sum, /^CE = 0\.69 \(sum 0\.685\); the readouts' mean over 3 points: 0\.228$/);
  assert.deepEqual(first.terms.split('\n'), [
    'y = 1, p = 0.8:  −ln 0.8 = 0.223',
    'y = 1, p = 0.7:  −ln 0.7 = 0.357',
    'y = 0, p = 0.1:  −ln(1 − 0.1) = 0.105',
  ]);
  assert.equal(first.message, '');
  const second = await typeCe(page, scope, '0.8, 0.7, 0.1', '0, 0, 1');
  assert.match(second.sum, /^CE = 5\.12 /);
  assert.deepEqual(second.terms.split('\n').map((l) => l.split('= ').pop()), ['1.609', '1.204', '2.303']);
  await page.locator(`${tid(scope)} ${tid('ce-terms')}`).screenshot({ path: path.join(ARTIFACTS, 'ce-panel-terms.png') });
  await page.locator('.lesson-panel').screenshot({ path: path.join(ARTIFACTS, 'ce-panel-lesson.png') });

  // A bad list is named, and the sum goes; a good one brings it back.
  const bad = await typeCe(page, scope, '0.8, 0.7', '0, 0, 1');
  assert.equal(bad.message, '2 probabilities but 3 labels: give one label per probability');
  assert.equal(bad.sum, '');
  // An extreme is written short, and the card keeps its width (no page-wide line of digits).
  const cardWidth = async () => page.evaluate(() => document.querySelector('.lesson-panel').getBoundingClientRect().width);
  const widthBefore = await cardWidth();
  const huge = await typeCe(page, scope, '1e308', '1');
  assert.equal(huge.message, 'probability 1e308 is outside 0 to 1');
  assert.ok(await cardWidth() <= widthBefore + 1, 'the card keeps its width');
  const tiny = await typeCe(page, scope, '1e-320', '1');
  assert.match(tiny.terms, /^y = 1, p = 1e-320:  −ln 1e-320 = /);
  const back = await typeCe(page, scope, '0.8 0.7 0.1', '0 0 1');
  assert.equal(back.message, '');
  assert.match(back.sum, /^CE = 5\.12 /);

  // From the loss readout: on this card's three classes, Σ writes out the multi-class form
  // (notes-fixes.test.mjs checks its numbers).
  const title = await page.locator('.readout', { has: page.locator(tid('train-loss')) }).getAttribute('title');
  assert.match(title, /Mean over the training points/);
  assert.equal(await page.locator(tid('ce-popover')).count(), 0);
  await click(page, 'ce-open');
  await onScreen(page, 'ce-popover');
  assert.equal(await page.locator(tid('ce-panel-classes')).count(), 1);
  await click(page, 'ce-close');
  // On two classes, "Σ by hand" opens the same panel as the card, under the readouts.
  const two = await session().open('#dataset=circle&networkShape=4&output=auto');
  await click(two.page, 'ce-open');
  await onScreen(two.page, 'ce-popover');
  const popover = await typeCe(two.page, 'ce-panel-readout', '0.8, 0.7, 0.1', '1, 1, 0');
  assert.match(popover.sum, /^CE = 0\.69 /);
  await screenshot(two.page, 'ce-panel-readout.png');
  await click(two.page, 'ce-close');
  assert.equal(await two.page.locator(tid('ce-popover')).count(), 0);
  assert.deepEqual([...app.pageErrors, ...two.pageErrors], [], errorReport(app));
});

/** The reading's data: its place, its probabilities and its outputs (full precision). */
async function reading(page) {
  const el = page.locator(tid('plot-reading'));
  const list = async (name) => ((await el.getAttribute(name)) ?? '').split(',').filter((s) => s !== '').map(Number);
  return {
    hidden: await el.isHidden(),
    text: ((await el.textContent()) ?? '').trim(),
    at: await list('data-at'),
    probabilities: await list('data-probabilities'),
  };
}

test('hovering over the plot shows each class\'s probability, as the model predicts it; over a point, its one-hot target and loss term', async () => {
  const app = await session().open('#dataset=blobs&classes=3&networkShape=&learningRate=0.1&output=auto&speed=20');
  const { page } = app;
  await click(page, 'play');
  await waitUntil(async () => Number((await text(page, 'epoch')) ?? 0) >= 30, { what: '30 epochs' });
  await click(page, 'play');
  const before = Number(await text(page, 'point-count'));
  assert.equal((await reading(page)).hidden, true, 'no reading before the mouse comes');

  // An empty place: the probabilities are the model's there (the probe hook reads the trainer).
  const points = await page.evaluate(() => Array.from(window.wasmBindings.probe_points()));
  const near = (x1, x2) => {
    for (let i = 0; i < points.length; i += 4) {
      if (Math.hypot(points[i] - x1, points[i + 1] - x2) < 0.6) return true;
    }
    return false;
  };
  let spot = null;
  for (const [x1, x2] of [[5.5, 5.5], [-5.5, 5.5], [5.5, -5.5], [-5.5, -5.5], [0, 5.7], [5.7, 0]]) {
    if (!near(x1, x2)) { spot = [x1, x2]; break; }
  }
  assert.ok(spot, 'an empty place');
  const at = await canvasPoint(page, ...spot);
  await page.mouse.move(at.x, at.y);
  await waitUntil(async () => !(await reading(page)).hidden, { what: 'the reading to show' });
  const r = await reading(page);
  assert.ok(Math.abs(r.at[0] - spot[0]) < 0.1 && Math.abs(r.at[1] - spot[1]) < 0.1, `at ${r.at}`);
  const model = await page.evaluate(([x1, x2]) => Array.from(window.wasmBindings.probe_predict(x1, x2)), r.at);
  assert.equal(r.probabilities.length, 3);
  r.probabilities.forEach((p, k) => assert.ok(Math.abs(p - model[k]) < 1e-12, `p(${k}) ${p} vs ${model[k]}`));
  const best = model.indexOf(Math.max(...model));
  const lines = r.text.split('\n');
  assert.equal(lines[1], model.map((p, k) => `p(${k}) = ${p.toFixed(3)}`).join('  '));
  assert.equal(lines[2], `predicted: class ${best}`);
  assert.equal(lines.length, 3, 'no point line away from the points');
  await screenshot(page, 'plot-reading-hover.png');

  // Over a training point: the point's own reading, its one-hot target and its loss term.
  let i = 0;
  while (points[i + 3] !== 0) i += 4;
  const [x1, x2] = points.slice(i, i + 2);
  const p = await canvasPoint(page, x1, x2);
  await page.mouse.move(p.x + 2, p.y);
  await waitUntil(async () => (await reading(page)).text.includes('point:'), { what: 'the point line' });
  const over = await reading(page);
  // The reading moved onto the nearest point (this one, or one drawn on top of it).
  let j = 0;
  while (j < points.length && !(points[j] === over.at[0] && points[j + 1] === over.at[1])) j += 4;
  assert.ok(j < points.length, `the reading is at a point: ${over.at}`);
  assert.ok(Math.hypot(points[j] - x1, points[j + 1] - x2) < 0.5, 'a point under the pointer');
  const [label, isTest] = [points[j + 2], points[j + 3]];
  const own = await page.evaluate(([a, b]) => Array.from(window.wasmBindings.probe_predict(a, b)), over.at);
  over.probabilities.forEach((q, k) => assert.ok(Math.abs(q - own[k]) < 1e-12, `the point's own p(${k})`));
  const hot = [0, 0, 0];
  hot[label] = 1;
  const last = over.text.split('\n').pop();
  const set = isTest ? 'test' : 'training';
  assert.equal(last, `${set} point: class ${label}, one-hot [${hot.join(', ')}], loss −ln p(${label}) = ${(-Math.log(own[label])).toFixed(3)}`);
  await screenshot(page, 'plot-reading-point.png');

  // Leaving the plot hides it; hovering added no point.
  await page.mouse.move(5, 5);
  await waitUntil(async () => (await reading(page)).hidden, { what: 'the reading to go' });
  assert.equal(Number(await text(page, 'point-count')), before, 'hovering adds no point');
  assert.equal(await page.locator(tid('probe-brush')).count(), 0, 'a mouse reads by hovering: no Read brush');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('on a touch screen the Read brush shows the reading where a tap lands, and adds no point', async () => {
  const app = await openPage(session().browser, `${session().url}/#dataset=circle&networkShape=4&output=auto`, {
    viewport: { width: 390, height: 844 }, context: { hasTouch: true, isMobile: true },
  });
  const { page } = app;
  const before = Number(await text(page, 'point-count'));
  await page.locator(tid('probe-brush')).tap();
  await onScreen(page, 'data-canvas');
  const at = await canvasPoint(page, 0.3, 0.2);
  await page.touchscreen.tap(at.x, at.y);
  await waitUntil(async () => !(await reading(page)).hidden, { what: 'the reading after a tap' });
  const r = await reading(page);
  const model = await page.evaluate(([x1, x2]) => Array.from(window.wasmBindings.probe_predict(x1, x2)), r.at);
  assert.equal(r.probabilities.length, 2, 'one sigmoid unit: both classes');
  assert.ok(Math.abs(r.probabilities[1] - model[0]) < 1e-12, `p(1) ${r.probabilities[1]} vs ${model[0]}`);
  assert.equal(Number(await text(page, 'point-count')), before, 'the tap added no point');
  await screenshot(page, 'plot-reading-touch.png');
  // Another brush: a tap adds a point again, and the reading goes.
  await page.locator('.brush').first().tap();
  await waitUntil(async () => (await reading(page)).hidden, { what: 'the reading to go with the brush' });
  await page.touchscreen.tap(at.x, at.y);
  await waitUntil(async () => Number(await text(page, 'point-count')) === before + 1, { what: 'a tap to add a point' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  await app.context.close();
});

/** Pixels of the activation canvas in `scope` along f, and how many have f's ink (#0072b2). */
async function curveInk(page, scope) {
  return page.evaluate((scope) => {
    const c = document.querySelector(`[data-testid="${scope}"] canvas`);
    const [z0, z1] = c.dataset.zRange.split(',').map(Number);
    const [y0, y1] = c.dataset.yRange.split(',').map(Number);
    const ctx = c.getContext('2d');
    const img = ctx.getImageData(0, 0, c.width, c.height);
    const name = c.dataset.activation;
    const f = {
      sigmoid: (z) => 1 / (1 + Math.exp(-z)),
      tanh: Math.tanh,
      relu: (z) => Math.max(0, z),
      leakyrelu: (z) => (z > 0 ? z : 0.01 * z),
      elu: (z) => (z > 0 ? z : Math.exp(z) - 1),
      linear: (z) => z,
    }[name];
    const blueAt = (px, py) => {
      for (let dy = -2; dy <= 2; dy++) {
        const y = Math.round(py) + dy;
        if (y < 0 || y >= c.height) continue;
        const i = (y * c.width + Math.round(px)) * 4;
        const [r, g, b, a] = img.data.slice(i, i + 4);
        if (a > 200 && r < 60 && g > 80 && g < 150 && b > 140) return true;
      }
      return false;
    };
    let on = 0, off = 0, checked = 0;
    for (let k = 1; k < 40; k++) {
      const z = z0 + ((z1 - z0) * k) / 40;
      const px = ((z - z0) / (z1 - z0)) * c.width;
      const py = ((y1 - f(z)) / (y1 - y0)) * c.height;
      checked++;
      if (blueAt(px, py)) on++;
      // Well away from the curve (a full unit up), f's ink is absent.
      const away = ((y1 - (f(z) + 1.0)) / (y1 - y0)) * c.height;
      if (away > 3 && blueAt(px, away)) off++;
    }
    return { name, on, off, checked };
  }, scope);
}

test('each activation is drawn with its derivative and formula, beside the menu and in lesson 05', async () => {
  const app = await session().open('#dataset=circle&networkShape=4&activation=tanh&output=auto');
  const { page } = app;
  await onScreen(page, 'activation-curve-menu');
  for (const [name, formula] of [
    ['tanh', /^tanh\(z\) = /],
    ['sigmoid', /^σ\(z\) = 1 \/ \(1 \+ e⁻ᶻ\)$/],
    ['relu', /^ReLU\(z\) = max\(0, z\)$/],
    ['leakyrelu', /^f\(z\) = z if z > 0, else 0\.01·z$/],
    ['elu', /^f\(z\) = z if z > 0, else 1·\(eᶻ − 1\)$/],
  ]) {
    await page.selectOption(tid('activation'), name);
    await waitUntil(async () => (await page.getAttribute(`${tid('activation-curve-menu')} canvas`, 'data-activation')) === name,
      { what: `the curve of ${name}` });
    const ink = await curveInk(page, 'activation-curve-menu');
    assert.equal(ink.name, name);
    assert.ok(ink.on >= ink.checked - 1, `${name}: f's ink along f(z) at ${ink.on} of ${ink.checked}`);
    assert.equal(ink.off, 0, `${name}: no f ink a unit above the curve`);
    assert.match(await page.locator(`${tid('activation-curve-menu')} ${tid('activation-formula')}`).textContent(), formula);
    if (name === 'elu') {
      await page.locator(tid('activation-curve-menu')).screenshot({ path: path.join(ARTIFACTS, 'activation-elu.png') });
    }
  }
  // Lesson 05's card on leaky ReLU and ELU draws the chosen one too.
  const lesson = await session().open('#lesson=activations&card=4');
  await onScreen(lesson.page, 'activation-curve-lesson');
  const relu = await curveInk(lesson.page, 'activation-curve-lesson');
  assert.equal(relu.name, 'relu');
  assert.ok(relu.on >= relu.checked - 1, `lesson: ${JSON.stringify(relu)}`);
  await lesson.page.locator('.lesson-panel').screenshot({ path: path.join(ARTIFACTS, 'activation-lesson.png') });
  assert.deepEqual([...app.pageErrors, ...lesson.pageErrors], [], errorReport(app));
});
