import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifyOutcome,
  findFixHeadings,
  getFixHistories,
  mapColumns,
  parseVersion,
  quoteText,
  readFixHistories,
} from '../../src/fix-history.js';
import { createParser } from '../../src/parse.js';
import { VFile } from 'vfile';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const canonical = join(
  corpus,
  'meldestelle',
  '99_Journal',
  '2026-03-06_Session_Log_Pipeline_Fix_v3.md',
);

/** Parse Markdown the way the pipeline does. */
function parse(text: string) {
  return createParser().parse(text);
}

describe('readFixHistories on the canonical entry', () => {
  const text = readFileSync(canonical, 'utf8');
  const tables = readFixHistories(parse(text));

  it('finds only the Fix-Verlauf table, by its heading', () => {
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table?.foundBy).toBe('heading');
    expect(table?.container).toBe('root');
    expect(table?.node.position?.start.line).toBe(67);
    expect(table?.header).toEqual(['Version', 'Symptom', 'Fix', 'Ergebnis']);
    expect(table?.columns).toEqual({ version: 0, symptom: 1, fix: 2, result: 3 });
  });

  it('reads four attempts: failed, failed, failed, pending', () => {
    const rows = tables[0]?.rows ?? [];
    expect(rows.map((row) => row.version)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3, 4]);
    expect(rows.map((row) => row.outcome)).toEqual([
      'failed',
      'failed',
      'failed',
      'pending',
    ]);
    expect(rows.map((row) => row.line)).toEqual([69, 70, 71, 72]);
    expect(rows[0]?.symptom).toBe('502 Bad Gateway (Pangolin)');
    expect(rows[0]?.fix).toBe('/etc/hosts + provenance:false');
    expect(rows[3]?.result).toBe('⏳ erwartet grün');
    expect(rows[2]?.cells).toHaveLength(4);
    expect(rows.every((row) => row.aligned)).toBe(true);
  });

  it('finds the Fix v4 heading but not the title', () => {
    const headings = findFixHeadings(parse(text));
    expect(headings.map((h) => [h.version, h.node.position?.start.line])).toEqual([
      [4, 76],
    ]);
  });
});

describe('readFixHistories', () => {
  it('finds a table by its columns without a heading', () => {
    const tree = parse('# T\n\n| Versuch | Maßnahme | Outcome |\n|-|-|-|\n| v1 | x | works |\n');
    const [table] = readFixHistories(tree);
    expect(table?.foundBy).toBe('columns');
    expect(table?.columns).toEqual({ version: 0, fix: 1, result: 2 });
    expect(table?.rows[0]?.outcome).toBe('succeeded');
  });

  it('leaves other tables alone', () => {
    const tree = parse('## Hosts\n\n| Host | IP | Protokoll |\n|-|-|-|\n| a | b | c |\n\n| Version | Datum |\n|-|-|\n| v1 | heute |\n');
    expect(readFixHistories(tree)).toEqual([]);
  });

  it('finds tables in list items and block quotes', () => {
    const text = [
      '## Versuche',
      '',
      '- Liste:',
      '',
      '  | # | Fix | Ergebnis |',
      '  |---|---|---|',
      '  | 1 | a | ✅ |',
      '',
      '> | Version | Fehler | Fix | Result |',
      '> |---|---|---|---|',
      '> | v1 | x | y | ❌ |',
      '',
    ].join('\n');
    const tables = readFixHistories(parse(text));
    expect(tables.map((t) => [t.container, t.foundBy])).toEqual([
      ['list', 'heading'],
      ['blockquote', 'heading'],
    ]);
    expect(tables[0]?.plainNumbers).toBe(true);
    expect(tables[0]?.rows[0]?.number).toBe(1);
    expect(tables[0]?.rows[0]?.line).toBe(7);
    expect(tables[1]?.rows[0]?.line).toBe(11);
    expect(tables[1]?.rows[0]?.outcome).toBe('failed');
  });

  it('finds a table right after a paragraph labelled as attempts', () => {
    const text = [
      '## Durchgeführte Arbeiten',
      '',
      '* **Versuche:**',
      '',
      '  | Schritt | Wirkung |',
      '  |---|---|',
      '  | Transaktion entfernt | kein Effekt |',
      '',
      '| Schritt | Wirkung |',
      '|---|---|',
      '| not after the label | - |',
      '',
    ].join('\n');
    const tables = readFixHistories(parse(text));
    expect(tables.map((t) => [t.node.position?.start.line, t.foundBy])).toEqual([
      [5, 'heading'],
    ]);
    expect(tables[0]?.columns).toEqual({});
    expect(tables[0]?.rows[0]?.cells).toHaveLength(2);
  });

  it('leaves a release changelog alone', () => {
    const text = '| Version | Änderung | Status |\n|-|-|-|\n| 1.2.0 | API | released |\n';
    expect(readFixHistories(parse(text))).toEqual([]);
  });

  it('takes heading synonyms from the configured sections', () => {
    const text = '## Tries\n\n| A | B |\n|-|-|\n| 1 | 2 |\n';
    const sections = {
      problem: [],
      cause: [],
      solution: [],
      result: [],
      lessons: [],
      attempts: ['Tries'],
    };
    expect(readFixHistories(parse(text))).toEqual([]);
    expect(readFixHistories(parse(text), { sections })).toHaveLength(1);
  });

  it('caches the tables on the file', () => {
    const tree = parse('## Fix history\n\n| Version | Result |\n|-|-|\n| v1 | ok |\n');
    const file = new VFile();
    const first = getFixHistories(tree, file);
    expect(first).toHaveLength(1);
    expect(getFixHistories(tree, file)).toBe(first);
  });
});

