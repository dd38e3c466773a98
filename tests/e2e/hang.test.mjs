// Nothing hangs (issue 19, defect 1): long work on the largest network runs in slices across
// frames, with a progress bar and a Cancel that answers within 100 ms and puts the network back
// as it was. Measured in the page: the longest task while the work runs (PerformanceObserver
// 'longtask'), how long a key press waits for the main thread (the keydown's timeStamp to its
// handler), and a click on Cancel or Pause to the change it makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, tid, text, readNumber, waitUntil, screenshot, errorReport, sleep } from './harness.mjs';

const BIG =
  'networkShape=16,16,16,16,16,16,16,16&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true' +
  '&sinX=true&sinY=true&cosX=true&cosY=true&samples=2000&percTrainData=90&output=auto&dataset=blobs&classes=6';
/** No input may wait longer (ms). */
const LIMIT_MS = 100;
/**
 * Long tasks: a frame's work is a 12 ms slice, so a task over LIMIT_MS comes from the machine
 * (the shared test machine, at a load of 12 on 2 cores, stretches a 20 ms frame past 100 ms now
 * and then), not from the work; a few are let pass, none near the seconds the work once took.
 */
const STRAY_TASKS = 5;
const TASK_CEILING_MS = 400;
/** Where the network's predictions are compared before and after a cancelled operation. */
const PROBES = [[-4, -3], [0, 0], [2.5, 4], [5, -5]];

const session = useSession();

/** The trainer's predictions at PROBES: the same exactly when the network is the same. */
async function predictions(page) {
  return page.evaluate((probes) => probes.map(([x1, x2]) => [...window.wasmBindings.probe_predict(x1, x2)]), PROBES);
}

/** Starts collecting long tasks (over 50 ms) into window.__longTasks. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

/** Checks the long tasks so far (ms) against LIMIT_MS, STRAY_TASKS and TASK_CEILING_MS. */
async function noLongTasks(page, what) {
  const tasks = await page.evaluate(() => window.__longTasks);
  const over = tasks.filter((d) => d >= LIMIT_MS);
  const message = `long tasks ${what}: ${tasks.join(', ') || 'none'} ms`;
  assert.ok(over.length <= STRAY_TASKS && Math.max(0, ...tasks) < TASK_CEILING_MS, message);
}

/** The bar's value (thousandths) and label, or null while it is hidden. */
async function progress(page) {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid="work-progress"]');
    return bar && { value: bar.value, label: document.querySelector('[data-testid="work-label"]').textContent };
  });
}

/** Waits until the bar shows and has moved on; returns its first and last reading. */
async function progressAdvances(page, label) {
  let first = null;
  let last = null;
  await waitUntil(
    async () => {
      last = await progress(page);
      if (last && !first) first = last;
      return first && last && last.value > first.value;
    },
    { timeout: 15_000, interval: 50, what: 'the progress bar to show and advance' },
  );
  assert.match(last.label, label);
  return { first, last };
}

/** Presses `key` and returns how long it waited for the page's keydown handlers (ms). */
async function keyDelay(page, key) {
  await page.evaluate(() => {
    window.__keyDelay = new Promise((resolve) =>
      window.addEventListener('keydown', (e) => resolve(performance.now() - e.timeStamp), { once: true }),
    );
  });
  await page.keyboard.press(key);
  return page.evaluate(() => window.__keyDelay);
}

/** Clicks `id` and returns the ms from the click event to `done(document)` becoming true. */
async function clickLatency(page, id, done) {
  await page.evaluate((doneSource) => {
    const done = new Function('document', `return (${doneSource})(document)`);
    window.__latency = new Promise((resolve) => {
      let clicked = null;
      document.addEventListener('click', (e) => (clicked = e.timeStamp), { capture: true, once: true });
      const check = () => {
        if (clicked !== null && done(document)) resolve(performance.now() - clicked);
        else requestAnimationFrame(check);
      };
      new MutationObserver(() => clicked !== null && done(document) && resolve(performance.now() - clicked)).observe(
        document.body,
        { subtree: true, childList: true, characterData: true, attributes: true },
      );
      requestAnimationFrame(check);
    });
  }, done.toString());
  const box = await page.locator(tid(id)).boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(() => window.__latency);
}

/** ? opens the shortcuts' help and closes it, each key handled within the limit. */
async function keysAnswer(page) {
  for (const open of [true, false]) {
    const delay = await keyDelay(page, '?');
    assert.ok(delay < LIMIT_MS, `a key press waited ${delay.toFixed(0)} ms`);
    assert.equal(await page.locator(tid('shortcuts-help')).isVisible(), open);
  }
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
  await watchLongTasks(page);
  await click(page, 'random-restarts');
  const { last } = await progressAdvances(page, /^Start \d+ of 51$/);
  await screenshot(page, 'hang-restarts-progress.png');
  await keysAnswer(page);
  const latency = await clickLatency(page, 'work-cancel', (d) =>
    /cancelled/.test(d.querySelector('[data-testid="status"]').textContent),
  );
  assert.ok(latency < LIMIT_MS, `Cancel took ${latency.toFixed(0)} ms`);
  await noLongTasks(page, 'while the starts trained');
  assert.match(await text(page, 'status'), /Random restarts cancelled after \d+ of 51 starts: the network is as it was before/);
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
    await watchLongTasks(page);
    await click(page, 'step');
    await progressAdvances(page, /^Step: epoch 1$/);
    await keysAnswer(page);
    const latency = await clickLatency(page, 'work-cancel', (d) =>
      /cancelled/.test(d.querySelector('[data-testid="status"]').textContent),
    );
    assert.ok(latency < LIMIT_MS, `Cancel took ${latency.toFixed(0)} ms`);
    await noLongTasks(page, 'during the step');
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
  await watchLongTasks(page);
  await click(page, 'play');
  await progressAdvances(page, /^Epoch 1$/);
  await keysAnswer(page);
  const latency = await clickLatency(page, 'play', (d) =>
    /Play/.test(d.querySelector('[data-testid="play"]').getAttribute('aria-label')),
  );
  assert.ok(latency < LIMIT_MS, `Pause took ${latency.toFixed(0)} ms`);
  await noLongTasks(page, 'while playing');
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
  await watchLongTasks(page);
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
  await noLongTasks(page, 'during the check');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
