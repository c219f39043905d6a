// The report viewer in headless system Chromium: structure, the text as
// published, the charts and their layout, and the prerendered page without JavaScript.
//
// Env: GIR_E2E_BASE_PATH (serve dist under a sub-path, default '/'),
//      GIR_E2E_CSP (send this Content-Security-Policy header).

import { test, expect } from './fixtures.mjs';
import { TITLE, SECTION_HEADING, openViewer, seedBodyLines, seedSectionHeadings } from './helpers.mjs';

const PUBLISHED_ORDER = ['一', '二', '三', '五', '四', '五', '六', '七', '八'];
const META_LABELS = ['索引号', '发布机构', '信息名称', '主题分类', '发布日期', '成文日期', '废止日期', '文号', '关键词', '发布时间'];
const TOLERANCE = 0.5;

test.use({ server: { basePath: process.env.GIR_E2E_BASE_PATH || '/', csp: process.env.GIR_E2E_CSP || null } });

// ---- in-page probes ---------------------------------------------------------

/** Reads the structure the tests check (runs in the page). */
function readStructure() {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const root = document.querySelector('div.gir[data-gir-viewer]');
  const article = root?.querySelector('article.gir-report') ?? null;
  const h1 = document.querySelector('h1.gir-report__title');

  const meta = [];
  for (const dt of document.querySelectorAll('dl.gir-meta dt')) {
    let dd = dt.nextElementSibling;
    while (dd && dd.tagName !== 'DD') dd = dd.nextElementSibling;
    meta.push({
      label: (dt.textContent ?? '').replace(/[\s::]/g, ''),
      value: dd ? norm(dd.textContent) : null,
    });
  }

  const blocks = article
    ? [...article.querySelectorAll('h2, h3, p, li')].map((e) => (e.textContent ?? '').trim())
    : [];
  const h2s = article ? [...article.querySelectorAll('h2')] : [];

  const toc = document.querySelector('nav.gir-toc');
  const links = toc ? [...toc.querySelectorAll('a[href^="#"]')] : [];
  const targets = links.map((a) => {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    return { href: a.getAttribute('href'), id, text: norm(a.textContent), exists: !!document.getElementById(id) };
  });
  const covers = (target, h2) =>
    target === h2 || (target.tagName === 'SECTION' && target.querySelector('h2') === h2);
  const uncoveredHeadings = h2s
    .filter((h2) => !targets.some((t) => t.exists && covers(document.getElementById(t.id), h2)))
    .map((h2) => norm(h2.textContent));

  return {
    hasRoot: !!root,
    articleLang: article?.getAttribute('lang') ?? null,
    h1: h1 ? norm(h1.textContent) : null,
    h1InArticle: !!(h1 && article && article.contains(h1)),
    meta,
    blocks,
    h2: h2s.map((e) => (e.textContent ?? '').trim()),
    hasToc: !!toc,
    tocTargets: targets,
    uncoveredHeadings,
  };
}

/** Reads every chart figure and measures its SVG texts (runs in the page). */
function readCharts() {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const rect = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
  return [...document.querySelectorAll('figure.gir-chart')].map((fig) => {
    const svg = fig.querySelector('svg[role="img"]');
    let name = '';
    if (svg) {
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      const byIds = ids.map((id) => norm(document.getElementById(id)?.textContent)).join(' ').trim();
      name = byIds || norm(svg.getAttribute('aria-label'));
    }
    const texts = svg
      ? [...svg.querySelectorAll('text')].map((t) => {
          const cs = getComputedStyle(t);
          return {
            text: norm(t.textContent),
            rect: rect(t.getBoundingClientRect()),
            hidden: cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0,
          };
        })
      : [];
    return {
      id: fig.id,
      caption: norm(fig.querySelector('figcaption')?.textContent),
      hasSvg: !!svg,
      accessibleName: name,
      svgRect: svg ? rect(svg.getBoundingClientRect()) : null,
      texts,
    };
  });
}

// ---- checks shared by the viewports ----------------------------------------

function checkChartLayout(charts, width) {
  const errors = [];
  for (const chart of charts) {
    const label = `chart #${chart.id || '?'} "${chart.caption}" at width ${width}`;
    const texts = chart.texts.filter((t) => !t.hidden && t.text !== '' && t.rect.width > 0 && t.rect.height > 0);
    // A chart with nothing visible to measure would pass the checks below.
    if (texts.length === 0) errors.push(`${label}: no visible text in its svg`);
    const s = chart.svgRect;
    for (const t of texts) {
      const r = t.rect;
      if (
        r.left < s.left - TOLERANCE ||
        r.top < s.top - TOLERANCE ||
        r.right > s.right + TOLERANCE ||
        r.bottom > s.bottom + TOLERANCE
      ) {
        errors.push(`${label}: text "${t.text}" ${JSON.stringify(r)} is clipped by its svg ${JSON.stringify(s)}`);
      }
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].rect;
        const b = texts[j].rect;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > TOLERANCE && h > TOLERANCE) {
          errors.push(
            `${label}: texts "${texts[i].text}" and "${texts[j].text}" overlap by ${w.toFixed(1)}x${h.toFixed(1)}px`,
          );
        }
      }
    }
  }
  return errors;
}

const hasNumber = (texts, n) => texts.some((t) => !t.hidden && t.rect.width > 0 && new RegExp(`(^|\\D)${n}(\\D|$)`).test(t.text));

// ---- tests ------------------------------------------------------------------

