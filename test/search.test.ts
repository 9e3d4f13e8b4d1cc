/**
 * `journal-kb search`: folding, prefixes and typos, limits, output forms,
 * exit codes, and clear messages for a missing or damaged knowledge base.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { makeTempDir, run } from './helpers/cli.js';

const FRONT = (title: string) => `---
type: journal
status: done
owner: Team
date: 2026-02-10
---

# ${title}
`;

const JOURNAL = {
  'j/2026-02-10_Proxy.md': `${FRONT('Lösung für den Proxy')}
## Problem

Der Proxy auf der Straße antwortet nicht.

## Lösung

Neu gestartet.
`,
  'j/2026-02-11_Other.md': `${FRONT('Kalender aufräumen')}
## Problem

Termine doppelt.

## Lösung

Duplikate gelöscht.
`,
  'j/2026-02-12_Escape.md': `${FRONT('Bell \u0007 and \u001b[31mred\u001b[0m title')}
## Problem

Terminal trouble with escape sequences.

## Lösung

None.
`,
};

let root: string;

/** Paths of the JSON hits of a query. */
async function hitPaths(query: string, extra: string[] = []): Promise<string[]> {
  const result = await run(['search', query, '--json', ...extra], root);
  return (JSON.parse(result.stdout) as Array<{ path: string }>).map((hit) => hit.path);
}

beforeAll(async () => {
  root = makeTempDir(JOURNAL);
  const result = await run(['build', 'j'], root);
  expect(result.code).toBe(0);
});

describe('search matching', () => {
  it.each(['Lösung', 'Loesung', 'Losung', 'LÖSUNG'])('folds %j to the same word', async (query) => {
    const paths = await hitPaths(query);
    expect(paths[0]).toBe('j/2026-02-10_Proxy.md');
  });

  it('matches `ß` written as `ss`, a prefix, and a typo', async () => {
    expect(await hitPaths('Strasse')).toEqual(['j/2026-02-10_Proxy.md']);
    expect(await hitPaths('Prox')).toEqual(['j/2026-02-10_Proxy.md']);
    expect(await hitPaths('Proxxy')).toEqual(['j/2026-02-10_Proxy.md']);
  });

  it('takes only the last word of a query as a prefix', async () => {
    expect(await hitPaths('Prox Termine')).toEqual(['j/2026-02-11_Other.md']);
    expect(await hitPaths('Termine Prox')).toEqual(['j/2026-02-11_Other.md', 'j/2026-02-10_Proxy.md']);
  });

  it('keeps at most `--limit` hits', async () => {
    expect(await hitPaths('Proxy Termine')).toHaveLength(2);
    expect(await hitPaths('Proxy Termine', ['--limit', '1'])).toHaveLength(1);
  });
});

