// Digits mode's layout: on a phone (390×844) the pad, its answer, the test accuracy and the
// lesson card's start are on the first screen, with the digits' views under the card and no
// sideways scrolling. Screenshots in artifacts/digits-layout-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSession, openPage, tid, waitUntil, errorReport, ARTIFACTS } from './harness.mjs';

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
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
