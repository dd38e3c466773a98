// Vanishing gradients: a deep sigmoid network's gradient chart shows one curve per layer, and
// it is drawn (it changes) as training runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, tid, waitUntil, screenshot, errorReport, onScreen } from './harness.mjs';

const session = useSession();

const pixels = (page) =>
  page.$eval(tid('gradient-chart'), (c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(','));

test('the gradient chart shows every layer of a deep sigmoid network', async () => {
  const app = await session().open('#dataset=circle&networkShape=8,8,8,8,8,8&activation=sigmoid&speed=5');
  const { page } = app;
  assert.equal(await page.locator('.legend .layer').count(), 7, 'six hidden layers and the output');
  await onScreen(page, 'gradient-chart');
  const before = await pixels(page);
  await click(page, 'play');
  await waitUntil(async () => (await readNumber(page, 'epoch')) >= 60, { timeout: 20_000, what: '60 epochs' });
  await click(page, 'play');
  await onScreen(page, 'gradient-chart');
  assert.notEqual(await pixels(page), before, 'the curves were drawn');
  await page.locator(tid('gradient-chart')).scrollIntoViewIfNeeded();
  await screenshot(page, 'vanishing-gradients.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('eight hidden layers and the output are nine distinct lines, in the legend and on the chart', async () => {
  const app = await session().open('#dataset=circle&networkShape=4,4,4,4,4,4,4,4&activation=tanh&speed=5&output=auto');
  const { page } = app;
  const keys = await page.$$eval('.legend .layer', (els) =>
    els.map((el) => {
      const before = getComputedStyle(el, '::before');
      return `${before.backgroundColor} ${before.backgroundImage}`;
    }),
  );
  assert.equal(keys.length, 9, 'eight hidden layers and the output');
  assert.equal(new Set(keys).size, 9, `nine different legend keys: ${keys.join(' | ')}`);
  for (let i = 0; i < 20; i++) await click(page, 'step');
  await page.locator(tid('gradient-chart')).scrollIntoViewIfNeeded();
  await screenshot(page, 'gradients-nine-layers.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
