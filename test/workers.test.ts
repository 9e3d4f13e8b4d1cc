/**
 * Worker threads: a run forced onto two workers gives byte for byte the
 * output of a run in one thread, in the same order, and is shown to have
 * used the workers. Workers run the compiled code in `dist/`, so this file
 * builds it first when it is stale (`npm test` builds before all tests).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { poolStats, WorkerPool } from '../src/pool.js';
import { chooseThreads, MIN_FILES_PER_WORKER, runStats } from '../src/runner.js';
import { ensureBuilt } from './helpers/build.js';
import { makeTempDir, run } from './helpers/cli.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'meldestelle');

/** A journal of two copies of the corpus plus files that cannot be read. */
function makeJournal(): string {
  const cwd = makeTempDir({
    'docs/99_Journal/2026-04-01_Binary.md': new Uint8Array([0x23, 0x00, 0x01]),
    'docs/99_Journal/2026-04-02_Latin1.md': new Uint8Array([0x23, 0x20, 0xe4, 0x0a]),
    'docs/99_Journal/2026-04-03_Bom.md': '\uFEFF---\ntype: journal\n---\n# Bom\n',
  });
  for (const copy of ['a', 'b']) {
    cpSync(CORPUS, join(cwd, 'docs/99_Journal', copy), { recursive: true });
  }
  writeFileSync(join(cwd, '.journalkbrc.yaml'), 'journal: docs/99_Journal\n');
  return cwd;
}

beforeAll(() => {
  ensureBuilt();
}, 180_000);

describe('worker threads', () => {
  it('give the output of a single-threaded run, byte for byte', async () => {
    const cwd = makeJournal();
    for (const format of ['json', 'stylish']) {
      const single = await run(['lint', '-f', format, '--concurrency', '1'], cwd);
      const started = poolStats.workersStarted;
      const batches = poolStats.batchesRun;
      const threaded = await run(['lint', '-f', format, '--concurrency', '2'], cwd);
      expect(poolStats.workersStarted - started).toBe(2);
      expect(poolStats.batchesRun - batches).toBeGreaterThan(2);
      expect(threaded.stderr).toBe(single.stderr);
      expect(threaded.code).toBe(single.code);
      expect(threaded.stdout).toBe(single.stdout);
    }
  }, 180_000);

  it('build the same knowledge base as a single-threaded build', async () => {
    const cwd = makeJournal();
    const single = await run(['build', '--out', 'one', '--concurrency', '1'], cwd);
    const started = poolStats.workersStarted;
    const threaded = await run(['build', '--out', 'two', '--concurrency', '2'], cwd);
    expect(poolStats.workersStarted - started).toBe(2);
    expect([single.code, threaded.code]).toEqual([0, 0]);
    for (const name of ['kb.json', 'search-index.json', 'index.html']) {
      const one = readFileSync(join(cwd, 'one', name), 'utf8');
      expect(readFileSync(join(cwd, 'two', name), 'utf8'), name).toBe(one);
    }
    // Two corpus copies of 37 entries; the binary and Latin-1 files are left out.
    const kb = JSON.parse(readFileSync(join(cwd, 'two', 'kb.json'), 'utf8')) as { entries: unknown[] };
    expect(kb.entries).toHaveLength(2 * 37 + 1);
  }, 180_000);

  it('cover the whole journal and the unreadable files', async () => {
    const cwd = makeJournal();
    const { stdout } = await run(['lint', '-f', 'json', '--concurrency', '2'], cwd);
    const results = JSON.parse(stdout) as Array<{ filePath: string; fatalErrorCount: number }>;
    // 37 dated entries in each corpus copy, and the three files above.
    expect(results).toHaveLength(2 * 37 + 3);
    const fatal = results.filter((result) => result.fatalErrorCount > 0);
    expect(fatal.map((result) => result.filePath.split('/').pop())).toEqual([
      '2026-04-01_Binary.md',
      '2026-04-02_Latin1.md',
    ]);
  }, 120_000);

  it('share the cache with a single-threaded run', async () => {
    const cwd = makeJournal();
    const cold = await run(['lint', '-f', 'json', '--cache', '--concurrency', '2'], cwd);
    const before = runStats.reused;
    const warm = await run(['lint', '-f', 'json', '--cache', '--concurrency', '1'], cwd);
    // Unreadable files are cached too: the same bytes give the same message.
    expect(runStats.reused - before).toBe(2 * 37 + 3);
    expect(warm.stdout).toBe(cold.stdout);
  }, 120_000);

  it('are chosen by the number of files to lint and the cores', () => {
    expect(chooseThreads(3)).toBe(1);
    expect(chooseThreads(MIN_FILES_PER_WORKER * 2 - 1)).toBe(1);
    const many = MIN_FILES_PER_WORKER * 64;
    expect(chooseThreads(many)).toBe(Math.max(1, availableParallelism()));
    expect(chooseThreads(many, 1)).toBe(1);
    expect(chooseThreads(5, 8)).toBe(5);
  });

  it('fail the run with a message when a worker cannot start', async () => {
    const cwd = makeTempDir({ 'docs/99_Journal/2026-03-06_One.md': '# One\n' });
    const pool = new WorkerPool(1, { cwd, configHash: 'not-the-hash' });
    const entry = { path: 'docs/99_Journal/2026-03-06_One.md', absolute: join(cwd, 'docs/99_Journal/2026-03-06_One.md') };
    await expect(pool.run([{ entry }])).rejects.toThrow(
      /^A lint worker failed: Unexpected configuration hash `[0-9a-f]+` in a worker, expected `not-the-hash`/,
    );
    await pool.close();
  }, 60_000);
});
