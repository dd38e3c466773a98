// "Export the presenter view (PNG)": the presenter layout as one 1920×1080 picture
// (artifacts/layout-presenter-export.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useSession, openPage, click, waitUntil, text, errorReport, ARTIFACTS, decodePng, countPixels,
} from './harness.mjs';

const session = useSession();

const openAt = (hash, width, height) =>
  openPage(session().browser, `${session().url}/${hash}`, { viewport: { width, height } });

test('"Export the presenter view (PNG)": the plot, the caption, the loss chart with its legend and axis names, and the picked view in one picture', async () => {
  const app = await openAt('#lecture=true&dataset=xor&networkShape=4,4', 1280, 720);
  const { page } = app;
  for (let k = 0; k < 5; k++) await click(page, 'step');
  await waitUntil(async () => (await text(page, 'epoch')) === '5', { what: 'five epochs' });
  const [dl] = await Promise.all([page.waitForEvent('download'), click(page, 'export-presenter')]);
  assert.equal(dl.suggestedFilename(), 'presenter.png');
  const bytes = fs.readFileSync(await dl.path());
  assert.equal(bytes.readUInt32BE(16), 1920, 'a 1920 px wide picture');
  assert.equal(bytes.readUInt32BE(20), 1080, 'and 1080 px tall');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'layout-presenter-export.png'), bytes);
  // The sheet's places (stage/sheet.rs, whose native test pins them at 1920×1080).
  const PARTS = {
    plot: [40, 40, 1000, 1000],
    caption: [1080, 32, 808, 140],
    legend: [1080, 188, 808, 54],
    loss: [1080, 242, 808, 284],
    view: [1080, 558, 808, 490],
  };
  const png = decodePng(bytes);
  const isTest = (r, g, b) => Math.abs(r - 213) < 20 && Math.abs(g - 94) < 20 && b < 40;
  const isDark = (r, g, b) => r + g + b < 150;
  const read = {};
  for (const [name, [x, y, w, h]] of Object.entries(PARTS)) {
    let rows = 0;
    for (let row = y; row < y + h; row++) if (countPixels(png, [x, row, w, 1], isDark) > 0) rows++;
    read[name] = {
      inked: countPixels(png, [x, y, w, h], (r, g, b) => r + g + b < 720) / (w * h),
      test: countPixels(png, [x, y, w, h], isTest),
      dark: countPixels(png, [x, y, w, h], isDark),
      rows,
    };
  }
  assert.ok(read.plot.inked > 0.5, `the plot is drawn (${read.plot.inked})`);
  for (const part of ['caption', 'legend', 'loss', 'view']) {
    assert.ok(read[part].inked > 0.01, `the ${part} is drawn (${JSON.stringify(read[part])})`);
  }
  // The caption: at least two lines of dark text about 20 px tall or more (a quarter of it
  // is still 5 px), the legend a test-loss key in the chart's vermillion beside dark words.
  assert.ok(read.caption.rows >= 40, `the caption's text is large (${read.caption.rows} rows of ink)`);
  assert.ok(read.legend.test > 100, `the legend has the test line's key (${read.legend.test} px)`);
  assert.ok(read.legend.dark > 300 && read.legend.rows >= 15, `the legend's words (${JSON.stringify(read.legend)})`);
  assert.ok(read.loss.test > 200, 'the loss chart draws the test loss');
  assert.ok(read.loss.dark > 2000, `the loss chart's ticks and axis names (${read.loss.dark} px)`);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
