// The work bar (issue 19): where it sits (it covers neither the plot nor its axes, in the
// presenter layout and on a phone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useSession, openPage, click, tid, waitUntil, errorReport, sleep, ARTIFACTS } from './harness.mjs';
import { BIG, progress } from './work.mjs';

const session = useSession();

/** The box of `id` on the screen, or null. */
async function box(page, id) {
  return page.evaluate((id) => {
    const r = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
    return r && { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
  }, id);
}

const overlap = (a, b) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;

for (const [name, viewport, hash] of [
  ['lecture mode at 1280×720', { width: 1280, height: 720 }, `#${BIG}&lecture=true`],
  ['a phone at 390×844', { width: 390, height: 844 }, `#${BIG}`],
  ['a laptop at 1366×768', { width: 1366, height: 768 }, `#${BIG}`],
]) {
  test(`the work bar covers neither the plot nor its axes: ${name}`, async () => {
    const app = await openPage(session().browser, session().url + '/' + hash, { viewport });
    const { page } = app;
    // The restarts' button may be in a closed drawer: pressed as the R… key would, from script.
    await page.evaluate(() => document.querySelector('[data-testid="random-restarts"]').click());
    await waitUntil(() => progress(page), { interval: 20, what: 'the bar' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await sleep(300); // a relayout of the plot, if any
    const bar = await box(page, 'work');
    const plot = await box(page, 'data-canvas');
    assert.ok(!overlap(bar, plot), `bar ${JSON.stringify(bar)} over the plot ${JSON.stringify(plot)}`);
    assert.ok(bar.bottom <= viewport.height && bar.y >= 0, 'the bar is on the screen');
    assert.ok(await page.locator(tid('work-cancel')).isVisible());
    await page.screenshot({ path: path.join(ARTIFACTS, `work-bar-${viewport.width}x${viewport.height}.png`) });
    if (!hash.includes('lecture')) {
      // Scrolled down to the restarts' button, the bar stays in sight.
      await page.locator(tid('random-restarts')).scrollIntoViewIfNeeded();
      const scrolled = await box(page, 'work');
      assert.ok(scrolled.y >= 0 && scrolled.bottom <= viewport.height, `scrolled: ${JSON.stringify(scrolled)}`);
    }
    await click(page, 'work-cancel');
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  });
}
