/**
 * Done-when of the knowledge base: after a build of the corpus, a pasted
 * apt error finds the canonical entry first, in the terminal and as JSON.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, run } from './helpers/cli.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'meldestelle');
const CANONICAL = '99_Journal/2026-03-06_Session_Log_Pipeline_Fix_v3.md';

let out: string;

beforeAll(async () => {
  out = makeTempDir();
  const result = await run(['build', '.', '--out', out], CORPUS);
  expect(result.code).toBe(0);
});

describe('search over the corpus', () => {
  it('ranks the canonical entry first for its error line', async () => {
    const result = await run(['search', 'Unable to locate package socat', '--kb', out], CORPUS);
    expect(result.code).toBe(0);
    const [first] = result.stdout.split('\n\n');
    expect(first).toContain('1. Session Log — Pipeline Fix v3');
    expect(first).toContain(`${CANONICAL}:22`);
    expect(first).toContain('errors: E: Unable to locate package socat');
  });

  it('prints JSON hits best first with the snippet and its line', async () => {
    const result = await run(['search', 'E: Unable to locate package socat', '--kb', out, '--json'], CORPUS);
    expect(result.code).toBe(0);
    const hits = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(hits[0]).toMatchObject({
      path: CANONICAL,
      title: 'Session Log — Pipeline Fix v3: socat nicht verfügbar → iptables DNAT',
      id: CANONICAL.replace(/\.md$/, ''),
      date: '2026-03-06',
      status: 'active',
      field: 'errors',
      line: 22,
      snippet: 'E: Unable to locate package socat',
    });
    const scores = hits.map((hit) => hit.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[1] ?? 0);
  });

  it('finds a word with two letters swapped (`soact`) as a typo', async () => {
    const result = await run(['search', 'soact', '--kb', out, '--json', '--limit', '1'], CORPUS);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ path: string }>)[0]?.path).toBe(CANONICAL);
  });

  it('finds the pending fix by a German word written without umlaut', async () => {
    const result = await run(['search', 'Loesung buildkitd', '--kb', out, '--json', '--limit', '1'], CORPUS);
    const hits = JSON.parse(result.stdout) as Array<{ path: string }>;
    expect(hits.map((hit) => hit.path)).toEqual([CANONICAL]);
  });
});
