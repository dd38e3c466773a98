// Live benchmark: the real app (not /?bench) playing in headless Chromium, as a student sees it
// (not a *.test.mjs file: the test run does not pick it up; it prints figures and asserts nothing).
//
// For each scenario it opens the app in a new browser context at the laptop's 1366×768, waits for
// it, presses Play, lets it play for a warm-up, then for a few seconds records the time of every
// requestAnimationFrame callback inside the page (performance.now) and the epoch readout at the
// first and the last of them. A run gives the median and p95 interval between frames, the frames
// per second and the live epochs per second; each scenario runs N times and the table shows the
// median of the runs. Software compositing (--disable-gpu), as in every e2e test.
//
// Usage: node bench-live.mjs [--runs N] [--seconds S] [--warmup S] [--only a,b,c,d] [--json FILE]
//                            [--dist DIR ... | --compare DIR_A DIR_B] [--trace IDS] [--trace-seconds S]
//                            [--trace-detail]
//   --dist/--compare  several builds in one sitting: their runs alternate (A B, B A, …), each on
//                     its own local server; the table gives each build's medians and the ratios.
//   --trace IDS       instead of measuring, record a Chromium trace over a few seconds of each
//                     listed scenario and print where a frame goes (bench-trace.mjs); the trace is
//                     saved in artifacts/ for DevTools' Performance panel. --trace-detail adds
//                     every Skia call (how the canvases are rasterized; slows the page more).
// Exit code 1 if a page fails (a page or console error, no app, training that does not advance),
// 2 on bad arguments.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ARTIFACTS, LAPTOP, launchBrowser, serveDist, openPage, tid, click, parseReadout, waitUntil, sleep,
  withTimeout, benchArgs, interleaved, medians, quantile, median, textTable, fmt,
} from './harness.mjs';
import { recordTrace, analyzeTrace, printTrace } from './bench-trace.mjs';

const USAGE = `usage: node bench-live.mjs [--runs N] [--seconds S] [--warmup S] [--only a,b,c,d] [--json FILE]
                          [--dist DIR ... | --compare DIR_A DIR_B] [--trace IDS] [--trace-seconds S]
                          [--trace-detail]`;

/** The largest network: 7 inputs, 6 hidden layers of 8 ReLU units, the spiral. */
const LARGE =
  'dataset=spiral&networkShape=8,8,8,8,8,8&activation=relu&learningRate=0.01&batchSize=10' +
  '&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true' +
  '&problem=classification&output=auto';

/** 60 fps: the median frame within 17 ms and the 95th percentile within 25 ms. */
const SIXTY = { medianMs: 17, p95Ms: 25 };

/**
 * The scenarios of issue 14. `path` is opened on the build's server (`/` with empty storage is
 * the default experiment, as on a student's first visit: the same settings as `#output=auto`,
 * 2-4-2-1 tanh on XOR at speed 1); `cpu` is the CDP CPU slow-down.
 */
const SCENARIOS = [
  { id: 'a', name: 'default experiment', path: '/', cpu: 1, target: SIXTY },
  { id: 'b', name: 'largest network, speed 1', path: `/#${LARGE}`, cpu: 1, target: SIXTY },
  {
    id: 'c', name: 'largest network, speed max', path: `/#${LARGE}&speed=max`, cpu: 1,
    target: { ...SIXTY, epochsPerS: 8000 },
  },
  { id: 'd', name: 'default experiment, CPU 4x slower', path: '/', cpu: 4, target: { fps: 30 } },
];

/** A target in words, e.g. "median ≤ 17 ms, p95 ≤ 25 ms, ≥ 8000 epochs/s". */
function targetText(t) {
  const parts = [];
  if (t.medianMs) parts.push(`median ≤ ${t.medianMs} ms`);
  if (t.p95Ms) parts.push(`p95 ≤ ${t.p95Ms} ms`);
  if (t.fps) parts.push(`≥ ${t.fps} fps`);
  if (t.epochsPerS) parts.push(`≥ ${t.epochsPerS} epochs/s`);
  return parts.join(', ');
}

/** Whether figures `m` meet target `t`: 'yes' or 'NO'. */
function meets(t, m) {
  const ok =
    (!t.medianMs || m.medianMs <= t.medianMs) &&
    (!t.p95Ms || m.p95Ms <= t.p95Ms) &&
    (!t.fps || m.fps >= t.fps) &&
    (!t.epochsPerS || m.epochsPerS >= t.epochsPerS);
  return ok ? 'yes' : 'NO';
}

/**
 * Open `scenario` on `baseUrl` in a new context, slow the CPU if it asks, press Play and let it
 * play `warmupMs`. Returns the page from openPage; the caller closes its context.
 */
