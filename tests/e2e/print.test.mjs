// Printing: the whole report and one section as A4 documents (Chromium's
// print-to-PDF, read back with poppler's pdftotext and pdfinfo), the 打印全文
// and 打印本节 controls, and the `?print=…` URL that opens the dialog once.
//
// window.print is replaced by a counter before the page loads, so the tests
// see how often the dialog would open; page.pdf() then prints what it would.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, startServer, distDir, outputDir, assertDistBuilt, seedSectionHeadings, waitForFontSize } from './helpers.mjs';

const TITLE = '南芬区2017年度政府信息公开工作报告';
const CONTROL_LABELS = ['字体', '高对比度', '复制本节链接', '打印本节', '打印全文', '数据表', '下载数据', '跳到正文'];
// Measured on 2026-11-27: 5 pages for the whole report, 1 for section sec-5.
const FULL_REPORT_PAGES = [4, 7];

let browser;
let server;

before(async () => {
  assertDistBuilt();
  browser = await launchBrowser();
  server = await startServer({ root: distDir, basePath: '/xxgk/ndbg/2017/' });
  fs.mkdirSync(outputDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh context with window.print counted instead of opened, and the given
 * localStorage entries in place before the viewer starts; the viewer loaded
 * and hydrated.
 */
async function open(query = '', { storage = {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript((entries) => {
    window.__printCalls = 0;
    window.print = () => {
      window.__printCalls++;
    };
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, storage);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + query);
  await page.waitForSelector('[data-gir-state="hydrated"]', { state: 'attached' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Effects run after the first render; give a (wrong) second dialog time to open.
  await page.waitForTimeout(300);
  return { page, errors, close: () => context.close() };
}

const printCalls = (page) => page.evaluate(() => window.__printCalls);

/** Prints the page to tests/e2e/output/<name>.pdf; returns its text and page count. */
async function printToPdf(page, name) {
  await page.emulateMedia({ media: 'print' });
  const file = path.join(outputDir, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  // pdftotext ends every page with a form feed.
  const pages = text.split('\f').slice(0, pageCount);
  return { file, text, pages, pageCount, flat: flat(text) };
}

/** Text without whitespace: pdftotext drops or adds spaces between CJK characters. */
const flat = (text) => text.replace(/\s+/g, '');

/** Every text a chart shows (bar labels, values, notes; the facts boxes), from the page. */
const chartTexts = (page) =>
  page.$$eval('figure.gir-chart svg text, .gir-facts__label, .gir-facts__value', (els) =>
    els.map((el) => el.textContent.trim()).filter(Boolean),
  );

function assertInOrder(flatText, headings) {
  let from = 0;
  for (const heading of headings) {
    const at = flatText.indexOf(flat(heading), from);
    assert.ok(at >= 0, `heading “${heading}” after offset ${from}`);
    from = at + 1;
  }
}

function assertPageNumbers(pdf) {
  pdf.pages.forEach((text, i) => {
    assert.ok(flat(text).includes(`第${i + 1}页共${pdf.pageCount}页`), `page ${i + 1} says 第 ${i + 1} 页 共 ${pdf.pageCount} 页`);
  });
}

function assertNoControls(pdf) {
  for (const label of CONTROL_LABELS) assert.ok(!pdf.flat.includes(label), `no “${label}” in print`);
  const lines = pdf.text.split('\n').map((l) => l.trim());
  assert.ok(!lines.includes('目录'), 'no table of contents');
}

describe('print layout', () => {
  let full;

  it('prints the whole report: title and metadata, every section in order, every chart, page numbers, no controls', async () => {
    const { page, errors, close } = await open();
    try {
      const charts = await chartTexts(page);
      full = await printToPdf(page, 'full-report');
      console.log(`# full report: ${full.pageCount} pages (${full.file})`);
      assert.ok(
        full.pageCount >= FULL_REPORT_PAGES[0] && full.pageCount <= FULL_REPORT_PAGES[1],
        `${full.pageCount} pages`,
      );
      for (const label of ['索引号', '发布机构', '发布日期']) assert.ok(full.flat.includes(label), label);
      assertInOrder(full.flat, seedSectionHeadings());
      assert.equal(seedSectionHeadings().length, 9);
      for (const text of ['政务动态信息', '1182条', '受理民心网诉求', '113件', '10余幅', ...charts]) {
        assert.ok(full.flat.includes(flat(text)), `chart text “${text}”`);
      }
      assertNoControls(full);
      assertPageNumbers(full);
      // The running title heads every page.
      full.pages.forEach((text, i) => assert.ok(flat(text).startsWith(TITLE), `title atop page ${i + 1}`));
      assert.equal(await printCalls(page), 0, 'a normal load opens no print dialog');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  it('prints the same pages with 大 and high contrast, in black on white', async () => {
    assert.ok(full, 'needs the full-report PDF');
    const { page, close } = await open('', { storage: { 'gir-font-size': 'large', 'gir-high-contrast': 'on' } });
    try {
      await page.waitForSelector('.gir-report.gir-report--font-large.gir-report--contrast');
      const pdf = await printToPdf(page, 'full-report-large-contrast');
      assert.equal(pdf.pageCount, full.pageCount);
      const styles = await page.$eval('.gir-report', (el) => ({
        size: Math.round((parseFloat(getComputedStyle(el.querySelector('.gir-p')).fontSize) * 72) / 96),
        colour: getComputedStyle(el).color,
        background: getComputedStyle(el).backgroundColor,
        bar: getComputedStyle(el.querySelector('.gir-chart__svg rect')).fill,
      }));
      assert.deepEqual(styles, {
        size: 11, // pt
        colour: 'rgb(0, 0, 0)',
        background: 'rgb(255, 255, 255)',
        bar: 'rgb(64, 64, 64)',
      });
    } finally {
      await close();
    }
  });
});

describe('?print=…', () => {
  it('?print=sec-5 prints that section alone, with the title and metadata, opening the dialog once', async () => {
    const { page, errors, close } = await open('?print=sec-5');
    try {
      assert.equal(await printCalls(page), 1);
      // A re-render (the reader changes 字体) does not open it again.
      await page.getByRole('group', { name: '字体' }).getByRole('button', { name: '大', exact: true }).click();
      await waitForFontSize(page, 'large');
      await page.waitForTimeout(200);
      assert.equal(await printCalls(page), 1);

      const charts = await page.$$eval('#sec-5 figure svg text', (els) => els.map((el) => el.textContent.trim()));
      const pdf = await printToPdf(page, 'section-sec-5');
      console.log(`# section sec-5: ${pdf.pageCount} page(s) (${pdf.file})`);
      assert.ok(pdf.flat.includes(flat(TITLE)), 'report title');
      assert.ok(pdf.flat.includes('索引号'), 'metadata');
      assert.ok(pdf.flat.includes('四、建议提案办理结果公开情况'));
      assert.ok(charts.length > 5);
      for (const text of ['文教卫生', '5件', ...charts]) assert.ok(pdf.flat.includes(flat(text)), `chart text “${text}”`);
      for (const heading of seedSectionHeadings().filter((h) => !h.startsWith('四、建议提案'))) {
        assert.ok(!pdf.flat.includes(flat(heading)), `no “${heading}”`);
      }
      assertNoControls(pdf);
      assertPageNumbers(pdf);
      assert.deepEqual(errors, []);

      // Once printing is over, the whole report prints again.
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.waitForSelector('.gir-report:not(.gir-report--print-section)');
      assert.equal(await page.locator('.gir-section--print').count(), 0);
    } finally {
      await close();
    }
  });

  for (const query of ['?print=all', '?print']) {
    it(`${query} prints the whole report, opening the dialog once`, async () => {
      const { page, close } = await open(query);
      try {
        assert.equal(await printCalls(page), 1);
        assert.equal(await page.locator('.gir-report--print-section').count(), 0);
      } finally {
        await close();
      }
    });
  }

  it('an unknown section id opens no dialog and leaves the whole report', async () => {
    const { page, close } = await open('?print=sec-99');
    try {
      assert.equal(await printCalls(page), 0);
      const pdf = await printToPdf(page, 'unknown-section');
      assertInOrder(pdf.flat, seedSectionHeadings());
    } finally {
      await close();
    }
  });
});

describe('打印全文 and 打印本节', () => {
  it('打印本节 is a named, keyboard-operable button that prints its section only until printing ends', async () => {
    const { page, close } = await open();
    try {
      assert.equal(await page.locator('.gir-section button.gir-section__print').count(), 9);
      const button = page.getByRole('button', { name: '打印本节:一、总体工作情况' });
      await button.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('.gir-report--print-section #sec-1.gir-section--print');
      assert.equal(await printCalls(page), 1);
      assert.equal(await page.locator('.gir-section--print').count(), 1);
      await page.emulateMedia({ media: 'print' });
      const shown = await page.$$eval('.gir-report__body > *', (els) =>
        els.filter((el) => getComputedStyle(el).display !== 'none').map((el) => el.id),
      );
      assert.deepEqual(shown, ['sec-1']);
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.waitForSelector('.gir-report:not(.gir-report--print-section)');
    } finally {
      await close();
    }
  });

  it('打印全文 prints the whole report', async () => {
    const { page, close } = await open();
    try {
      await page.getByRole('button', { name: '打印全文' }).press('Space');
      await page.waitForFunction(() => window.__printCalls === 1);
      assert.equal(await page.locator('.gir-report--print-section').count(), 0);
    } finally {
      await close();
    }
  });
});
