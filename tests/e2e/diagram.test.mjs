// The network diagram: one line per weight and one circle per unit; clicking a weight and
// typing a value changes the network (the line thickens, the loss changes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, tid, waitUntil, screenshot, errorReport } from './harness.mjs';

const session = useSession();

test('weights are lines, and clicking one edits it', async () => {
  const app = await session().open('#dataset=xor&networkShape=3');
  const { page } = app;
  assert.equal(await page.locator('svg.diagram line.link').count(), 2 * 3 + 3);
  assert.equal(await page.locator('svg.diagram circle.unit').count(), 2 + 3 + 1);
  const loss = await readNumber(page, 'train-loss');
  await page.locator(tid('link-0')).click({ force: true });
  const editor = page.locator(tid('param-editor'));
  await editor.fill('5');
  await editor.press('Tab');
  await waitUntil(async () => (await readNumber(page, 'train-loss')) !== loss, { what: 'the loss to follow the edited weight' });
  const width = await page.locator(tid('link-0')).getAttribute('stroke-width');
  assert.equal(parseFloat(width), 6, 'the largest weight is drawn thickest');
  await page.locator(tid('link-0')).scrollIntoViewIfNeeded();
  await screenshot(page, 'diagram.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
