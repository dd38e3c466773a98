// Learning-rate schedule: "halve every 10 epochs" shows the rate halving as epochs pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, text, waitUntil, errorReport } from './harness.mjs';

const session = useSession();

test('a step schedule halves the learning rate every N epochs', async () => {
  const app = await session().open('#dataset=xor&networkShape=4&learningRate=0.8&lrSchedule=step&lrDecay=10');
  const { page } = app;
  assert.equal(await text(page, 'current-lr'), '0.8');
  for (let i = 0; i < 10; i++) await click(page, 'step');
  await waitUntil(async () => (await readNumber(page, 'epoch')) === 10, { what: '10 epochs' });
  assert.equal(await text(page, 'current-lr'), '0.4');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
