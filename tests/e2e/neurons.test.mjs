// Per-neuron maps: one per hidden neuron, they change as the network trains, and hovering over
// one enlarges it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, tid, waitUntil, screenshot, errorReport, onScreen } from './harness.mjs';

const session = useSession();

const pixels = (page, id) =>
  page.$eval(tid(id), (c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(','));

test('one map per hidden neuron, updated by training, enlarged on hover', async () => {
  const app = await session().open('#dataset=circle&networkShape=4,3&activation=tanh&xSquared=true&ySquared=true&speed=20');
  const { page } = app;
  const maps = await page.$$('canvas.neuron');
  assert.equal(maps.length, 7, 'layers of 4 and 3 neurons');
  await onScreen(page, 'neuron-0-0');
  const before = await pixels(page, 'neuron-0-0');
  await click(page, 'play');
  await waitUntil(async () => (await readNumber(page, 'epoch')) >= 100, { timeout: 20_000, what: '100 epochs' });
  await click(page, 'play');
  await onScreen(page, 'neuron-0-0');
  assert.notEqual(await pixels(page, 'neuron-0-0'), before, 'the map changed with training');
  const small = await page.locator(tid('neuron-1-2')).boundingBox();
  await page.hover(tid('neuron-1-2'));
  await page.waitForTimeout(300);
  const big = await page.locator(tid('neuron-1-2')).boundingBox();
  assert.ok(big.width > 2 * small.width, `hover enlarges: ${small.width} → ${big.width}`);
  await screenshot(page, 'neurons.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
