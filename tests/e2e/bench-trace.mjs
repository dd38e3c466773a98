// Where a frame goes: a Chromium trace over a few seconds of the app playing, summed by thread
// and by event, per frame. Used by `node bench-live.mjs --trace IDS`.
//
// The page marks the window it counts (performance.mark, so the marks are in the trace), counts
// its animation frames and, with a MutationObserver, the DOM mutations in that window. The trace's
// events are cut to the window and each event keeps only its self time (its duration less that of
// the events nested in it), so the times of a thread add up to its busy time and nothing counts
// twice. Threads are grouped into the page's own (the renderer's main thread) and the
// compositor's (the renderer's compositor thread, its raster workers, the display compositor).
// Without a GPU, the 2D canvases replay their recorded drawing (Skia, in software) on the main
// thread when the frame is handed over, inside LayerTreeHost::DoUpdateLayers: that is counted as
// the page's drawing, not as the compositor's work. Tracing slows the page: read the shares, not the frame rate, from a trace.
import { withTimeout } from './harness.mjs';

/** Chromium's timeline (what DevTools' Performance panel records), plus the compositor's own. */
export const TRACE_CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'v8.execute',
  'blink.user_timing',
  'blink',
  'cc',
  'viz',
  'gpu',
];
/** Added by `--trace-detail`: every Skia call (how the canvases' drawing is rasterized) and cc's layers. */
export const DETAIL_CATEGORIES = ['disabled-by-default-skia', 'disabled-by-default-cc.debug'];

/**
 * In the page: mark the window's start, count animation frames and DOM mutations for `ms`, mark
 * its end. Returns { ms, frames, mutations: { childList, attributes, characterData, added, removed } }.
 */
