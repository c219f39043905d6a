// Plain helpers for the end-to-end tests (and the bench): paths, the system
// Chromium, the seed report's text, waits and axe. The Playwright fixtures are in
// fixtures.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, expect } from '@playwright/test';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// GIR_DIST_DIR / GIR_SAMPLES_DIST_DIR (and GIR_HOSTILE_DIST_DIR / GIR_FAULT_DIST_DIR
// below) point the tests (and the bench) at another build.
export const distDir = process.env.GIR_DIST_DIR ? path.resolve(process.env.GIR_DIST_DIR) : path.join(repoRoot, 'dist');
export const samplesDir = process.env.GIR_SAMPLES_DIST_DIR
  ? path.resolve(process.env.GIR_SAMPLES_DIST_DIR)
  : path.join(repoRoot, 'dist-samples');
// The two test-only builds of the hostile-input tests (scripts/test builds them):
// the hostile dataset alone (GIR_REPORTS_DIRS=tests/fixtures/hostile), and the
// fault-injection build (choosing 字体 大 panics).
export const hostileDir = process.env.GIR_HOSTILE_DIST_DIR
  ? path.resolve(process.env.GIR_HOSTILE_DIST_DIR)
  : path.join(repoRoot, 'dist-hostile');
export const faultDir = process.env.GIR_FAULT_DIST_DIR
  ? path.resolve(process.env.GIR_FAULT_DIST_DIR)
  : path.join(repoRoot, 'dist-fault');
export const outputDir = path.join(repoRoot, 'tests', 'e2e', 'output');
export const seedFile = path.join(repoRoot, 'tests', 'fixtures', 'seed-nanfen-2017.txt');

export const SUB_PATH = '/xxgk/ndbg/2017/';
/** The benchmarks' slow phone (bench/run.mjs, bench/library.mjs): throughputs in bytes per second. */
export const SLOW_MOBILE = {
  name: 'slow mobile',
  description: '150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower, 360×740',
  viewport: { width: 360, height: 740 },
  network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 750_000 / 8 },
  cpuRate: 4,
};
/**
 * The `style-src` sources that allow the pages' inline styles (the viewer's screen
 * rules, the library's stylesheet: the same text in every build of this version): the
 * build writes them to gir-style-src.txt. Read from dist/; the other builds inline the
 * same rules.
 */
function styleHashSources() {
  const file = path.join(distDir, 'gir-style-src.txt');
  if (!fs.existsSync(file)) {
    // A build from before the inline styles (the bench may measure one): the policy
    // then allows no inline style, and a test of a current page reports the violation.
    console.warn(`${file} is missing: STRICT_CSP allows no inline style (run scripts/build)`);
    return '';
  }
  const sources = fs.readFileSync(file, 'utf8').trim();
  if (!/^'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}='$/.test(sources)) {
    throw new Error(`${file}: not two sha256 CSP sources: ${sources}`);
  }
  return sources;
}
/**
 * The policy from the embedding issue, sent as a response header by the test server:
 * no 'unsafe-inline' anywhere; the inline styles are allowed by their hashes alone.
 */
export const STRICT_CSP =
  `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src ${["'self'", styleHashSources()].filter(Boolean).join(' ')}; ` +
  "img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'";
export const TITLE = '南芬区2017年度政府信息公开工作报告';

/** The system Chromium (never a downloaded Playwright browser), for the config and the bench. */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * Where the first prerendered viewer mount of a built page's `html` is: `open` (the
 * index of its start tag), `inner` (just after it) and `close` (the index of its own
 * `</div>`), found by counting the <div>s inside it (report text is escaped, so a
 * "<div" in the page is always a tag). Null when the page has no mount.
 */
export function prerenderedMount(html) {
  const open = html.indexOf('<div class="gir" data-gir-viewer');
  if (open < 0) return null;
  const inner = html.indexOf('>', open) + 1;
  let depth = 1;
  for (const tag of html.slice(inner).matchAll(/<div\b|<\/div>/g)) {
    depth += tag[0] === '</div>' ? -1 : 1;
    if (depth === 0) return { open, inner, close: inner + tag.index };
  }
  return null;
}

/** Launch the system Chromium outside the test runner (bench/run.mjs). */
export function launchBrowser(options = {}) {
  return chromium.launch({ ...CHROMIUM_LAUNCH_OPTIONS, headless: true, ...options });
}

/**
 * Go to `url` (relative to the test's server) and wait until the viewer mount has
 * `state` ('hydrated' by default; 'rendered' for an empty mount, or null for "any state
 * at all") and the (CJK) fonts are in place, which text measurements need.
 */
export async function openViewer(page, url = '', { state = 'hydrated' } = {}) {
  await page.goto(url);
  const selector = state ? `[data-gir-viewer][data-gir-state="${state}"]` : '[data-gir-viewer][data-gir-state]';
  await page.waitForSelector(selector, { state: 'attached' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

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

/** The 字体 button labelled 大, 中 or 小. */
export const fontButton = (page, label) =>
  page.getByRole('group', { name: '字体' }).getByRole('button', { name: label, exact: true });

/**
 * Run axe-core (WCAG 2.1 A and AA) on the page and expect no violation. Also expects
 * axe to have judged the text contrast of at least half the visible elements with text
 * of their own (it judges about 90 % of them; the rest it cannot tell, e.g. text over
 * other text), so that a run that saw next to nothing cannot pass.
 */
export async function expectNoAxeViolations(page, { label = 'axe' } = {}) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const judged = (list) => list.find((rule) => rule.id === 'color-contrast')?.nodes.length ?? 0;
  const contrastJudged = judged(results.passes) + judged(results.incomplete) + judged(results.violations);
  const textElements = await page.evaluate(
    () =>
      [...document.querySelectorAll('body *')].filter(
        (el) => el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()),
      ).length,
  );
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes.map((n) => n.target).join(' ')}`);
  console.log(`# ${label}: ${results.violations.length} violations, contrast judged on ${contrastJudged} of ${textElements} text elements`);
  expect(contrastJudged, `elements whose text contrast axe judged, of ${textElements}`).toBeGreaterThanOrEqual(textElements / 2);
  expect(summary).toEqual([]);
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

export const SECTION_HEADING = /^[一二三四五六七八九十]+、/;

/** The numbered section headings (一、 二、 …) of the seed body, in published order. */
export function seedSectionHeadings() {
  return seedBodyLines().filter((l) => SECTION_HEADING.test(l));
}
