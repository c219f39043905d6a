#!/usr/bin/env node
// Load and interaction benchmark: the hydrating Yew viewer (dist/) against the physical
// limit, a plain static HTML page of the same report (text and a few lines of CSS, no
// other request), and against today's baseline (the same prerendered page minus its
// scripts); the viewer mounted in the portal demo against that portal page without
// the viewer; and the viewer's bytes against an ECharts peer. See bench/README.md.
//
//   node bench/run.mjs [--runs N] [--profile all|slow|unthrottled]
//                                        (or: npm run bench; N defaults to 5)
//
// Benchmarks dist/ (or $GIR_DIST_DIR, like the e2e tests); run scripts/build first.
// Prints Markdown tables per network/CPU profile and writes the same text to
// bench/out/latest.md. Always exits 0 when the measurements could be taken, even if
// a target is missed: it is a benchmark, not a test.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/static-server.mjs';
import { sizeReport } from '../scripts/size-report.mjs';
import { SLOW_MOBILE, launchBrowser, distDir, repoRoot } from '../tests/e2e/helpers.mjs';
import { echartsPage, lastHeadingId, plainPage, portalPage, requireId } from './pages.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(benchDir, 'out');
const siteDirs = {
  viewer: path.join(outDir, 'viewer'), // dist/, copied: the viewer's page and the portal demo
  static: path.join(outDir, 'static'), // today's baseline: the prerendered page minus its scripts
  plain: path.join(outDir, 'plain'), // the plain page
  portalPlain: path.join(outDir, 'portal-plain'), // the portal demo without the viewer
  echarts: path.join(outDir, 'echarts'), // the ECharts peer
};

const JUMP_LINK = 'nav.gir-toc a[href="#sec-5"]';
const JUMP_TARGET_ID = 'sec-5';
const FONT_BUTTONS = '[role="group"][aria-label="字体"] button';
const FRAME_BUDGET_MS = 16;
const LOAD_TIMEOUT_MS = 120_000;
const QUIET_MS = 500; // the network counts as done after this long without activity
const ECHARTS_SCRIPT = 'echarts.min.js';

// Targets (issue 15, "First view at the physical limit").
const TEXT_VISIBLE_MAX = 1.1; // × the plain page's text visible
const HYDRATED_MAX = 2; // × the plain page's text visible
const LAYOUT_SHIFT_MAX = 0.01; // in every run
const ECHARTS_BYTES_MAX = 1 / 3; // × the ECharts peer's bytes transferred
const WASM_JS_BR_MAX = 100_000; // B, brotli 11: boot module + glue + wasm

const UNTHROTTLED = {
  name: 'unthrottled',
  description: 'no network or CPU throttling, 1280×900',
  viewport: { width: 1280, height: 900 },
  network: null,
  cpuRate: 1,
};
const PROFILES = { slow: [SLOW_MOBILE], unthrottled: [UNTHROTTLED], all: [SLOW_MOBILE, UNTHROTTLED] };

/**
 * The pages, in the order each run loads them (A B C …). `hydrates`: the page has a
 * viewer mount, and the load lasts until it is hydrated.
 */
const PAGES = [
  { key: 'viewer', site: 'viewer', file: 'index.html', hydrates: true },
  { key: 'plain', site: 'plain', file: 'index.html' },
  { key: 'baseline', site: 'static', file: 'index.html' },
  { key: 'echarts', site: 'echarts', file: 'index.html' },
  { key: 'portal', site: 'viewer', file: 'portal-demo.html', hydrates: true },
  { key: 'portalPlain', site: 'portalPlain', file: 'index.html' },
];

// ---------------------------------------------------------------------------
// The sites: the viewer build, and the reference pages built from its report's dataset

/** Copy the local files that `html`'s <link href="./…"> elements use from `from` to `to`. */
function copyLinkedFiles(html, from, to) {
  for (const [, href] of html.matchAll(/<link\b[^>]*\bhref=["']\.?\/?([^"':?#]+)["']/gi)) {
    fs.copyFileSync(path.join(from, href), path.join(to, path.basename(href)));
  }
}

