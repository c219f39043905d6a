// End-to-end tests of the built viewer (dist/) in headless system Chromium.
//
//   node --test --test-reporter=spec tests/e2e/*.test.mjs
//
// Env: GIR_E2E_BASE_PATH (serve dist under a sub-path, default '/'),
//      GIR_E2E_CSP (send this Content-Security-Policy header).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  openPage,
  problemList,
  startServer,
  distDir,
  seedBodyLines,
  seedSectionHeadings,
  assertDistBuilt,
  saveScreenshot,
} from './helpers.mjs';

const TITLE = '南芬区2017年度政府信息公开工作报告';
const PUBLISHED_ORDER = ['一', '二', '三', '五', '四', '五', '六', '七', '八'];
const META_LABELS = ['索引号', '发布机构', '信息名称', '主题分类', '发布日期', '成文日期', '废止日期', '文号', '关键词', '发布时间'];
const TOLERANCE = 0.5;

let server;
let browser;

before(async () => {
  assertDistBuilt();
  server = await startServer({
    root: distDir,
    basePath: process.env.GIR_E2E_BASE_PATH || '/',
    csp: process.env.GIR_E2E_CSP || null,
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the viewer, runs fn(page), then asserts nothing went wrong on the way. */
async function withViewer(options, fn) {
  const { page, problems, close } = await openPage(browser, server.url, options);
  try {
    await fn(page);
    const list = problemList(problems);
    if (list.length) assert.fail(`problems while loading ${server.url}:\n${list.join('\n')}`);
  } catch (err) {
    const name = `failure-${options?.viewport?.width ?? 'default'}-${options?.javaScriptEnabled === false ? 'nojs' : 'js'}`;
    await saveScreenshot(page, name).catch(() => {});
    throw err;
  } finally {
    await close();
  }
}

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

describe('report viewer (JavaScript enabled)', () => {
  it('renders the report structure, metadata and table of contents', async () => {
    await withViewer({ viewport: { width: 1280, height: 900 } }, async (page) => {
      const s = await page.evaluate(readStructure);
      assert.ok(s.hasRoot, 'div.gir[data-gir-viewer] is missing');
      assert.equal(s.articleLang, 'zh-CN', 'article.gir-report[lang="zh-CN"] missing inside the root');
      assert.equal(s.h1, TITLE, 'h1.gir-report__title');

      const labels = s.meta.map((m) => m.label);
      for (const label of META_LABELS) assert.ok(labels.includes(label), `metadata label ${label} missing (have: ${labels.join(', ')})`);
      const value = (label) => s.meta.find((m) => m.label === label)?.value;
      for (const m of s.meta) assert.notEqual(m.value, null, `metadata ${m.label} has no <dd>`);
      assert.equal(value('发布机构'), '南芬区人民政府');
      assert.equal(value('信息名称'), TITLE);
      assert.equal(value('主题分类'), '重点领域信息公开');
      assert.equal(value('发布日期'), '2018-03-09');
      assert.equal(value('成文日期'), '2018-03-09');
      assert.match(value('发布时间') ?? '', /2018-03-09\s*13:34:24/, '发布时间');
      for (const label of ['索引号', '文号', '关键词', '废止日期']) {
        assert.equal(value(label), '', `metadata ${label} should be an empty <dd>`);
      }

      assert.ok(s.hasToc, 'nav.gir-toc is missing');
      assert.ok(s.tocTargets.length > 0, 'nav.gir-toc has no a[href^="#"] links');
      const broken = s.tocTargets.filter((t) => !t.exists).map((t) => t.href);
      if (broken.length) assert.fail(`TOC links without a target: ${broken.join(', ')}`);
      if (s.uncoveredHeadings.length) assert.fail(`sections without a TOC link: ${s.uncoveredHeadings.join(' | ')}`);

      // Headless Chromium does not fetch the favicon itself: check it is served.
      const icon = await page.evaluate(() => {
        const link = document.querySelector('link[rel~="icon"]');
        return link ? link.href : new URL('/favicon.ico', location.href).href;
      });
      if (!icon.startsWith('data:')) {
        assert.equal(new URL(icon).origin, new URL(server.url).origin, `favicon ${icon} is on another origin`);
        const res = await page.request.get(icon);
        assert.equal(res.status(), 200, `favicon ${icon}: HTTP ${res.status()}`);
      }
    });
  });

  it('shows every heading, paragraph and list item of the report as published, in order', async () => {
    await withViewer({ viewport: { width: 1280, height: 900 } }, async (page) => {
      const s = await page.evaluate(readStructure);
      const blocks = new Set(s.blocks);
      const lines = seedBodyLines();
      assert.ok(lines.length >= 20, `seed has too few body lines (${lines.length})`);
      for (const line of lines) {
        assert.ok(blocks.has(line), `no article h2/h3/p/li has the text of this published line:\n${line}`);
      }

      const expected = seedSectionHeadings();
      assert.deepEqual(
        expected.map((h) => h.slice(0, h.indexOf('、'))),
        PUBLISHED_ORDER,
        'seed headings (fixture changed?)',
      );
      const numbered = s.h2.filter((h) => /^[一二三四五六七八九十]+、/.test(h));
      assert.deepEqual(numbered, expected, 'h2 section headings must appear as published (一 二 三 五 四 五 六 七 八)');
    });
  });

  it('draws labelled SVG charts with the report\'s figures', async () => {
    await withViewer({ viewport: { width: 1280, height: 900 } }, async (page) => {
      const charts = await page.evaluate(readCharts);
      assert.ok(charts.length >= 5, `expected at least 5 figure.gir-chart, found ${charts.length}`);
      const ids = new Set();
      for (const [i, c] of charts.entries()) {
        const label = `figure.gir-chart #${i + 1} (id="${c.id}")`;
        assert.ok(c.id, `${label} has no id`);
        assert.ok(!ids.has(c.id), `${label}: duplicate id`);
        ids.add(c.id);
        assert.ok(c.caption, `${label} has an empty or missing figcaption`);
        assert.ok(c.hasSvg, `${label} has no svg[role="img"]`);
        assert.ok(c.accessibleName, `${label}: svg has no accessible name (aria-labelledby / aria-label)`);
        assert.ok(c.texts.length > 0, `${label}: svg has no <text> elements`);
      }

      const published = charts.find((c) => [1182, 439, 12].every((n) => hasNumber(c.texts, n)));
      assert.ok(published, 'no chart shows 1182, 439 and 12 as SVG text (published items chart)');
      const minxin = charts.find((c) => [113, 90].every((n) => hasNumber(c.texts, n)));
      assert.ok(minxin, 'no chart shows 113 and 90 as SVG text (民心网 chart)');
    });
  });

  for (const width of [360, 1280]) {
    it(`chart texts neither overlap nor get clipped at width ${width}`, async () => {
      await withViewer({ viewport: { width, height: 800 } }, async (page) => {
        const charts = await page.evaluate(readCharts);
        assert.ok(charts.length >= 5, `expected at least 5 figure.gir-chart, found ${charts.length}`);
        const errors = checkChartLayout(charts, width);
        if (errors.length) assert.fail(`${errors.length} chart text problem(s):\n${errors.join('\n')}`);
      });
    });
  }
});

describe('report viewer (JavaScript disabled: prerendered HTML)', () => {
  it('has the title, all section headings and the chart SVGs without JavaScript', async () => {
    await withViewer({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false }, async (page) => {
      const s = await page.evaluate(readStructure);
      assert.equal(s.h1, TITLE, 'h1.gir-report__title (prerendered)');
      const numbered = s.h2.filter((h) => /^[一二三四五六七八九十]+、/.test(h));
      assert.deepEqual(numbered, seedSectionHeadings(), 'prerendered h2 section headings');
      const svgCount = await page.locator('figure.gir-chart svg[role="img"]').count();
      assert.ok(svgCount >= 5, `expected at least 5 prerendered chart svgs, found ${svgCount}`);
    });
  });
});
