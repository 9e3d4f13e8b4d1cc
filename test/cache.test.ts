/**
 * `--cache`: unchanged files reuse their results; a changed configuration,
 * a renamed file, a changed file or another tool version re-lint; a
 * corrupt or foreign cache file is ignored with a warning.
 */
import {
  rmSync,
  readFileSync,
  readdirSync,
  renameSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runStats } from '../src/runner.js';
import { GOOD_ENTRY, makeTempDir, run } from './helpers/cli.js';

const BARE = '# No front matter\n';
const CACHE = '.journal-kb-cache';

/** A journal with two good entries and one without front matter. */
function makeJournal(): string {
  return makeTempDir({
    'docs/99_Journal/2026-03-06_One.md': GOOD_ENTRY,
    'docs/99_Journal/2026-03-07_Two.md': GOOD_ENTRY,
    'docs/99_Journal/2026-03-08_Bare.md': BARE,
  });
}

/** Run `lint --cache --format json` and return what it did. */
async function lintCached(cwd: string, ...extra: string[]) {
  const before = { ...runStats };
  const result = await run(['lint', '--cache', '--format', 'json', ...extra], cwd);
  const linted = runStats.linted - before.linted;
  const reused = runStats.reused - before.reused;
  return { ...result, linted, reused };
}

/** The rule ids and severities in a JSON report, by relative file name. */
function summarize(stdout: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as Array<{
    filePath: string;
    messages: Array<{ ruleId: string; severity: number }>;
  }>;
  const summary: Record<string, string[]> = {};
  for (const result of results) {
    const name = result.filePath.split('/').pop()!;
    summary[name] = result.messages.map((m) => `${m.ruleId}:${m.severity}`);
  }
  return summary;
}

describe('lint --cache', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = makeJournal();
  });

  it('lints everything once, then reuses every result', async () => {
    const cold = await lintCached(cwd);
    expect([cold.linted, cold.reused]).toEqual([3, 0]);
    const warm = await lintCached(cwd);
    expect([warm.linted, warm.reused]).toEqual([0, 3]);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.code).toBe(1);
    expect(summarize(warm.stdout)['2026-03-08_Bare.md']).toContain('frontmatter-present:2');
  });

  it('re-lints everything when the configuration changes', async () => {
    await lintCached(cwd);
    writeFileSync(join(cwd, '.journalkbrc.yaml'), 'rules:\n  frontmatter-present: warn\n');
    const after = await lintCached(cwd);
    expect([after.linted, after.reused]).toEqual([3, 0]);
    expect(summarize(after.stdout)['2026-03-08_Bare.md']).toContain('frontmatter-present:1');
  });

  it('re-lints a renamed file, even with the same bytes and time', async () => {
    await lintCached(cwd);
    const folder = join(cwd, 'docs/99_Journal');
    renameSync(join(folder, '2026-03-07_Two.md'), join(folder, '2026-03-09_Moved.md'));
    const after = await lintCached(cwd);
    expect([after.linted, after.reused]).toEqual([1, 2]);
    expect(Object.keys(summarize(after.stdout))).toEqual([
      '2026-03-06_One.md',
      '2026-03-08_Bare.md',
      '2026-03-09_Moved.md',
    ]);
  });

  it('re-lints a changed file, and only hashes a touched one', async () => {
    await lintCached(cwd);
    const bare = join(cwd, 'docs/99_Journal/2026-03-08_Bare.md');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(cwd, 'docs/99_Journal/2026-03-06_One.md'), later, later);
    writeFileSync(bare, GOOD_ENTRY);
    const after = await lintCached(cwd);
    expect([after.linted, after.reused]).toEqual([1, 2]);
    expect(summarize(after.stdout)['2026-03-08_Bare.md']).not.toContain('frontmatter-present:2');
  });

  it('re-lints everything for another tool version', async () => {
    await lintCached(cwd);
    const path = join(cwd, CACHE);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    data.toolVersion = '0.0.0-other';
    writeFileSync(path, JSON.stringify(data));
    const after = await lintCached(cwd);
    expect([after.linted, after.reused]).toEqual([3, 0]);
    expect(after.stderr).toBe('');
  });

  it('warns about a corrupt cache file, ignores it and replaces it', async () => {
    const cold = await lintCached(cwd);
    writeFileSync(join(cwd, CACHE), '{"format": "journal-kb-cache", "entr');
    const after = await lintCached(cwd);
    expect(after.stderr).toBe(
      `journal-kb: Ignoring corrupt cache file ${join(cwd, CACHE)}: not valid JSON\n`,
    );
    expect([after.linted, after.reused]).toEqual([3, 0]);
    expect(after.stdout).toBe(cold.stdout);
    expect(JSON.parse(readFileSync(join(cwd, CACHE), 'utf8')).format).toBe('journal-kb-cache');
  });

  it('never trusts a foreign or malformed cache file', async () => {
    const notes = '{"version": 4, "files": {}}';
    writeFileSync(join(cwd, CACHE), notes);
    const foreign = await lintCached(cwd);
    expect(foreign.stderr).toContain('not a journal-kb cache file');
    expect([foreign.linted, foreign.reused]).toEqual([3, 0]);
    // Someone else's file is left as it was, never written over.
    expect(readFileSync(join(cwd, CACHE), 'utf8')).toBe(notes);
    rmSync(join(cwd, CACHE));
    await lintCached(cwd);
    const data = JSON.parse(readFileSync(join(cwd, CACHE), 'utf8'));
    data.entries['docs/99_Journal/2026-03-06_One.md'].messages = 'none';
    writeFileSync(join(cwd, CACHE), JSON.stringify(data));
    const malformed = await lintCached(cwd);
    expect(malformed.stderr).toContain('an entry is malformed');
    expect([malformed.linted, malformed.reused]).toEqual([3, 0]);
  });

  it('writes to --cache-location atomically, keyed by relative path', async () => {
    const { code } = await run(['lint', '--cache-location', 'tmp/lint.cache'], cwd);
    expect(code).toBe(1);
    expect(readdirSync(join(cwd, 'tmp'))).toEqual(['lint.cache']);
    const data = JSON.parse(readFileSync(join(cwd, 'tmp/lint.cache'), 'utf8'));
    expect(Object.keys(data.entries)).toEqual([
      '../docs/99_Journal/2026-03-06_One.md',
      '../docs/99_Journal/2026-03-07_Two.md',
      '../docs/99_Journal/2026-03-08_Bare.md',
    ]);
    expect(readdirSync(cwd)).not.toContain(CACHE);
  });

  it('keeps entries of files a smaller run did not lint', async () => {
    await lintCached(cwd);
    const one = await lintCached(cwd, 'docs/99_Journal/2026-03-06_One.md');
    expect([one.linted, one.reused]).toEqual([0, 1]);
    const all = await lintCached(cwd);
    expect([all.linted, all.reused]).toEqual([0, 3]);
  });
});
