#!/usr/bin/env node
// Library benchmark: a generated library of 1,000 reports (bench/gen-library.mjs)
// built with the seed into one site. Prints, against the single-report build
// (dist/) measured in the same run:
// - build time and dist size (files, bytes);
// - the index's transfer size (HTML, script, stylesheet; gzip and brotli);
// - filter and search on the index, slow-mobile profile (CPU 4× slower):
//   the handler's work up to layout, per change, against one frame (16 ms);
// - the seed's page, loaded cold in the library and in the single build,
//   alternating: first contentful paint and hydrated, and their ratio.
//
//   scripts/build                   # dist/, the single-report build
//   node bench/library.mjs [--runs 5] [--count 1000]
//
// Writes bench/out/library.md. Exits 0 whatever the figures (a benchmark,
// not a test); non-zero only when it cannot measure.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { SLOW_MOBILE, launchBrowser, repoRoot } from '../tests/e2e/helpers.mjs';
import { startServer } from '../scripts/static-server.mjs';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, count: { type: 'string', default: '1000' } },
});
const runs = Number(args.runs);
const outDir = path.join(repoRoot, 'bench', 'out');
const dataDir = path.join(outDir, 'library-data');
const libraryDist = path.join(outDir, 'library-dist');
const singleDist = path.join(repoRoot, 'dist');
const FRAME_BUDGET_MS = 16;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const range = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

function compressed(file) {
  const raw = fs.readFileSync(file);
  return {
    raw: raw.length,
    gzip: zlib.gzipSync(raw, { level: 9 }).length,
    br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function build() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  execFileSync('node', [path.join(repoRoot, 'bench', 'gen-library.mjs'), dataDir, '--count', args.count], { stdio: 'inherit' });
  const start = process.hrtime.bigint();
  execFileSync(path.join(repoRoot, 'scripts', 'build'), ['assets/reports', dataDir, '-o', libraryDist], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function profiledPage(browser) {
  const context = await browser.newContext({ viewport: SLOW_MOBILE.viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_MOBILE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_MOBILE.cpuRate });
  return { context, page };
}

/** The index's filter and search: the work of each change, up to layout, in ms. */
async function filterTimes(browser, url) {
  const { context, page } = await profiledPage(browser);
  try {
    await page.goto(`${url}index.html`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForSelector('[data-gir-library-filters]:not([hidden])');
    const rows = await page.locator('[data-gir-library-table] tbody tr').count();
    const years = await page.$$eval('select[name="year"] option', (os) => os.map((o) => o.value).filter(Boolean));
    const changes = [];
    for (let i = 0; i < runs * 2; i++) {
      changes.push(['year', years[(i * 7) % years.length]], ['q', ['财政', '教育局', '2019', '公安'][i % 4]], ['year', ''], ['q', '']);
    }
    const times = await page.evaluate((list) => {
      const form = document.querySelector('[data-gir-library-filters]');
      return list.map(([name, value]) => {
        const control = form.elements.namedItem(name);
        const start = performance.now();
        control.value = value;
        control.dispatchEvent(new Event(name === 'q' ? 'input' : 'change', { bubbles: true }));
        void document.body.offsetHeight; // style and layout of the change
        return { kind: name === 'q' ? 'search' : 'filter', ms: performance.now() - start };
      });
    }, changes);
    return { rows, times };
  } finally {
    await context.close();
  }
}

/** One cold load of the seed's page: first contentful paint and hydrated, in ms. */
async function loadTimes(browser, url) {
  const { context, page } = await profiledPage(browser);
  try {
    await page.goto(`${url}nanfen-2017.html`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForSelector('[data-gir-viewer][data-gir-state="hydrated"]', { timeout: 120_000 });
    return await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      hydrated: performance.now(),
    }));
  } finally {
    await context.close();
  }
}

async function main() {
  if (!fs.existsSync(path.join(singleDist, 'nanfen-2017.html'))) throw new Error('dist/ missing: run scripts/build');
  fs.mkdirSync(outDir, { recursive: true });
  const buildSeconds = build();
  const files = walk(libraryDist);
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const singleFiles = walk(singleDist);
  const singleBytes = singleFiles.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const reports = fs.readdirSync(libraryDist).filter((f) => /\.html$/.test(f) && !/^(index|body-|year-|portal-)/.test(f)).length;
  const index = ['index.html', 'gir-library.js'].map((f) => [f, compressed(path.join(libraryDist, f))]);
  const indexTotal = index.reduce((t, [, c]) => ({ gzip: t.gzip + c.gzip, br: t.br + c.br }), { gzip: 0, br: 0 });

  const library = await startServer({ root: libraryDist });
  const single = await startServer({ root: singleDist });
  const browser = await launchBrowser();
  try {
    const { rows, times } = await filterTimes(browser, library.url);
    const filter = times.filter((t) => t.kind === 'filter').map((t) => t.ms);
    const search = times.filter((t) => t.kind === 'search').map((t) => t.ms);
    const loads = { library: [], single: [] };
    for (let i = 0; i < runs; i++) {
      loads.library.push(await loadTimes(browser, library.url));
      loads.single.push(await loadTimes(browser, single.url));
    }
    const m = (list, key) => median(list.map((l) => l[key]));
    const ratio = (key) => (m(loads.library, key) / m(loads.single, key)).toFixed(2);
    const lines = [
      `Library benchmark, ${new Date().toISOString().slice(0, 10)}: ${reports} reports (the seed and ${args.count} generated); ${runs} runs; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}.`,
      '',
      '| what | library | single-report build |',
      '|---|---:|---:|',
      `| build (scripts/build: report-viewer build) | ${buildSeconds.toFixed(0)} s | — |`,
      `| dist | ${files.length} files, ${(bytes / 1048576).toFixed(1)} MiB | ${singleFiles.length} files, ${(singleBytes / 1048576).toFixed(2)} MiB |`,
      `| index transfer (HTML + script + stylesheet), gzip / brotli | ${kib(indexTotal.gzip)} / ${kib(indexTotal.br)} (HTML ${kib(index[0][1].br)} brotli) | — |`,
      `| filter by year, ${rows} rows, slow mobile (median, range) | ${median(filter).toFixed(1)} ms (${range(filter)}) ${median(filter) <= FRAME_BUDGET_MS ? 'PASS' : 'FAIL'} < ${FRAME_BUDGET_MS} ms | — |`,
      `| search in titles, slow mobile | ${median(search).toFixed(1)} ms (${range(search)}) ${median(search) <= FRAME_BUDGET_MS ? 'PASS' : 'FAIL'} < ${FRAME_BUDGET_MS} ms | — |`,
      `| seed page: first contentful paint, slow mobile | ${m(loads.library, 'fcp').toFixed(0)} ms (×${ratio('fcp')}) | ${m(loads.single, 'fcp').toFixed(0)} ms |`,
      `| seed page: hydrated, slow mobile | ${m(loads.library, 'hydrated').toFixed(0)} ms (×${ratio('hydrated')}) | ${m(loads.single, 'hydrated').toFixed(0)} ms |`,
    ];
    const text = lines.join('\n');
    console.log(text);
    fs.writeFileSync(path.join(outDir, 'library.md'), `${text}\n`);
  } finally {
    await browser.close();
    await library.close();
    await single.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
