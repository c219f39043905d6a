// Each report's data in a file of its own (data/<id>.<hash>.bin), which the
// boot module fetches for each mount (docs/embedding.md): the wasm embeds no
// report; a page loads its own report's data once, preloaded; a data file
// that is missing, altered after the build, does not decode, or is another
// report's, stops that mount only, which says so and stays readable.
//
// The faults are made on a scratch copy of the sample build (dist-samples/,
// several reports), in tests/e2e/output/scratch/report-data/.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { TITLE, distDir, fontButton, openViewer, outputDir, prerenderedMount, repoRoot, samplesDir, waitForFontSize } from './helpers.mjs';

const MOUNT = '[data-gir-viewer]';
const DATA_NOTICE = '本报告的数据无法加载,字体、打印等按钮暂时无法使用;下方报告正文仍可阅读。';
const SCRATCH = path.join(outputDir, 'scratch', 'report-data');
const DATA_FILE = /^data\/[A-Za-z0-9_-]+\.[0-9a-f]{16}\.bin$/;

/** The dataset of report `id`: the seed, or a sample. */
function dataset(id) {
  const file = id === 'nanfen-2017' ? 'assets/reports/nanfen-2017.json' : `tests/fixtures/reports/${id}.json`;
  return JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
}

/**
 * The built page of report `id` and its mount's data attributes: the whole page
 * (`src`, for a mount rendered afresh) and the file that takes the prerendered mount
 * over (`hydrationSrc`, which the page preloads and hydrates with).
 */
function builtPage(dir, id) {
  const html = fs.readFileSync(path.join(dir, `${id}.html`), 'utf8');
  const tag = html.match(/<div class="gir" data-gir-viewer [^>]*>/)?.[0];
  if (!tag) throw new Error(`no mount in ${id}.html`);
  const attribute = (name) => tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1];
  const src = attribute('data-gir-src');
  const integrity = attribute('data-gir-integrity');
  const hydrationSrc = attribute('data-gir-hydration-src');
  const hydrationIntegrity = attribute('data-gir-hydration-integrity');
  for (const [file, hash] of [[src, integrity], [hydrationSrc, hydrationIntegrity]]) {
    if (!DATA_FILE.test(file ?? '') || !hash?.startsWith('sha384-')) throw new Error(`no data attributes in ${tag}`);
  }
  return { html, tag, src, integrity, hydrationSrc, hydrationIntegrity };
}

/** The prerendered mount of report `id`'s page, whole. */
function builtMount(dir, id) {
  const { html } = builtPage(dir, id);
  const mount = prerenderedMount(html);
  if (!mount) throw new Error(`no prerendered mount in ${id}.html`);
  return html.slice(mount.open, mount.close + '</div>'.length);
}

const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

function replaceOnce(text, from, to) {
  if (!text.includes(from)) throw new Error(`not found: ${from}`);
  return text.replace(from, to);
}

/**
 * The sample build with four reports' data broken, and a portal page mounting
 * several reports. nanfen-2017 is left whole.
 */
