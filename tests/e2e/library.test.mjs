// The report library (dist-samples/: the seed, tests/fixtures/reports and
// tests/fixtures/library built together): the index with its filters (also
// without JavaScript, under a sub-path, in a frame), index → report → back,
// a body's figures over the years, a year's sortable comparison.

import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { STRICT_CSP, SUB_PATH, expectNoAxeViolations, openViewer, samplesDir } from './helpers.mjs';


test.use({ server: { root: samplesDir, csp: STRICT_CSP } });

// Every report of the sample site, by year (tests/fixtures/*/README.md).
const REPORTS = 10;
const IN_2021 = ['sample-2021', 'sample-2021-all-blank', 'sample-town-2021'];
const IN_2019_FORMAT = ['sample-2019', 'sample-2019-all-zero', 'sample-town-2019'];
const TOWN = ['sample-town-2021', 'sample-town-2019', 'sample-town-2018'];

test.beforeAll(() => {
  expect(fs.existsSync(path.join(samplesDir, 'year-2021.html')), `${samplesDir}: build it with scripts/test (sample build)`).toBe(true);
});

/** The report ids of the index rows a reader sees, in order. */
const shownReports = (page) =>
  page.locator('[data-gir-library-table] tbody tr:visible a.gir-library__report').evaluateAll((as) =>
    as.map((a) => a.getAttribute('href').replace(/^\.\//, '').replace(/\.html$/, '')));

test.describe('library index', () => {
  // On a phone, and at 200 % zoom (a 1280 px window is 640 CSS px), every column of
  // the index keeps a width to read and tap: the page never scrolls sideways (the
  // table may, inside its own frame), and a tap on a body's name lands on its link.
  for (const width of [320, 360, 640]) {
    test(`keeps every column readable and tappable at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 740 });
      await page.goto('index.html');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const facts = await page.evaluate(() => {
        const table = document.querySelector('[data-gir-library-table]');
        const heads = [...table.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().width));
        const link = table.querySelector('tbody tr td:nth-child(2) a');
        link.scrollIntoView({ block: 'center' });
        // The link's first line (a name may wrap).
        const box = link.getClientRects()[0];
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {
          heads,
          pageWidth: document.documentElement.scrollWidth,
          bodyLinkTapped: hit === link || link.contains(hit),
        };
      });
      const em = 18; // the library's 1.125rem
      expect(Math.min(...facts.heads), `column widths ${facts.heads}`).toBeGreaterThanOrEqual(3 * em);
      expect(facts.heads[1], 'the body column').toBeGreaterThanOrEqual(6 * em);
      expect(facts.heads[2], 'the report column').toBeGreaterThanOrEqual(6 * em);
      expect(facts.pageWidth, 'no page-wide horizontal scrolling').toBeLessThanOrEqual(width);
      expect(facts.bodyLinkTapped, 'a tap on a body lands on its link').toBe(true);
    });
  }

  test('filters by year, body, format and words of the title, and keeps the filter in the URL', async ({ page }) => {
    await page.goto('index.html');
    await expect(page.locator('[data-gir-library-filters]')).toBeVisible();
    expect((await shownReports(page)).length).toBe(REPORTS);
    await page.selectOption('select[name="year"]', '2021');
    expect((await shownReports(page)).sort()).toEqual([...IN_2021].sort());
    await expect(page.locator('[data-gir-library-count]')).toHaveText('显示3份(共10份)');
    await expect.poll(() => new URL(page.url()).search).toBe('?year=2021');

    await page.reload();
    await expect(page.locator('select[name="year"]')).toHaveValue('2021');
    expect((await shownReports(page)).sort()).toEqual([...IN_2021].sort());

    await page.fill('input[name="q"]', '表格全部空白');
    expect(await shownReports(page)).toEqual(['sample-2021-all-blank']);
    await page.fill('input[name="q"]', '');
    await page.selectOption('select[name="year"]', '');
    await page.selectOption('select[name="format"]', '2019');
    expect((await shownReports(page)).sort()).toEqual([...IN_2019_FORMAT].sort());
    await page.selectOption('select[name="format"]', '');
    // The town prints its name two ways (a space, full-width brackets): one body.
    const town = await page.locator('select[name="body"] option', { hasText: '示例镇' }).allTextContents();
    expect(town.length, 'the town is one option').toBe(1);
    await page.selectOption('select[name="body"]', { label: town[0] });
    expect(await shownReports(page)).toEqual(TOWN);
    await expectNoAxeViolations(page, { label: 'library index' });
  });

  test('goes from the index to a report and back, the filter kept', async ({ page }) => {
    await page.goto('index.html?year=2021');
    // A link leaves the page: let its late requests (the favicon) finish first.
    await page.waitForLoadState('networkidle');
    await page.click('a.gir-library__report[href="./sample-2021.html"]');
    await expect(page.locator('.gir-report__title')).toHaveText('示例县人民政府2021年政府信息公开工作年度报告(样例)');
    await expect(page.locator('[data-gir-viewer]')).toHaveAttribute('data-gir-state', 'hydrated');
    await page.goBack();
    await expect(page.locator('select[name="year"]')).toHaveValue('2021');
    expect((await shownReports(page)).sort()).toEqual([...IN_2021].sort());
  });

  test.describe(() => {
    test.use({ javaScriptEnabled: false });
    test('lists every report, linked, without JavaScript (and shows no filter it cannot run)', async ({ page }) => {
      await page.goto('index.html?year=2021');
      await expect(page.locator('[data-gir-library-filters]')).toBeHidden();
      expect((await shownReports(page)).length).toBe(REPORTS);
      const years = await page.locator('nav.gir-library__years a').allTextContents();
      expect(years).toEqual(['2023年', '2022年', '2021年', '2019年', '2018年', '2017年']);
    });
  });

  test.describe(() => {
    test.use({ server: { root: samplesDir, basePath: SUB_PATH, csp: `${STRICT_CSP}; frame-src 'self'` } });
    test('deep links work under a sub-path and inside a frame', async ({ page, baseURL }) => {
      await page.goto('index.html?format=2019');
      expect((await shownReports(page)).sort()).toEqual([...IN_2019_FORMAT].sort());
      expect(new URL(page.url()).pathname).toBe(`${SUB_PATH}index.html`);

      // A deep link into a library report, to a cell of its table.
      await page.goto('sample-2021.html#sec-3-table-1-total');
      await expect(page.locator('[data-gir-viewer]')).toHaveAttribute('data-gir-state', 'hydrated');
      await expect(page.locator('#sec-3-table-1-total')).toBeInViewport();
      expect(new URL(page.url()).pathname).toBe(`${SUB_PATH}sample-2021.html`);

      // A portal page (same origin) framing the index with a deep link.
      await page.goto('year-2021.html');
      await page.evaluate((src) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        frame.title = '报告库';
        frame.style.width = '900px';
        frame.style.height = '700px';
        document.body.append(frame);
      }, `${baseURL}index.html?year=2019`);
      const frame = page.frameLocator('iframe[title="报告库"]');
      await expect(frame.locator('[data-gir-library-count]')).toHaveText('显示3份(共10份)');
      await frame.locator('select[name="year"]').selectOption('2021');
      await expect(frame.locator('[data-gir-library-count]')).toHaveText('显示3份(共10份)');
      const framed = page.frames().find((f) => f.url().includes('index.html'));
      await expect.poll(() => new URL(framed.url()).search).toBe('?year=2021');
      expect(new URL(framed.url()).pathname).toBe(`${SUB_PATH}index.html`);
    });
  });
});

test.describe('a body over the years', () => {
  test('charts each figure by year, with the missing year and the format changes written, and its data', async ({ page }) => {
    await page.goto('index.html');
    await page.waitForLoadState('networkidle');
    await page.locator('a[href^="./body-"]', { hasText: '示例镇' }).first().click();
    await expect(page.locator('h1')).toContainText('历年报告');
    const chart = page.locator('#yoy-1');
    await expect(chart.locator('figcaption')).toHaveText('本年新收政府信息公开申请(单位:件)');
    const description = await chart.locator('svg desc').textContent();
    // 2018: a narrative report (no tables); 2020: no report; never 0.
    expect(description).toMatch(/^历年条形图,共4年:2018年 无统计表;2019年 \d+件;2020年 无报告;2021年 \d+件。$/);
    const texts = await chart.locator('svg text').allTextContents();
    expect(texts).toContain('自此起:2019年试行格式');
    expect(texts).toContain('自此起:2021年格式');
    // A blank cell (2021's 三(二) 部分公开) is a gap too, written, not drawn.
    const partly = page.locator('figure', { has: page.locator('figcaption', { hasText: '部分公开(单位:件)' }) });
    expect(await partly.locator('svg desc').textContent()).toContain('2021年 空白');
    // The data table links each value to its cell in the report.
    await chart.locator('summary').click();
    const link = chart.locator('a', { hasText: '原表' }).first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\.\/sample-town-2019\.html#sec-\d+-table-1-total$/);
    await page.waitForLoadState('networkidle');
    await link.click();
    await expect(page.locator('[data-gir-viewer]')).toHaveAttribute('data-gir-state', 'hydrated');
    const target = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`[id="${target}"]`)).toBeVisible();
    await page.goBack();
    const csv = await (await page.request.get(await chart.locator('a[download]').getAttribute('href'))).body();
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8')).toContain('\r\n2020,,件,当年无报告,,\r\n');
  });
});

test.describe('a year compared', () => {
  test('sorts by a column, gaps last, and says which way', async ({ page }) => {
    await page.goto('year-2021.html');
    const header = page.locator('thead th', { hasText: '本年新收政府信息公开申请' });
    const column = await header.evaluate((th) => th.cellIndex);
    const values = () => page.locator('tbody tr').evaluateAll((rows, i) => rows.map((r) => r.cells[i].textContent), column);
    await header.locator('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const up = await values();
    await header.locator('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const down = await values();
    const numbers = (list) => list.filter((v) => /^\d+$/.test(v)).map(Number);
    expect(numbers(up)).toEqual([...numbers(up)].sort((a, b) => a - b));
    expect(numbers(down)).toEqual([...numbers(down)].sort((a, b) => b - a));
    expect(up.at(-1), 'a blank sorts last').toBe('空白');
    expect(down.at(-1), 'a blank sorts last either way').toBe('空白');
  });
});

test.describe('text copied from last year (内容雷同)', () => {
  // tests/fixtures/library/README.md: what 2023 repeats from 2022.
  const REPEATED = [
    '本报告依据《中华人民共和国政府信息公开条例》编制,数据统计期限为2023年1月1日至2023年12月31日。',
    '2023年,我局认真贯彻落实政府信息公开工作要求,不断完善工作机制。',
    '全年主动公开政府信息156条。',
    '信息发布的及时性有待提高。',
    '下一步将加强队伍建设,提升工作人员业务能力。',
  ];

  test('lists the repeated sentences with the year before\'s, and highlights them in the text on request', async ({ page }) => {
    await openViewer(page, 'library-edu-2023.html');
    const panel = page.locator('details.gir-repeats');
    await expect(panel.locator('summary')).toHaveText(/^内容雷同:5句与2022年报告相同或近似,占正文\d+\.\d%$/);
    await panel.locator('summary').click();
    expect(await panel.locator('.gir-repeats__this').allTextContents()).toEqual(REPEATED);
    await expect(panel.locator('.gir-repeats__previous').nth(2)).toHaveText('2022年:全年主动公开政府信息120条。(近似)');
    await expect(panel.locator('.gir-repeats__previous').nth(3)).toHaveText('2022年:信息发布的及时性有待提高。(原文相同)');
    // The text shows the same sentences, unhighlighted until asked.
    const marks = page.locator('.gir-report__body .gir-repeat');
    expect(await marks.allTextContents()).toEqual(REPEATED);
    const background = () => marks.first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background()).toBe('rgba(0, 0, 0, 0)');
    await page.getByLabel('在正文中标出这些句子').check();
    expect(await background()).not.toBe('rgba(0, 0, 0, 0)');
    const unrepeated = page.locator('.gir-report__body p', { hasText: '今年新建了政策解读专栏' });
    await expect(unrepeated.locator('.gir-repeat', { hasText: '今年新建' })).toHaveCount(0);
    await expect(marks.nth(2)).toHaveAttribute('title', '上年原句:全年主动公开政府信息120条。');
    await expectNoAxeViolations(page, { label: '内容雷同 highlighted' });
  });

  test('shows no panel where there is no year before, and the index gives the share', async ({ page }) => {
    await openViewer(page, 'library-edu-2022.html');
    await expect(page.locator('details.gir-repeats')).toHaveCount(0);
    await page.goto('index.html');
    const row = page.locator('tbody tr', { has: page.locator('a[href="./library-edu-2023.html"]') });
    await expect(row.locator('td').last()).toHaveText(/^\d+\.\d%$/);
    const earlier = page.locator('tbody tr', { has: page.locator('a[href="./library-edu-2022.html"]') });
    await expect(earlier.locator('td').last()).toHaveText('—');
  });
});
