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

test('"Export the presenter view (PNG)": the plot, the readouts, the loss chart and the picked view in one picture', async () => {
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
  // How much of each part's box is not the white paper: the sheet's places (stage/sheet.rs).
  const png = decodePng(bytes);
  const share = (box) => countPixels(png, box, (r, g, b) => r + g + b < 720) / (box[2] * box[3]);
  const inked = {
    plot: share([40, 40, 1000, 1000]),
    readouts: share([1100, 32, 780, 86]),
    loss: share([1100, 150, 780, 280]),
    view: share([1100, 480, 780, 560]),
  };
  assert.ok(inked.plot > 0.5, `the plot is drawn (${inked.plot})`);
  for (const part of ['readouts', 'loss', 'view']) {
    assert.ok(inked[part] > 0.01, `the ${part} is drawn (${inked[part]})`);
  }
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