async function startPlaying(browser, baseUrl, scenario, warmupMs) {
  const app = await openPage(browser, baseUrl + scenario.path, { viewport: LAPTOP });
  try {
    if (scenario.cpu > 1) {
      const cdp = await app.context.newCDPSession(app.page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: scenario.cpu });
    }
    await click(app.page, 'play');
    await waitUntil(async () => (await app.page.getAttribute(tid('play'), 'aria-label')) === 'Pause', {
      timeout: 10_000,
      what: 'the play button to say Pause after a click on Play',
    });
    await sleep(warmupMs);
    if (app.pageErrors.length) throw new Error(`page error: ${app.pageErrors[0]}`);
    return app;
  } catch (err) {
    await app.context.close().catch(() => {});
    throw err;
  }
}

/** In the page: the time of every rAF callback for `ms`, and the epoch readout at the first and last. */
function framesInPage({ ms, selector }) {
  return new Promise((resolve) => {
    const epoch = () => document.querySelector(selector)?.textContent ?? null;
    const times = [];
    let first = null;
    const frame = () => {
      const now = performance.now();
      if (!times.length) first = epoch();
      times.push(now);
      if (now - times[0] < ms) requestAnimationFrame(frame);
      else resolve({ times, first, last: epoch() });
    };
    requestAnimationFrame(frame);
  });
}

/** One run of `scenario` on `baseUrl`: { medianMs, p95Ms, maxMs, fps, epochsPerS, frames, epochs }. */
async function measure(browser, baseUrl, scenario, { seconds, warmup }) {
  const app = await startPlaying(browser, baseUrl, scenario, warmup * 1000);
  try {
    const ms = seconds * 1000;
    const { times, first, last } = await withTimeout(
      app.page.evaluate(framesInPage, { ms, selector: tid('epoch') }),
      ms + 60_000,
      `${seconds} s of frames of (${scenario.id})`,
    );
    if (app.pageErrors.length) throw new Error(`page error: ${app.pageErrors[0]}`);
    if (app.consoleErrors.length) throw new Error(`console error: ${app.consoleErrors[0]}`);
    const [e0, e1] = [parseReadout(first), parseReadout(last)];
    if (!(e1 > e0)) throw new Error(`the epoch readout did not count up while playing (${first} → ${last})`);
    const intervals = times.slice(1).map((t, i) => t - times[i]);
    const secs = (times.at(-1) - times[0]) / 1000;
    return {
      medianMs: median(intervals),
      p95Ms: quantile(intervals, 0.95),
      maxMs: Math.max(...intervals),
      fps: intervals.length / secs,
      epochsPerS: (e1 - e0) / secs,
      frames: intervals.length,
      epochs: e1 - e0,
    };
  } finally {
    await app.context.close().catch(() => {});
  }
}

const KEYS = ['medianMs', 'p95Ms', 'maxMs', 'fps', 'epochsPerS'];
const int = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '-');

/** For each key, the median over the rounds of the ratio of `runs`' run to `base`'s run of the same round. */
function ratios(runs, base) {
  return Object.fromEntries(KEYS.map((k) => [k, median(runs.map((r, i) => r[k] / base[i][k]))]));
}

/** The results as a table: a row per scenario and build, the ratios to build A after them. */
function report(builds, scenarios, results) {
  const rows = [];
  for (const s of scenarios) {
    for (const b of builds) {
      const runs = results[b.label][s.id];
      const x = medians(runs, KEYS);
      rows.push([
        `(${s.id}) ${s.name}`, b.label, fmt(x.medianMs), fmt(x.p95Ms), fmt(x.maxMs, 0), fmt(x.fps),
        int(x.epochsPerS), targetText(s.target), meets(s.target, x), runs.map((r) => fmt(r.medianMs)).join(' '),
      ]);
    }
    for (const b of builds.slice(1)) {
      const r = ratios(results[b.label][s.id], results[builds[0].label][s.id]);
      const label = `${b.label}/${builds[0].label}`;
      rows.push(['', label, fmt(r.medianMs, 2), fmt(r.p95Ms, 2), '', fmt(r.fps, 2), fmt(r.epochsPerS, 2), '', '', '']);
    }
  }
  const headers = [
    'scenario', 'build', 'median ms', 'p95 ms', 'max ms', 'fps', 'epochs/s', 'target', 'met', 'each run: median ms',
  ];
  return textTable(headers, rows, { left: [0, 1, 7, 8, 9] });
}

/** --trace: a trace of each scenario on each build, saved in artifacts/ and summed up. */
async function traceAll(browser, builds, scenarios, { warmup, seconds, detail }) {
  for (const b of builds) {
    for (const s of scenarios) {
      const app = await startPlaying(browser, b.url, s, warmup * 1000);
      try {
        const { trace, window } = await recordTrace(browser, app.page, seconds * 1000, { detail });
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        const file = path.join(ARTIFACTS, `trace-${b.label}-${s.id}.json`);
        fs.writeFileSync(file, JSON.stringify(trace));
        console.log(`\n(${s.id}) ${s.name}, build ${b.label} (trace in ${path.relative(process.cwd(), file)}):`);
        printTrace(analyzeTrace(trace, window));
      } finally {
        await app.context.close().catch(() => {});
      }
    }
  }
}

