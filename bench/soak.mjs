#!/usr/bin/env node
// Long-life benchmark: a reader who jumps between sections and changes 字体 a
// thousand times. The JS heap and the wasm memory must stay flat (within ±5%
// of where they stood after a warm-up); the figures go into docs/benchmarks.md.
//
//   node bench/soak.mjs [--rounds 1000] [--warmup 50]
//
// Uses dist/ (or $GIR_DIST_DIR); run scripts/build first. Prints one Markdown
// table and writes it to bench/out/soak.md. Exits 0 once the figures are
// taken, even past ±5%: it is a benchmark, not a test.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/static-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = process.env.GIR_DIST_DIR ? path.resolve(process.env.GIR_DIST_DIR) : path.join(repoRoot, 'dist');
const outFile = path.join(repoRoot, 'bench', 'out', 'soak.md');
const TOLERANCE = 0.05;
const SECTIONS = ['sec-2', 'sec-8'];
const SIZES = ['大', '小'];

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '1000' }, warmup: { type: 'string', default: '50' } },
});
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);

/** One round: jump to a section through the 目录, then choose a size and wait until every part shows it. */
async function round(page, i) {
  const section = SECTIONS[i % SECTIONS.length];
  await page.click(`nav.gir-toc a[href="#${section}"]`);
  await page.waitForFunction((id) => location.hash === `#${id}`, section);
  const size = SIZES[i % SIZES.length];
  await page.click(`[role="group"][aria-label="字体"] button:text-is("${size}")`);
  await page.waitForFunction(() => !document.querySelector('.gir-report--resizing'));
}

/** After a full garbage collection: JS heap in use, wasm memory size, DOM nodes. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result: sizes } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }',
    returnByValue: true,
  });
  const wasm = sizes.value.reduce((a, b) => a + b, 0);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heap: usedSize, wasm, nodes };
}

const kB = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const change = (a, b) => `${(((b - a) / a) * 100).toFixed(1)}%`;

async function main() {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html missing: run scripts/build`);
  const server = await startServer({ root: distDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}index.html`);
    await page.waitForSelector('[data-gir-state="hydrated"]', { state: 'attached', timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < warmup; i++) await round(page, i);
    const samples = [{ round: 0, ...(await memory(page, cdp)) }];
    const started = Date.now();
    for (let i = 0; i < rounds; i++) {
      await round(page, i);
      if ((i + 1) % Math.max(1, Math.floor(rounds / 4)) === 0) samples.push({ round: i + 1, ...(await memory(page, cdp)) });
    }
    const seconds = (Date.now() - started) / 1000;
    if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
    const [first, last] = [samples[0], samples.at(-1)];
    const flat = (a, b) => Math.abs(b - a) / a <= TOLERANCE;
    const lines = [
      `Soak: ${rounds} rounds of a 目录 jump and a 字体 change (after ${warmup} to warm up), ${seconds.toFixed(0)} s, ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| after round | JS heap used | wasm memory | DOM elements |',
      '|---:|---:|---:|---:|',
      ...samples.map((s) => `| ${s.round} | ${kB(s.heap)} | ${kB(s.wasm)} | ${s.nodes} |`),
      `| **change** | ${change(first.heap, last.heap)} ${flat(first.heap, last.heap) ? 'PASS' : 'FAIL'} | ${change(first.wasm, last.wasm)} ${flat(first.wasm, last.wasm) ? 'PASS' : 'FAIL'} | ${last.nodes - first.nodes} |`,
      '',
      `Target: each within ±${TOLERANCE * 100}% of the first row.`,
    ];
    const text = lines.join('\n');
    console.log(text);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, `${text}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
