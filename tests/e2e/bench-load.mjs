// First-load benchmark: how soon a student on a school's connection, with a slow laptop, can use
// the app (not a *.test.mjs file: the test run does not pick it up; it prints figures and asserts
// nothing).
//
// The build is served gzipped (Node's zlib, its default level 6), as static hosts serve it. Each run
// opens the app in a new context with an empty cache, with the network and the CPU emulated
// through the DevTools protocol (by default 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, the CPU
// 4x slower: Lighthouse's "slow 4G" figures). From the start of the navigation (the page's
// performance.now()) it records when the epoch readout first shows a number ("ready"), then at once
// clicks Play with a real mouse click (the browser's input, through the DevTools protocol) and
// records when the click is answered: the play button says Pause or the epoch counts ("usable").
// The few ms between ready and the click are the harness's own.
// It also prints the size of every file in the build, raw and gzipped, and the bytes transferred.
//
// Usage: node bench-load.mjs [--runs N] [--json FILE] [--dist DIR ... | --compare DIR_A DIR_B]
//                            [--down KBIT_S] [--up KBIT_S] [--latency MS] [--cpu RATE] [--timeout S]
// Exit code 1 if a page fails (a page or console error) or is not usable within the timeout,
// 2 on bad arguments.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  LAPTOP, launchBrowser, serveDist, openPage, tid, withTimeout, benchArgs, interleaved, medians, median,
  textTable, fmt,
} from './harness.mjs';

const USAGE = `usage: node bench-load.mjs [--runs N] [--json FILE] [--dist DIR ... | --compare DIR_A DIR_B]
                          [--down KBIT_S] [--up KBIT_S] [--latency MS] [--cpu RATE] [--timeout S]`;

/** Targets of issue 14: the wasm at most 350 KB gzipped, usable within 4 s. */
const TARGET = { wasmGzipBytes: 350_000, usableMs: 4000 };

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** Every file of a build (recursively), raw and gzipped, largest first: [{ file, raw, gzip }]. */
function distSizes(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const bytes = fs.readFileSync(full);
        out.push({ file: path.relative(dir, full), raw: bytes.length, gzip: zlib.gzipSync(bytes).length });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => b.raw - a.raw);
}

/**
 * The wasm that a browser with SIMD loads (the build also has `nn-playground-nosimd-*_bg.wasm`,
 * for browsers without SIMD; an older build has only the one).
 */
const simdWasm = (sizes) => sizes.find((f) => f.file.endsWith('.wasm') && !f.file.includes('-nosimd-'));

/**
 * In every new document, before its own scripts: note (in performance.now() ms from the start of
 * the navigation) when the epoch readout first shows a number, and tell the harness at once
 * where the play button is (through the binding `__benchReady`, so that the click does not wait
 * for a poll); then note when a pointer goes down (the event's own time stamp, when the browser
 * sent it) and when the play button then says Pause or the epoch counts.
 */
