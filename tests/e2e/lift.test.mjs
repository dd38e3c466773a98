// The 3D lift view: XOR with the inputs x1, x2 and x1·x2 and no hidden layer. Lifted by x1·x2,
// the classes lie above and below a plane, and training moves the plane until it splits them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSession, click, readNumber, text, tid, waitUntil, screenshot, errorReport, onScreen } from './harness.mjs';

const session = useSession();

/** An FNV-1a hash of the lift canvas's pixels, and how many of them are not white. */
async function liftFingerprint(page) {
  await onScreen(page, 'lift-canvas');
  return page.$eval(tid('lift-canvas'), (c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let hash = 0x811c9dc5;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      const px = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
      hash = Math.imul(hash ^ px, 0x01000193) >>> 0;
      if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) inked++;
    }
    return { hash, inked, width: c.width, height: c.height };
  });
}

test('XOR lifted by x1·x2 is split by the trained plane', async () => {
  const app = await session().open(
    '#dataset=xor&x=true&y=true&xTimesY=true&networkShape=&output=auto&seed=1&speed=5&learningRate=0.03',
  );
  const { page } = app;
  await page.locator(tid('lift-canvas')).scrollIntoViewIfNeeded();
  await waitUntil(async () => (await liftFingerprint(page)).inked > 1000, { what: 'the lift canvas drawn' });
  const before = await liftFingerprint(page);
  assert.ok(before.width > 100 && before.height > 100, `canvas ${before.width}×${before.height}`);
  await click(page, 'play');
  await waitUntil(async () => (await readNumber(page, 'epoch')) >= 150, { timeout: 20_000, what: '150 epochs' });
  await click(page, 'play');
  const after = await liftFingerprint(page);
  assert.notEqual(after.hash, before.hash, 'training moved the plane');
  const share = parseFloat((await text(page, 'lift-note')).match(/(\d+)%/)[1]);
  assert.ok(share >= 95, `the plane separates ${share}% of the training points`);
  await screenshot(page, 'lift-page.png');
  await page.locator(tid('lift-canvas')).screenshot({ path: new URL('./artifacts/lift.png', import.meta.url).pathname });
  // Turning the view redraws; "Front view" goes back to the same picture.
  await page.locator(tid('lift-yaw')).fill('-1');
  await waitUntil(async () => (await liftFingerprint(page)).hash !== after.hash, { what: 'a turned view' });
  await click(page, 'lift-reset-view');
  await waitUntil(async () => (await liftFingerprint(page)).hash === after.hash, { what: 'the front view again' });
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});

test('with hidden layers the points are lifted but no plane is claimed', async () => {
  const app = await session().open('#dataset=xor&xTimesY=true&networkShape=4&output=auto&seed=1');
  const { page } = app;
  await onScreen(page, 'lift-canvas');
  await waitUntil(async () => /hidden layers/.test(await text(page, 'lift-note')), { what: 'the note' });
  assert.ok((await liftFingerprint(page)).inked > 1000);
  const plain = await session().open('#dataset=xor&networkShape=4&output=auto&seed=1');
  assert.equal(await plain.page.locator(tid('lift-canvas')).count(), 0, 'no lift panel without x1·x2');
  assert.deepEqual(app.pageErrors, [], errorReport(app));
});
