// Lighthouse 12.2.3, mobile, on the demo page served from the built files:
// accessibility 100, performance 95 or more, and no layout shift.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {lighthouseScores} from '../../scripts/lib/lighthouse.mjs';
import {serveBuilt} from './lib/pages.mjs';

let server;
let base;
before(async () => {
  ({server, url: base} = await serveBuilt());
});
after(() => server?.close());

test('the demo page scores accessibility 100, performance ≥ 95 and CLS 0 on mobile', async () => {
  const result = await lighthouseScores(`${base}/`, {categories: ['performance', 'accessibility']});
  const detail = `scores ${JSON.stringify(result.scores)}, CLS ${result.cls}, failing audits:\n  ${result.failing.join('\n  ')}`;
  assert.equal(result.scores.accessibility, 100, detail);
  assert.ok(result.scores.performance >= 95, detail);
  assert.ok(result.cls !== null && result.cls < 0.001, detail);
});
