// End-to-end tests of the built viewer (dist/, dist-samples/, dist-hostile/,
// dist-fault/) in the system Chromium.
//
//   npx playwright test                       (scripts/test runs it after the builds)
//   npx playwright test tests/e2e/print.test.mjs -g '打印全文'
//
// Env: CHROMIUM (the browser, default /usr/bin/chromium), GIR_DIST_DIR,
// GIR_SAMPLES_DIST_DIR, GIR_HOSTILE_DIST_DIR and GIR_FAULT_DIST_DIR (test another
// build). Servers: tests/e2e/fixtures.mjs.

import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './tests/e2e/helpers.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.test.mjs',
  // Failure screenshots; the tests' own PDFs go to tests/e2e/output/ itself.
  outputDir: 'tests/e2e/output/results',
  // A flaky test is a bug to fix, not to retry.
  retries: 0,
  forbidOnly: true,
  // Two workers on the 2-core machines this runs on: each drives one browser and
  // mostly waits on it, so the run takes about 1.2 minutes against 1.5 with one
  // worker, and ten runs in a row with both cores kept busy by other work all passed.
  workers: 2,
  // Three times the slowest test seen under full CPU load (18 s, axe on the sample
  // report): a slow machine is not a failure, a hung test still ends. Every wait in
  // the tests ends on a condition, none on a fixed delay.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
  },
});
