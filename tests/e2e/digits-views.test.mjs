// Digits mode's charts and themes: the loss and gradient charts are drawn and change as the
// network trains; in the dark theme every digit canvas (pad, preview, bars, test digits,
// confusion matrix, accuracy, weight images, second layer) is dark paper with light ink, and
// blue stays blue. Screenshots in artifacts/digits-dark.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, text, tid, waitUntil, waitForNumber, screenshot, errorReport, onScreen,
} from './harness.mjs';

const session = useSession();

/** Digits mode opened; the harness waits for its pad (it has no plot) and the epoch. */
const openDigits = (hash) => session().open(hash);

/**
 * A canvas's pixels, read on screen (the app draws a view when it is seen): a checksum, its
 * corner's colour, the shares of dark and light pixels, and the counts of blue and inked ones.
 */
const pixels = async (page, id) => {
  await onScreen(page, id);
  return page.$eval(tid(id), (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    let dark = 0;
    let light = 0;
    let blue = 0;
    let ink = 0;
    const bg = [d[0], d[1], d[2]];
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      sum = (sum * 31 + r * 7 + g * 3 + b) % 1_000_000_007;
      if (r < 70 && g < 70 && b < 80) dark++;
      if (r > 170 && g > 170 && b > 170) light++;
      if (b > r + 60) blue++;
      if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 60) ink++;
    }
    const n = d.length / 4;
    return { sum, corner: bg, dark: dark / n, light: light / n, blue, ink, n };
  });
};

/** Two frames, for the effects' redraws. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('digits: the loss and gradient charts are drawn and follow training', async () => {
  const app = await openDigits('#model=digits&networkShape=16,12&learningRate=0.1&seed=2');
  const { page } = app;
  for (const id of ['loss-chart', 'gradient-chart', 'digit-accuracy']) {
    assert.ok(await page.locator(tid(id)).isVisible(), `${id} is shown`);
  }
  await click(page, 'step');
  await waitForNumber(page, 'epoch', (v) => v === 1);
  await frames(page);
  const before = {};
  for (const id of ['loss-chart', 'gradient-chart', 'digit-accuracy', 'digit-second']) before[id] = await pixels(page, id);
  for (let i = 0; i < 15; i++) await click(page, 'step');
  await waitForNumber(page, 'epoch', (v) => v === 16, { what: '16 epochs' });
  await frames(page);
  for (const id of Object.keys(before)) {
    const after = await pixels(page, id);
    assert.ok(after.ink > 50, `${id} has a drawing: ${JSON.stringify(after)}`);
    assert.notEqual(after.sum, before[id].sum, `${id} changed as the network trained`);
  }
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('digits: in the dark theme every digit canvas is dark paper with light ink', async () => {
  const app = await openDigits('#model=digits&networkShape=16,12&learningRate=0.1&seed=2');
  const { page } = app;
  for (let i = 0; i < 5; i++) await click(page, 'step');
  await waitForNumber(page, 'epoch', (v) => v === 5);
  const box = await page.locator(tid('digit-pad')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 30, { steps: 10 });
  await page.mouse.up();
  await waitUntil(async () => (await text(page, 'digit-prediction')) !== '–', { what: 'an answer' });
  const ids = ['digit-pad', 'digit-preview', 'digit-bars', 'digit-grid', 'digit-confusion', 'digit-accuracy', 'digit-weights', 'digit-second'];
  await frames(page);
  for (const id of ids) {
    const p = await pixels(page, id);
    assert.ok(p.corner.every((v) => v > 200) && p.light > 0.3, `${id} is light in the light theme: ${JSON.stringify(p)}`);
  }
  await click(page, 'theme-toggle');
  await waitUntil(() => page.evaluate(() => document.documentElement.dataset.theme === 'dark'), { what: 'the dark theme' });
  await frames(page);
  for (const id of ids) {
    const p = await pixels(page, id);
    console.log(id, JSON.stringify(p));
    assert.ok(p.corner.every((v) => v < 70) && p.dark > 0.3, `${id} follows the dark theme: ${JSON.stringify(p)}`);
  }
  // Light ink: the stroke, the digits, the confusion matrix's numbers; blue stays blue.
  for (const id of ['digit-pad', 'digit-grid', 'digit-confusion']) {
    assert.ok((await pixels(page, id)).light > 0.002, `${id} has light ink`);
  }
  for (const id of ['digit-weights', 'digit-confusion', 'digit-bars']) {
    assert.ok((await pixels(page, id)).blue > 10, `${id} keeps its blue`);
  }
  await screenshot(page, 'digits-dark.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
