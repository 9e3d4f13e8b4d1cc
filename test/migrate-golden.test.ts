/**
 * Golden files: the diff `migrate --status ARCHIVED --owner Unknown` prints
 * for every legacy entry of the corpus. Each golden file was checked by
 * reading the entry's header lines (see test/migrate.test.ts for the values).
 *
 * The golden files quote the corpus entries verbatim, names and titles
 * included: `2026-01-14_TODO_Final-Doc-Cleanup.diff` carries that entry's
 * own heading `# TODO-Liste: …`. It is text of the corpus, not a task of
 * this project, and must stay as written for the diff to match.
 */
import { chmodSync, cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, run } from './helpers/cli.js';

const LEGACY = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'meldestelle', 'legacy');
const GOLDEN = join(import.meta.dirname, 'golden', 'migrate');
const NAMES = readdirSync(LEGACY).filter((name) => name.endsWith('.md')).sort();

describe('migrate golden files', () => {
  it('has a golden file for every legacy entry and no other', () => {
    const golden = readdirSync(GOLDEN).map((name) => name.replace(/\.diff$/, '.md')).sort();
    expect(NAMES).toHaveLength(10);
    expect(golden).toEqual(NAMES);
  });

  it.each(NAMES)('prints the golden diff for %s and reports nothing left out', async (name) => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules: {}\n' });
    cpSync(join(LEGACY, name), join(cwd, 'legacy', name));
    chmodSync(join(cwd, 'legacy', name), 0o644);
    const result = await run(['migrate', `legacy/${name}`, '--status', 'ARCHIVED', '--owner', 'Unknown'], cwd);
    const expected = readFileSync(join(GOLDEN, name.replace(/\.md$/, '.diff')), 'utf8');
    expect(result).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('writes exactly the golden result with --write', async () => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules: {}\n' });
    for (const name of NAMES) {
      cpSync(join(LEGACY, name), join(cwd, 'legacy', name));
      chmodSync(join(cwd, 'legacy', name), 0o644);
    }
    const result = await run(['migrate', 'legacy', '--write', '--status', 'ARCHIVED', '--owner', 'Unknown'], cwd);
    expect(result.code).toBe(0);
    for (const name of NAMES) {
      const added = readFileSync(join(GOLDEN, name.replace(/\.md$/, '.diff')), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('+') && !line.startsWith('+++'))
        .map((line) => line.slice(1))
        .join('\n');
      const original = readFileSync(join(LEGACY, name), 'utf8');
      expect(readFileSync(join(cwd, 'legacy', name), 'utf8')).toBe(`${added}\n${original}`);
    }
  });
});
