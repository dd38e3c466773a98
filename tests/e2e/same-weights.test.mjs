// A link trains to the same weights, to the bit, in the browser as natively: the weights recorded
// in same-weights.json by the native test (tests/same_weights.rs), with the general kernels
// (`?nojit`: WebAssembly SIMD where the native build has plain Rust) and with compiled kernels
// where the network has one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useSession, errorReport, trainAndShareWeights } from './harness.mjs';

const session = useSession();
const cases = JSON.parse(fs.readFileSync(new URL('./same-weights.json', import.meta.url), 'utf8'));

for (const { name, hash, epochs, params } of cases) {
  for (const [kernels, prefix] of [
    ['the general kernels', '/?nojit#'],
    ['compiled kernels where there are', '/#'],
  ]) {
    test(`${name}: the recorded weights with ${kernels}`, async () => {
      const app = await session().open(prefix + hash);
      const got = await trainAndShareWeights(app.page, epochs);
      assert.deepEqual(app.pageErrors, [], errorReport(app));
      assert.deepEqual(app.consoleErrors, [], errorReport(app));
      assert.equal(got, params, `${name}: ${epochs} epochs of ${hash}`);
    });
  }
}
