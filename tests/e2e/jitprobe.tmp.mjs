import { chromium } from 'playwright-core';
import { serveDist } from './harness.mjs';
const srv = await serveDist();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
page.on('console', m => console.log('console:', m.type(), m.text().slice(0, 300)));
page.on('pageerror', e => console.log('pageerror', e));
await page.addInitScript(() => {
  const orig = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...a) {
    const p = orig.apply(this, a);
    console.log('instantiate', a[0]?.constructor?.name, a[0]?.byteLength);
    p.then(r => console.log('instantiated', Object.keys(r)), e => console.log('rejected', String(e)));
    return p;
  };
  const g = WebAssembly.Table.prototype.grow;
  WebAssembly.Table.prototype.grow = function (...a) { try { const r = g.apply(this, a); console.log('grow ok', r); return r; } catch (e) { console.log('grow failed', String(e)); throw e; } };
});
console.log(srv.url ?? srv);
await page.goto((srv.url ?? srv) + '/?bench');
await new Promise(r => setTimeout(r, 3000));
await browser.close(); srv.close?.(); process.exit(0);
