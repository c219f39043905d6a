// Printing: the whole report and one section as A4 documents (Chromium's
// print-to-PDF, read back with poppler's pdftotext and pdfinfo), the 打印全文
// and 打印本节 controls, and the `?print=…` URL that opens the dialog once.
//
// window.print is replaced by a counter before the page loads, so the tests
// see how often the dialog would open; page.pdf() then prints what it would.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures.mjs';
import { SUB_PATH, TITLE, fontButton, openViewer, outputDir, seedSectionHeadings, waitForFontSize } from './helpers.mjs';

const CONTROL_LABELS = ['字体', '高对比度', '复制本节链接', '打印本节', '打印全文', '数据表', '下载数据', '跳到正文'];
// Measured on 2026-11-27: 5 pages for the whole report, 1 for section sec-5.
const FULL_REPORT_PAGES = [4, 7];

test.use({ server: { basePath: SUB_PATH } });

/**
 * Loads the viewer (`query` after the base URL) with window.print counted instead of
 * opened, and the given localStorage entries in place before the viewer starts.
 */
async function open(page, query = '', { storage = {} } = {}) {
  await page.addInitScript((entries) => {
    window.__printCalls = 0;
    window.print = () => {
      window.__printCalls++;
    };
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, storage);
  await openViewer(page, query);
}

/**
 * How often the print dialog would have opened, once the viewer's effects have run:
 * they run after the render that follows hydration, so the count is read after two
 * painted frames (a dialog opened late, or a second time, would be counted).
 */
const printCalls = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.__printCalls)))),
      ),
  );

/** Prints the page to tests/e2e/output/<name>.pdf; returns its text and page count. */
async function printToPdf(page, name) {
  fs.mkdirSync(outputDir, { recursive: true });
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

function expectInOrder(flatText, headings) {
  let from = 0;
  for (const heading of headings) {
    const at = flatText.indexOf(flat(heading), from);
    expect(at, `heading “${heading}” after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

function expectPageNumbers(pdf) {
  expect(pdf.pages.length, 'pages read from the PDF').toBe(pdf.pageCount);
  pdf.pages.forEach((text, i) => {
    expect(flat(text), `page ${i + 1} says 第 ${i + 1} 页 共 ${pdf.pageCount} 页`).toContain(`第${i + 1}页共${pdf.pageCount}页`);
  });
}

function expectNoControls(pdf) {
  for (const label of CONTROL_LABELS) expect(pdf.flat, `no “${label}” in print`).not.toContain(label);
  const lines = pdf.text.split('\n').map((l) => l.trim());
  expect(lines, 'no table of contents').not.toContain('目录');
}

test.describe('print layout', () => {
  // The second test compares its page count with the first one's PDF.
  test.describe.configure({ mode: 'serial' });
  let full;

  test('prints the whole report: title and metadata, every section in order, every chart, page numbers, no controls', async ({ page }) => {
    await open(page);
    const charts = await chartTexts(page);
    expect(charts.length, 'chart texts on the page').toBeGreaterThan(10);
    full = await printToPdf(page, 'full-report');
    console.log(`# full report: ${full.pageCount} pages (${full.file})`);
    expect(full.pageCount, 'pages').toBeGreaterThanOrEqual(FULL_REPORT_PAGES[0]);
    expect(full.pageCount, 'pages').toBeLessThanOrEqual(FULL_REPORT_PAGES[1]);
    for (const label of ['索引号', '发布机构', '发布日期']) expect(full.flat, label).toContain(label);
    expect(seedSectionHeadings().length).toBe(9);
    expectInOrder(full.flat, seedSectionHeadings());
    for (const text of ['政务动态信息', '1182条', '受理民心网诉求', '113件', '10余幅', ...charts]) {
      expect(full.flat, `chart text “${text}”`).toContain(flat(text));
    }
    expectNoControls(full);
    expectPageNumbers(full);
    // The running title heads every page.
    full.pages.forEach((text, i) => expect(flat(text).startsWith(TITLE), `title atop page ${i + 1}`).toBe(true));
    expect(await printCalls(page), 'a normal load opens no print dialog').toBe(0);
  });

  test('prints the same pages with 大 and high contrast, in black on white', async ({ page }) => {
    await open(page, '', { storage: { 'gir-font-size': 'large', 'gir-high-contrast': 'on' } });
    await page.waitForSelector('.gir-report.gir-report--font-large.gir-report--contrast');
    const pdf = await printToPdf(page, 'full-report-large-contrast');
    expect(pdf.pageCount).toBe(full.pageCount);
    const styles = await page.$eval('.gir-report', (el) => ({
      size: Math.round((parseFloat(getComputedStyle(el.querySelector('.gir-p')).fontSize) * 72) / 96),
      colour: getComputedStyle(el).color,
      background: getComputedStyle(el).backgroundColor,
      bar: getComputedStyle(el.querySelector('.gir-chart__svg rect')).fill,
    }));
    expect(styles).toEqual({
      size: 11, // pt
      colour: 'rgb(0, 0, 0)',
      background: 'rgb(255, 255, 255)',
      bar: 'rgb(64, 64, 64)',
    });
  });
});

