// Nothing the user drew is lost: picking a generated data set (or Clear) keeps the user's own
// points aside, and "Back to my points" restores them, after a reload of the tab too; an edit
// survives a reload made at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, clickCanvasAt, waitForNumber, readNumber, click, tid, text, waitUntil, waitForApp,
  errorReport,
} from './harness.mjs';

const session = useSession();

test('drawn points are kept aside when a data set replaces them, and come back', async () => {
  const app = await session().open('#points=1,1,1;-2,-2,0;3,-1,1');
  const { page } = app;
  assert.equal(await readNumber(page, 'point-count'), 3);
  await click(page, 'dataset-circle');
  await waitForNumber(page, 'point-count', (v) => v > 3, { what: 'the circle data set to load' });
  await waitUntil(async () => /kept/.test(await text(page, 'status')), { what: 'a status line about the kept points' });
  await click(page, 'restore-points');
  await waitForNumber(page, 'point-count', (v) => v === 3, { what: 'the 3 drawn points to come back' });

  await click(page, 'clear');
  await waitForNumber(page, 'point-count', (v) => v === 0, { what: 'Clear to empty the set' });
  await click(page, 'restore-points');
  await waitForNumber(page, 'point-count', (v) => v === 3, { what: 'the points to come back after Clear' });
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('points kept aside stay kept across a reload of the tab, and come back after it', async () => {
  const app = await session().open('#points=1,1,1;-2,-2,0;3,-1,1');
  const { page } = app;
  await click(page, 'dataset-circle');
  await waitForNumber(page, 'point-count', (v) => v > 3, { what: 'the circle data set to load' });
  await waitUntil(() => page.locator(tid('restore-points')).isVisible(), { what: 'Back to my points' });
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.match(await text(page, 'restore-points'), /\(3\)/, 'still offered after the reload');
  await click(page, 'restore-points');
  await waitForNumber(page, 'point-count', (v) => v === 3, { what: 'the 3 drawn points back after the reload' });
  assert.equal(await page.locator(tid('restore-points')).count(), 0, 'the button goes once they are back');
  // …and a reload after that offers nothing more.
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.equal(await page.locator(tid('restore-points')).count(), 0);
  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});

test('a point added just before a reload is still there after it', async () => {
  const app = await session().open('#points=1,1,1');
  const { page } = app;
  await click(page, 'brush-0');
  await clickCanvasAt(page, -3, 4);
  await waitForNumber(page, 'point-count', (v) => v === 2, { what: 'the click to add a point' });
  // No wait for the debounced hash write: leaving the page must flush it.
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  assert.equal(await readNumber(page, 'point-count'), 2);
  assert.ok(await page.$(tid('data-canvas')));
});
