// Playwright fixtures shared by every e2e test:
//
// - `server` (an option, set with test.use): which build is served, under which path,
//   with which Content-Security-Policy header. Each worker starts a server per
//   configuration once, on a free port, and `baseURL` points at it, so tests go to
//   relative URLs ('', '#sec-5', 'portal-demo.html'). A `make` function in it is
//   called first, once per worker: it writes a scratch `root` (tests/e2e/faults.test.mjs).
// - `problems` (automatic): records in every test what goes wrong in the browser and
//   fails the test if anything did (see recordProblems below). Tests read it to check
//   at a given moment, e.g. `expect(problems.cspViolations).toEqual([])`.
// - `expectedProblems` (an option): the problems a test provokes on purpose, as named
//   regular expressions; each must occur, and only they may (tests/e2e/faults.test.mjs).
// - `page`: the built-in page, with goto/reload/goBack/goForward telling `problems` that the test itself
//   is leaving the current document.
//
// The JavaScript-disabled context is the built-in option: test.use({ javaScriptEnabled: false }).

import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startServer } from '../../scripts/static-server.mjs';
import { distDir } from './helpers.mjs';

export { expect };

const ignoredSchemes = /^(data|blob|about):/;

/**
 * Records, for every page of `context`: console errors, uncaught exceptions, failed
 * requests (network failures and HTTP status ≥ 400), requests to an origin other than
 * `origin`, and Content-Security-Policy violations (in every frame).
 *
 * Two kinds of failed request are not problems:
 * - with JavaScript disabled, Chromium refuses script fetches (e.g. <link
 *   rel="modulepreload">) and reports them blocked by "csp";
 * - a request of a document the test itself navigated away from (page.goto or
 *   page.reload, see the `page` fixture), aborted by that navigation: e.g. the favicon,
 *   which Chromium fetches after the load event, still in flight when the test leaves.
 *   Precisely: failed with net::ERR_ABORTED after the test asked to navigate, and
 *   started before the new document replaced the old one.
 */
async function recordProblems(context, { origin, javaScriptEnabled }) {
  const problems = { list: [], cspViolations: [] }; // what tests may read
  const failedRequests = []; // { request, failedAt, text }: judged in settle()
  const inFlight = new Set();
  let clock = 0; // orders the events (Playwright delivers a page's events in order)
  const startedAt = new Map(); // request → clock
  const leaving = new Map(); // page → [{ asked, replaced }], one per goto/reload of the test

  const pageOf = (request) => {
    try {
      return request.frame().page();
    } catch {
      return null; // a request without a frame (service worker): none here
    }
  };
  const abortedByTestNavigation = ({ request, failedAt }) =>
    request.failure()?.errorText === 'net::ERR_ABORTED' &&
    (leaving.get(pageOf(request)) ?? []).some(
      ({ asked, replaced }) => failedAt > asked && startedAt.get(request) < (replaced ?? Infinity),
    );

  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber, columnNumber } = message.location();
    problems.list.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber}:${columnNumber})` : ''}`);
  });
  context.on('weberror', (error) => problems.list.push(`page error: ${error.error().stack ?? error.error()}`));
  context.on('request', (request) => {
    startedAt.set(request, ++clock);
    inFlight.add(request);
    const url = request.url();
    if (!ignoredSchemes.test(url) && new URL(url).origin !== origin) {
      problems.list.push(`request to another origin: ${request.method()} ${url}`);
    }
  });
  context.on('requestfinished', (request) => inFlight.delete(request));
  context.on('requestfailed', (request) => {
    inFlight.delete(request);
    const reason = request.failure()?.errorText ?? 'failed';
    if (!javaScriptEnabled && reason === 'csp' && request.resourceType() === 'script') return;
    // Judged in settle(): the navigation that caused an abort may be reported after it.
    failedRequests.push({ request, failedAt: ++clock, text: `failed request: ${request.method()} ${request.url()}: ${reason}` });
  });
  context.on('response', (response) => {
    if (response.status() >= 400) {
      problems.list.push(`failed request: ${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });

  // CSP violations, reported from inside every frame of every page.
  await context.exposeBinding('__girCspViolation', (_source, text) => problems.cspViolations.push(text));
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__girCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    ),
  );

  return {
    problems,
    /** The test is about to navigate `page` to another document (called by the `page` fixture). */
    leave(page) {
      const navigation = { asked: ++clock, replaced: null };
      if (!leaving.has(page)) leaving.set(page, []);
      leaving.get(page).push(navigation);
      const onNavigated = (frame) => {
        if (frame !== page.mainFrame()) return;
        navigation.replaced = ++clock;
        page.off('framenavigated', onNavigated);
      };
      page.on('framenavigated', onNavigated);
    },
    /** Waits (up to 5 s) for the requests still in flight, then lists every problem. */
    async settle() {
      for (let waited = 0; inFlight.size > 0 && waited < 5000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return [
        ...problems.list,
        ...failedRequests.filter((f) => !abortedByTestNavigation(f)).map((f) => f.text),
        ...problems.cspViolations.map((v) => `CSP violation: ${v}`),
      ];
    },
  };
}

export const test = base.extend({
  // Which build to serve, where, and with which policy; see the file comment.
  server: [{}, { option: true }],

  // One server per configuration and worker, started when a test first needs it.
  _servers: [
    async ({}, use) => {
      const running = new Map();
      await use(({ root = distDir, basePath = '/', csp = null, make = null } = {}) => {
        const key = JSON.stringify([root, basePath, csp]);
        if (!running.has(key)) {
          make?.();
          const index = path.join(root, 'index.html');
          if (!fs.existsSync(index)) throw new Error(`${index} is missing: run scripts/build first`);
          running.set(key, startServer({ root, basePath, csp }));
        }
        return running.get(key);
      });
      for (const server of running.values()) await (await server).close();
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ server, _servers }, use) => {
    await use((await _servers(server)).url);
  },

  _recorder: async ({ context, baseURL, javaScriptEnabled }, use) => {
    await use(await recordProblems(context, { origin: new URL(baseURL).origin, javaScriptEnabled }));
  },

  // The problems a test provokes on purpose (a forced panic, a tampered file), named
  // regular expressions: test.use({ expectedProblems: { panic: /^console error: panicked/ } })
  // (an object: Playwright would take an array for a [value, options] pair). A problem
  // matching one of them does not fail the test; each of them not matched by any
  // problem does, so a fault that no longer happens cannot pass unnoticed.
  expectedProblems: [{}, { option: true }],

  problems: [
    async ({ _recorder, expectedProblems }, use) => {
      await use(_recorder.problems);
      const all = await _recorder.settle();
      const expected = Object.entries(expectedProblems);
      const unexpected = all.filter((problem) => !expected.some(([, re]) => re.test(problem)));
      const missing = expected.filter(([, re]) => !all.some((problem) => re.test(problem)));
      expect(unexpected, 'problems in the browser during the test').toEqual([]);
      expect(
        missing.map(([name, re]) => `${name}: ${re}`),
        `expected problems that did not occur (problems seen: ${JSON.stringify(all)})`,
      ).toEqual([]);
    },
    { auto: true },
  ],

  page: async ({ page, _recorder }, use) => {
    for (const method of ['goto', 'reload', 'goBack', 'goForward']) {
      const navigate = page[method].bind(page);
      page[method] = (...args) => {
        _recorder.leave(page);
        return navigate(...args);
      };
    }
    await use(page);
  },
});
