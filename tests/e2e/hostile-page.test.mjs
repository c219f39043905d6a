// What the page around the viewer hands it, treated as hostile: URL values
// (`?print=…`, `#…`), a localStorage that throws or holds junk, and messages
// posted to an iframe host page by windows other than the viewer's frame.

import { test, expect } from './fixtures.mjs';
import { SUB_PATH, TITLE, fontButton, openViewer, waitForFontSize } from './helpers.mjs';

test.use({ server: { basePath: SUB_PATH } });

/**
 * Loads `url` with window.print counted instead of opened (the print dialog);
 * returns the console warnings, kept as they come.
 */
async function open(page, url, state) {
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await openViewer(page, url, { state });
  return warnings;
}

/**
 * A page whose mount is empty (the viewer renders it, and then looks up the
 * fragment's target itself), made from index.html.
 */
async function routeEmptyMount(page) {
  const html = await (await page.request.get('index.html')).text();
  const start = html.indexOf('<div class="gir" data-gir-viewer');
  const end = html.indexOf('</main>');
  expect(start, 'the mount in index.html').toBeGreaterThan(0);
  // The report's data file, which every mount names (docs/embedding.md).
  const data = html.slice(start, html.indexOf('>', start)).match(/ data-gir-src="[^"]+" data-gir-integrity="sha384-[^"]+"/);
  expect(data, 'the data attributes of the mount in index.html').not.toBeNull();
  const empty = `${html.slice(0, start)}<div class="gir" data-gir-viewer data-gir-report="nanfen-2017"${data[0]}></div>${html.slice(end)}`;
  await page.route(/\/empty-mount\.html(\?.*)?$/, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: empty }));
}

/** After the effects that follow hydration have run (two painted frames): see print.test.mjs. */
const settled = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))));

