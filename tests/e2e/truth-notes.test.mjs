// Nothing changes silently (issue 19, defects 3–5): a link's values that the app changes are
// said in the status line, weights that cannot train are refused with the reason, and a typed
// field's message goes once the field takes a good value; loaded weights too large to train are
// blamed for the divergence they cause, and Reset goes back to the seed's weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  useSession, text, tid, waitUntil, errorReport, screenshot, hashParams, heatmapIsModel, onScreen,
} from './harness.mjs';

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

test('the silent cases: a compact link cut on a point, ~AQ, a decay with no schedule, damaged weights', async () => {
  // The app writes 12 drawn points in the compact form, with their number.
  const plain = Array.from({ length: 12 }, (_, k) => `${k - 5},${(k % 5) - 2},${k % 2}`).join(';');
  const app = await session().open(`#points=${plain}`);
  let compact = null;
  await waitUntil(async () => (compact = (await hashParams(app.page)).get('points'))?.startsWith('~'), { what: 'the compact form' });
  // Cut after 8 whole points: 8 bits of format, 16 of count, 25 a point, in whole bytes.
  const chars = Math.ceil((Math.ceil((8 + 16 + 8 * 25) / 8) * 8) / 6);
  const cut = await session().open(`#points=${compact.slice(0, 1 + chars)}`);
  await statusMatching(cut.page, /points: the link says it holds 12 points but ends after 8 \(was it cut short\?\); kept the 8 whole points\./, 'cut on a point');
  assert.equal(Number(await text(cut.page, 'point-count')), 8);
  const none = await session().open('#points=~AQ');
  await statusMatching(none.page, /points: the compact form holds no points \(was the link cut short\?\); none were added\./, '~AQ');
  const decay = await session().open('#lrDecay=0.9');
  await statusMatching(decay.page, /lrDecay: 0\.9 has no effect while the learning rate is constant \(the default schedule\); add lrSchedule=exp/, 'idle decay');
  const damaged = await session().open('#networkShape=4,2&params=A*AA');
  const said = await statusMatching(damaged.page, /params: the link's trained weights could not be used, because its text was changed/, 'damaged');
  assert.match(said, /character 2 \('\*'\) cannot be part of it\. The network starts from the seed's random weights instead\.$/);
  assert.doesNotMatch(said, /damaged \(|using the seed's/, 'no jargon');
  await screenshot(damaged.page, 'truth-notes-params-damaged.png');
  for (const a of [app, cut, none, decay, damaged]) noErrors(a);
});

test('a link\'s note about a value goes when the user types another; its other notes stay', async () => {
  const app = await session().open('#batchSize=2.5&wat=1');
  const { page } = app;
  await statusMatching(page, /^From the link: batchSize: 2\.5 was rounded to 3\. Ignored the unknown link key 'wat'\.$/, 'both notes');
  await page.fill(tid('batch-size'), '12');
  await page.press(tid('batch-size'), 'Enter');
  await statusMatching(page, /^From the link: Ignored the unknown link key 'wat'\.$/, 'the batch size\'s note gone');
  const schedule = await session().open('#lrDecay=0.3');
  await statusMatching(schedule.page, /^From the link: lrDecay: 0\.3 has no effect/, 'idle decay');
  await schedule.page.selectOption(tid('lr-schedule'), 'exp');
  await statusMatching(schedule.page, /^$/, 'the decay now acts: its note is gone');
  for (const a of [app, schedule]) noErrors(a);
});

test('1e308 weights in a link are refused and the seed\'s weights used', async () => {
  // 25 × 1e308, little-endian f64, URL-safe base64 (the default 2-4-2-1 network).
  const one = Buffer.alloc(8);
  one.writeDoubleLE(1e308);
  const params = Buffer.concat(Array(25).fill(one)).toString('base64url');
  const app = await session().open(`#networkShape=4,2&params=${params}`);
  const status = await statusMatching(app.page, /weight 1 is 1e308, beyond ±1000000/, 'params');
  assert.match(status, /The network starts from the seed's random weights instead/);
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

/** Every weight and bias of a model file's JSON set to ±`w`, alternating signs. */
function withWeights(json, w) {
  const model = JSON.parse(json);
  let k = 0;
  const next = () => (k++ % 2 === 0 ? w : -w);
  for (const layer of model.layers) {
    layer.weights = layer.weights.map((row) => row.map(next));
    layer.biases = layer.biases.map(next);
  }
  return JSON.stringify(model);
}

test('loaded weights too large to train are blamed, and Reset goes back to the seed\'s', async () => {
  const app = await session().open('#output=auto&activation=linear&seed=4');
  const { page } = app;
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-model'))]);
  const json = fs.readFileSync(await dl.path(), 'utf8');
  await page.setInputFiles(tid('import-model'), {
    name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(withWeights(json, 1e5)),
  });
  await statusMatching(page, /^Loaded the model/, 'loaded');
  await page.click(tid('step'));
  const blamed = await statusMatching(page, /^The loaded weights are too large to train/, 'blamed');
  assert.match(blamed, /the largest is 100000, and training diverged at epoch 1/);
  assert.match(blamed, /Press Reset to go back to the seed's weights/);
  assert.doesNotMatch(blamed, /learning rate/i, 'the learning rate is not blamed');
  await waitUntil(async () => (await hashParams(page)).has('params'), { what: 'the loaded weights in the link' });
  await screenshot(page, 'truth-notes-weights-blamed.png');

  await page.click(tid('reset'));
  await statusMatching(page, /^Back to the seed's weights: the loaded weights were too large/, 'reset');
  await waitUntil(async () => !(await hashParams(page)).has('params'), { what: 'the link without weights' });
  for (let i = 0; i < 5; i++) await page.click(tid('step'));
  await waitUntil(async () => Number(await text(page, 'epoch')) === 5, { what: '5 epochs' });
  assert.doesNotMatch(await text(page, 'status'), /diverged/i, 'the seed\'s weights train');
  for (const id of ['train-loss', 'test-loss']) {
    const shown = await text(page, id);
    assert.ok(Number.isFinite(Number(shown)), `${id} reads ${shown}`);
  }
  const readouts = await page.$eval('.readouts', (el) => el.innerText);
  assert.match(readouts, /5/, 'the readouts are on screen');
  assert.doesNotMatch(readouts, /NaN|∞/, 'no NaN or ∞ among the readouts');
  const heat = await heatmapIsModel(page);
  assert.ok(heat.ok, `the plot shows the seed's trained network: ${JSON.stringify(heat)}`);
  await onScreen(page, 'diagram'); // views off screen are drawn when they come on screen
  await screenshot(page, 'truth-notes-seed-weights-back.png');

  // The same network from the seed trains on; a second Reset keeps the seed's weights.
  await page.click(tid('reset'));
  await waitUntil(async () => Number(await text(page, 'epoch')) === 0, { what: 'epoch 0' });
  assert.equal(await text(page, 'status'), '', 'an ordinary Reset says nothing');
  noErrors(app);
});