/** Throws unless `html` links a favicon (otherwise Chromium requests /favicon.ico). */
function requireFavicon(html, page) {
  if (!/<link\b[^>]*\brel=["']?icon\b/i.test(html)) throw new Error(`${page}: links no favicon`);
  return html;
}

/**
 * Snapshot the build into bench/out/viewer/ (so that a rebuild of dist/ during the run
 * cannot mix two builds) and write the reference pages beside it, each in a folder of its
 * own: today's baseline (the same index.html without <script> elements, modulepreload and
 * preload links, plus the local files its remaining <link>s use), and, from the dataset
 * of the report the build shows (assets/reports/<id>.json), the plain page, the portal
 * demo without the viewer and the ECharts peer (bench/pages.mjs). Returns the report and
 * the id of the heading the probe waits for, checked to be in every page.
 */
function prepareSites() {
  for (const dir of Object.values(siteDirs)) fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(distDir, siteDirs.viewer, { recursive: true });
  for (const dir of Object.values(siteDirs)) fs.mkdirSync(dir, { recursive: true });

  const html = fs.readFileSync(path.join(siteDirs.viewer, 'index.html'), 'utf8');
  const reportId = html.match(/\bdata-gir-report="([^"]+)"/)?.[1];
  if (!reportId) throw new Error(`${distDir}/index.html has no data-gir-report mount (a library index?)`);
  const datasetFile = path.join(repoRoot, 'assets', 'reports', `${reportId}.json`);
  if (!fs.existsSync(datasetFile)) throw new Error(`no dataset ${datasetFile} for the build's report ${reportId}`);
  const report = JSON.parse(fs.readFileSync(datasetFile, 'utf8'));
  const headingId = lastHeadingId(report);
  const write = (site, name, text) => {
    requireFavicon(text, `${site}/${name}`);
    requireId(text, headingId, `${site}/${name}`);
    fs.writeFileSync(path.join(siteDirs[site], name), text);
  };

  requireFavicon(requireId(html, headingId, 'viewer/index.html'), 'viewer/index.html');
  const portalDemo = fs.readFileSync(path.join(siteDirs.viewer, 'portal-demo.html'), 'utf8');
  requireFavicon(requireId(portalDemo, headingId, 'viewer/portal-demo.html'), 'viewer/portal-demo.html');

  const stripped = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)\b[^>]*>\s*/gi, '');
  if (/<script\b|\.wasm\b|rel=["']?(?:modulepreload|preload)/i.test(stripped)) {
    throw new Error('static baseline still references scripts or preloads');
  }
  write('static', 'index.html', stripped);
  copyLinkedFiles(stripped, siteDirs.viewer, siteDirs.static);

  const plain = plainPage(report);
  if (/<script\b|<link\b(?![^>]*\bhref="data:)|\bsrc=|url\(/i.test(plain)) throw new Error('the plain page requests something');
  write('plain', 'index.html', plain);

  const template = fs.readFileSync(path.join(repoRoot, 'assets', 'demo', 'portal-demo.html'), 'utf8');
  const portal = portalPage(template, report);
  write('portalPlain', 'index.html', portal);
  copyLinkedFiles(portal, siteDirs.viewer, siteDirs.portalPlain);

  const echartsDir = path.join(repoRoot, 'node_modules', 'echarts');
  const echartsVersion = fs.existsSync(path.join(echartsDir, 'package.json'))
    ? JSON.parse(fs.readFileSync(path.join(echartsDir, 'package.json'), 'utf8')).version
    : null;
  if (!echartsVersion?.startsWith('6.')) throw new Error(`ECharts 6 not in node_modules (found ${echartsVersion}): run npm ci`);
  fs.copyFileSync(path.join(echartsDir, 'dist', ECHARTS_SCRIPT), path.join(siteDirs.echarts, ECHARTS_SCRIPT));
  write('echarts', 'index.html', echartsPage(report, ECHARTS_SCRIPT));

  return { report, headingId, echartsVersion };
}

// ---------------------------------------------------------------------------
// In-page probes (serialised into the page by Playwright; no closures over Node code)

/**
 * Installed in every page before any page script runs. Times are performance.now()
 * values, i.e. ms since navigation start.
 *
 * "Painted" below means: the frame's style, layout and paint have run. A task posted
 * from a requestAnimationFrame callback runs right after that frame's rendering (a rAF
 * callback alone runs before it, and for this page the rendering can take hundreds of
 * ms on a throttled CPU).
 *
 * window.__bench collects the load times:
 *   textVisible: the first frame in which the last section heading exists and has a
 *                non-zero box has been painted;
 *   interactive: the viewer mount first carries data-gir-state="hydrated".
 * window.__benchLayoutShift() returns the page's layout shift so far: the sum of the
 * `value` of its layout-shift entries without `hadRecentInput` (buffered, so shifts
 * before the observer existed count too), and the largest entry's value, time and
 * shifted nodes.
 *
 * window.__benchTimeAction(action, condition, timeoutMs) runs action() at the start of
 * a frame (in a rAF callback) and resolves with the ms until the first frame in which
 * condition() holds has been painted, or null after timeoutMs (window.__benchTimeSpread
 * does the same for a change spread over several frames). An effect applied
 * synchronously or in a microtask is rendered in that same frame, so the result is the
 * action's own work plus that frame's rendering, free of the random wait for the next
 * vsync; an effect that misses the frame costs at least one more frame interval.
 */
function installProbes({ headingId }) {
  // Resolves with the time of the first task after the current frame's rendering.
  const afterRender = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });

  // Resolves once the first frame in which condition() holds has been painted.
  const whenPainted = (condition, timeoutMs = Infinity) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const onFrame = () => {
        if (condition()) afterRender().then(resolve);
        else if (performance.now() - t0 > timeoutMs) resolve(null);
        else requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
    });

  // Resolves with { first, done, longestFrame }: ms from the action to the painted frame
  // in which firstDone() and then done() first held, and the longest frame on the way
  // (from a frame's start to the end of its rendering), or null after timeoutMs.
  window.__benchTimeSpread = (action, firstDone, done, timeoutMs) =>
    new Promise((resolve, reject) =>
      requestAnimationFrame(() => {
        const t0 = performance.now();
        let frameStart = t0;
        let first = null;
        let longestFrame = 0;
        const onRendered = (t1) => {
          longestFrame = Math.max(longestFrame, t1 - frameStart);
          if (first === null && firstDone()) first = t1 - t0;
          if (first !== null && done()) resolve({ first, done: t1 - t0, longestFrame });
          else if (t1 - t0 > timeoutMs) resolve(null);
          else
            requestAnimationFrame(() => {
              frameStart = performance.now();
              afterRender().then(onRendered);
            });
        };
        try {
          action();
        } catch (err) {
          reject(err);
          return;
        }
        afterRender().then(onRendered);
      }),
    );

  // A change shown in one frame: the time until condition() holds in a painted frame.
  window.__benchTimeAction = (action, condition, timeoutMs) =>
    window.__benchTimeSpread(action, condition, condition, timeoutMs).then((t) => t && t.first);

  const bench = (window.__bench = { textVisible: null, interactive: null });

  const shifts = { sum: 0, largest: null };
  const addShifts = (entries) => {
    for (const e of entries) {
      if (e.hadRecentInput) continue;
      shifts.sum += e.value;
      if (!shifts.largest || e.value > shifts.largest.value) {
        const name = (n) => (n ? `${n.localName ?? '#text'}${n.id ? `#${n.id}` : ''}${n.className && typeof n.className === 'string' ? `.${n.className.split(' ')[0]}` : ''}` : '?');
        shifts.largest = { value: e.value, time: e.startTime, nodes: (e.sources ?? []).map((s) => name(s.node)) };
      }
    }
  };
  const shiftObserver = new PerformanceObserver((list) => addShifts(list.getEntries()));
  shiftObserver.observe({ type: 'layout-shift', buffered: true });
  window.__benchLayoutShift = () => {
    addShifts(shiftObserver.takeRecords());
    return { ...shifts };
  };

  const headingAdded = new MutationObserver(() => {
    const heading = document.getElementById(headingId);
    if (!heading) return;
    headingAdded.disconnect();
    whenPainted(() => {
      const box = heading.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    }).then((t) => (bench.textVisible = t));
  });
  headingAdded.observe(document, { childList: true, subtree: true });

  const hydrated = new MutationObserver(() => {
    if (document.querySelector('[data-gir-viewer][data-gir-state="hydrated"]')) {
      hydrated.disconnect();
      bench.interactive = performance.now();
    }
  });
  hydrated.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-gir-state'] });
}

