// Import and export: points as CSV both ways (a bad file is refused and the points kept),
// the model as JSON both ways, the plot as PNG, Copy link, Share with weights and the QR code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  useSession, tid, text, readNumber, waitForNumber, waitUntil, click, errorReport, screenshot,
  hashParams, sleep, tap, onScreen, withPlotImage, decodePng,
} from './harness.mjs';

const session = useSession();
const THREE = '#points=1,1,1;-2,-2,0;3,-1,1';

/** Clicks `id` and returns the download it starts: { name, bytes }. */
async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click(page, id)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** Chooses a file with `content` in the file input `id`. */
async function choose(page, id, name, content) {
  await page.setInputFiles(tid(id), { name, mimeType: 'text/plain', buffer: Buffer.from(content) });
}

test('points go out as CSV and come back in, through the link', async () => {
  const first = await session().open(THREE);
  const csv = await download(first.page, 'export-csv');
  assert.equal(csv.name, 'points.csv');
  const lines = csv.bytes.toString('utf8').trim().split('\n');
  assert.equal(lines[0], 'x1,x2,label');
  assert.equal(lines.length, 4);

  const app = await session().open('#dataset=circle');
  const { page } = app;
  assert.ok((await readNumber(page, 'point-count')) > 3);
  await choose(page, 'import-csv', 'points.csv', csv.bytes.toString('utf8'));
  await waitForNumber(page, 'point-count', (v) => v === 3, { what: 'the 3 imported points' });
  assert.match(await text(page, 'status'), /Imported 3 points/);
  await waitUntil(async () => (await hashParams(page)).has('points'), { what: 'the points in the link' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a CSV with an error is refused with the line named, and the points are kept', async () => {
  const app = await session().open(THREE);
  const { page } = app;
  await choose(page, 'import-csv', 'bad.csv', 'x1,x2,label\n1,2,0\n3,oops,1\n0,0,1\n');
  await waitUntil(async () => /CSV not imported/.test(await text(page, 'status')), { what: 'the refusal' });
  const status = await text(page, 'status');
  assert.match(status, /line 3/, status);
  assert.match(status, /unchanged/, status);
  assert.equal(await readNumber(page, 'point-count'), 3);
  await screenshot(page, 'import-csv-refused.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('pasted CSV goes through the same reader: a bad paste is refused with the line named, a good one imports', async () => {
  const app = await session().open(THREE);
  const { page } = app;
  const bad = 'x1,x2,label\n1,2,0\n3,oops,1\n0,0,1\n';
  await page.fill(tid('csv-paste'), bad);
  await click(page, 'csv-paste-import');
  await waitUntil(async () => /CSV not imported/.test(await text(page, 'status')), { what: 'the refusal' });
  const status = await text(page, 'status');
  assert.match(status, /line 3: 'oops' in column x2 is not a number/, status);
  assert.match(status, /unchanged/, status);
  assert.equal(await readNumber(page, 'point-count'), 3, 'the points are kept');
  assert.equal(await page.inputValue(tid('csv-paste')), bad, 'the pasted text stays to be fixed');

  await page.fill(tid('csv-paste'), '1,1,0\n2,2,1\n-1,3,0\n0,0,1\n');
  await click(page, 'csv-paste-import');
  await waitForNumber(page, 'point-count', (v) => v === 4, { what: 'the 4 pasted points' });
  assert.match(await text(page, 'status'), /Imported 4 points/);
  assert.equal(await page.inputValue(tid('csv-paste')), '', 'the box empties once they are in');
  await waitUntil(async () => (await hashParams(page)).get('points') !== '1,1,1;-2,-2,0;3,-1,1', {
    what: 'the pasted points in the link',
  });

  await click(page, 'csv-paste-import');
  await waitUntil(async () => /Paste CSV lines/.test(await text(page, 'status')), { what: 'a hint for an empty box' });
  assert.equal(await readNumber(page, 'point-count'), 4);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the model goes out as JSON and comes back with the same predictions', async () => {
  const hash = '#dataset=xor&seed=3&networkShape=4,2&showTestData=true';
  const trained = await session().open(hash);
  for (let i = 0; i < 20; i++) await click(trained.page, 'step');
  await waitForNumber(trained.page, 'epoch', (v) => v === 20, { what: '20 epochs' });
  const lossTrained = await text(trained.page, 'test-loss');
  const model = await download(trained.page, 'export-model');
  assert.equal(model.name, 'model.json');
  assert.ok(JSON.parse(model.bytes.toString('utf8')).layers.length === 3);

  const app = await session().open(hash);
  const { page } = app;
  assert.notEqual(await text(page, 'test-loss'), lossTrained, 'the fresh network differs');
  await choose(page, 'import-model', 'model.json', model.bytes.toString('utf8'));
  await waitUntil(async () => (await text(page, 'test-loss')) === lossTrained, { what: 'the trained test loss' });
  assert.equal(await text(page, 'train-loss'), await text(trained.page, 'train-loss'));

  await choose(page, 'import-model', 'broken.json', '{"format": "nope"');
  await waitUntil(async () => /Model not imported/.test(await text(page, 'status')), { what: 'the refusal' });
  assert.equal(await text(page, 'test-loss'), lossTrained, 'a broken file changes nothing');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the plot downloads as a PNG with the points on it', async () => {
  const app = await session().open(THREE);
  const png = await download(app.page, 'export-png');
  assert.equal(png.name, 'plot.png');
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.bytes.length > 2000, `a real image (${png.bytes.length} bytes)`);
});

test('the PNG shows the network as it is now, even when the plot was off screen while it trained', async () => {
  const app = await session().open('#dataset=circle&activation=relu&seed=3');
  const { page } = app;
  await onScreen(page, 'export-png');
  const offScreen = await page.$eval(tid('data-canvas'), (el) => {
    const r = el.getBoundingClientRect();
    return r.bottom < 0 || r.top > innerHeight;
  });
  assert.ok(offScreen, 'the plot is off screen while the export button is on it');
  for (let i = 0; i < 30; i++) await tap(page, 'step');
  await waitForNumber(page, 'epoch', (e) => e >= 30);
  const png = await download(page, 'export-png');
  // The plot as the page draws it once it is back on screen, and the PNG, compared pixel by pixel.
  const saved = decodePng(png.bytes);
  // The plot is the PNG's top (its caption is under it, see plot-view.test.mjs).
  const gap = await withPlotImage(page, (image, { b64, width }) => {
    const bin = atob(b64);
    if (width < image.width || bin.length / 4 / width < image.height) return 1; // smaller than the plot
    let off = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const [i, j] = [(y * image.width + x) * 4, (y * width + x) * 4];
        let d = 0;
        for (let k = 0; k < 3; k++) d += Math.abs(bin.charCodeAt(j + k) - image.data[i + k]);
        if (d > 30) off++;
      }
    }
    return off / (image.width * image.height);
  }, { b64: Buffer.from(saved.data).toString('base64'), width: saved.width });
  assert.ok(gap < 0.01, `the PNG matches the plot drawn for the trained network (${(gap * 100).toFixed(2)} % of pixels differ)`);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the QR note says a link is too long only when it is', async () => {
  const app = await session().open('#dataset=xor&seed=5');
  const { page } = app;
  assert.equal(await page.$(tid('qr-note')), null, 'a short link has a QR code and no note');
  assert.equal(await page.$eval(tid('qr-canvas'), (c) => c.hidden), false);
  // 700 points off the link's grid (kept in the plain form): some 10,000 characters, more
  // than a QR code holds.
  const at = (v) => (v * 0.2371 - 4.7).toFixed(4);
  const points = Array.from({ length: 700 }, (_, i) => `${at(i % 40)},${at(Math.floor(i / 40))},${i % 2}`);
  const long = await session().open(`#points=${points.join(';')}`);
  await waitUntil(async () => (await long.page.$(tid('qr-note'))) !== null, { what: 'the too-long note' });
  const note = await text(long.page, 'qr-note');
  const length = Number(/has (\d+) characters/.exec(note)?.[1]);
  assert.ok(length > 2953, `the note gives the link's length, over the limit: ${note}`);
  assert.equal(await long.page.$eval(tid('qr-canvas'), (c) => c.hidden), true, 'no stale QR code beside it');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('Copy link copies the experiment, and the link opens it again', async () => {
  const app = await session().open(THREE + '&learningRate=0.1&activation=relu');
  const { page, context } = app;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session().url });
  await click(page, 'copy-link');
  await waitUntil(async () => /Copied the link/.test(await text(page, 'status')), { what: 'the copy' });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(await page.$eval(tid('link-field'), (el) => el.value), copied);
  assert.ok(copied.startsWith(session().url) && copied.includes('#'), copied);

  const again = await session().open(copied.slice(session().url.length).replace(/^\//, ''));
  assert.equal(await readNumber(again.page, 'point-count'), 3);
  assert.equal(await again.page.$eval(tid('activation'), (el) => el.value), 'relu');
  assert.equal(await text(again.page, 'test-loss'), await text(page, 'test-loss'));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
});

test('Share with weights puts the weights in the link; the QR code is drawn and shows big', async () => {
  const app = await session().open('#dataset=xor&seed=5');
  const { page } = app;
  const qr = await page.$eval(tid('qr-canvas'), (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 128) dark++;
    return { w: c.width, dark, total: d.length / 4, shown: c.getBoundingClientRect().width };
  });
  assert.ok(qr.w >= 300 && qr.dark > qr.total * 0.2 && qr.dark < qr.total * 0.6, JSON.stringify(qr));
  // It fills the panel, and holds the short link, so its modules are large: at least 4 CSS
  // pixels (about a millimetre on a laptop's screen), which a phone reads at arm's length.
  const panel = await page.$eval('.share-panel', (el) => {
    const cs = getComputedStyle(el);
    return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  });
  assert.ok(qr.shown >= panel - 2, `the QR code fills the panel (${qr.shown} of ${panel} px)`);
  const version = Number((await page.getAttribute(tid('qr-canvas'), 'aria-label')).match(/version (\d+)/)[1]);
  const modules = 17 + 4 * version + 8; // with the quiet zone
  assert.ok(qr.shown / modules >= 4, `${(qr.shown / modules).toFixed(1)} px a module (version ${version})`);
  await page.locator('.qr').scrollIntoViewIfNeeded();
  await screenshot(page, 'share-panel.png');

  for (let i = 0; i < 5; i++) await click(page, 'step');
  await click(page, 'share-weights');
  await waitUntil(async () => /params=/.test(await page.$eval(tid('link-field'), (el) => el.value)), {
    what: 'the link with weights in the field',
  });
  await click(page, 'qr-big');
  await sleep(200);
  const big = await page.$eval(tid('qr-canvas'), (c) => c.getBoundingClientRect().width);
  assert.ok(big >= 800, `the big QR code fills the screen (${big} px)`);
  await page.screenshot({ path: new URL('./artifacts/qr-big.png', import.meta.url).pathname });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
