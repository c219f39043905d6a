#!/usr/bin/env node
// Load and interaction benchmark: the hydrating Yew viewer (dist/) against a plain
// static copy of the same prerendered page (no scripts). See bench/README.md.
//
//   node bench/run.mjs [--runs N]        (or: npm run bench; N defaults to 5)
//
// Benchmarks dist/ (or $GIR_DIST_DIR, like the e2e tests); run scripts/build first.
// Prints one Markdown table per network/CPU profile and writes the same text to
// bench/out/latest.md. Always exits 0 when the measurements could be taken, even if
// a target is missed: it is a benchmark, not a test.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/static-server.mjs';
import { SLOW_MOBILE, launchBrowser, distDir } from '../tests/e2e/helpers.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(benchDir, 'out');
const viewerDir = path.join(outDir, 'viewer');
const staticDir = path.join(outDir, 'static');

const LAST_HEADING_ID = 'sec-9-heading';
const JUMP_LINK = 'nav.gir-toc a[href="#sec-5"]';
const JUMP_TARGET_ID = 'sec-5';
const FONT_BUTTONS = '[role="group"][aria-label="字体"] button';
const FRAME_BUDGET_MS = 16;
const LOAD_TIMEOUT_MS = 120_000;
const QUIET_MS = 500; // the network counts as done after this long without activity

const UNTHROTTLED = {
  name: 'unthrottled',
  description: 'no network or CPU throttling, 1280×900',
  viewport: { width: 1280, height: 900 },
  network: null,
  cpuRate: 1,
};
const PROFILES = [SLOW_MOBILE, UNTHROTTLED];

// ---------------------------------------------------------------------------
// The two sites: the viewer build and the same prerendered HTML without any script

/**
 * Snapshot the build into bench/out/viewer/ (so that a rebuild of dist/ during the run
 * cannot mix two builds) and write the baseline into bench/out/static/: the same
 * index.html without <script> elements, modulepreload and preload links, plus the local
 * files its remaining <link>s use (stylesheet, favicon).
 */
function prepareSites() {
  for (const dir of [viewerDir, staticDir]) fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(distDir, viewerDir, { recursive: true });

  const html = fs.readFileSync(path.join(viewerDir, 'index.html'), 'utf8');
  const stripped = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)\b[^>]*>\s*/gi, '');
  if (/<script\b|\.wasm\b|rel=["']?(?:modulepreload|preload)/i.test(stripped)) {
    throw new Error('static baseline still references scripts or preloads');
  }
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), stripped);
  for (const [, href] of stripped.matchAll(/<link\b[^>]*\bhref=["']\.?\/?([^"':?#]+)["']/gi)) {
    fs.copyFileSync(path.join(viewerDir, href), path.join(staticDir, path.basename(href)));
  }
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
 * encodedDataLength (compressed body plus headers) over all requests; quiet() waits
 * until no request is in flight and none started or ended for QUIET_MS. (Playwright's
 * "networkidle" did not reliably wait for the favicon, requested after the load event.)
 */
