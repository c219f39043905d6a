// Reading: 字体 sizes and their persistence, high contrast, deep links, the
// table of contents, chart data tables, downloads, keyboard use, axe.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, distDir, assertDistBuilt, axeViolations, waitForFontSize } from './helpers.mjs';

let browser;
let server;

before(async () => {
  assertDistBuilt();
  browser = await launchBrowser();
  server = await startServer({ root: distDir, basePath: '/xxgk/ndbg/2017/' });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context (empty localStorage) with the viewer loaded and hydrated. */
async function open(path = '', { width = 1280, height = 900, context, mounted = true } = {}) {
  const ctx = context ?? (await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' }));
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + path);
  if (mounted) await page.waitForSelector('[data-gir-state]', { state: 'attached' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, ctx, errors, close: () => ctx.close() };
}

const fontSizeOf = (page, selector) =>
  page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));
const chartTextHeight = (page) =>
  page.$eval('#chart-published svg text', (el) => el.getBoundingClientRect().height);
const fontButton = (page, label) => page.getByRole('group', { name: '字体' }).getByRole('button', { name: label, exact: true });

describe('字体 大 中 小', () => {
  for (const width of [1280, 360]) {
    it(`scales text and chart text, 大 at least 1.25× 小, at ${width} px`, async () => {
      const { page, errors, close } = await open('', { width });
      try {
        const names = await page.getByRole('group', { name: '字体' }).getByRole('button').allTextContents();
        assert.deepEqual(names.map((n) => n.trim()), ['大', '中', '小']);
        await fontButton(page, '小').click();
        await waitForFontSize(page, 'small');
        const small = { text: await fontSizeOf(page, '.gir-p'), chart: await chartTextHeight(page) };
        await fontButton(page, '大').click();
        await waitForFontSize(page, 'large');
        const large = { text: await fontSizeOf(page, '.gir-p'), chart: await chartTextHeight(page) };
        assert.ok(large.text >= 1.25 * small.text, `body text ${small.text} → ${large.text}`);
        assert.ok(large.chart >= 1.25 * small.chart, `chart text ${small.chart} → ${large.chart}`);
        assert.equal(await fontButton(page, '大').getAttribute('aria-pressed'), 'true');
        const lineHeight = await page.$eval('.gir-p', (el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize));
        assert.ok(lineHeight >= 1.5, `line height ${lineHeight}`);
        // Still no text overlapping in the chart at the large size.
        const overlaps = await page.$$eval('figure.gir-chart svg', (svgs) => svgs.flatMap((svg) => {
          const boxes = [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
          const frame = svg.getBoundingClientRect();
          const bad = [];
          boxes.forEach((a, i) => {
            if (a.left < frame.left - 0.5 || a.right > frame.right + 0.5) bad.push(`clipped in ${svg.id}`);
            boxes.slice(i + 1).forEach((b) => {
              if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) bad.push('overlap');
            });
          });
          return bad;
        }));
        assert.deepEqual(overlaps, []);
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });
  }

  it('shows the new size on screen in the next frame, the rest after, and keeps the reading position', async () => {
    const { page, errors, close } = await open('#sec-5', { width: 360, height: 740 });
    try {
      const topBefore = await page.$eval('#sec-5', (el) => el.getBoundingClientRect().top);
      // Click 大 at the start of a frame and look right after that frame was rendered.
      const firstFrame = await page.evaluate(
        () =>
          new Promise((resolve) =>
            requestAnimationFrame(() => {
              const button = [...document.querySelectorAll('[role="group"][aria-label="字体"] button')].find(
                (b) => b.textContent.trim() === '大',
              );
              button.click();
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                const parts = [...document.querySelectorAll('.gir-section > .gir-part')].map((part) => {
                  const box = part.getBoundingClientRect();
                  return {
                    onScreen: box.bottom > 0 && box.top < window.innerHeight,
                    large: part.classList.contains('gir-part--font-large'),
                  };
                });
                resolve({
                  chosen: document.querySelector('.gir-report').classList.contains('gir-report--font-large'),
                  parts,
                  text: parseFloat(getComputedStyle(document.querySelector('#sec-5 .gir-p')).fontSize),
                });
              };
              channel.port2.postMessage(null);
            }),
          ),
      );
      assert.ok(firstFrame.chosen, 'the report names the size chosen');
      const onScreen = firstFrame.parts.filter((p) => p.onScreen);
      assert.ok(onScreen.length > 0 && onScreen.every((p) => p.large), 'every part on screen switched');
      const waiting = firstFrame.parts.filter((p) => !p.large).length;
      assert.ok(waiting > firstFrame.parts.length / 2, `most parts off screen wait: ${waiting}/${firstFrame.parts.length}`);
      await waitForFontSize(page, 'large');
      const text = await fontSizeOf(page, '#sec-5 .gir-p');
      assert.equal(text, firstFrame.text, 'the text on screen had its final size in the first frame');
      assert.ok((await fontSizeOf(page, '#sec-1 .gir-p')) === text, 'and the rest of the report followed');
      // The sections above grew while the reader stayed on 四、(scroll anchoring).
      const topAfter = await page.$eval('#sec-5', (el) => el.getBoundingClientRect().top);
      assert.ok(Math.abs(topAfter - topBefore) <= 2, `section top ${topBefore}px → ${topAfter}px`);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  it('remembers the choice across a reload, and high contrast too', async () => {
    const { page, ctx, close } = await open();
    try {
      await fontButton(page, '大').click();
      await page.getByRole('button', { name: '高对比度' }).click();
      await page.reload();
      await page.waitForSelector('[data-gir-state="hydrated"]');
      await page.waitForSelector('.gir-report.gir-report--font-large.gir-report--contrast');
      assert.equal(await fontButton(page, '大').getAttribute('aria-pressed'), 'true');
      assert.equal(await page.getByRole('button', { name: '高对比度' }).getAttribute('aria-pressed'), 'true');
      const colours = await page.$eval('.gir-report', (el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      assert.deepEqual(colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
      assert.ok(ctx);
    } finally {
      await close();
    }
  });
});

describe('deep links', () => {
  const topOf = (page, id) => page.$eval(`#${id}`, (el) => el.getBoundingClientRect().top);

  it('opens …/#sec-5 with that section at the top, also after a reload', async () => {
    const { page, close } = await open('#sec-5');
    try {
      const top = await topOf(page, 'sec-5');
      assert.ok(top >= 0 && top <= 40, `section top at ${top}px`);
      await page.reload();
      await page.waitForSelector('[data-gir-state="hydrated"]');
      const again = await topOf(page, 'sec-5');
      assert.ok(again >= 0 && again <= 40, `after reload: ${again}px`);
    } finally {
      await close();
    }
  });

  it('works when mounted in a portal page', async () => {
    const { page, close } = await open('portal-demo.html#chart-appeals');
    try {
      const top = await topOf(page, 'chart-appeals');
      assert.ok(top >= 0 && top <= 40, `chart top at ${top}px`);
    } finally {
      await close();
    }
  });

  it('works in an iframe: a table-of-contents click scrolls the parent page', async () => {
    const { page, close } = await open('portal-iframe.html', { mounted: false });
    try {
      const frame = await (await page.waitForSelector('iframe[data-gir-frame]')).contentFrame();
      await frame.waitForSelector('[data-gir-state="hydrated"]', { state: 'attached' });
      await page.waitForFunction(() => document.querySelector('iframe[data-gir-frame]').clientHeight > 3000);
      await frame.click('nav.gir-toc summary').catch(() => {});
      await frame.click('nav.gir-toc a[href="#sec-8"]');
      await page.waitForFunction(() => {
        const iframe = document.querySelector('iframe[data-gir-frame]');
        const target = iframe.contentDocument.getElementById('sec-8');
        const top = iframe.getBoundingClientRect().top + target.getBoundingClientRect().top;
        return top >= -2 && top <= 40;
      }, null, { timeout: 5000 });
    } finally {
      await close();
    }
  });

  it('has a copy-link control per section that copies the section URL', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, close } = await open('', { context: ctx });
    try {
      assert.equal(await page.locator('.gir-section .gir-section__copy').count(), 9);
      await page.click('#sec-4 .gir-section__copy');
      await page.waitForSelector('#sec-4 [role="status"]:has-text("链接已复制")');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, `${server.url}#sec-4`);
    } finally {
      await close();
    }
  });
});

describe('table of contents', () => {
  it('links every section and marks the one being read', async () => {
    const { page, close } = await open();
    try {
      const nav = page.getByRole('navigation', { name: '目录' });
      const hrefs = await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (let i = 1; i <= 9; i++) assert.ok(hrefs.includes(`#sec-${i}`), `#sec-${i} in the TOC`);
      assert.ok(await nav.locator('a[href="#sec-1"]').isVisible(), 'open as a sidebar on a wide screen');
      await page.$eval('#sec-6', (el) => el.scrollIntoView());
      await page.waitForSelector('nav.gir-toc a[href="#sec-6"][aria-current="location"]');
      assert.equal(await nav.locator('[aria-current]').count(), 1);
    } finally {
      await close();
    }
  });

  // The rule the 目录 marks by (the section being read): the last section whose top has passed
  // a line at 15% of the viewport height; the first before any has; the last at the page end
  // (within 2 px), even when it is too short for its top to reach the line. Checked against
  // the page's own boxes at every step of a sweep down the page and back up, after jumps
  // both ways, and across a resize that moves the line past a section's top.
  for (const [width, height] of [[1280, 900], [360, 740]]) {
    it(`marks the section being read while scrolling down and up, jumping and resizing, at ${width} px`, async () => {
      const { page, errors, close } = await open('', { width, height });
      try {
        await page.waitForSelector('[data-gir-state="hydrated"]', { state: 'attached' });
        const sweep = () =>
          page.evaluate(async () => {
            const ids = [...document.querySelectorAll('.gir-section')].map((s) => s.id);
            const line = () => innerHeight * 0.15;
            const atEnd = () => scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
            const topOf = (id) => document.getElementById(id).getBoundingClientRect().top;
            const expected = () => {
              if (atEnd()) return ids.at(-1);
              return ids.filter((id) => topOf(id) <= line()).at(-1) ?? ids[0];
            };
            const marked = () =>
              [...document.querySelectorAll('nav.gir-toc [aria-current]')].map((a) => a.getAttribute('href'));
            const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
            const wrong = [];
            const seen = { beforeAny: false, shortLastAtEnd: false };
            // Scrolls to y and waits (at least two frames, at most about half a second) for the mark.
            const check = async (y, how) => {
              scrollTo(0, y);
              const want = `#${expected()}`;
              if (topOf(ids[0]) > line()) seen.beforeAny = true;
              if (atEnd() && topOf(ids.at(-1)) > line()) seen.shortLastAtEnd = true;
              let now = [];
              for (let i = 0; i < 30; i++) {
                await frame();
                now = marked();
                if (i >= 1 && now.length === 1 && now[0] === want) return;
              }
              wrong.push(`${how} to ${scrollY}px: want ${want}, marked ${JSON.stringify(now)}`);
            };
            const end = document.documentElement.scrollHeight - innerHeight;
            const step = Math.round(innerHeight / 7);
            await check(0, 'at the top');
            for (let y = step; y < end; y += step) await check(y, 'down');
            await check(end - 10, 'down, 10 px short of the end');
            await check(end, 'down to the end');
            // Jumps past every section's top at once, both ways.
            await check(0, 'jump from the end to the top');
            await check(end, 'jump from the top to the end');
            for (let y = end - step; y > 0; y -= step) await check(y, 'up');
            await check(0, 'up to the top');
            // Either side of the line, a few pixels away.
            for (const id of ids.slice(1)) {
              for (const offset of [-3, 3]) {
                await check(scrollY + topOf(id) - line() + offset, `${id}'s top ${-offset} px below the line`);
              }
            }
            return { wrong, seen };
          });
        const { wrong, seen } = await sweep();
        assert.deepEqual(wrong, []);
        assert.ok(seen.beforeAny, 'the top of the page is above the first section (the first is marked before any)');
        if (width > 1000) assert.ok(seen.shortLastAtEnd, 'the last section is short: at the page end its top is below the line');

        // A taller viewport moves the line (15% of it) past a section's top.
        const id = 'sec-5';
        const place = await page.evaluate(
          (id) => {
            const top = document.getElementById(id).getBoundingClientRect().top;
            scrollBy(0, top - innerHeight * 0.15 - 20);
            return document.getElementById(id).getBoundingClientRect().top;
          },
          id,
        );
        const mark = (href) =>
          page.waitForFunction((href) => {
            const marked = document.querySelectorAll('nav.gir-toc [aria-current]');
            return marked.length === 1 && marked[0].getAttribute('href') === href;
          }, href, { timeout: 3000 });
        await mark('#sec-4');
        const taller = Math.ceil((place + 20) / 0.15);
        await page.setViewportSize({ width, height: taller });
        await mark('#sec-5');
        await page.setViewportSize({ width, height });
        await mark('#sec-4');
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });
  }

  it('folds away on a phone and opens on demand', async () => {
    const { page, close } = await open('', { width: 360, height: 740 });
    try {
      const link = page.locator('nav.gir-toc a[href="#sec-1"]');
      assert.equal(await link.isVisible(), false, 'folded');
      await page.click('nav.gir-toc summary');
      assert.equal(await link.isVisible(), true, 'opened');
    } finally {
      await close();
    }
  });
});

describe('chart data', () => {
  it('shows each chart\'s figures as a table with headers and sources, toggled next to the chart', async () => {
    const { page, close } = await open();
    try {
      const table = page.locator('#chart-published table');
      assert.equal(await table.isVisible(), false);
      await page.click('#chart-published summary');
      assert.equal(await table.isVisible(), true);
      const caption = await table.locator('caption').textContent();
      assert.equal(caption, '2017年政务网站公开政府信息(按类别)(数据表)');
      const headers = await table.locator('thead th[scope="col"]').allTextContents();
      assert.deepEqual(headers, ['项目', '数值', '原文出处']);
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      assert.deepEqual(rows.map((r) => r.slice(0, 2)), [
        ['概况类信息', '12条'], ['政务动态信息', '1182条'], ['信息公开目录信息', '439条'], ['政务网站公开政府信息', '1633条'],
      ]);
      // The source link lands on the sentence, which is highlighted.
      await table.locator('tbody tr').first().locator('a').click();
      const target = await page.evaluate(() => {
        const el = document.querySelector(':target');
        return { id: el?.id, text: el?.textContent, background: el && getComputedStyle(el).backgroundColor };
      });
      assert.equal(target.id, 'sec-2-p1-q1');
      assert.equal(target.text, '2017年,政务网站公开政府信息1633条,其中概况类信息更新12条,政务动态信息更新1182条,信息公开目录信息更新439条。');
      assert.equal(target.background, 'rgb(255, 243, 176)');
    } finally {
      await close();
    }
  });

  it('downloads a chart\'s data and the whole report\'s figures as UTF-8 CSV with BOM, and JSON', async () => {
    const { page, close } = await open();
    try {
      const fetchFile = async (selector) => {
        const href = await page.$eval(selector, (a) => a.href);
        assert.ok(href.startsWith(server.url + 'data/'), `served with the viewer: ${href}`);
        const response = await page.request.get(href);
        assert.equal(response.status(), 200, href);
        return response.body();
      };
      const chartCsv = await fetchFile('#chart-proposals a[download]');
      assert.deepEqual([...chartCsv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      const lines = chartCsv.toString('utf8').slice(1).trim().split('\r\n');
      assert.equal(lines[0], '编号,项目,数值,单位,计量,精确度,原文表述,出处段落,原文句子,组成部分');
      assert.equal(lines.length, 7);
      assert.ok(lines[1].startsWith('proposals-culture,文教卫生,5,件,数量,精确,文教卫生方面5件,sec-5-p1,'), lines[1]);
      assert.equal(await page.getAttribute('#chart-proposals a[download]', 'download'), 'nanfen-2017-chart-proposals.csv');
      const all = (await fetchFile('a[download="nanfen-2017-figures.csv"]')).toString('utf8');
      assert.equal(all.trim().split('\r\n').length, 1 + 27);
      const json = JSON.parse((await fetchFile('a[download="nanfen-2017-figures.json"]')).toString('utf8'));
      assert.equal(json.figures.length, 27);
      assert.deepEqual(json.figures.find((f) => f.id === 'event-banners').bound, 'more_than');
      // A real download through the browser, as a reader gets it.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#chart-proposals a[download]')]);
      assert.equal(download.suggestedFilename(), 'nanfen-2017-chart-proposals.csv');
    } finally {
      await close();
    }
  });

  it('gives each chart an accessible name and description (what a screen reader announces)', async () => {
    const { page, close } = await open();
    try {
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const images = nodes.filter((n) => n.role?.value === 'image' && !n.ignored);
      const published = images.find((n) => n.name?.value === '2017年政务网站公开政府信息(按类别)');
      assert.ok(published, `charts in the tree: ${images.map((n) => n.name?.value).join(' | ')}`);
      const description = published.description?.value ?? '';
      assert.equal(description, '横向条形图,共3项:概况类信息 12条;政务动态信息 1182条;信息公开目录信息 439条。另:政务网站公开政府信息 1633条。');
      assert.equal(images.length, 5);
      console.log(`# screen reader: image "${published.name.value}", description "${description}"`);
    } finally {
      await close();
    }
  });
});

describe('keyboard', () => {
  it('starts with a skip link, reaches and operates the controls, and shows focus', async () => {
    const { page, close } = await open();
    try {
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        return { text: el.textContent, width: el.getBoundingClientRect().width };
      });
      assert.equal(first.text, '跳到正文');
      assert.ok(first.width > 10, 'the skip link is visible when focused');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'nanfen-2017-body');

      // From the skip link onwards, the reader tools come first.
      await page.focus('a.gir-skip');
      let label = '';
      for (let i = 0; i < 10 && label !== '大'; i++) {
        await page.keyboard.press('Tab');
        label = await page.evaluate(() => document.activeElement.textContent.trim());
      }
      assert.equal(label, '大', 'the 大 button is reachable by Tab');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'focus is visible');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.gir-report--font-large');
      await page.keyboard.press('Tab'); // 中
      await page.keyboard.press('Tab'); // 小
      await page.keyboard.press('Tab'); // 高对比度
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), '高对比度');
      await page.keyboard.press('Space');
      await page.waitForSelector('.gir-report--contrast');
    } finally {
      await close();
    }
  });
});

describe('axe-core (WCAG 2.1 A and AA)', () => {
  for (const [name, setup] of [
    ['小', (page) => fontButton(page, '小').click().then(() => waitForFontSize(page, 'small'))],
    ['中', (page) => fontButton(page, '中').click().then(() => waitForFontSize(page, 'medium'))],
    ['大', (page) => fontButton(page, '大').click().then(() => waitForFontSize(page, 'large'))],
    ['high contrast', (page) => page.getByRole('button', { name: '高对比度' }).click()],
  ]) {
    it(`reports no violation at ${name}`, async () => {
      const { page, close } = await open();
      try {
        await setup(page);
        const violations = await axeViolations(page);
        const summary = violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
        console.log(`# axe ${name}: ${violations.length} violations`);
        assert.deepEqual(summary, []);
      } finally {
        await close();
      }
    });
  }
});