const broken = {
  root: SCRATCH,
  make() {
    if (!fs.existsSync(path.join(samplesDir, 'index.html'))) throw new Error(`${samplesDir}/index.html is missing: run scripts/test first`);
    fs.rmSync(SCRATCH, { recursive: true, force: true });
    fs.cpSync(samplesDir, SCRATCH, { recursive: true });
    // The pages hydrate: what they load is the file for hydration.
    const file = (id) => path.join(SCRATCH, builtPage(SCRATCH, id).hydrationSrc);

    // Missing: deleted from the server.
    fs.rmSync(file('sample-2019'));
    // Altered after the build: one bit of one byte.
    const altered = fs.readFileSync(file('sample-2021'));
    altered[altered.length >> 1] ^= 0x01;
    fs.writeFileSync(file('sample-2021'), altered);
    // Bytes that do not decode, with an integrity that matches them (a page
    // made for other bytes than the viewer reads, e.g. an older build's).
    const blank = builtPage(SCRATCH, 'sample-2021-all-blank');
    const whole = fs.readFileSync(file('sample-2021-all-blank'));
    const cut = whole.subarray(0, whole.length >> 1);
    fs.writeFileSync(file('sample-2021-all-blank'), cut);
    fs.writeFileSync(
      path.join(SCRATCH, 'sample-2021-all-blank.html'),
      replaceOnce(blank.html, blank.hydrationIntegrity, sri(cut)),
    );
    // Another report's data file, intact, named by the mount.
    const zero = builtPage(SCRATCH, 'sample-2019-all-zero');
    const seed = builtPage(SCRATCH, 'nanfen-2017');
    fs.writeFileSync(
      path.join(SCRATCH, 'sample-2019-all-zero.html'),
      replaceOnce(
        zero.html,
        zero.tag,
        zero.tag.replace(zero.hydrationSrc, seed.hydrationSrc).replace(zero.hydrationIntegrity, seed.hydrationIntegrity),
      ),
    );

    // A portal page with six mounts: the seed prerendered, two reports whose
    // data is broken above, the seed again in an empty mount (its whole page),
    // an empty mount that names no data file, and an empty mount that names
    // the seed's file for hydration, which cannot fill it.
    const portal = fs.readFileSync(path.join(SCRATCH, 'portal-demo.html'), 'utf8');
    const mounts = [
      builtMount(SCRATCH, 'sample-2021'),
      builtMount(SCRATCH, 'sample-2019'),
      `<div id="empty-seed" data-gir-viewer data-gir-report="nanfen-2017" data-gir-src="${seed.src}" data-gir-integrity="${seed.integrity}"></div>`,
      '<div id="no-data" data-gir-viewer data-gir-report="nanfen-2017"></div>',
      `<div id="hydration-only" data-gir-viewer data-gir-report="nanfen-2017" data-gir-src="${seed.hydrationSrc}" data-gir-integrity="${seed.hydrationIntegrity}"></div>`,
    ];
    const seedMount = builtMount(SCRATCH, 'nanfen-2017');
    fs.writeFileSync(path.join(SCRATCH, 'portal-several.html'), replaceOnce(portal, seedMount, [seedMount, ...mounts].join('\n')));
  },
};

/** The problems a data file altered after the build shows in the browser: refused by its integrity. */
const alteredProblems = (id) => ({
  [`${id}: integrity check`]: new RegExp(`^console error: Failed to find a valid digest in the 'integrity' attribute for resource '[^']*/data/${id}\\.[0-9a-f]{16}\\.bin'`),
  [`${id}: fetch refused`]: new RegExp(`^console error: Fetch API cannot load [^ ]*/data/${id}\\.[0-9a-f]{16}\\.bin\\. SRI's integrity checks failed`),
});
/** …and a missing one: a 404, whose body (the server's error page) the integrity check refuses too. */
const missingProblems = (id) => ({
  [`${id}: 404`]: new RegExp(`^failed request: GET [^ ]*/data/${id}\\.[0-9a-f]{16}\\.bin: HTTP 404$`),
  [`${id}: 404 logged`]: /^console error: Failed to load resource: the server responded with a status of 404/,
  ...alteredProblems(id),
});

/**
 * `mount` failed on its data: the notice says so, above the prerendered report
 * of `id`, which stays readable and unchanged, and the viewer did not start
 * there (its 字体 buttons change nothing).
 */