function trackNetwork(cdp) {
  const inFlight = new Set();
  let bytes = 0;
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    inFlight.add(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    inFlight.delete(e.requestId);
    bytes += e.encodedDataLength;
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
async function openProfiledPage(browser, profile) {
  const context = await browser.newContext({ viewport: profile.viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(installProbes, { headingId: LAST_HEADING_ID });
  const cdp = await context.newCDPSession(page);
  const network = trackNetwork(cdp);
  await cdp.send('Network.enable');
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
  return { context, page, network };
}

/** One cold load of `url`: { textVisible, fcp, interactive (null unless hydrated), bytes }. */
async function measureLoad(browser, url, profile, { isViewer }) {
  const { context, page, network } = await openProfiledPage(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    // Poll on a timer, not on animation frames, so the wait adds no rendering work.
    await page.waitForFunction(
      (viewer) => window.__bench.textVisible !== null && (!viewer || window.__bench.interactive !== null),
      isViewer,
      { polling: 50, timeout: LOAD_TIMEOUT_MS },
    );
    await network.quiet(); // late requests (favicon) count towards bytes
    const times = await page.evaluate(() => ({
      textVisible: window.__bench.textVisible,
      interactive: window.__bench.interactive,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    return { ...times, bytes: network.bytes };
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
async function measureInteractions(browser, url, profile, reps, { isViewer }) {
  const { context, page, network } = await openProfiledPage(browser, profile);
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

    const base = { selector: FONT_BUTTONS, textId: LAST_HEADING_ID, timeoutMs: 5000 };
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
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

/** Markdown table rows for one profile, and the list of { name, ok } target checks. */
function profileTable(profile, viewerLoads, staticLoads, interactions, staticInteractions) {
  const pick = (loads, key) => stats(loads.map((l) => l[key]));
  const v = { text: pick(viewerLoads, 'textVisible'), fcp: pick(viewerLoads, 'fcp'), bytes: pick(viewerLoads, 'bytes') };
  const s = { text: pick(staticLoads, 'textVisible'), fcp: pick(staticLoads, 'fcp'), bytes: pick(staticLoads, 'bytes') };
  const interactive = pick(viewerLoads, 'interactive');
  const checks = [];
  const check = (name, ok) => {
    checks.push({ name: `${name} (${profile.name})`, ok });
    return verdict(ok);
  };

  const rows = [
    [
      'text visible (last heading painted)',
      ms(v.text),
      ms(s.text),
      ratio(v.text.median, s.text.median),
      '≤ 1.15× static',
      check('text visible', v.text.median <= 1.15 * s.text.median),
    ],
    ['first contentful paint', ms(v.fcp), ms(s.fcp), ratio(v.fcp.median, s.fcp.median), '—', '—'],
    [
      'interactive (hydrated)',
      ms(interactive),
      '—',
      `${ratio(interactive.median, s.text.median)} static text visible`,
      '≤ 2× static text visible',
      check('interactive', interactive.median <= 2 * s.text.median),
    ],
    ['bytes transferred', kB(v.bytes), kB(s.bytes), ratio(v.bytes.median, s.bytes.median), '—', '—'],
  ];
  const jump = stats(interactions.jump);
  const staticJump = stats(staticInteractions.jump);
  rows.push([
    'jump to section (TOC click → painted)',
    frameMs(jump),
    frameMs(staticJump),
    ratio(jump.median, staticJump.median),
    `< ${FRAME_BUDGET_MS} ms`,
    check('jump to section', jump.median < FRAME_BUDGET_MS),
  ]);
  if (typeof interactions.fontSize === 'string' || typeof staticInteractions.fontSize === 'string') {
    const why = [interactions.fontSize, staticInteractions.fontSize].find((f) => typeof f === 'string');
    rows.push(['字体 大: text in view (click → painted)', why, '—', '—', `< ${FRAME_BUDGET_MS} ms`, '—']);
  } else {
    const font = (from, key) => stats(from.fontSize.map((t) => t[key]));
    const row = (label, key, target, name) => {
      const v = font(interactions, key);
      const st = font(staticInteractions, key);
      return [label, frameMs(v), frameMs(st), ratio(v.median, st.median), target ? `< ${FRAME_BUDGET_MS} ms` : '—', target ? check(name, v.median < FRAME_BUDGET_MS) : '—'];
    };
    rows.push(
      row('字体 大: text in view (click → painted)', 'first', true, 'font size'),
      row('字体 大: whole report (click → painted)', 'done', false),
      row('字体 大: longest frame until then', 'longestFrame', false),
    );
  }

  const table = [
    '| metric | viewer | static page | ratio | target | result |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  return { table, checks };
}

// ---------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  const distIndex = path.join(distDir, 'index.html');
  if (!fs.existsSync(distIndex)) throw new Error(`${distIndex} is missing: run scripts/build first`);

  const started = Date.now();
  const loadAverage = os.loadavg()[0].toFixed(2); // other work on the machine skews results
  prepareSites();
  const viewerServer = await startServer({ root: viewerDir, compress: true });
  const staticServer = await startServer({ root: staticDir, compress: true });
  const browser = await launchBrowser();
  const chromiumVersion = browser.version();
  const viewerBuild = fs.readdirSync(viewerDir).find((f) => /^viewer-.*\.js$/.test(f));

  const sections = [];
  const checks = [];
  try {
    // One untimed load of each page first, so that one-time costs of the machine (OS file
    // cache, fonts, browser warm-up) do not land on the first measured run.
    await measureLoad(browser, viewerServer.url, UNTHROTTLED, { isViewer: true });
    await measureLoad(browser, staticServer.url, UNTHROTTLED, { isViewer: false });

    for (const profile of PROFILES) {
      const viewerLoads = [];
      const staticLoads = [];
      // Alternate A B A B … so that drift on the machine hits both pages alike.
      for (let i = 0; i < runs; i++) {
        viewerLoads.push(await measureLoad(browser, viewerServer.url, profile, { isViewer: true }));
        staticLoads.push(await measureLoad(browser, staticServer.url, profile, { isViewer: false }));
        process.stderr.write(`${profile.name}: load ${i + 1}/${runs}\n`);
      }
      // Interactions are cheap to repeat, and the machine's speed drifts: three times as
      // many repetitions as loads steady their medians.
      const interactions = await measureInteractions(browser, viewerServer.url, profile, 3 * runs, { isViewer: true });
      const staticInteractions = await measureInteractions(browser, staticServer.url, profile, 3 * runs, { isViewer: false });
      process.stderr.write(`${profile.name}: interactions done\n`);
      const result = profileTable(profile, viewerLoads, staticLoads, interactions, staticInteractions);
      sections.push(`## ${profile.name} — ${profile.description}`, '', ...result.table, '');
      checks.push(...result.checks);
    }
  } finally {
    await browser.close();
    await viewerServer.close();
    await staticServer.close();
  }

  const failed = checks.filter((c) => !c.ok);
  const seconds = Math.round((Date.now() - started) / 1000);
  const markdown = [
    `# Viewer benchmark, ${new Date().toISOString()}`,
    '',
    `Runs: ${runs} cold loads per page and profile (viewer and static page alternating, fresh browser context each), ` +
      `${3 * runs} repetitions per interaction. Values: median (min–max). ` +
      `Chromium ${chromiumVersion}, viewer build ${viewerBuild}, ${os.cpus().length} CPUs, ` +
      `load average ${loadAverage} at start. Took ${seconds} s.`,
    '',
    ...sections,
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
