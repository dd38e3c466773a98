// Nothing lost through the browser's storage (issue 19, defect 2): a save that fails (storage
// full) says so with Copy link right there and goes when a save works again; the link still
// holds the points, and a bare address says honestly what it restored. Two tabs on one link
// each keep their drawing, and a bare address offers both (and follows what the others save).
// A duplicated tab (same id) takes a new key when it sees the other write its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, openPage, clickCanvasAt, waitForNumber, readNumber, click, tid, text, waitUntil,
  hashParams, errorReport, screenshot, sleep,
} from './harness.mjs';

const session = useSession();

/** The link's `points` value (null when it has none). */
const linkPoints = async (page) => (await hashParams(page)).get('points');

/** Clicks the plot at each of `at` with brush `brush`, then waits for the count `n`. */
async function draw(page, brush, at, n) {
  await click(page, brush);
  for (const [x1, x2] of at) await clickCanvasAt(page, x1, x2);
  await waitForNumber(page, 'point-count', (v) => v === n, { what: `${n} points` });
}

/** The experiments kept in localStorage: { key: hash }. */
const keptEntries = (page) => page.evaluate(() => {
  const out = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key.startsWith('nn-playground/experiment/')) out[key] = localStorage.getItem(key).split('|').slice(1).join('|');
  }
  return out;
});

/** Fills the origin's localStorage until setItem throws; returns how many characters it took. */
const fillStorage = (page) => page.evaluate(() => {
  let i = 0;
  let total = 0;
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    const chunk = 'x'.repeat(size);
    for (;;) {
      try {
        localStorage.setItem(`junk/${i++}`, chunk);
        total += size;
      } catch {
        break;
      }
    }
  }
  return total;
});

/** Removes what fillStorage put in. */
const emptyJunk = (page) => page.evaluate(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('junk/')) localStorage.removeItem(key);
});

/** The status line, once it matches `re`. */
async function statusMatching(page, re, what) {
  let status = '';
  await waitUntil(async () => re.test((status = await text(page, 'status'))), { what: `${what}: ${re}` });
  return status;
}

