// What is drawn is the network's truth (issue 14).
// 1. After changes of activation, inputs, shape and data set, during play and while paused, the
//    heatmap's pixels are the colours of the model's own predictions, read from the trainer
//    through the automation hook (window.wasmBindings.probe_predict), not from any canvas; the
//    decision line lies where the prediction crosses 0.5; the neuron maps are those that a page
//    opened fresh with the same weights draws.
// 2. Point edits (a click, the eraser, undo, redo) never throw training away; a new class
//    rebuilds only the output layer, and the status line says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, clickCanvasAt, readNumber, waitForNumber, waitUntil, text, tid,
  errorReport, screenshot, heatmapIsModel, neuronMaps,
} from './harness.mjs';

const session = useSession();

/** Waits until the epoch readout has grown by `n` (training goes on). */
async function epochsPass(page, n) {
  const start = await readNumber(page, 'epoch');
  await waitForNumber(page, 'epoch', (e) => e >= start + n, { timeout: 30_000, what: `${n} more epochs` });
}

/** Asserts that the plot shows the model as it is now. */
async function assertTruth(page, what) {
  const report = await heatmapIsModel(page);
  assert.ok(report.ok, `${what}: ${JSON.stringify(report)}`);
}

test('the plot follows the network through changes, playing and paused (defect 1)', async () => {
  const app = await session().open('#');
  const { page } = app;
  // The students' path: the default page, Circle, ReLU, Play.
  await click(page, 'dataset-circle');
  await page.selectOption(tid('activation'), 'relu');
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (e) => e >= 40, { timeout: 30_000 });
  await assertTruth(page, 'circle, ReLU, playing');
  const playing = [
    ['sigmoid', () => page.selectOption(tid('activation'), 'sigmoid')],
    ['x₁² on', () => click(page, 'xSquared')],
    ['a layer more', () => click(page, 'add-layer')],
    ['XOR', () => click(page, 'dataset-xor')],
  ];
  for (const [what, change] of playing) {
    await change();
    await epochsPass(page, 5);
    await assertTruth(page, `${what}, playing`);
  }
  await click(page, 'play'); // pause
  const paused = [
    ['tanh', () => page.selectOption(tid('activation'), 'tanh')],
    ['x₁² off', () => click(page, 'xSquared')],
    ['a layer fewer', () => click(page, 'remove-layer')],
    ['Gaussians', () => click(page, 'dataset-gauss')],
    ['ELU', () => page.selectOption(tid('activation'), 'elu')],
  ];
  for (const [what, change] of paused) {
    await change();
    await assertTruth(page, `${what}, paused`);
    await click(page, 'step');
    await click(page, 'step');
    await assertTruth(page, `${what}, paused, after two steps`);
  }
  // The neuron maps: those of a fresh page with the same weights.
  const maps = await neuronMaps(page);
  assert.ok(maps.length >= 6, `neuron maps: ${maps.length}`);
  await click(page, 'share-weights');
  const link = await waitUntil(async () => {
    const l = await page.$eval(tid('link-field'), (el) => el.value);
    return /params=/.test(l) && l;
  }, { what: 'the link with weights' });
  const fresh = await session().open('#' + link.split('#')[1]);
  assert.deepEqual(await neuronMaps(fresh.page), maps, 'the neuron maps follow the weights');
  await screenshot(page, 'truth-after-changes.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the plot follows a lesson card, a link and an undo', async () => {
  const app = await session().open('#lesson=activations');
  const { page } = app;
  await click(page, 'lesson-next'); // lesson 5, card 2: six sigmoid layers; set ReLU, Play
  await page.selectOption(tid('activation'), 'relu');
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (e) => e >= 30, { timeout: 30_000 });
  await assertTruth(page, 'lesson 5 card 2 with ReLU, playing');
  await click(page, 'lesson-next');
  await assertTruth(page, 'the next card');
  await click(page, 'play');
  await epochsPass(page, 10);
  await assertTruth(page, 'the next card, playing');
  await click(page, 'play');
  await page.evaluate(() => { location.hash = 'dataset=xor&networkShape=5,3&activation=sigmoid&output=auto'; });
  await waitUntil(async () => /Loaded/.test(await text(page, 'status')), { what: 'the link loaded' });
  await assertTruth(page, 'a link opened by hash');
  await click(page, 'step');
  await click(page, 'brush-1');
  await clickCanvasAt(page, 2, 2);
  await click(page, 'step');
  await page.keyboard.press('Control+z');
  await assertTruth(page, 'after an undo');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a three-class model and a regression are drawn as the model predicts', async () => {
  for (const hash of ['#dataset=blobs&classes=3&output=auto', '#problem=regression&regDataset=reg-gauss&output=auto']) {
    const app = await session().open(hash);
    const { page } = app;
    await click(page, 'play');
    await waitForNumber(page, 'epoch', (e) => e >= 30, { timeout: 30_000 });
    await assertTruth(page, `${hash}, playing`);
    await page.selectOption(tid('activation'), 'relu');
    await epochsPass(page, 5);
    await assertTruth(page, `${hash}, ReLU, playing`);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  }
});

test('point edits keep training; a new class rebuilds only the output layer (defect 2)', async () => {
  const app = await session().open('#dataset=circle&output=auto');
  const { page } = app;
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (e) => e >= 40, { timeout: 30_000 });
  await click(page, 'play'); // pause, to read the epoch exactly
  const epoch = await readNumber(page, 'epoch');
  const loss = await readNumber(page, 'train-loss');
  await click(page, 'brush-1');
  await clickCanvasAt(page, 1, 1); // the first edit of a generated set
  await waitForNumber(page, 'point-count', (n) => n === 501);
  assert.equal(await readNumber(page, 'epoch'), epoch, 'the first click keeps the epoch');
  assert.ok(Math.abs((await readNumber(page, 'train-loss')) - loss) < 0.05, 'and the trained weights');
  await click(page, 'eraser');
  await clickCanvasAt(page, 1, 1);
  await waitForNumber(page, 'point-count', (n) => n === 500);
  await page.keyboard.press('Control+z');
  await waitForNumber(page, 'point-count', (n) => n === 501, { what: 'undo' });
  await page.keyboard.press('Control+Shift+z');
  await waitForNumber(page, 'point-count', (n) => n === 500, { what: 'redo' });
  assert.equal(await readNumber(page, 'epoch'), epoch, 'erase, undo and redo keep the epoch');
  await assertTruth(page, 'after point edits');
  // While playing, a click keeps the epoch counting up.
  await click(page, 'play');
  await epochsPass(page, 5);
  const before = await readNumber(page, 'epoch');
  await click(page, 'brush-0');
  await clickCanvasAt(page, -2, 3);
  await waitForNumber(page, 'point-count', (n) => n === 501);
  assert.ok((await readNumber(page, 'epoch')) >= before, 'a click while playing keeps the epoch');
  await click(page, 'play');
  // A third class: the output layer is rebuilt, the epoch goes on, the status line says so.
  const third = await readNumber(page, 'epoch');
  await click(page, 'brush-2');
  await clickCanvasAt(page, 3, -3);
  await waitUntil(async () => /3 classes.*output layer/.test(await text(page, 'status')), { what: 'the status line on the new class' });
  assert.equal(await readNumber(page, 'epoch'), third, 'a new class keeps the epoch');
  await assertTruth(page, 'three classes');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
