// Hostile input: the dataset tests/fixtures/hostile/hostile-payloads.json (a payload
// in every text field: <script>, <img onerror>, <svg onload>, javascript:, CSS
// breakouts aimed at the running title, {{…}} placeholders, formula prefixes, a
// 20,000-character paragraph), built alone into dist-hostile/ (scripts/test).
//
// Whatever the page does with it — the live viewer, the prerendered HTML with
// JavaScript off, the portal page, the downloads, the printed pages — the payloads
// stay text: none runs (each would set window.__girPwned), no element is injected,
// the viewer stays displayed and the text reads exactly as in the dataset.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures.mjs';
import { hostileDir, openViewer, outputDir, repoRoot } from './helpers.mjs';
import { parseCsv } from '../../scripts/csv.mjs';

const DATASET = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'hostile', 'hostile-payloads.json'), 'utf8'),
);
const META_KEYS = ['index_no', 'publisher', 'name', 'topic', 'publish_date', 'written_date', 'repeal_date', 'doc_no', 'keywords', 'published_at'];
const BAR_CHARTS = DATASET.charts.filter((c) => c.kind === 'bars').length;
const MOUNT = '[data-gir-viewer]';

test.use({ server: { root: hostileDir } });

/**
 * What every text field of the dataset must read as, by the element that shows it
 * (selector → textContent): exactly the dataset's characters, entities included
 * (`&lt;b&gt;` shows as those six characters, not as "<b>").
 */
function expectedTexts() {
  const texts = { '.gir-report__title': DATASET.title };
  META_KEYS.forEach((key, i) => (texts[`.gir-meta__row:nth-child(${i + 1}) .gir-meta__value`] = DATASET.meta[key]));
  const block = (b) => {
    if (b.paragraph) texts[`#${b.paragraph.id}`] = b.paragraph.text;
    if (b.subsection) texts[`#${b.subsection.id}`] = b.subsection.label + b.subsection.title + b.subsection.text;
    for (const item of b.list?.items ?? []) texts[`#${item.id}`] = item.label + item.text;
  };
  DATASET.preamble.forEach(block);
  for (const section of DATASET.sections) {
    texts[`#${section.id}-heading`] = section.label + section.title;
    section.blocks.forEach(block);
  }
  for (const chart of DATASET.charts) {
    texts[`#${chart.id}-caption`] = chart.title;
    texts[`#${chart.id}-svg-title`] = chart.title;
    chart.figures.concat(chart.notes).forEach((id, i) => {
      texts[`#${chart.id}-table tbody tr:nth-child(${i + 1}) th`] = DATASET.figures.find((f) => f.id === id).label;
    });
  }
  return texts;
}

/** Runs in the page: what the payloads could have done to it. */
function probe([mountSelector, selectors]) {
  const mount = document.querySelector(mountSelector);
  const tags = {};
  for (const el of mount.querySelectorAll('*')) tags[el.localName] = (tags[el.localName] ?? 0) + 1;
  const display = (el) => (el ? getComputedStyle(el).display : 'missing');
  return {
    state: mount.getAttribute('data-gir-state'),
    pwned: window.__girPwned,
    // Elements no report text may turn into (the viewer renders none of them).
    injected: Object.fromEntries(
      ['script', 'img', 'image', 'style', 'link', 'iframe', 'object', 'embed', 'meta', 'base', 'form', 'foreignObject', 'use']
        .filter((tag) => tags[tag])
        .map((tag) => [tag, tags[tag]]),
    ),
    svgs: tags.svg ?? 0,
    eventHandlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.localName}[${a.name}]`),
    ),
    // Every link in the mount goes to this page or to a file beside it.
    foreignLinks: [...mount.querySelectorAll('[href]')]
      .map((el) => new URL(el.getAttribute('href'), document.baseURI))
      .filter((u) => u.origin !== location.origin)
      .map(String),
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    display: {
      root: display(document.documentElement),
      body: display(document.body),
      mount: display(mount),
      report: display(mount.querySelector('.gir-report')),
      title: display(mount.querySelector('.gir-report__title')),
    },
    texts: Object.fromEntries(selectors.map((sel) => [sel, mount.querySelector(sel)?.textContent ?? null])),
  };
}

/**
 * Checks the page (screen and print media) against everything a payload could do;
 * `state` is the viewer's (null with JavaScript off): a changed prerendered mount
 * would be rendered afresh rather than hydrated.
 */
async function expectInert(page, { state, mount = MOUNT }) {
  const texts = expectedTexts();
  for (const media of ['screen', 'print']) {
    await page.emulateMedia({ media });
    const seen = await page.evaluate(probe, [mount, Object.keys(texts)]);
    expect(seen.state, 'the viewer\'s state').toBe(state);
    expect(seen.pwned, `no payload ran (${media})`).toBeUndefined();
    expect(seen.injected, `no element injected into the mount (${media})`).toEqual({});
    expect(seen.svgs, `one svg per bar chart, nothing else (${media})`).toBe(BAR_CHARTS);
    expect(seen.eventHandlers, 'no event handler attribute anywhere').toEqual([]);
    expect(seen.foreignLinks, 'no link leaves the page\'s origin (javascript:, http://example.invalid)').toEqual([]);
    expect(seen.inlineScripts, 'no inline script in the document').toBe(0);
    for (const [what, value] of Object.entries(seen.display)) {
      expect(value, `${what} is displayed (${media}): the CSS breakouts stay text`).not.toBe('none');
      expect(value, `${what} exists`).not.toBe('missing');
    }
    expect(seen.texts, `every payload reads as its text (${media})`).toEqual(texts);
  }
  await page.emulateMedia({ media: 'screen' });
  // Through the accessibility tree and layout too: the payloads are visible text.
  await expect(page.locator(mount).getByRole('heading', { level: 1 })).toHaveText(DATASET.title);
  for (const payload of [DATASET.meta.index_no, DATASET.meta.publisher, DATASET.meta.keywords, DATASET.meta.topic]) {
    await expect(page.locator(mount).getByText(payload, { exact: true }), payload).toBeVisible();
  }
  for (const section of DATASET.sections) {
    await expect(page.locator(`#${section.id}-heading`)).toBeVisible();
  }
}

