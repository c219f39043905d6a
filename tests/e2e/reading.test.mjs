// Reading: 字体 sizes and their persistence, high contrast, deep links, the
// table of contents, chart data tables, downloads, keyboard use, axe.
// Every page is served under the portal's sub-path.

import { test, expect } from './fixtures.mjs';
import { SUB_PATH, expectNoAxeViolations, fontButton, openViewer, waitForFontSize } from './helpers.mjs';

test.use({ server: { basePath: SUB_PATH } });

const fontSizeOf = (page, selector) => page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));
const chartTextHeight = (page) => page.$eval('#chart-published svg text', (el) => el.getBoundingClientRect().height);
const contrastButton = (page) => page.getByRole('button', { name: '高对比度' });

test.describe('字体 大 中 小', () => {
  for (const width of [1280, 360]) {
    test.describe(() => {
      test.use({ viewport: { width, height: 900 } });
      test(`scales text and chart text, 大 at least 1.25× 小, at ${width} px`, async ({ page }) => {
        await openViewer(page);
        const names = await page.getByRole('group', { name: '字体' }).getByRole('button').allTextContents();
        expect(names.map((n) => n.trim())).toEqual(['大', '中', '小']);
        await fontButton(page, '小').click();
        await waitForFontSize(page, 'small');
        const small = { text: await fontSizeOf(page, '.gir-p'), chart: await chartTextHeight(page) };
        // Zero would pass the ratio checks below whatever 大 does.
        expect(small.text, 'body text at 小').toBeGreaterThan(0);
        expect(small.chart, 'chart text at 小').toBeGreaterThan(0);
        await fontButton(page, '大').click();
        await waitForFontSize(page, 'large');
        const large = { text: await fontSizeOf(page, '.gir-p'), chart: await chartTextHeight(page) };
        expect(large.text, `body text ${small.text} → ${large.text}`).toBeGreaterThanOrEqual(1.25 * small.text);
        expect(large.chart, `chart text ${small.chart} → ${large.chart}`).toBeGreaterThanOrEqual(1.25 * small.chart);
        await expect(fontButton(page, '大')).toHaveAttribute('aria-pressed', 'true');
        const lineHeight = await page.$eval('.gir-p', (el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize));
        expect(lineHeight, 'line height').toBeGreaterThanOrEqual(1.5);
        // Still no text overlapping in the chart at the large size.
        const charts = await page.$$eval('figure.gir-chart svg', (svgs) =>
          svgs.map((svg) => {
            const boxes = [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
            const frame = svg.getBoundingClientRect();
            const bad = [];
            boxes.forEach((a, i) => {
              if (a.left < frame.left - 0.5 || a.right > frame.right + 0.5) bad.push(`clipped in ${svg.id}`);
              boxes.slice(i + 1).forEach((b) => {
                if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) bad.push('overlap');
              });
            });
            return { texts: boxes.filter((b) => b.width > 0 && b.height > 0).length, bad };
          }),
        );
        // The overlap check needs charts with text on screen to look at.
        expect(charts.length, 'chart svgs').toBe(3);
        expect(charts.filter((c) => c.texts === 0).length, 'chart svgs without visible text').toBe(0);
        expect(charts.flatMap((c) => c.bad)).toEqual([]);
      });
    });
  }

  test.describe(() => {
    test.use({ viewport: { width: 360, height: 740 } });
    test('shows the new size on screen in the next frame, the rest after, and keeps the reading position', async ({ page }) => {
      await openViewer(page, '#sec-5');
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
      expect(firstFrame.chosen, 'the report names the size chosen').toBe(true);
      const onScreen = firstFrame.parts.filter((p) => p.onScreen);
      expect(onScreen.length > 0 && onScreen.every((p) => p.large), 'every part on screen switched').toBe(true);
      const waiting = firstFrame.parts.filter((p) => !p.large).length;
      expect(waiting, `most parts off screen wait: ${waiting}/${firstFrame.parts.length}`).toBeGreaterThan(firstFrame.parts.length / 2);
      await waitForFontSize(page, 'large');
      const text = await fontSizeOf(page, '#sec-5 .gir-p');
      expect(text, 'the text on screen had its final size in the first frame').toBe(firstFrame.text);
      expect(await fontSizeOf(page, '#sec-1 .gir-p'), 'and the rest of the report followed').toBe(text);
      // The sections above grew while the reader stayed on 四、(scroll anchoring).
      const topAfter = await page.$eval('#sec-5', (el) => el.getBoundingClientRect().top);
      expect(Math.abs(topAfter - topBefore), `section top ${topBefore}px → ${topAfter}px`).toBeLessThanOrEqual(2);
    });
  });

  test('remembers the choice across a reload, and high contrast too', async ({ page }) => {
    await openViewer(page);
    await fontButton(page, '大').click();
    await contrastButton(page).click();
    await page.reload();
    await page.waitForSelector('[data-gir-state="hydrated"]');
    await page.waitForSelector('.gir-report.gir-report--font-large.gir-report--contrast');
    await expect(fontButton(page, '大')).toHaveAttribute('aria-pressed', 'true');
    await expect(contrastButton(page)).toHaveAttribute('aria-pressed', 'true');
    const colours = await page.$eval('.gir-report', (el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  });
});

test.describe('deep links', () => {
  const topOf = (page, id) => page.$eval(`#${id}`, (el) => el.getBoundingClientRect().top);

  test('opens …/#sec-5 with that section at the top, also after a reload', async ({ page }) => {
    await openViewer(page, '#sec-5');
    const top = await topOf(page, 'sec-5');
    expect(top >= 0 && top <= 40, `section top at ${top}px`).toBe(true);
    await page.reload();
    await page.waitForSelector('[data-gir-state="hydrated"]');
    const again = await topOf(page, 'sec-5');
    expect(again >= 0 && again <= 40, `after reload: ${again}px`).toBe(true);
  });

  test('works when mounted in a portal page', async ({ page }) => {
    await openViewer(page, 'portal-demo.html#chart-appeals');
    const top = await topOf(page, 'chart-appeals');
    expect(top >= 0 && top <= 40, `chart top at ${top}px`).toBe(true);
  });

  test('works in an iframe: a table-of-contents click scrolls the parent page', async ({ page }) => {
    await page.goto('portal-iframe.html');
    const frame = await (await page.waitForSelector('iframe[data-gir-frame]')).contentFrame();
    await frame.waitForSelector('[data-gir-state="hydrated"]', { state: 'attached' });
    await page.waitForFunction(() => document.querySelector('iframe[data-gir-frame]').clientHeight > 3000);
    // The TOC folds away only on narrow screens: open it if it is folded.
    const summary = frame.locator('nav.gir-toc summary');
    if (await summary.isVisible()) await summary.click();
    await frame.click('nav.gir-toc a[href="#sec-8"]');
    await page.waitForFunction(() => {
      const iframe = document.querySelector('iframe[data-gir-frame]');
      const target = iframe.contentDocument.getElementById('sec-8');
      const top = iframe.getBoundingClientRect().top + target.getBoundingClientRect().top;
      return top >= -2 && top <= 40;
    });
  });

  test.describe(() => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
    test('has a copy-link control per section that copies the section URL', async ({ page, baseURL }) => {
      await openViewer(page);
      await expect(page.locator('.gir-section .gir-section__copy')).toHaveCount(9);
      await page.click('#sec-4 .gir-section__copy');
      await page.waitForSelector('#sec-4 [role="status"]:has-text("链接已复制")');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(`${baseURL}#sec-4`);
    });
  });
});

test.describe('table of contents', () => {
  test('links every section and marks the one being read', async ({ page }) => {
    await openViewer(page);
    const nav = page.getByRole('navigation', { name: '目录' });
    const hrefs = await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (let i = 1; i <= 9; i++) expect(hrefs, `#sec-${i} in the TOC`).toContain(`#sec-${i}`);
    await expect(nav.locator('a[href="#sec-1"]'), 'open as a sidebar on a wide screen').toBeVisible();
    await page.$eval('#sec-6', (el) => el.scrollIntoView());
    await page.waitForSelector('nav.gir-toc a[href="#sec-6"][aria-current="location"]');
    await expect(nav.locator('[aria-current]')).toHaveCount(1);
  });

  // The rule the 目录 marks by (the section being read): the last section whose top has passed
  // a line at 15% of the viewport height; the first before any has; the last at the page end
  // (within 2 px), even when it is too short for its top to reach the line. Checked against
  // the page's own boxes at every step of a sweep down the page and back up, after jumps
  // both ways, and across a resize that moves the line past a section's top.
  for (const [width, height] of [[1280, 900], [360, 740]]) {
    test.describe(() => {
      test.use({ viewport: { width, height } });
      test(`marks the section being read while scrolling down and up, jumping and resizing, at ${width} px`, async ({ page }) => {
        await openViewer(page);
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
        expect(wrong).toEqual([]);
        expect(seen.beforeAny, 'the top of the page is above the first section (the first is marked before any)').toBe(true);
        if (width > 1000) expect(seen.shortLastAtEnd, 'the last section is short: at the page end its top is below the line').toBe(true);

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
      });
    });
  }


  test.describe(() => {
    test.use({ viewport: { width: 360, height: 740 } });
    test('folds away on a phone and opens on demand', async ({ page }) => {
      await openViewer(page);
      const link = page.locator('nav.gir-toc a[href="#sec-1"]');
      expect(await link.isVisible(), 'folded').toBe(false);
      await page.click('nav.gir-toc summary');
      await expect(link, 'opened').toBeVisible();
    });
  });
});

test.describe('chart data', () => {
  test('shows each chart\'s figures as a table with headers and sources, toggled next to the chart', async ({ page }) => {
    await openViewer(page);
    const table = page.locator('#chart-published table');
    expect(await table.count(), 'the chart has a table').toBe(1);
    expect(await table.isVisible(), 'folded').toBe(false);
    await page.click('#chart-published summary');
    await expect(table).toBeVisible();
    await expect(table.locator('caption')).toHaveText('2017年政务网站公开政府信息(按类别)(数据表)');
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual(['项目', '数值', '原文出处']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['概况类信息', '12条'], ['政务动态信息', '1182条'], ['信息公开目录信息', '439条'], ['政务网站公开政府信息', '1633条'],
    ]);
    // The source link lands on the sentence, which is highlighted.
    await table.locator('tbody tr').first().locator('a').click();
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      return { id: el?.id, text: el?.textContent, background: el && getComputedStyle(el).backgroundColor };
    });
    expect(target).toEqual({
      id: 'sec-2-p1-q1',
      text: '2017年,政务网站公开政府信息1633条,其中概况类信息更新12条,政务动态信息更新1182条,信息公开目录信息更新439条。',
      background: 'rgb(255, 243, 176)',
    });
  });

  test('downloads a chart\'s data and the whole report\'s figures as UTF-8 CSV with BOM, and JSON', async ({ page, baseURL }) => {
    await openViewer(page);
    const fetchFile = async (selector) => {
      const href = await page.$eval(selector, (a) => a.href);
      expect(href.startsWith(baseURL + 'data/'), `served with the viewer: ${href}`).toBe(true);
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      return response.body();
    };
    const chartCsv = await fetchFile('#chart-proposals a[download]');
    expect([...chartCsv.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    const lines = chartCsv.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('编号,项目,数值,单位,计量,精确度,原文表述,出处段落,原文句子,组成部分');
    expect(lines.length).toBe(7);
    expect(lines[1].startsWith('proposals-culture,文教卫生,5,件,数量,精确,文教卫生方面5件,sec-5-p1,'), lines[1]).toBe(true);
    expect(await page.getAttribute('#chart-proposals a[download]', 'download')).toBe('nanfen-2017-chart-proposals.csv');
    const all = (await fetchFile('a[download="nanfen-2017-figures.csv"]')).toString('utf8');
    expect(all.trim().split('\r\n').length).toBe(1 + 27);
    const json = JSON.parse((await fetchFile('a[download="nanfen-2017-figures.json"]')).toString('utf8'));
    expect(json.figures.length).toBe(27);
    expect(json.figures.find((f) => f.id === 'event-banners').bound).toBe('more_than');
    // A real download through the browser, as a reader gets it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#chart-proposals a[download]')]);
    expect(download.suggestedFilename()).toBe('nanfen-2017-chart-proposals.csv');
  });

  test('gives each chart an accessible name and description (what a screen reader announces)', async ({ page }) => {
    await openViewer(page);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const images = nodes.filter((n) => n.role?.value === 'image' && !n.ignored);
    const published = images.find((n) => n.name?.value === '2017年政务网站公开政府信息(按类别)');
    expect(published, `charts in the tree: ${images.map((n) => n.name?.value).join(' | ')}`).toBeTruthy();
    const description = published.description?.value ?? '';
    expect(description).toBe('横向条形图,共3项:概况类信息 12条;政务动态信息 1182条;信息公开目录信息 439条。另:政务网站公开政府信息 1633条。');
    expect(images.length, 'the three bar charts (the rest are stated in boxes)').toBe(3);
    console.log(`# screen reader: image "${published.name.value}", description "${description}"`);
  });
});

