// The work bar (issue 19): where it sits (it covers neither the plot nor its axes, in the
// presenter layout and on a phone), and what stops the work under it: Reset, a new network
// shape, another data set and a new link each stop a Step in slices or random restarts on the
// largest network at once; nothing the work trained lands afterwards, and the bar goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useSession, openPage, click, tid, text, readNumber, waitUntil, errorReport, sleep, ARTIFACTS } from './harness.mjs';
import { BIG, predictions, progress } from './work.mjs';

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

/** Starts long work of `kind` ('step': a numerical Step; 'restarts') and waits for its bar. */
async function startWork(page, kind) {
  if (kind === 'step') {
    await click(page, 'step');
    await waitUntil(async () => /^Step: epoch/.test((await progress(page))?.label), { what: 'the Step bar' });
  } else {
    await page.evaluate(() => document.querySelector('[data-testid="random-restarts"]').click());
    await waitUntil(async () => /^Start \d+ of 10$/.test((await progress(page))?.label), { what: 'the restarts bar' });
  }
}

/** After a change: the bar is gone, and a second later nothing trained has landed. */
async function nothingLands(page, what) {
  await waitUntil(async () => (await progress(page)) === null, { timeout: 2000, interval: 20, what: `the bar to go (${what})` });
  const now = await predictions(page);
  const epoch = await readNumber(page, 'epoch');
  await sleep(1500);
  assert.deepEqual(await predictions(page), now, `${what}: the network stays the new one`);
  assert.equal(await readNumber(page, 'epoch'), epoch, `${what}: the epoch stays`);
  assert.equal(await progress(page), null, what);
  assert.doesNotMatch(await text(page, 'status'), /Kept restart|cancelled|Still working/, what);
}

for (const kind of ['step', 'restarts']) {
  const link = kind === 'step' ? `#${BIG}&gradient=numerical&batchSize=1` : `#${BIG}`;
  test(`Reset, a new shape, another data set and a new link each stop ${kind === 'step' ? 'a numerical Step' : 'random restarts'}; nothing lands after`, async () => {
    const app = await session().open(link);
    const { page } = app;
    const start = await predictions(page);

    await startWork(page, kind);
    await click(page, 'reset');
    await nothingLands(page, 'Reset');
    assert.deepEqual(await predictions(page), start, "Reset: the seed's weights");
    assert.equal(await readNumber(page, 'epoch'), 0);

    await startWork(page, kind);
    await click(page, 'remove-layer');
    await nothingLands(page, 'a new shape');
    assert.equal(await text(page, 'layer-count'), '7 hidden');
    assert.equal(await readNumber(page, 'epoch'), 0);

    await startWork(page, kind);
    await click(page, 'dataset-circle');
    await nothingLands(page, 'another data set');
    assert.equal(await readNumber(page, 'epoch'), 0);

    await startWork(page, kind);
    const next = link.replace('dataset=blobs', 'dataset=xor');
    await page.evaluate((hash) => (location.hash = hash), next);
    await nothingLands(page, 'a new link');
    assert.equal(await readNumber(page, 'epoch'), 0);
    // The same network as the link opened afresh.
    const fresh = await session().open(next);
    assert.deepEqual(await predictions(page), await predictions(fresh.page), 'the new link\'s own network');
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  });
}