test.describe('?print=…', () => {
  test('?print=sec-5 prints that section alone, with the title and metadata, opening the dialog once', async ({ page }) => {
    await open(page, '?print=sec-5');
    expect(await printCalls(page)).toBe(1);
    // A re-render (the reader changes 字体) does not open it again.
    await fontButton(page, '大').click();
    await waitForFontSize(page, 'large');
    expect(await printCalls(page)).toBe(1);

    const charts = await page.$$eval('#sec-5 figure svg text', (els) => els.map((el) => el.textContent.trim()));
    await expect(page.locator('.gir-report--print-section #sec-5.gir-section--print'), 'section sec-5 set to print').toHaveCount(1);
    const pdf = await printToPdf(page, 'section-sec-5');
    console.log(`# section sec-5: ${pdf.pageCount} page(s) (${pdf.file})`);
    expect(pdf.flat, 'report title').toContain(flat(TITLE));
    expect(pdf.flat, 'metadata').toContain('索引号');
    expect(pdf.flat).toContain('四、建议提案办理结果公开情况');
    expect(charts.length).toBeGreaterThan(5);
    for (const text of ['文教卫生', '5件', ...charts]) expect(pdf.flat, `chart text “${text}”`).toContain(flat(text));
    for (const heading of seedSectionHeadings().filter((h) => !h.startsWith('四、建议提案'))) {
      expect(pdf.flat, `no “${heading}”`).not.toContain(flat(heading));
    }
    expectNoControls(pdf);
    expectPageNumbers(pdf);

    // Once printing is over, the whole report prints again: page.pdf() fires
    // beforeprint and afterprint like the print dialog does.
    await page.waitForSelector('.gir-report:not(.gir-report--print-section)');
    await expect(page.locator('.gir-section--print')).toHaveCount(0);
  });

  for (const query of ['?print=all', '?print']) {
    test(`${query} prints the whole report, opening the dialog once`, async ({ page }) => {
      await open(page, query);
      expect(await printCalls(page)).toBe(1);
      await expect(page.locator('.gir-report')).toHaveCount(1);
      await expect(page.locator('.gir-report--print-section')).toHaveCount(0);
    });
  }

  test('an unknown section id opens no dialog and leaves the whole report', async ({ page }) => {
    await open(page, '?print=sec-99');
    expect(await printCalls(page)).toBe(0);
    const pdf = await printToPdf(page, 'unknown-section');
    expectInOrder(pdf.flat, seedSectionHeadings());
  });
});

test.describe('打印全文 and 打印本节', () => {
  test('打印本节 is a named, keyboard-operable button that prints its section only until printing ends', async ({ page }) => {
    await open(page);
    await expect(page.locator('.gir-section button.gir-section__print')).toHaveCount(9);
    const button = page.getByRole('button', { name: '打印本节:一、总体工作情况' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.gir-report--print-section #sec-1.gir-section--print');
    expect(await printCalls(page)).toBe(1);
    await expect(page.locator('.gir-section--print')).toHaveCount(1);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.$$eval('.gir-report__body > *', (els) =>
      els.filter((el) => getComputedStyle(el).display !== 'none').map((el) => el.id),
    );
    expect(shown).toEqual(['sec-1']);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.waitForSelector('.gir-report:not(.gir-report--print-section)');
  });

  test('打印全文 prints the whole report', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: '打印全文' }).press('Space');
    await page.waitForFunction(() => window.__printCalls === 1);
    await expect(page.locator('.gir-report')).toHaveCount(1);
    await expect(page.locator('.gir-report--print-section')).toHaveCount(0);
  });
});
