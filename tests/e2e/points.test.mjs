// 2. A click on the canvas adds exactly one point, and the point survives a reload
//    (the experiment, points included, lives in the URL hash).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, clickCanvasAt, waitForNumber, waitForStableNumber, waitUntil, hashParams,
  readNumber, waitForApp, click, tid, errorReport, sleep,
} from './harness.mjs';

const session = useSession();

test('a click adds one point, and the point count survives a reload', async () => {
  const app = await session().open('/');
  const { page } = app;

  // Paint with the first class brush if the app shows brushes.
  if (await page.$(tid('brush-0'))) await click(page, 'brush-0');

  const before = await waitForStableNumber(page, 'point-count');
  const clickedAt = Date.now();
  await clickCanvasAt(page, 1.5, 2.5);
  const after = await waitForNumber(page, 'point-count', (v) => v !== before, {
    timeout: 5_000,
    what: 'point-count to change after a click on the canvas',
  });
  assert.equal(after, before + 1, `one click must add exactly one point (${before} → ${after})`);

  // The hash write is debounced (~300 ms): wait at least 600 ms, and until the point is there
  // (drawn on the generated set: pointsAdded=, the difference from it).
  await waitUntil(async () => (await hashParams(page)).has('pointsAdded'), {
    timeout: 5_000,
    what: 'the URL hash to contain pointsAdded=',
  });
  await sleep(Math.max(0, 600 - (Date.now() - clickedAt)));
  assert.equal(await readNumber(page, 'point-count'), before + 1, 'point count changed on its own');

  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { pageErrors: app.pageErrors });
  const reloaded = await waitForStableNumber(page, 'point-count');
  assert.equal(reloaded, before + 1, 'point count after reload');

  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
});
