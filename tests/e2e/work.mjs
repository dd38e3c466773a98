// Helpers for the tests of long work (hang, import-big, work-bar): the largest network's link,
// the work bar's reading, the network's predictions, long tasks and input latency measured in
// the page.
import assert from 'node:assert/strict';
import { tid, waitUntil } from './harness.mjs';

/** The largest network of issue 19: long work on it takes seconds to minutes. */
export const BIG =
  'networkShape=16,16,16,16,16,16,16,16&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true' +
  '&sinX=true&sinY=true&cosX=true&cosY=true&samples=2000&percTrainData=90&output=auto&dataset=blobs&classes=6';
/** No input may wait longer (ms). */
export const LIMIT_MS = 100;
/**
 * A task of ours runs the page's thread at most this long (ms). A frame's work is a 12 ms
 * slice, plus drawing: 10–30 ms of the thread's time. (The first epoch of each fresh start of
 * the restarts used to run whole: 70–90 ms of the thread on BIG.) See traceTasks.
 */
export const OWN_TASK_MS = 50;
/** Where the network's predictions are compared before and after an operation. */
const PROBES = [[-4, -3], [0, 0], [2.5, 4], [5, -5]];

/** The trainer's predictions at PROBES: the same exactly when the network is the same. */
export async function predictions(page) {
  return page.evaluate((probes) => probes.map(([x1, x2]) => [...window.wasmBindings.probe_predict(x1, x2)]), PROBES);
}

/**
 * Starts collecting long tasks (over 50 ms) into window.__longTasks, each as its duration (ms)
 * and, in window.__longTaskStarts, when it began (ms, performance.now).
 */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__longTaskStarts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longTasks.push(Math.round(e.duration));
        window.__longTaskStarts.push(Math.round(e.startTime));
      }
    }).observe({ type: 'longtask' });
  });
}

/** The long tasks so far (ms). */
export async function longTasks(page) {
  return page.evaluate(() => window.__longTasks);
}

/** The bar's value (thousandths) and label, or null while it is hidden. */
export async function progress(page) {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid="work-progress"]');
    return bar && { value: bar.value, label: document.querySelector('[data-testid="work-label"]').textContent };
  });
}

/** Waits until the bar shows and has moved on; returns its first and last reading. */
export async function progressAdvances(page, label) {
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
export async function keyDelay(page, key) {
  await page.evaluate(() => {
    window.__keyDelay = new Promise((resolve) =>
      window.addEventListener('keydown', (e) => resolve(performance.now() - e.timeStamp), { once: true }),
    );
  });
  await page.keyboard.press(key);
  return page.evaluate(() => window.__keyDelay);
}

/** Clicks `id` and returns the ms from the click event to `done(document)` becoming true. */
export async function clickLatency(page, id, done) {
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
export async function keysAnswer(page) {
  for (const open of [true, false]) {
    const delay = await keyDelay(page, '?');
    assert.ok(delay < LIMIT_MS, `a key press waited ${delay.toFixed(0)} ms`);
    assert.equal(await page.locator(tid('shortcuts-help')).isVisible(), open);
  }
}

/**
 * Starts a Chromium trace of the page's tasks; `stop()` ends it and returns each task of the
 * page's main thread that took 50 ms or more, as { wall, cpu } (ms): its time on the clock and
 * the time its thread ran. On the shared test machine (a load of 10–15 on 2 cores) a task of
 * 20 ms of work often takes 100–180 ms on the clock, so the thread's time tells a long task of
 * ours (much work) from one of the machine's (the thread waiting for a core).
 */
export async function traceTasks(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => {});
      // The page's own renderer (the session's other pages have theirs).
      const url = page.url().split('#')[0];
      const pids = new Set(
        events
          .filter((e) => e.name === 'TracingStartedInBrowser')
          .flatMap((e) => e.args?.data?.frames ?? [])
          .filter((f) => f.url?.split('#')[0] === url)
          .map((f) => f.processId),
      );
      const main = new Set(
        events
          .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!pids.size || pids.has(e.pid)))
          .map((e) => `${e.pid}:${e.tid}`),
      );
      return events
        .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && e.dur >= 50_000)
        .map((e) => ({ wall: Math.round(e.dur / 1000), cpu: Math.round((e.tdur ?? e.dur) / 1000) }));
    },
  };
}