describe('mapColumns and parseVersion', () => {
  it('maps headers by synonym, numbering and decoration stripped', () => {
    expect(mapColumns(['#', 'Problem', 'Lösung', 'Status'])).toEqual({
      version: 0,
      symptom: 1,
      fix: 2,
      result: 3,
    });
    expect(mapColumns(['Nr.', '🔧 Fix', 'Ergebnis (CI)'])).toEqual({
      version: 0,
      fix: 1,
      result: 2,
    });
    expect(mapColumns(['Host', 'IP'])).toEqual({});
  });

  it('reads v-numbers, and plain numbers only when allowed', () => {
    expect(parseVersion('v1')).toBe(1);
    expect(parseVersion('V12')).toBe(12);
    expect(parseVersion('v 3')).toBe(3);
    expect(parseVersion('3')).toBeUndefined();
    expect(parseVersion('3', true)).toBe(3);
    expect(parseVersion('v3a')).toBeUndefined();
    expect(parseVersion('')).toBeUndefined();
  });
});

describe('classifyOutcome', () => {
  it.each([
    ['❌ Port 443 refused', 'failed'],
    ['❌ socat nicht da', 'failed'],
    ['❌ Permission denied', 'failed'],
    ['⏳ erwartet grün', 'pending'],
    ['erwartet grün', 'pending'],
    ['✅ läuft', 'succeeded'],
    ['✔ ok', 'succeeded'],
    ['✗', 'failed'],
    ['failed', 'failed'],
    ['fails on CI', 'failed'],
    ['Fehlgeschlagen', 'failed'],
    ['schlägt fehl', 'failed'],
    ['works', 'succeeded'],
    ['Fixed', 'succeeded'],
    ['success', 'succeeded'],
    ['erfolgreich', 'succeeded'],
    ['funktioniert', 'succeeded'],
    ['funktioniert nicht', 'failed'],
    ["doesn't work", 'failed'],
    ['doesn’t work', 'failed'],
    ['behoben', 'succeeded'],
    ['Behoben wie erwartet', 'succeeded'],
    ['offen', 'pending'],
    ['pending', 'pending'],
    ['fehlerfrei', 'succeeded'],
    ['kein Fehler mehr', 'succeeded'],
    ['nicht erfolgreich', 'failed'],
    ['kein Erfolg', 'failed'],
    ['not successful', 'failed'],
    ['Fehler behoben', 'succeeded'],
    ['error fixed after restart', 'succeeded'],
    ['❌ → ✅ nach Neustart', 'succeeded'],
    ['✅ -> ❌ regression', 'failed'],
    ['Kompilierfehler', 'unknown'],
    ['502 Bad Gateway', 'unknown'],
    ['', 'unknown'],
  ])('reads %j as %s', (text, outcome) => {
    expect(classifyOutcome(text)).toBe(outcome);
  });

  it('lets the first marker win over later words and markers', () => {
    expect(classifyOutcome('✅ fixed, ❌ before')).toBe('succeeded');
    expect(classifyOutcome('works? ❌')).toBe('failed');
  });
});

describe('quoteText', () => {
  it('quotes short text and cuts long text at 40 characters', () => {
    expect(quoteText(' 502 Bad Gateway ')).toBe('`502 Bad Gateway`');
    const long = 'Fix v4: buildkitd Mirror — die Root-freie Lösung';
    expect(quoteText(long)).toBe('`Fix v4: buildkitd Mirror — die Root-fre…`');
  });
});
