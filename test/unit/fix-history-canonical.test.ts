/**
 * The canonical entry must lint clean under the heading, section and
 * fix-history rules with default options, and real entries get exactly the
 * findings read off their text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { lintWithRule } from '../helpers/rule-fixtures.js';

const journal = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'meldestelle',
  '99_Journal',
);

const ids = [
  'heading-title',
  'section-required',
  'fix-history-columns',
  'fix-history-cells',
  'fix-history-versions',
  'fix-history-results',
  'fix-history-headings',
];

/** Lint a corpus file with one rule by id, under its own name. */
async function lint(id: string, relative: string) {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new Error(`rule ${id} is not registered`);
  const path = join(journal, relative);
  const name = relative.split('/').pop() ?? relative;
  const { messages } = await lintWithRule(rule, readFileSync(path, 'utf8'), {}, name);
  return messages.map((m) => `${m.line}:${m.column} ${m.message}`);
}

describe('the canonical entry', () => {
  for (const id of ids) {
    it(`gets no message from ${id}`, async () => {
      expect(await lint(id, '2026-03-06_Session_Log_Pipeline_Fix_v3.md')).toEqual([]);
    });
  }
});

describe('the canonical entry with CRLF line endings', () => {
  it('gets no message from any of these rules', async () => {
    const path = join(journal, '2026-03-06_Session_Log_Pipeline_Fix_v3.md');
    const text = readFileSync(path, 'utf8').replace(/\n/g, '\r\n');
    for (const id of ids) {
      const rule = rules.find((candidate) => candidate.meta.id === id);
      if (!rule) throw new Error(`rule ${id} is not registered`);
      const { messages } = await lintWithRule(rule, text);
      expect(messages, id).toEqual([]);
    }
  });

  it('keeps lines and columns of findings', async () => {
    const rule = rules.find((candidate) => candidate.meta.id === 'fix-history-results');
    if (!rule) throw new Error('fix-history-results is not registered');
    const text = '## Fix-Verlauf\r\n\r\n| Version | Fix | Ergebnis |\r\n|---|---|---|\r\n| v1 | a | 502 |\r\n';
    const { messages } = await lintWithRule(rule, text);
    expect(messages.map((m) => `${m.line}:${m.column}`)).toEqual(['5:12']);
  });
});

describe('real entries', () => {
  it('finds problem and solution labels in list items', async () => {
    // Lines 20 and 21: `*   **Problem:** …` and `*   **Lösung:** …`.
    expect(await lint('section-required', '_archive/2026-01-27_Session_Log.md')).toEqual([]);
  });

  it('reports both sections missing from a goals-and-results log at its title', async () => {
    // Headings: Zielsetzung, Durchgeführte Arbeiten, Ergebnisse, Nächste Schritte.
    expect(await lint('section-required', '_archive/2026-01-21_Session_Log.md')).toEqual([
      '11:1 Unexpected missing problem section, expected a heading such as `Problem` or `Symptom`, or a label `**Problem:**`',
      '11:1 Unexpected missing solution section, expected a heading such as `Lösung` or `Solution`, or a label `**Lösung:**`',
    ]);
  });

  it('reports the missing title of an archived stub at its first line of text', async () => {
    // Front matter on lines 1–6, a blank line, then `(Original content …)`.
    expect(await lint('heading-title', '_archive/2026-01-19_Session_Log.md')).toEqual([
      '8:1 Unexpected missing title, expected one level 1 heading such as `# Session Log`',
    ]);
  });
});
