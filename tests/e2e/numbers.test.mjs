// Numbers fit: line mode with a learning rate that diverges, stepped epoch by epoch, grows m,
// c and the MSE towards 10³⁰⁰. Every readout keeps a short text (scientific past 10⁶), the page
// never gets wider than the window, and Step stops with the divergence message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, text, readNumber, waitUntil, errorReport, screenshot } from './harness.mjs';

const session = useSession();

/** Readouts that show one number each. */
const READOUTS = ['epoch', 'point-count', 'train-loss', 'line-m', 'line-c'];

/** Every number the page shows in the readouts and the line panel, with where it is. */
async function shownNumbers(page) {
  const shown = [];
  for (const id of READOUTS) shown.push([id, (await text(page, id)) ?? '']);
  // "∂MSE/∂m = …" and "∂MSE/∂c = …": the gradient's two pairs (the hint's pairs are deeper).
  const gradient = await page.$$eval('[data-testid="line-gradient"] > .pair', (pairs) =>
    pairs.map((p) => p.textContent.split('= ')[1] ?? ''),
  );
  assert.equal(gradient.length, 2, 'the gradient shows two numbers');
  for (const g of gradient) shown.push(['line-gradient', g.trim()]);
  return shown;
}

for (const [width, height] of [[1366, 768], [390, 844]]) {
  test(`line mode diverging step by step keeps every number short at ${width}×${height}`, async () => {
    const app = await session().open('#model=line&learningRate=0.2&seed=1');
    const { page } = app;
    await page.setViewportSize({ width, height });
    let steps = 0;
    let diverged = false;
    while (!diverged && steps < 80) {
      await click(page, 'step');
      steps += 1;
      await waitUntil(async () => (await readNumber(page, 'epoch')) >= steps || /diverged/.test(await text(page, 'status')), {
        what: `epoch ${steps}`,
      });
      diverged = /diverged/.test(await text(page, 'status'));
      const long = (await shownNumbers(page)).filter(([, s]) => s.length > 12);
      assert.deepEqual(long, [], `after ${steps} steps, readouts longer than 12 characters`);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(scrollWidth <= innerWidth, `after ${steps} steps the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
    }
    await screenshot(page, `numbers-line-diverged-${width}.png`);
    assert.ok(diverged, `Step said "diverged" (after ${steps} steps: ${await text(page, 'status')})`);
    const epoch = await readNumber(page, 'epoch');
    await click(page, 'step');
    await page.waitForTimeout(200);
    assert.equal(await readNumber(page, 'epoch'), epoch, 'Step trains no more once diverged');
    assert.match(await text(page, 'status'), /diverged/);
    assert.match(await text(page, 'train-loss'), /^(\d\.\d\de\d+|∞|NaN)$/, 'the MSE in scientific notation, or ∞');
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  });
}
