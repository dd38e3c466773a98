import { before, after } from 'node:test';
// Shared helpers for the end-to-end tests and the benchmarks (bench*.mjs):
// a static server for dist/ (gzipped if asked), headless Debian Chromium through playwright-core,
// error collection, readout polling, canvas coordinates and pixel fingerprints; for the
// benchmarks, quantiles, text tables, their command line and runs interleaved across builds.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
/** The built site (trunk build --release). E2E_DIST overrides it. */
export const DIST = path.resolve(process.env.E2E_DIST ?? path.join(REPO_ROOT, 'dist'));
/** Screenshots land here (gitignored). */
export const ARTIFACTS = path.join(HERE, 'artifacts');

/** Extent of the plot: x1 in [-6, 6] left→right, x2 in [-6, 6] bottom→top. */
export const DOMAIN = 6;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve `dir` on 127.0.0.1 on a free port with Node's own http module.
 * `/` (and any path without a file extension) answers index.html.
 * With `gzip`, files go out gzipped (Node's zlib at its default level, 6) to a browser that
 * accepts it, as static hosts serve them; each file is compressed once and kept.
 * Returns { url, close }.
 */
export async function serveDist(dir = DIST, { gzip = false } = {}) {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`${index} not found: build first with 'trunk build --release --offline'`);
  }
  const root = path.resolve(dir);
  const gzipped = new Map(); // file -> gzipped bytes
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = path.resolve(root, '.' + pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) && path.extname(pathname) === '') file = index; // SPA fallback
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const headers = {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-store',
      };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(fs.readFileSync(file)));
        const body = gzipped.get(file);
        const encoding = { 'content-length': body.length, 'content-encoding': 'gzip', vary: 'accept-encoding' };
        res.writeHead(200, { ...headers, ...encoding });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(200, headers);
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * Launch headless Debian Chromium (no browser download: executablePath is required), with
 * `args` added to its command line (e.g. '--js-flags=...').
 */
export async function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
}

/**
 * Start the static server and the browser once per test file.
 * Returns { url, browser, open(hashOrPath), close() }.
 */
export async function startSession() {
  const server = await serveDist();
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  const pages = [];
  return {
    url: server.url,
    browser,
    /** Open the app in a fresh context (empty storage). `suffix` is e.g. '#dataset=xor' or '/?bench'. */
    async open(suffix = '/', { waitForApp = true } = {}) {
      const app = await openPage(browser, server.url + (suffix.startsWith('#') ? '/' + suffix : suffix), {
        waitForApp,
      });
      pages.push(app);
      return app;
    },
    async close() {
      for (const { context } of pages) await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** The laptop's screen, 1366×768: the benchmarks' fixed viewport. */
export const LAPTOP = { width: 1366, height: 768 };

/**
 * Open `url` in a new browser context, collecting console errors and warnings and page errors.
 * `beforeGoto(page, context)` runs before the navigation (e.g. to set up network or CPU
 * emulation); `waitUntil` is Playwright's ('load', or 'commit' to return at once); `context` adds
 * options to the browser context's (e.g. `{ hasTouch: true, isMobile: true }`, `permissions`).
 * Returns { page, context, consoleErrors, consoleWarnings, pageErrors, failedRequests }.
 */
export async function openPage(
  browser,
  url,
  { waitForApp = true, viewport = { width: 1280, height: 900 }, beforeGoto, waitUntil = 'load', context: options = {} } = {},
) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const consoleErrors = [];
  const consoleWarnings = [];
  const pageErrors = [];
  const failedRequests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
    if (msg.type() === 'warning') consoleWarnings.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)));
  page.on('requestfailed', (req) => failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
  });
  try {
    if (beforeGoto) await beforeGoto(page, context);
    await page.goto(url, { waitUntil });
    if (waitForApp) await waitForApp_(page, { pageErrors });
  } catch (err) {
    await context.close().catch(() => {});
    throw err;
  }
  return { page, context, consoleErrors, consoleWarnings, pageErrors, failedRequests };
}

/**
 * Wait until the app has mounted: the plot (in digits mode, the drawing pad) is visible and the epoch readout shows a number.
 * Fails at once if the page throws (e.g. a Rust panic) while starting, or if the loader
 * (index.html) shows its message that the app did not load.
 */
