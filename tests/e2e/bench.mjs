// WASM benchmark driver (not a *.test.mjs file: the test run does not pick it up).
// Serves dist/ (built with `trunk build --release --offline`), opens /?bench in headless
// Chromium, waits up to 120 s for [data-testid="bench-results"] to hold JSON like
//   {"target":"wasm32","results":[{"name":"small","epochs_per_s":123.0,"frame_ms":1.23}, ...]}
// and prints it as a table. Exit code 1 on timeout, bad JSON or page errors.
// Usage: node bench.mjs [--json FILE] [--timeout SECONDS] [--nojit]
// (--nojit: without the training kernels compiled at run time, for comparison)
import fs from 'node:fs';
import { startSession, tid, text, waitUntil, screenshot, textTable, fmt } from './harness.mjs';

const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const jsonOut = argValue('--json');
const path = args.includes('--nojit') ? '/?bench&nojit' : '/?bench';
const timeoutMs = Number(argValue('--timeout') ?? 120) * 1000;

/** Parse the results element's text; null while it is not (yet) complete JSON. */
function parseResults(s) {
  try {
    const v = JSON.parse(s);
    return v && Array.isArray(v.results) ? v : null;
  } catch {
    return null;
  }
}

const session = await startSession();
let exitCode = 0;
try {
  const app = await session.open(path, { waitForApp: false });
  const { page } = app;
  console.log(`WASM benchmark: ${session.url}${path} in ${await app.context.browser().version()}`);
  const started = Date.now();
  let raw = null;
  let results;
  try {
    results = await waitUntil(
      async () => {
        if (app.pageErrors.length) throw new Error(`page error: ${app.pageErrors[0]}`);
        raw = await text(page, 'bench-results');
        return raw == null ? null : parseResults(raw);
      },
      { timeout: timeoutMs, interval: 250, what: `${tid('bench-results')} with JSON results` },
    );
  } catch (err) {
    await screenshot(page, 'bench-failed.png').catch(() => {});
    console.error(`bench: ${err.message}; last text: ${JSON.stringify(raw)}`);
    if (app.consoleErrors.length) console.error(`console errors:\n  ${app.consoleErrors.join('\n  ')}`);
    err.reported = true;
    throw err;
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);

  const target = results.target ?? 'wasm32';
  // Known columns first, then any other field the app reports (e.g. train_points).
  const known = ['name', 'epochs_per_s', 'frame_ms'];
  const extra = [...new Set(results.results.flatMap((r) => Object.keys(r)))].filter((k) => !known.includes(k));
  const headers = ['target', 'benchmark', 'epochs/s', 'frame ms', ...extra];
  const rows = results.results.map((r) => [
    target, r.name, fmt(r.epochs_per_s, 1), fmt(r.frame_ms, 3),
    ...extra.map((k) => (typeof r[k] === 'number' ? String(r[k]) : JSON.stringify(r[k] ?? null))),
  ]);
  console.log(`\nWASM benchmark results (${secs} s):`);
  console.log(textTable(headers, rows));
  console.log(`\nraw: ${JSON.stringify(results)}`);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
  if (app.consoleErrors.length) {
    console.error(`\nconsole errors during the benchmark:\n  ${app.consoleErrors.join('\n  ')}`);
    exitCode = 1;
  }
} catch (err) {
  if (!err.reported) console.error(`bench: ${err.stack ?? err}`);
  exitCode = 1;
} finally {
  await session.close();
}
process.exit(exitCode);