test('a full storage says so, with Copy link; the link and the tab keep every point', async () => {
  const app = await session().open('#points=1,1,0;2,2,1');
  const { page } = app;
  await draw(page, 'brush-0', [[-3, 4]], 3);
  await waitUntil(async () => Object.values(await keptEntries(page)).length === 1, { what: 'the edit kept' });
  const saved = Object.values(await keptEntries(page))[0];

  const filled = await fillStorage(page);
  assert.ok(filled > 100_000, `filled ${filled} characters`);
  await draw(page, 'brush-1', [[-4, -4], [4, -4], [-2, 0], [0, 5], [5, 0]], 8);
  await waitUntil(() => page.locator(tid('save-failed')).isVisible(), { what: 'the warning' });
  const warning = await text(page, 'save-failed-text');
  assert.match(warning, /^Not saved in this browser: its storage for this page is full\. Your work is still in this page's link/);
  assert.match(warning, /copy the link to keep it/);
  assert.ok(await page.locator(tid('save-failed-copy')).isVisible(), 'Copy link is right there');
  await screenshot(page, 'storage-full-warning.png');

  // The link holds all 8 points; Copy link copies it.
  const link = await linkPoints(page);
  assert.ok(link, 'points in the link');
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session().url });
  await click(page, 'save-failed-copy');
  await waitUntil(async () => /Copied/.test(await text(page, 'save-failed-copy')), { what: '✓ Copied at the button' });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URLSearchParams(copied.split('#')[1]).get('points'), link, 'the copied link holds the points');
  assert.deepEqual(Object.values(await keptEntries(page)), [saved], 'the older save is still there, untouched');

  // Another tab of this browser opens the bare address: it gets the older save, and says
  // when it was saved, not that it is the last experiment.
  const other = await app.context.newPage();
  await other.goto(new URL('/', page.url()).href, { waitUntil: 'load' });
  await waitForNumber(other, 'point-count', (v) => v === 3, { timeout: 30_000, what: 'the older save in another tab' });
  const said = await statusMatching(other, /^Restored/, 'the other tab');
  assert.match(said, /^Restored the experiment this browser saved most recently, (just now|\d+ (seconds|minutes?) ago) \(your 3 points\)\.$/);
  assert.doesNotMatch(said, /your last experiment/);
  await other.close();

  // This tab, at the bare address: its own latest work, all 8 points (sessionStorage).
  await page.goto(new URL('/', page.url()).href, { waitUntil: 'load' });
  await waitForNumber(page, 'point-count', (v) => v === 8, { timeout: 30_000, what: 'this tab\'s 8 points' });
  assert.equal(await text(page, 'status'), 'Restored this tab\'s latest experiment (your 8 points).');
  await waitUntil(async () => (await linkPoints(page)) === link, { what: 'the same points in the link' });

  // Room again: the next save works and the warning goes.
  await emptyJunk(page);
  await draw(page, 'brush-0', [[3, 3]], 9);
  await waitUntil(async () => !(await page.locator(tid('save-failed')).isVisible()), { what: 'the warning gone' });
  const entries = Object.values(await keptEntries(page));
  assert.ok(entries.includes(await page.evaluate(() => location.hash.slice(1))), 'the 9 points kept');
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('two tabs on one link keep both drawings, and a bare address offers both', async () => {
  const { browser, url } = session();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const open = async (suffix) => {
      const page = await context.newPage();
      await page.goto(`${url}/${suffix}`, { waitUntil: 'load' });
      await waitForNumber(page, 'epoch', Number.isFinite, { timeout: 30_000, what: 'the app' });
      return page;
    };
    const a = await open('#points=1,1,0;2,2,1');
    const b = await open('#points=1,1,0;2,2,1');
    await draw(a, 'brush-0', [[-3, 4], [-4, 3]], 4);
    await draw(b, 'brush-1', [[3, -4], [4, -3], [5, -5]], 5);
    await sleep(400); // the debounced writes
    const [linkA, linkB] = [await linkPoints(a), await linkPoints(b)];
    assert.notEqual(linkA, linkB);
    // Tab A draws once more after B: its save must not replace B's.
    await draw(a, 'brush-0', [[-5, 5]], 5);
    await sleep(400);
    const linkA2 = await linkPoints(a);
    const kept = Object.values(await keptEntries(a)).map((h) => new URLSearchParams(h).get('points'));
    assert.ok(kept.includes(linkA2) && kept.includes(linkB), `both drawings kept: ${JSON.stringify(kept)}`);

    const c = await open('');
    await waitForNumber(c, 'point-count', (v) => v === 5, { what: 'the newest: tab A\'s' });
    await waitUntil(async () => (await linkPoints(c)) === linkA2, { what: 'tab A\'s points in the link' });
    assert.match(await text(c, 'status'), /^Restored the experiment this browser saved most recently, .* \(your 5 points\)\.$/);
    const offer = c.locator(tid('recent-experiments'));
    assert.ok(await offer.isVisible(), 'other recent experiments are offered');
    await c.click(`${tid('recent-experiments')} summary`);
    const buttons = c.locator(tid('recent-restore'));
    assert.equal(await buttons.count(), 1, 'tab B\'s drawing (the unchanged link was never kept)');
    // Tab B's: the link's point of class 0, and its point of class 1 with the 3 it drew.
    assert.match(await buttons.first().textContent(), /^your 5 points \(1 of class 0, 4 of class 1\) · Neural network · saved /);
    await screenshot(c, 'storage-recent-offer.png');
    await buttons.first().click();
    await waitUntil(async () => (await linkPoints(c)) === linkB, { what: 'tab B\'s points restored' });
    assert.match(await text(c, 'status'), /^Restored the experiment saved .* \(your 5 points\)\.$/);
    // Now tab A's drawing is the one offered.
    await waitUntil(async () => (await c.locator(tid('recent-restore')).count()) === 1, { what: 'one offered' });
    await c.locator(tid('recent-restore')).first().click();
    await waitUntil(async () => (await linkPoints(c)) === linkA2, { what: 'tab A\'s points back' });
    // Tab A draws on: tab C notices (the storage event) and offers A's newer drawing too.
    await draw(a, 'brush-0', [[-1, 5]], 6);
    await waitUntil(
      async () => (await c.locator(tid('recent-restore')).allTextContents()).some((t) => t.startsWith('your 6 points')),
      { what: 'A\'s newer drawing offered in tab C' },
    );
  } finally {
    await context.close();
  }
});