async function waitForApp_(page, { pageErrors = [], timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  const check = () => {
    if (pageErrors.length) throw new Error(`the app failed to start: ${pageErrors.join('\n')}`);
  };
  const loaded = async () => {
    const message = await text(page, 'load-error');
    if (message != null) throw new Error(`the app did not load: ${message}`);
  };
  // The plot, or in digits mode (which has none) the drawing pad; then the epoch readout.
  for (const id of ['data-canvas', 'epoch']) {
    const shown = id === 'data-canvas' ? `${tid(id)}, ${tid('digit-pad')}` : tid(id);
    try {
      await waitUntil(
        async () => {
          check();
          await loaded();
          return page.locator(shown).first().isVisible();
        },
        { timeout: Math.max(0, deadline - Date.now()), what: `${tid(id)} to be visible` },
      );
    } catch (err) {
      check();
      throw err;
    }
  }
  let raw = null;
  await waitUntil(
    async () => {
      check();
      raw = await text(page, 'epoch');
      return Number.isFinite(parseReadout(raw));
    },
    { timeout: Math.max(0, deadline - Date.now()), what: 'the epoch readout to show a number' },
  ).catch((err) => {
    err.message += ` (last text: ${JSON.stringify(raw)})`;
    throw err;
  });
}
export { waitForApp_ as waitForApp };

/** CSS selector for a data-testid. */
export const tid = (id) => `[data-testid="${id}"]`;

/** Text of a data-testid element, or null when it is absent. */
export async function text(page, id) {
  const el = await page.$(tid(id));
  return el ? ((await el.textContent()) ?? '').trim() : null;
}

/** Parse a readout: parseFloat after removing thousands separators; NaN when absent/unparsable. */
export function parseReadout(s) {
  if (s == null) return NaN;
  return parseFloat(String(s).replace(/[,\u2009\u202f\s]/g, ''));
}

/** Numeric value of a readout (NaN when missing or not a number). */
export async function readNumber(page, id) {
  return parseReadout(await text(page, id));
}

/** Accuracy readout in percent: "97.5%" → 97.5, "97.5" → 97.5, "0.975" (a fraction) → 97.5. */
export async function readAccuracy(page, id) {
  const s = await text(page, id);
  const v = parseReadout(s);
  if (!Number.isFinite(v)) return NaN;
  return s.includes('%') || v > 1 ? v : v * 100;
}

/** Poll `fn` until it returns a truthy value; throw with `what` after `timeout` ms. */
export async function waitUntil(fn, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

/** Poll a numeric readout until `pred(value)` holds; returns the value. */
export async function waitForNumber(page, id, pred, { timeout = 10_000, interval = 100, what } = {}) {
  let value = NaN;
  let raw = null;
  try {
    await waitUntil(
      async () => {
        raw = await text(page, id);
        value = parseReadout(raw);
        return pred(value);
      },
      { timeout, interval, what: what ?? `readout '${id}'` },
    );
  } catch (err) {
    err.message += ` (last text of '${id}': ${JSON.stringify(raw)})`;
    throw err;
  }
  return value;
}

/** Wait until a numeric readout holds the same finite value for `quietMs`; returns it. */
export async function waitForStableNumber(page, id, { quietMs = 400, timeout = 10_000 } = {}) {
  let prev = NaN;
  let since = Date.now();
  return waitUntil(
    async () => {
      const v = await readNumber(page, id);
      if (!Number.isFinite(v) || v !== prev) {
        prev = v;
        since = Date.now();
        return false;
      }
      return Date.now() - since >= quietMs ? { value: v } : false;
    },
    { timeout, interval: 50, what: `readout '${id}' to settle` },
  ).then((r) => r.value);
}

/**
 * Press Play on an experiment whose learning rate is too large: waits for the status line's
 * divergence message, checks that training paused, then presses Reset and waits for epoch 0.
 */
export async function divergeThenReset(page) {
  await click(page, 'play');
  await waitUntil(async () => /diverged/.test(await text(page, 'status')), {
    timeout: 20_000,
    what: 'the divergence message',
  });
  const label = await page.getAttribute(tid('play'), 'aria-label');
  if (!/Play/.test(label)) throw new Error(`training did not pause after diverging: the button says ${label}`);
  await click(page, 'reset');
  await waitForNumber(page, 'epoch', (e) => e === 0);
}

/** Click a data-testid element (buttons). */
export async function click(page, id) {
  await page.click(tid(id), { timeout: 5_000 });
}

/** Clicks a data-testid element through the DOM, without scrolling the page to it (so a view
 *  scrolled on screen stays there while, say, Play is pressed). */
export async function tap(page, id) {
  await page.$eval(tid(id), (el) => el.click());
}

/** The plot's domain for most data sets: [-6, 6]². */
export const SQUARE = { x1: [-DOMAIN, DOMAIN], x2: [-DOMAIN, DOMAIN] };
/**
 * The view of small data (src/core/domain/fit.rs): the logic gates' corners of the unit square
 * are shown with a quarter of margin, so a test that clicks or reads pixels there passes this.
 */
export const GATES_VIEW = { x1: [-0.25, 1.25], x2: [-0.25, 1.25] };

/** Page (viewport) coordinates of the data point (x1, x2) on the data canvas showing `domain`. */
export async function canvasPoint(page, x1, x2, domain = SQUARE) {
  const box = await page.locator(tid('data-canvas')).boundingBox();
  if (!box) throw new Error('data-canvas has no bounding box');
  const [a, b] = domain.x1;
  const [c, d] = domain.x2;
  return {
    x: box.x + ((x1 - a) / (b - a)) * box.width,
    y: box.y + ((d - x2) / (d - c)) * box.height,
  };
}

/** Click the data canvas at the data point (x1, x2) of `domain`. */
export async function clickCanvasAt(page, x1, x2, domain = SQUARE) {
  const { x, y } = await canvasPoint(page, x1, x2, domain);
  await page.mouse.click(x, y);
}

/**
 * Runs `fn(image, arg)` in the page on the plot as one picture: its layers (every canvas with a
 * `data-z` in the plot's frame: heatmap, marks, points) drawn bottom to top at the size of the
 * data canvas. `image` is { width, height, data } like an ImageData; `fn` must be self-contained.
 */
export async function withPlotImage(page, fn, arg = null) {
  await onScreen(page, 'data-canvas');
  return page.evaluate(([src, arg]) => {
    const top = document.querySelector('[data-testid="data-canvas"]');
    const layers = [...top.parentElement.querySelectorAll('canvas[data-z]')]
      .sort((a, b) => Number(a.dataset.z) - Number(b.dataset.z));
    const out = document.createElement('canvas');
    out.width = top.width;
    out.height = top.height;
    const ctx = out.getContext('2d');
    for (const c of layers) ctx.drawImage(c, 0, 0, out.width, out.height);
    const image = ctx.getImageData(0, 0, out.width, out.height);
    // eslint-disable-next-line no-new-func
    return new Function(`return (${src})`)()(image, arg);
  }, [fn.toString(), arg]);
}

/** The colour of the plot picture at the data point (x1, x2) of `domain`, as [r, g, b]. */
export async function plotColorAt(page, x1, x2, domain = SQUARE) {
  return withPlotImage(page, (image, { x1, x2, domain }) => {
    const [a, b] = domain.x1;
    const [c, d] = domain.x2;
    const px = Math.min(image.width - 1, Math.round(((x1 - a) / (b - a)) * image.width));
    const py = Math.min(image.height - 1, Math.round(((d - x2) / (d - c)) * image.height));
    const i = (py * image.width + px) * 4;
    return [image.data[i], image.data[i + 1], image.data[i + 2]];
  }, { x1, x2, domain });
}

/**
 * Whether the heatmap shows the model's own predictions now: on a 12 × 12 grid of the heatmap's
 * cells, each cell's colour (on the bottom layer, one pixel per cell) is the colour of the
 * prediction that window.wasmBindings.probe_predict reads from the trainer at the cell's centre,
 * within 2 per channel; and the decision line (the marks layer) has no ink where every
 * neighbouring cell is sure of its class. The palette is the app's (render/colors.rs,
 * render/heatmap.rs), written out here. Returns { ok, checked, worst, ... }.
 */
export async function heatmapIsModel(page, domain = SQUARE) {
  await onScreen(page, 'data-canvas');
  return page.evaluate((domain) => {
    const NEUTRAL = [246, 246, 246];
    const CLASS = [[230, 159, 0], [0, 114, 178], [0, 158, 115], [213, 94, 0], [204, 121, 167], [86, 180, 233]];
    const STRENGTH = 0.75;
    const mix = (a, b, t) => {
      t = Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
      return a.map((x, k) => Math.trunc(x + (b[k] - x) * t + 0.5));
    };
    const diverging = (v) => (v >= 0 ? mix(NEUTRAL, CLASS[1], v) : mix(NEUTRAL, CLASS[0], -v));
    const colour = (out, regression) => {
      if (regression) return diverging(out[0] * STRENGTH);
      if (out.length === 1) return diverging((2 * out[0] - 1) * STRENGTH);
      const acc = [0, 1, 2].map((ch) => out.reduce((s, p, k) => s + p * CLASS[k][ch], 0));
      const blended = acc.map((v) => Math.min(255, Math.max(0, Math.round(v))));
      const k = out.length;
      const max = Math.max(...out);
      return mix(NEUTRAL, blended, ((max - 1 / k) / (1 - 1 / k)) * STRENGTH);
    };
    const heat = document.querySelector('[data-testid="plot-heat"]');
    const marks = document.querySelector('[data-testid="plot-marks"]');
    const res = heat.width;
    const cells = heat.getContext('2d').getImageData(0, 0, res, res).data;
    const regression = /regression/.test(location.hash);
    const predict = (row, col) => {
      const x1 = domain.x1[0] + ((col + 0.5) / res) * (domain.x1[1] - domain.x1[0]);
      const x2 = domain.x2[1] - ((row + 0.5) / res) * (domain.x2[1] - domain.x2[0]);
      return [...window.wasmBindings.probe_predict(x1, x2)];
    };
    let worst = { diff: 0 };
    let checked = 0;
    const step = Math.floor(res / 12);
    for (let row = step >> 1; row < res; row += step) {
      for (let col = step >> 1; col < res; col += step) {
        const out = predict(row, col);
        const want = colour(out, regression);
        const i = (row * res + col) * 4;
        const got = [cells[i], cells[i + 1], cells[i + 2]];
        const diff = Math.max(...got.map((g, k) => Math.abs(g - want[k])));
        if (diff > worst.diff) worst = { diff, row, col, got, want, out };
        checked += 1;
      }
    }
    // The decision line: no ink at cells where the cell and its neighbours are all sure.
    let strayInk = 0;
    const binary = !regression && predict(0, 0).length === 1;
    if (binary && marks) {
      const ink = marks.getContext('2d').getImageData(0, 0, marks.width, marks.height).data;
      for (let row = 2; row < res; row += 6) {
        for (let col = 2; col < res; col += 6) {
          const near = [-2, -1, 0, 1, 2];
          const sure = near.every((dr) => near.every((dc) => Math.abs(predict(row + dr, col + dc)[0] - 0.5) > 0.3));
          if (!sure) continue;
          const px = Math.round(((col + 0.5) / res) * marks.width);
          const py = Math.round(((row + 0.5) / res) * marks.height);
          if (ink[(py * marks.width + px) * 4 + 3] > 0) strayInk += 1;
        }
      }
    }
    return { ok: worst.diff <= 2 && strayInk === 0 && checked > 100, checked, worst, strayInk, res };
  }, domain);
}

/**
 * Scrolls the element with test id `id` to the middle of the screen and waits a few frames.
 * The app does not draw a view that is off screen; it draws it from the current state when
 * it comes on screen. So a test reads a view's pixels the way a person sees them: on screen.
 */
export async function onScreen(page, id) {
  await page.$eval(tid(id), (el) => el.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => new Promise((r) => {
    let n = 0;
    const f = () => (++n < 3 ? requestAnimationFrame(f) : r());
    requestAnimationFrame(f);
  }));
}

/** Every neuron map's pixels, in order, as arrays (for comparing two pages). */
export async function neuronMaps(page) {
  await onScreen(page, 'neuron-0-0');
  return page.$$eval('canvas[data-testid^="neuron-"]', (canvases) =>
    canvases.map((c) => [...c.getContext('2d').getImageData(0, 0, c.width, c.height).data]),
  );
}

/**
 * Fingerprint of the pixels of the plot's layers (the data canvas and the canvases stacked
 * with it): an FNV-1a hash plus simple statistics.
 */
export async function canvasFingerprint(page) {
  await onScreen(page, 'data-canvas');
  return page.$eval(tid('data-canvas'), (el) => {
    // The plot's layers (canvases with a data-z beside the data canvas), or the canvas alone.
    const layered = el.parentElement ? [...el.parentElement.querySelectorAll('canvas[data-z]')] : [];
    const canvases = layered.length ? layered : el.tagName === 'CANVAS' ? [el] : [...el.querySelectorAll('canvas')];
    let hash = 0x811c9dc5;
    let opaque = 0;
    let total = 0;
    const colors = new Set();
    for (const c of canvases) {
      if (!c.width || !c.height) continue;
      let data;
      const ctx = c.getContext('2d');
      if (ctx) {
        data = ctx.getImageData(0, 0, c.width, c.height).data;
      } else {
        // Not a 2D canvas (e.g. WebGL): copy it onto a 2D one to read it.
        const tmp = document.createElement('canvas');
        tmp.width = c.width;
        tmp.height = c.height;
        tmp.getContext('2d').drawImage(c, 0, 0);
        data = tmp.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      }
      for (let i = 0; i < data.length; i += 4) {
        const px = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
        hash = Math.imul(hash ^ px, 0x01000193) >>> 0;
        if (data[i + 3] !== 0) opaque++;
        if (colors.size < 4096) colors.add(px);
      }
      total += c.width * c.height;
    }
    return { canvases: canvases.length, hash, opaque, total, distinctColors: colors.size };
  });
}

/** The URL hash without the leading '#', parsed. */
export async function hashParams(page) {
  const h = await page.evaluate(() => window.location.hash.replace(/^#/, ''));
  return new URLSearchParams(h);
}

/**
 * Trains the open experiment `epochs` epochs with Step (calling `afterFirstStep` once the first
 * is asked for), then returns the weights in the link of "Share with weights".
 */
export async function trainAndShareWeights(page, epochs, { afterFirstStep = async () => {} } = {}) {
  await click(page, 'step');
  await afterFirstStep();
  for (let i = 1; i < epochs; i++) await click(page, 'step');
  await waitForNumber(page, 'epoch', (v) => v === epochs, { what: `${epochs} epochs` });
  await click(page, 'share-weights');
  let params = null;
  await waitUntil(
    async () => {
      const link = await page.$eval(tid('link-field'), (el) => el.value);
      params = new URLSearchParams(link.split('#')[1] ?? '').get('params');
      return params;
    },
    { what: 'the link with weights' },
  );
  return params;
}

/** Save a full-page screenshot into tests/e2e/artifacts/NAME. */
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A PNG file's pixels (an exported picture), decoded here in Node: { width, height, data } with
 * `data` RGBA, 4 bytes a pixel, rows top to bottom, like an ImageData. Reads 8-bit RGB or RGBA,
 * not interlaced (what a canvas's toBlob writes); throws on anything else.
 */
export function decodePng(bytes) {
  const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG file');
  let width = 0, height = 0, channels = 0;
  const idat = [];
  for (let at = 8; at < bytes.length;) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      const [depth, colour, interlace] = [body[8], body[9], body[12]];
      channels = { 2: 3, 6: 4 }[colour];
      if (depth !== 8 || !channels || interlace !== 0) {
        throw new Error(`PNG not read here: bit depth ${depth}, colour type ${colour}, interlace ${interlace}`);
      }
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0;
      const c = i >= channels ? up[i - channels] : 0;
      const b = up[i];
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const guess = [0, a, b, (a + b) >> 1, paeth][filter];
      if (guess === undefined) throw new Error(`PNG row ${y}: unknown filter ${filter}`);
      out[i] = (line[i] + guess) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < rows.length; i += channels, j += 4) {
    data.set(rows.subarray(i, i + 3), j);
    data[j + 3] = channels === 4 ? rows[i + 3] : 255;
  }
  return { width, height, data };
}

/** How many pixels of `image` ({ width, height, data } RGBA) in the box x, y, w, h pass `pred(r, g, b)`. */
export function countPixels(image, [x, y, w, h], pred) {
  let n = 0;
  for (let row = y; row < y + h; row++) {
    for (let i = (row * image.width + x) * 4, end = i + w * 4; i < end; i += 4) {
      if (pred(image.data[i], image.data[i + 1], image.data[i + 2])) n++;
    }
  }
  return n;
}

/** One-line summary of what went wrong in the page, for assertion messages. */
export function errorReport(app) {
  return JSON.stringify(
    { consoleErrors: app.consoleErrors, pageErrors: app.pageErrors, failedRequests: app.failedRequests },
    null,
    2,
  );
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Reject with "timed out after MS ms: WHAT" if `promise` has not settled within `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ------------------------------------------------------------------ benchmark helpers

/** The q-quantile (0..1) of numbers, by linear interpolation; NaN for none. */
export function quantile(values, q) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!xs.length) return NaN;
  const i = (xs.length - 1) * q;
  const lo = Math.floor(i);
  return xs[lo] + (xs[Math.min(lo + 1, xs.length - 1)] - xs[lo]) * (i - lo);
}
export const median = (values) => quantile(values, 0.5);

/** A number with `digits` decimals, or '-' when it is missing or not finite. */
export const fmt = (v, digits = 1) =>
  typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : String(v ?? '-');

/**
 * Rows as a plain aligned text table: left-aligned columns are the first `left` or, given an
 * array, those at its indexes; the others are right-aligned.
 */
export function textTable(headers, rows, { left = 2 } = {}) {
  const isLeft = (i) => (Array.isArray(left) ? left.includes(i) : i < left);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (isLeft(i) ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * The benchmarks' command line: Node's parseArgs over `options` plus the shared ones,
 * `--runs N`, `--json FILE`, `--help` and the builds, `--dist DIR` (repeatable) or
 * `--compare DIR_A DIR_B` (the same as `--dist DIR_A --dist DIR_B`). Without either, the
 * build is dist/ (or E2E_DIST). Prints `usage` and exits 0 on --help, 2 on a bad argument.
 * Returns { values, builds: [{ label, dir }] } with labels A, B, … (or 'dist' for one build).
 */
export function benchArgs(options, usage, argv = process.argv.slice(2)) {
  const expanded = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--compare') expanded.push(argv[i]);
    else if (!argv[i + 1] || !argv[i + 2] || argv[i + 1].startsWith('--') || argv[i + 2].startsWith('--')) {
      console.error(`--compare needs two directories\n\n${usage}`);
      process.exit(2);
    } else expanded.push('--dist', argv[++i], '--dist', argv[++i]);
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: expanded,
      options: {
        ...options,
        runs: { type: 'string', default: '3' },
        json: { type: 'string' },
        dist: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    console.error(`${err.message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  values.runs = Number(values.runs);
  if (!Number.isInteger(values.runs) || values.runs < 1) {
    console.error(`--runs must be a whole number of at least 1\n\n${usage}`);
    process.exit(2);
  }
  const dirs = values.dist ?? [DIST];
  const builds = dirs.map((dir, i) => ({
    label: dirs.length === 1 ? 'dist' : String.fromCharCode(65 + i),
    dir: path.resolve(dir),
  }));
  return { values, builds };
}

/**
 * Run `measure(build, scenario, run)` `runs` times for every scenario and build, interleaved
 * so that a slow minute of a shared machine falls on all builds alike: round by round, each
 * scenario in turn, the builds alternating in order (A B, then B A, …). Returns
 * results[build.label][scenario.id] = [metrics of each run]. `log` gets a line per run.
 */
export async function interleaved(builds, scenarios, runs, measure, log = () => {}) {
  const results = Object.fromEntries(builds.map((b) => [b.label, Object.fromEntries(scenarios.map((s) => [s.id, []]))]));
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? [...builds].reverse() : builds;
    for (const scenario of scenarios) {
      for (const build of order) {
        const metrics = await measure(build, scenario, run);
        results[build.label][scenario.id].push(metrics);
        log(build, scenario, run, metrics);
      }
    }
  }
  return results;
}

/** For each key of `keys`, the median over the runs' metrics objects. */
export function medians(runs, keys) {
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
}

/**
 * One session for the whole test file: registers node:test's before/after hooks that start it
 * and close it, and returns a getter for it.
 */
export function useSession() {
  let session;
  before(async () => {
    session = await startSession();
  });
  after(async () => {
    await session?.close();
  });
  return () => session;
}
