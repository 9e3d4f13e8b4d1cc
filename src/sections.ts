/**
 * Sections of an entry: which kind a heading or a labelled list item names,
 * from synonyms in German and English. Shared by the section rules and by
 * knowledge-base extraction, so both read a journal the same way.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { foldText } from './fold.js';

/** The kinds of section an entry can have. */
export type SectionKind =
  | 'problem'
  | 'cause'
  | 'solution'
  | 'result'
  | 'lessons'
  | 'attempts';

/** Synonyms for each kind of section. */
export type SectionSynonyms = Record<SectionKind, string[]>;

/**
 * Default synonyms, German and English. The first two of each kind name the
 * kind in messages, so they are the most common German and English words.
 */
export const DEFAULT_SECTIONS: SectionSynonyms = {
  problem: [
    'Problem',
    'Symptom',
    'Probleme',
    'Problemstellung',
    'Problembeschreibung',
    'Symptome',
    'Symptoms',
    'Ausgangslage',
    'Fehler',
    'Fehlerbild',
    'Fehlerbeschreibung',
    'Issue',
    'Bug',
  ],
  cause: [
    'Ursache',
    'Root cause',
    'Ursachen',
    'Cause',
    'Analyse',
    'Analysis',
    'Grund',
  ],
  solution: [
    'Lösung',
    'Solution',
    'Lösungen',
    'Lösungsansatz',
    'Lösungsweg',
    'Fix',
    'Resolution',
    'Behebung',
    'Fehlerbehebung',
    'Workaround',
  ],
  result: ['Ergebnis', 'Result', 'Ergebnisse', 'Outcome'],
  lessons: [
    'Gelernt',
    'Lessons learned',
    'Lessons',
    'Learned',
    'Learnings',
    'Erkenntnisse',
    'Erkenntnis',
    'Technische Erkenntnisse',
    'Takeaways',
  ],
  attempts: [
    'Fix-Verlauf',
    'Fix history',
    'Fix-History',
    'Attempts',
    'Versuche',
  ],
};

/** Leading numbering such as `1.`, `2.3`, `4)`, `A.` before a title. */
const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]?|[A-Za-z][.)])\s+/u;
/** Characters that are not letters, digits or spaces at the start. */
const LEADING_SYMBOLS = /^[^\p{L}\p{N}]+/u;

/** Strip emoji, symbols and numbering from the start of a heading. */
export function stripDecoration(text: string): string {
  let rest = text.trim();
  for (;;) {
    const next = rest.replace(LEADING_SYMBOLS, '').replace(NUMBERING, '');
    if (next === rest) return rest;
    rest = next;
  }
}

/** A matcher from headings to section kinds. */
export interface SectionMatcher {
  /** The kind a heading or label names, or `undefined`. */
  match(text: string): SectionKind | undefined;
}

/** Whether `text` starts with `word` as a whole word. */
export function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const next = text.charAt(word.length);
  return next === '' || !/[\p{L}\p{N}]/u.test(next);
}

/**
 * Build a matcher from synonyms. A heading matches a kind when, after
 * numbering and emoji are stripped, it starts with one of its synonyms as a
 * whole word; the longest synonym wins (`Fix-Verlauf` over `Fix`).
 */
export function createSectionMatcher(
  synonyms: SectionSynonyms = DEFAULT_SECTIONS,
): SectionMatcher {
  // Rules ask once per file with the run's one synonyms object: build the
  // folded, sorted list once for it.
  let matcher = matchers.get(synonyms);
  if (!matcher) {
    matcher = buildSectionMatcher(synonyms);
    matchers.set(synonyms, matcher);
  }
  return matcher;
}

/** Matchers already built, by the synonyms object they were built from. */
const matchers = new WeakMap<SectionSynonyms, SectionMatcher>();

/** Build a matcher: fold every synonym and try the longest first. */
function buildSectionMatcher(synonyms: SectionSynonyms): SectionMatcher {
  const pairs: Array<[string, SectionKind]> = [];
  for (const [kind, words] of Object.entries(synonyms)) {
    for (const word of words) pairs.push([foldText(word), kind as SectionKind]);
  }
  pairs.sort((a, b) => b[0].length - a[0].length);
  return {
    match(text) {
      const folded = foldText(stripDecoration(text));
      for (const [word, kind] of pairs) {
        if (startsWithWord(folded, word)) return kind;
      }
      return undefined;
    },
  };
}

/**
 * The label of a paragraph that opens with bold text ending in a colon,
 * such as `**Lösung:** …` or `**Problem**: …`, without the colon.
 */
export function getLabel(paragraph: Paragraph): string | undefined {
  const [first, second] = paragraph.children;
  if (first?.type !== 'strong') return undefined;
  const text = toString(first).trim();
  if (text.endsWith(':')) return text.slice(0, -1).trim();
  if (second?.type === 'text' && second.value.startsWith(':')) return text;
  return undefined;
}

/** A place in an entry that opens a section of a known kind. */
export interface SectionMark {
  kind: SectionKind;
  /** A heading (level 2 or deeper) or a labelled paragraph. */
  node: Heading | Paragraph;
  /** `heading` or `label` (`**Problem:** …`, in a list item or not). */
  via: 'heading' | 'label';
  /** The heading text or the label, as written. */
  text: string;
}

/**
 * Find every heading and labelled paragraph that names a section, in
 * document order. The level 1 heading is the title, not a section.
 */
export function findSections(
  tree: Root,
  matcher: SectionMatcher = createSectionMatcher(),
): SectionMark[] {
  const marks: SectionMark[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading' && node.depth > 1) {
      const text = toString(node);
      const kind = matcher.match(text);
      if (kind) marks.push({ kind, node, via: 'heading', text });
    } else if (node.type === 'paragraph') {
      const text = getLabel(node);
      const kind = text === undefined ? undefined : matcher.match(text);
      if (kind && text !== undefined) {
        marks.push({ kind, node, via: 'label', text });
      }
    }
  });
  return marks;
}