async function expectDataFailure(mount, id) {
  await expect(mount).toHaveAttribute('data-gir-state', 'failed');
  const alert = mount.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText(`${DATA_NOTICE}重新加载页面`);
  await expect(alert.getByRole('link', { name: '重新加载页面' })).toHaveAttribute('href', '');
  // The notice first, then the report, whole.
  expect(await mount.evaluate((el) => [el.firstElementChild.getAttribute('role'), el.children.length])).toEqual(['alert', 2]);
  const { title, sections } = dataset(id);
  await expect(mount.locator('.gir-report__title')).toHaveText(title);
  await expect(mount.locator('.gir-report__title')).toBeVisible();
  await expect(mount.locator('.gir-section__heading')).toHaveText(sections.map((s) => `${s.label}${s.title}`));
  await mount.getByRole('group', { name: '字体' }).getByRole('button', { name: '大', exact: true }).click();
  await mount.page().evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(mount.locator('.gir-report--font-medium')).toHaveCount(1);
  await expect(mount.getByRole('button', { name: '大', exact: true })).toHaveAttribute('aria-pressed', 'false');
}

/** Requests of report data files while `page` is open, by path. */
function countDataRequests(page) {
  const requests = new Map();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/\/data\/[^/]*\.bin$/.test(pathname)) requests.set(pathname, (requests.get(pathname) ?? 0) + 1);
  });
  return requests;
}

test.describe('a report page', () => {
  test('loads its own report\'s data file once (preloaded, taken over by the boot module), compressed, and hydrates', async ({ page, problems }) => {
    const requests = countDataRequests(page);
    const encodings = [];
    page.on('response', (response) => /\/data\/[^/]*\.bin$/.test(response.url()) && encodings.push(response.headers()['content-encoding']));
    await openViewer(page, '');
    // The file for hydration: the whole page (with the text the page holds) is not
    // loaded at all.
    const { hydrationSrc: src, hydrationIntegrity: integrity } = builtPage(distDir, 'nanfen-2017');
    expect(await page.locator(`link[rel=preload][as=fetch][href="./${src}"]`).count(), 'the data preload in <head>').toBe(1);
    expect(Object.fromEntries(requests)).toEqual({ [`/${src}`]: 1 });
    // As the server is told to (docs/embedding.md): 6 KB of brotli, not 43 KB.
    expect(encodings).toEqual(['br']);
    // The file is the one the mount names, by its integrity.
    expect(sri(fs.readFileSync(path.join(distDir, src)))).toBe(integrity);
    await fontButton(page, '大').click();
    await waitForFontSize(page, 'large');
    expect(problems.list).toEqual([]);
  });

  test('the wasm holds no report: the seed\'s text is in its data file only', () => {
    const wasm = fs.readdirSync(distDir).filter((f) => /^viewer-[0-9a-f]+_bg\.wasm$/.test(f));
    expect(wasm.length).toBe(1);
    const bytes = fs.readFileSync(path.join(distDir, wasm[0]));
    const { src } = builtPage(distDir, 'nanfen-2017');
    const data = fs.readFileSync(path.join(distDir, src));
    const seed = dataset('nanfen-2017');
    for (const text of [TITLE, seed.sections[0].title, seed.figures[0].stated]) {
      expect(data.includes(Buffer.from(text)), `${text} in the data file`).toBe(true);
      expect(bytes.includes(Buffer.from(text)), `${text} in the wasm`).toBe(false);
    }
    // Named by its bytes as served (after wasm-opt and the prerender step), as the
    // glue is: a new build of either is a new name, never a cached copy that fails
    // its integrity.
    const hex16 = (b) => crypto.createHash('sha384').update(b).digest('hex').slice(0, 16);
    expect(wasm[0]).toBe(`viewer-${hex16(bytes)}_bg.wasm`);
    const glue = fs.readdirSync(distDir).filter((f) => /^viewer-[0-9a-f]+\.js$/.test(f));
    expect(glue).toEqual([`viewer-${hex16(fs.readFileSync(path.join(distDir, glue[0])))}.js`]);
    // One wasm for every set of reports: the sample build's is the same file.
    expect(fs.existsSync(path.join(samplesDir, wasm[0])), `${wasm[0]} in ${samplesDir}`).toBe(true);
  });
});

