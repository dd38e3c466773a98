// The network diagram: one canvas with a line per weight and a circle per unit, the inputs and
// outputs named. Clicking a weight and typing a value changes the network (the line thickens,
// the loss changes); every unit is inside the panel for every shape, at a phone's width too;
// and playing adds no DOM nodes to the panel (the canvas is redrawn instead).
//
// The canvas advertises its layout for these tests in `data-layout` (the unit centres, the
// radius and the labels, in CSS px from its top left); it changes only with the layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, text, tid, waitUntil, screenshot, errorReport, sleep, onScreen, tap } from './harness.mjs';

const session = useSession();

/** The diagram's advertised layout once it is laid out (width > 0), with `sizes` units per layer if given. */
async function diagramLayout(page, sizes = null) {
  let layout = null;
  const laidOut = () => layout && layout.width > 0 && (!sizes || layout.units.map((l) => l.length).join() === sizes.join());
  await waitUntil(
    async () => {
      const raw = await page.getAttribute(tid('diagram'), 'data-layout', { timeout: 2_000 }).catch(() => null);
      layout = raw ? JSON.parse(raw) : null;
      return laidOut();
    },
    { what: `the diagram to be laid out${sizes ? ` as ${sizes}` : ''}` },
  ).catch((err) => {
    err.message += ` (last layout: ${JSON.stringify(layout)?.slice(0, 300)})`;
    throw err;
  });
  return layout;
}

/** RGBA of the diagram canvas at CSS points `pts` ([x, y] from its top left). */
const pixels = async (page, pts) => {
  await onScreen(page, 'diagram');
  return page.$eval(
    tid('diagram'),
    (c, pts) => {
      const k = c.width / c.getBoundingClientRect().width;
      const ctx = c.getContext('2d');
      return pts.map(([x, y]) => Array.from(ctx.getImageData(Math.floor(x * k), Math.floor(y * k), 1, 1).data));
    },
    pts,
  );
};

const near = (px, rgb, tol = 6) => rgb.every((v, i) => Math.abs(px[i] - v) <= tol) && px[3] === 255;

/** The inputs' fill and a bias of 0's fill (src/render/diagram/style.rs, colors.rs). */
const INPUT_FILL = [196, 204, 214];
const ZERO_BIAS = [246, 246, 246];

/**
 * How thick the line through the CSS point (x, y) is drawn: the run of pixels, straight up and
 * down from it, that differ from the panel's white.
 */
const thickness = async (page, x, y) => {
  await onScreen(page, 'diagram');
  return page.$eval(
    tid('diagram'),
    (c, [x, y]) => {
      const k = c.width / c.getBoundingClientRect().width;
      const ctx = c.getContext('2d');
      const col = ctx.getImageData(Math.floor(x * k), 0, 1, c.height).data;
      const inked = (row) => row >= 0 && row < c.height && col[row * 4] + col[row * 4 + 1] + col[row * 4 + 2] < 3 * 235;
      const mid = Math.floor(y * k);
      if (!inked(mid)) return 0;
      let top = mid;
      let bottom = mid;
      while (inked(top - 1)) top--;
      while (inked(bottom + 1)) bottom++;
      return (bottom - top + 1) / k;
    },
    [x, y],
  );
};

/** A point `t` of the way along the link from unit `from` of layer `l` to unit `to` of the next. */
function along(layout, l, from, to, t) {
  const [ax, ay] = layout.units[l][from];
  const [bx, by] = layout.units[l + 1][to];
  return [ax + t * (bx - ax), ay + t * (by - ay)];
}

