/**
 * The index page in real headless Chromium, opened from `file://`: search
 * (typos, prefixes, umlauts), every filter, the overview, `/`, the state in
 * the URL, escaping of an entry full of markup, and no request, console
 * error or dialog. The fixture knowledge base is `test/fixtures/page/kb.json`
 * (written by hand, with tags: the corpus has none); the corpus is built
 * through the real `journal-kb build`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/types.js';
import { renderPage, type PageOptions } from '../../src/render/page.js';
import { ensureBuilt, ROOT } from '../helpers/build.js';
import { run } from '../helpers/cli.js';
import { launchBrowser, openLoggedPage, type Browser, type PageLog } from './chromium.js';

/** The real corpus, read-only: copied before the build. */
const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'meldestelle');

const PIPELINE = 'Pipeline Fix v3: socat nicht verfügbar';
const GATEWAY = 'Gateway Timeout behoben';
const CERTIFICATE = 'Registry-Zertifikat abgelaufen';
const LEGACY = 'Notizen ohne Kopf';
const EVIL_TITLE = '<img src=x onerror="window.__pwned=1">Evil </script><!-- title';

let browser: Browser;
let folder: string;

/** The hand-written fixture knowledge base. */
function loadFixture(): KnowledgeBase {
  const url = new URL('../fixtures/page/kb.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as KnowledgeBase;
}

/** Write the fixture's page with `options` and return its file URL. */
function writePage(name: string, options: PageOptions = {}): string {
  const path = join(folder, name);
  writeFileSync(path, renderPage(loadFixture(), options));
  return pathToFileURL(path).href;
}

/** Open `url` (with an optional hash) and wait until the index is loaded. */
async function openPage(url: string, hash = ''): Promise<{ page: Page; log: PageLog }> {
  const opened = await openLoggedPage(browser);
  await opened.page.goto(url + hash);
  await opened.page.waitForSelector('html[data-state=ready]');
  return opened;
}

/** Type `query` into the search box and wait until its hits are drawn. */
async function search(page: Page, query: string): Promise<void> {
  await page.fill('#query', query);
  await page.waitForFunction((text) => document.getElementById('results')?.dataset.query === text, query);
}

/** Titles of the results, in order. */
function getTitles(page: Page): Promise<string[]> {
  return page.locator('#results article.entry h2').allTextContents();
}

/**
 * Assert the page asked for nothing but itself and logged no problem. The
 * one other URL is `blob:`, the search worker the page makes from its own
 * script text: it never leaves the browser.
 */
function expectQuiet(log: PageLog, url: string): void {
  const own = log.requests.filter((request) => !/^blob:null\/[0-9a-f-]+$/.test(request));
  expect(own.map((request) => request.split('#')[0])).toEqual([url]);
  expect(log.requests.length - own.length).toBeLessThanOrEqual(1);
  expect(log.problems).toEqual([]);
  expect(log.dialogs).toEqual([]);
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'journal-kb-page-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe.each([
  ['on the page', false],
  ['in a worker', true],
])('the page from file://, searching %s', (_, searchWorker) => {
  let url: string;
  beforeAll(() => {
    url = writePage(`index-${String(searchWorker)}.html`, { searchWorker });
  });

  it('shows every entry newest first, undated last, and asks for nothing', async () => {
    const { page, log } = await openPage(url);
    expect(await getTitles(page)).toEqual([PIPELINE, CERTIFICATE, EVIL_TITLE, GATEWAY, LEGACY]);
    expect(await page.textContent('#count')).toBe('5 entries (of 5)');
    await page.close();
    expectQuiet(log, url);
  });

  it('ranks the entry with a pasted error line first and keeps the query in the hash', async () => {
    const { page, log } = await openPage(url);
    await search(page, 'E: Unable to locate package socat');
    expect((await getTitles(page))[0]).toBe(PIPELINE);
    expect(await page.evaluate(() => location.hash)).toBe('#q=E%3A+Unable+to+locate+package+socat');
    await page.close();
    expectQuiet(log, url);
  });

  it('finds `Lösung` written as `Lösung`, `Loesung` and `Losung`', async () => {
    const { page } = await openPage(url);
    for (const query of ['Lösung', 'Loesung', 'Losung']) {
      await search(page, query);
      expect(await getTitles(page), query).toEqual([GATEWAY]);
    }
    await page.close();
  });

  it('tolerates a typo and matches a prefix', async () => {
    const { page } = await openPage(url);
    await search(page, 'iptbles');
    expect((await getTitles(page))[0]).toBe(PIPELINE);
    // Two letters swapped: two edits, found through the swapped spellings.
    await search(page, 'soact');
    expect((await getTitles(page))[0]).toBe(PIPELINE);
    await search(page, 'Zertif');
    expect((await getTitles(page))[0]).toBe(CERTIFICATE);
    await search(page, 'Speicherlek');
    expect(await getTitles(page)).toEqual([LEGACY]);
    await page.close();
  });

  it('filters by status, type, owner and tag', async () => {
    const { page } = await openPage(url);
    const cases: [string, string, string[]][] = [
      ['#filter-status', 'ARCHIVED', [GATEWAY]],
      ['#filter-type', 'ADR', [CERTIFICATE]],
      ['#filter-owner', 'Lead Architect', [PIPELINE]],
      ['#filter-tag', 'network', [PIPELINE]],
      ['#filter-status', '(none)', [LEGACY]],
    ];
    for (const [selector, value, titles] of cases) {
      await page.click('#reset');
      await page.selectOption(selector, value);
      expect(await getTitles(page), `${selector}=${value}`).toEqual(titles);
    }
    await page.close();
  });

  it('filters by a date range and by pending problems', async () => {
    const { page } = await openPage(url);
    await page.fill('#filter-from', '2026-02-01');
    await page.fill('#filter-to', '2026-02-28');
    expect(await getTitles(page)).toEqual([CERTIFICATE, EVIL_TITLE]);
    await page.click('#reset');
    await page.check('#filter-pending');
    expect(await getTitles(page)).toEqual([PIPELINE, CERTIFICATE]);
    await page.close();
  });

  it('combines a query with filters and a tag pressed in a result', async () => {
    const { page } = await openPage(url);
    await search(page, '502');
    expect(await getTitles(page)).toContain(GATEWAY);
    await page.click('#results article.entry button.tag:text-is("#gateway")');
    expect(await page.inputValue('#filter-tag')).toBe('gateway');
    expect(await getTitles(page)).toEqual([GATEWAY]);
    await page.close();
  });

  it('shows entries per month, and a month sets the date range', async () => {
    const { page } = await openPage(url);
    const months = await page.locator('#months li').allInnerTexts();
    expect(months.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      '2026-01 1',
      '2026-02 2',
      '2026-03 1',
    ]);
    await page.click('#months button:text-is("2026-02")');
    expect(await page.inputValue('#filter-from')).toBe('2026-02-01');
    expect(await page.inputValue('#filter-to')).toBe('2026-02-28');
    expect(await getTitles(page)).toEqual([CERTIFICATE, EVIL_TITLE]);
    await page.close();
  });

  it('lists pending problems, and one shows its entry alone', async () => {
    const { page } = await openPage(url);
    expect(await page.textContent('#pending-list p')).toBe('2 pending in 2 entries');
    const items = await page.locator('#pending-list li').allTextContents();
    expect(items).toEqual([
      `2026-03-06 ${PIPELINE}: Der Gitea-Runner hat kein socat installiert`,
      `2026-02-11 ${CERTIFICATE}: TLS-Handshake zur Registry scheitert`,
    ]);
    await page.click('#pending-list li button >> nth=1');
    expect(await getTitles(page)).toEqual([CERTIFICATE]);
    expect(await page.evaluate(() => location.hash)).toBe('#entry=journal%2F2026-02-11_Zertifikat');
    await page.click('#notice button');
    expect(await getTitles(page)).toHaveLength(5);
    await page.close();
  });

  it('shows problem, cause and solution in order, and the attempts as a timeline', async () => {
    const { page } = await openPage(url);
    const pipeline = page.locator('article.entry', { hasText: PIPELINE }).first();
    expect(await pipeline.locator('.case .label').allTextContents()).toEqual(['Problem', 'Cause', 'Solution']);
    const attempts = pipeline.locator('.timeline .attempt');
    expect(await attempts.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.outcome))).toEqual([
      'failed',
      'failed',
      'failed',
      'pending',
    ]);
    expect(await pipeline.locator('.timeline .marker').allTextContents()).toEqual(['✗', '✗', '✗', '⏳']);
    const certificate = page.locator('article.entry', { hasText: CERTIFICATE }).first();
    expect(await certificate.locator('.step-solution .text').textContent()).toBe('none yet (pending)');
    await page.close();
  });

  it('focuses the search with `/`, but types `/` inside the box', async () => {
    const { page } = await openPage(url);
    await page.click('h1');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('query');
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#query')).toBe('a/b');
    await page.close();
  });

  it('restores query and filters from the URL, on load and on a changed hash', async () => {
    const { page, log } = await openPage(url, '#q=Losung&status=ARCHIVED');
    expect(await page.inputValue('#query')).toBe('Losung');
    expect(await page.inputValue('#filter-status')).toBe('ARCHIVED');
    await page.waitForFunction(() => document.getElementById('results')?.dataset.query === 'Losung');
    expect(await getTitles(page)).toEqual([GATEWAY]);
    await page.evaluate(() => {
      location.hash = '#tag=security&pending=1';
    });
    await expect.poll(() => getTitles(page)).toEqual([CERTIFICATE]);
    expect(await page.inputValue('#query')).toBe('');
    expect(await page.isChecked('#filter-pending')).toBe(true);
    await page.close();
    expectQuiet(log, url);
  });

  it('shows an entry full of markup as text and runs none of it', async () => {
    const { page, log } = await openPage(url);
    await search(page, 'Evil');
    const article = page.locator('article.entry').first();
    expect(await article.locator('h2').textContent()).toBe(EVIL_TITLE);
    expect(await article.locator('.summary').textContent()).toBe(
      '<script>window.__pwned=2</script> and a line\u2028separator',
    );
    expect(await article.locator('.errors code').textContent()).toBe('</script><script>window.__pwned=9</script>');
    expect(await article.locator('.links .missing').textContent()).toBe('javascript:window.__pwned=10');
    const injected = '#results img, #results iframe, #results svg, #results script, #results style, #results b, #results i';
    expect(await page.locator(injected).count()).toBe(0);
    await article.locator('button.tag').first().hover();
    await article.locator('.facts').hover();
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.isVisible('body')).toBe(true);
    await page.close();
    expectQuiet(log, url);
  });

  it('links to sources only through http, https or relative paths', async () => {
    const { page } = await openPage(url);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).not.toMatch(/^\s*[a-z][a-z0-9+.-]*:/i);
    const evil = page.locator('article.entry', { hasText: 'Evil' }).first();
    // The `/` of `</script>` in that path is a folder separator, kept as is.
    expect(await evil.locator('h2 a').getAttribute('href')).toBe(
      'journal/2026-02-01_%3Cscript%3Ex%3C/script%3E%20%22evil%22.md',
    );
    await page.close();
  });
});