function watchLoad({ epoch, play }) {
  const t = (window.__benchLoad = { ready: null, pressed: null, answered: null });
  const number = (el) => (el ? parseFloat(el.textContent.replace(/[,\s\u2009\u202f]/g, '')) : NaN);
  const check = () => {
    const now = performance.now();
    const e = number(document.querySelector(epoch));
    const button = document.querySelector(play);
    if (t.ready == null && Number.isFinite(e) && button) {
      t.ready = now;
      const b = button.getBoundingClientRect();
      window.__benchReady?.({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
    }
    if (t.pressed != null && t.answered == null && (button?.getAttribute('aria-label') === 'Pause' || e > 0)) {
      t.answered = now;
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  addEventListener('pointerdown', (ev) => (t.pressed ??= ev.timeStamp), true);
}

/** In the page: the navigation's and every resource's timing, for the report. */
function timingsInPage() {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  return {
    htmlMs: nav?.responseEnd,
    loadEventMs: nav?.loadEventEnd || null,
    transferred: (nav?.transferSize ?? 0) + res.reduce((s, r) => s + r.transferSize, 0),
    requests: 1 + res.length,
    wasmMs: res.find((r) => r.name.endsWith('.wasm'))?.responseEnd ?? null,
  };
}

/**
 * One first load of `baseUrl` under `net`: { usableMs, readyMs, clickMs, answerMs, wasmMs, htmlMs,
 * loadEventMs, transferred, requests }.
 */
async function measure(browser, baseUrl, net) {
  let cdp;
  let onReady;
  const ready = new Promise((resolve) => (onReady = resolve));
  const app = await openPage(browser, `${baseUrl}/`, {
    viewport: LAPTOP,
    waitForApp: false,
    waitUntil: 'commit',
    beforeGoto: async (page, context) => {
      cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: net.latency,
        downloadThroughput: (net.down * 1000) / 8,
        uploadThroughput: (net.up * 1000) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: net.cpu });
      await page.exposeFunction('__benchReady', onReady);
      await page.addInitScript(watchLoad, { epoch: tid('epoch'), play: tid('play') });
    },
  });
  const { page } = app;
  const timeout = net.timeout * 1000;
  // Fails at once on a page error instead of waiting for the timeout.
  const guard = (promise, what) =>
    withTimeout(
      Promise.race([
        promise,
        new Promise((_, reject) => page.on('pageerror', (e) => reject(new Error(`page error: ${e}`)))),
      ]),
      timeout,
      what,
    );
  try {
    const { x, y } = await guard(ready, 'the epoch readout to show a number');
    // A plain click at once, as the protocol sends it (Playwright's own click first waits for
    // the button to be stable over animation frames).
    const mouse = (type) => cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    await Promise.all([mouse('mouseMoved'), mouse('mousePressed'), mouse('mouseReleased')]);
    await guard(page.waitForFunction(() => window.__benchLoad.answered != null, null, { polling: 50, timeout }),
      'the app to answer a click on Play');
    const t = await page.evaluate(() => window.__benchLoad);
    if (app.pageErrors.length) throw new Error(`page error: ${app.pageErrors[0]}`);
    if (app.consoleErrors.length) throw new Error(`console error: ${app.consoleErrors[0]}`);
    return {
      usableMs: t.answered, readyMs: t.ready, clickMs: t.pressed - t.ready, answerMs: t.answered - t.pressed,
      ...(await page.evaluate(timingsInPage)),
    };
  } finally {
    await app.context.close().catch(() => {});
  }
}

const KEYS = ['usableMs', 'readyMs', 'clickMs', 'answerMs', 'wasmMs', 'htmlMs', 'transferred', 'requests'];

// ------------------------------------------------------------------ main
const { values: opts, builds } = benchArgs(
  {
    down: { type: 'string', default: '1600' },
    up: { type: 'string', default: '750' },
    latency: { type: 'string', default: '150' },
    cpu: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '60' },
  },
  USAGE,
);
const net = Object.fromEntries(['down', 'up', 'latency', 'cpu', 'timeout'].map((k) => [k, Number(opts[k])]));
if (Object.values(net).some((v) => !(v > 0))) {
  console.error(`--down, --up, --latency, --cpu and --timeout take positive numbers\n\n${USAGE}`);
  process.exit(2);
}

/** Print each build's files, raw and gzipped. */
function printSizes(builds) {
  for (const b of builds) {
    console.log(`\nbuild ${b.label}: ${b.dir} on ${b.url}`);
    const bytes = (n) => n.toLocaleString('en-US');
    const rows = b.sizes.map((f) => [f.file, bytes(f.raw), bytes(f.gzip), kb(f.gzip)]);
    console.log(textTable(['file', 'bytes', 'gzipped bytes', 'gzipped'], rows, { left: 1 }));
  }
}

/** The table of each build's medians (and sets `median` on each build), then the ratios to A. */
function report(builds, results, runs) {
  const s = (ms) => fmt(ms / 1000, 2);
  const a = results[builds[0].label].load;
  const ratio = (runs2, k) => fmt(median(runs2.map((r, i) => r[k] / a[i][k])), 2);
  const ratios = builds.slice(1).map((b) => {
    const r = results[b.label].load;
    const label = `${b.label}/${builds[0].label}`;
    const keys = ['transferred', 'wasmMs', 'readyMs', 'usableMs'];
    return [label, '', '', ...keys.map((k) => ratio(r, k)), '', '', ''];
  });
  const rows = builds.map((b) => {
    const m = (b.median = medians(results[b.label].load, KEYS));
    const wasm = simdWasm(b.sizes);
    const met = m.usableMs <= TARGET.usableMs && wasm?.gzip <= TARGET.wasmGzipBytes ? 'yes' : 'NO';
    return [
      b.label, wasm ? kb(wasm.raw) : '-', wasm ? kb(wasm.gzip) : '-', kb(m.transferred), s(m.wasmMs), s(m.readyMs),
      s(m.usableMs), fmt(m.clickMs, 0), fmt(m.answerMs, 0), met,
    ];
  });
  const headers = [
    'build', 'wasm', 'wasm gzipped', 'transferred', 'wasm arrived s', 'ready s', 'usable s', 'harness ms',
    'click→answer ms', 'met',
  ];
  return [
    `First load (median of ${runs} run${runs > 1 ? 's' : ''}; seconds from the start of the navigation):`,
    textTable(headers, [...rows, ...ratios], { left: 1 }),
    `target: wasm ≤ ${kb(TARGET.wasmGzipBytes)} gzipped and usable within ${TARGET.usableMs / 1000} s ` +
      `("harness ms": from ready to the click, the harness's own delay, inside "usable s")` +
      (builds.length > 1 ? `\nB/A: the median over the rounds of the ratio of the two builds' runs in the same round` : ''),
  ].join('\n');
}

const servers = [];
let browser;
let exitCode = 0;
try {
  for (const b of builds) {
    const server = await serveDist(b.dir, { gzip: true });
    servers.push(server);
    b.url = server.url;
    b.sizes = distSizes(b.dir);
  }
  browser = await launchBrowser();
  const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`First-load benchmark in headless Chromium ${browser.version()}, viewport ${LAPTOP.width}x${LAPTOP.height}:`);
  console.log(`  served gzipped; network ${net.down} kbit/s down, ${net.up} kbit/s up, ${net.latency} ms latency; ` +
    `CPU ${net.cpu}x slower`);
  console.log(`  machine: ${os.cpus().length} cores, load average ${loadBefore} (1, 5, 15 min); KB = 1000 bytes`);
  printSizes(builds);
  console.log('');
  const results = await interleaved(builds, [{ id: 'load' }], opts.runs, (b) => measure(browser, b.url, net),
    (b, s, run, m) => console.log(
      `  run ${run + 1}/${opts.runs}${builds.length > 1 ? ` build ${b.label}` : ''}: ` +
        `usable after ${fmt(m.usableMs / 1000, 2)} s (ready ${fmt(m.readyMs / 1000, 2)} s, ` +
        `wasm arrived ${fmt(m.wasmMs / 1000, 2)} s), ${kb(m.transferred)} transferred`,
    ));
  console.log(`\n${report(builds, results, opts.runs)}`);
  if (opts.json) {
    const out = {
      kind: 'load', date: new Date().toISOString(), chromium: browser.version(), viewport: LAPTOP, network: net,
      machine: { cores: os.cpus().length, loadBefore }, runs: opts.runs, target: TARGET,
      builds: builds.map(({ label, dir, sizes, median }) => ({ label, dir, sizes, median, runs: results[label].load })),
    };
    fs.writeFileSync(opts.json, JSON.stringify(out, null, 2) + '\n');
    console.log(`\nwritten: ${opts.json}`);
  }
} catch (err) {
  console.error(`bench-load: ${err.stack ?? err}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  for (const s of servers) await s.close();
}
process.exit(exitCode);