describe('search output and exit codes', () => {
  it('exits 1 with no hits: `[]` as JSON, a note on stderr otherwise', async () => {
    const json = await run(['search', 'zzzqqq', '--json'], root);
    expect([json.code, json.stdout]).toEqual([1, '[]\n']);
    const text = await run(['search', 'zzzqqq'], root);
    expect([text.code, text.stdout]).toEqual([1, '']);
    expect(text.stderr).toBe('journal-kb: no entry matches `zzzqqq`\n');
    // A 100,000-letter word once asked typo matching for 10 GB.
    const long = await run(['search', `${'q'.repeat(60)} ${'z'.repeat(100000)}`], root);
    expect(long.code).toBe(1);
    expect(long.stderr).toBe(`journal-kb: no entry matches \`${'q'.repeat(60)} ${'z'.repeat(18)}…\`\n`);
  });

  it('highlights matching words only on a terminal', async () => {
    const plain = await run(['search', 'Proxy'], root);
    expect(plain.stdout).toContain('1. Lösung für den Proxy');
    expect(plain.stdout).not.toContain('\u001b');
    let stdout = '';
    const code = await main({
      argv: ['search', 'Proxy'],
      cwd: root,
      env: {},
      stdout: { write: (chunk: string) => (stdout += chunk), isTTY: true },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('\u001b[1mProxy\u001b[22m');
  });

  it('prints no control characters from an entry', async () => {
    const result = await run(['search', 'escape'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1. Bell and [31mred [0m title');
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('needs a query and a positive limit', async () => {
    const none = await run(['search'], root);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Missing query for `search`');
    const zero = await run(['search', 'x', '--limit', '0'], root);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('Option `--limit` of `search` is `0`');
  });
});

describe('a missing or damaged knowledge base', () => {
  it('names the missing file and how to make it', async () => {
    const result = await run(['search', 'x', '--kb', 'nowhere'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'journal-kb: Cannot read the knowledge base `nowhere/kb.json`: it does not exist (run `journal-kb build` first, or pass `--kb DIR`)\n',
    );
  });

  it('names the place of a JSON syntax error', async () => {
    const folder = makeTempDir({ 'kb.json': '{"schemaVersion":1,\n}' });
    const result = await run(['search', 'x', '--kb', folder], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('at line 2, column 1');
    expect(result.stderr).not.toContain('    at ');
  });

  it('rejects another schema version and a damaged entry', async () => {
    const folder = makeTempDir();
    writeFileSync(join(folder, 'kb.json'), '{"schemaVersion":2,"entries":[]}');
    const version = await run(['search', 'x', '--kb', join(folder, 'kb.json')], root);
    expect(version.code).toBe(2);
    expect(version.stderr).toContain('Unexpected schemaVersion `2`');
    writeFileSync(join(folder, 'kb.json'), '{"schemaVersion":1,"entries":[{"id":"a","path":"a.md"}]}');
    const entry = await run(['search', 'x', '--kb', folder], root);
    expect(entry.code).toBe(2);
    expect(entry.stderr).toContain('Unexpected entry 1');
    expect(entry.stderr).toContain('`title`');
  });
});

describe('the prebuilt search index', () => {
  it('gives the same hits as an index built from kb.json', async () => {
    const folder = makeTempDir();
    await run(['build', 'j', '--out', folder], root);
    const query = ['search', 'Proxy Termine escape', '--json', '--kb', folder];
    const prebuilt = await run(query, root);
    rmSync(join(folder, 'search-index.json'));
    const rebuilt = await run(query, root);
    expect(prebuilt.code).toBe(0);
    expect(rebuilt.stdout).toBe(prebuilt.stdout);
  });

  it('is ignored when kb.json changed after the build, or when damaged', async () => {
    const folder = makeTempDir();
    await run(['build', 'j', '--out', folder], root);
    const kbFile = join(folder, 'kb.json');
    writeFileSync(kbFile, readFileSync(kbFile, 'utf8').replace('Kalender aufräumen', 'Zebrastreifen'));
    expect(await run(['search', 'Zebrastreifen', '--kb', folder], root)).toMatchObject({ code: 0 });
    writeFileSync(join(folder, 'search-index.json'), '{"schemaVersion":1,');
    expect(await run(['search', 'Zebrastreifen', '--kb', folder], root)).toMatchObject({ code: 0 });
  });

  it('is ignored when its postings were edited, even with the right kb.json hash', async () => {
    const folder = makeTempDir();
    await run(['build', 'j', '--out', folder], root);
    const expected = await run(['search', 'Proxy', '--json', '--kb', folder], root);
    const indexFile = join(folder, 'search-index.json');
    const file = JSON.parse(readFileSync(indexFile, 'utf8')) as { index: { terms: string[] } };
    // Sorted, the terms no longer stand beside their own postings.
    file.index.terms.sort();
    writeFileSync(indexFile, JSON.stringify(file));
    const result = await run(['search', 'Proxy', '--json', '--kb', folder], root);
    expect(result.stdout).toBe(expected.stdout);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  it('is ignored when its entries are not those of kb.json, even with the right hash', async () => {
    const folder = makeTempDir();
    await run(['build', 'j', '--out', folder], root);
    const indexFile = join(folder, 'search-index.json');
    const file = JSON.parse(readFileSync(indexFile, 'utf8')) as { index: { ids: string[] } };
    file.index.ids = file.index.ids.map((id) => `${id}-moved`);
    writeFileSync(indexFile, JSON.stringify(file));
    const result = await run(['search', 'Proxy', '--json', '--kb', folder], root);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBeGreaterThan(0);
  });
});
