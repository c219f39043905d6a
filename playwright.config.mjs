// End-to-end tests of the built viewer (dist/, dist-samples/) in the system Chromium.
//
//   npx playwright test                       (scripts/test runs it after the builds)
//   npx playwright test tests/e2e/print.test.mjs -g '打印全文'
//
// Env: CHROMIUM (the browser, default /usr/bin/chromium), GIR_DIST_DIR and
// GIR_SAMPLES_DIST_DIR (test another build). Servers: tests/e2e/fixtures.mjs.

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
  // Two workers on the 2-core machines this runs on: each test mostly waits for its
  // browser (one renderer per worker), so a second worker nearly halves the run, and
  // under a fully loaded CPU the ten-run check passed with two. More workers than
  // cores only make the frame- and layout-timed tests slower, never faster.
  workers: 2,
  // Generous, because the machine may be busy with a Rust build: a slow load is not
  // a failure, and every wait in the tests ends on a condition, not on a timer.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
  },
});
