// Nothing hangs (issue 19, defect 1): long work on the largest network runs in slices across
// frames, with a progress bar and a Cancel that answers within 100 ms and puts the network back
// as it was. Measured in the page: the long tasks while the work runs (a Chromium trace gives
// each task's time on the clock and its thread's time; PerformanceObserver 'longtask' the
// clock's), how long a key press waits for the main thread (the keydown's timeStamp to its
// handler), and a click on Cancel or Pause to the change it makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, tid, text, readNumber, waitUntil, screenshot, errorReport, sleep } from './harness.mjs';
import {
  BIG, LIMIT_MS, OWN_TASK_MS, predictions, watchLongTasks, longTasks, traceTasks, progress, progressAdvances, clickLatency, keysAnswer,
} from './work.mjs';

/**
 * On the clock, a task may take longer: on the shared test machine (a load of 9–15 on 2 cores)
 * the thread waits for a core, and a task of 18 ms of work was traced at 443 ms on the clock.
 * Those are the machine's, told apart by the thread's time; only a freeze of this long counts.
 */
const WALL_CEILING_MS = 1000;

const session = useSession();

/** Starts watching the page's long tasks: returns the trace that noLongTasks reads. */
async function watch(page) {
  await watchLongTasks(page);
  return traceTasks(page);
}

/**
 * Checks the tasks traced since `watch`: none ran the page's thread OWN_TASK_MS or more, none
 * took WALL_CEILING_MS on the clock; the PerformanceObserver's long tasks (clock time) agree.
 */
async function noLongTasks(page, what, trace) {
  const traced = await trace.stop();
  const observed = await longTasks(page);
  const message = `long tasks ${what} (clock/thread ms): ${traced.map((t) => `${t.wall}/${t.cpu}`).join(', ') || 'none'}; observed ${observed.join(', ') || 'none'}`;
  assert.ok(traced.every((t) => t.cpu < OWN_TASK_MS), message);
  assert.ok(Math.max(0, ...observed, ...traced.map((t) => t.wall)) < WALL_CEILING_MS, message);
}

async function setField(page, id, value) {
  await page.fill(tid(id), String(value));
  await page.press(tid(id), 'Enter');
}

test('restarts 50 × 1000 on the largest network: progress, keys and Cancel answer, the network stays', async () => {
  const app = await session().open('#' + BIG);
  const { page } = app;
  await setField(page, 'restart-count', 50);
  await setField(page, 'restart-epochs', 1000);
  const before = await predictions(page);
  const epoch = await readNumber(page, 'epoch');
  const trace = await watch(page);
  await click(page, 'random-restarts');
  const { last } = await progressAdvances(page, /^Start \d+ of 50$/);
  await screenshot(page, 'hang-restarts-progress.png');
  await keysAnswer(page);
  const latency = await clickLatency(page, 'work-cancel', (d) =>
    /cancelled/.test(d.querySelector('[data-testid="status"]').textContent),
  );
  assert.ok(latency < LIMIT_MS, `Cancel took ${latency.toFixed(0)} ms`);
  await noLongTasks(page, 'while the starts trained', trace);
  assert.match(await text(page, 'status'), /Random restarts cancelled after \d+ of 50 starts: the network is as it was before/);
  assert.equal(await progress(page), null, 'the bar goes with the work');
  assert.deepEqual(await predictions(page), before, 'the same network as before');
  assert.equal(await readNumber(page, 'epoch'), epoch);
  assert.ok(last.value > 0 && last.value < 1000, JSON.stringify(last));
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

for (const batchSize of [1, 2000]) {
  test(`a numerical Step with batch size ${batchSize} on the largest network goes in slices and cancels`, async () => {
    const app = await session().open(`#${BIG}&gradient=numerical&batchSize=${batchSize}`);
    const { page } = app;
    const before = await predictions(page);
    const trace = await watch(page);
    await click(page, 'step');
    await progressAdvances(page, /^Step: epoch 1$/);
    await keysAnswer(page);
    const latency = await clickLatency(page, 'work-cancel', (d) =>
      /cancelled/.test(d.querySelector('[data-testid="status"]').textContent),
    );
    assert.ok(latency < LIMIT_MS, `Cancel took ${latency.toFixed(0)} ms`);
    await noLongTasks(page, 'during the step', trace);
    assert.match(await text(page, 'status'), /Step cancelled: the network is as it was before the step/);
    assert.equal(await progress(page), null);
    assert.deepEqual(await predictions(page), before, 'the same network as before');
    assert.equal(await readNumber(page, 'epoch'), 0);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
  });
}

test('Pause answers at once while numerical epochs of the largest network train, and training stops', async () => {
  const app = await session().open(`#${BIG}&gradient=numerical`);
  const { page } = app;
  const trace = await watch(page);
  await click(page, 'play');
  await progressAdvances(page, /^Epoch 1$/);
  await keysAnswer(page);
  const latency = await clickLatency(page, 'play', (d) =>
    /Play/.test(d.querySelector('[data-testid="play"]').getAttribute('aria-label')),
  );
  assert.ok(latency < LIMIT_MS, `Pause took ${latency.toFixed(0)} ms`);
  await noLongTasks(page, 'while playing', trace);
  const paused = await predictions(page);
  await sleep(300);
  assert.deepEqual(await predictions(page), paused, 'nothing trains after Pause');
  assert.equal(await progress(page), null, 'the bar goes with Pause');
  // Step then finishes the epoch in progress, in slices, with its bar.
  await click(page, 'step');
  await progressAdvances(page, /^Step: epoch 1$/);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('a Step that fits a frame shows no bar and trains at once', async () => {
  const app = await session().open('#dataset=xor&networkShape=4&seed=3');
  const { page } = app;
  await click(page, 'step');
  await waitUntil(async () => (await readNumber(page, 'epoch')) === 1, { what: 'epoch 1' });
  await sleep(400);
  assert.equal(await progress(page), null);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('the gradient check of the largest network goes in slices and gives its number', async () => {
  const app = await session().open('#' + BIG);
  const { page } = app;
  const trace = await watch(page);
  const start = Date.now();
  await click(page, 'check-gradients');
  const labels = new Set();
  await waitUntil(
    async () => {
      const bar = await progress(page);
      if (bar) labels.add(bar.label);
      return Number.isFinite(parseFloat(await text(page, 'gradient-check')));
    },
    { timeout: 20_000, interval: 50, what: 'the gradient check to finish' },
  );
  // About a second of work: the bar shows while it runs (quicker, it may not have).
  const took = Date.now() - start;
  assert.ok([...labels].every((l) => l === 'Checking gradients'), [...labels].join());
  if (took > 1000) assert.ok(labels.has('Checking gradients'), `no bar in ${took} ms`);
  await noLongTasks(page, 'during the check', trace);
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
