// Gradient methods: the numerical derivative trains and the gradient check shows a tiny gap;
// random search never lets the training loss go up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, text, waitUntil, sleep, errorReport } from './harness.mjs';

const session = useSession();

test('the numerical derivative trains, and the gradient check is tiny', async () => {
  const app = await session().open('#dataset=xor&networkShape=4&gradient=numerical&epsilon=0.0001&speed=5&seed=3');
  const { page } = app;
  const start = await readNumber(page, 'train-loss');
  await click(page, 'check-gradients');
  await waitUntil(async () => Number.isFinite(parseFloat(await text(page, 'gradient-check'))), {
    what: 'the gradient check to show a number',
  });
  const gap = parseFloat(await text(page, 'gradient-check'));
  assert.ok(gap < 1e-6, `max |backprop − numerical| = ${gap}`);
  await click(page, 'play');
  await waitUntil(async () => (await readNumber(page, 'epoch')) >= 50, { timeout: 20_000, what: '50 epochs' });
  await click(page, 'play');
  const end = await readNumber(page, 'train-loss');
  assert.ok(end < start, `train loss ${start} → ${end}`);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('random search never raises the training loss', async () => {
  const app = await session().open('#dataset=xor&networkShape=4&gradient=random&searchStep=0.2&speed=5&seed=4');
  const { page } = app;
  const first = await readNumber(page, 'train-loss');
  await click(page, 'play');
  let last = first;
  for (let i = 0; i < 30; i++) {
    await sleep(100);
    const now = await readNumber(page, 'train-loss');
    assert.ok(now <= last, `train loss went up: ${last} → ${now}`);
    last = now;
  }
  await click(page, 'play');
  assert.ok(last < first, `no progress: ${first} → ${last}`);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the gradient check follows the network: a change clears the old number', async () => {
  const app = await session().open('#dataset=xor&networkShape=4&seed=3&output=auto');
  const { page } = app;
  const shown = async () => Number.isFinite(parseFloat(await text(page, 'gradient-check')));
  const check = async () => {
    await click(page, 'check-gradients');
    await waitUntil(shown, { what: 'the gradient check to show a number' });
  };
  await check();
  await click(page, 'add-layer');
  await waitUntil(async () => (await text(page, 'gradient-check')).trim() === '—', { what: 'cleared by a new layer' });
  await check();
  await click(page, 'step');
  await waitUntil(async () => (await text(page, 'gradient-check')).trim() === '—', { what: 'cleared by a step' });
  await check();
  await sleep(300);
  assert.ok(await shown(), 'the number stays while the network stays');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