test.describe('report data that cannot be loaded (a scratch copy of the sample build)', () => {
  test.use({ server: broken });

  test('the report page of an intact data file hydrates normally', async ({ page }) => {
    const requests = countDataRequests(page);
    await openViewer(page, 'nanfen-2017.html');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await fontButton(page, '大').click();
    await waitForFontSize(page, 'large');
    expect([...requests.values()]).toEqual([1]);
  });

  test.describe('a data file deleted from the server', () => {
    test.use({ expectedProblems: missingProblems('sample-2019') });
    test('leaves the report readable under the notice', async ({ page }) => {
      await openViewer(page, 'sample-2019.html', { state: 'failed' });
      await expectDataFailure(page.locator(MOUNT), 'sample-2019');
    });
  });

  test.describe('a data file changed after the build', () => {
    test.use({ expectedProblems: alteredProblems('sample-2021') });
    test('is refused by its integrity: the report stays readable under the notice', async ({ page }) => {
      await openViewer(page, 'sample-2021.html', { state: 'failed' });
      await expectDataFailure(page.locator(MOUNT), 'sample-2021');
    });
  });

  test('a data file that does not decode (its integrity matching) leaves the report readable under the notice', async ({ page }) => {
    const warnings = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await openViewer(page, 'sample-2021-all-blank.html', { state: 'failed' });
    await expectDataFailure(page.locator(MOUNT), 'sample-2021-all-blank');
    expect(warnings.some((w) => w.startsWith('报告查看器:本报告的数据无法读取'))).toBe(true);
  });

  test('another report\'s data file is refused: the report stays readable under the notice', async ({ page }) => {
    await openViewer(page, 'sample-2019-all-zero.html', { state: 'failed' });
    await expectDataFailure(page.locator(MOUNT), 'sample-2019-all-zero');
  });

  test.describe('a portal page with several mounts', () => {
    test.use({ expectedProblems: { ...missingProblems('sample-2019'), ...alteredProblems('sample-2021') } });

    test('fails only those whose data cannot be loaded; the others work, each data file fetched once', async ({ page }) => {
      const requests = countDataRequests(page);
      await page.goto('portal-several.html');
      const mounts = page.locator(MOUNT);
      await expect(mounts).toHaveCount(6);
      for (const [index, state] of ['hydrated', 'failed', 'failed', 'rendered', 'failed', 'failed'].entries()) {
        await expect(mounts.nth(index), `mount ${index}`).toHaveAttribute('data-gir-state', state);
      }
      await expectDataFailure(mounts.nth(1), 'sample-2021');
      await expectDataFailure(mounts.nth(2), 'sample-2019');
      // A mount that names no data file fails too, with the same notice.
      await expect(page.locator('#no-data').getByRole('alert')).toHaveText(`${DATA_NOTICE}重新加载页面`);
      await expect(page.locator('#no-data .gir-report')).toHaveCount(0);
      // The seed, prerendered and empty, shows and works.
      await expect(page.locator('#empty-seed .gir-report__title')).toHaveText(TITLE);
      // The file for hydration does not fill an empty mount: it fails, with the notice.
      await expect(page.locator('#hydration-only').getByRole('alert')).toHaveText(`${DATA_NOTICE}重新加载页面`);
      await expect(page.locator('#hydration-only .gir-report')).toHaveCount(0);
      await expect(page.getByRole('alert')).toHaveCount(4);
      const seed = mounts.nth(0);
      await seed.getByRole('button', { name: '大', exact: true }).click();
      await expect(seed.locator('.gir-report')).toHaveClass(/gir-report--font-large/);
      await expect(seed.getByRole('button', { name: '大', exact: true })).toHaveAttribute('aria-pressed', 'true');
      // The seed's two files, each once (the file for hydration named by two mounts),
      // and the two broken reports' files for hydration.
      const seedFiles = builtPage(SCRATCH, 'nanfen-2017');
      for (const seedFile of [`/${seedFiles.hydrationSrc}`, `/${seedFiles.src}`]) {
        expect(requests.get(seedFile), `requests of ${seedFile}: ${JSON.stringify([...requests])}`).toBe(1);
      }
      expect(requests.size, JSON.stringify([...requests])).toBe(4);
    });
  });
});
