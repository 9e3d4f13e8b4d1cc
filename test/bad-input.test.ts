/**
 * Bad input at the read and parse stages: each file gets a clear message
 * with its line, and the other files are still linted.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntry } from '../src/read.js';
import { GOOD_ENTRY, makeTempDir, run } from './helpers/cli.js';

interface JsonResult {
  filePath: string;
  errorCount: number;
  fatalErrorCount: number;
  messages: Array<{ ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }>;
}

/** Lint `files` in a temp folder with the JSON reporter. */
async function lintJson(files: Record<string, string | Uint8Array>, args: string[] = ['.']) {
  const cwd = makeTempDir(files);
  const result = await run(['lint', '--format', 'json', ...args], cwd);
  const parsed = result.stdout ? (JSON.parse(result.stdout) as JsonResult[]) : [];
  const byName = new Map(parsed.map((r) => [r.filePath.slice(cwd.length + 1), r]));
  return { ...result, results: parsed, byName, cwd };
}

/** The messages of one file that carry `ruleId` (null for fatal ones). */
function messagesOf(results: Map<string, JsonResult>, name: string, ruleId: string | null) {
  return (results.get(name)?.messages ?? []).filter((m) => m.ruleId === ruleId);
}

const GOOD = '2026-03-06_Good.md';

