/**
 * Sections of an entry: which kind a heading or a labelled list item names,
 * from synonyms in German and English. Shared by the section rules and by
 * knowledge-base extraction, so both read a journal the same way.
 */
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

/** Default synonyms, German and English. */
export const DEFAULT_SECTIONS: SectionSynonyms = {
  problem: [
    'Problem',
    'Probleme',
    'Problemstellung',
    'Symptom',
    'Symptome',
    'Symptoms',
    'Ausgangslage',
    'Fehler',
    'Fehlerbild',
    'Issue',
    'Bug',
  ],
  cause: ['Ursache', 'Ursachen', 'Root cause', 'Cause', 'Analyse', 'Analysis', 'Grund'],
  solution: [
    'Lösung',
    'Lösungen',
    'Solution',
    'Fix',
    'Resolution',
    'Behebung',
    'Workaround',
  ],
  result: ['Ergebnis', 'Ergebnisse', 'Result', 'Outcome'],
  lessons: [
    'Gelernt',
    'Lessons learned',
    'Lessons',
    'Learned',
    'Erkenntnisse',
    'Erkenntnis',
    'Takeaways',
  ],
  attempts: ['Fix-Verlauf', 'Fix history', 'Fix-History', 'Attempts', 'Versuche'],
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
function startsWithWord(text: string, word: string): boolean {
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
