import type { Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { createParser } from '../../src/parse.js';
import {
  createSectionMatcher,
  findSections,
  getLabel,
  stripDecoration,
} from '../../src/sections.js';

/** The first paragraph of `text`, wherever it stands. */
function paragraph(text: string): Paragraph {
  const tree = createParser().parse(text);
  const stack: unknown[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.shift() as { type: string; children?: unknown[] };
    if (node.type === 'paragraph') return node as Paragraph;
    stack.unshift(...(node.children ?? []));
  }
  throw new Error('no paragraph');
}

describe('createSectionMatcher', () => {
  const matcher = createSectionMatcher();

  it.each([
    ['Problem', 'problem'],
    ['1. 🐛 Symptome', 'problem'],
    ['Ausgangslage', 'problem'],
    ['Lösung: iptables DNAT', 'solution'],
    ['Loesung', 'solution'],
    ['Fix v4: buildkitd Mirror — die Root-freie Lösung', 'solution'],
    ['2. Lösungsansatz: Lifecycle-Management', 'solution'],
    ['Fix-Verlauf dieser Pipeline-Debugging-Session', 'attempts'],
    ['Fix history', 'attempts'],
    ['Root cause', 'cause'],
    ['Gelernt', 'lessons'],
    ['Technische Erkenntnisse', 'lessons'],
    ['Ergebnis & Status', 'result'],
  ])('reads %j as %s', (text, kind) => {
    expect(matcher.match(text)).toBe(kind);
  });

  it.each(['Problematik', 'Fixierung', 'Zielsetzung', 'Durchgeführte Arbeiten', ''])(
    'reads %j as no section',
    (text) => {
      expect(matcher.match(text)).toBeUndefined();
    },
  );

  it('uses the synonyms it is given', () => {
    const custom = createSectionMatcher({
      problem: ['Zielsetzung'],
      cause: [],
      solution: [],
      result: [],
      lessons: [],
      attempts: [],
    });
    expect(custom.match('Zielsetzung')).toBe('problem');
    expect(custom.match('Problem')).toBeUndefined();
  });

  it('strips numbering and leading emoji only', () => {
    expect(stripDecoration('  2.3 ✅ Lösung ✅')).toBe('Lösung ✅');
    expect(stripDecoration('A) Problem')).toBe('Problem');
  });
});

describe('getLabel', () => {
  it('reads bold labels with the colon inside or after the bold', () => {
    expect(getLabel(paragraph('**Lösung:** pin it'))).toBe('Lösung');
    expect(getLabel(paragraph('*   **Lösung (Workaround):** bypass'))).toBe(
      'Lösung (Workaround)',
    );
    expect(getLabel(paragraph('**Ursache**: the proxy'))).toBe('Ursache');
  });

  it('ignores bold text that is no label', () => {
    expect(getLabel(paragraph('**Wichtig** ist das'))).toBeUndefined();
    expect(getLabel(paragraph('Die **Lösung:** steht unten'))).toBeUndefined();
  });
});

describe('findSections', () => {
  it('finds headings below the title and labelled paragraphs, in order', () => {
    const text = [
      '# Problem as a title is no section',
      '',
      '## Ausgangslage',
      '',
      '- **Ursache:** a typo',
      '- **Datum:** 06.03.2026',
      '',
      '> **Lösung:** fix the typo',
      '',
    ].join('\n');
    const marks = findSections(createParser().parse(text));
    expect(
      marks.map((m) => [m.kind, m.via, m.text, m.node.position?.start.line]),
    ).toEqual([
      ['problem', 'heading', 'Ausgangslage', 3],
      ['cause', 'label', 'Ursache', 5],
      ['solution', 'label', 'Lösung', 8],
    ]);
  });
});
