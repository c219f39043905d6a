// Prints the sizes of the .wasm and .js files in a directory (default dist/):
// raw bytes, gzip -9 bytes, brotli (quality 11) bytes, and their sums.
//
//   node scripts/size-report.mjs [DIR]
//
// Informational: exits 0 unless DIR is missing.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? 'dist');
if (!fs.existsSync(dir)) {
  console.error(`size-report: ${dir} does not exist`);
  process.exit(1);
}

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dir)
  .filter((f) => /\.(wasm|m?js)$/.test(f))
  .sort();

const rows = files.map((f) => {
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
});

const total = rows.reduce((t, r) => ({ name: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, br: t.br + r.br }), {
  name: 'total',
  raw: 0,
  gzip: 0,
  br: 0,
});

const head = { name: 'file', raw: 'raw B', gzip: 'gzip -9 B', br: 'brotli 11 B' };
const all = [head, ...rows, total];
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