/**
 * Click the TOC link (at the start of a frame); resolve with the ms until the target
 * section sits at the top of the viewport (within 2 px of its scroll-margin-top, or the
 * page is scrolled as far as it goes) in a painted frame.
 */
async function clickTocLink({ linkSelector, targetId }) {
  const link = document.querySelector(linkSelector);
  const target = document.getElementById(targetId);
  if (!link || !target) throw new Error(`missing ${linkSelector} or #${targetId}`);
  const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
  const atTop = () =>
    Math.abs(target.getBoundingClientRect().top - margin) <= 2 ||
    window.scrollY >= document.documentElement.scrollHeight - window.innerHeight - 1;
  const ms = await window.__benchTimeAction(() => link.click(), atTop, 5000);
  if (ms === null) throw new Error(`#${targetId} did not reach the top within 5 s`);
  return ms;
}

/**
 * Change the text size at the start of a frame: click the 字体 button labelled `label`
 * (the viewer), or, with `rootSize`, set the report root's font-size in one style change
 * (the static page: what a plain page with a CSS-only size switch costs). Resolves with
 * { first, done, longestFrame }: ms until a painted frame shows every text element then
 * in the viewport (headings, paragraphs, list items) at a new computed font-size; ms
 * until one also shows the report's last heading (element #textId, far below) at a new
 * size, i.e. the whole report has changed; and the longest frame in between. Null if
 * there is no such button or the size did not change within timeoutMs.
 */
