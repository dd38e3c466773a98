// A page for every browser (index.html's loader): a browser with WebAssembly SIMD gets the SIMD
// build, one without it gets the build without SIMD (.ci/build-nosimd) and trains on it, and a
// browser that can run neither, or a download that fails, gets a message on the page instead of a
// blank one. Chromium without SIMD: `--js-flags=--no-enable-sse4-1` (V8 on x64 needs SSE4.1 for
// WebAssembly SIMD, so it then reports SIMD as unsupported; `--no-experimental-wasm-simd` and
// `--no-wasm-simd` no longer do anything in Chromium 156).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDist, launchBrowser, openPage, waitForApp, tid, text, click, readNumber, waitForNumber,
  waitUntil, canvasFingerprint, trainAndShareWeights, screenshot, errorReport,
} from './harness.mjs';

/** A function returning i8x16.popcnt(i8x16.splat(0)): valid only where WebAssembly SIMD is. */
const SIMD_MODULE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253,
  15, 253, 98, 11];
const NO_SIMD_FLAGS = ['--js-flags=--no-enable-sse4-1'];
const XOR = '#dataset=xor&networkShape=4&activation=tanh&learningRate=0.03&batchSize=10&seed=1';

let server;
let browser; // Chromium as it is
let noSimd; // Chromium with SIMD turned off
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  noSimd = await launchBrowser({ args: NO_SIMD_FLAGS });
});
after(async () => {
  await browser?.close().catch(() => {});
  await noSimd?.close().catch(() => {});
  await server?.close();
});

/** Opens `suffix` in `b`, noting every wasm file the page asks for in `app.wasmRequests`. */
async function open(b, suffix = '/', { waitForApp: wait = true, beforeGoto } = {}) {
  const wasmRequests = [];
  const app = await openPage(b, server.url + suffix, {
    waitForApp: false,
    beforeGoto: async (page, context) => {
      page.on('request', (req) => {
        if (new URL(req.url()).pathname.endsWith('.wasm')) wasmRequests.push(new URL(req.url()).pathname);
      });
      if (beforeGoto) await beforeGoto(page, context);
    },
  });
  app.wasmRequests = wasmRequests;
  try {
    if (wait) await waitForApp(app.page, { pageErrors: app.pageErrors });
  } catch (err) {
    await app.context.close().catch(() => {});
    throw err;
  }
  return app;
}

/** Waits for the loader's message and returns its kind and text. */
async function loadError(app) {
  const { page } = app;
  await page.waitForSelector(tid('load-error'), { state: 'visible', timeout: 15_000 });
  return { kind: await page.getAttribute(tid('load-error'), 'data-kind'), text: await text(page, 'load-error') };
}

const isNoSimd = (p) => /\/nn-playground-nosimd-[0-9a-f]+_bg\.wasm$/.test(p);
const isSimd = (p) => /\/nn-playground-[0-9a-f]+_bg\.wasm$/.test(p);

test('Chromium with SIMD loads the SIMD build, and the app runs', async () => {
  const app = await open(browser, '/');
  const { page } = app;
  assert.equal(await page.evaluate((b) => WebAssembly.validate(new Uint8Array(b)), SIMD_MODULE), true);
  assert.equal(app.wasmRequests.length, 1, `wasm requests: ${app.wasmRequests}`);
  assert.ok(isSimd(app.wasmRequests[0]), `the SIMD build's wasm, not ${app.wasmRequests[0]}`);
  assert.equal(await page.getAttribute('html', 'data-wasm-build'), 'simd');
  const fp = await canvasFingerprint(page);
  assert.ok(fp.opaque > 0 && fp.distinctColors > 1, `the plot is drawn: ${JSON.stringify(fp)}`);
  assert.equal(await page.$(tid('load-error')), null, 'no loader message');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
  assert.deepEqual(app.failedRequests, [], errorReport(app));
  // The loader preloads what it then uses (Chromium warns about a preload left unused).
  assert.deepEqual(app.consoleWarnings.filter((w) => /preload/i.test(w)), [], errorReport(app));
  await app.context.close();
});

test('Chromium without SIMD loads the build without SIMD, and the app trains', async () => {
  const app = await open(noSimd, XOR);
  const { page } = app;
  assert.equal(
    await page.evaluate((b) => WebAssembly.validate(new Uint8Array(b)), SIMD_MODULE),
    false,
    `${NO_SIMD_FLAGS} turns WebAssembly SIMD off`,
  );
  assert.equal(app.wasmRequests.length, 1, `wasm requests: ${app.wasmRequests}`);
  assert.ok(isNoSimd(app.wasmRequests[0]), `the build without SIMD, not ${app.wasmRequests[0]}`);
  assert.equal(await page.getAttribute('html', 'data-wasm-build'), 'nosimd');
  const epoch0 = await readNumber(page, 'epoch');
  await click(page, 'play');
  await waitForNumber(page, 'epoch', (v) => v > epoch0, { timeout: 10_000, what: 'epoch to advance after Play' });
  await click(page, 'play');
  await screenshot(page, 'nosimd-trained.png');
  // Its kernels are never compiled at run time (they are SIMD code).
  assert.equal(await page.getAttribute('html', 'data-compiled-kernels'), null);
  assert.equal(await page.$(tid('load-error')), null, 'no loader message');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  assert.deepEqual(app.consoleErrors, [], errorReport(app));
  assert.deepEqual(app.failedRequests, [], errorReport(app));
  assert.deepEqual(app.consoleWarnings.filter((w) => /kernel|preload/i.test(w)), [], errorReport(app));
  await app.context.close();
});

