// TensorFlow Playground links, as the Playground writes them into its address bar, open
// the same experiment here: the controls show its settings, nothing errs, and training runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSession, tid, text, readNumber, waitForNumber, click, errorReport, screenshot,
} from './harness.mjs';

const session = useSession();

/** The Playground's full hash with `over` replacing some of its keys. */
function tfHash(over) {
  const base = {
    activation: 'tanh', batchSize: '10', dataset: 'circle', regDataset: 'reg-plane',
    learningRate: '0.03', regularizationRate: '0', noise: '0', networkShape: '4,2',
    seed: '0.80695', showTestData: 'false', discretize: 'false', percTrainData: '50',
    x: 'true', y: 'true', xTimesY: 'false', xSquared: 'false', ySquared: 'false',
    cosX: 'false', sinX: 'false', cosY: 'false', sinY: 'false', collectStats: 'false',
    problem: 'classification', initZero: 'false', hideText: 'false',
  };
  const all = { ...base, ...over };
  return '#' + Object.entries(all).map(([k, v]) => `${k}=${v}`).join('&');
}

const LINKS = [
  { name: 'circle', over: {}, dataset: 'circle', points: 500, layers: 2 },
  {
    name: 'spiral', dataset: 'spiral', points: 500, layers: 3,
    over: { dataset: 'spiral', activation: 'relu', learningRate: '0.01', networkShape: '8,6,4', sinX: 'true', sinY: 'true', noise: '10' },
  },
  { name: 'xor', dataset: 'xor', points: 500, layers: 1, over: { dataset: 'xor', activation: 'sigmoid', learningRate: '0.3', networkShape: '3', xTimesY: 'true' } },
  { name: 'gauss', dataset: 'gauss', points: 500, layers: 0, over: { dataset: 'gauss', networkShape: '', learningRate: '0.1' } },
  { name: 'reg-plane', dataset: 'reg-plane', points: 1200, layers: 2, over: { problem: 'regression', regDataset: 'reg-plane', activation: 'linear' } },
  { name: 'reg-gauss', dataset: 'reg-gauss', points: 1200, layers: 2, over: { problem: 'regression', regDataset: 'reg-gauss', networkShape: '6,3', learningRate: '0.01' } },
];

for (const link of LINKS) {
  test(`the Playground's ${link.name} link opens with its settings and trains`, async () => {
    const hash = tfHash(link.over);
    const app = await session().open(hash);
    const { page } = app;
    const want = { activation: 'tanh', learningRate: '0.03', ...link.over };
    assert.equal(await page.$eval(tid('activation'), (el) => el.value), want.activation);
    assert.equal(Number(await page.$eval(tid('learning-rate'), (el) => el.value)), Number(want.learningRate));
    assert.equal(await text(page, 'layer-count'), `${link.layers} hidden`);
    const active = await page.$eval(tid(`dataset-${link.dataset}`), (el) => el.classList.contains('active'));
    assert.ok(active, `the ${link.dataset} data set is chosen`);
    assert.equal(await readNumber(page, 'point-count'), link.points);
    assert.ok(Number.isFinite(await readNumber(page, 'test-loss')), 'a test loss is shown');

    await click(page, 'play');
    await waitForNumber(page, 'epoch', (v) => v >= 5, { what: 'training to run' });
    await click(page, 'play');
    assert.ok(Number.isFinite(await readNumber(page, 'train-loss')), 'the loss stays a number');
    if (link.name === 'spiral') await screenshot(page, 'tf-link-spiral.png');
    assert.deepEqual(app.consoleErrors, [], `console errors:\n${errorReport(app)}`);
    assert.deepEqual(app.pageErrors, [], `page errors:\n${errorReport(app)}`);
  });
}
