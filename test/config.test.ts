/**
 * Configuration: found upward, checked when it loads (exit 2 naming the
 * field), severities applied, ignore file and comments honoured.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_ENTRY, makeTempDir, run } from './helpers/cli.js';

const NO_FRONTMATTER = '# Title\n\n## Problem\n\nX.\n\n## Lösung\n\nY.\n';

/** Lint in `cwd` with JSON output and return the parsed results. */
async function lint(cwd: string, args: string[] = []) {
  const result = await run(['lint', '--format', 'json', ...args], cwd);
  const results = result.stdout ? (JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number }> }>) : [];
  return { ...result, results };
}

/** Ids and severities of frontmatter-present messages in the results. */
function presentMessages(results: Awaited<ReturnType<typeof lint>>['results']) {
  return results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'frontmatter-present'));
}

describe('configuration', () => {
  it('is found from the working directory upward', async () => {
    const root = makeTempDir({
      '.journalkbrc.yaml': 'rules:\n  frontmatter-present: warn\n',
      'docs/99_Journal/2026-03-06_Legacy.md': NO_FRONTMATTER,
    });
    const { results } = await lint(join(root, 'docs', '99_Journal'), ['.']);
    expect(presentMessages(results)).toEqual([expect.objectContaining({ severity: 1 })]);
  });

  it('lints the configured journal when no path is given', async () => {
    const root = makeTempDir({
      '.journalkbrc.json': JSON.stringify({ journal: 'notes' }),
      'notes/2026-03-06_Legacy.md': NO_FRONTMATTER,
      'docs/99_Journal/2026-03-07_Other.md': NO_FRONTMATTER,
    });
    mkdirSync(join(root, 'sub'));
    const { results } = await lint(join(root, 'sub'));
    expect(results.map((r) => r.filePath)).toEqual([join(root, 'notes', '2026-03-06_Legacy.md')]);
  });

  it('reads a `journal-kb` key in package.json', async () => {
    const root = makeTempDir({
      'package.json': JSON.stringify({ name: 'x', 'journal-kb': { rules: { 'frontmatter-present': 'off' } } }),
      '2026-03-06_Legacy.md': NO_FRONTMATTER,
    });
    const { results } = await lint(root, ['.']);
    expect(presentMessages(results)).toEqual([]);
  });

  it('stops with exit 2 and names a bad severity', async () => {
    const root = makeTempDir({
      '.journalkbrc.yaml': 'rules:\n  frontmatter-present: loud\n',
      '2026-03-06_Legacy.md': NO_FRONTMATTER,
    });
    const { code, stderr, stdout } = await lint(root, ['.']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('`rules.frontmatter-present` is `"loud"`, expected `off`, `warn`, `error`');
  });

  it('stops with exit 2 on an unknown rule, option or top-level key', async () => {
    const cases: Array<[string, string]> = [
      ['rules:\n  no-such-rule: error\n', '`rules.no-such-rule`'],
      ['rules:\n  frontmatter-present: [error, {colour: red}]\n', '`rules.frontmatter-present[1]` has the unknown option `colour`'],
      ['colour: red\n', '`colour` is `"red"`, expected one of the options'],
      ['maxFileSize: -3\n', '`maxFileSize` is `-3`, expected a positive whole number of bytes'],
      ['rules: [oops\n', 'Invalid configuration file'],
      ['a: &a [*a]\nrules: *a\n', 'a YAML alias refers to the value that contains it, expected values that end'],
      [
        "sourceUrl: 'ftp://x/{path}'\n",
        '`sourceUrl` is `"ftp://x/{path}"`, expected an `http:` or `https:` URL template with `{path}` and `{line}`',
      ],
      ['sections:\n  problem: []\n', '`sections.problem` is `[]`, expected a list of one or more heading names'],
      ["sourceUrl: 'https://forge.example/'\n", '`sourceUrl` is `"https://forge.example/"`, expected an `http:` or `https:` URL template'],
      ["entries: ['']\n", '`entries` is `[""]`, expected a list of strings, none empty'],
      ["journal: ''\n", '`journal` is `""`, expected a path or a list of paths, none empty'],
      ['defaults:\n  owner: [a, b]\n', '`defaults.owner` is `["a","b"]`, expected a non-empty string'],
      ['defaults:\n  status: 5\n', '`defaults.status` is `5`, expected a non-empty string'],
      ['defaults:\n  colour: red\n', '`defaults.colour` is `"red"`, expected one of the keys `status`, `owner`, `type`'],
    ];
    for (const [text, expected] of cases) {
      const root = makeTempDir({ '.journalkbrc.yaml': text, '2026-03-06_Legacy.md': NO_FRONTMATTER });
      const { code, stderr } = await lint(root, ['.']);
      expect(code, text).toBe(2);
      expect(stderr, text).toContain(expected);
      expect(stderr, text).not.toContain('    at ');
    }
  });

  it('names a value nested too deeply to write out', async () => {
    const deep = `{"colour": ${'['.repeat(200000)}${']'.repeat(200000)}}`;
    const root = makeTempDir({ '.journalkbrc.json': deep, '2026-03-06_Legacy.md': NO_FRONTMATTER });
    const { code, stderr } = await lint(root, ['.']);
    expect(code).toBe(2);
    expect(stderr).toContain('`colour` is `[…]`, expected one of the options');
    expect(stderr).not.toContain('internal error');
  });

  it('stops with exit 2 on a front-matter schema it cannot use', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ '.journalkbrc.yaml': 'frontmatterSchema: missing.json\n' }, '`frontmatterSchema`'],
      [{ '.journalkbrc.yaml': 'frontmatterSchema: bad.json\n', 'bad.json': '{ not json' }, 'bad.json'],
      [{ '.journalkbrc.yaml': 'rules:\n  frontmatter-schema: error\n' }, '`rules.frontmatter-schema`'],
    ];
    for (const [files, expected] of cases) {
      const root = makeTempDir({ ...files, '2026-03-06_Legacy.md': NO_FRONTMATTER });
      const { code, stderr, stdout } = await lint(root, ['.']);
      expect(code, JSON.stringify(files)).toBe(2);
      expect(stdout).toBe('');
      expect(stderr, JSON.stringify(files)).toContain(expected);
    }
  });

  it('honours the ignore file and ignore globs', async () => {
    const root = makeTempDir({
      '.journalkbignore': 'drafts/\n',
      '.journalkbrc.yaml': 'ignore: ["**/_archive/**"]\n',
      'drafts/2026-03-06_Draft.md': NO_FRONTMATTER,
      '_archive/2026-03-07_Old.md': NO_FRONTMATTER,
      '2026-03-08_Kept.md': GOOD_ENTRY,
    });
    const { results } = await lint(root, ['.']);
    expect(results.map((r) => r.filePath)).toEqual([join(root, '2026-03-08_Kept.md')]);
  });

  it('lints a file reached through links once', async () => {
    const root = makeTempDir({ 'journal/2026-03-08_Kept.md': GOOD_ENTRY });
    symlinkSync('.', join(root, 'journal', 'loop'));
    symlinkSync(join(root, 'journal'), join(root, 'again'));
    const { results } = await lint(root, ['journal', 'again']);
    expect(results.map((r) => r.filePath)).toEqual([join(root, 'journal', '2026-03-08_Kept.md')]);
  });

  it('treats only files named with a date as entries', async () => {
    const root = makeTempDir({
      'README.md': NO_FRONTMATTER,
      '2026-01.md': NO_FRONTMATTER,
      '2026-03-08_Entry.md': GOOD_ENTRY,
    });
    const { results } = await lint(root, ['.']);
    expect(results.map((r) => r.filePath)).toEqual([join(root, '2026-03-08_Entry.md')]);
    const entries = makeTempDir({
      '.journalkbrc.yaml': 'entries: ["**/*.md"]\n',
      'README.md': GOOD_ENTRY,
    });
    const widened = await lint(entries, ['.']);
    expect(widened.results.map((r) => r.filePath)).toEqual([join(entries, 'README.md')]);
  });

  it('warns about a lint comment that names an unknown rule', async () => {
    const text = `${GOOD_ENTRY}\n<!--lint disable no-such-rule-->\n`;
    const root = makeTempDir({ '2026-03-06_Good.md': text });
    const { results, code } = await lint(root, ['.']);
    const line = GOOD_ENTRY.split('\n').length + 1;
    expect(results[0]!.messages).toEqual([
      expect.objectContaining({ severity: 1, line, column: 1 }),
    ]);
    expect(code).toBe(0);
  });

  it('reads rule ids in a lint comment separated by commas, as ESLint writes them', async () => {
    const text = `<!--lint disable frontmatter-present, heading-title,section-required-->\n\nNo title, no sections.\n`;
    const root = makeTempDir({ '2026-03-06_Legacy.md': text });
    const { results } = await lint(root, ['.']);
    expect(results[0]!.messages).toEqual([]);
  });

  it('switches a rule off for a stretch with lint comments', async () => {
    const text = `<!--lint disable frontmatter-present-->\n\n${NO_FRONTMATTER}`;
    const root = makeTempDir({ '2026-03-06_Legacy.md': text });
    const { results } = await lint(root, ['.']);
    expect(presentMessages(results)).toEqual([]);
  });
});