/** The measurements, with the runs interleaved across builds; prints a line per run and the table. */
async function measureAll(browser, builds, scenarios, timing, runs) {
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const loadBefore = load();
  console.log(`  machine: ${os.cpus().length} cores, load average ${loadBefore} (1, 5, 15 min)`);
  console.log(`  ${timing.seconds} s per run after ${timing.warmup} s of play, ${runs} runs per scenario and build\n`);
  const results = await interleaved(builds, scenarios, runs, (b, s) => measure(browser, b.url, s, timing),
    (b, s, run, m) => console.log(
      `  run ${run + 1}/${runs} ${builds.length > 1 ? `build ${b.label} ` : ''}(${s.id}) ${s.name}: ` +
        `median ${fmt(m.medianMs)} ms, p95 ${fmt(m.p95Ms)} ms, ${fmt(m.fps)} fps, ${int(m.epochsPerS)} epochs/s`,
    ));
  const loadAfter = load();
  console.log(`\nLive benchmark (median of ${runs} run${runs > 1 ? 's' : ''}; load average before ${loadBefore}, ` +
    `after ${loadAfter}):`);
  if (builds.length > 1) {
    console.log(`(B/A: the median over the rounds of the ratio of the two builds' runs in the same round)`);
  }
  console.log(report(builds, scenarios, results));
  return { results, machine: { cores: os.cpus().length, loadBefore, loadAfter } };
}

/** Everything measured, as JSON: each scenario's runs and medians per build (and ratios to A). */
function toJson(builds, scenarios, { results, machine }, extra) {
  const a = builds[0].label;
  return {
    kind: 'live', date: new Date().toISOString(), ...extra, viewport: LAPTOP, machine,
    builds: builds.map(({ label, dir }) => ({ label, dir })),
    scenarios: scenarios.map((s) => ({
      ...s,
      results: Object.fromEntries(builds.map((b) => {
        const runs = results[b.label][s.id];
        const ratio = b.label === a ? {} : { ratioToA: ratios(runs, results[a][s.id]) };
        return [b.label, { median: medians(runs, KEYS), runs, ...ratio }];
      })),
    })),
  };
}

// ------------------------------------------------------------------ main
const { values: opts, builds } = benchArgs(
  {
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    only: { type: 'string', default: 'a,b,c,d' },
    trace: { type: 'string' },
    'trace-seconds': { type: 'string', default: '3' },
    'trace-detail': { type: 'boolean' },
  },
  USAGE,
);
const bad = (message) => {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
};
const wanted = (opts.trace ?? opts.only).split(',').map((x) => x.trim()).filter(Boolean);
const unknown = wanted.filter((id) => !SCENARIOS.some((s) => s.id === id));
if (unknown.length) bad(`unknown scenario ${unknown}: choose from ${SCENARIOS.map((s) => s.id)}`);
const scenarios = SCENARIOS.filter((s) => wanted.includes(s.id));
const timing = { seconds: Number(opts.seconds), warmup: Number(opts.warmup) };
const traceSeconds = Number(opts['trace-seconds']);
if (!(timing.seconds > 0) || !(timing.warmup >= 0) || !(traceSeconds > 0)) {
  bad('--seconds, --warmup and --trace-seconds take a number of seconds');
}

const servers = [];
let browser;
let exitCode = 0;
try {
  for (const b of builds) {
    const server = await serveDist(b.dir);
    servers.push(server);
    b.url = server.url;
  }
  browser = await launchBrowser();
  const chromium = browser.version();
  console.log(`Live benchmark in headless Chromium ${chromium} (software compositing), ` +
    `viewport ${LAPTOP.width}x${LAPTOP.height}`);
  for (const b of builds) console.log(`  build ${b.label}: ${b.dir} on ${b.url}`);
  if (opts.trace) {
    const detail = opts['trace-detail'];
    await traceAll(browser, builds, scenarios, { warmup: timing.warmup, seconds: traceSeconds, detail });
  } else {
    const measured = await measureAll(browser, builds, scenarios, timing, opts.runs);
    if (opts.json) {
      const json = toJson(builds, scenarios, measured, { chromium, runs: opts.runs, ...timing });
      fs.writeFileSync(opts.json, JSON.stringify(json, null, 2) + '\n');
      console.log(`\nwritten: ${opts.json}`);
    }
  }
} catch (err) {
  console.error(`bench-live: ${err.stack ?? err}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  for (const s of servers) await s.close();
}
process.exit(exitCode);
