// Standard-format reports (2019 and 2021): the mandated tables, their charts
// and the 数据校验 panel, on the sample build (dist-samples/, built by
// scripts/test with tests/fixtures/reports embedded beside the real report).

import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { expectNoAxeViolations, openViewer, samplesDir } from './helpers.mjs';

test.use({ server: { root: samplesDir } });

test.beforeAll(() => {
  expect(fs.existsSync(path.join(samplesDir, 'sample-2021.html')), `${samplesDir}: build it with scripts/test (sample build)`).toBe(true);
});

test.describe('sample 2021 report', () => {
  test('renders 表三 with its multi-level header, nested rows and cells tied to their headers', async ({ page }) => {
    await openViewer(page, 'sample-2021.html');
    const table = page.locator('#sec-3-table table');
    await expect(table.locator('caption')).toHaveText('收到和处理政府信息公开申请情况');
    // Left to right as a reader sees them (自然人 and 总计 span two header rows).
    const leaves = await table.locator('thead th.gir-table__head--leaf').evaluateAll((ths) =>
      ths.sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left).map((th) => th.textContent));
    expect(leaves).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const groups = await table.locator('thead th[scope="colgroup"]').evaluateAll((ths) => ths.map((th) => [th.textContent, th.colSpan]));
    expect(groups).toEqual([['申请人情况', 7], ['法人或其他组织', 5]]);
    const labels = await table.locator('tbody th').allTextContents();
    expect(labels[0]).toBe('一、本年新收政府信息公开申请数量');
    // Both rows must be there for their order to mean anything.
    const [group, child] = [labels.indexOf('(三)不予公开'), labels.indexOf('1.属于国家秘密')];
    expect(group, '(三)不予公开 row').toBeGreaterThanOrEqual(0);
    expect(child, '1.属于国家秘密 after (三)不予公开').toBeGreaterThan(group);
    expect(labels.at(-1)).toBe('四、结转下年度继续办理');
    expect(labels.length, 'every row of the 2021 layout, (六) with its three numbered rows').toBe(30);
    const names = await page.$eval('#sec-3-table-3_3_1-business', (td) =>
      td.getAttribute('headers').split(' ').map((id) => document.getElementById(id).textContent));
    expect(new Set(names)).toEqual(new Set(['商业企业', '法人或其他组织', '申请人情况', '1.属于国家秘密', '(三)不予公开', '三、本年度办理结果']));
    expect(await page.textContent('#sec-3-table-1-natural_person')).toBe('40');
    const align = await page.$eval('#sec-3-table-1-natural_person', (td) => getComputedStyle(td).textAlign);
    expect(align).toBe('right');
  });

  test('keeps blank, zero, not-applicable and money exactly as published', async ({ page }) => {
    await openViewer(page, 'sample-2021.html');
    expect(await page.textContent('#sec-4-table-cases-direct_suit_corrected')).toBe('');
    expect(await page.getAttribute('#sec-4-table-cases-direct_suit_corrected', 'class')).toMatch(/gir-table__cell--blank/);
    expect(await page.textContent('#sec-4-table-cases-review_other')).toBe('0');
    expect(await page.textContent('#sec-2-table-fees-fee_amount'), 'money keeps its decimals').toBe('3.50');

    await openViewer(page, 'sample-2019.html');
    const marks = await page.$$eval('.gir-table__cell--na', (tds) => tds.map((td) => td.textContent));
    expect(marks.length, 'not-applicable cells').toBeGreaterThan(0);
    expect(marks.filter((m) => !['/', '-'].includes(m)), marks.join(' ')).toEqual([]);
    const labels = await page.locator('#sec-3-table tbody th').allTextContents();
    expect(labels.includes('(六)其他处理') && !labels.includes('3.其他'), '2019: one row for (六)其他处理').toBe(true);
    expect(await page.textContent('#sec-2-table'), '2019-only (九)').toContain('政府集中采购');
  });

  test('lists every planted rule break in the 数据校验 panel, linked to its cells', async ({ page }) => {
    await openViewer(page, 'sample-2021.html');
    const panel = page.locator('details.gir-checks');
    await expect(panel.locator('summary')).toHaveText('数据校验:发现8处不一致');
    await panel.locator('summary').click();
    const rules = await panel.locator('.gir-checks__rule').allTextContents();
    expect(rules.length).toBe(8);
    for (const rule of ['一 + 二 = 三(七)总计 + 四', '三(七)总计 = (一)至(六)各项办理结果之和', '总计 = 自然人 + 法人或其他组织各列', '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结']) {
      expect(rules.some((r) => r.includes(rule)), `rule ${rule} fires`).toBe(true);
    }
    expect(rules.some((r) => r.includes('无法核对')), 'the blank among numbers is reported, not read as 0').toBe(true);
    const messages = await panel.locator('.gir-checks__message').allTextContents();
    expect(messages).toContain('自然人列:一(40) + 二(2) ≠ 三(七)总计(40) + 四(3),即 42 ≠ 43');
    const links = await panel.locator('a').evaluateAll((as) => as.map((a) => a.hash));
    expect(links.length, 'cell links in the panel').toBeGreaterThan(0);
    const broken = await panel.locator('a').evaluateAll((as) => as.filter((a) => !document.getElementById(a.hash.slice(1))).map((a) => a.hash));
    expect(broken, 'every cell link lands on a cell').toEqual([]);
    // The table still shows the published (inconsistent) number.
    expect(await page.textContent('#sec-3-table-4-natural_person')).toBe('3');
  });

  test('charts application outcomes, applicants and review/litigation results, traced to cells', async ({ page }) => {
    await openViewer(page, 'sample-2021.html');
    for (const id of ['sec-3-table-chart-outcomes', 'sec-3-table-chart-applicants', 'sec-4-table-chart-review']) {
      await expect(page.locator(`#${id} svg[role="img"]`), id).toHaveCount(1);
    }
    const outcomes = await page.locator('#sec-3-table-chart-outcomes svg text').allTextContents();
    for (const label of ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']) expect(outcomes).toContain(label);
    const review = await page.locator('#sec-4-table-chart-review svg text').allTextContents();
    expect(review).toContain('行政复议:结果维持');
    expect(review, 'a blank cell is not drawn as 0').not.toContain('行政诉讼(未经复议直接起诉):结果纠正');
    const source = await page.getAttribute('#sec-3-table-chart-applicants tbody tr:first-child a', 'href');
    expect(source).toBe('#sec-3-table-1-natural_person');
  });

  test.describe(() => {
    test.use({ viewport: { width: 360, height: 900 } });
    test('scrolls a wide table inside its frame on a phone, row labels sticky', async ({ page }) => {
      await openViewer(page, 'sample-2021.html');
      const scroll = page.locator('#sec-3-table .gir-table__scroll');
      const sizes = await scroll.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }));
      expect(sizes.scroll, 'the table scrolls').toBeGreaterThan(sizes.client);
      expect(sizes.page, 'the page itself does not scroll sideways').toBeLessThanOrEqual(360);
      const before = await page.$eval('#sec-3-table-row-1', (th) => th.getBoundingClientRect().left);
      await scroll.evaluate((el) => {
        el.scrollLeft = 200;
      });
      const after = await page.$eval('#sec-3-table-row-1', (th) => th.getBoundingClientRect().left);
      expect(Math.abs(after - before), `label stays put (${before} → ${after})`).toBeLessThan(1);
      const fontSize = await page.$eval('#sec-3-table-1-natural_person', (td) => parseFloat(getComputedStyle(td).fontSize));
      expect(fontSize, 'readable (px)').toBeGreaterThanOrEqual(13);
    });
  });

  test('passes axe (WCAG 2.1 A/AA) with the tables and the open panel', async ({ page }) => {
    await openViewer(page, 'sample-2021.html');
    await page.click('details.gir-checks summary');
    await expect(page.locator('details.gir-checks')).toHaveAttribute('open', '');
    await expectNoAxeViolations(page, { label: 'axe sample-2021' });
  });
});

