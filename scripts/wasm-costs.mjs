// What each part of the viewer's wasm costs: a table by category (Yew, the
// app's components, report decoding, the model, the standard-table layouts,
// formatting, allocator and std, the wasm-bindgen glue, …), in raw bytes and
// brotli bytes. Run by hand (not part of CI; about 2 minutes):
//
//   node scripts/wasm-costs.mjs [--no-build] [--dist DIR] [--items N]
//
// 1. Builds the viewer wasm as crates/site/build.rs does, but with v0 symbol
//    names (so a generic instance such as Yew's
//    `CompStateInner<COMP>::view` names its component), in its own target
//    directory (target/wasm-costs, or $WASM_COSTS_TARGET_DIR), so the normal
//    build stays as it is; then wasm-bindgen (--keep-debug) and wasm-opt with
//    index.html's flags plus --debuginfo, which keeps the name section.
//    --no-build reuses the last build.
// 2. Lists every item with `twiggy top` and puts each in a category by its
//    name (the rules are `CATEGORIES` below). The name section is left out
//    of every total. Data segments are split into the objects code points
//    at (an `i32.const`/`i64.const` or a load/store offset in the data's
//    address range, or a pointer inside other data), and each object goes to
//    the category of what points at it; data nothing points at is its own row.
// 3. Prints, per category: raw bytes and share (exact for this build), an
//    estimate of its brotli bytes (the share applied to the brotli size of
//    the production wasm, DIR/viewer-*_bg.wasm, default dist/; or of this
//    build without its names when DIR has none), and its removal delta: the
//    brotli size of this build's wasm without its names minus that of the
//    same bytes with the category's function bodies and data objects cut out
//    (exact for those bytes; a rebuild without the feature would also drop
//    whatever only it used, and the deltas do not add up to the total).
//    Then the JS files a report page loads, from DIR, exactly, and the
//    largest items (--items N, default 25).
//
// The build with names differs from the production build by a few hundred
// bytes (printed); the categories follow names, so an item that wasm-opt
// inlined into another counts where it landed (e.g. the body of `mount`,
// with the report decoding inlined into it, is the wasm-bindgen shim
// `mount externref shim`, counted under the app's entry).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseCsv } from './csv.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const distDir = path.resolve(option('--dist', path.join(root, 'dist')));
const shownItems = Number(option('--items', '25'));
const targetDir = path.resolve(process.env.WASM_COSTS_TARGET_DIR ?? path.join(root, 'target', 'wasm-costs'));
const outDir = path.join(targetDir, 'costs');

const run = (command, argv, options = {}) =>
  execFileSync(command, argv, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30, ...options });

const brotli = (bytes) =>
  zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

// ---- 1. the build with names ---------------------------------------------

// wasm-opt's flags, as index.html declares them (crates/site/build.rs reads them too).
const indexHtml = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const rustLink = indexHtml.match(/<link data-trunk rel="rust"[^>]*>/)?.[0] ?? '';
const optLevel = rustLink.match(/data-wasm-opt="([^"]*)"/)?.[1] ?? 'z';
const optParams = (rustLink.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '').split(/\s+/).filter(Boolean);
const featureParams = optParams.filter((p) => p.startsWith('--enable-') || p.startsWith('--disable-'));