function observeInPage({ ms }) {
  return new Promise((resolve) => {
    const mutations = { childList: 0, attributes: 0, characterData: 0, added: 0, removed: 0 };
    const count = (records) => {
      for (const r of records) {
        mutations[r.type]++;
        mutations.added += r.addedNodes.length;
        mutations.removed += r.removedNodes.length;
      }
    };
    const observer = new MutationObserver(count);
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    let frames = -1; // the first callback starts the window
    let start = 0;
    const frame = (now) => {
      if (frames < 0) {
        start = performance.now();
        performance.mark('bench-trace-start');
      }
      frames++;
      if (performance.now() - start < ms) requestAnimationFrame(frame);
      else {
        performance.mark('bench-trace-end');
        count(observer.takeRecords());
        observer.disconnect();
        resolve({ ms: performance.now() - start, frames, mutations });
      }
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Trace `ms` of the playing `page` (with `detail`, Skia's calls too).
 * Returns { trace (the parsed JSON), window (observeInPage's) }.
 */
export async function recordTrace(browser, page, ms, { detail = false } = {}) {
  const categories = detail ? [...TRACE_CATEGORIES, ...DETAIL_CATEGORIES] : [...TRACE_CATEGORIES];
  await browser.startTracing(page, { categories });
  let window;
  try {
    window = await withTimeout(page.evaluate(observeInPage, { ms }), ms + 60_000, 'the traced window');
  } catch (err) {
    await browser.stopTracing().catch(() => {});
    throw err;
  }
  const buffer = await browser.stopTracing();
  return { trace: JSON.parse(buffer.toString('utf8')), window };
}

/** Thread groups, in the order printed: [label, test(thread name, is the page's renderer)]. */
const GROUPS = [
  ['renderer main thread (the page)', (t, ours) => ours && t === 'CrRendererMain'],
  ['renderer compositor thread', (t, ours) => ours && t === 'Compositor'],
  ['raster workers', (t, ours) => ours && t.startsWith('CompositorTileWorker')],
  ['display compositor (viz)', (t) => t === 'VizCompositorThread'],
  ['GPU main (software output)', (t) => t === 'CrGpuMain'],
  ['browser main thread', (t) => t === 'CrBrowserMain'],
];

/**
 * Kinds of the main thread's events (by name). The 2D canvases record their drawing calls and
 * rasterize them (Skia, in software here) when the frame is handed to the compositor, inside
 * LayerTreeHost::DoUpdateLayers: that time is the page's drawing, not the compositor's.
 */
const KINDS = [
  ['script (JS and WebAssembly, GC)', [
    'FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'V8.',
    'v8.', 'MinorGC', 'MajorGC', 'BlinkGC', 'GCEvent', 'ThreadState::', 'CpuProfiler', 'ParseHTML', 'XHR',
    'ResourceReceive', 'AsyncTask Run', 'BlinkScheduler_PerformMicrotaskCheckpoint', 'FrameRequestCallbackCollection',
  ]],
  ['style & layout', [
    'UpdateLayoutTree', 'RecalculateStyles', 'Layout', 'InvalidateLayout', 'ScheduleStyleRecalculation', 'HitTest',
    'IntersectionObserverController', 'Document::', 'StyleEngine', 'Element::', 'LocalFrameView::performLayout',
    'InlineNode::', 'Blink.ForcedStyleAndLayout', 'Blink.Layout', 'Blink.Style',
  ]],
  ["paint (the page's display lists)", [
    'PrePaint', 'Paint', 'UpdateLayer', 'Layerize', 'PictureLayer', 'RecordingSource', 'LocalFrameView::RunPaint',
    'Decode', 'ImageDecode', 'CullRectUpdate', 'Blink.PrePaint', 'Blink.Paint', 'Blink.CompositingInputs',
  ]],
  ['canvas drawing, rasterized at the frame (DoUpdateLayers)', [
    'LayerTreeHost::DoUpdateLayers', 'Sk', 'Canvas', 'ClientSharedImage',
  ]],
  ['commit (main waits while the compositor takes the frame)', ['Commit', 'ProxyMain::BeginMainFrame::commit']],
  ['frame and task bookkeeping (not traced further)', [
    'ThreadControllerImpl::RunTask', 'RunTask', 'ProxyMain::BeginMainFrame', 'BeginMainThreadFrame',
    'Receive mojo message', 'SimpleWatcher', 'ScheduledTasks', 'Scheduler::', 'WebFrameWidgetImpl::', 'PageAnimator::',
  ]],
];
/** The first kind with a prefix of `name` (so commit comes before ProxyMain::BeginMainFrame), or 'other'. */
const kindOf = (name) => KINDS.find(([, prefixes]) => prefixes.some((p) => name.startsWith(p)))?.[0] ?? 'other';

/** A shorter name: Skia's C++ signatures lose their types, pipeline steps gain their step. */
function eventName(e) {
  const sk = /^\S+ (Sk\w+::\w+)\(/.exec(e.name);
  if (sk) return sk[1];
  const step = e.args?.chrome_graphics_pipeline?.step;
  if (step) return `${e.name} (${step.replace(/^STEP_/, '').toLowerCase().replace(/_/g, ' ')})`;
  return e.name;
}

/** Timed events ({ name, pid, tid, ts, end } in µs) from 'X' events and matched 'B'/'E' pairs. */
function timedEvents(events) {
  const out = [];
  const open = new Map(); // "pid:tid" -> stack of 'B' events
  for (const e of events) {
    if (e.ph === 'X' && e.dur != null) out.push({ name: eventName(e), pid: e.pid, tid: e.tid, ts: e.ts, end: e.ts + e.dur });
    else if (e.ph === 'B') {
      const key = `${e.pid}:${e.tid}`;
      if (!open.has(key)) open.set(key, []);
      open.get(key).push(e);
    } else if (e.ph === 'E') {
      const b = open.get(`${e.pid}:${e.tid}`)?.pop();
      if (b) out.push({ name: eventName(b), pid: b.pid, tid: b.tid, ts: b.ts, end: e.ts });
    }
  }
  return out;
}

/**
 * Self time by event name, and busy time (outermost events), of one thread's events inside
 * [t0, t1] (µs). Events are nested by time; a child's overlap is taken from its parent.
 */
function selfTimes(events, t0, t1) {
  const clip = (e) => Math.max(0, Math.min(e.end, t1) - Math.max(e.ts, t0));
  const sorted = events.filter((e) => e.end > t0 && e.ts < t1).sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const stack = [];
  let busy = 0;
  for (const e of sorted) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    const end = parent ? Math.min(e.end, parent.end) : e.end; // a child never outlasts its parent
    const ev = { ...e, end };
    const own = clip(ev);
    self.set(e.name, (self.get(e.name) ?? 0) + own);
    if (parent) self.set(parent.name, self.get(parent.name) - own);
    else busy += own;
    stack.push(ev);
  }
  return { self, busy };
}

/**
 * Sum a parsed trace over the window that observeInPage marked. Returns { window, frames,
 * frameMs, groups: [{ label, threads, busyMs, self: [[name, ms]] }], kinds: [[kind, ms]] }
 * with every time in ms per frame.
 */
export function analyzeTrace(trace, window) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'))?.ts;
  const timed = timedEvents(events);
  const t0 = mark('bench-trace-start') ?? Math.min(...timed.map((e) => e.ts));
  const t1 = mark('bench-trace-end') ?? Math.max(...timed.map((e) => e.end));
  const threadName = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  }
  // The page's renderer: the process whose main thread did the most inside the window.
  const byThread = new Map();
  for (const e of timed) {
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const sums = new Map([...byThread].map(([key, evs]) => [key, selfTimes(evs, t0, t1)]));
  let ours = null;
  let most = -1;
  for (const [key, { busy }] of sums) {
    if (threadName.get(key) === 'CrRendererMain' && busy > most) [ours, most] = [key.split(':')[0], busy];
  }
  const frames = Math.max(1, window.frames);
  const perFrame = (us) => us / 1000 / frames;
  const groups = GROUPS.map(([label, test]) => {
    const self = new Map();
    let busy = 0;
    let threads = 0;
    for (const [key, s] of sums) {
      if (!test(threadName.get(key) ?? '', key.split(':')[0] === ours)) continue;
      threads++;
      busy += s.busy;
      for (const [name, us] of s.self) self.set(name, (self.get(name) ?? 0) + us);
    }
    const list = [...self].map(([name, us]) => [name, perFrame(us)]).sort((a, b) => b[1] - a[1]);
    return { label, threads, busyMs: perFrame(busy), self: list };
  });
  const kinds = new Map();
  for (const [name, ms] of groups[0].self) kinds.set(kindOf(name), (kinds.get(kindOf(name)) ?? 0) + ms);
  return {
    window, frames, frameMs: window.ms / frames, groups,
    kinds: [...kinds].sort((a, b) => b[1] - a[1]), marked: mark('bench-trace-start') != null,
  };
}

/** Print analyzeTrace's result: threads' busy time, the main thread's kinds and top events. */
export function printTrace(a, { top = 10 } = {}) {
  const row = (label, v, note = '') =>
    console.log(`    ${label.slice(0, 58).padEnd(58)} ${v.toFixed(2).padStart(7)} ` +
      `${`${Math.round((100 * v) / a.frameMs)}%`.padStart(5)}${note}`);
  const m = a.window.mutations;
  const total = m.childList + m.attributes + m.characterData;
  console.log(
    `  ${(a.window.ms / 1000).toFixed(1)} s, ${a.frames} animation frames, one every ${a.frameMs.toFixed(1)} ms ` +
      `while tracing; times are ms per animation frame, and % of its interval` +
      (a.marked ? '' : ' [no window marks in the trace: the whole trace is counted]'),
  );
  console.log(
    `  DOM mutations: ${total} (${(total / a.frames).toFixed(1)} a frame): childList ${m.childList}, ` +
      `attributes ${m.attributes}, characterData ${m.characterData}; nodes added ${m.added}, removed ${m.removed}`,
  );
  const [main, ...others] = a.groups;
  const compositor = others.slice(0, 4).reduce((sum, g) => sum + g.busyMs, 0);
  const idle = Math.max(0, a.frameMs - main.busyMs);
  console.log(
    `  the page: ${main.busyMs.toFixed(2)} ms busy on its main thread (idle ${idle.toFixed(2)}); ` +
      `the compositor: ${compositor.toFixed(2)} ms on its own threads (compositor, raster, viz, GPU main)`,
  );
  console.log(`  busy time by thread:`);
  for (const g of a.groups) if (g.threads) row(g.label, g.busyMs, g.threads > 1 ? `  (${g.threads} threads)` : '');
  console.log(`  the page's main thread by kind:`);
  for (const [kind, v] of a.kinds) row(kind, v);
  for (const g of a.groups.slice(0, 4)) {
    if (!g.threads) continue;
    console.log(`  ${g.label}, top events by self time:`);
    for (const [name, v] of g.self.slice(0, top)) row(name, v);
  }
}