async function changeFontSize({ selector, label, rootSize, textId, timeoutMs }) {
  let action;
  if (rootSize) {
    const root = document.querySelector('.gir-report');
    action = () => (root.style.fontSize = rootSize);
  } else {
    const button = [...document.querySelectorAll(selector)].find((b) => b.textContent.trim() === label);
    if (!button) return null;
    action = () => button.click();
  }
  const inView = [...document.querySelectorAll('[data-gir-viewer] :is(h1, h2, p, li)')].filter((e) => {
    const box = e.getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
  });
  const last = document.getElementById(textId);
  const sizeOf = (e) => getComputedStyle(e).fontSize;
  const before = new Map([...inView, last].map((e) => [e, sizeOf(e)]));
  const changed = (e) => sizeOf(e) !== before.get(e);
  return window.__benchTimeSpread(action, () => inView.every(changed), () => changed(last), timeoutMs);
}

/** Let two frames pass, so that the page has settled before the next timed action. */
const nextFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

// ---------------------------------------------------------------------------
// Browser-side measurement

/**
 * Follow the page's requests over CDP: `bytes` sums Network.loadingFinished
 * encodedDataLength (compressed body plus headers) over all requests, `requests` lists
 * each finished request's { url, bytes, encoding (Content-Encoding, or 'none'),
 * mimeType }; quiet() waits until no request is in flight and none started or ended for
 * QUIET_MS. (Playwright's "networkidle" did not reliably wait for the favicon, requested
 * after the load event.)
 */
function trackNetwork(cdp) {
  const inFlight = new Map();
  const requests = [];
  let bytes = 0;
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    inFlight.set(e.requestId, { url: e.request.url, encoding: 'none', mimeType: null });
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const request = inFlight.get(e.requestId);
    if (!request) return;
    const header = Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding');
    request.encoding = header ? header[1] : 'none';
    request.mimeType = e.response.mimeType;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const request = inFlight.get(e.requestId);
    inFlight.delete(e.requestId);
    bytes += e.encodedDataLength;
    if (request) requests.push({ ...request, bytes: e.encodedDataLength });
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    inFlight.delete(e.requestId);
    lastActivity = Date.now();
  });
  return {
    get bytes() {
      return bytes;
    },
    requests,
    async quiet() {
      const deadline = Date.now() + LOAD_TIMEOUT_MS;
      while (inFlight.size > 0 || Date.now() - lastActivity < QUIET_MS) {
        if (Date.now() > deadline) throw new Error(`network not quiet after ${LOAD_TIMEOUT_MS} ms`);
        await sleep(50);
      }
    },
  };
}

/**
 * A new browser context (cold cache, own connections) and page, with the probes
 * installed, the network followed, and the profile's viewport, network and CPU
 * throttling applied.
 */