describe('source links', () => {
  it('fill the URL template with path and line', async () => {
    const template = 'https://git.example.org/team/repo/src/branch/main/{path}#L{line}';
    const url = writePage('template.html', { sourceUrl: template });
    const { page, log } = await openPage(url);
    const pipeline = page.locator('article.entry', { hasText: PIPELINE }).first();
    const base = 'https://git.example.org/team/repo/src/branch/main/journal/2026-03-06_Pipeline_Fix_v3.md';
    expect(await pipeline.locator('h2 a').getAttribute('href')).toBe(`${base}#L1`);
    expect(await pipeline.locator('.case a.source').getAttribute('href')).toBe(`${base}#L16`);
    const lines = await pipeline.locator('.timeline a.source').evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(lines).toEqual([70, 71, 72, 73].map((line) => `${base}#L${line}`));
    await page.close();
    expectQuiet(log, url);
  });

  it('are relative to the page through `sourceRoot`', async () => {
    const url = writePage('relative.html', { sourceRoot: '../' });
    const { page } = await openPage(url);
    const legacy = page.locator('article.entry', { hasText: LEGACY }).first();
    expect(await legacy.locator('h2 a').getAttribute('href')).toBe('../legacy/Notizen.md');
    await page.close();
  });
});

/** Replace the text of the data block `id` in a written page. */
function damageBlock(source: string, name: string, id: string, text: string): string {
  const html = readFileSync(new URL(source), 'utf8');
  const start = html.indexOf('>', html.indexOf(`id="${id}"`)) + 1;
  const path = join(folder, name);
  writeFileSync(path, html.slice(0, start) + text + html.slice(html.indexOf('</script>', start)));
  return pathToFileURL(path).href;
}