test('the build without SIMD (?nosimd) trains to the same weights as the SIMD build', async () => {
  const hash = '#dataset=circle&networkShape=4,2&activation=tanh&seed=4&batchSize=10';
  const weights = {};
  for (const [name, suffix] of [['simd', `/${hash}`], ['nosimd', `/?nosimd${hash}`]]) {
    const app = await open(browser, suffix);
    assert.equal(await app.page.getAttribute('html', 'data-wasm-build'), name);
    weights[name] = await trainAndShareWeights(app.page, 25);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  }
  assert.ok(weights.simd.length > 50, `weights in the link: ${weights.simd}`);
  assert.equal(weights.nosimd, weights.simd);
});

for (const [how, handle, name] of [
  ['is cut off (aborted)', (route) => route.abort('connectionreset'), 'aborted'],
  ['answers 404', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }), '404'],
  ['arrives truncated', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length >> 1) });
  }, 'truncated'],
]) {
  test(`a wasm download that ${how} shows a readable message`, async () => {
    const app = await open(browser, '/', {
      waitForApp: false,
      beforeGoto: (page) => page.route('**/*.wasm', handle),
    });
    const { kind, text: message } = await loadError(app);
    assert.equal(kind, 'download', message);
    assert.match(message, /failed to download: check your connection and reload/);
    await screenshot(app.page, `load-error-${name}.png`);
    assert.deepEqual(app.pageErrors, [], errorReport(app));
    await app.context.close();
  });
}

test('a browser without WebAssembly shows a readable message', async () => {
  const app = await open(browser, '/', {
    waitForApp: false,
    beforeGoto: (page) => page.addInitScript(() => delete window.WebAssembly),
  });
  const { kind, text: message } = await loadError(app);
  assert.equal(kind, 'no-wasm', message);
  assert.match(message, /can't run NN Playground: it has no WebAssembly/);
  assert.match(message, /Try a current Chrome, Firefox, Edge or Safari 15\+/);
  assert.deepEqual(app.wasmRequests, [], 'nothing to download');
  await screenshot(app.page, 'load-error-no-wasm.png');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
  await app.context.close();
});

test('a browser whose WebAssembly is too old shows a readable message', async () => {
  // Every module fails to validate, as in a browser from before bulk memory and reference types.
  const app = await open(browser, '/', {
    waitForApp: false,
    beforeGoto: (page) => page.addInitScript(() => (WebAssembly.validate = () => false)),
  });
  const { kind, text: message } = await loadError(app);
  assert.equal(kind, 'old-wasm', message);
  assert.match(message, /can't run NN Playground: its WebAssembly is too old/);
  assert.deepEqual(app.wasmRequests, [], 'nothing to download');
  await app.context.close();
});

test('an exception while the app starts shows a readable message', async () => {
  // The app's JavaScript glue, replaced by one whose start throws.
  const app = await open(browser, '/', {
    waitForApp: false,
    beforeGoto: (page) =>
      page.route(/\/nn-playground-[0-9a-f]+\.js$/, (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: 'export default async function () { throw new Error("no start today"); }',
        })),
  });
  const { kind, text: message } = await loadError(app);
  assert.equal(kind, 'start', message);
  assert.match(message, /failed to start\. Reload the page/);
  assert.match(message, /no start today/);
  await waitUntil(async () => (await app.page.$(tid('data-canvas'))) === null, { what: 'no app' });
  await app.context.close();
});

test('a build with no version without SIMD (trunk serve, debug) tells a browser without SIMD so', async () => {
  // index.html as a build that did not run .ci/build-nosimd leaves it: its names not filled in.
  const app = await open(noSimd, '/', {
    waitForApp: false,
    beforeGoto: (page) =>
      page.route(/\/$/, async (route) => {
        const response = await route.fetch();
        const body = (await response.text())
          .replace(/\/nn-playground-nosimd-[0-9a-f]+\.js/, '@NN_NOSIMD_JS@')
          .replace(/\/nn-playground-nosimd-[0-9a-f]+_bg\.wasm/, '@NN_NOSIMD_WASM@');
        await route.fulfill({ response, body });
      }),
  });
  const { kind, text: message } = await loadError(app);
  assert.equal(kind, 'no-plain-build', message);
  assert.match(message, /no WebAssembly SIMD, and this is a development build/);
  assert.deepEqual(app.wasmRequests, [], 'nothing to download');
  await app.context.close();
});