/** Runs in the page: whatever a URL value could have injected or run. */
const injected = () => ({
  pwned: window.__girPwned,
  printCalls: window.__printCalls,
  img: document.querySelectorAll('img').length,
  inlineScripts: [...document.scripts].filter((s) => !s.src).length,
  eventHandlers: [...document.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.localName}[${a.name}]`),
  ),
  state: document.querySelector('[data-gir-viewer]').getAttribute('data-gir-state'),
  printingSection: document.querySelectorAll('.gir-report--print-section, .gir-section--print').length,
});

const PAYLOAD = 'window.__girPwned=1';
const HOSTILE_URLS = [
  `?print=<script>${PAYLOAD}</script>`,
  '?print=../../x',
  '?print=%00',
  `?print=sec-5%22%3E%3Cimg%20src%3Dx%20onerror%3D${encodeURIComponent(PAYLOAD)}%3E`,
  `#"><img src=x onerror=${PAYLOAD}>`,
  `#%3Cimg%20src%3Dx%20onerror%3D${encodeURIComponent(PAYLOAD)}%3E`,
];

test.describe('hostile URL values', () => {
  for (const url of HOSTILE_URLS) {
    test(`${url}: no print dialog, nothing injected, the documented warning only`, async ({ page }) => {
      await page.addInitScript(() => {
        window.__printCalls = 0;
        window.print = () => {
          window.__printCalls++;
        };
      });
      await routeEmptyMount(page);
      for (const [file, state] of [['', 'hydrated'], ['portal-demo.html', 'hydrated'], ['empty-mount.html', 'rendered']]) {
        const warnings = await open(page, file + url, state);
        await settled(page);
        expect(await page.evaluate(injected), `${file || 'index.html'}${url}`).toEqual({
          pwned: undefined,
          printCalls: 0,
          img: 0,
          inlineScripts: 0,
          eventHandlers: [],
          state,
          printingSection: 0,
        });
        await expect(page.locator('.gir-report__title')).toHaveText(TITLE);
        // An unknown ?print= value is named in one console warning, as the
        // browser's URL holds it (percent-encoded); a fragment logs nothing.
        const search = new URL(page.url()).search;
        const value = search.startsWith('?print=') ? search.slice('?print='.length) : null;
        expect(warnings, `console warnings on ${page.url()}`).toEqual(
          value === null ? [] : [`报告查看器:?print=${value} 不是本报告的章节,未打开打印`],
        );
      }
    });
  }
});

// ---- storage ------------------------------------------------------------------

const STORAGE = {
  // A sandboxed frame or a browser's privacy setting: even reading window.localStorage throws.
  'reading window.localStorage throws': () => {
    window.__storageCalls = 0;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        window.__storageCalls++;
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  },
  // Storage there, but every access throws (quota, a broken profile).
  'getItem and setItem throw': () => {
    window.__storageCalls = 0;
    for (const [method, name] of [['getItem', 'SecurityError'], ['setItem', 'QuotaExceededError'], ['removeItem', 'SecurityError']]) {
      Storage.prototype[method] = function () {
        window.__storageCalls++;
        throw new DOMException(`${method} refused`, name);
      };
    }
  },
  // Junk under the viewer's keys (another script, an older version, an attacker).
  'the stored values are junk': () => {
    window.__storageCalls = 0;
    localStorage.setItem('gir-font-size', '<img src=x onerror=window.__girPwned=1>');
    localStorage.setItem('gir-high-contrast', 'x'.repeat(100000));
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = function (...args) {
      window.__storageCalls++;
      return getItem.apply(this, args);
    };
    Storage.prototype.setItem = function (...args) {
      window.__storageCalls++;
      return setItem.apply(this, args);
    };
  },
};

test.describe('storage that fails', () => {
  for (const [name, script] of Object.entries(STORAGE)) {
    test(`${name}: 字体 and 高对比度 still switch`, async ({ page }) => {
      await page.addInitScript(script);
      await openViewer(page);
      const calls = () => page.evaluate(() => window.__storageCalls);
      // The viewer read its settings on start (so the failing storage was in place
      // for it), and starts from the defaults.
      expect(await calls(), 'storage accesses on start').toBeGreaterThan(0);
      await expect(fontButton(page, '中')).toHaveAttribute('aria-pressed', 'true');
      const contrast = page.getByRole('button', { name: '高对比度' });
      await expect(contrast).toHaveAttribute('aria-pressed', 'false');
      const before = await calls();

      await fontButton(page, '大').click();
      await waitForFontSize(page, 'large');
      await expect(fontButton(page, '大')).toHaveAttribute('aria-pressed', 'true');
      await contrast.click();
      await expect(contrast).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('.gir-report--contrast')).toHaveCount(1);
      await fontButton(page, '小').click();
      await waitForFontSize(page, 'small');
      await contrast.click();
      await expect(page.locator('.gir-report--contrast')).toHaveCount(0);
      // Each choice tried to store itself, and the failure cost nothing.
      expect(await calls(), 'storage accesses for the four choices').toBeGreaterThanOrEqual(before + 4);
      expect(await page.evaluate(() => window.__girPwned)).toBeUndefined();
    });
  }
});

// ---- the iframe host -------------------------------------------------------------

const HEIGHT = 'gir-viewer:height';
const SCROLL = 'gir-viewer:scroll';
const FOREIGN_PAGE = 'http://foreign.test/evil.html';
/** Messages no window but the viewer's frame may send, and no window at all with these values. */
const FORGED = [
  { type: HEIGHT, height: 1e9 },
  { type: HEIGHT, height: NaN },
  { type: HEIGHT, height: '900' },
  { type: HEIGHT, height: -5 },
  // Values the host would obey from its frame: only the sender is wrong.
  { type: HEIGHT, height: 1234 },
  { type: SCROLL, top: 500 },
];

/**
 * Opens portal-iframe.html, waits for the frame to show the whole report, and
 * installs a probe after gir-frame-host.js's listener: for every message it records
 * the frame's height and the page's scroll position right after the host handled it.
 */
async function openFramed(page) {
  await page.route('http://foreign.test/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><title>foreign</title><p>another site</p>' }),
  );
  await page.goto('portal-iframe.html');
  const frame = await (await page.waitForSelector('iframe[data-gir-frame]')).contentFrame();
  await frame.waitForSelector('[data-gir-state="hydrated"]', { state: 'attached' });
  await page.waitForFunction(() => {
    const iframe = document.querySelector('iframe[data-gir-frame]');
    return iframe.style.height && Math.abs(iframe.clientHeight - iframe.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
  });
  await page.evaluate(() => {
    const iframe = document.querySelector('iframe[data-gir-frame]');
    window.__probe = [];
    addEventListener('message', (event) => {
      if (event.data?.probe === undefined) return; // the viewer's own messages
      window.__probe.push({ probe: event.data.probe, height: iframe.style.height, scrollY: window.scrollY });
    });
  });
  return frame;
}