async function openProfiledPage(browser, profile, headingId) {
  const context = await browser.newContext({ viewport: profile.viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(installProbes, { headingId });
  const cdp = await context.newCDPSession(page);
  const network = trackNetwork(cdp);
  await cdp.send('Network.enable');
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
  return { context, page, network };
}

/**
 * One cold load of `url`: { textVisible, fcp, interactive (null unless `hydrates`),
 * chartsDrawn (the ECharts peer's performance mark, else null), layoutShift, bytes,
 * requests }, read once the text is visible, the page hydrated (if it `hydrates`) and
 * the network quiet, two frames later.
 */
async function measureLoad(browser, url, profile, { headingId, hydrates }) {
  const { context, page, network } = await openProfiledPage(browser, profile, headingId);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    // Poll on a timer, not on animation frames, so the wait adds no rendering work.
    await page.waitForFunction(
      (viewer) => window.__bench.textVisible !== null && (!viewer || window.__bench.interactive !== null),
      hydrates,
      { polling: 50, timeout: LOAD_TIMEOUT_MS },
    );
    await network.quiet(); // late requests (favicon) count towards bytes
    await page.evaluate(nextFrames); // shifts of the last frames are reported too
    const times = await page.evaluate(() => ({
      textVisible: window.__bench.textVisible,
      interactive: window.__bench.interactive,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      chartsDrawn: performance.getEntriesByName('charts-drawn')[0]?.startTime ?? null,
      layoutShift: window.__benchLayoutShift(),
    }));
    for (const r of network.requests) {
      // WebAssembly.instantiateStreaming needs it; without it the viewer loads otherwise.
      if (/\.wasm$/.test(new URL(r.url).pathname) && r.mimeType !== 'application/wasm') {
        throw new Error(`${r.url} served as ${r.mimeType}, not application/wasm`);
      }
    }
    return { ...times, bytes: network.bytes, requests: network.requests };
  } finally {
    await context.close();
  }
}

/**
 * Interaction timings on one loaded page, `reps` times each: { jump: number[], fontSize:
 * object[] | string }. On the viewer the 字体 大 button is clicked; on the static page
 * (`isViewer` false) the report root's font-size is set instead, the same change made
 * in one step: the baseline for both interactions.
 */
async function measureInteractions(browser, url, profile, reps, { headingId, isViewer }) {
  const { context, page, network } = await openProfiledPage(browser, profile, headingId);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    if (isViewer) {
      await page.waitForSelector('[data-gir-viewer][data-gir-state="hydrated"]', { timeout: LOAD_TIMEOUT_MS });
    }
    await network.quiet();

    const jump = [];
    for (let i = 0; i < reps; i++) {
      // Start each run from the top, without a :target, after the page has settled.
      await page.evaluate(() => {
        history.replaceState(null, '', location.pathname + location.search);
        window.scrollTo(0, 0);
      });
      await page.evaluate(nextFrames);
      jump.push(await page.evaluate(clickTocLink, { linkSelector: JUMP_LINK, targetId: JUMP_TARGET_ID }));
    }

    const base = { selector: FONT_BUTTONS, textId: headingId, timeoutMs: 5000 };
    const [small, large] = isViewer ? [{ label: '小' }, { label: '大' }] : [{ rootSize: '0.875em' }, { rootSize: '1.25em' }];
    if (isViewer) {
      const labels = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((b) => b.textContent.trim()), FONT_BUTTONS);
      if (!labels.includes('大') || !labels.includes('小')) return { jump, fontSize: 'n/a (no 字体 control)' };
    }
    const fontSize = [];
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let i = 0; i < reps; i++) {
      // Reset to the small size (untimed, until the whole report has it) so that every
      // timed change to the large size changes the text.
      await page.evaluate(changeFontSize, { ...base, ...small });
      await page.evaluate(nextFrames);
      const times = await page.evaluate(changeFontSize, { ...base, ...large });
      if (times === null) return { jump, fontSize: 'n/a (大 did not change the text size)' };
      fontSize.push(times);
    }
    return { jump, fontSize };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------
// Statistics and report

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

const ms = (s) => `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;
const frameMs = (s) => `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const kB = (s) => `${(s.median / 1000).toFixed(1)} kB`;
const shift = (s) => `${s.median.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---|').join('')}`, ...rows.map((r) => `| ${r.join(' | ')} |`)];

/** The median of each load figure of a page's runs ({ text, fcp, hydrated, charts, shift, bytes }). */
function summarise(loads) {
  const pick = (key) => (loads.every((l) => l[key] !== null) ? stats(loads.map((l) => l[key])) : null);
  return {
    text: pick('textVisible'),
    fcp: pick('fcp'),
    hydrated: pick('interactive'),
    charts: pick('chartsDrawn'),
    shift: stats(loads.map((l) => l.layoutShift.sum)),
    bytes: pick('bytes'),
  };
}

/** What a request of the viewer's page is, for the physical floor. */
function requestKind(url, pageUrl) {
  const { pathname } = new URL(url);
  if (url === pageUrl || pathname === new URL(pageUrl).pathname) return 'HTML';
  if (/\.wasm$/.test(pathname)) return 'wasm';
  if (/\/gir-viewer\.js$/.test(pathname)) return 'boot module';
  if (/\/viewer-[^/]*\.js$/.test(pathname)) return 'glue';
  if (/\/data\/[^/]*\.bin$/.test(pathname)) return 'data file';
  return 'other';
}

/**
 * The physical floor of "hydrated" on a throttled profile, from its latency and
 * download throughput and the bytes the viewer's page transferred (medians over the
 * runs): one latency for the HTML and its transfer, then one latency for the
 * subresources (requested together once the HTML's head is parsed: the head preloads
 * the glue, the wasm and the data file) and their transfer, back to back on the one
 * emulated link. No CPU time, no stylesheet or favicon (their bytes share the link too,
 * so the real floor is higher).
 */
function physicalFloor(profile, viewerLoads, pageUrl) {
  const kinds = ['HTML', 'boot module', 'glue', 'wasm', 'data file'];
  const bytes = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      stats(viewerLoads.map((l) => l.requests.filter((r) => requestKind(r.url, pageUrl) === kind).reduce((sum, r) => sum + r.bytes, 0)))
        .median,
    ]),
  );
  const { latency, downloadThroughput } = profile.network;
  const subresources = kinds.slice(1).reduce((sum, kind) => sum + bytes[kind], 0);
  const floor = 2 * latency + ((bytes.HTML + subresources) / downloadThroughput) * 1000;
  return { bytes, subresources, floor, latency, downloadThroughput };
}

