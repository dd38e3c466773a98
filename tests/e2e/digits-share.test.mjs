// Digits mode's sharing: the link carries model=digits and the network and training keys, not
// the pad's strokes, and reopens the same mode; the link with weights reopens the trained
// network (the same test accuracy); the files that hold points, the plot or a model on the
// plot's features are disabled, each saying why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, text, tid, waitUntil, waitForNumber, errorReport } from './harness.mjs';

const session = useSession();

/** Digits mode opened; the harness waits for its pad (it has no plot) and the epoch. */
const openDigits = (hash) => session().open(hash);

const linkField = (page) => page.$eval(tid('link-field'), (el) => el.value);
const hashOf = (link) => new URLSearchParams(link.split('#')[1] ?? '');

test('digits: Copy link and Share with weights reopen digits mode; strokes stay out of the link', async () => {
  const app = await openDigits('#model=digits&networkShape=12&learningRate=0.1&seed=4&speed=5');
  const { page } = app;
  for (let i = 0; i < 30; i++) await click(page, 'step');
  await waitForNumber(page, 'epoch', (v) => v === 30, { what: '30 epochs' });

  await click(page, 'copy-link');
  await waitUntil(async () => (await linkField(page)).includes('#'), { what: 'the link' });
  const before = await linkField(page);
  // A stroke on the pad changes the answer, not the link.
  const box = await page.locator(tid('digit-pad')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20, { steps: 10 });
  await page.mouse.up();
  await waitUntil(async () => (await text(page, 'digit-prediction')) !== '–', { what: 'an answer' });
  await click(page, 'copy-link');
  assert.equal(await linkField(page), before, 'the drawing is not in the link');
  const keys = hashOf(before);
  assert.equal(keys.get('model'), 'digits');
  assert.equal(keys.get('networkShape'), '12');
  assert.equal(keys.get('learningRate'), '0.1');
  assert.equal(keys.get('seed'), '4');
  assert.ok(!keys.has('points') && !keys.has('params'), `no points, no weights: ${before}`);

  const plain = await openDigits(`#${before.split('#')[1]}`);
  assert.equal(await plain.page.$eval(tid('model'), (el) => el.value), 'digits');
  assert.equal(await text(plain.page, 'network-shape'), '64 → 12 → 10');
  assert.equal(await text(plain.page, 'epoch'), '0');

  const accuracy = await text(page, 'test-accuracy');
  await click(page, 'share-weights');
  await waitUntil(async () => hashOf(await linkField(page)).has('params'), { what: 'the link with weights' });
  const weighted = await linkField(page);
  const trained = await openDigits(`#${weighted.split('#')[1]}`);
  assert.equal(await text(trained.page, 'network-shape'), '64 → 12 → 10');
  assert.equal(await text(trained.page, 'test-accuracy'), accuracy, 'the trained network, reopened');
  assert.doesNotMatch(await text(trained.page, 'status'), /params/, 'the weights fit');
  for (const a of [app, plain, trained]) assert.deepEqual(a.pageErrors, [], errorReport(a));
});

test('digits: the points, plot and model files are disabled, each with its reason', async () => {
  const app = await openDigits('#model=digits');
  const { page } = app;
  for (const id of ['export-png', 'export-csv', 'export-model', 'import-csv', 'import-model']) {
    assert.ok(await page.locator(tid(id)).isDisabled(), `${id} is disabled`);
    const title = await page.$eval(tid(id), (el) => el.title || el.closest('label')?.title || '');
    assert.match(title, /digits|pixels/i, `${id} says why: ${title}`);
  }
  assert.equal(await page.locator(tid('csv-paste')).count(), 0, 'no box for pasted points');
  assert.ok(await page.locator(tid('digits-files-note')).isVisible());
  assert.ok(await page.locator(tid('share-weights')).isEnabled());
  // Back on the neural network, they work again.
  await page.selectOption(tid('model'), 'mlp');
  await waitUntil(() => page.locator(tid('data-canvas')).isVisible(), { what: 'the plot' });
  for (const id of ['export-png', 'export-csv', 'export-model', 'import-csv', 'import-model']) {
    assert.ok(await page.locator(tid(id)).isEnabled(), `${id} is enabled again`);
  }
  assert.equal(await page.locator(tid('digits-files-note')).count(), 0);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
