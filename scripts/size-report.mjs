// Prints the sizes of the .wasm and .js files in a directory (default dist/):
// raw bytes, gzip -9 bytes, brotli (quality 11) bytes, and their sums.
//
//   node scripts/size-report.mjs [DIR]
//
// Then checks the budget of a report page: what it loads to start the viewer
// (the boot module gir-viewer.js, the wasm-bindgen glue viewer-*.js and the
// wasm viewer-*_bg.wasm; not gir-frame-host.js, which only host pages load)
// must stay within 100,000 B brotli. Exits 1 when it does not, or when DIR is
// missing. Last, the reports' data files (data/*.bin): each report page
// fetches its own report's, beside the budget (the wasm embeds no report).
//
// The bench (bench/run.mjs) imports sizeReport() for the same figures:
//
//   import { sizeReport } from '../scripts/size-report.mjs';
//   const { pageFiles, pageBr } = sizeReport('dist');

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The report page's budget for what starts the viewer (boot module, glue, wasm), brotli. */
export const BUDGET_BR = 100_000;
/** The files a report page loads to start the viewer, by their names in the build. */
export const PAGE_FILE = /^(gir-viewer\.js|viewer-[^/]*\.js|viewer-[^/]*_bg\.wasm)$/;

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** { name (relative to dir), raw, gzip (-9), br (quality 11) } bytes of one file. */
function sizes(dir, f) {
  const raw = fs.readFileSync(f);
  return {
    name: path.relative(dir, f),
    raw: raw.length,
    gzip: zlib.gzipSync(raw, { level: 9 }).length,
    br: zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm')
          ? zlib.constants.BROTLI_MODE_GENERIC
          : zlib.constants.BROTLI_MODE_TEXT,
      },
    }).length,
  };
}

/**
 * The sizes of a build directory: `rows` (every .wasm and .js file, sorted), their
 * `total`, `dataRows` (the reports' data files, data/*.bin), and the report page's
 * `pageFiles` (the rows of the boot module, the glue and the wasm) with `pageBr`, the
 * sum of their brotli sizes. Throws when `dir` does not exist.
 */
export function sizeReport(dir) {
  dir = path.resolve(dir);
  if (!fs.existsSync(dir)) throw new Error(`size-report: ${dir} does not exist`);
  const rows = walk(dir)
    .filter((f) => /\.(wasm|m?js)$/.test(f))
    .sort()
    .map((f) => sizes(dir, f));
  // The reports' data, one file per report, outside the budget.
  const dataDir = path.join(dir, 'data');
  const dataRows = (fs.existsSync(dataDir) ? walk(dataDir) : [])
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((f) => sizes(dir, f));
  const total = rows.reduce((t, r) => ({ name: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, br: t.br + r.br }), {
    name: 'total',
    raw: 0,
    gzip: 0,
    br: 0,
  });
  const pageFiles = rows.filter((r) => PAGE_FILE.test(r.name));
  const pageBr = pageFiles.reduce((sum, r) => sum + r.br, 0);
  return { dir, rows, total, dataRows, pageFiles, pageBr };
}

// ---- CLI ----------------------------------------------------------------------
function main() {
  const dir = path.resolve(process.argv[2] ?? 'dist');
  if (!fs.existsSync(dir)) {
    console.error(`size-report: ${dir} does not exist`);
    process.exit(1);
  }
  const { rows, total, dataRows, pageFiles, pageBr } = sizeReport(dir);

  const head = { name: 'file', raw: 'raw B', gzip: 'gzip -9 B', br: 'brotli 11 B' };
  const all = [head, ...rows, total, ...dataRows];
  const w = {
    name: Math.max(...all.map((r) => String(r.name).length)),
    raw: Math.max(...all.map((r) => String(r.raw).length)),
    gzip: Math.max(...all.map((r) => String(r.gzip).length)),
    br: Math.max(...all.map((r) => String(r.br).length)),
  };
  const line = (r) =>
    `${String(r.name).padEnd(w.name)}  ${String(r.raw).padStart(w.raw)}  ${String(r.gzip).padStart(w.gzip)}  ${String(r.br).padStart(w.br)}`;
  const rule = '-'.repeat(w.name + w.raw + w.gzip + w.br + 6);

  const shown = path.relative(process.cwd(), dir);
  console.log(`size report for ${shown && !shown.startsWith('..') ? shown : dir} (wasm + js)`);
  console.log(line(head));
  console.log(rule);
  if (rows.length === 0) console.log('(no .wasm or .js files)');
  for (const r of rows) console.log(line(r));
  console.log(rule);
  console.log(line(total));
  console.log(`total: ${(total.raw / 1024).toFixed(1)} KiB raw, ${(total.gzip / 1024).toFixed(1)} KiB gzip, ${(total.br / 1024).toFixed(1)} KiB brotli`);

  // The report page's budget.
  const verdict = pageBr <= BUDGET_BR ? 'within' : 'OVER';
  console.log(
    `report page (${pageFiles.map((r) => r.name).join(' + ')}): ${pageBr} B brotli, ${verdict} the budget of ${BUDGET_BR} B`,
  );

  console.log(`report data (${dataRows.length} file(s); a report page fetches its own report's, not counted in the budget):`);
  for (const r of dataRows) console.log(line(r));

  if (pageFiles.length !== 3 || pageBr > BUDGET_BR) {
    if (pageFiles.length !== 3) console.error(`size-report: expected the boot module, the glue and the wasm, found ${pageFiles.length} file(s)`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
