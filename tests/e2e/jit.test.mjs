// Training kernels compiled at run time (src/core/jit, src/app/jit.rs): a network trained with
// them ends with exactly the weights the general kernels give (`?nojit`), for a two-class and a
// three-class classifier and a regression, and the page compiles them without a warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, waitUntil, errorReport, trainAndShareWeights } from './harness.mjs';

const session = useSession();

const EPOCHS = 25;

/** Trains `path` for EPOCHS epochs with Step, then reads the weights from Share with weights. */
async function trainedWeights(path, { compiled }) {
  const app = await session().open(path);
  const { page } = app;
  // The first epoch asks for this shape's kernel; it is compiled in the background.
  const afterFirstStep = async () =>
    compiled &&
    waitUntil(async () => (await page.getAttribute('html', 'data-compiled-kernels')) === '1', {
      what: 'the compiled kernel',
    });
  const params = await trainAndShareWeights(page, EPOCHS, { afterFirstStep });
  if (!compiled) {
    assert.equal(await page.getAttribute('html', 'data-compiled-kernels'), null, '?nojit compiles nothing');
  }
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
  assert.deepEqual(
    app.consoleWarnings.filter((w) => /kernel/.test(w)),
    [],
    'no kernel failed to compile',
  );
  return params;
}

for (const [name, hash] of [
  ['a 2-4-2-1 tanh classifier', '#dataset=circle&networkShape=4,2&activation=tanh&seed=4&batchSize=10'],
  ['a three-class softmax network', '#dataset=blobs&classes=3&networkShape=5&activation=tanh&seed=2&batchSize=8'],
  ['a ReLU regression with Adam', '#problem=regression&regDataset=reg-plane&networkShape=5&activation=relu&optimizer=adam&seed=9&batchSize=7'],
]) {
  test(`${name} trains to the same weights with and without compiled kernels`, async () => {
    const compiled = await trainedWeights(hash, { compiled: true });
    const general = await trainedWeights(`/?nojit${hash}`, { compiled: false });
    assert.ok(compiled.length > 50, `weights in the link: ${compiled}`);
    assert.equal(compiled, general);
  });
}
