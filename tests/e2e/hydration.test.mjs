// Hydration: the browser adopts the prerendered DOM instead of re-rendering it.
//
// The wasm download is held back until the test has taken hold of prerendered
// nodes; after hydration the very same nodes must be in the document, no node
// added or lost, and no console error (Yew reports hydration mismatches there;
// the `problems` fixture fails the test on any).

import { test, expect } from './fixtures.mjs';

test('hydrates the prerendered report in place, without duplicating or replacing content', async ({ page }) => {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });

  await page.goto('', { waitUntil: 'domcontentloaded' });
  const before = await page.evaluate(() => {
    const mount = document.querySelector('[data-gir-viewer]');
    window.__prerendered = {
      title: document.querySelector('h1'),
      firstChart: document.querySelector('figure.gir-chart svg'),
      lastParagraph: [...document.querySelectorAll('.gir-list__item')].pop(),
    };
    return {
      found: Object.entries(window.__prerendered).filter(([, node]) => node).map(([name]) => name),
      state: mount.getAttribute('data-gir-state'),
      nodes: mount.querySelectorAll('*').length,
      text: mount.textContent,
    };
  });
  // Without these nodes the identity checks below would compare undefined with undefined.
  expect(before.found, 'prerendered nodes to follow').toEqual(['title', 'firstChart', 'lastParagraph']);
  expect(before.state, 'not hydrated before the wasm arrives').toBeNull();
  expect(before.text, 'the last paragraph is readable before any wasm runs').toContain('四是加强监督考核力度');

  release();
  await page.waitForSelector('[data-gir-viewer][data-gir-state="hydrated"]');
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
  expect(after.sameTitle && after.sameChart && after.sameParagraph, 'prerendered nodes are adopted, not replaced').toBe(true);
  expect(after.titles, 'one title: nothing rendered twice').toBe(1);
  expect(after.nodes, 'same number of elements before and after hydration').toBe(before.nodes);
  expect(after.text, 'same text before and after hydration').toBe(before.text);
});