let probes = 0;
/**
 * Posts `messages` to the top page from `frame`'s window (the top page's own
 * window if null), each tagged, then a last one, and waits until the probe saw
 * that: the host has handled every one of them (a window's messages arrive in order).
 * Returns what the probe recorded after each, and before the first.
 */
async function postFrom(page, frame, messages) {
  const tagged = messages.map((m) => ({ ...m, probe: ++probes }));
  const last = { type: 'probe', probe: ++probes };
  const before = await page.evaluate(() => ({ height: document.querySelector('iframe[data-gir-frame]').style.height, scrollY: window.scrollY }));
  await (frame ?? page).evaluate((list) => {
    const target = window.parent === window ? window : window.parent;
    for (const message of list) target.postMessage(message, '*');
  }, [...tagged, last]);
  await page.waitForFunction((n) => window.__probe.some((p) => p.probe === n), last.probe);
  const seen = await page.evaluate(() => window.__probe);
  return {
    before,
    after: tagged.map((m) => {
      const { height, scrollY } = seen.find((p) => p.probe === m.probe);
      return { message: JSON.stringify({ ...m, probe: undefined }), height, scrollY };
    }),
  };
}

const unchanged = ({ before, after }) => after.map(({ message }) => ({ message, ...before }));

test.describe('the iframe host', () => {
  test.use({ expectedProblems: { 'the foreign test page': /^request to another origin: GET http:\/\/foreign\.test\/evil\.html$/ } });

  test('ignores height and scroll messages from other windows: the top page, a same-origin frame, a foreign frame', async ({ page }) => {
    await openFramed(page);
    const height = await page.$eval('iframe[data-gir-frame]', (el) => el.clientHeight);
    expect(height, 'the frame grew to the report').toBeGreaterThan(3000);

    const fromTop = await postFrom(page, null, FORGED);
    expect(fromTop.after).toEqual(unchanged(fromTop));

    await page.evaluate(
      (src) =>
        Promise.all(
          [['sibling', { srcdoc: '<p>same origin, not the viewer</p>' }], ['foreign', { src }]].map(
            ([name, attrs]) =>
              new Promise((resolve) => {
                const iframe = Object.assign(document.createElement('iframe'), { name, ...attrs });
                iframe.addEventListener('load', resolve, { once: true });
                document.body.append(iframe);
              }),
          ),
        ),
      FOREIGN_PAGE,
    );
    for (const name of ['sibling', 'foreign']) {
      const frame = page.frame({ name });
      expect(frame, `the ${name} frame`).not.toBeNull();
      const result = await postFrom(page, frame, FORGED);
      expect(result.after, `from the ${name} frame`).toEqual(unchanged(result));
    }
    expect(await page.$eval('iframe[data-gir-frame]', (el) => el.clientHeight)).toBe(height);
  });

  test('ignores messages from the viewer\'s frame once it shows another origin', async ({ page }) => {
    const frame = await openFramed(page);
    // The frame's window is the one the host knows; its document is now another site's.
    await frame.goto(FOREIGN_PAGE);
    const result = await postFrom(page, frame, FORGED);
    expect(result.after).toEqual(unchanged(result));
  });
});

test('takes from the viewer\'s frame only finite positive heights, clamped to 200,000 px', async ({ page }) => {
  const frame = await openFramed(page);
  const invalid = [NaN, '900', -5, 0, Infinity, null, undefined].map((height) => ({ type: HEIGHT, height }));
  const result = await postFrom(page, frame, [...invalid, { type: HEIGHT, height: 1e9 }]);
  expect(result.after).toEqual([
    ...unchanged({ ...result, after: result.after.slice(0, invalid.length) }),
    { message: JSON.stringify({ type: HEIGHT, height: 1e9 }), height: '200000px', scrollY: result.before.scrollY },
  ]);
});
