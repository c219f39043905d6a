#!/usr/bin/env node
// Authoring benchmark: how long `report-viewer import` takes on pages of about
// 200 KB (a text page, and an HTML page as portals publish it), and
// `report-viewer check` on the seed dataset and on those imports.
// Medians of wall time, the process start included (what an editor waits for).
//
//   cargo build --release -p report-viewer && node bench/authoring.mjs [--runs 9]
//
// The 200 KB page is the seed's text (tests/fixtures/seed-nanfen-2017.txt) with
// its body repeated until the text nears the dataset limit (200 KB of text):
// the metadata header and title once, then sections, subsections and lists
// as the seed prints them. The 200 KB HTML page is the Word-pasted 2021-format
// fixture (tests/fixtures/import/sample-2021.html: metadata table, chrome, `<span>`
// runs, the three tables with merged cells) with its body repeated until the page
// holds at least as much.
// Prints a Markdown table; writes bench/out/authoring.md.

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

/** The Word-pasted 2021 page, its body repeated until the page holds about TARGET_BYTES. */
function bigHtmlPage() {
  const page = fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'import', 'sample-2021.html'), 'utf8');
  const open = page.indexOf("<div class=WordSection1");
  const start = page.indexOf('>', open) + 1;
  const end = page.indexOf('</div>\n<!--<$[信息内容]>end-->');
  if (open < 0 || end < start) throw new Error('sample-2021.html: body not found');
  const body = page.slice(start, end);
  // At least TARGET_BYTES: the page holds whole copies of its body.
  const around = Buffer.byteLength(page) - Buffer.byteLength(body);
  let repeated = body;
  while (around + Buffer.byteLength(repeated) < TARGET_BYTES) repeated += body;
  return page.slice(0, start) + repeated + page.slice(end);
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
  const htmlFile = path.join(outDir, 'authoring-page.html');
  const htmlDatasetFile = path.join(outDir, 'authoring-page-html.json');
  fs.writeFileSync(htmlFile, bigHtmlPage());
  const htmlBytes = fs.statSync(htmlFile).size;
  const importHtml = time(['import', htmlFile, '--id', 'bench-html', '-o', htmlDatasetFile]);
  const htmlDatasetBytes = fs.statSync(htmlDatasetFile).size;
  const seedDataset = path.join(repoRoot, 'assets', 'reports', 'nanfen-2017.json');
  const checkSeed = time(['check', seedDataset]);
  const checkBig = time(['check', datasetFile]);
  // Tables read several times over break the consistency rules: warnings (status 0).
  const checkHtml = time(['check', htmlDatasetFile]);
  const lines = [
    `Authoring benchmark, ${new Date().toISOString().slice(0, 10)}: ${runs} runs each, median (min–max) of wall time including the process start; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)} at the end.`,
    '',
    '| command | input | time |',
    '|---|---|---:|',
    `| \`report-viewer import\` | text page, ${(pageBytes / 1024).toFixed(0)} KiB | ${ms(importTime)} |`,
    `| \`report-viewer check\` | the seed dataset, ${(fs.statSync(seedDataset).size / 1024).toFixed(0)} KiB | ${ms(checkSeed)} |`,
    `| \`report-viewer import\` | HTML page (Word-pasted, 2021 tables), ${(htmlBytes / 1024).toFixed(0)} KiB | ${ms(importHtml)} |`,
    `| \`report-viewer check\` | that text import, ${(datasetBytes / 1024).toFixed(0)} KiB | ${ms(checkBig)} |`,
    `| \`report-viewer check\` | that HTML import, ${(htmlDatasetBytes / 1024).toFixed(0)} KiB | ${ms(checkHtml)} |`,
  ];
  const text = lines.join('\n');
  console.log(text);
  fs.writeFileSync(path.join(outDir, 'authoring.md'), `${text}\n`);
}

main();
