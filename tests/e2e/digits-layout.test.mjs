// Digits mode's layout: on a phone (390×844) the pad, its answer, the test accuracy and the
// lesson card's start are on the first screen, with the digits' views under the card and no
// sideways scrolling. Screenshots in artifacts/digits-layout-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSession, openPage, tid, click, waitUntil, errorReport, ARTIFACTS } from './harness.mjs';

const session = useSession();

/** Opens `hash` at `width`×`height` and waits for the pad (digits mode has no plot). */
async function openAt(hash, width, height) {
  const app = await openPage(session().browser, `${session().url}/${hash}`, {
    viewport: { width, height },
    waitForApp: false,
  });
  await waitUntil(() => app.page.locator(tid('digit-pad')).isVisible(), { timeout: 30_000, what: 'the pad' });
  await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return app;
}

/** Page-space rectangles of the first shown element of each selector (null if none). */
const rects = (page, selectors) =>
  page.evaluate((sels) => Object.fromEntries(sels.map((sel) => {
    const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
    if (!el) return [sel, null];
    const r = el.getBoundingClientRect();
    return [sel, { left: r.left, top: r.top + scrollY, right: r.right, bottom: r.bottom + scrollY }];
  })), selectors);

async function shot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name) });
}

test('digits lesson on a phone (390×844): pad, answer, test accuracy and the lesson card on the first screen', async () => {
  const app = await openAt('#lesson=digits', 390, 844);
  const { page } = app;
  const r = await rects(page, [
    tid('digit-pad'), tid('digit-prediction'), tid('digit-clear'), tid('digit-bars'),
    tid('test-accuracy'), tid('lesson-card'), '.digits-views',
  ]);
  for (const id of ['digit-pad', 'digit-prediction', 'digit-clear', 'digit-bars', 'test-accuracy']) {
    const box = r[tid(id)];
    assert.ok(box && box.bottom <= 844 && box.right <= 390, `${id} on the first screen: ${JSON.stringify(box)}`);
  }
  const card = r[tid('lesson-card')];
  assert.ok(card && card.top < 844 - 40, `the lesson card starts on the first screen: ${JSON.stringify(card)}`);
  assert.ok(r['.digits-views'].top > card.top, 'the digits\' views come after the card');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
  await shot(page, 'digits-layout-390x844.png');
  // The confusion matrix's numbers are at least 11 CSS pixels tall where the phone shows it.
  const type = await page.$eval(tid('digit-confusion'), (c) => {
    const px = parseFloat(c.getContext('2d').font);
    return { px, css: px * c.getBoundingClientRect().width / c.width };
  });
  assert.ok(type.css >= 11, `the confusion matrix's type: ${JSON.stringify(type)}`);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('digits with no hidden layer (softmax regression): no activation menu, a note instead; a layer brings it back', async () => {
  const app = await openAt('#model=digits&networkShape=', 1280, 900);
  const { page } = app;
  assert.equal(await page.locator(tid('activation')).count(), 0, 'no activation menu');
  assert.ok(await page.locator(tid('no-activation')).isVisible());
  await click(page, 'add-layer');
  await waitUntil(() => page.locator(tid('activation')).isVisible(), { what: 'the activation menu' });
  assert.equal(await page.locator(tid('no-activation')).count(), 0);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

const overlaps = (a, b) =>
  a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

for (const [width, height, shape] of [[1280, 720, '16,12'], [1920, 1080, '16']]) {
  test(`digits in the presenter layout (lecture mode, ${width}×${height}, layers ${shape}): the views fill the plot's place, in the presenter's type, nothing cut or covered`, async () => {
    const app = await openAt(`#model=digits&networkShape=${shape}&lecture=true`, width, height);
    const { page } = app;
    const big = ['digit-grid', 'digit-confusion', 'digit-accuracy', 'digit-weights']
      .concat(shape.includes(',') ? ['digit-second'] : []).map(tid);
    const views = [...big, ...['digit-pad', 'digit-preview', 'digit-bars', 'digit-prediction', 'digit-clear'].map(tid)];
    const charts = [tid('test-accuracy'), tid('loss-chart'), tid('gradient-chart')];
    // The views are drawn once their rooms are measured: wait for the accuracy chart's.
    await waitUntil(() => page.$eval(tid('digit-accuracy'), (c) => Math.abs(c.width - c.clientWidth * devicePixelRatio) <= 1),
      { what: 'the accuracy chart drawn at its room\'s size' });
    const r = await rects(page, [...views, ...charts, '.digits-panel']);
    const panel = r['.digits-panel'];
    for (const sel of [...views, ...charts]) {
      const box = r[sel];
      assert.ok(box && box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height, `${sel} on the screen: ${JSON.stringify(box)}`);
      assert.ok(box.bottom - box.top > 8, `${sel} is not squashed: ${JSON.stringify(box)}`);
    }
    for (const sel of views) {
      const box = r[sel];
      assert.ok(box.right <= panel.right + 1 && box.bottom <= panel.bottom + 1, `${sel} inside the digits' panel (not cut): ${JSON.stringify(box)} in ${JSON.stringify(panel)}`);
      for (const chart of charts) assert.ok(!overlaps(box, r[chart]), `${sel} does not cover ${chart}`);
      for (const other of views) {
        if (other !== sel) assert.ok(!overlaps(box, r[other]), `${sel} does not cover ${other}`);
      }
    }
    // Each view grows with the room: at least a quarter of the panel's width (or, for a wide
    // one, as tall as a fifth of it), and together they reach down to the panel's foot.
    const panelWidth = panel.right - panel.left;
    for (const sel of big) {
      const box = r[sel];
      const [w, h] = [box.right - box.left, box.bottom - box.top];
      assert.ok(w >= 0.25 * panelWidth || h >= 0.2 * panelWidth, `${sel} fills its room: ${w}×${h} in a ${panelWidth} px panel`);
    }
    const lowest = Math.max(...big.map((sel) => r[sel].bottom));
    assert.ok(lowest >= panel.bottom - 0.15 * (panel.bottom - panel.top), `the views use the panel's height: ${lowest} in ${JSON.stringify(panel)}`);
    assert.ok(r[tid('digit-pad')].right - r[tid('digit-pad')].left >= 150);
    // Each canvas is drawn at the size it is shown (sharp, not scaled up).
    const drawn = await page.evaluate((sels) => sels.map((sel) => {
      const c = document.querySelector(sel);
      return { sel, width: c.width, shown: c.clientWidth * devicePixelRatio };
    }), big);
    for (const d of drawn) assert.ok(d.width >= d.shown - 1, `${d.sel} drawn at its shown size: ${JSON.stringify(d)}`);
    // The presenter's type: captions at least 16 px, the matrix's numbers at least 11 px.
    const captions = await page.$$eval('.digits-views figcaption', (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    for (const px of captions) assert.ok(px >= 16, `captions' type: ${captions}`);
    const type = await page.$eval(tid('digit-confusion'), (c) => {
      const px = parseFloat(c.getContext('2d').font);
      return { px, css: px * c.getBoundingClientRect().width / c.width };
    });
    assert.ok(type.css >= 11, `the confusion matrix's type: ${JSON.stringify(type)}`);
    const size = await page.evaluate(() => ({
      w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight,
    }));
    assert.ok(size.w <= width && size.h <= height, `no scrolling: ${JSON.stringify(size)}`);
    await shot(page, `digits-layout-lecture-${width}x${height}.png`);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  });
}
