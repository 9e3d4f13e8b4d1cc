/**
 * `journal-kb build`: where it writes, that two builds are byte-identical,
 * and its exit codes (0 when written, whatever lint says; 2 when not).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../src/kb/types.js';
import { readData } from '../src/render/embed.js';
import { GOOD_ENTRY, makeTempDir, run } from './helpers/cli.js';

const LEGACY = '# Alt\n\n**Datum:** 05.03.2026\n\n## Problem\n\nKaputt.\n';

/** A journal of two good entries, a legacy one and a binary file. */
function makeJournal(): string {
  return makeTempDir({
    'j/2026-03-06_Good.md': GOOD_ENTRY,
    'j/2026-03-07_Link.md': GOOD_ENTRY.replace('Use `iptables`.', 'See [it](2026-03-06_Good.md).'),
    'j/2026-03-05_Legacy.md': LEGACY,
    'j/2026-03-08_Binary.md': new Uint8Array([0, 1, 2, 0, 255]),
    'j/README.md': '# Not an entry\n',
  });
}

/** The files a build wrote into `folder`. */
function readOutputs(folder: string): [string, string, string] {
  const read = (name: string) => readFileSync(join(folder, name), 'utf8');
  return [read('kb.json'), read('index.html'), read('search-index.json')];
}

/** The data block of a written page, read back. */
function readPageData(page: string): unknown {
  const block = /<script type="application\/octet-stream" id="kb-data">([^<]*)<\/script>/.exec(page);
  if (block === null) throw new Error('no data block');
  return readData(block[1] ?? '');
}

describe('build', () => {
  it('writes kb.json and index.html into kb/ by default and exits 0 despite lint errors', async () => {
    const root = makeJournal();
    const result = await run(['build', 'j'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('journal-kb: left out `j/2026-03-08_Binary.md`');
    expect(result.stderr).toMatch(/wrote `kb\/kb\.json`, `kb\/search-index\.json` and `kb\/index\.html` with 3 entries; lint: \d+ errors/);
    const kb = JSON.parse(readOutputs(join(root, 'kb'))[0]) as KnowledgeBase;
    expect(kb.entries.map((entry) => entry.id)).toEqual([
      'j/2026-03-05_Legacy',
      'j/2026-03-06_Good',
      'j/2026-03-07_Link',
    ]);
    expect(kb.entries[2]?.links).toEqual(['j/2026-03-06_Good']);
    expect(kb.entries[0]?.incomplete).toEqual(['type', 'status', 'owner', 'date']);
    expect(kb.entries[0]?.date).toBe('2026-03-05');
  });

  it('writes one entry a line and byte-identical files on every build', async () => {
    const root = makeJournal();
    await run(['build', 'j', '--out', 'a'], root);
    const first = readOutputs(join(root, 'a'));
    await run(['build', 'j/2026-03-07_Link.md', 'j', '--out', 'a'], root);
    expect(readOutputs(join(root, 'a'))).toEqual(first);
    await run(['build', 'j', '--out', 'b'], root);
    expect(readOutputs(join(root, 'b'))).toEqual(first);
    const lines = first[0].split('\n');
    expect(lines[0]).toBe('{"schemaVersion":1,"entries":[');
    expect(lines).toHaveLength(3 + 3);
    expect(lines[4]).toBe(']}');
    expect(lines[5]).toBe('');
  });

  it('exits 2 and writes nothing when an input matches no entry', async () => {
    const root = makeJournal();
    const result = await run(['build', 'j', 'missing', '--out', 'out'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`missing` matched no entry: no such file or folder');
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('exits 2 with a sentence when the output folder cannot be written', async () => {
    const root = makeJournal();
    writeFileSync(join(root, 'taken'), 'a file, not a folder');
    const result = await run(['build', 'j', '--out', 'taken'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('journal-kb: Cannot write the knowledge base to');
    expect(result.stderr).not.toContain('    at ');
  });

  it('reads sections, required keys and the source URL from the configuration', async () => {
    const root = makeTempDir({
      '.journalkbrc.yaml': [
        'sections:',
        '  problem: [Befund]',
        'sourceUrl: https://forge.example/repo/src/branch/main/{path}#L{line}',
        'rules:',
        '  frontmatter-required-keys: [error, { keys: [type, owner] }]',
        '',
      ].join('\n'),
      'j/2026-03-09_Custom.md': '# Eigen\n\n## Befund\n\nLeer.\n\n## Problem\n\nKein Befund.\n',
    });
    const result = await run(['build', 'j'], root);
    expect(result.code).toBe(0);
    const [text, page] = readOutputs(join(root, 'kb'));
    const entry = (JSON.parse(text) as KnowledgeBase).entries[0];
    expect(entry?.cases.map((item) => [item.problem, item.line])).toEqual([['Leer.', 3]]);
    expect(entry?.incomplete).toEqual(['type', 'owner']);
    const data = readPageData(page) as { sourceUrl: string };
    expect(data.sourceUrl).toBe('https://forge.example/repo/src/branch/main/{path}#L{line}');
  });
});
