// Embedding on a portal page: strict CSP, sub-paths, a host element, an iframe.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, distDir, assertDistBuilt } from './helpers.mjs';

// The policy from the embedding issue, sent as a response header.
const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'";
const SUB_PATH = '/xxgk/ndbg/2017/';
const TITLE = '南芬区2017年度政府信息公开工作报告';

let browser;
const servers = {};

before(async () => {
  assertDistBuilt();
  browser = await launchBrowser();
  servers.root = await startServer({ root: distDir, csp: STRICT_CSP });
  servers.sub = await startServer({ root: distDir, basePath: SUB_PATH, csp: STRICT_CSP });
  // A page that frames the viewer must allow it in frame-src: that is the host's policy.
  servers.framing = await startServer({ root: distDir, basePath: SUB_PATH, csp: `${STRICT_CSP}; frame-src 'self'` });
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
});

/** Opens url, recording CSP violations (in every frame), console errors and failed requests. */
async function open(url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, close: () => context.close() };
}

async function violations(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...(await frame.evaluate(() => window.__cspViolations ?? [])));
  return all;
}

describe('strict Content-Security-Policy', () => {
  for (const [where, key, file] of [
    ['at the root', 'root', ''],
    ['under a sub-path', 'sub', ''],
    ['in the portal demo (mount) under a sub-path', 'sub', 'portal-demo.html'],
  ]) {
    it(`renders and hydrates with zero violations ${where}${file ? ` (${file})` : ''}`, async () => {
      const server = servers[key];
      const { page, problems, close } = await open(server.url + file);
      try {
        assert.ok(new URL(server.url).pathname === (key === 'sub' ? SUB_PATH : '/'));
        await page.waitForSelector('[data-gir-viewer][data-gir-state="hydrated"]', { timeout: 30000 });
        assert.equal(await page.textContent('.gir-report__title'), TITLE);
        assert.equal(await page.locator('.gir-section').count(), 9);
        assert.deepEqual(await violations(page), []);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  it('keeps every URL relative and every script external with integrity', async () => {
    const { page, close } = await open(servers.sub.url);
    try {
      // The built file: only relative links (data: URLs aside).
      for (const file of ['', 'portal-demo.html', 'portal-iframe.html', 'gir-viewer.js']) {
        const text = await (await page.request.get(servers.sub.url + file)).text();
        const links = [...text.matchAll(/(?:src|href)="([^"]*)"|from "([^"]*)"|new URL\("([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? m[3]);
        assert.ok(links.length > 0 || file === 'gir-viewer.js', file);
        const absolute = links.filter((u) => u.startsWith('/') || (/^[a-z]+:/i.test(u) && !u.startsWith('data:')));
        assert.deepEqual(absolute, [], `absolute links in ${file || 'index.html'}`);
      }
      // The live page: everything it points at stays on this origin.
      const facts = await page.evaluate(() => ({
        inlineScripts: [...document.scripts].filter((s) => !s.src).length,
        inlineStyles: document.querySelectorAll('style, [style]').length,
        withoutIntegrity: [...document.querySelectorAll('script[src], link[rel=stylesheet], link[rel=modulepreload]')]
          .filter((el) => !el.integrity).length,
        elsewhere: [...document.querySelectorAll('[src], [href]')]
          .map((el) => new URL(el.getAttribute('src') ?? el.getAttribute('href'), document.baseURI))
          .filter((u) => u.protocol !== 'data:' && u.origin !== location.origin)
          .map(String),
      }));
      assert.deepEqual(facts, { inlineScripts: 0, inlineStyles: 0, withoutIntegrity: 0, elsewhere: [] });
    } finally {
      await close();
    }
  });
});

describe('mounted in a portal page', () => {
  const HOST_ELEMENTS = [
    '.portal-header__title', '.portal-nav__item a', '.portal-crumbs', '.portal-heading',
    '.portal-aside__text', '.portal-table', '.portal-footer p',
  ];
  const PROPS = [
    'color', 'font-size', 'font-family', 'line-height', 'letter-spacing', 'margin-top', 'margin-bottom',
    'padding-left', 'background-color', 'border-top-width', 'box-sizing', 'text-indent', 'list-style-type',
  ];
  const styles = ([selectors, props]) =>
    Object.fromEntries(
      selectors.map((sel) => {
        const el = document.querySelector(sel);
        if (!el) return [sel, 'missing'];
        const cs = getComputedStyle(el);
        return [sel, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
      }),
    );

  it('leaves the host page\'s own elements styled as before', async () => {
    const { page, close } = await open(servers.sub.url + 'portal-demo.html');
    try {
      await page.waitForSelector('[data-gir-state="hydrated"]');
      const withViewer = await page.evaluate(styles, [HOST_ELEMENTS, PROPS]);
      await page.evaluate(() => document.querySelector('link[href$="gir-viewer.css"]').remove());
      const withoutViewer = await page.evaluate(styles, [HOST_ELEMENTS, PROPS]);
      assert.deepEqual(withViewer, withoutViewer);
      assert.equal(withViewer['.portal-heading']['color'], 'rgb(187, 0, 0)', 'the host\'s own h2 rule still applies to its h2');
    } finally {
      await close();
    }
  });

  it('looks the same inside the hostile portal as on its own page', async () => {
    const VIEWER_ELEMENTS = [
      '.gir-report__title', '.gir-section__heading', '.gir-p', '.gir-p__lead', '.gir-meta__label',
      '.gir-toc__link', '.gir-list', '.gir-list__item', '.gir-fontsize__button', '.gir-chart__caption',
      '.gir-chart__source-list', '.gir-facts__value',
    ];
    const read = async (url) => {
      const { page, close } = await open(url);
      await page.waitForSelector('[data-gir-state="hydrated"]');
      const computed = await page.evaluate(styles, [VIEWER_ELEMENTS, PROPS]);
      const svg = await page.evaluate(() => {
        const r = document.querySelector('.gir-chart__svg').getBoundingClientRect();
        return { width: r.width, height: r.height };
      });
      await close();
      return { computed, svg };
    };
    const standalone = await read(servers.sub.url);
    const embedded = await read(servers.sub.url + 'portal-demo.html');
    assert.deepEqual(embedded.computed, standalone.computed);
    assert.deepEqual(embedded.svg, standalone.svg, 'the host\'s `svg { width: 24px }` does not shrink the charts');
  });

  it('renders into an empty host element, there and nowhere else, with the attribute\'s font size', async () => {
    const { page, problems, close } = await open(servers.sub.url + 'portal-demo.html');
    try {
      await page.waitForSelector('[data-gir-state="hydrated"]');
      // A host page whose mount is empty (no prerendered HTML), asking for 大.
      const head = await page.evaluate(() =>
        [...document.querySelectorAll('link[href^="./gir-viewer"], link[rel=modulepreload], link[rel=preload], script[src]')]
          .map((el) => el.outerHTML).join('\n'),
      );
      const hostHtml = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
<link rel="stylesheet" href="./demo-portal.css">${head}</head><body>
<header class="portal-header"><p class="portal-header__sub">门户页头</p></header>
<div id="host-mount" data-gir-viewer data-gir-report="nanfen-2017" data-gir-font-size="大"></div>
<footer class="portal-footer"><p>门户页脚</p></footer></body></html>`;
      await page.route('**/empty-mount.html', (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostHtml, headers: { 'Content-Security-Policy': STRICT_CSP } }),
      );
      await page.goto(servers.sub.url + 'empty-mount.html');
      await page.waitForSelector('#host-mount[data-gir-state="rendered"]', { timeout: 30000 });
      const facts = await page.evaluate(() => ({
        title: document.querySelector('#host-mount .gir-report__title')?.textContent,
        large: document.querySelector('#host-mount .gir-report').classList.contains('gir-report--font-large'),
        pressed: document.querySelector('#host-mount [aria-pressed="true"]')?.textContent,
        bodyChildren: [...document.body.children].map((el) => el.tagName + (el.id ? '#' + el.id : '')),
        reportsOutsideMount: document.querySelectorAll('body > :not(#host-mount) .gir-report').length,
      }));
      assert.deepEqual(facts, {
        title: TITLE,
        large: true,
        pressed: '大',
        bodyChildren: ['HEADER', 'DIV#host-mount', 'FOOTER'],
        reportsOutsideMount: 0,
      });
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});

describe('in an iframe', () => {
  it('tells the parent its height, so the frame shows the whole report without a scrollbar', async () => {
    const { page, problems, close } = await open(servers.framing.url + 'portal-iframe.html');
    try {
      const frameElement = await page.waitForSelector('iframe[data-gir-frame]');
      const frame = await frameElement.contentFrame();
      await frame.waitForSelector('[data-gir-state="hydrated"]', { state: 'attached', timeout: 30000 });
      await page.waitForFunction(() => {
        const iframe = document.querySelector('iframe[data-gir-frame]');
        const inner = iframe.contentDocument.documentElement;
        return Math.abs(iframe.clientHeight - inner.getBoundingClientRect().height) <= 1;
      }, null, { timeout: 10000 });
      const sizes = await page.evaluate(() => {
        const iframe = document.querySelector('iframe[data-gir-frame]');
        const inner = iframe.contentDocument.documentElement;
        return { frame: iframe.clientHeight, content: inner.getBoundingClientRect().height, scroll: inner.scrollHeight };
      });
      assert.ok(sizes.frame > 3000, `the frame grew from its 900 px to the report's height (${sizes.frame})`);
      assert.ok(sizes.scroll <= sizes.frame + 1, `no scrollbar inside the frame: ${JSON.stringify(sizes)}`);
      assert.equal(await frame.textContent('.gir-report__title'), TITLE);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
