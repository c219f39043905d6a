// Hydration: the browser adopts the prerendered DOM instead of re-rendering it.
//
// The wasm download is held back until the test has taken hold of prerendered
// nodes; after hydration the very same nodes must be in the document, no node
// added or lost, and no console error (Yew reports hydration mismatches there).

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, distDir, assertDistBuilt } from './helpers.mjs';

let server;
let browser;

before(async () => {
  assertDistBuilt();
  server = await startServer({ root: distDir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

it('hydrates the prerendered report in place, without duplicating or replacing content', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));

  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });

  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  const before = await page.evaluate(() => {
    const mount = document.querySelector('[data-gir-viewer]');
    window.__prerendered = {
      title: document.querySelector('h1'),
      firstChart: document.querySelector('figure.gir-chart svg'),
      lastParagraph: [...document.querySelectorAll('.gir-list__item')].pop(),
    };
    return {
      state: mount.getAttribute('data-gir-state'),
      nodes: mount.querySelectorAll('*').length,
      text: mount.textContent,
    };
  });
  assert.equal(before.state, null, 'not hydrated before the wasm arrives');
  assert.ok(before.text.includes('四是加强监督考核力度'), 'the last paragraph is readable before any wasm runs');

  release();
  await page.waitForSelector('[data-gir-viewer][data-gir-state="hydrated"]', { timeout: 30000 });
  const after = await page.evaluate(() => {
    const mount = document.querySelector('[data-gir-viewer]');
    const kept = window.__prerendered;
    return {
      sameTitle: kept.title === document.querySelector('h1'),
      sameChart: kept.firstChart === document.querySelector('figure.gir-chart svg'),
      sameParagraph: kept.lastParagraph === [...document.querySelectorAll('.gir-list__item')].pop(),
      titles: document.querySelectorAll('h1').length,
      nodes: mount.querySelectorAll('*').length,
      text: mount.textContent,
    };
  });
  assert.ok(after.sameTitle && after.sameChart && after.sameParagraph, 'prerendered nodes are adopted, not replaced');
  assert.equal(after.titles, 1, 'one title: nothing rendered twice');
  assert.equal(after.nodes, before.nodes, 'same number of elements before and after hydration');
  assert.equal(after.text, before.text, 'same text before and after hydration');
  assert.deepEqual(errors, [], 'no console error (hydration mismatches are reported there)');
  await context.close();
});
