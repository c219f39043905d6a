// Embedding on a portal page: strict CSP, sub-paths, a host element, an iframe.
//
// CSP violations in any frame, console errors and failed requests fail every test
// (the `problems` fixture); the tests also check the violations where they matter.

import { test, expect } from './fixtures.mjs';
import { STRICT_CSP, SUB_PATH, TITLE, openViewer } from './helpers.mjs';

const AT_ROOT = { csp: STRICT_CSP };
const UNDER_SUB_PATH = { basePath: SUB_PATH, csp: STRICT_CSP };
// A page that frames the viewer must allow it in frame-src: that is the host's policy.
const FRAMING = { basePath: SUB_PATH, csp: `${STRICT_CSP}; frame-src 'self'` };

/**
 * The computed `props` of the first element matching each selector, as
 * { selector: { prop: value } }. Runs in the page; an element that is missing is
 * listed in `missing`, so that two pages both lacking it cannot look alike.
 */
const styles = ([selectors, props]) => {
  const missing = selectors.filter((sel) => !document.querySelector(sel));
  const computed = Object.fromEntries(
    selectors
      .filter((sel) => document.querySelector(sel))
      .map((sel) => {
        const cs = getComputedStyle(document.querySelector(sel));
        return [sel, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
      }),
  );
  return { missing, computed };
};

test.describe('strict Content-Security-Policy', () => {
  for (const [where, server, file] of [
    ['at the root', AT_ROOT, ''],
    ['under a sub-path', UNDER_SUB_PATH, ''],
    ['in the portal demo (mount) under a sub-path', UNDER_SUB_PATH, 'portal-demo.html'],
  ]) {
    test.describe(() => {
      test.use({ server });
      test(`renders and hydrates with zero violations ${where}${file ? ` (${file})` : ''}`, async ({ page, baseURL, problems }) => {
        expect(new URL(baseURL).pathname).toBe(server.basePath ?? '/');
        await openViewer(page, file);
        await expect(page.locator('.gir-report__title')).toHaveText(TITLE);
        await expect(page.locator('.gir-section')).toHaveCount(9);
        expect(problems.cspViolations).toEqual([]);
      });
    });
  }

  test.describe(() => {
    test.use({ server: UNDER_SUB_PATH });
    test('keeps every URL relative and every script external with integrity', async ({ page }) => {
      await openViewer(page);
      // The built files: only relative links (data: URLs aside).
      for (const file of ['', 'portal-demo.html', 'portal-iframe.html', 'gir-viewer.js']) {
        const text = await (await page.request.get(file)).text();
        const links = [...text.matchAll(/(?:src|href)=(["'])(.*?)\1|from (["'])(.*?)\3|new URL\((["'])(.*?)\5/g)].map(
          (m) => m[2] ?? m[4] ?? m[6],
        );
        // Every file links to something (the boot module to the wasm-bindgen glue), so
        // the check below has links to look at.
        expect(links.length, `links found in ${file || 'index.html'}`).toBeGreaterThan(0);
        const absolute = links.filter((u) => u.startsWith('/') || (/^[a-z]+:/i.test(u) && !u.startsWith('data:')));
        expect(absolute, `absolute links in ${file || 'index.html'}`).toEqual([]);
      }
      // The live page: everything it points at stays on this origin.
      const facts = await page.evaluate(() => {
        const external = [...document.querySelectorAll('script[src], link[rel=stylesheet], link[rel=modulepreload]')];
        return {
          externalScriptsAndStyles: external.length > 0,
          inlineScripts: [...document.scripts].filter((s) => !s.src).length,
          // One inline style, the viewer's screen rules in the head, allowed by its
          // hash (STRICT_CSP has no 'unsafe-inline'); never a style attribute.
          styleElements: [...document.querySelectorAll('style')].map((el) => el.parentElement.localName),
          styleAttributes: document.querySelectorAll('[style]').length,
          withoutIntegrity: external.filter((el) => !el.integrity).length,
          elsewhere: [...document.querySelectorAll('[src], [href]')]
            .map((el) => new URL(el.getAttribute('src') ?? el.getAttribute('href'), document.baseURI))
            .filter((u) => u.protocol !== 'data:' && u.origin !== location.origin)
            .map(String),
        };
      });
      expect(facts).toEqual({
        externalScriptsAndStyles: true,
        inlineScripts: 0,
        styleElements: ['head'],
        styleAttributes: 0,
        withoutIntegrity: 0,
        elsewhere: [],
      });
    });
  });
});

// A portal whose policy allows styles from its own origin only, without the inline
// style's hash: the inline rules are blocked (the one violation expected), and the
// stylesheet each page links after its content makes it look as designed all the same,
// with JavaScript and without.
test.describe('a policy of style-src \'self\' without the hashes', () => {
  const SELF_ONLY = { basePath: SUB_PATH, csp: STRICT_CSP.replace(/style-src [^;]*/, "style-src 'self'") };
  const ELEMENTS = [
    '.gir-report__title', '.gir-section__heading', '.gir-p', '.gir-meta__label', '.gir-toc__link',
    '.gir-fontsize__button', '.gir-chart__caption', '.gir-facts__value',
  ];
  const PROPS = ['color', 'font-size', 'font-family', 'line-height', 'margin-top', 'padding-left', 'background-color', 'display'];
  for (const javaScriptEnabled of [true, false]) {
    test.describe(() => {
      test.use({
        server: SELF_ONLY,
        javaScriptEnabled,
        // Chromium says so on the console (with JavaScript, the page's report of
        // the violation comes too); each expected problem must occur.
        expectedProblems: {
          inlineStyleBlocked: /^console error: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/,
          ...(javaScriptEnabled ? { violationReported: /^CSP violation: style-src-elem inline/ } : {}),
        },
      });
      test(`looks as designed ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ page, browser }) => {
        await page.goto('');
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const blocked = await page.evaluate(styles, [ELEMENTS, PROPS]);
        expect(blocked.missing).toEqual([]);
        // The same page where the inline style applies (the policy with its hash).
        const { startServer } = await import('../../scripts/static-server.mjs');
        const { distDir } = await import('./helpers.mjs');
        const allowed = await startServer({ root: distDir, basePath: SUB_PATH, csp: STRICT_CSP });
        const context = await browser.newContext({ javaScriptEnabled });
        try {
          const other = await context.newPage();
          await other.goto(allowed.url);
          await other.evaluate(() => document.fonts.ready.then(() => undefined));
          const designed = await other.evaluate(styles, [ELEMENTS, PROPS]);
          expect(blocked.computed).toEqual(designed.computed);
        } finally {
          await context.close();
          await allowed.close();
        }
      });
    });
  }
});

test.describe('mounted in a portal page', () => {
  test.use({ server: UNDER_SUB_PATH });

  const HOST_ELEMENTS = [
    '.portal-header__title', '.portal-nav__item a', '.portal-crumbs', '.portal-heading',
    '.portal-aside__text', '.portal-table', '.portal-footer p',
  ];
  const PROPS = [
    'color', 'font-size', 'font-family', 'line-height', 'letter-spacing', 'margin-top', 'margin-bottom',
    'padding-left', 'background-color', 'border-top-width', 'box-sizing', 'text-indent', 'list-style-type',
  ];

  test('leaves the host page\'s own elements styled as before', async ({ page }) => {
    await openViewer(page, 'portal-demo.html');
    const withViewer = await page.evaluate(styles, [HOST_ELEMENTS, PROPS]);
    expect(withViewer.missing, 'host elements missing from portal-demo.html').toEqual([]);
    // The viewer's styles: its inline screen rules and its print stylesheet.
    const removed = await page.evaluate(() => {
      const viewerStyles = document.querySelectorAll('style, link[rel=stylesheet][media=print]');
      viewerStyles.forEach((el) => el.remove());
      return viewerStyles.length;
    });
    expect(removed).toBe(2);
    const withoutViewer = await page.evaluate(styles, [HOST_ELEMENTS, PROPS]);
    expect(withViewer.computed).toEqual(withoutViewer.computed);
    expect(withViewer.computed['.portal-heading']['color'], 'the host\'s own h2 rule still applies to its h2').toBe('rgb(187, 0, 0)');
  });

  test('looks the same inside the hostile portal as on its own page', async ({ page }) => {
    // Text, controls and the parts of a chart (its data table toggle, source links and
    // download link, and a facts box).
    const VIEWER_ELEMENTS = [
      '.gir-report__title', '.gir-section__heading', '.gir-p', '.gir-p__lead', '.gir-meta__label',
      '.gir-toc__link', '.gir-list', '.gir-list__item', '.gir-fontsize__button', '.gir-chart__caption',
      '.gir-data__toggle', '.gir-data__source', '.gir-data__download', '.gir-facts__value',
    ];
    const read = async (url) => {
      await openViewer(page, url);
      const { missing, computed } = await page.evaluate(styles, [VIEWER_ELEMENTS, PROPS]);
      expect(missing, `viewer elements missing from ${url || 'index.html'}`).toEqual([]);
      const svg = await page.evaluate(() => {
        const r = document.querySelector('.gir-chart__svg').getBoundingClientRect();
        return { width: r.width, height: r.height };
      });
      return { computed, svg };
    };
    const standalone = await read('');
    const embedded = await read('portal-demo.html');
    expect(embedded.computed).toEqual(standalone.computed);
    expect(embedded.svg, 'the host\'s `svg { width: 24px }` does not shrink the charts').toEqual(standalone.svg);
  });

  test('renders into an empty host element, there and nowhere else, with the attribute\'s font size', async ({ page, problems }) => {
    await openViewer(page, 'portal-demo.html');
    // A host page whose mount is empty (no prerendered HTML), asking for 大.
    const head = await page.evaluate(() =>
      [...document.querySelectorAll('style, link[rel=stylesheet][media=print], link[rel=modulepreload], link[rel=preload], script[src]')]
        .map((el) => el.outerHTML)
        .join('\n'),
    );
    // The report's data file, which every mount names (docs/embedding.md).
    const data = await page.$eval('[data-gir-viewer]', (mount) => ['data-gir-src', 'data-gir-integrity'].map((name) => mount.getAttribute(name)));
    expect(data[0]).toMatch(/^data\/nanfen-2017\.[0-9a-f]{16}\.bin$/);
    expect(data[1]).toMatch(/^sha384-/);
    const hostHtml = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
<link rel="stylesheet" href="./demo-portal.css">${head}</head><body>
<header class="portal-header"><p class="portal-header__sub">门户页头</p></header>
<div id="host-mount" data-gir-viewer data-gir-report="nanfen-2017" data-gir-font-size="大" data-gir-src="${data[0]}" data-gir-integrity="${data[1]}"></div>
<footer class="portal-footer"><p>门户页脚</p></footer></body></html>`;
    await page.route('**/empty-mount.html', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostHtml, headers: { 'Content-Security-Policy': STRICT_CSP } }),
    );
    // Leaving portal-demo.html may abort its favicon request: the `problems` fixture
    // does not count a request aborted by the test's own navigation.
    await openViewer(page, 'empty-mount.html', { state: 'rendered' });
    const facts = await page.evaluate(() => ({
      title: document.querySelector('#host-mount .gir-report__title')?.textContent,
      large: document.querySelector('#host-mount .gir-report').classList.contains('gir-report--font-large'),
      pressed: document.querySelector('#host-mount [aria-pressed="true"]')?.textContent,
      bodyChildren: [...document.body.children].map((el) => el.tagName + (el.id ? '#' + el.id : '')),
      reportsOutsideMount: document.querySelectorAll('body > :not(#host-mount) .gir-report').length,
      // The viewer's styles reach an empty mount too (they are scoped under .gir).
      skipLinkPosition: getComputedStyle(document.querySelector('#host-mount .gir-skip')).position,
    }));
    expect(facts).toEqual({
      title: TITLE,
      large: true,
      pressed: '大',
      bodyChildren: ['HEADER', 'DIV#host-mount', 'FOOTER'],
      reportsOutsideMount: 0,
      skipLinkPosition: 'absolute',
    });
    expect(problems.cspViolations).toEqual([]);
  });
});

test.describe('in an iframe', () => {
  test.use({ server: FRAMING });

  test('tells the parent its height, so the frame shows the whole report without a scrollbar', async ({ page, problems }) => {
    await page.goto('portal-iframe.html');
    const frame = await (await page.waitForSelector('iframe[data-gir-frame]')).contentFrame();
    await frame.waitForSelector('[data-gir-state="hydrated"]', { state: 'attached' });
    await page.waitForFunction(() => {
      const iframe = document.querySelector('iframe[data-gir-frame]');
      const inner = iframe.contentDocument.documentElement;
      return Math.abs(iframe.clientHeight - inner.getBoundingClientRect().height) <= 1;
    });
    const sizes = await page.evaluate(() => {
      const iframe = document.querySelector('iframe[data-gir-frame]');
      const inner = iframe.contentDocument.documentElement;
      return { frame: iframe.clientHeight, content: inner.getBoundingClientRect().height, scroll: inner.scrollHeight };
    });
    expect(sizes.frame, `the frame grew from its 900 px to the report's height`).toBeGreaterThan(3000);
    expect(sizes.scroll, `no scrollbar inside the frame: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(sizes.frame + 1);
    expect(await frame.textContent('.gir-report__title')).toBe(TITLE);
    expect(problems.cspViolations).toEqual([]);
  });
});