/** The tables of one profile, and the list of { name, ok } target checks. */
function profileSection(profile, loads, interactions, baselineInteractions, pageUrls) {
  const v = summarise(loads.viewer);
  const p = summarise(loads.plain);
  const b = summarise(loads.baseline);
  const e = summarise(loads.echarts);
  const pv = summarise(loads.portal);
  const pp = summarise(loads.portalPlain);
  const checks = [];
  const check = (name, ok) => {
    checks.push({ name: `${name} (${profile.name})`, ok });
    return verdict(ok);
  };
  const shiftOk = (s) => s.max <= LAYOUT_SHIFT_MAX;

  // The viewer against the plain page (the reference) and today's baseline.
  const rows = [
    [
      'text visible (last heading painted)',
      ms(v.text),
      ms(p.text),
      ratio(v.text.median, p.text.median),
      ms(b.text),
      ratio(v.text.median, b.text.median),
      `≤ ${TEXT_VISIBLE_MAX.toFixed(2)}× plain`,
      check('text visible', v.text.median <= TEXT_VISIBLE_MAX * p.text.median),
    ],
    ['first contentful paint', ms(v.fcp), ms(p.fcp), ratio(v.fcp.median, p.fcp.median), ms(b.fcp), ratio(v.fcp.median, b.fcp.median), '—', '—'],
    [
      'hydrated',
      ms(v.hydrated),
      '—',
      `${ratio(v.hydrated.median, p.text.median)} plain text visible`,
      '—',
      `${ratio(v.hydrated.median, b.text.median)} baseline text visible`,
      `≤ ${HYDRATED_MAX}× plain text visible`,
      check('hydrated', v.hydrated.median <= HYDRATED_MAX * p.text.median),
    ],
    [
      'layout shift (sum over the load)',
      shift(v.shift),
      shift(p.shift),
      '—',
      shift(b.shift),
      '—',
      `≤ ${LAYOUT_SHIFT_MAX} in every run`,
      check('layout shift', shiftOk(v.shift)),
    ],
    ['bytes transferred', kB(v.bytes), kB(p.bytes), ratio(v.bytes.median, p.bytes.median), kB(b.bytes), ratio(v.bytes.median, b.bytes.median), '—', '—'],
  ];
  const jump = stats(interactions.jump);
  const baselineJump = stats(baselineInteractions.jump);
  rows.push([
    'jump to section (TOC click → painted)',
    frameMs(jump),
    '—',
    '—',
    frameMs(baselineJump),
    ratio(jump.median, baselineJump.median),
    `< ${FRAME_BUDGET_MS} ms`,
    check('jump to section', jump.median < FRAME_BUDGET_MS),
  ]);
  if (typeof interactions.fontSize === 'string' || typeof baselineInteractions.fontSize === 'string') {
    const why = [interactions.fontSize, baselineInteractions.fontSize].find((f) => typeof f === 'string');
    rows.push(['字体 大: text in view (click → painted)', why, '—', '—', '—', '—', `< ${FRAME_BUDGET_MS} ms`, '—']);
  } else {
    const font = (from, key) => stats(from.fontSize.map((t) => t[key]));
    const row = (label, key, target, name) => {
      const vf = font(interactions, key);
      const bf = font(baselineInteractions, key);
      return [
        label,
        frameMs(vf),
        '—',
        '—',
        frameMs(bf),
        ratio(vf.median, bf.median),
        target ? `< ${FRAME_BUDGET_MS} ms` : '—',
        target ? check(name, vf.median < FRAME_BUDGET_MS) : '—',
      ];
    };
    rows.push(
      row('字体 大: text in view (click → painted)', 'first', true, 'font size'),
      row('字体 大: whole report (click → painted)', 'done', false),
      row('字体 大: longest frame until then', 'longestFrame', false),
    );
  }
  const lines = [
    ...table(['metric', 'viewer', 'plain page (reference)', 'ratio to plain', 'baseline (prerendered minus scripts)', 'ratio to baseline', 'target', 'result'], rows),
    '',
  ];

  // Where the viewer's hydration could be at best on this link.
  if (profile.network) {
    const f = physicalFloor(profile, loads.viewer, pageUrls.viewer);
    const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
    const parts = ['boot module', 'glue', 'wasm', 'data file'].map((k) => `${k} ${kb(f.bytes[k])}`).join(' + ');
    lines.push(
      `Physical floor of hydrated on this link: ${f.latency} ms + ${kb(f.bytes.HTML)} HTML / ${kb(f.downloadThroughput)}/s + ` +
        `${f.latency} ms + ${kb(f.subresources)} (${parts}) / ${kb(f.downloadThroughput)}/s ≈ **${Math.round(f.floor)} ms**, ` +
        `against ${HYDRATED_MAX}× the plain page's text visible = **${Math.round(HYDRATED_MAX * p.text.median)} ms** ` +
        `(${f.floor <= HYDRATED_MAX * p.text.median ? 'reachable' : 'not reachable'} on this link; hydrated measured ${Math.round(v.hydrated.median)} ms).`,
      '',
    );
  }

  // The viewer mounted in the portal demo against that page without the viewer.
  lines.push(
    `Portal demo (${profile.name}): the viewer mounted in portal-demo.html against the same portal template with the plain report markup in place of the mount.`,
    '',
    ...table(
      ['metric', 'viewer in portal', 'portal without viewer', 'ratio', 'target', 'result'],
      [
        [
          'text visible (last heading painted)',
          ms(pv.text),
          ms(pp.text),
          ratio(pv.text.median, pp.text.median),
          `≤ ${TEXT_VISIBLE_MAX.toFixed(2)}×`,
          check('portal text visible', pv.text.median <= TEXT_VISIBLE_MAX * pp.text.median),
        ],
        [
          'hydrated',
          ms(pv.hydrated),
          '—',
          `${ratio(pv.hydrated.median, pp.text.median)} text visible without viewer`,
          `≤ ${HYDRATED_MAX}× text visible without viewer`,
          check('portal hydrated', pv.hydrated.median <= HYDRATED_MAX * pp.text.median),
        ],
        ['layout shift (sum over the load)', shift(pv.shift), shift(pp.shift), '—', `≤ ${LAYOUT_SHIFT_MAX} in every run`, check('portal layout shift', shiftOk(pv.shift))],
        ['bytes transferred', kB(pv.bytes), kB(pp.bytes), ratio(pv.bytes.median, pp.bytes.median), '—', '—'],
      ],
    ),
    '',
  );

  // Bytes against the ECharts peer (its times are informative).
  lines.push(
    `ECharts peer (${profile.name}): the same report text with the same bar charts drawn by ECharts (blocking script in <head>).`,
    '',
    ...table(
      ['metric', 'viewer', 'ECharts peer', 'ratio (viewer / peer)', 'target', 'result'],
      [
        ['text visible (last heading painted)', ms(v.text), ms(e.text), ratio(v.text.median, e.text.median), '—', '—'],
        ['hydrated / charts drawn', ms(v.hydrated), ms(e.charts), ratio(v.hydrated.median, e.charts.median), '—', '—'],
        ['layout shift (sum over the load)', shift(v.shift), shift(e.shift), '—', '—', '—'],
        [
          'bytes transferred',
          kB(v.bytes),
          kB(e.bytes),
          ratio(v.bytes.median, e.bytes.median),
          '≤ 1/3 (0.33×)',
          check('bytes vs ECharts peer', v.bytes.median <= ECHARTS_BYTES_MAX * e.bytes.median),
        ],
      ],
    ),
    '',
  );

  // Where the largest shift was, for a page over the target (to find its cause).
  for (const [name, key] of [['viewer', 'viewer'], ['viewer in portal', 'portal']]) {
    const worst = loads[key].map((l) => l.layoutShift).sort((a, b) => b.sum - a.sum)[0];
    if (worst.sum > LAYOUT_SHIFT_MAX && worst.largest) {
      lines.push(
        `Largest shift of the ${name}'s worst run: ${worst.largest.value.toFixed(3)} at ${Math.round(worst.largest.time)} ms, ` +
          `nodes ${worst.largest.nodes.join(', ') || '(none reported)'}.`,
        '',
      );
    }
  }
  return { lines, checks };
}