test.describe('report viewer (JavaScript enabled)', () => {
  test('renders the report structure, metadata and table of contents', async ({ page, baseURL }) => {
    await openViewer(page);
    const s = await page.evaluate(readStructure);
    expect(s.hasRoot, 'div.gir[data-gir-viewer] is missing').toBe(true);
    expect(s.articleLang, 'article.gir-report[lang="zh-CN"] missing inside the root').toBe('zh-CN');
    expect(s.h1, 'h1.gir-report__title').toBe(TITLE);

    const labels = s.meta.map((m) => m.label);
    for (const label of META_LABELS) expect(labels, `metadata label ${label}`).toContain(label);
    const value = (label) => s.meta.find((m) => m.label === label)?.value;
    for (const m of s.meta) expect(m.value, `metadata ${m.label} has no <dd>`).not.toBeNull();
    expect(value('发布机构')).toBe('南芬区人民政府');
    expect(value('信息名称')).toBe(TITLE);
    expect(value('主题分类')).toBe('重点领域信息公开');
    expect(value('发布日期')).toBe('2018-03-09');
    expect(value('成文日期')).toBe('2018-03-09');
    expect(value('发布时间') ?? '', '发布时间').toMatch(/2018-03-09\s*13:34:24/);
    for (const label of ['索引号', '文号', '关键词', '废止日期']) {
      expect(value(label), `metadata ${label} should be an empty <dd>`).toBe('');
    }

    expect(s.hasToc, 'nav.gir-toc is missing').toBe(true);
    expect(s.tocTargets.length, 'nav.gir-toc has no a[href^="#"] links').toBeGreaterThan(0);
    expect(s.tocTargets.filter((t) => !t.exists).map((t) => t.href), 'TOC links without a target').toEqual([]);
    // Every section heading has a TOC link (there are headings to check: one per section).
    expect(s.h2.length, 'h2 headings in the article').toBeGreaterThanOrEqual(9);
    expect(s.uncoveredHeadings, 'sections without a TOC link').toEqual([]);

    // The page's icon is in the page itself (a data: URL): no request, nothing from
    // another origin, and an SVG image when decoded.
    const icon = await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? null);
    expect(icon).toMatch(/^data:image\/svg\+xml,%3Csvg /);
    expect(decodeURIComponent(icon.slice('data:image/svg+xml,'.length))).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^]*<\/svg>$/);
  });

  test('shows every heading, paragraph and list item of the report as published, in order', async ({ page }) => {
    await openViewer(page);
    const s = await page.evaluate(readStructure);
    const blocks = new Set(s.blocks);
    const lines = seedBodyLines();
    expect(lines.length, 'seed body lines').toBeGreaterThanOrEqual(20);
    const missing = lines.filter((line) => !blocks.has(line));
    expect(missing, 'published lines that no article h2/h3/p/li has as its text').toEqual([]);

    const expected = seedSectionHeadings();
    expect(expected.map((h) => h.slice(0, h.indexOf('、'))), 'seed headings (fixture changed?)').toEqual(PUBLISHED_ORDER);
    const numbered = s.h2.filter((h) => SECTION_HEADING.test(h));
    expect(numbered, 'h2 section headings must appear as published (一 二 三 五 四 五 六 七 八)').toEqual(expected);
  });

  test('draws labelled SVG charts with the report\'s figures', async ({ page }) => {
    await openViewer(page);
    const charts = await page.evaluate(readCharts);
    expect(charts.length, 'figure.gir-chart elements').toBe(3);
    const ids = new Set();
    for (const [i, c] of charts.entries()) {
      const label = `figure.gir-chart #${i + 1} (id="${c.id}")`;
      expect(c.id, `${label} has no id`).toBeTruthy();
      expect(ids.has(c.id), `${label}: duplicate id`).toBe(false);
      ids.add(c.id);
      expect(c.caption, `${label} has an empty or missing figcaption`).toBeTruthy();
      expect(c.hasSvg, `${label} has no svg[role="img"]`).toBe(true);
      expect(c.accessibleName, `${label}: svg has no accessible name (aria-labelledby / aria-label)`).toBeTruthy();
      expect(c.texts.length, `${label}: svg <text> elements`).toBeGreaterThan(0);
    }

    const published = charts.find((c) => [1182, 439, 12].every((n) => hasNumber(c.texts, n)));
    expect(published, 'a chart showing 1182, 439 and 12 as SVG text (published items chart)').toBeTruthy();
    const minxin = charts.find((c) => [113, 90].every((n) => hasNumber(c.texts, n)));
    expect(minxin, 'a chart showing 113 and 90 as SVG text (民心网 chart)').toBeTruthy();
  });

  for (const width of [360, 1280]) {
    test.describe(() => {
      test.use({ viewport: { width, height: 800 } });
      test(`chart texts neither overlap nor get clipped at width ${width}`, async ({ page }) => {
        await openViewer(page);
        const charts = await page.evaluate(readCharts);
        expect(charts.length, 'figure.gir-chart elements').toBe(3);
        expect(checkChartLayout(charts, width)).toEqual([]);
      });
    });
  }
});

test.describe('report viewer (JavaScript disabled: prerendered HTML)', () => {
  test.use({ javaScriptEnabled: false });

  test('has the title, all section headings and the chart SVGs without JavaScript', async ({ page }) => {
    await page.goto('');
    const s = await page.evaluate(readStructure);
    expect(s.h1, 'h1.gir-report__title (prerendered)').toBe(TITLE);
    const numbered = s.h2.filter((h) => SECTION_HEADING.test(h));
    expect(numbered, 'prerendered h2 section headings').toEqual(seedSectionHeadings());
    const svgCount = await page.locator('figure.gir-chart svg[role="img"]').count();
    expect(svgCount, 'prerendered chart svgs').toBe(3);
    // What this test reads must come from the HTML: no script ran to hydrate it.
    expect(await page.locator('[data-gir-viewer]').getAttribute('data-gir-state'), 'the mount was never hydrated').toBeNull();
  });
});
