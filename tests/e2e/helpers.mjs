// Shared helpers for the end-to-end tests (node:test + playwright-core + system Chromium).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export { startServer } from '../../scripts/static-server.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// GIR_DIST_DIR lets the harness be checked against another directory.
export const distDir = process.env.GIR_DIST_DIR ? path.resolve(process.env.GIR_DIST_DIR) : path.join(repoRoot, 'dist');
export const outputDir = path.join(repoRoot, 'tests', 'e2e', 'output');
export const seedFile = path.join(repoRoot, 'tests', 'fixtures', 'seed-nanfen-2017.txt');

export const CHROMIUM_PATH = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch the system Chromium (never a downloaded Playwright browser). */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
}

/**
 * Open `url` in a fresh context and record everything that went wrong.
 *
 * problems = {
 *   consoleErrors:   console messages of type 'error'
 *   consoleWarnings: console messages of type 'warning'
 *   pageErrors:      uncaught exceptions
 *   failedRequests:  requests that failed at network level, or answered with status >= 400
 *   foreignRequests: every request whose origin differs from the page's origin
 *   blockedScripts:  (JS disabled only) script fetches Chromium refused because JS is off
 * }
 * Returns { page, context, problems, close }.
 */
export async function openPage(
  browser,
  url,
  { viewport = { width: 1280, height: 900 }, javaScriptEnabled = true, waitForIdle = true, contextOptions = {} } = {},
) {
  const context = await browser.newContext({ viewport, javaScriptEnabled, locale: 'zh-CN', ...contextOptions });
  const page = await context.newPage();
  const pageOrigin = new URL(url).origin;
  const problems = {
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    failedRequests: [],
    foreignRequests: [],
    blockedScripts: [], // only with javaScriptEnabled: false (not a problem)
  };

  const describeLocation = (msg) => {
    const loc = msg.location?.();
    return loc && loc.url ? ` (${loc.url}:${loc.lineNumber}:${loc.columnNumber})` : '';
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text() + describeLocation(msg));
    else if (msg.type() === 'warning') problems.consoleWarnings.push(msg.text() + describeLocation(msg));
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err?.stack || err)));
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) return;
    let origin;
    try {
      origin = new URL(u).origin;
    } catch {
      origin = 'invalid';
    }
    if (origin !== pageOrigin) problems.foreignRequests.push(`${req.method()} ${u}`);
  });
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? 'failed';
    // With JavaScript disabled Chromium refuses script fetches (e.g. <link rel="modulepreload">)
    // and reports them as blocked by "csp": expected, not a defect of the page.
    if (!javaScriptEnabled && reason === 'csp' && req.resourceType() === 'script') {
      problems.blockedScripts.push(req.url());
      return;
    }
    problems.failedRequests.push(`${req.method()} ${req.url()}: ${reason}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
  });

  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) {
    problems.failedRequests.push(`GET ${url}: HTTP ${response ? response.status() : 'no response'}`);
  }
  if (waitForIdle) {
    await page.waitForLoadState('networkidle').catch(() => {});
  }
  // Text measurements need the (CJK) fonts in place.
  await page.evaluate(() => document.fonts?.ready?.then(() => undefined)).catch(() => {});

  const close = () => context.close();
  return { page, context, problems, response, close };
}

/** All recorded problems as one flat list of strings (warnings excluded). */
export function problemList(problems) {
  return [
    ...problems.consoleErrors.map((m) => `console error: ${m}`),
    ...problems.pageErrors.map((m) => `page error: ${m}`),
    ...problems.failedRequests.map((m) => `failed request: ${m}`),
    ...problems.foreignRequests.map((m) => `request to another origin: ${m}`),
  ];
}

/** The seed report as published (tests/fixtures/seed-nanfen-2017.txt). */
export function seedText() {
  return fs.readFileSync(seedFile, 'utf8');
}

/**
 * The report's body as published: the non-empty (trimmed) lines after the line
 * that starts with "发布时间" — headings, paragraphs and list items.
 */
export function seedBodyLines() {
  const lines = seedText().split(/\r?\n/);
  const start = lines.findIndex((l) => l.trimStart().startsWith('发布时间'));
  if (start < 0) throw new Error(`no line starting with 发布时间 in ${seedFile}`);
  return lines
    .slice(start + 1)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** The numbered section headings (一、 二、 …) of the seed body, in published order. */
export function seedSectionHeadings() {
  return seedBodyLines().filter((l) => SECTION_HEADING.test(l));
}
export const SECTION_HEADING = /^[一二三四五六七八九十]+、/;

/** Fail early with a clear message when dist/ has not been built. */
/**
 * Wait until the whole report shows 字体 `size` ('large', 'medium' or 'small'): after a
 * click the parts of the text on screen switch at once and the others a few per frame.
 */
export function waitForFontSize(page, size) {
  return page.waitForFunction(
    (size) =>
      document.querySelector(`.gir-report--font-${size}`) &&
      !document.querySelector(`.gir-part:not(.gir-part--font-${size})`),
    size,
  );
}

export function assertDistBuilt() {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`${index} is missing: run scripts/build first`);
  }
}

/** Run axe-core on the page; returns the violations array (empty is good). */
export async function axeViolations(page, { tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], exclude = [] } = {}) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  let builder = new AxeBuilder({ page }).withTags(tags);
  for (const sel of exclude) builder = builder.exclude(sel);
  const results = await builder.analyze();
  return results.violations;
}

/** Save a screenshot under tests/e2e/output/ (ignored by git); returns its path. */
export async function saveScreenshot(page, name) {
  fs.mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