const env = { ...process.env, PATH: `${path.join(root, 'node_modules', '.bin')}:${process.env.PATH}` };
const costsWasm = path.join(outDir, 'costs.wasm');
if (!flag('--no-build')) {
  // Any rustflags the wasm target already has (.cargo/config.toml), plus v0
  // names: RUSTFLAGS would replace the configured ones, not add to them.
  const configured = (() => {
    const config = path.join(root, '.cargo', 'config.toml');
    if (!fs.existsSync(config)) return [];
    const text = fs.readFileSync(config, 'utf8');
    const section = text.split(/^\[/m).find((s) => s.startsWith('target.wasm32-unknown-unknown]'));
    const list = section?.match(/^rustflags\s*=\s*\[([^\]]*)\]/m)?.[1] ?? '';
    return [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  })();
  const rustflags = [...configured, '-C', 'symbol-mangling-version=v0'].join(' ');
  console.error(`wasm-costs: cargo build (RUSTFLAGS="${rustflags}", target dir ${path.relative(root, targetDir) || targetDir})`);
  run('cargo', ['build', '--profile', 'wasm-release', '--target', 'wasm32-unknown-unknown', '--bin', 'viewer', '--features', 'hydration'], {
    env: { ...env, RUSTFLAGS: rustflags, CARGO_TARGET_DIR: targetDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  fs.mkdirSync(outDir, { recursive: true });
  console.error('wasm-costs: wasm-bindgen --keep-debug');
  run('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--keep-debug', '--out-dir', outDir, '--out-name', 'viewer',
    path.join(targetDir, 'wasm32-unknown-unknown', 'wasm-release', 'viewer.wasm'),
  ], { env });
  console.error(`wasm-costs: wasm-opt -O${optLevel} ${optParams.join(' ')} --debuginfo`);
  run('wasm-opt', [`-O${optLevel}`, ...optParams, '--debuginfo', path.join(outDir, 'viewer_bg.wasm'), '-o', costsWasm], { env });
}
if (!fs.existsSync(costsWasm)) {
  console.error(`wasm-costs: ${costsWasm} is missing (run without --no-build)`);
  process.exit(1);
}

// ---- the module's bytes: sections, names, code, data ----------------------

const wasm = fs.readFileSync(costsWasm);

function reader(bytes, at = 0) {
  const r = {
    at,
    byte: () => bytes[r.at++],
    u32() {
      let result = 0;
      let shift = 0;
      let b;
      do {
        b = bytes[r.at++];
        result += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return result;
    },
    // Signed LEB128 as a BigInt (i32 and i64 constants alike).
    sleb() {
      let result = 0n;
      let shift = 0n;
      let b;
      do {
        b = bytes[r.at++];
        result |= BigInt(b & 0x7f) << shift;
        shift += 7n;
      } while (b & 0x80);
      if (b & 0x40) result -= 1n << shift;
      return result;
    },
    name() {
      const length = r.u32();
      const text = bytes.subarray(r.at, r.at + length).toString('utf8');
      r.at += length;
      return text;
    },
  };
  return r;
}

const sections = [];
{
  const r = reader(wasm, 8);
  while (r.at < wasm.length) {
    const start = r.at;
    const id = r.byte();
    const size = r.u32();
    const body = r.at;
    let name = '';
    if (id === 0) name = reader(wasm, body).name();
    sections.push({ id, name, start, body, end: body + size });
    r.at = body + size;
  }
}
const section = (id) => sections.find((s) => s.id === id);

// Imported functions come first in the function index space.
let importedFunctions = 0;
if (section(2)) {
  const r = reader(wasm, section(2).body);
  for (let n = r.u32(); n > 0; n--) {
    r.name();
    r.name();
    const kind = r.byte();
    if (kind === 0) {
      r.u32();
      importedFunctions++;
    } else if (kind === 1) {
      r.byte();
      const flags = r.byte();
      r.u32();
      if (flags & 1) r.u32();
    } else if (kind === 2) {
      const flags = r.byte();
      r.u32();
      if (flags & 1) r.u32();
    } else if (kind === 3) {
      r.byte();
      r.byte();
    } else {
      r.byte();
      r.u32();
    }
  }
}

const functionNames = new Map();
const nameSection = sections.find((s) => s.id === 0 && s.name === 'name');
if (nameSection) {
  const r = reader(wasm, nameSection.body);
  r.name();
  while (r.at < nameSection.end) {
    const kind = r.byte();
    const size = r.u32();
    const end = r.at + size;
    if (kind === 1) {
      for (let n = r.u32(); n > 0; n--) {
        const index = r.u32();
        functionNames.set(index, r.name());
      }
    }
    r.at = end;
  }
}

// Function bodies: where each is, and the addresses its constants and
// memory offsets name.
const bodies = [];
{
  const code = section(10);
  const r = reader(wasm, code.body);
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    const size = r.u32();
    const start = r.at;
    const end = start + size;
    const refs = [];
    for (let groups = r.u32(); groups > 0; groups--) {
      r.u32();
      r.byte();
    }
    while (r.at < end) {
      const op = r.byte();
      if (op === 0x02 || op === 0x03 || op === 0x04) {
        const t = wasm[r.at];
        if (t === 0x40 || (t >= 0x6f && t <= 0x7f)) r.at++;
        else r.sleb();
      } else if (op === 0x0c || op === 0x0d || op === 0x10 || op === 0x12 || (op >= 0x20 && op <= 0x26) || op === 0xd2) {
        r.u32();
      } else if (op === 0x0e) {
        for (let n = r.u32() + 1; n > 0; n--) r.u32();
      } else if (op === 0x11 || op === 0x13) {
        r.u32();
        r.u32();
      } else if (op === 0x1c) {
        for (let n = r.u32(); n > 0; n--) r.byte();
      } else if (op >= 0x28 && op <= 0x3e) {
        r.u32();
        refs.push(r.u32());
      } else if (op === 0x3f || op === 0x40 || op === 0xd0) {
        r.byte();
      } else if (op === 0x41) {
        refs.push(Number(BigInt.asUintN(32, r.sleb())));
      } else if (op === 0x42) {
        const value = BigInt.asUintN(64, r.sleb());
        // Two 32-bit words stored at once (a pointer and a length).
        refs.push(Number(value & 0xffffffffn), Number(value >> 32n));
      } else if (op === 0x43) {
        r.at += 4;
      } else if (op === 0x44) {
        r.at += 8;
      } else if (op === 0xfc) {
        const sub = r.u32();
        if (sub === 8) {
          r.u32();
          r.byte();
        } else if (sub === 9 || sub === 13 || (sub >= 15 && sub <= 17)) r.u32();
        else if (sub === 10) {
          r.byte();
          r.byte();
        } else if (sub === 11) r.byte();
        else if (sub === 12 || sub === 14) {
          r.u32();
          r.u32();
        }
      }
      // Every other opcode of the features enabled has no immediate.
    }
    const index = importedFunctions + i;
    bodies.push({ index, name: functionNames.get(index) ?? `code[${i}]`, start, end, refs });
  }
}
{
  // Each body's size prefix belongs to it too (as twiggy counts).
  const r = reader(wasm, section(10).body);
  r.u32();
  for (const body of bodies) {
    body.start = r.at;
    r.u32();
    r.at = body.end;
  }
}

const segments = [];
if (section(11)) {
  const r = reader(wasm, section(11).body);
  for (let n = r.u32(), i = 0; i < n; i++) {
    const start = r.at;
    const kind = r.u32();
    let offset = null;
    if (kind === 0 || kind === 2) {
      if (kind === 2) r.u32();
      const op = r.byte();
      const value = r.sleb();
      if (op === 0x41) offset = Number(value);
      r.byte();
    }
    const length = r.u32();
    segments.push({ index: i, start, bytes: r.at, end: r.at + length, offset, length });
    r.at += length;
  }
}

// ---- 2. categories -----------------------------------------------------

const plain = (name) => name.replace(/\[[0-9a-f]{16}\]/g, '');

// First rule that matches wins; names are matched without crate hashes.
const CATEGORIES = [
  ['standard-table layouts (gir_model::standard)', /\bgir_model::standard\b/],
  ['report decoding (bincode, the Decode impls)', /\bbincode::/],
  ['app: components (gir::components, gir::app)', /\bgir::(components|app)\b/],
  ['app entry: mount (the report decoding inlined into it)', /^mount externref shim$|^viewer::|^mount$|^main$|export "mount"/],
  ['app: hooks, services, state, mount config', /\bgir::/],
  ['model (gir_model, but the layouts)', /\bgir_model::/],
  ['panics (panic machinery, console_error_panic_hook)', /\bpanicking\b|console_error_panic_hook|\bpanic\b|panic_fmt|rust_begin_unwind|__rust_start_panic|\bpanic_(bounds|const|nounwind|misaligned)/],
  ['formatting (core::fmt, alloc::fmt, Display, Debug)', /\bcore::fmt\b|\balloc::fmt\b|fmt::Display|fmt::Debug|fmt::Write|::fmt$|ToString|escape_debug|Formatter|\bcore::unicode\b/],
  ['Yew (yew, implicit_clone, indexmap, slab)', /\byew::|\bimplicit_clone::|\bindexmap::|\bslab::|\bprokio::|\bpinned::/],
  ['wasm-bindgen, js-sys, web-sys, gloo (glue)', /\bwasm_bindgen\b|\bjs_sys::|\bweb_sys::|\bgloo|__wbindgen|__wbg_|externref|^import |^export |__externref|wasm_bindgen_futures/],
  ['allocator (talc; dlmalloc before)', /\bdlmalloc::|\btalc::|__rust_(alloc|dealloc|realloc|alloc_zeroed|alloc_error)|__rdl_|__rg_/],
  ['std, core, alloc (other)', /^<?\(?&?(core|alloc|std|hashbrown)::|^<\[|^<str>|^<char>|^<u\d+|^<i\d+|^<usize|^<\(|^__(mul|div|mod|ash|lsh)|^memcpy|^memset|^memmove|^memcmp|^strlen/],
];
const DATA_UNATTRIBUTED = 'data nothing points at (unattributed constants)';
const NAMES = 'the name section (left out)';
const OTHER = 'other (tables, types, globals, unnamed)';

function categorize(name) {
  const p = plain(name);
  if (/^"[^"]*" subsection$|^custom section|^"name" section/.test(p)) return NAMES;
  for (const [category, rule] of CATEGORIES) if (rule.test(p)) return category;
  return OTHER;
}

// The items, as twiggy lists them.
const csv = run('twiggy', ['top', '-n', '1000000', '--format', 'csv', costsWasm], { env }).toString('utf8');
const items = parseCsv(csv, '\n')
  .slice(1)
  .filter((r) => r.length >= 2 && r[0] !== 'Σ' && !/^\u03a3|^Σ/.test(r[0]) && !/^\.\.\. and \d+ more/.test(r[0]))
  .map(([name, size]) => ({ name, size: Number(size) }))
  .filter((i) => Number.isFinite(i.size));

// Data: split each segment at the addresses code or data point at.
const dataStart = Math.min(...segments.filter((s) => s.offset !== null).map((s) => s.offset));
const dataEnd = Math.max(...segments.filter((s) => s.offset !== null).map((s) => s.offset + s.length));
const inData = (a) => a >= dataStart && a < dataEnd;
const pointedBy = new Map(); // address -> Set of categories
const pointedByName = new Map(); // address -> Set of function names
const point = (address, body) => {
  if (!inData(address)) return;
  if (!pointedBy.has(address)) pointedBy.set(address, new Set());
  if (!pointedByName.has(address)) pointedByName.set(address, new Set());
  pointedBy.get(address).add(body.category);
  pointedByName.get(address).add(body.name);
};
for (const body of bodies) {
  body.category = categorize(body.name);
  for (const address of body.refs) point(address, body);
}
// Pointers inside data (4-byte aligned words): static tables of strings,
// vtables' strings. Resolved below through the object holding them.
const dataPointers = [];
for (const s of segments) {
  if (s.offset === null) continue;
  for (let a = Math.ceil(s.offset / 4) * 4; a + 4 <= s.offset + s.length; a += 4) {
    const word = wasm.readUInt32LE(s.bytes + (a - s.offset));
    if (inData(word)) dataPointers.push({ from: a, to: word });
  }
}
for (const { to } of dataPointers) if (!pointedBy.has(to)) pointedBy.set(to, new Set());
const starts = [...pointedBy.keys()].sort((a, b) => a - b);
const objects = [];
for (const s of segments) {
  if (s.offset === null) continue;
  const cuts = [s.offset, ...starts.filter((a) => a > s.offset && a < s.offset + s.length), s.offset + s.length];
  for (let i = 0; i + 1 < cuts.length; i++) {
    objects.push({
      segment: s,
      from: cuts[i],
      to: cuts[i + 1],
      by: new Set(pointedBy.get(cuts[i]) ?? []),
      names: new Set(pointedByName.get(cuts[i]) ?? []),
    });
  }
}
const objectAt = (address) => {
  let low = 0;
  let high = objects.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (objects[mid].to <= address) low = mid + 1;
    else if (objects[mid].from > address) high = mid - 1;
    else return objects[mid];
  }
  return null;
};
// An object pointed at only from other data takes the categories of the
// objects pointing at it, until nothing changes.
const fromData = new Map();
for (const { from, to } of dataPointers) {
  const target = objectAt(to);
  const holder = objectAt(from);
  if (target && holder && target !== holder) {
    if (!fromData.has(target)) fromData.set(target, new Set());
    fromData.get(target).add(holder);
  }
}
for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
  changed = false;
  for (const [target, holders] of fromData) {
    for (const holder of holders) {
      for (const category of holder.by) {
        if (!target.by.has(category)) {
          target.by.add(category);
          changed = true;
        }
      }
      for (const name of holder.names) target.names.add(name);
    }
  }
}

// ---- 3. totals --------------------------------------------------------------

const totals = new Map();
const add = (category, raw) => totals.set(category, (totals.get(category) ?? 0) + raw);
const removed = new Map(); // category -> [start, end) byte ranges of the file
const cut = (category, start, end) => {
  if (!removed.has(category)) removed.set(category, []);
  removed.get(category).push([start, end]);
};
let dataItems = 0;
for (const item of items) {
  if (/^data segment |^data\[\d+\]$/.test(item.name)) {
    dataItems += item.size;
    continue;
  }
  add(categorize(item.name), item.size);
}
for (const body of bodies) cut(body.category, body.start, body.end);
let objectBytes = 0;
for (const o of objects) objectBytes += o.to - o.from;
for (const o of objects) {
  // Twiggy counts each segment with its header; spread that over its objects.
  const raw = ((o.to - o.from) * dataItems) / objectBytes;
  const categories = [...o.by];
  const fileFrom = o.segment.bytes + (o.from - o.segment.offset);
  const fileTo = o.segment.bytes + (o.to - o.segment.offset);
  if (categories.length === 0) {
    add(DATA_UNATTRIBUTED, raw);
    cut(DATA_UNATTRIBUTED, fileFrom, fileTo);
  } else {
    for (const c of categories) add(c, raw / categories.length);
    // Cut out with the first category that points at it (for the removal delta).
    cut(categories[0], fileFrom, fileTo);
  }
}
const dataTotals = new Map();
for (const o of objects) {
  const categories = o.by.size ? [...o.by] : [DATA_UNATTRIBUTED];
  for (const c of categories) dataTotals.set(c, (dataTotals.get(c) ?? 0) + ((o.to - o.from) * dataItems) / objectBytes / categories.length);
}

// The wasm as shipped: this build without its custom sections but those the
// production build keeps.
const withoutNames = Buffer.concat([
  wasm.subarray(0, 8),
  ...sections.filter((s) => !(s.id === 0 && s.name === 'name')).map((s) => wasm.subarray(s.start, s.end)),
]);
// Where a byte of the module with names is in the module without them.
const shifted = (offset) =>
  nameSection && nameSection.end <= offset ? offset - (nameSection.end - nameSection.start) : offset;
const brotliWithoutNames = brotli(withoutNames);
const prodWasm = fs.existsSync(distDir) ? fs.readdirSync(distDir).find((f) => /^viewer-.*_bg\.wasm$/.test(f)) : undefined;
const prodBytes = prodWasm ? fs.readFileSync(path.join(distDir, prodWasm)) : null;
const prodBrotli = prodBytes ? brotli(prodBytes) : brotliWithoutNames;

function brotliWithout(ranges) {
  const sorted = ranges.map(([a, b]) => [shifted(a), shifted(b)]).sort((x, y) => x[0] - y[0]);
  const parts = [];
  let at = 0;
  for (const [a, b] of sorted) {
    parts.push(withoutNames.subarray(at, a));
    at = b;
  }
  parts.push(withoutNames.subarray(at));
  return brotli(Buffer.concat(parts));
}

const counted = [...totals].filter(([c]) => c !== NAMES);
const total = counted.reduce((t, [, raw]) => t + raw, 0);
const rows = counted
  .sort((a, b) => b[1] - a[1])
  .map(([category, raw]) => ({
    category,
    raw: Math.round(raw),
    data: Math.round(dataTotals.get(category) ?? 0),
    share: raw / total,
    estimate: Math.round((raw / total) * prodBrotli),
    delta: removed.has(category) ? brotliWithoutNames - brotliWithout(removed.get(category)) : null,
  }));

// ---- output -----------------------------------------------------------------

const pageJs = prodWasm
  ? fs
      .readdirSync(distDir)
      .filter((f) => f === 'gir-viewer.js' || /^viewer-[^/]*\.js$/.test(f))
      .sort()
      .map((f) => {
        const bytes = fs.readFileSync(path.join(distDir, f));
        return { name: f, raw: bytes.length, br: brotli(bytes) };
      })
  : [];

const fmt = (n) => (n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const date = new Date().toISOString().slice(0, 10);
console.log(`wasm costs, ${date}: the viewer's wasm by category (node scripts/wasm-costs.mjs)`);
console.log('');
console.log(`production wasm: ${prodWasm ? `${path.relative(root, path.join(distDir, prodWasm))}, ${fmt(prodBytes.length)} B raw, ${fmt(prodBrotli)} B brotli` : '(none in ' + distDir + '; using this build)'}`);
console.log(`this build, names left out: ${fmt(withoutNames.length)} B raw, ${fmt(brotliWithoutNames)} B brotli (name section: ${fmt(nameSection ? nameSection.end - nameSection.start : 0)} B, not counted)`);
console.log('(the production wasm has also been through the prerender step, which shortens its import and export names: src/glue.rs)');
console.log('');
console.log('| category | raw B | of which data B | share | brotli B (est.) | brotli removal delta B |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.category} | ${fmt(r.raw)} | ${fmt(r.data)} | ${pct(r.share)} | ${fmt(r.estimate)} | ${fmt(r.delta)} |`);
}
console.log(`| **wasm** | **${fmt(total)}** | | 100% | **${fmt(prodBrotli)}** | |`);
for (const js of pageJs) console.log(`| JS: ${js.name} (exact) | ${fmt(js.raw)} | | | ${fmt(js.br)} | |`);
if (pageJs.length) {
  const page = prodBrotli + pageJs.reduce((t, j) => t + j.br, 0);
  console.log(`| **report page (wasm + JS)** | | | | **${fmt(page)}** | |`);
}
console.log('');
console.log('raw B: exact for this build (twiggy shallow sizes; data split by what points at it, a shared object split evenly).');
console.log('brotli B (est.): the share of raw bytes applied to the production wasm\'s brotli size, an estimate.');
console.log('brotli removal delta: exact for cutting those bytes out of this build; not additive.');
console.log('');
console.log(`largest items (of ${items.length}):`);
const largest = items
  .filter((i) => categorize(i.name) !== NAMES && !/^data segment |^data\[\d+\]$/.test(i.name))
  .sort((a, b) => b.size - a.size)
  .slice(0, shownItems);
for (const i of largest) console.log(`${String(i.size).padStart(7)}  ${plain(i.name).slice(0, 150)}  [${categorize(i.name).split(' (')[0]}]`);
console.log('');
console.log('largest data objects (split at what points at them; text shown where it is text):');
const preview = (o) => {
  const text = wasm
    .subarray(o.segment.bytes + (o.from - o.segment.offset), o.segment.bytes + (Math.min(o.to, o.from + 120) - o.segment.offset))
    .toString('utf8')
    .replace(/[\u0000-\u001f\ufffd]+/g, '·');
  return text.slice(0, 40);
};
for (const o of [...objects].sort((a, b) => b.to - b.from - (a.to - a.from)).slice(0, shownItems)) {
  const by = [...o.names].map(plain);
  console.log(
    `${String(o.to - o.from).padStart(7)}  @${o.from}  "${preview(o)}"  <- ${by.length ? by[0].slice(0, 100) + (by.length > 1 ? ` (+${by.length - 1})` : '') : 'nothing'}`,
  );
}