describe('a damaged page', () => {
  it('says it cannot read its entries when the data block does not inflate', async () => {
    // Base64 of "not deflate": valid base64, not a DEFLATE stream.
    const url = damageBlock(writePage('whole.html'), 'no-data.html', 'kb-data', 'bm90IGRlZmxhdGU=');
    const { page, log } = await openLoggedPage(browser);
    await page.goto(url);
    await page.waitForSelector('html[data-state=failed]');
    expect(await page.isVisible('#notice')).toBe(true);
    expect(await page.textContent('#notice')).toMatch(
      /^This page\u2019s entries could not be read \(.+\): the file is damaged or incomplete\. Build it again with journal-kb build;/,
    );
    expect(await page.textContent('#count')).toBe('');
    expect(await getTitles(page)).toEqual([]);
    await page.close();
    expect(log.problems).toHaveLength(1);
  });

  it('says it cannot read its entries when the data inflates to the wrong JSON', async () => {
    for (const [name, json] of [['shape', '[1,2,3]'], ['cut', '{"entries":[{"id":']] as const) {
      const text = deflateRawSync(Buffer.from(json)).toString('base64');
      const url = damageBlock(writePage(`whole-${name}.html`), `bad-${name}.html`, 'kb-data', text);
      const { page } = await openLoggedPage(browser);
      await page.goto(url);
      await page.waitForSelector('html[data-state=failed]');
      expect(await page.textContent('#notice'), name).toMatch(/^This page\u2019s entries could not be read \(.+\): the file is damaged/);
      await page.close();
    }
  });

  it('keeps its static hint when the file ends before the page’s script', async () => {
    const html = readFileSync(new URL(writePage('whole-cut.html')), 'utf8');
    const path = join(folder, 'cut.html');
    writeFileSync(path, html.slice(0, html.indexOf('id="kb-index"') + 40));
    const { page } = await openLoggedPage(browser);
    await page.goto(pathToFileURL(path).href);
    await page.waitForLoadState('load');
    expect(await page.textContent('#count')).toBe(
      'Loading the entries… If this stays, the page is incomplete: build it again with journal-kb build (the records are also in kb.json beside it).',
    );
    await page.close();
  });

  for (const searchWorker of [false, true]) {
    it(`shows the entries and says the index failed when it is not base64 (worker: ${String(searchWorker)})`, async () => {
      const source = writePage(`whole-${String(searchWorker)}.html`, { searchWorker });
      const url = damageBlock(source, `no-index-${String(searchWorker)}.html`, 'kb-index', '%%% not base64 %%%');
      const { page, log } = await openLoggedPage(browser);
      await page.goto(url);
      await page.waitForSelector('html[data-state=failed]');
      expect(await getTitles(page)).toEqual([PIPELINE, CERTIFICATE, EVIL_TITLE, GATEWAY, LEGACY]);
      expect(await page.textContent('#notice')).toMatch(/^The search index could not be loaded: /);
      // Typing must not turn the failure into a "Loading…" that never ends.
      await page.fill('#query', 'socat');
      expect(await page.textContent('#notice')).toMatch(/^The search index could not be loaded: /);
      await page.close();
      expect(log.problems.length).toBeGreaterThan(0);
    });
  }
});