test.describe('keyboard', () => {
  test('starts with a skip link, reaches and operates the controls, and shows focus', async ({ page }) => {
    await openViewer(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement;
      return { text: el.textContent, width: el.getBoundingClientRect().width };
    });
    expect(first.text).toBe('跳到正文');
    expect(first.width, 'the skip link is visible when focused').toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement.id)).toBe('nanfen-2017-body');

    // From the skip link onwards, the reader tools come first.
    await page.focus('a.gir-skip');
    let label = '';
    for (let i = 0; i < 10 && label !== '大'; i++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => document.activeElement.textContent.trim());
    }
    expect(label, 'the 大 button is reachable by Tab').toBe('大');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    expect(outline, 'focus is visible').not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.gir-report--font-large');
    await page.keyboard.press('Tab'); // 中
    await page.keyboard.press('Tab'); // 小
    await page.keyboard.press('Tab'); // 高对比度
    expect(await page.evaluate(() => document.activeElement.textContent.trim())).toBe('高对比度');
    await page.keyboard.press('Space');
    await page.waitForSelector('.gir-report--contrast');
  });
});

test.describe('axe-core (WCAG 2.1 A and AA)', () => {
  for (const [name, setup] of [
    ['小', (page) => fontButton(page, '小').click().then(() => waitForFontSize(page, 'small'))],
    ['中', (page) => fontButton(page, '中').click().then(() => waitForFontSize(page, 'medium'))],
    ['大', (page) => fontButton(page, '大').click().then(() => waitForFontSize(page, 'large'))],
    ['high contrast', (page) => contrastButton(page).click().then(() => page.waitForSelector('.gir-report--contrast'))],
  ]) {
    test(`reports no violation at ${name}`, async ({ page }) => {
      await openViewer(page);
      await setup(page);
      await expectNoAxeViolations(page, { label: `axe ${name}` });
    });
  }
});