test('weights are lines, and clicking one edits it', async () => {
  const app = await session().open('#dataset=xor&networkShape=3');
  const { page } = app;
  const layout = await diagramLayout(page, [2, 3, 1]);
  await page.locator(tid('diagram')).scrollIntoViewIfNeeded();
  const box = await page.locator(tid('diagram')).boundingBox();
  const loss = await readNumber(page, 'train-loss');
  // The first weight: x₁ to the first hidden unit (parameter 0).
  const [x, y] = along(layout, 0, 0, 0, 0.75);
  await page.mouse.move(box.x + x, box.y + y);
  await waitUntil(async () => /^weight x₁ → layer 1, unit 1: /.test(await text(page, 'diagram-info')), {
    what: 'the hovered weight to be named under the diagram',
  });
  await page.mouse.click(box.x + x, box.y + y);
  const editor = page.locator(tid('param-editor'));
  await editor.fill('5');
  await editor.press('Tab');
  await waitUntil(async () => (await readNumber(page, 'train-loss')) !== loss, { what: 'the loss to follow the edited weight' });
  await waitUntil(async () => /: 5\.000$/.test(await text(page, 'diagram-info')), { what: 'the new value under the pointer' });
  // The largest weight is drawn thickest: every other link, at the same share of its length.
  const edited = await thickness(page, x, y);
  assert.ok(edited >= 5, `the edited weight is drawn ${edited} px thick`);
  for (const [l, from, to] of [[0, 0, 1], [0, 0, 2], [0, 1, 0], [0, 1, 1], [0, 1, 2], [1, 0, 0], [1, 1, 0], [1, 2, 0]]) {
    const other = await thickness(page, ...along(layout, l, from, to, 0.75));
    assert.ok(other > 0 && other < edited, `link ${l}.${from}→${to} is ${other} px thick, the edited one ${edited}`);
  }
  await page.locator(tid('diagram')).scrollIntoViewIfNeeded();
  await screenshot(page, 'diagram.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

const ALL_FEATURES = 'x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&cosX=true&cosY=true';
const SHAPES = [
  [
    '9 → 8 × 16 → 1',
    `#dataset=spiral&${ALL_FEATURES}&networkShape=16,16,16,16,16,16,16,16`,
    ['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁·x₂', 'sin x₁', 'sin x₂', 'cos x₁', 'cos x₂'],
    [9, 16, 16, 16, 16, 16, 16, 16, 16, 1],
    ['ŷ'],
  ],
  ['2 → 1', '#dataset=xor&networkShape=', ['x₁', 'x₂'], [2, 1], ['ŷ']],
  ['1 → 1', '#dataset=xor&x=true&y=false&networkShape=', ['x₁'], [1, 1], ['ŷ']],
  ['three classes', '#dataset=blobs&classes=3&networkShape=5', ['x₁', 'x₂'], [2, 5, 3], ['p(0)', 'p(1)', 'p(2)']],
  ['curve mode', '#model=curve&sinX=true&networkShape=4', ['x₁', 'sin x₁'], [2, 4, 1], ['ŷ']],
];

/** Checks every unit and label of the diagram on `page` against `shape`; returns the layout. */
async function checkDiagram(page, [name, , inputs, sizes, outputs], where) {
  const what = `${name} at ${where}`;
  await page.locator(tid('diagram')).waitFor();
  // The diagram fits the window and its panel, and never widens the page: the page is as wide
  // with it as without it. (Other parts of the page may be wider than a phone; not this one.)
  const widths = await page.evaluate(() => {
    const panel = document.querySelector('.diagram-panel');
    const box = panel.getBoundingClientRect();
    const widths = { left: box.left, right: box.right, view: window.innerWidth, page: document.documentElement.scrollWidth };
    Object.assign(widths, { content: panel.scrollWidth, panel: panel.clientWidth });
    panel.style.display = 'none';
    widths.without = document.documentElement.scrollWidth;
    panel.style.display = '';
    return widths;
  });
  assert.ok(widths.left >= 0 && widths.right <= widths.view, `${what}: the diagram is outside the window: ${JSON.stringify(widths)}`);
  assert.ok(widths.content <= widths.panel, `${what}: the diagram is cut off (${widths.content} > ${widths.panel})`);
  assert.ok(widths.page <= Math.max(widths.view, widths.without), `${what}: the diagram widens the page: ${JSON.stringify(widths)}`);
  const layout = await diagramLayout(page, sizes);
  assert.deepEqual(layout.labels.map((l) => l.text), [...inputs, ...outputs], `${what}: the labels`);
  const canvas = await page.locator(tid('diagram')).boundingBox();
  const panel = await page.locator('.diagram-panel').boundingBox();
  assert.ok(canvas.x >= panel.x - 0.5 && canvas.x + canvas.width <= panel.x + panel.width + 0.5, `${what}: the canvas is inside its panel`);
  assert.ok(Math.abs(canvas.width - layout.width) < 1, `${what}: the canvas is ${canvas.width} wide, laid out for ${layout.width}`);
  const r = layout.radius;
  const centres = layout.units.flat();
  for (const [x, y] of centres) {
    assert.ok(x - r >= 0 && x + r <= layout.width && y - r >= 0 && y + r <= layout.height, `${what}: unit at ${x},${y} is inside`);
  }
  // Each circle is drawn at its centre: the inputs' fill, and a bias of 0's (epoch 0).
  const fills = centres.map((_, k) => (k < sizes[0] ? INPUT_FILL : ZERO_BIAS));
  let drawn = [];
  await waitUntil(
    async () => {
      drawn = await pixels(page, centres);
      return drawn.every((px, k) => near(px, fills[k]));
    },
    { timeout: 2_000 },
  ).catch(() => {});
  drawn.forEach((px, k) => {
    assert.ok(near(px, fills[k]), `${what}: unit ${k} at ${centres[k]} is drawn ${px}, not ${fills[k]}`);
  });
  // Each label is inside the canvas, and has ink in its box.
  for (const label of layout.labels) {
    assert.ok(label.left >= 0 && label.right <= layout.width, `${what}: label ${label.text} is inside`);
    const pts = [];
    for (let x = label.left; x < label.right; x += 1) pts.push([x, label.y]);
    const inked = (await pixels(page, pts)).filter((p) => p[0] + p[1] + p[2] < 3 * 140).length;
    assert.ok(inked >= 2, `${what}: label ${label.text} is drawn (${inked} dark pixels)`);
  }
  const aria = await page.getAttribute(tid('diagram'), 'aria-label');
  assert.ok(aria.includes(inputs.join(', ')), `${what}: the description names the inputs: ${aria}`);
  return layout;
}

test('every unit and label is drawn inside the panel, for every shape and width', async () => {
  const app = await session().open('#dataset=xor');
  const { page } = app;
  for (const [width, height] of [[1366, 768], [390, 844]]) {
    await page.setViewportSize({ width, height });
    for (const shape of SHAPES) {
      await page.goto(page.url().replace(/#.*/, shape[1]));
      await page.reload();
      await checkDiagram(page, shape, `${width} px`);
      if (shape[0].startsWith('9')) {
        await page.locator(tid('diagram')).scrollIntoViewIfNeeded();
        await screenshot(page, `diagram-largest-${width}.png`);
      }
    }
  }
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a shape changed in the page is drawn anew: the units follow their lines', async () => {
  // The users' path: the default network, then fewer layers and inputs. The old diagram kept
  // every circle and line whose key had not changed where the first layout put it.
  const app = await session().open('#dataset=xor');
  const { page } = app;
  const first = await checkDiagram(page, ['default', '', ['x₁', 'x₂'], [2, 4, 2, 1], ['ŷ']], 'first');
  // The output's bias is selected: after the change there is no unit where it was.
  await page.locator(tid('diagram')).scrollIntoViewIfNeeded();
  const box = await page.locator(tid('diagram')).boundingBox();
  const [ox, oy] = first.units[3][0];
  await page.mouse.click(box.x + ox, box.y + oy);
  await page.locator(tid('param-editor')).waitFor();
  await click(page, 'remove-layer');
  await checkDiagram(page, ['one layer fewer', '', ['x₁', 'x₂'], [2, 4, 1], ['ŷ']], 'after a change');
  await click(page, 'remove-layer');
  await checkDiagram(page, SHAPES[1], 'after a change');
  await page.uncheck(tid('y'));
  await checkDiagram(page, SHAPES[2], 'after a change');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('lecture mode and the dark theme keep every unit inside', async () => {
  const app = await session().open('#dataset=blobs&classes=3&networkShape=8,8,8,8,8&lecture=true');
  const { page } = app;
  const light = await checkDiagram(page, ['lecture', '', ['x₁', 'x₂'], [2, 8, 8, 8, 8, 8, 3], ['p(0)', 'p(1)', 'p(2)']], 'lecture');
  assert.ok(light.font > 18, `lecture mode's labels are larger (${light.font} px)`);
  await click(page, 'theme-toggle');
  await waitUntil(async () => (await page.getAttribute('html', 'data-theme')) === 'dark', { what: 'the dark theme' });
  const [corner] = await pixels(page, [[1, 1]]);
  await waitUntil(async () => (await pixels(page, [[1, 1]]))[0][0] < 60, { what: 'the diagram to follow the dark theme' });
  assert.ok(corner, 'the canvas has pixels');
  await page.locator(tid('diagram')).scrollIntoViewIfNeeded();
  await screenshot(page, 'diagram-lecture-dark.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the arrow keys on the focused diagram choose a weight or bias to edit (and do not step)', async () => {
  const app = await session().open('#dataset=xor&networkShape=3');
  const { page } = app;
  await diagramLayout(page, [2, 3, 1]);
  await page.focus(tid('diagram'));
  await page.keyboard.press('ArrowRight');
  const label = () => page.textContent('label:has([data-testid="param-editor"]) .field-label');
  await waitUntil(async () => (await label())?.includes('Edit the weight x₁ → layer 1, unit 1'), { what: 'the first weight chosen' });
  await page.keyboard.press('ArrowLeft');
  await waitUntil(async () => (await label())?.includes('Edit the bias of output ŷ'), { what: 'the last parameter, wrapping round' });
  assert.equal(await readNumber(page, 'epoch'), 0, '→ on the diagram chooses a weight instead of stepping');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('playing redraws the canvas and adds no DOM nodes to the diagram', async () => {
  const largest = '#dataset=spiral&activation=relu&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true';
  const app = await session().open(largest);
  const { page } = app;
  await page.locator(tid('diagram')).waitFor();
  await onScreen(page, 'diagram'); // a view off screen is not drawn
  const image = (c) => (c.toDataURL ? c.toDataURL() : c.outerHTML);
  const before = await page.$eval(tid('diagram'), image);
  await page.evaluate(() => {
    window.__diagramMutations = { childList: 0, attributes: 0, added: 0 };
    const seen = window.__diagramMutations;
    new MutationObserver((records) => {
      for (const r of records) {
        seen[r.type] = (seen[r.type] ?? 0) + 1;
        seen.added += r.addedNodes.length;
      }
    }).observe(document.querySelector('.diagram-panel'), { subtree: true, childList: true, attributes: true });
  });
  const epoch = await readNumber(page, 'epoch');
  await tap(page, 'play');
  await sleep(1000);
  await tap(page, 'play');
  assert.ok((await readNumber(page, 'epoch')) > epoch + 5, 'training ran');
  const seen = await page.evaluate(() => window.__diagramMutations);
  assert.equal(seen.childList, 0, `DOM nodes added or removed while playing: ${JSON.stringify(seen)}`);
  assert.equal(seen.attributes, 0, `attributes changed while playing: ${JSON.stringify(seen)}`);
  const after = await page.$eval(tid('diagram'), image);
  assert.notEqual(after, before, 'the diagram follows the trained weights');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
