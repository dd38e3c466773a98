// The last persona pass's leftovers: the Σ popover on three classes (the multi-class form, with
// the readout's numbers; Escape and a press outside close it), the backpropagation panel's point
// field, the hover reading at the plot's corners, the activation curve's axis numbers, the
// presenter's loss chart and Clear, and Escape in the shortcuts help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, text, tid, waitUntil, screenshot, errorReport, ARTIFACTS, clickCanvasAt,
} from './harness.mjs';
import path from 'node:path';

const session = useSession();

/** The element with the keyboard's focus, by test id. */
const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);

test('Σ on three classes: the multi-class form, one −ln p(true class) per training point, whose mean is the readout; Escape and a press outside close it and give the focus back to Σ', async () => {
  const app = await session().open('#dataset=blobs&classes=3&networkShape=3&learningRate=0.01&output=auto&speed=1');
  const { page } = app;
  await click(page, 'play');
  await waitUntil(async () => Number((await text(page, 'epoch')) ?? 0) >= 3, { what: 'a few epochs' });
  await click(page, 'play');
  await page.waitForTimeout(200);
  await click(page, 'ce-open');
  const popover = page.locator(tid('ce-popover'));
  await popover.waitFor();
  // Not the notes' two-class panel: the multi-class form.
  assert.equal(await popover.locator(tid('ce-panel-readout')).count(), 0, 'no binary panel on three classes');
  const formula = (await popover.locator(tid('ce-class-formula')).textContent()).trim();
  assert.match(formula, /^CE = −Σᵢ Σₖ yᵢₖ ln pᵢₖ over K = 3 classes/);
  const points = await page.evaluate(() => Array.from(window.wasmBindings.probe_points()));
  const lines = (await popover.locator(tid('ce-class-terms')).textContent()).trim().split('\n');
  assert.ok(lines.length >= 6, lines.join('\n'));
  for (const line of lines.slice(0, 6)) {
    const m = line.match(/^#(\d+) y = \[([01 ]+)\]: −ln p\((\d)\) = −ln ([0-9.e-]+) = ([0-9.]+)$/);
    assert.ok(m, line);
    const [i, k] = [Number(m[1]), Number(m[3])];
    assert.equal(points[4 * i + 2], k, `point ${i}'s class`);
    assert.equal(points[4 * i + 3], 0, `point ${i} is a training point`);
    assert.deepEqual(m[2].split(' ').map(Number), [0, 1, 2].map((c) => (c === k ? 1 : 0)));
    const p = (await page.evaluate(([a, b]) => Array.from(window.wasmBindings.probe_predict(a, b)), [points[4 * i], points[4 * i + 1]]))[k];
    assert.ok(Math.abs(Number(m[4]) - p) < 1e-4, `${line}: p(${k}) = ${p}`);
    assert.equal(m[5], (-Math.log(p)).toFixed(3), line);
  }
  const sum = (await popover.locator(tid('ce-class-sum')).textContent()).trim();
  const readout = (await text(page, 'train-loss')).trim();
  const nTrain = points.filter((_, j) => j % 4 === 3).filter((t) => t === 0).length;
  assert.match(sum, new RegExp(`^CE = [0-9.]+ \\(sum over the ${nTrain} training points\\); mean ${readout.replace('.', '\\.')}: the training loss readout$`));
  await popover.screenshot({ path: path.join(ARTIFACTS, 'ce-popover-classes.png') });

  // Escape closes it, and the focus is back on Σ.
  await popover.locator(tid('ce-close')).focus();
  await page.keyboard.press('Escape');
  await waitUntil(async () => (await page.locator(tid('ce-popover')).count()) === 0, { what: 'Escape to close' });
  assert.equal(await focused(page), 'ce-open');
  // A press outside it (on the page's heading) closes it, and the focus is back on Σ.
  await click(page, 'ce-open');
  await popover.waitFor();
  const box = await page.locator('h1').first().boundingBox();
  await page.mouse.click(box.x + 5, box.y + box.height / 2);
  await waitUntil(async () => (await page.locator(tid('ce-popover')).count()) === 0, { what: 'a press outside to close' });
  // The focus goes back once the press has moved it (a task later).
  await waitUntil(async () => (await focused(page)) === 'ce-open', { timeout: 2000, what: 'the focus back on Σ' });
  // A press inside keeps it open; Σ toggles it.
  await click(page, 'ce-open');
  await popover.locator(tid('ce-class-sum')).click();
  assert.equal(await page.locator(tid('ce-popover')).count(), 1);
  await click(page, 'ce-open');
  assert.equal(await page.locator(tid('ce-popover')).count(), 0);
  // Two classes: the notes' panel, as before.
  const two = await session().open('#dataset=circle&networkShape=4&output=auto');
  await click(two.page, 'ce-open');
  await two.page.locator(tid('ce-panel-readout')).waitFor();
  assert.equal(await two.page.locator(tid('ce-panel-classes')).count(), 0);
  assert.deepEqual([...app.pageErrors, ...two.pageErrors], [], errorReport(app));
});

test('no Σ where the loss is not cross-entropy: a Playground link (tanh, squared error) has none, and Σ open goes when the output changes to it', async () => {
  const tf = await session().open('#dataset=circle');
  assert.equal(await tf.page.locator(tid('ce-open')).count(), 0, 'no Σ on the Playground\'s ½(ŷ − t)²');
  const own = await session().open('#dataset=circle&output=auto');
  await click(own.page, 'ce-open');
  await own.page.locator(tid('ce-popover')).waitFor();
  // The same experiment with the Playground's output: the button and its popover go.
  await own.page.evaluate(() => { location.hash = 'dataset=circle'; });
  await waitUntil(async () => (await own.page.locator(tid('ce-open')).count()) === 0, { what: 'Σ to go' });
  assert.equal(await own.page.locator(tid('ce-popover')).count(), 0, 'its popover went with it');
  assert.deepEqual([...tf.pageErrors, ...own.pageErrors], [], errorReport(own));
});

test('Undo on an edited generated set counts its points as the split note does (generated apart from drawn)', async () => {
  const app = await session().open('#dataset=xor');
  const { page } = app;
  await clickCanvasAt(page, 1.5, 2.5);
  await clickCanvasAt(page, -4.5, 4.5);
  await click(page, 'undo');
  const said = await text(page, 'status');
  const m = said.match(/^Undid the last point edit: (\d+) points \((\d+) generated, 1 drawn by you\)\.$/);
  assert.ok(m, said);
  assert.equal(Number(m[1]), Number(m[2]) + 1, said);
  assert.doesNotMatch(said, /of your own/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test("the backpropagation panel's Point message follows the field's text as it is typed, and goes when it is valid", async () => {
  const app = await session().open('#dataset=xor&networkShape=2&seed=3&samples=40');
  const { page } = app;
  await page.locator(`${tid('backprop')} summary`).click();
  const field = page.locator(tid('backprop-point'));
  const message = async () => ((await text(page, 'backprop-point-message')) ?? '').trim();
  const shows = async () => page.getAttribute(tid('backprop-steps'), 'data-point');
  assert.equal(await message(), '');
  // Typed, with no Enter and no blur: the message is there at once.
  await field.fill('abc');
  await waitUntil(async () => /type a number from 1 to 40/.test(await message()), { what: 'the message while typing' });
  await field.fill('7');
  await waitUntil(async () => (await message()) === '' && (await shows()) === '7', { what: 'a valid point clears it' });
  // Blurred on a bad value: the message stays while the text is bad.
  await field.fill('0.5x');
  await field.blur();
  await waitUntil(async () => /type a number/.test(await message()), { what: 'the message after a blur' });
  assert.equal(await shows(), '7', 'the point shown before stays');
  await field.focus();
  await field.fill('99');
  await field.press('Enter');
  await waitUntil(async () => /numbered 1 to 40; showing point 40/.test(await message()) && (await shows()) === '40',
    { what: 'an out-of-range point clamped and explained' });
  await field.fill('12');
  await waitUntil(async () => (await message()) === '', { what: 'the message to go' });
  assert.doesNotMatch(((await text(page, 'status')) ?? ''), /Point:/, 'and the status with it');
  // The data shrink under a point: the field's 12 is now out of range, and it says so by itself.
  await page.evaluate(() => { location.hash = location.hash.replace('samples=40', 'samples=10'); });
  await waitUntil(async () => /numbered 1 to 10; showing point 10/.test(await message()), { what: 'the message on fewer points' });
  await page.evaluate(() => { location.hash = location.hash.replace('samples=10', 'samples=40'); });
  await waitUntil(async () => (await message()) === '', { what: 'the message to go with the points back' });
  assert.equal(await shows(), '12');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the shortcuts help lists Escape: it closes popovers and cancels long work', async () => {
  const app = await session().open('#dataset=circle&networkShape=4');
  const { page } = app;
  await page.keyboard.press('?');
  await page.locator(tid('shortcuts-help')).waitFor();
  const row = page.locator(`${tid('shortcuts-help')} tr`, { has: page.locator('kbd', { hasText: /^Escape$/ }) });
  assert.equal(await row.count(), 1, 'a row for Escape');
  assert.ok(await row.isVisible());
  const what = (await row.locator('td').textContent()).trim();
  assert.match(what, /popover/);
  assert.match(what, /cancel long work/);
  await page.keyboard.press('Escape');
  await waitUntil(async () => !(await page.locator(tid('shortcuts-help')).isVisible()), { what: 'Escape closes the help' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

/** The activation chart's axis numbers in `scope`: text, centre, font size, contrast with what is behind. */
async function ticks(page, scope) {
  return page.evaluate((scope) => {
    const fig = [...document.querySelectorAll(`[data-testid="${scope}"]`)].find((e) => e.checkVisibility());
    const canvas = fig.querySelector('canvas').getBoundingClientRect();
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const behind = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const panel = fig.closest('.panel, .lesson-panel') ?? document.body;
    const clip = panel.getBoundingClientRect();
    return [...fig.querySelectorAll('.activation-tick')].map((el) => {
      const b = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const [l1, l2] = [lum(rgb(style.color)), lum(behind(el))].sort((a, b) => b - a);
      return {
        axis: el.dataset.testid === 'activation-z-tick' ? 'z' : 'y',
        value: Number(el.dataset.value),
        text: el.textContent.trim(),
        cx: b.x + b.width / 2, cy: b.y + b.height / 2, box: b,
        font: parseFloat(style.fontSize),
        contrast: (l1 + 0.05) / (l2 + 0.05),
        inside: b.left >= clip.left && b.right <= clip.right && b.top >= clip.top && b.bottom <= clip.bottom,
        outsideChart: b.right <= canvas.left + 1 || b.top >= canvas.bottom - 1,
        canvas: { x: canvas.x + 1, y: canvas.y + 1, w: canvas.width - 2, h: canvas.height - 2 },
      };
    });
  }, scope);
}

test('the activation curve has axis numbers (z −3, 0, 3; y −1 to 3) at their values, readable in both themes', async () => {
  const app = await session().open('#dataset=circle&networkShape=4&activation=tanh&output=auto');
  const { page } = app;
  await page.locator(tid('activation-curve-menu')).scrollIntoViewIfNeeded();
  const [z0, z1] = [-3, 3];
  const [y0, y1] = [-1.5, 3];
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') {
      await click(page, 'theme-toggle');
      await waitUntil(async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark', { what: 'the dark theme' });
    }
    const all = await ticks(page, 'activation-curve-menu');
    const z = all.filter((t) => t.axis === 'z');
    const y = all.filter((t) => t.axis === 'y');
    assert.deepEqual(z.map((t) => t.text), ['−3', '0', '3']);
    assert.deepEqual(y.map((t) => t.text), ['−1', '0', '1', '2', '3']);
    for (const t of all) {
      const c = t.canvas;
      if (t.axis === 'z') {
        const x = c.x + ((t.value - z0) / (z1 - z0)) * c.w;
        assert.ok(Math.abs(t.cx - x) < 2, `${theme}: z ${t.text} at ${t.cx}, its place ${x}`);
      } else {
        const py = c.y + ((y1 - t.value) / (y1 - y0)) * c.h;
        assert.ok(Math.abs(t.cy - py) < 2, `${theme}: y ${t.text} at ${t.cy}, its place ${py}`);
      }
      assert.ok(t.font >= 11, `${theme}: ${t.text} is ${t.font}px`);
      assert.ok(t.contrast >= 4.5, `${theme}: ${t.text}'s contrast ${t.contrast.toFixed(2)}`);
      assert.ok(t.inside, `${theme}: ${t.text} is inside its panel: ${JSON.stringify(t.box)}`);
      assert.ok(t.outsideChart, `${theme}: ${t.text} is beside the chart, not over the curves`);
    }
    // No two numbers overlap.
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const [a, b] = [all[i].box, all[j].box];
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        assert.ok(!overlap, `${theme}: ${all[i].axis}${all[i].text} and ${all[j].axis}${all[j].text} overlap`);
      }
    }
    await page.locator(tid('activation-curve-menu')).screenshot({ path: path.join(ARTIFACTS, `activation-ticks-${theme}.png`) });
  }
  // Lesson 05's chart has them too.
  const lesson = await session().open('#lesson=activations&card=4');
  await lesson.page.locator(`${tid('activation-curve-lesson')} >> visible=true`).scrollIntoViewIfNeeded();
  const inLesson = await ticks(lesson.page, 'activation-curve-lesson');
  assert.equal(inLesson.length, 8);
  assert.ok(inLesson.every((t) => t.inside && t.contrast >= 4.5), JSON.stringify(inLesson.filter((t) => !t.inside)));
  assert.deepEqual([...app.pageErrors, ...lesson.pageErrors], [], errorReport(app));
});

/** Each view beside the plot, and its panel. */
const PANELS = {
  diagram: '.diagram-panel',
  neurons: '.neurons-panel',
  'hidden-space': '.hidden-space-panel',
  lift: '.lift-panel',
  'loss-surface': '.surface-panel',
  gradients: '.gradient-panel',
  arithmetic: '.arithmetic-panel',
  backprop: '.backprop-panel',
};

/** The presenter's column: boxes of its parts, the picker's shown name and the view that is visible. */
async function presenter(page) {
  return page.evaluate((panels) => {
    const box = (q) => {
      const e = document.querySelector(q);
      if (!e || !e.checkVisibility()) return null;
      const b = e.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    };
    const select = document.querySelector('[data-testid="stage-view"]');
    const visible = Object.entries(panels).filter(([, q]) => document.querySelector(q)?.checkVisibility()).map(([k]) => k);
    return {
      parts: {
        lesson: box('.lesson-strip'), readouts: box('.charts-panel > .readouts'), loss: box('canvas.loss-chart'),
        picker: box('.stage-picker-row'), brushes: box('.brushes'),
      },
      said: select?.selectedOptions?.[0]?.textContent?.trim(),
      saidValue: select?.selectedOptions?.[0]?.value,
      value: select?.value,
      labels: Object.fromEntries([...(select?.options ?? [])].map((o) => [o.value, o.textContent.trim()])),
      pick: document.documentElement.dataset.pick,
      visible,
      screen: { w: innerWidth, h: innerHeight },
    };
  }, PANELS);
}

/** The open lesson card's title in the presenter's strip. */
const cardTitle = (page) => page.evaluate(() => [...document.querySelectorAll('.lesson-strip-title')].find((e) => e.checkVisibility())?.textContent ?? '');

/** The loss chart is at least 140 px tall, every part is on the screen and none overlaps another. */
function assertRoomy(p, where) {
  assert.ok(p.parts.loss.h >= 140, `${where}: the loss chart is ${p.parts.loss.h} px tall`);
  const parts = Object.entries(p.parts).filter(([, b]) => b);
  for (const [name, b] of parts) {
    assert.ok(b.x >= -1 && b.y >= -1 && b.x + b.w <= p.screen.w + 1 && b.y + b.h <= p.screen.h + 1, `${where}: ${name} on screen ${JSON.stringify(b)}`);
  }
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const [[n1, a], [n2, b]] = [parts[i], parts[j]];
      const overlap = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
      assert.ok(!overlap, `${where}: ${n1} and ${n2} overlap`);
    }
  }
}

/** The picker names the one view that is shown. */
function assertNamed(p, where) {
  assert.deepEqual(p.visible, [p.pick], `${where}: one view shown, the picked one`);
  assert.equal(p.saidValue, p.pick, `${where}: the picker says "${p.said}" while ${p.pick} is shown`);
  assert.equal(p.said, p.labels[p.pick], where);
}

test('lecture layout with lesson=backpropagation: the loss chart keeps ≥ 140 px on every card, at 1280×720 and 1920×1080, and the picker always names the view shown', async () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    const app = await session().open('#lesson=backpropagation&lecture=true');
    const { page } = app;
    await page.setViewportSize(viewport);
    const at = `${viewport.width}×${viewport.height}`;
    await page.waitForTimeout(300);
    let p = await presenter(page);
    assertRoomy(p, `${at} card 1`);
    assertNamed(p, `${at} card 1`);
    if (viewport.width === 1280) await screenshot(page, 'presenter-backprop-lesson-1280.png');
    await page.selectOption(tid('stage-view'), 'backprop');
    await waitUntil(async () => (await presenter(page)).pick === 'backprop', { what: 'the backprop panel picked' });
    assertNamed(await presenter(page), `${at} backprop picked`);
    await page.locator(tid('stage-view')).blur();
    for (let card = 2; card <= 4; card++) {
      await page.keyboard.press('n');
      await waitUntil(async () => new RegExp(`\\(${card}\\s/\\s4\\)`).test(await cardTitle(page)), { what: `card ${card}` });
      await page.waitForTimeout(200);
      p = await presenter(page);
      assertRoomy(p, `${at} card ${card}`);
      assertNamed(p, `${at} card ${card}`);
    }
    // Back to card 1, the controls' drawer opened and closed, full screen in and out, another pick.
    for (let card = 3; card >= 1; card--) {
      await page.keyboard.press('p');
      await waitUntil(async () => new RegExp(`\\(${card}\\s/\\s4\\)`).test(await cardTitle(page)), { what: `card ${card}` });
    }
    await page.waitForTimeout(200);
    assertNamed(await presenter(page), `${at} back on card 1`);
    for (const key of ['c', 'c', 'f', 'f']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(300);
      const q = await presenter(page);
      if (q.parts.picker) assertNamed(q, `${at} after ${key}`);
    }
    await page.selectOption(tid('stage-view'), 'diagram');
    await page.reload();
    await page.locator(tid('stage-view')).waitFor();
    await page.waitForTimeout(300);
    p = await presenter(page);
    assertNamed(p, `${at} reloaded`);
    assertRoomy(p, `${at} reloaded`);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  }
});

test('Clear is with the brushes in the lecture layout at 1280×720 and 1920×1080: on screen, not covered, and it clears (Undo brings the points back)', async () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    for (const hash of ['#lecture=true&dataset=circle&networkShape=4', '#lesson=backpropagation&lecture=true', '#lecture=true&dataset=blobs&classes=6']) {
      const app = await session().open(hash);
      const { page } = app;
      await page.setViewportSize(viewport);
      await page.waitForTimeout(300);
      const where = `${viewport.width}×${viewport.height} ${hash}`;
      const clear = page.locator(tid('clear'));
      assert.ok(await clear.isVisible(), `${where}: Clear is visible`);
      const b = await clear.boundingBox();
      assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.width <= viewport.width && b.y + b.height <= viewport.height, `${where}: Clear on screen ${JSON.stringify(b)}`);
      const top = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.dataset.testid, [b.x + b.width / 2, b.y + b.height / 2]);
      assert.equal(top, 'clear', `${where}: nothing covers Clear`);
      if (hash.includes('circle')) {
        const before = Number(await text(page, 'point-count'));
        assert.ok(before > 0);
        await clear.click();
        await waitUntil(async () => Number(await text(page, 'point-count')) === 0, { what: 'Clear to remove the points' });
        assert.ok(await page.locator(tid('undo')).isVisible(), `${where}: Undo is beside it`);
        await page.locator(tid('undo')).click();
        await waitUntil(async () => Number(await text(page, 'point-count')) === before, { what: 'Undo to bring them back' });
        await screenshot(page, `presenter-clear-${viewport.width}.png`);
      }
      assert.deepEqual(app.pageErrors, [], errorReport(app));
      await app.context.close();
    }
  }
});

