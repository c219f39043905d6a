#!/usr/bin/env node
// Authoring benchmark: how long `report-viewer import` takes on a page of about
// 200 KB, and `report-viewer check` on the seed dataset and on that import.
// Medians of wall time, the process start included (what an editor waits for).
//
//   cargo build --release -p report-viewer && node bench/authoring.mjs [--runs 9]
//
// The 200 KB page is the seed's text (tests/fixtures/seed-nanfen-2017.txt) with
// its body repeated until the text nears the dataset limit (200 KB of text):
// the metadata header and title once, then sections, subsections and lists
// as the seed prints them. Prints a Markdown table; writes bench/out/authoring.md.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tool = path.join(repoRoot, 'target', 'release', 'report-viewer');
const outDir = path.join(repoRoot, 'bench', 'out');
const TARGET_BYTES = 190 * 1024;

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Number(args.runs);

/** The seed text, its body repeated until the page holds about TARGET_BYTES. */
function bigPage() {
  const seed = fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'seed-nanfen-2017.txt'), 'utf8');
  const lines = seed.split('\n');
  const bodyStart = lines.findIndex((l) => l.startsWith('发布时间')) + 1;
  const head = lines.slice(0, bodyStart).join('\n');
  const body = lines.slice(bodyStart).join('\n');
  let page = head;
  while (Buffer.byteLength(page) + Buffer.byteLength(body) < TARGET_BYTES) page += `\n${body}`;
  return page;
}

/** Median wall time in ms of `runs` runs of the tool with `argv`; every run must end with an allowed status. */
function time(argv, allowed = [0]) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    try {
      execFileSync(tool, argv, { stdio: 'pipe' });
      if (!allowed.includes(0)) throw new Error(`${argv.join(' ')}: status 0`);
    } catch (error) {
      if (error.status === undefined || !allowed.includes(error.status)) throw error;
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], min: times[0], max: times.at(-1) };
}

const ms = (t) => `${t.median.toFixed(1)} ms (${t.min.toFixed(1)}–${t.max.toFixed(1)})`;

function main() {
  if (!fs.existsSync(tool)) throw new Error(`${tool} missing: run cargo build --release -p report-viewer`);
  fs.mkdirSync(outDir, { recursive: true });
  const pageFile = path.join(outDir, 'authoring-page.txt');
  const datasetFile = path.join(outDir, 'authoring-page.json');
  fs.writeFileSync(pageFile, bigPage());
  const pageBytes = fs.statSync(pageFile).size;
  const importTime = time(['import', pageFile, '--id', 'bench-page', '-o', datasetFile]);
  const datasetBytes = fs.statSync(datasetFile).size;
  const seedDataset = path.join(repoRoot, 'assets', 'reports', 'nanfen-2017.json');
  const checkSeed = time(['check', seedDataset]);
  const checkBig = time(['check', datasetFile]);
  const lines = [
    `Authoring benchmark, ${new Date().toISOString().slice(0, 10)}: ${runs} runs each, median (min–max) of wall time including the process start; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)} at the end.`,
    '',
    '| command | input | time |',
    '|---|---|---:|',
    `| \`report-viewer import\` | text page, ${(pageBytes / 1024).toFixed(0)} KiB | ${ms(importTime)} |`,
    `| \`report-viewer check\` | the seed dataset, ${(fs.statSync(seedDataset).size / 1024).toFixed(0)} KiB | ${ms(checkSeed)} |`,
    `| \`report-viewer check\` | that import, ${(datasetBytes / 1024).toFixed(0)} KiB | ${ms(checkBig)} |`,
  ];
  const text = lines.join('\n');
  console.log(text);
  fs.writeFileSync(path.join(outDir, 'authoring.md'), `${text}\n`);
}

main();