test.describe('edge cases', () => {
  test('says a consistent report passes, states all-zero tables, and shows all-blank tables blank', async ({ page }) => {
    await openViewer(page, 'sample-2019.html');
    await expect(page.locator('details.gir-checks summary')).toHaveText('数据校验:各表格通过全部勾稽关系校验');

    await openViewer(page, 'sample-2019-all-zero.html');
    await expect(page.locator('#sec-3-table-chart-outcomes.gir-facts'), 'zeros are stated').toHaveCount(1);
    await expect(page.locator('svg[role="img"]'), 'zeros are not drawn').toHaveCount(0);

    await openViewer(page, 'sample-2021-all-blank.html');
    const texts = await page.$$eval('.gir-table__cell', (tds) => [...new Set(tds.map((td) => td.textContent))]);
    expect(texts).toEqual(['']);
    await expect(page.locator('[id$="-chart-outcomes"]'), 'nothing to chart').toHaveCount(0);
    await expect(page.locator('details.gir-checks summary')).toHaveText('数据校验:各表格通过全部勾稽关系校验');
  });

  test('shows no 数据校验 panel for a narrative report', async ({ page }) => {
    await openViewer(page, 'nanfen-2017.html');
    await expect(page.locator('.gir-report')).toHaveCount(1);
    await expect(page.locator('details.gir-checks')).toHaveCount(0);
  });
});
