// Random restarts: several starts are trained, the best is kept (and goes into the link), and
// the spread of their final losses is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, text, waitUntil, hashParams, errorReport } from './harness.mjs';

const session = useSession();

test('random restarts keep the best start and show the spread', async () => {
  const app = await session().open('#dataset=xor&networkShape=2&seed=6');
  const { page } = app;
  await click(page, 'random-restarts');
  await waitUntil(async () => /starts\)/.test(await text(page, 'restart-spread')), { what: 'the spread of final losses' });
  const spread = await text(page, 'restart-spread');
  const [best, median, worst] = [...spread.matchAll(/(\d+\.\d+)/g)].map((m) => parseFloat(m[1]));
  assert.ok(best <= median && median <= worst, spread);
  assert.match(spread, /\(10 starts\)/, 'Starts 10 trains 10 starts');
  assert.equal(await page.locator('.restart-dot').count(), 10);
  assert.equal(await readNumber(page, 'train-loss'), best, 'the kept network has the best final loss');
  assert.equal(await readNumber(page, 'epoch'), 200);
  await waitUntil(async () => (await hashParams(page)).has('restart'), { what: 'the restart in the link' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the restarts\' spread goes when what they trained changes: the data set, the learning rate, Reset', async () => {
  const app = await session().open('#dataset=xor&networkShape=2&seed=6');
  const { page } = app;
  const restarts = async () => {
    await click(page, 'random-restarts');
    await waitUntil(async () => /\(10 starts\)/.test(await text(page, 'restart-spread')), { what: 'the spread' });
    assert.equal(await page.locator('.restart-dot').count(), 10);
  };
  const gone = async (what) => {
    await waitUntil(async () => (await text(page, 'restart-spread')) === '—', { what: `the spread to go after ${what}` });
    assert.equal(await page.locator('.restart-dot').count(), 0, `no dots after ${what}`);
  };
  await restarts();
  await click(page, 'dataset-circle');
  await gone('another data set');
  await restarts();
  await page.evaluate(() => { location.hash = location.hash.replace(/learningRate=[^&]*/, '') + '&learningRate=0.1'; });
  await gone('another learning rate');
  await restarts();
  await click(page, 'reset');
  await gone('Reset');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