describe('text from entries', () => {
  it('cuts a text of more than 5,000 characters and says how much is left out', async () => {
    const kb = loadFixture();
    const entry = { ...kb.entries.find((item) => item.title === GATEWAY)!, summary: `${'A'.repeat(5000)}${'B'.repeat(200000)}` };
    const path = join(folder, 'long.html');
    writeFileSync(path, renderPage({ ...kb, entries: [entry] }));
    const { page } = await openPage(pathToFileURL(path).href);
    expect(await page.locator('article.entry .summary').textContent()).toBe(
      `${'A'.repeat(5000)}… (200000 more characters in the source file)`,
    );
    await page.close();
  });


  it('drops bidirectional overrides, which would turn the text around them', async () => {
    const kb = loadFixture();
    const entry = { ...kb.entries.find((item) => item.title === GATEWAY)!, summary: 'vorher \u202eesrever\u202c nachher \u2067isoliert\u2069' };
    const path = join(folder, 'bidi.html');
    writeFileSync(path, renderPage({ ...kb, entries: [entry] }));
    const { page, log } = await openPage(pathToFileURL(path).href);
    expect(await page.locator('article.entry .summary').textContent()).toBe('vorher esrever nachher isoliert');
    await page.close();
    expectQuiet(log, pathToFileURL(path).href);
  });
});

