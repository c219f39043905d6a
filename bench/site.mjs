#!/usr/bin/env node
// Site build benchmark: `report-viewer build` on generated libraries (bench/gen-library.mjs),
// cold, again with nothing changed, with one sentence changed and with one report added;
// wall time, peak memory (GNU time's maximum resident set size) and files rewritten.
// Optionally the same cold build by the commit before report-viewer carried the wasm
// (Trunk, build.rs embedding every report), in the same run, as the baseline.
//
//   cargo build --release -p report-viewer
//   node bench/site.mjs                         # 1,000 and 5,000 reports
//   node bench/site.mjs --counts 1000,5000,30000
//   node bench/site.mjs --baseline ff2ad6d      # and that commit's Trunk build (needs trunk;
//                                               # a few minutes per 1,000 reports)
//
// Prints one Markdown table; the goals are issue 20's.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench', 'out', 'site');
const { values: args } = parseArgs({
  options: {
    counts: { type: 'string', default: '1000,5000' },
    baseline: { type: 'string' },
    binary: { type: 'string', default: path.join(root, 'target', 'release', 'report-viewer') },
  },
});
const GOALS = { 1000: { cold: 10 }, 5000: { cold: 45, peakMiB: 500, oneChanged: 2 }, 30000: { cold: 300, peakMiB: 500 } };

if (!fs.existsSync(args.binary)) throw new Error(`${args.binary} is missing: cargo build --release -p report-viewer`);
if (!fs.existsSync('/usr/bin/time')) throw new Error('/usr/bin/time (GNU time) is missing: apt-get install time');

/** Runs a command under GNU time: { seconds, peakMiB, stdout }. */
function timed(command, argv, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')}: ${result.stderr.slice(-2000)}`);
  const [seconds, kib] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { seconds, peakMiB: kib / 1024, stdout: result.stdout };
}

const written = (stdout) => Number(stdout.match(/(\d+) file\(s\) written/)?.[1] ?? NaN);
const rows = [];
const row = (measure, value, goal = '—') => rows.push(`| ${measure} | ${value} | ${goal} |`);

for (const count of args.counts.split(',').map(Number)) {
  const data = path.join(out, `data-${count}`);
  const site = path.join(out, `site-${count}`);
  fs.rmSync(data, { recursive: true, force: true });
  fs.rmSync(site, { recursive: true, force: true });
  const bodies = String(Math.max(60, Math.ceil(count / 15)));
  execFileSync('node', [path.join(root, 'bench', 'gen-library.mjs'), data, '--count', String(count), '--bodies', bodies], { stdio: 'ignore' });
  const build = () => timed(args.binary, ['build', data, '-o', site]);
  const goal = GOALS[count] ?? {};

  const cold = build();
  const files = written(cold.stdout);
  row(`${count} reports, cold`, `${cold.seconds.toFixed(2)} s, ${cold.peakMiB.toFixed(0)} MiB peak, ${files} files`,
    [goal.cold && `< ${goal.cold} s`, goal.peakMiB && `< ${goal.peakMiB} MiB`].filter(Boolean).join(', ') || '—');
  const again = build();
  row(`${count} reports, nothing changed`, `${again.seconds.toFixed(2)} s, ${written(again.stdout)} files rewritten`);
  // One sentence of the newest report changes.
  const newest = fs.readdirSync(data).filter((f) => f.endsWith('.json')).sort().at(-1);
  const file = path.join(data, newest);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('。', '。 '));
  const changed = build();
  row(`${count} reports, one sentence changed`, `${changed.seconds.toFixed(2)} s, ${written(changed.stdout)} files rewritten`,
    goal.oneChanged ? `< ${goal.oneChanged} s` : '—');
  // One report added: a copy of the newest under another id and body.
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  json.id = `${json.id}-added`;
  json.meta.publisher = `${json.meta.publisher}新增`;
  fs.writeFileSync(path.join(data, `${json.id}.json`), JSON.stringify(json, null, 2));
  const added = build();
  row(`${count} reports, one report added`, `${added.seconds.toFixed(2)} s, ${written(added.stdout)} files rewritten`);

  if (args.baseline) {
    const tree = path.join(out, 'baseline');
    if (!fs.existsSync(tree)) execFileSync('git', ['worktree', 'add', '--detach', tree, args.baseline], { cwd: root, stdio: 'ignore' });
    const dist = path.join(out, `baseline-dist-${count}`);
    fs.rmSync(dist, { recursive: true, force: true });
    const base = timed(path.join(tree, 'scripts', 'build'), ['--dist', dist], {
      cwd: tree,
      env: { ...process.env, GIR_REPORTS_DIRS: `assets/reports:${data}` },
    });
    row(`${count} reports, cold, baseline ${args.baseline} (Trunk)`, `${base.seconds.toFixed(2)} s, ${base.peakMiB.toFixed(0)} MiB peak (largest process)`);
  }
}

const binary = fs.statSync(args.binary).size;
row('report-viewer binary (release)', `${(binary / 1048576).toFixed(1)} MiB`);
const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`| measure | report-viewer | goal |\n|---|---|---|\n${rows.join('\n')}\n\n${new Date().toISOString()}, load average ${load}`);
