// Lighthouse 12.2.3 (13.x needs Node 22) on Debian's Chromium, mobile form factor.
// Throttling is stated, not left to defaults, so every run (the benchmark's and the test's) is
// the same: Lighthouse's simulated mobile slow 4G with a fixed CPU slowdown of ×4. The result
// carries the machine's benchmarkIndex, which says how fast the unthrottled machine was.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {throttling} from 'lighthouse/core/config/constants.js';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export const THROTTLING = {method: 'simulate', ...throttling.mobileSlow4G, cpuSlowdownMultiplier: 4};

export async function lighthouseScores(url, {categories = ['performance', 'accessibility', 'best-practices', 'seo']} = {}) {
  const chrome = await chromeLauncher.launch({chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags: FLAGS});
  try {
    const {method, ...settings} = THROTTLING;
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: categories,
      output: 'json',
      logLevel: 'error',
      formFactor: 'mobile',
      throttlingMethod: method,
      throttling: settings,
    });
    const lhr = result.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => `${a.id}: ${a.title}`);
    const metric = (id) => lhr.audits[id]?.numericValue ?? null;
    return {
      scores,
      cls: metric('cumulative-layout-shift'),
      lcpMs: metric('largest-contentful-paint'),
      fcpMs: metric('first-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      cpuSlowdownMultiplier: lhr.configSettings.throttling.cpuSlowdownMultiplier,
      throttlingMethod: lhr.configSettings.throttlingMethod,
      failing,
    };
  } finally {
    await chrome.kill();
  }
}