test('a duplicated tab (the same tab id) takes a new key when it sees the other write its own', async () => {
  const { browser, url } = session();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const a = await context.newPage();
    await a.goto(`${url}/#points=1,1,0;2,2,1`, { waitUntil: 'load' });
    await waitForNumber(a, 'epoch', Number.isFinite, { timeout: 30_000, what: 'the app' });
    await draw(a, 'brush-0', [[-3, 4]], 3);
    const id = await a.evaluate(() => sessionStorage.getItem('nn-playground/tab'));
    assert.ok(id, 'a tab id');
    // A duplicate: the browser copies sessionStorage (the id and the working hash).
    const b = await context.newPage();
    await b.addInitScript((tab) => { if (!sessionStorage.getItem('nn-playground/tab')) sessionStorage.setItem('nn-playground/tab', tab); }, id);
    await b.goto(a.url(), { waitUntil: 'load' });
    await waitForNumber(b, 'point-count', (v) => v === 3, { timeout: 30_000, what: 'the duplicate' });
    await draw(b, 'brush-1', [[4, -4]], 4);
    await sleep(500);
    const kept = Object.entries(await keptEntries(a));
    const points = kept.map(([, h]) => new URLSearchParams(h).get('points')).sort();
    const want = [await linkPoints(a), await linkPoints(b)].sort();
    assert.deepEqual(points, want, `each tab's work under its own key: ${JSON.stringify(kept)}`);
    assert.notEqual(await a.evaluate(() => sessionStorage.getItem('nn-playground/tab')), id, 'A took a new id');
  } finally {
    await context.close();
  }
});

test('a page that keeps nothing (no storage) says so once it has work to keep', async () => {
  const app = await openPage(session().browser, `${session().url}/#points=1,1,0;2,2,1`, {
    beforeGoto: (page) => page.addInitScript(() => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('blocked', 'SecurityError');
      };
    }),
  });
  const { page } = app;
  await sleep(500);
  assert.equal(await page.locator(tid('save-failed')).count(), 0, 'an unchanged link warns of nothing');
  await draw(page, 'brush-0', [[-3, 4]], 3);
  await waitUntil(() => page.locator(tid('save-failed')).isVisible(), { what: 'the warning' });
  assert.match(await text(page, 'save-failed-text'), /^Not saved in this browser: it does not let this page keep data\./);
  assert.equal(await readNumber(page, 'point-count'), 3);
  await app.context.close();
});

test('an imported file does not write over the drawing this tab kept: both stay in this browser', async () => {
  const app = await session().open('#points=1,1,0;2,2,1');
  const { page } = app;
  await draw(page, 'brush-0', [[-3, 4]], 3);
  await waitUntil(async () => Object.values(await keptEntries(page)).length === 1, { what: 'the drawing kept' });
  const drawing = Object.values(await keptEntries(page))[0];
  await page.setInputFiles(tid('import-csv'), {
    name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n-4,-4,0\n4,4,1\n'),
  });
  await statusMatching(page, /^Imported 2 points from the CSV\./, 'the import');
  await waitForNumber(page, 'point-count', (v) => v === 2, { what: 'the 2 imported points' });
  await waitUntil(async () => Object.values(await keptEntries(page)).length === 2, { what: 'the import kept beside the drawing' });
  const entries = Object.values(await keptEntries(page));
  assert.ok(entries.includes(drawing), `the drawing's entry is untouched: ${JSON.stringify(entries)}`);
  assert.ok(entries.includes(await page.evaluate(() => location.hash.slice(1))), 'the imported points are kept too');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
