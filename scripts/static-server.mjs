// A small static file server for dist/: `scripts/serve`, the e2e tests (one per
// worker and configuration, see tests/e2e/fixtures.mjs) and the bench.
//
//   import { startServer } from './static-server.mjs';
//   const { url, close } = await startServer({ root: 'dist', basePath: '/xxgk/ndbg/2017/', csp: '…' });
//
//   node scripts/static-server.mjs DIR [PORT]     (PORT default 8080; env HOST, BASE_PATH, CSP)
//
// What it does that a stock server would need configuring for: serves DIR under a
// sub-path (the portal's /xxgk/ndbg/2017/), sends a Content-Security-Policy header,
// `application/wasm`, and compresses like a production server (brotli, else gzip;
// the bench counts the bytes on the wire), the reports' data files
// (data/*.bin, application/octet-stream) included, as docs/embedding.md asks.

import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|octet-stream)|image\/svg)/;

/**
 * Compresses `body` as a browser that sent `acceptEncoding` takes it: [encoding, bytes] or
 * null. The settings of files compressed ahead of time, as a portal's server sends static
 * files (nginx `brotli_static`/`gzip_static`, docs/embedding.md): brotli at quality 11
 * with its largest window, else gzip at level 9.
 */
function compress(body, acceptEncoding = '') {
  if (/\bbr\b/.test(acceptEncoding)) {
    const params = {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    };
    return ['br', zlib.brotliCompressSync(body, { params })];
  }
  if (/\bgzip\b/.test(acceptEncoding)) return ['gzip', zlib.gzipSync(body, { level: 9 })];
  return null;
}

/**
 * compress(), remembered per content (SHA-1 of the body) and Accept-Encoding for the
 * life of the process, shared by every server it starts: files compressed ahead of time
 * cost a request no compression time, so none lands in the times the bench takes (brotli
 * 11 takes about a second for a 1 MB script), and the e2e servers compress each built
 * file once.
 */
const compressedBodies = new Map();
function compressed(body, acceptEncoding = '') {
  const key = `${crypto.createHash('sha1').update(body).digest('base64')} ${acceptEncoding}`;
  if (!compressedBodies.has(key)) compressedBodies.set(key, compress(body, acceptEncoding));
  return compressedBodies.get(key);
}

/**
 * Serves `root` under `basePath` until close(). `url` is the full URL of basePath,
 * e.g. http://127.0.0.1:40123/xxgk/ndbg/2017/ (port 0 picks a free port).
 */
export async function startServer({ root, basePath = '/', csp = null, compress: compressing = true, port = 0, host = '127.0.0.1' }) {
  const rootDir = path.resolve(root);
  const base = `/${basePath}/`.replace(/\/+/g, '/');

  const server = http.createServer(async (req, res) => {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (csp) headers['Content-Security-Policy'] = csp;
    const reply = (status, body, extra = {}) => {
      res.writeHead(status, { ...headers, 'Content-Length': body.length, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://host').pathname);
      if (pathname === base.slice(0, -1)) return reply(301, Buffer.alloc(0), { Location: base });
      // path.join resolves any `..`: whatever does not stay under rootDir is not found.
      const file = path.join(rootDir, pathname.slice(base.length), pathname.endsWith('/') ? 'index.html' : '');
      if (!pathname.startsWith(base) || !file.startsWith(rootDir + path.sep)) throw new Error('outside the root');
      const [body, { mtime }] = await Promise.all([fs.readFile(file), fs.stat(file)]);
      // The headers a production server sends too (the bench counts their bytes).
      headers['Last-Modified'] = mtime.toUTCString();
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const packed = compressing && COMPRESSIBLE.test(type) ? compressed(body, req.headers['accept-encoding']) : null;
      const vary = compressing ? { Vary: 'Accept-Encoding' } : {};
      if (!packed) return reply(200, body, { 'Content-Type': type, ...vary });
      reply(200, packed[1], { 'Content-Type': type, 'Content-Encoding': packed[0], ...vary });
    } catch {
      // Missing files, directories without a trailing slash, bad escapes, paths outside the root.
      reply(404, Buffer.from('404 Not Found\n'), { 'Content-Type': 'text/plain; charset=utf-8' });
    }
  });

  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const url = `http://${host}:${server.address().port}${base}`;
  const close = () =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
  return { url, close, server };
}

// ---- CLI (scripts/serve) ----------------------------------------------------
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port = process.env.PORT ?? '8080'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/static-server.mjs DIR [PORT]   (env: HOST, BASE_PATH, CSP)');
    process.exit(2);
  }
  const { url } = await startServer({
    root: dir,
    port: Number(port),
    host: process.env.HOST || '127.0.0.1',
    basePath: process.env.BASE_PATH || '/',
    csp: process.env.CSP || null,
  });
  console.log(`serving ${path.resolve(dir)} at ${url}  (Ctrl-C to stop)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
}
