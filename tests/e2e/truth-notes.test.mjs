// Nothing changes silently (issue 19, defects 3–5): a link's values that the app changes are
// said in the status line, weights that cannot train are refused with the reason, and a typed
// field's message goes once the field takes a good value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, text, tid, waitUntil, errorReport, screenshot } from './harness.mjs';

const session = useSession();

/** Asserts that the page threw nothing and logged no error. */
function noErrors(app) {
  assert.deepEqual([...app.pageErrors, ...app.consoleErrors], [], errorReport(app));
}

/** Waits until the status line matches `re`, and returns it. */
async function statusMatching(page, re, what) {
  let status = '';
  await waitUntil(async () => re.test((status = await text(page, 'status'))), { what: `${what}: ${re}` });
  return status;
}

test('plain points outside the plot and a compact form cut short get notes', async () => {
  const app = await session().open('#points=100,100,0;-1e308,5,1;3,3,99;3,3,-5;3,3,1.5');
  const status = await statusMatching(app.page, /5 points were outside the plot or its labels/, 'plain');
  await screenshot(app.page, 'truth-notes-plain-points.png');
  assert.match(status, /^From the link: points:/);
  const cut = await session().open('#points=~AU0jTAsCrEBcKwQ8qBPWo0obG6H4mQC0hAlUb2S');
  await statusMatching(cut.page, /ends part-way through a point.*kept the 8 whole points/, 'cut');
  const decay = await session().open('#lrSchedule=exp&lrDecay=0.9&batchSize=2.5');
  const said = await statusMatching(decay.page, /lrDecay: 0\.9 is outside 0 to 0\.5; used 0\.5/, 'decay');
  assert.match(said, /batchSize: 2\.5 was rounded to 3/);
  for (const a of [app, cut, decay]) noErrors(a);
});

test('1e308 weights in a link are refused and the seed\'s weights used', async () => {
  // 25 × 1e308, little-endian f64, URL-safe base64 (the default 2-4-2-1 network).
  const one = Buffer.alloc(8);
  one.writeDoubleLE(1e308);
  const params = Buffer.concat(Array(25).fill(one)).toString('base64url');
  const app = await session().open(`#networkShape=4,2&params=${params}`);
  const status = await statusMatching(app.page, /weight 1 is 1e308, beyond ±1000000/, 'params');
  assert.match(status, /using the seed's/);
  await app.page.click(tid('step'));
  await waitUntil(async () => Number(await text(app.page, 'epoch')) >= 1, { what: 'one epoch' });
  assert.doesNotMatch(await text(app.page, 'status'), /diverged/i, 'the seed\'s weights train');
  noErrors(app);
});

test('a bad typed value is said, and a good one clears it', async () => {
  const app = await session().open('#');
  const { page } = app;
  await page.fill(tid('batch-size'), 'lots');
  await page.press(tid('batch-size'), 'Enter');
  await statusMatching(page, /Batch size: 'lots' is not a number/, 'bad');
  await page.fill(tid('batch-size'), '2.5');
  await page.press(tid('batch-size'), 'Enter');
  await statusMatching(page, /^Batch size: 2\.5 was rounded to 3\.$/, 'rounded');
  await page.fill(tid('batch-size'), '12');
  await page.press(tid('batch-size'), 'Enter');
  await statusMatching(page, /^$/, 'cleared');
  assert.equal(await page.inputValue(tid('batch-size')), '12');
  noErrors(app);
});
