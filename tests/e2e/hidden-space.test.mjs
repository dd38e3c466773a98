// The hidden-space view: after XOR is learned, its points inside the last hidden layer (two
// units) are split by the output's straight line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, text, tid, waitUntil, screenshot, errorReport, onScreen } from './harness.mjs';

const session = useSession();

test('inside the last hidden layer, XOR is separated by one line', async () => {
  const app = await session().open('#dataset=xor&networkShape=4,2&seed=1&speed=20');
  const { page } = app;
  await click(page, 'play');
  await waitUntil(async () => (await readNumber(page, 'epoch')) >= 300, { timeout: 20_000, what: '300 epochs' });
  await click(page, 'play');
  await onScreen(page, 'hidden-space');
  await waitUntil(async () => /separates/.test(await text(page, 'hidden-separation')), { what: 'the separation readout' });
  const share = parseFloat((await text(page, 'hidden-separation')).match(/(\d+)%/)[1]);
  assert.ok(share >= 95, `the output's line separates ${share}% in hidden space`);
  await page.locator(tid('hidden-space')).scrollIntoViewIfNeeded();
  await screenshot(page, 'hidden-space.png');
  await page.selectOption(tid('hidden-layer'), '0');
  await waitUntil(async () => (await text(page, 'hidden-separation')) === '', {
    what: 'no line for a layer that does not feed the output directly',
  });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
