// A small, dependency-free static file server for dist/ (development and tests).
//
//   import { startServer } from './static-server.mjs';
//   const { url, close } = await startServer({ root: 'dist', basePath: '/xxgk/ndbg/2017/' });
//
//   node scripts/static-server.mjs DIR [PORT]     (PORT default 8080; env HOST, BASE_PATH, CSP)

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

// Types worth compressing (already-compressed formats are sent as they are).
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest\+json|xml)|image\/svg\+xml|image\/x-icon|font\/(ttf|otf))/;

export function contentType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function normalizeBase(basePath) {
  let b = basePath || '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

function pickEncoding(acceptEncoding = '') {
  const offered = new Map();
  for (const part of String(acceptEncoding).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    offered.set(name, q);
  }
  const ok = (n) => (offered.get(n) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/**
 * Start serving `root` under `basePath`.
 * @returns {Promise<{url: string, close: () => Promise<void>, server: http.Server}>}
 *          url is the full URL of basePath, e.g. http://127.0.0.1:40123/xxgk/ndbg/2017/
 */
export async function startServer({
  root,
  port = 0,
  host = '127.0.0.1',
  basePath = '/',
  csp = null,
  compress = true,
  headers = {},
  log = false,
} = {}) {
  if (!root) throw new Error('startServer: root is required');
  const rootDir = await fsp.realpath(path.resolve(root));
  const base = normalizeBase(basePath);

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('500 Internal Server Error\n');
      } else {
        res.destroy(err);
      }
    });
  });

  function send(res, status, body, extra = {}) {
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      ...extra,
    });
    res.end(body);
  }

  async function resolveFile(pathname) {
    // Returns an absolute file path inside rootDir, a redirect target, or null.
    if (pathname === base.slice(0, -1)) return { redirect: base };
    if (!pathname.startsWith(base)) return null;
    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return null;
    }
    if (rel.includes('\0')) return null;
    const segments = rel.split('/');
    if (segments.some((s) => s === '..' || s.includes('\\'))) return null;
    let file = path.resolve(rootDir, ...segments.filter((s) => s !== '' && s !== '.'));
    let st;
    try {
      st = await fsp.stat(file);
    } catch {
      return null;
    }
    if (st.isDirectory()) {
      if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
      file = path.join(file, 'index.html');
      try {
        st = await fsp.stat(file);
      } catch {
        return null;
      }
    }
    if (!st.isFile()) return null;
    // Refuse anything that escapes the root (including through symlinks).
    const real = await fsp.realpath(file);
    if (real !== rootDir && !real.startsWith(rootDir + path.sep)) return null;
    return { file: real, size: st.size, mtime: st.mtime };
  }

  async function handle(req, res) {
    const common = { 'X-Content-Type-Options': 'nosniff', ...headers };
    if (csp) common['Content-Security-Policy'] = csp;

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, '405 Method Not Allowed\n', { ...common, Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      pathname = new URL(req.url, 'http://localhost').pathname;
    } catch {
      send(res, 400, '400 Bad Request\n', common);
      return;
    }
    const found = await resolveFile(pathname);
    if (log) console.log(`${req.method} ${req.url} -> ${found ? (found.redirect ? 301 : 200) : 404}`);
    if (!found) {
      send(res, 404, '404 Not Found\n', common);
      return;
    }
    if (found.redirect) {
      send(res, 301, `301 Moved Permanently: ${found.redirect}\n`, { ...common, Location: found.redirect });
      return;
    }

    const type = contentType(found.file);
    const out = {
      ...common,
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'Last-Modified': found.mtime.toUTCString(),
    };
    const encoding = compress && COMPRESSIBLE.test(type) ? pickEncoding(req.headers['accept-encoding']) : null;
    if (compress && COMPRESSIBLE.test(type)) out.Vary = 'Accept-Encoding';

    if (!encoding) {
      out['Content-Length'] = found.size;
      res.writeHead(200, out);
      if (req.method === 'HEAD') return res.end();
      pipeline(fs.createReadStream(found.file), res, () => {});
      return;
    }

    // Compress in memory (dist files are small) so Content-Length is exact.
    const raw = await fsp.readFile(found.file);
    const body =
      encoding === 'br'
        ? zlib.brotliCompressSync(raw, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          })
        : zlib.gzipSync(raw, { level: 6 });
    out['Content-Encoding'] = encoding;
    out['Content-Length'] = body.length;
    res.writeHead(200, out);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const hostForUrl = addr.family === 'IPv6' || String(addr.family) === '6' ? `[${addr.address}]` : addr.address;
  const url = `http://${hostForUrl}:${addr.port}${base}`;

  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });

  return { url, close, server };
}

// ---- CLI --------------------------------------------------------------------
const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [dir, portArg] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/static-server.mjs DIR [PORT]   (env: HOST, BASE_PATH, CSP, PORT)');
    process.exit(2);
  }
  const port = Number(portArg ?? process.env.PORT ?? 8080);
  const { url, close } = await startServer({
    root: dir,
    port,
    host: process.env.HOST || '127.0.0.1',
    basePath: process.env.BASE_PATH || '/',
    csp: process.env.CSP || null,
    log: true,
  });
  console.log(`serving ${path.resolve(dir)} at ${url}  (Ctrl-C to stop)`);
  const stop = () => {
    setTimeout(() => process.exit(0), 500).unref();
    close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
