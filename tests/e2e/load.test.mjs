// 1. The page loads cleanly and draws something on the data canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, canvasFingerprint, screenshot, errorReport, sleep } from './harness.mjs';

const session = useSession();

test('page loads with no console errors or page errors, and the canvas is drawn', async () => {
  const app = await session().open('/');
  const { page } = app;
  // Let the first frames render (and any late error surface).
  await sleep(1_000);

  assert.equal(await page.title(), 'NN Playground');

  const fp = await canvasFingerprint(page);
  assert.ok(fp.canvases >= 1 && fp.total > 0, `data-canvas has no pixels: ${JSON.stringify(fp)}`);
  assert.ok(fp.opaque > 0, `data-canvas is fully transparent: ${JSON.stringify(fp)}`);
  assert.ok(fp.distinctColors > 1, `data-canvas is a single flat colour: ${JSON.stringify(fp)}`);

  await screenshot(page, 'home.png');

  assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
  assert.deepEqual(app.consoleErrors, [], `console errors:\n${errorReport(app)}`);
  assert.deepEqual(app.failedRequests, [], `failed requests:\n${errorReport(app)}`);
});