/** "br: text/html, application/wasm …; none: …" over every measured response. */
function encodingSummary(allLoads) {
  const byEncoding = new Map();
  for (const load of allLoads) {
    for (const r of load.requests) {
      if (!r.url.startsWith('http')) continue; // data: URLs
      const types = byEncoding.get(r.encoding) ?? new Map();
      types.set(r.mimeType, (types.get(r.mimeType) ?? 0) + 1);
      byEncoding.set(r.encoding, types);
    }
  }
  return [...byEncoding]
    .map(([encoding, types]) => `${encoding} (${[...types].map(([type, n]) => `${type} ×${n}`).join(', ')})`)
    .join('; ');
}

// ---------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, profile: { type: 'string', default: 'all' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  const profiles = PROFILES[values.profile];
  if (!profiles) throw new Error(`--profile must be one of ${Object.keys(PROFILES).join(', ')}, got ${values.profile}`);
  const distIndex = path.join(distDir, 'index.html');
  if (!fs.existsSync(distIndex)) throw new Error(`${distIndex} is missing: run scripts/build first`);

  const started = Date.now();
  const loadAverage = os.loadavg()[0].toFixed(2); // other work on the machine skews results
  const { headingId, echartsVersion } = prepareSites();
  const size = sizeReport(siteDirs.viewer);
  if (size.pageFiles.length !== 3) throw new Error(`expected the boot module, the glue and the wasm in the build, found ${size.pageFiles.length}`);
  const servers = {};
  for (const [site, root] of Object.entries(siteDirs)) servers[site] = await startServer({ root, compress: true });
  const urlOf = (page) => new URL(page.file === 'index.html' ? '' : page.file, servers[page.site].url).href;
  const pageUrls = Object.fromEntries(PAGES.map((page) => [page.key, urlOf(page)]));
  const browser = await launchBrowser();
  const chromiumVersion = browser.version();
  const viewerBuild = fs.readdirSync(siteDirs.viewer).find((f) => /^viewer-.*\.js$/.test(f));

  const sections = [];
  const checks = [];
  const allLoads = [];
  try {
    // One untimed load of each page first, so that one-time costs of the machine (OS file
    // cache, fonts, browser warm-up, the server's compression) do not land on the first
    // measured run.
    for (const page of PAGES) await measureLoad(browser, pageUrls[page.key], UNTHROTTLED, { headingId, hydrates: !!page.hydrates });

    for (const profile of profiles) {
      const loads = Object.fromEntries(PAGES.map((page) => [page.key, []]));
      // Alternate A B C … so that drift on the machine hits every page alike.
      for (let i = 0; i < runs; i++) {
        for (const page of PAGES) {
          loads[page.key].push(await measureLoad(browser, pageUrls[page.key], profile, { headingId, hydrates: !!page.hydrates }));
        }
        process.stderr.write(`${profile.name}: run ${i + 1}/${runs} (${PAGES.length} pages)\n`);
      }
      allLoads.push(...Object.values(loads).flat());
      // Interactions are cheap to repeat, and the machine's speed drifts: three times as
      // many repetitions as loads steady their medians.
      const interactions = await measureInteractions(browser, pageUrls.viewer, profile, 3 * runs, { headingId, isViewer: true });
      const baselineInteractions = await measureInteractions(browser, pageUrls.baseline, profile, 3 * runs, { headingId, isViewer: false });
      process.stderr.write(`${profile.name}: interactions done\n`);
      const result = profileSection(profile, loads, interactions, baselineInteractions, pageUrls);
      sections.push(`## ${profile.name} — ${profile.description}`, '', ...result.lines);
      checks.push(...result.checks);
    }
  } finally {
    await browser.close();
    for (const server of Object.values(servers)) await server.close();
  }

  // The wasm and js a report page loads to start the viewer (scripts/size-report.mjs).
  const sizeOk = size.pageBr <= WASM_JS_BR_MAX;
  checks.push({ name: 'wasm + js brotli', ok: sizeOk });
  const sizeLine =
    `wasm + js of the report page (${size.pageFiles.map((r) => `${r.name} ${r.br} B`).join(' + ')}): ` +
    `**${size.pageBr} B** brotli (quality 11, scripts/size-report.mjs); target ≤ ${WASM_JS_BR_MAX} B: ${verdict(sizeOk)}.`;

  const failed = checks.filter((c) => !c.ok);
  const seconds = Math.round((Date.now() - started) / 1000);
  const markdown = [
    `# Viewer benchmark, ${new Date().toISOString()}`,
    '',
    `Runs: ${runs} cold loads per page and profile (viewer, plain page, baseline, ECharts peer, portal demo, ` +
      `portal without viewer, in turn; fresh browser context each), ${3 * runs} repetitions per interaction. ` +
      `Values: median (min–max). Chromium ${chromiumVersion}, viewer build ${viewerBuild}, ECharts ${echartsVersion}, ` +
      `${os.cpus().length} CPUs, load average ${loadAverage} at start, ${os.loadavg()[0].toFixed(2)} at the end. Took ${seconds} s.`,
    '',
    `Content-Encoding as received (all measured responses): ${encodingSummary(allLoads)}.`,
    '',
    ...sections,
    sizeLine,
    '',
    failed.length === 0
      ? `**Summary: all ${checks.length} targets met.**`
      : `**Summary: ${checks.length - failed.length}/${checks.length} targets met; missed: ${failed.map((c) => c.name).join(', ')}.**`,
    '',
  ].join('\n');

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'latest.md'), markdown);
  process.stdout.write(markdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
