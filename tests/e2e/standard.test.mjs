// Standard-format reports (2019 and 2021): the mandated tables, their charts
// and the 数据校验 panel, on the sample build (dist-samples/, built by
// scripts/test with tests/fixtures/reports embedded beside the real report).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer, repoRoot, axeViolations } from './helpers.mjs';

const samplesDir = process.env.GIR_SAMPLES_DIST_DIR
  ? path.resolve(process.env.GIR_SAMPLES_DIST_DIR)
  : path.join(repoRoot, 'dist-samples');

let browser;
let server;

before(async () => {
  assert.ok(fs.existsSync(path.join(samplesDir, 'sample-2021.html')), `${samplesDir}: build it with scripts/test (sample build)`);
  browser = await launchBrowser();
  server = await startServer({ root: samplesDir });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(file, { width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + file);
  await page.waitForSelector('[data-gir-state="hydrated"]');
  return { page, errors, close: () => context.close() };
}

describe('sample 2021 report', () => {
  it('renders 表三 with its multi-level header, nested rows and cells tied to their headers', async () => {
    const { page, errors, close } = await open('sample-2021.html');
    try {
      const table = page.locator('#sec-3-table table');
      assert.equal(await table.locator('caption').textContent(), '收到和处理政府信息公开申请情况');
      // Left to right as a reader sees them (自然人 and 总计 span two header rows).
      const leaves = await table.locator('thead th.gir-table__head--leaf').evaluateAll((ths) =>
        ths.sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left).map((th) => th.textContent));
      assert.deepEqual(leaves, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
      const groups = await table.locator('thead th[scope="colgroup"]').evaluateAll((ths) => ths.map((th) => [th.textContent, th.colSpan]));
      assert.deepEqual(groups, [['申请人情况', 7], ['法人或其他组织', 5]]);
      const labels = await table.locator('tbody th').allTextContents();
      assert.equal(labels[0], '一、本年新收政府信息公开申请数量');
      assert.ok(labels.indexOf('(三)不予公开') < labels.indexOf('1.属于国家秘密'));
      assert.equal(labels.at(-1), '四、结转下年度继续办理');
      assert.equal(labels.length, 30, 'every row of the 2021 layout, (六) with its three numbered rows');
      const names = await page.$eval('#sec-3-table-3_3_1-business', (td) =>
        td.getAttribute('headers').split(' ').map((id) => document.getElementById(id).textContent));
      assert.deepEqual(new Set(names), new Set(['商业企业', '法人或其他组织', '申请人情况', '1.属于国家秘密', '(三)不予公开', '三、本年度办理结果']));
      assert.equal(await page.textContent('#sec-3-table-1-natural_person'), '40');
      const align = await page.$eval('#sec-3-table-1-natural_person', (td) => getComputedStyle(td).textAlign);
      assert.equal(align, 'right');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  it('keeps blank, zero, not-applicable and money exactly as published', async () => {
    const { page, close } = await open('sample-2021.html');
    try {
      assert.equal(await page.textContent('#sec-4-table-cases-direct_suit_corrected'), '');
      assert.match(await page.getAttribute('#sec-4-table-cases-direct_suit_corrected', 'class'), /gir-table__cell--blank/);
      assert.equal(await page.textContent('#sec-4-table-cases-review_other'), '0');
      assert.equal(await page.textContent('#sec-2-table-fees-fee_amount'), '3.50', 'money keeps its decimals');
    } finally {
      await close();
    }
    const { page: p2019, close: close2019 } = await open('sample-2019.html');
    try {
      const marks = await p2019.$$eval('.gir-table__cell--na', (tds) => tds.map((td) => td.textContent));
      assert.ok(marks.length > 0 && marks.every((m) => ['/', '-'].includes(m)), marks.join(' '));
      const labels = await p2019.locator('#sec-3-table tbody th').allTextContents();
      assert.ok(labels.includes('(六)其他处理') && !labels.includes('3.其他'), '2019: one row for (六)其他处理');
      assert.ok((await p2019.textContent('#sec-2-table')).includes('政府集中采购'), '2019-only (九)');
    } finally {
      await close2019();
    }
  });

  it('lists every planted rule break in the 数据校验 panel, linked to its cells', async () => {
    const { page, close } = await open('sample-2021.html');
    try {
      const panel = page.locator('details.gir-checks');
      assert.equal(await panel.locator('summary').textContent(), '数据校验:发现8处不一致');
      await panel.locator('summary').click();
      const rules = await panel.locator('.gir-checks__rule').allTextContents();
      assert.equal(rules.length, 8);
      for (const rule of ['一 + 二 = 三(七)总计 + 四', '三(七)总计 = (一)至(六)各项办理结果之和', '总计 = 自然人 + 法人或其他组织各列', '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结']) {
        assert.ok(rules.some((r) => r.includes(rule)), `rule ${rule} fires`);
      }
      assert.ok(rules.some((r) => r.includes('无法核对')), 'the blank among numbers is reported, not read as 0');
      const messages = await panel.locator('.gir-checks__message').allTextContents();
      assert.ok(messages.includes('自然人列:一(40) + 二(2) ≠ 三(七)总计(40) + 四(3),即 42 ≠ 43'), messages.join('\n'));
      const broken = await panel.locator('a').evaluateAll((as) => as.filter((a) => !document.getElementById(a.hash.slice(1))).map((a) => a.hash));
      assert.deepEqual(broken, [], 'every cell link lands on a cell');
      // The table still shows the published (inconsistent) number.
      assert.equal(await page.textContent('#sec-3-table-4-natural_person'), '3');
    } finally {
      await close();
    }
  });

  it('charts application outcomes, applicants and review/litigation results, traced to cells', async () => {
    const { page, close } = await open('sample-2021.html');
    try {
      for (const id of ['sec-3-table-chart-outcomes', 'sec-3-table-chart-applicants', 'sec-4-table-chart-review']) {
        assert.equal(await page.locator(`#${id} svg[role="img"]`).count(), 1, id);
      }
      const outcomes = await page.locator('#sec-3-table-chart-outcomes svg text').allTextContents();
      for (const label of ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']) assert.ok(outcomes.includes(label), label);
      const review = await page.locator('#sec-4-table-chart-review svg text').allTextContents();
      assert.ok(review.includes('行政复议:结果维持'));
      assert.ok(!review.includes('行政诉讼(未经复议直接起诉):结果纠正'), 'a blank cell is not drawn as 0');
      const source = await page.getAttribute('#sec-3-table-chart-applicants tbody tr:first-child a', 'href');
      assert.equal(source, '#sec-3-table-1-natural_person');
    } finally {
      await close();
    }
  });

  it('scrolls a wide table inside its frame on a phone, row labels sticky', async () => {
    const { page, close } = await open('sample-2021.html', { width: 360 });
    try {
      const scroll = page.locator('#sec-3-table .gir-table__scroll');
      const sizes = await scroll.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }));
      assert.ok(sizes.scroll > sizes.client, 'the table scrolls');
      assert.ok(sizes.page <= 360, `the page itself does not scroll sideways (${sizes.page})`);
      const before = await page.$eval('#sec-3-table-row-1', (th) => th.getBoundingClientRect().left);
      await scroll.evaluate((el) => { el.scrollLeft = 200; });
      const after = await page.$eval('#sec-3-table-row-1', (th) => th.getBoundingClientRect().left);
      assert.ok(Math.abs(after - before) < 1, `label stays put (${before} → ${after})`);
      const fontSize = await page.$eval('#sec-3-table-1-natural_person', (td) => parseFloat(getComputedStyle(td).fontSize));
      assert.ok(fontSize >= 13, `readable (${fontSize}px)`);
    } finally {
      await close();
    }
  });

  it('passes axe (WCAG 2.1 A/AA) with the tables and the open panel', async () => {
    const { page, close } = await open('sample-2021.html');
    try {
      await page.click('details.gir-checks summary');
      const violations = await axeViolations(page);
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
    } finally {
      await close();
    }
  });
});

describe('edge cases', () => {
  it('says a consistent report passes, states all-zero tables, and shows all-blank tables blank', async () => {
    const passing = await open('sample-2019.html');
    try {
      assert.equal(await passing.page.locator('details.gir-checks summary').textContent(), '数据校验:各表格通过全部勾稽关系校验');
    } finally {
      await passing.close();
    }
    const zero = await open('sample-2019-all-zero.html');
    try {
      assert.equal(await zero.page.locator('svg[role="img"]').count(), 0, 'zeros are not drawn');
      assert.ok(await zero.page.locator('#sec-3-table-chart-outcomes.gir-facts').count() === 1, 'zeros are stated');
    } finally {
      await zero.close();
    }
    const blank = await open('sample-2021-all-blank.html');
    try {
      const texts = await blank.page.$$eval('.gir-table__cell', (tds) => [...new Set(tds.map((td) => td.textContent))]);
      assert.deepEqual(texts, ['']);
      assert.equal(await blank.page.locator('[id$="-chart-outcomes"]').count(), 0, 'nothing to chart');
      assert.equal(await blank.page.locator('details.gir-checks summary').textContent(), '数据校验:各表格通过全部勾稽关系校验');
    } finally {
      await blank.close();
    }
  });

  it('shows no 数据校验 panel for a narrative report', async () => {
    const { page, close } = await open('nanfen-2017.html');
    try {
      assert.equal(await page.locator('details.gir-checks').count(), 0);
    } finally {
      await close();
    }
  });
});
