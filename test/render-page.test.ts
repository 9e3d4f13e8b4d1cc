/**
 * The page as text: self-contained, deterministic, escaped, with a policy
 * that admits exactly its own scripts; and the page's pure helpers (URL
 * state, filters, link targets) run in Node.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isJournalKbError } from '../src/errors.js';
import { foldText } from '../src/fold.js';
import type { Entry, KnowledgeBase } from '../src/kb/types.js';
import {
  getMonthRange,
  getSourceHref,
  matchesFilters,
  readState,
  safeHref,
  writeState,
} from '../src/render/client-state.js';
import { embedData, getFunctionSource, readData } from '../src/render/embed.js';
import { renderPage } from '../src/render/page.js';

/** The hand-written fixture knowledge base. */
function loadFixture(): KnowledgeBase {
  const url = new URL('fixtures/page/kb.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as KnowledgeBase;
}

/** The script elements of a page: attributes and text. */
function getScripts(html: string): { attributes: string; text: string }[] {
  const found = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  return found.map((match) => ({ attributes: match[1] ?? '', text: match[2] ?? '' }));
}

/** The text of the element with `id`. */
function getById(html: string, id: string): string {
  const script = getScripts(html).find((item) => item.attributes.includes(`id="${id}"`));
  if (!script) throw new Error(`no #${id}`);
  return script.text;
}

/** The base64 SHA-256 of text, as CSP writes it. */
function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const evil = (kb: KnowledgeBase): Entry => kb.entries.find((entry) => entry.id.includes('Evil'))!;

describe('renderPage', () => {
  it('gives byte-identical pages for the same knowledge base', () => {
    const first = renderPage(loadFixture());
    const second = renderPage(loadFixture());
    expect(second).toBe(first);
    expect(first).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/);
  });

  it('loads nothing: no src, no stylesheet link, no url() and a policy forbidding the network', () => {
    const html = renderPage(loadFixture());
    const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
    expect(markup).not.toMatch(/\ssrc=/i);
    expect(markup).not.toMatch(/<link(?![^>]*rel="icon" href="data:,")/i);
    expect(markup).not.toMatch(/@import|url\(/i);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/
      .exec(html)?.[1]
      ?.replace(/&#39;/g, "'");
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/https?:/);
  });

  it('puts the policy before every script and style, and lists exactly the executable scripts', () => {
    const html = renderPage(loadFixture());
    const policyAt = html.indexOf('Content-Security-Policy');
    expect(policyAt).toBeGreaterThan(0);
    expect(policyAt).toBeLessThan(html.indexOf('<style>'));
    expect(policyAt).toBeLessThan(html.indexOf('<script'));
    const executable = getScripts(html).filter((item) => !item.attributes.includes('type='));
    expect(executable).toHaveLength(3);
    const policy = /content="(default-src[^"]+)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    const scriptSrc = /script-src ([^;]+)/.exec(policy)![1]!.split(' ');
    expect(scriptSrc).toEqual(executable.map((item) => sha256(item.text)));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(policy).toContain(`style-src ${sha256(style)}`);
    expect(policy).not.toContain('worker-src');
    expect(html).toContain('data-worker="off"');
  });

  it('allows a worker from `blob:` only when the page searches in one', () => {
    const html = renderPage(loadFixture(), { searchWorker: true });
    expect(html).toContain('data-worker="on"');
    expect(html).toMatch(/form-action &#39;none&#39;|worker-src blob:/);
    expect(html).toContain('; worker-src blob:; ');
  });

  it('inlines MiniSearch with its licence', () => {
    const library = getById(renderPage(loadFixture()), 'kb-engine');
    expect(library).toMatch(/^\/\*! MiniSearch 7\.2\.0 \(MIT\)/);
    expect(library).toContain('Copyright 2022 Luca Ongaro');
    expect(library).toContain('Permission is hereby granted, free of charge');
    expect(library).toContain('global.MiniSearch = factory()');
  });

  it('embeds the data so that it inflates back to every entry unchanged', () => {
    const kb = loadFixture();
    const html = renderPage(kb);
    const data = readData(getById(html, 'kb-data')) as { entries: Entry[]; sourceUrl: string };
    expect(data.entries).toEqual(kb.entries);
    expect(data.sourceUrl).toBe('');
  });

  it('escapes markup from entries: only the page’s own five script elements exist', () => {
    const html = renderPage(loadFixture());
    expect(html.match(/<script/gi)).toHaveLength(5);
    expect(html.match(/<\/script/gi)).toHaveLength(5);
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('window.__pwned=4</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('__pwned');
    // The data blocks are base64: no `<`, nothing an entry could end them with.
    for (const id of ['kb-index', 'kb-data']) expect(getById(html, id)).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('escapes the title option into the heading and the title element', () => {
    const html = renderPage(loadFixture(), { title: 'Team <b>"KB"</b> & co' });
    expect(html).toContain('<title>Team &lt;b&gt;&quot;KB&quot;&lt;/b&gt; &amp; co</title>');
    expect(html).toContain('<h1>Team &lt;b&gt;&quot;KB&quot;&lt;/b&gt; &amp; co</h1>');
  });

  it('stops on a source URL template that is not http or https', () => {
    const kb = loadFixture();
    for (const sourceUrl of ['javascript:alert(1)//{path}', 'data:text/html,{path}', '{path}']) {
      let caught: unknown;
      try {
        renderPage(kb, { sourceUrl });
      } catch (error) {
        caught = error;
      }
      expect(isJournalKbError(caught) && caught.code).toBe('CONFIG');
    }
    expect(() => renderPage(kb, { sourceUrl: 'https://git.example.org/{path}#L{line}' })).not.toThrow();
  });

  it('embeds the terminal’s foldText, and it runs on its own', () => {
    const html = renderPage(loadFixture());
    expect(getById(html, 'kb-search')).toContain(getFunctionSource(foldText));
    const embedded = new Function(`${getFunctionSource(foldText)}; return foldText;`)() as (
      text: string,
    ) => string;
    for (const word of ['Lösung', 'Loesung', 'Losung', 'Straße', 'Ärger', 'café', 'QUEUE']) {
      expect(embedded(word)).toBe(foldText(word));
    }
    expect(embedded('Lösung')).toBe('losung');
    expect(embedded('Loesung')).toBe('losung');
  });

  it('keeps the evil entry’s values intact inside the data', () => {
    const kb = loadFixture();
    const html = renderPage(kb);
    const data = readData(getById(html, 'kb-data')) as { entries: Entry[] };
    expect(evil(data as KnowledgeBase).summary).toBe(
      '<script>window.__pwned=2</script> and a line\u2028separator',
    );
  });
});

describe('embedData', () => {
  it('writes base64 of ASCII JSON that inflates back to the same value', () => {
    const value = { a: '</script><!-- x -->', b: ['\u2028', 'Lösung', '😀', '<'], c: 1 };
    const text = embedData(value);
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const json = inflateRawSync(Buffer.from(text, 'base64')).toString('latin1');
    expect(json).toBe(
      '{"a":"</script><!-- x -->","b":["\\u2028","L\\u00f6sung","\\ud83d\\ude00","<"],"c":1}',
    );
    expect(readData(text)).toEqual(value);
  });
});

describe('getFunctionSource', () => {
  it('reads calls through a rewritten import back as the plain name', () => {
    const fn = {
      toString: () =>
        'function f(x) {\n\treturn (0, __vite_ssr_import_1__.foldText)(x) + __vite_ssr_import_2__.LIMIT;\n}',
    } as unknown as () => unknown;
    expect(getFunctionSource(fn)).toBe('function f(x) {\n\treturn foldText(x) + LIMIT;\n}');
  });
});

describe('safeHref', () => {
  it('keeps http, https, relative paths and fragments', () => {
    for (const href of ['https://git.example.org/a.md#L3', 'HTTP://x.example/', '../journal/a.md', 'a%3Ab.md', '#q=x']) {
      expect(safeHref(href)).toBe(href);
    }
  });

  it('drops every other scheme, however it is disguised, and other hosts by `//`', () => {
    const bad = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      '\\\\evil.example\\x',
      '/\\evil.example',
    ];
    for (const href of bad) expect(safeHref(href), href).toBe('');
  });
});

describe('getSourceHref', () => {
  it('fills a GitHub, GitLab or Gitea template with the encoded path and the line', () => {
    const github = 'https://github.com/team/repo/blob/main/{path}#L{line}';
    expect(getSourceHref(github, '', 'docs/99 Journal/2026-03-06_Fix #3.md', 12)).toBe(
      'https://github.com/team/repo/blob/main/docs/99%20Journal/2026-03-06_Fix%20%233.md#L12',
    );
    const gitlab = 'https://gitlab.example/team/repo/-/blob/main/{path}#L{line}';
    expect(getSourceHref(gitlab, '', 'a/b.md', 1)).toBe('https://gitlab.example/team/repo/-/blob/main/a/b.md#L1');
  });

  it('links relative to the page without a template, a colon never read as a scheme', () => {
    expect(getSourceHref('', '../', 'docs/a.md', 5)).toBe('../docs/a.md');
    expect(getSourceHref('', '', 'javascript:alert(1).md', 1)).toBe('javascript%3Aalert(1).md');
    expect(getSourceHref('', '', '<b>.md', 1)).toBe('%3Cb%3E.md');
  });
});

describe('page state in the URL hash', () => {
  it('writes only what is set, in a fixed order, and reads it back', () => {
    const state = { ...readState(''), q: 'Lösung & mehr', tag: 'ci', pending: true, from: '2026-01-01' };
    const hash = writeState(state);
    expect(hash).toBe('#q=L%C3%B6sung+%26+mehr&tag=ci&from=2026-01-01&pending=1');
    expect(readState(hash)).toEqual(state);
    expect(writeState(readState(''))).toBe('');
  });

  it('drops dates that are not `YYYY-MM-DD`', () => {
    const state = readState('#from=yesterday&to=2026-13');
    expect(state.from).toBe('');
    expect(state.to).toBe('');
  });

  it('gives a month as its first and last day', () => {
    expect(getMonthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(getMonthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(getMonthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('matchesFilters', () => {
  const kb = loadFixture();
  const ids = (patch: Partial<ReturnType<typeof readState>>): string[] =>
    kb.entries
      .filter((entry) => matchesFilters(entry, { ...readState(''), ...patch }))
      .map((entry) => entry.id.split('/')[1]!);

  it('filters by status, type, owner and tag', () => {
    expect(ids({ status: 'ARCHIVED' })).toEqual(['2026-01-20_Gateway_Timeout']);
    expect(ids({ type: 'ADR' })).toEqual(['2026-02-11_Zertifikat']);
    expect(ids({ owner: 'Lead Architect' })).toEqual(['2026-03-06_Pipeline_Fix_v3']);
    expect(ids({ tag: 'gateway' })).toEqual(['2026-01-20_Gateway_Timeout']);
  });

  it('chooses the entries without a status, type or owner by `(none)`', () => {
    expect(ids({ status: '(none)' })).toEqual(['Notizen']);
    expect(ids({ type: '(none)' })).toEqual(['Notizen']);
    expect(ids({ owner: '(none)' })).toEqual(['Notizen']);
  });

  it('filters by date range, leaving out entries without a date', () => {
    expect(ids({ from: '2026-02-01', to: '2026-02-28' })).toEqual(['2026-02-01_Evil', '2026-02-11_Zertifikat']);
    expect(ids({ from: '2026-03-01' })).toEqual(['2026-03-06_Pipeline_Fix_v3']);
    expect(ids({ to: '2026-01-31' })).toEqual(['2026-01-20_Gateway_Timeout']);
  });

  it('filters to entries with a pending problem, and to one entry', () => {
    expect(ids({ pending: true })).toEqual(['2026-02-11_Zertifikat', '2026-03-06_Pipeline_Fix_v3']);
    expect(ids({ entry: 'legacy/Notizen' })).toEqual(['Notizen']);
  });
});