test.describe('the hostile dataset stays text', () => {
  test('in the live viewer', async ({ page }) => {
    await openViewer(page, '', { state: null });
    // An injected <img onerror> would fire once its request failed.
    await page.waitForLoadState('networkidle');
    await expectInert(page, { state: 'hydrated' });
  });

  test('in the portal page (mount), where the host\'s own content stays displayed too', async ({ page }) => {
    await openViewer(page, 'portal-demo.html', { state: null });
    await page.waitForLoadState('networkidle');
    await expectInert(page, { state: 'hydrated' });
    for (const selector of ['.portal-header__title', '.portal-aside__text', '.portal-footer p']) {
      await expect(page.locator(selector), selector).toBeVisible();
    }
  });

  test.describe(() => {
    test.use({ javaScriptEnabled: false });
    test('in the prerendered HTML, with JavaScript off', async ({ page }) => {
      await page.goto('');
      await expectInert(page, { state: null });
    });
  });
});

test.describe('the downloads', () => {
  const formula = /^[=+\-@\t\r]/;
  const neutralised = (text) => (formula.test(text) ? `'${text}` : text);
  const row = (f) => [
    f.id, neutralised(f.label), String(f.value), neutralised(f.unit), f.measure === 'count' ? '数量' : '排名',
    f.bound === 'exact' ? '精确' : '多于(余)', neutralised(f.stated), f.source.anchor, neutralised(f.source.quote), f.parts.join(';'),
  ];

  test('CSV: formula cells start with \', every other cell as in the dataset', async ({ page }) => {
    await openViewer(page);
    const links = await page.$$eval(`${MOUNT} a[download$=".csv"]`, (as) => as.map((a) => a.getAttribute('href')));
    const chart = DATASET.charts[0];
    const files = {
      'data/hostile-payloads-figures.csv': DATASET.figures,
      [`data/hostile-payloads-${chart.id}.csv`]: chart.figures.concat(chart.notes).map((id) => DATASET.figures.find((f) => f.id === id)),
    };
    // The files the page links to are the ones checked here.
    expect(links.map((href) => new URL(href, page.url()).pathname.replace(/^.*\/data\//, 'data/')).sort()).toEqual(Object.keys(files).sort());
    for (const [file, figures] of Object.entries(files)) {
      const response = await page.request.get(file);
      expect(response.ok(), file).toBe(true);
      const text = await response.text();
      expect(text.startsWith('\uFEFF'), `${file} starts with a BOM`).toBe(true);
      const rows = parseCsv(text.slice(1));
      expect(rows[0][1], `${file} header`).toBe('项目');
      expect(rows.slice(1), file).toEqual(figures.map(row));
      const cells = rows.flat();
      expect(cells.filter((c) => formula.test(c)), `${file}: cells a spreadsheet would run`).toEqual([]);
      // The payloads that start with =, + and @ are there, neutralised.
      expect(cells.filter((c) => /^'[=+@]/.test(c)).length, `${file}: neutralised cells`).toBeGreaterThanOrEqual(figures.length);
    }
  });

  test('JSON: every value as it is', async ({ page }) => {
    await openViewer(page);
    const response = await page.request.get('data/hostile-payloads-figures.json');
    expect(response.ok()).toBe(true);
    expect(await response.json()).toEqual({
      report: DATASET.id,
      title: DATASET.title,
      publisher: DATASET.meta.publisher,
      published_at: DATASET.meta.published_at,
      figures: DATASET.figures,
    });
  });
});

test('print: the title reads literally in the running header of every page and in the body', async ({ page }) => {
  await openViewer(page);
  fs.mkdirSync(outputDir, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  const file = path.join(outputDir, 'hostile-report.pdf');
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const pages = text.split('\f').slice(0, pageCount);
  const flat = (s) => s.replace(/\s+/g, '');
  const title = flat(DATASET.title);
  // The 20,000-character paragraph fills pages on which only the running header
  // can show the title.
  expect(pageCount, 'pages').toBeGreaterThanOrEqual(3);
  pages.forEach((p, i) => expect(flat(p).startsWith(title), `running title atop page ${i + 1}: ${p.slice(0, 300)}`).toBe(true));
  // On page one the header is followed by the title in the body (the h1).
  expect(flat(pages[0]).slice(title.length), 'the body\'s title on page 1').toContain(title);
  expect(flat(text), 'the long paragraph is printed').toContain('长'.repeat(1000));
});