test('the hover reading shows at the four corners of the domain and along the bottom strip (under x₁), in its own corner away from the pointer, never clipped', async () => {
  const cases = [
    ['#dataset=circle&networkShape=4&output=auto', { width: 1280, height: 900 }],
    ['#lecture=true&dataset=circle&networkShape=4&output=auto', { width: 1280, height: 720 }],
    ['#lesson=backpropagation&lecture=true', { width: 1280, height: 720 }],
    ['#lecture=true&dataset=blobs&classes=6&networkShape=4&output=auto', { width: 1920, height: 1080 }],
    ['#dataset=blobs&classes=6&networkShape=4&output=auto', { width: 390, height: 844 }],
  ];
  for (const [hash, viewport] of cases) {
    const app = await session().open(hash);
    const { page } = app;
    await page.setViewportSize(viewport);
    await page.locator(tid('data-canvas')).scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    const canvas = await page.locator(tid('data-canvas')).boundingBox();
    const [lo, hi] = [-6, 6];
    const spots = [];
    for (const [u, v] of [[0, 0], [1, 0], [0, 1], [1, 1]]) spots.push([`corner ${u},${v}`, u, v]);
    // The bottom strip: the tick labels' row and the x₁ name's place, across.
    for (const u of [0.1, 0.5, 0.9, 0.95]) spots.push([`bottom strip ${u}`, u, 0.985]);
    // Along the top, left of the middle: where a wide box in the top-right corner would cover it.
    for (const u of [0.3, 0.45]) spots.push([`top ${u}`, u, 0.02]);
    for (const [name, u, v] of spots) {
      // 4 px in: the plot's corners are rounded (6 px), and a pointer reaches no nearer.
      const px = canvas.x + 4 + u * (canvas.width - 8);
      const py = canvas.y + 4 + v * (canvas.height - 8);
      const where = `${viewport.width}×${viewport.height} ${hash} ${name}`;
      await page.mouse.move(px, py);
      await waitUntil(async () => page.locator(tid('plot-reading')).isVisible(), { what: `the reading at ${where}` });
      const at = ((await page.getAttribute(tid('plot-reading'), 'data-at')) ?? '').split(',').map(Number);
      const want = [lo + ((px - canvas.x) / canvas.width) * (hi - lo), hi - ((py - canvas.y) / canvas.height) * (hi - lo)];
      // At the place under the pointer, or at a data point within its reach (10 px).
      const reach = (10 / canvas.width) * (hi - lo) * 1.5;
      assert.ok(Math.abs(at[0] - want[0]) < reach && Math.abs(at[1] - want[1]) < reach, `${where}: read at ${at}, pointer at ${want}`);
      const box = await page.locator(tid('plot-reading')).boundingBox();
      assert.ok(box.x >= canvas.x - 1 && box.y >= canvas.y - 1 && box.x + box.width <= canvas.x + canvas.width + 1
        && box.y + box.height <= canvas.y + canvas.height + 1, `${where}: the box ${JSON.stringify(box)} inside the plot ${JSON.stringify(canvas)}`);
      assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${where}: the box on the screen`);
      const over = px >= box.x && px <= box.x + box.width && py >= box.y && py <= box.y + box.height;
      assert.ok(!over, `${where}: the box ${JSON.stringify(box)} is not over the pointer`);
      const clipped = await page.$eval(tid('plot-reading'), (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
      assert.ok(!clipped, `${where}: the reading's text is not clipped`);
    }
    if (viewport.width === 390) await screenshot(page, 'plot-reading-corner-phone.png');
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  }
});
