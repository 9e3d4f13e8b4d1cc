/**
 * Section synonyms and `section-required` options from a configuration
 * file reach the rule through the whole command line.
 */
import { describe, expect, it } from 'vitest';
import { makeTempDir, run } from '../helpers/cli.js';

const ENTRY = `---
type: journal
status: ACTIVE
owner: Lead Architect
date: 2026-01-21
---

# Session Log: 21. Jänner 2026

## Zielsetzung

Stabilise the stack.

## Lösung

Pin the versions.
`;

/** Messages of section-required from a JSON report. */
function sectionMessages(stdout: string): Array<[number, number, number, string]> {
  const results = JSON.parse(stdout) as Array<{
    messages: Array<{ ruleId: string; severity: number; line: number; column: number; message: string }>;
  }>;
  return results
    .flatMap((result) => result.messages)
    .filter((message) => message.ruleId === 'section-required')
    .map((m) => [m.severity, m.line, m.column, m.message]);
}

describe('section configuration', () => {
  it('reports the missing problem with the default synonyms', async () => {
    const cwd = makeTempDir({ '2026-01-21_Session_Log.md': ENTRY });
    const result = await run(['lint', '.', '--format', 'json'], cwd);
    expect(sectionMessages(result.stdout)).toEqual([
      [2, 8, 1, 'Unexpected missing problem section, expected a heading such as `Problem` or `Symptom`, or a label `**Problem:**`'],
    ]);
  });

  it('reads `Zielsetzung` as a problem when the configuration says so', async () => {
    const cwd = makeTempDir({
      '2026-01-21_Session_Log.md': ENTRY,
      '.journalkbrc.yaml': 'sections:\n  problem: [Problem, Zielsetzung]\n',
    });
    const result = await run(['lint', '.', '--format', 'json'], cwd);
    expect(sectionMessages(result.stdout)).toEqual([]);
  });

  it('takes required kinds per type and a severity from the configuration', async () => {
    const cwd = makeTempDir({
      '2026-01-21_Session_Log.md': ENTRY,
      '.journalkbrc.yaml': [
        'rules:',
        '  section-required:',
        '    - warn',
        '    - required:',
        '        Journal: [solution, lessons]',
        '',
      ].join('\n'),
    });
    const result = await run(['lint', '.', '--format', 'json'], cwd);
    expect(sectionMessages(result.stdout)).toEqual([
      [1, 8, 1, 'Unexpected missing lessons section, expected a heading such as `Gelernt` or `Lessons learned`, or a label `**Gelernt:**`'],
    ]);
  });

  it('stops with exit 2 on an unknown section kind', async () => {
    const cwd = makeTempDir({
      '2026-01-21_Session_Log.md': ENTRY,
      '.journalkbrc.yaml': 'rules:\n  section-required: [error, { required: { journal: [summary] } }]\n',
    });
    const result = await run(['lint', '.'], cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      '`rules.section-required[1].required.journal.0` is `"summary"`, expected one of `problem`, `cause`, `solution`, `result`, `lessons`, `attempts`',
    );
  });
});
