// Faults: a panic in the viewer (the fault-injection build, dist-fault/), a
// prerendered mount rewritten by a portal CMS, and built files changed on the
// server after the build (integrity). The last two serve scratch copies of dist/
// made by the tests in tests/e2e/output/scratch/.
//
// A fault provoked on purpose shows in the browser as console errors or page
// errors: each test names them in `expectedProblems` (tests/e2e/fixtures.mjs), and
// fails if one of them does not occur as much as if anything else goes wrong.

import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { TITLE, distDir, faultDir, fontButton, openViewer, outputDir, prerenderedMount, seedSectionHeadings, waitForFontSize } from './helpers.mjs';

const MOUNT = '[data-gir-viewer]';
const SCRATCH = path.join(outputDir, 'scratch');

/**
 * A server configuration for a copy of dist/ in tests/e2e/output/scratch/<name>/,
 * changed by `edit(dir)`. The copy is made afresh in each worker before its server
 * starts (the fixture calls `make`), so a test never sees a copy of an older build.
 */
function scratchCopy(name, edit) {
  const dir = path.join(SCRATCH, name);
  return {
    root: dir,
    make() {
      if (!fs.existsSync(path.join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html is missing: run scripts/build first`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(distDir, dir, { recursive: true });
      edit(dir);
    },
  };
}

const builtFile = (dir, pattern) => {
  const found = fs.readdirSync(dir).filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one ${pattern} in ${dir}, found ${found}`);
  return path.join(dir, found[0]);
};

/** The prerendered report is there to read: its title and every section heading, visible. */
async function expectReadable(page) {
  await expect(page.locator(`${MOUNT} .gir-report__title`)).toHaveText(TITLE);
  await expect(page.locator(`${MOUNT} .gir-report__title`)).toBeVisible();
  const headings = page.locator(`${MOUNT} .gir-section__heading`);
  await expect(headings).toHaveText(seedSectionHeadings());
  for (const heading of await headings.all()) await expect(heading).toBeVisible();
}

// ---- a panic ----------------------------------------------------------------

test.describe('a panic (fault-injection build: 字体 大 panics)', () => {
  test.use({
    server: { root: faultDir },
    // Exactly the panic: its message (the panic hook) and the trap that ends the wasm.
    expectedProblems: {
      panic: /^console error: panicked at .*fault injection: 字体 大/s,
      'wasm trap': /^page error: RuntimeError: unreachable/,
    },
  });

  for (const [where, file] of [['on the report page', ''], ['mounted in the portal page', 'portal-demo.html']]) {
    test(`shows a notice with a reload link and leaves the report readable, ${where}`, async ({ page, problems }) => {
      await openViewer(page, file);
      await expect(page.getByRole('alert'), 'no notice before the panic').toHaveCount(0);
      await fontButton(page, '大').click();

      const alert = page.getByRole('alert');
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('查看器出现错误,字体、打印等按钮暂时无法使用;下方报告正文仍可阅读。');
      const reload = alert.getByRole('link', { name: '重新加载页面' });
      await expect(reload).toBeVisible();
      // An empty href: the link leads to the page itself.
      expect(await reload.evaluate((a) => a.href)).toBe(page.url().split('#')[0]);
      const mount = page.locator(MOUNT);
      await expect(mount).toHaveAttribute('data-gir-state', 'failed');
      // The notice sits in the mount, above the report, which it leaves in place.
      expect(await mount.evaluate((el) => [el.firstElementChild.getAttribute('role'), el.children.length])).toEqual(['alert', 2]);
      await expectReadable(page);
      // The panic came before the change: the report is still at 中.
      await expect(page.locator('.gir-report--font-medium')).toHaveCount(1);
      await expect.poll(() => problems.list.filter((p) => /unreachable/.test(p)).length, { message: 'the wasm trap reported' }).toBe(1);

      // The link starts the viewer again (no request of the failed page is still
      // in flight when it is followed).
      await page.waitForLoadState('networkidle');
      await reload.click();
      await page.waitForSelector(`${MOUNT}[data-gir-state="hydrated"]`, { state: 'attached' });
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expectReadable(page);
    });
  }
});

// ---- a prerendered mount rewritten by a CMS --------------------------------

/** Rewrites of the mount's inner markup a portal CMS makes when the snippet is pasted. */
const REWRITES = {
  'class-dropped': (inner) => replaceOnce(inner, '<dt class="gir-meta__label">', '<dt>'),
  'reindented': (inner) => inner.replace(/></g, '>\n    <'),
  'paragraph-added': (inner) => replaceOnce(inner, '</p>', '</p><p>&nbsp;</p>'),
  'paragraph-wrapped': (inner) => inner.replace(/(<p id="sec-2-p1" class="gir-p">)(.*?)(<\/p>)/s, '$1<p>$2</p>$3'),
};
function replaceOnce(text, from, to) {
  if (!text.includes(from)) throw new Error(`not in the mount: ${from}`);
  return text.replace(from, to);
}

const rewritten = scratchCopy('rewritten-mount', (dir) => {
  const demo = fs.readFileSync(path.join(dir, 'portal-demo.html'), 'utf8');
  const mount = prerenderedMount(demo);
  if (!mount) throw new Error('no prerendered mount in portal-demo.html');
  const [start, end] = [mount.inner, mount.close];
  for (const [name, rewrite] of Object.entries(REWRITES)) {
    const inner = rewrite(demo.slice(start, end));
    if (inner === demo.slice(start, end)) throw new Error(`${name} changed nothing`);
    fs.writeFileSync(path.join(dir, `portal-demo-${name}.html`), demo.slice(0, start) + inner + demo.slice(end));
  }
});

test.describe('a prerendered mount rewritten by a CMS', () => {
  test.use({ server: rewritten });

  /** The mount's elements (name and class) and text, as the viewer renders them. */
  const rendering = (page) =>
    page.$eval(MOUNT, (mount) => ({
      elements: [...mount.querySelectorAll('*')].map((el) => `${el.localName}.${el.getAttribute('class') ?? ''}`),
      text: mount.textContent,
    }));

  for (const name of Object.keys(REWRITES)) {
    test(`is rendered afresh when ${name.replace('-', ' ')}, and works`, async ({ page }) => {
      // The untouched page hydrates: the rewritten one below is what differs.
      await openViewer(page, 'portal-demo.html');
      const hydrated = await rendering(page);
      expect(hydrated.elements.length, 'elements in the hydrated mount').toBeGreaterThan(100);

      const warnings = [];
      page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
      await openViewer(page, `portal-demo-${name}.html`, { state: null });
      await expect(page.locator(MOUNT)).toHaveAttribute('data-gir-state', 'rendered');
      expect(warnings).toContain('报告查看器:嵌入的预渲染内容已被改动,改为重新渲染');
      // Exactly what the viewer renders, none of the CMS's changes left.
      expect(await rendering(page)).toEqual(hydrated);
      await expectReadable(page);
      await fontButton(page, '大').click();
      await waitForFontSize(page, 'large');
      await expect(fontButton(page, '大')).toHaveAttribute('aria-pressed', 'true');
    });
  }
});

// ---- files changed on the server after the build ------------------------------

const tamperedWasm = scratchCopy('tampered-wasm', (dir) => {
  const file = builtFile(dir, /^viewer-.*_bg\.wasm$/);
  const bytes = fs.readFileSync(file);
  bytes[bytes.length >> 1] ^= 0x01; // one bit of one byte
  fs.writeFileSync(file, bytes);
});

const tamperedGlue = scratchCopy('tampered-glue', (dir) => {
  fs.appendFileSync(builtFile(dir, /^viewer-[0-9a-f]+\.js$/), '\nwindow.__girTampered = true;\n');
  // A host page that left the modulepreload tag out of the snippet (see below).
  const demo = fs.readFileSync(path.join(dir, 'portal-demo.html'), 'utf8');
  const without = demo.replace(/<link rel="modulepreload"[^>]*>\n/, '');
  if (without === demo) throw new Error('no modulepreload in portal-demo.html');
  fs.writeFileSync(path.join(dir, 'portal-demo-without-modulepreload.html'), without);
});

/** Once loaded: whether the boot module ran (it sets data-gir-base), the viewer's state, the glue's mark. */
const bootFacts = (page) =>
  page.$eval(MOUNT, (mount) => ({
    bootModuleRan: mount.hasAttribute('data-gir-base'),
    state: mount.getAttribute('data-gir-state'),
    glueRan: window.__girTampered ?? false,
    notice: document.querySelectorAll('.gir-failure').length,
  }));

test.describe('a wasm file changed after the build', () => {
  test.use({
    server: tamperedWasm,
    expectedProblems: {
      'integrity check': /^console error: Failed to find a valid digest in the 'integrity' attribute for resource '[^']*\/viewer-[0-9a-f]+_bg\.wasm'/,
      'fetch refused': /^console error: Fetch API cannot load [^ ]*_bg\.wasm\. SRI's integrity checks failed/,
      'init() rejected': /^page error: TypeError: Failed to fetch/,
    },
  });

  for (const file of ['', 'portal-demo.html']) {
    test(`is refused: the viewer does not start and says so, the text stays readable (${file || 'index.html'})`, async ({ page, problems }) => {
      await page.goto(file);
      // The boot module's init() rejects when the browser refuses the wasm: the last
      // thing that happens, after which nothing can start the viewer.
      await expect
        .poll(() => problems.list.some((p) => p.startsWith('page error: TypeError: Failed to fetch')), { message: 'init() rejected' })
        .toBe(true);
      // The boot module marks the mount failed and shows the notice, as after a panic.
      await expect(page.locator(MOUNT)).toHaveAttribute('data-gir-state', 'failed');
      expect(await bootFacts(page)).toEqual({ bootModuleRan: true, state: 'failed', glueRan: false, notice: 1 });
      await expect(page.getByRole('alert')).toContainText('查看器出现错误');
      await expectReadable(page);
    });
  }
});

test.describe('a wasm-bindgen glue file changed after the build', () => {
  test.use({
    server: tamperedGlue,
    expectedProblems: {
      'integrity check': /^console error: Failed to find a valid digest in the 'integrity' attribute for resource '[^']*\/viewer-[0-9a-f]+\.js'/,
    },
  });

  // Chromium refuses the glue fetched by <link rel="modulepreload" integrity>, and
  // the boot module's import of the same URL gets that refused module (it does not
  // fetch the file again): the boot module never runs, so neither do the glue and
  // the wasm. (Chromium logs the integrity error twice, once for the preload and
  // once for the import.)
  for (const file of ['', 'portal-demo.html']) {
    test(`is refused through the modulepreload tag: nothing runs, the text stays readable (${file || 'index.html'})`, async ({ page, problems }) => {
      const glueRequests = [];
      page.on('request', (request) => /\/viewer-[0-9a-f]+\.js$/.test(new URL(request.url()).pathname) && glueRequests.push(request.url()));
      await page.goto(file);
      // Module scripts have run, or failed, by the load event page.goto waits for.
      await expect
        .poll(() => problems.list.some((p) => p.includes('Failed to find a valid digest')), { message: 'the glue refused' })
        .toBe(true);
      await page.waitForLoadState('networkidle');
      expect(await bootFacts(page)).toEqual({ bootModuleRan: false, state: null, glueRan: false, notice: 0 });
      expect(glueRequests.length, 'requests of the glue: the modulepreload\'s only').toBe(1);
      await expectReadable(page);
    });
  }
});

test.describe('a wasm-bindgen glue file changed after the build, on a page without the modulepreload tag', () => {
  test.use({ server: tamperedGlue });

  // What docs/embedding.md warns about: an ES-module import carries no hash, so
  // without the tag nothing checks the glue. This pins down that the tag is what
  // refuses it above (if this ever fails, Chromium checks imports some other way).
  test('runs the changed glue', async ({ page }) => {
    await openViewer(page, 'portal-demo-without-modulepreload.html');
    expect(await bootFacts(page)).toEqual({ bootModuleRan: true, state: 'hydrated', glueRan: true, notice: 0 });
  });
});