describe('bad input', () => {
  it('reports a missing path on stderr, lints the rest and exits 2', async () => {
    const { code, stderr, byName } = await lintJson({ [GOOD]: GOOD_ENTRY }, ['missing.md', GOOD]);
    expect(code).toBe(2);
    expect(stderr).toContain('`missing.md` matched no entry: no such file or folder');
    expect(byName.has(GOOD)).toBe(true);
  });

  it('reports a binary file once and goes on', async () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]);
    const { code, byName } = await lintJson({ '2026-03-07_Binary.md': binary, [GOOD]: GOOD_ENTRY });
    const messages = byName.get('2026-03-07_Binary.md')!.messages;
    expect(messages).toEqual([
      expect.objectContaining({ ruleId: null, fatal: true, line: 1, column: 1, message: 'Unexpected binary file, expected UTF-8 text' }),
    ]);
    expect(code).toBe(1);
    expect(messagesOf(byName, GOOD, null)).toEqual([]);
  });

  it('reports bytes that are not UTF-8 where the first one stands', async () => {
    // Line 2 is "# Lösung" in Latin-1: 0xF6 is not UTF-8 on its own, and it
    // follows "# L", so it stands at column 4; "ü" on line 1 is UTF-8.
    const latin1 = new Uint8Array([
      0xc3, 0xbc, 0x0a, 0x23, 0x20, 0x4c, 0xf6, 0x73, 0x75, 0x6e, 0x67, 0x0a,
    ]);
    const { byName } = await lintJson({ '2026-03-07_Latin.md': latin1 });
    expect(byName.get('2026-03-07_Latin.md')!.messages).toEqual([
      expect.objectContaining({ ruleId: null, fatal: true, line: 2, column: 4, message: 'Unexpected bytes that are not UTF-8, expected UTF-8 text' }),
    ]);
  });

  it('refuses paragraphs whose markers the parser would take minutes on', async () => {
    const brackets = `${GOOD_ENTRY}\n${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const emphasis = `${GOOD_ENTRY}\nText\n${'*a'.repeat(600)}\n${'*a'.repeat(600)}\n`;
    const line = GOOD_ENTRY.split('\n').length + 1;
    const { byName } = await lintJson({ '2026-03-06_Brackets.md': brackets, '2026-03-06_Emphasis.md': emphasis });
    const reason =
      'Unexpected paragraph with more than 1000 emphasis or link markers (`*`, `_`, `[`, `]`), expected fewer (not parsed)';
    expect(byName.get('2026-03-06_Brackets.md')!.messages).toEqual([
      expect.objectContaining({ ruleId: null, fatal: true, line, message: reason }),
    ]);
    // The paragraph starts at "Text": 1,200 markers over its three lines.
    expect(byName.get('2026-03-06_Emphasis.md')!.messages).toEqual([
      expect.objectContaining({ ruleId: null, fatal: true, line, message: reason }),
    ]);
  });

  it('reports a device or FIFO behind an entry name without reading it', async () => {
    const cwd = makeTempDir({ [GOOD]: GOOD_ENTRY });
    symlinkSync('/dev/zero', join(cwd, '2026-03-07_Zero.md'));
    execFileSync('mkfifo', [join(cwd, '2026-03-08_Fifo.md')]);
    // A folder walk lists no FIFO, so name it as a pre-commit hook would.
    const result = await run(['lint', '--format', 'json', '.', '2026-03-08_Fifo.md'], cwd);
    const parsed = JSON.parse(result.stdout) as JsonResult[];
    const reasons = parsed.map((r) => [r.filePath.slice(cwd.length + 1), r.messages.map((m) => m.message)]);
    const special = 'Unexpected special file (a device, socket or FIFO), expected a regular file';
    expect(reasons).toEqual([
      [GOOD, []],
      ['2026-03-07_Zero.md', [special]],
      ['2026-03-08_Fifo.md', [special]],
    ]);
  });

  it('reports a file over the size limit once without parsing it', async () => {
    const big = `${GOOD_ENTRY}\n${'x'.repeat(80)}\n`.repeat(130_000);
    expect(big.length).toBeGreaterThan(10_000_000);
    const { byName } = await lintJson({ '2026-03-07_Big.md': big, [GOOD]: GOOD_ENTRY });
    const messages = byName.get('2026-03-07_Big.md')!.messages;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: null, fatal: true, line: 1 });
    expect(messages[0]!.message).toBe(
      `Unexpected file of ${Buffer.byteLength(big)} bytes, expected at most 2097152 bytes (not parsed)`,
    );
  });

  it('treats an empty file as one without front matter', async () => {
    const { byName } = await lintJson({ '2026-03-07_Empty.md': '' });
    expect(messagesOf(byName, '2026-03-07_Empty.md', 'frontmatter-present')).toEqual([
      expect.objectContaining({ line: 1, column: 1 }),
    ]);
    expect(messagesOf(byName, '2026-03-07_Empty.md', null)).toEqual([]);
  });

  it('guards thousands of nested list levels before the parser', async () => {
    const deep = `${GOOD_ENTRY}\n${'- '.repeat(5000)}deep\n`;
    const { byName } = await lintJson({ '2026-03-07_Deep.md': deep });
    const line = GOOD_ENTRY.split('\n').length + 1;
    expect(byName.get('2026-03-07_Deep.md')!.messages).toEqual([
      expect.objectContaining({
        ruleId: null,
        fatal: true,
        line,
        message: 'Unexpected nesting deeper than 200 levels, expected a shallower list or block quote (not parsed)',
      }),
    ]);
  });

  it('guards deeply nested block quotes and indented lists', async () => {
    const quotes = `${'> '.repeat(3000)}deep\n`;
    const indented = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    const { byName } = await lintJson({ '2026-03-07_Quotes.md': quotes, '2026-03-08_Indent.md': indented });
    expect(messagesOf(byName, '2026-03-07_Quotes.md', null)[0]).toMatchObject({ line: 1, fatal: true });
    // Line N holds an item N levels deep, so line 201 is the first too deep.
    expect(messagesOf(byName, '2026-03-08_Indent.md', null)[0]).toMatchObject({ line: 201, fatal: true });
  });

  it('reads a byte order mark without shifting lines or columns', async () => {
    const withBom = `\uFEFF\n---\ntype: journal\n---\n\n# Title\n`;
    const { byName } = await lintJson({ '2026-03-07_Bom.md': withBom, '2026-03-08_BomGood.md': `\uFEFF${GOOD_ENTRY}` });
    expect(messagesOf(byName, '2026-03-07_Bom.md', 'frontmatter-present')).toEqual([
      expect.objectContaining({ line: 2, column: 1 }),
    ]);
    expect(messagesOf(byName, '2026-03-08_BomGood.md', 'frontmatter-present')).toEqual([]);
  });

  it('reads CRLF line endings', async () => {
    const crlf = GOOD_ENTRY.replace(/\n/g, '\r\n');
    const misplaced = '\r\n---\r\ntype: journal\r\n---\r\n# Title\r\n';
    const { byName } = await lintJson({ '2026-03-06_Crlf.md': crlf, '2026-03-06_CrlfBad.md': misplaced });
    expect(byName.get('2026-03-06_Crlf.md')!.messages).toEqual([]);
    expect(messagesOf(byName, '2026-03-06_CrlfBad.md', 'frontmatter-present')).toEqual([
      expect.objectContaining({ line: 2, column: 1 }),
    ]);
  });

  it('reports a link to nowhere and a folder as unreadable files', async () => {
    const cwd = makeTempDir();
    symlinkSync(join(cwd, 'nowhere'), join(cwd, 'link.md'));
    mkdirSync(join(cwd, 'folder.md'));
    writeFileSync(join(cwd, 'folder.md', 'x'), '');
    const dangling = await readEntry('link.md', join(cwd, 'link.md'));
    const folder = await readEntry('folder.md', join(cwd, 'folder.md'));
    expect(dangling.messages.map((m) => m.reason)).toEqual([
      `Unexpected link to the missing file \`${join(cwd, 'nowhere')}\`, expected a link to an existing file`,
    ]);
    expect(folder.messages.map((m) => m.reason)).toEqual(['Unexpected folder, expected a file']);
    expect(dangling.messages[0]!.fatal).toBe(true);
  });

  it('reports a link to a missing entry found in a folder scan instead of skipping it', async () => {
    const cwd = makeTempDir({ 'j/2026-03-06_Good.md': GOOD_ENTRY });
    symlinkSync('2026-02-01_Gone.md', join(cwd, 'j', '2026-02-18_Dangling.md'));
    // A dangling README link is no entry: not reported.
    symlinkSync('nothing.md', join(cwd, 'j', 'README.md'));
    const result = await run(['lint', 'j', '--format', 'json'], cwd);
    expect(result.code).toBe(1);
    const results = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ message: string; fatal?: boolean }> }>;
    const summary = results.map((item) => [item.filePath.split('/').pop(), item.messages.map((m) => m.message)]);
    expect(summary).toEqual([
      ['2026-02-18_Dangling.md', ['Unexpected link to the missing file `2026-02-01_Gone.md`, expected a link to an existing file']],
      ['2026-03-06_Good.md', []],
    ]);
  });
});