describe('the overview of a large journal', () => {
  it('draws the newest twenty pending problems and counts the rest', async () => {
    const kb = loadFixture();
    const template = kb.entries.find((entry) => entry.title === PIPELINE)!;
    const entries = Array.from({ length: 25 }, (_, index) => ({
      ...template,
      id: `journal/2025-01-${String(index + 1).padStart(2, '0')}_Pending`,
      path: `journal/2025-01-${String(index + 1).padStart(2, '0')}_Pending.md`,
      title: `Pending ${index + 1}`,
      date: `2025-01-${String(index + 1).padStart(2, '0')}`,
    }));
    const path = join(folder, 'pending.html');
    writeFileSync(path, renderPage({ ...kb, entries }));
    const url = pathToFileURL(path).href;
    const { page, log } = await openPage(url);
    // Each copy of the pipeline entry has one pending problem.
    expect(await page.textContent('#pending-list p')).toBe('25 pending in 25 entries');
    const items = await page.locator('#pending-list li').allTextContents();
    expect(items).toHaveLength(20);
    expect(items[0]).toBe('2025-01-25 Pending 25: Der Gitea-Runner hat kein socat installiert');
    expect(items[19]).toBe('2025-01-06 Pending 6: Der Gitea-Runner hat kein socat installiert');
    await page.click('#pending-list button:text-is("Show all 25")');
    expect(await page.isChecked('#filter-pending')).toBe(true);
    expect(await page.textContent('#count')).toBe('Showing 20 of 25 entries (of 25)');
    await page.close();
    expectQuiet(log, url);
  });
});

describe('the page of the corpus, built by `journal-kb build`', () => {
  it('ranks the canonical entry first for its error line, with its attempts and lessons', async () => {
    const corpus = join(folder, 'corpus');
    cpSync(join(CORPUS, '99_Journal'), join(corpus, '99_Journal'), { recursive: true });
    const result = await run(['build', '99_Journal', '--out', 'kb'], corpus);
    expect(result.code).toBe(0);
    const url = pathToFileURL(join(corpus, 'kb', 'index.html')).href;
    const { page, log } = await openPage(url);
    await search(page, 'Unable to locate package socat');
    const first = page.locator('article.entry').first();
    expect(await first.locator('h2').textContent()).toBe(
      'Session Log — Pipeline Fix v3: socat nicht verfügbar → iptables DNAT',
    );
    const outcomes = await first
      .locator('.timeline .attempt')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.outcome));
    expect(outcomes).toEqual(['failed', 'failed', 'failed', 'pending']);
    expect(await first.locator('.errors code').allTextContents()).toContain('E: Unable to locate package socat');
    expect(await first.locator('.learned li').count()).toBe(4);
    await page.close();
    expectQuiet(log, url);
  });
});

describe('the page built by the installed bin', () => {
  it('works as the bundled command line writes it', async () => {
    // The bin runs the esbuild bundle; a bundler that renamed an embedded
    // client function would leave a page that throws on load.
    ensureBuilt();
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], { stdio: 'ignore' });
    const corpus = join(folder, 'bin-corpus');
    cpSync(join(CORPUS, '99_Journal'), join(corpus, '99_Journal'), { recursive: true });
    execFileSync(process.execPath, [join(ROOT, 'bin', 'journal-kb.js'), 'build', '99_Journal', '--out', 'kb'], {
      cwd: corpus,
      stdio: 'ignore',
    });
    const url = pathToFileURL(join(corpus, 'kb', 'index.html')).href;
    const { page, log } = await openPage(url);
    await search(page, 'Unable to locate package socat');
    expect(await page.locator('article.entry h2').first().textContent()).toBe(
      'Session Log — Pipeline Fix v3: socat nicht verfügbar → iptables DNAT',
    );
    await page.close();
    expectQuiet(log, url);
  });
});
