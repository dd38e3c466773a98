// Issue 17, the notes' numbers: the training loss readout shows the regularization penalty
// beside the data loss (the notes' BCE + reg·R(W)), and ReLU starts from He initialization,
// with which the notes' XOR trains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, click, readNumber, readAccuracy, text, tid, waitUntil, hashParams, screenshot, errorReport, ARTIFACTS,
} from './harness.mjs';
import path from 'node:path';

const session = useSession();

/** A `params=` value: each number's 8 bytes, little-endian, URL-safe base64. */
const params = (values) => Buffer.from(new Float64Array(values).buffer).toString('base64url');

test('the training loss shows the L2 penalty beside the data loss, as a mean over the training points', async () => {
  // One sigmoid neuron with w = (10, 10), b = 0: L2 at rate 1 adds 1·(10² + 10²) = 200.
  const link = `#model=logistic&networkShape=&dataset=gauss&output=auto&regularization=L2&regularizationRate=1&params=${params([10, 10, 0])}`;
  const app = await session().open(link);
  const { page } = app;
  assert.equal(await text(page, 'train-penalty'), '+ L2 penalty 200.000');
  const loss = await readNumber(page, 'train-loss');
  assert.ok(loss >= 0 && loss < 1, `the data loss stays the mean cross-entropy: ${loss}`);
  const title = await page.locator('.readout', { has: page.locator(tid('train-loss')) }).getAttribute('title');
  assert.match(title, /Mean over the training points/);
  const testTitle = await page.locator('.readout', { has: page.locator(tid('test-loss')) }).getAttribute('title');
  assert.match(testTitle, /Mean over the test points/);
  // The penalty sits under the number, inside the readout's box: the row does not grow sideways.
  const value = await page.locator(tid('train-loss')).boundingBox();
  const penalty = await page.locator(tid('train-penalty')).boundingBox();
  assert.ok(penalty.y >= value.y + value.height - 1, `under the number: ${JSON.stringify({ value, penalty })}`);
  await page.locator('.readouts').first().screenshot({ path: path.join(ARTIFACTS, 'readouts-penalty.png') });
  await screenshot(page, 'readouts-penalty-page.png');

  // Without regularization there is no penalty; the same weights give the same data loss.
  const none = await session().open(link.replace('regularization=L2', 'regularization=none'));
  assert.equal(await none.page.locator(tid('train-penalty')).count(), 0);
  assert.equal(await readNumber(none.page, 'train-loss'), loss);
  assert.deepEqual([...app.pageErrors, ...none.pageErrors], [], errorReport(app));
});

test("ReLU starts from He initialization, says so once, and the notes' XOR trains", async () => {
  for (const seed of [1, 2]) {
    // Six hidden units: two or four are unreliable on this data from either start (see
    // core::config::init's test).
    const app = await session().open(`#dataset=xor&networkShape=6&activation=relu&output=auto&seed=${seed}&speed=20`);
    const { page } = app;
    assert.match(await text(page, 'status'), /ReLU: using He initialization/);
    assert.equal(await page.inputValue(tid('init')), 'he');
    await waitUntil(async () => (await hashParams(page)).get('init') === 'he', { what: 'init=he in the link' });
    await click(page, 'play');
    await waitUntil(async () => (await readAccuracy(page, 'test-accuracy')) >= 95, {
      timeout: 30_000, what: `test accuracy ≥ 95 % (seed ${seed})`,
    });
    await click(page, 'play');
    if (seed === 1) await screenshot(page, 'xor-relu-he.png');
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  }
  // The menu does the same: tanh → ReLU switches Xavier to He and says so; a link's init= wins.
  const menu = await session().open('#dataset=xor&output=auto');
  await menu.page.selectOption(tid('activation'), 'relu');
  await waitUntil(async () => (await menu.page.inputValue(tid('init'))) === 'he', { what: 'He after choosing ReLU' });
  assert.match(await text(menu.page, 'status'), /ReLU: using He initialization/);
  const kept = await session().open('#dataset=xor&activation=relu&init=xavier&output=auto');
  assert.equal(await kept.page.inputValue(tid('init')), 'xavier');
  assert.doesNotMatch(await text(kept.page, 'status'), /He initialization/);
  assert.deepEqual([...menu.pageErrors, ...kept.pageErrors], [], errorReport(menu));
});
