/**
 * The search index shared by the terminal search and the index page: which
 * fields of an entry are searched, how text is split and folded, and how a
 * query is run (prefix and typo-tolerant matching, field boosts).
 *
 * The page embeds the functions below by their source text, beside
 * `foldText`, so each of them may use only `foldText` and the others listed
 * in `SEARCH_FUNCTIONS` — never an import or a module-level constant.
 */
import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { foldText } from './fold.js';
import { getTermMap } from './search-pack.js';
import type { Entry, KnowledgeBase } from './kb/types.js';

/** Fields of the index; most are assembled from an entry's lists. */
export const SEARCH_FIELDS = [
  'title',
  'summary',
  'problem',
  'cause',
  'solution',
  'result',
  'attempts',
  'errors',
  'learned',
  'tags',
  'owner',
  'type',
  'status',
  'path',
] as const;

/** A field of the index. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * Boosts by field: a pasted error line or a title word weighs most, the
 * problem and its solution next, bookkeeping fields least.
 */
export const SEARCH_BOOSTS: Record<SearchField, number> = {
  title: 3,
  errors: 3,
  problem: 2,
  solution: 1.5,
  tags: 2,
  cause: 1.2,
  learned: 1.2,
  summary: 1.2,
  attempts: 1,
  result: 1,
  owner: 1,
  path: 0.8,
  type: 0.5,
  status: 0.5,
};

/** One piece of a field's text, with its line in the file when known. */
export interface FieldItem {
  text: string;
  line?: number;
}

/**
 * The pieces of text an entry gives a field: one a case, attempt, error
 * or lesson, each with the line it came from.
 */
export function getFieldItems(entry: Entry, field: string): FieldItem[] {
  switch (field) {
    case 'problem':
    case 'cause':
    case 'solution':
    case 'result':
      return entry.cases
        .filter((item) => item[field] !== '')
        .map((item) => ({ text: item[field], line: item.line }));
    case 'attempts':
      return entry.attempts.map((item) => ({
        text: [item.version, item.symptom, item.fix, item.result].join(' · '),
        line: item.line,
      }));
    case 'errors':
    case 'learned':
      return entry[field].map((item) => ({ text: item.text, line: item.line }));
    case 'tags':
      return entry.tags.length > 0 ? [{ text: entry.tags.join(', ') }] : [];
    default: {
      const value = (entry as unknown as Record<string, unknown>)[field];
      return typeof value === 'string' && value !== '' ? [{ text: value }] : [];
    }
  }
}

/** The whole text of one field of an entry, for the index. */
export function extractSearchField(entry: Entry, field: string): string {
  if (field === 'id') return entry.id;
  return getFieldItems(entry, field)
    .map((item) => item.text)
    .join('\n');
}

/**
 * Split text into words: runs of letters and digits, so `E: Unable`,
 * `` `socat` `` and `java.lang.IllegalArgumentException` split cleanly.
 */
export function tokenizeSearchText(text: string): string[] {
  // Combining marks belong to their word: `Lo` + U+0308 + `sung` (as macOS
  // writes `Lösung`) is one word, which folding then makes `losung`.
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter((word) => word !== '');
}

/**
 * Whether a folded word is too common to search by: German and English
 * articles, pronouns, prepositions, conjunctions and auxiliary verbs. They
 * occur in nearly every entry, so they only slowed long pasted queries
 * (45 ms against 19 ms at 10,000 entries) and blurred the ranking.
 * Negations (`nicht`, `kein`, `not`, `no`) stay: in an error line they
 * matter. (A `switch` rather than a module-level set: the page embeds this
 * function's text.)
 */
export function isStopWord(word: string): boolean {
  switch (word) {
    case 'der': case 'die': case 'das': case 'den': case 'dem': case 'des':
    case 'ein': case 'eine': case 'einer': case 'eines': case 'einem': case 'einen':
    case 'und': case 'oder': case 'aber': case 'sowie': case 'bzw':
    case 'ist': case 'sind': case 'war': case 'waren': case 'wird': case 'werden':
    case 'wurde': case 'wurden': case 'hat': case 'haben': case 'hatte': case 'hatten':
    case 'mit': case 'von': case 'fur': case 'auf': case 'aus': case 'bei': case 'nach':
    case 'zu': case 'zum': case 'zur': case 'im': case 'in': case 'an': case 'am':
    case 'als': case 'auch': case 'es': case 'sich': case 'so': case 'wie': case 'wenn':
    case 'dass': case 'da': case 'noch': case 'nur': case 'dann': case 'bis':
    case 'uber': case 'unter': case 'vor': case 'durch': case 'um': case 'ob':
    case 'sie': case 'er': case 'wir': case 'ich':
    case 'the': case 'and': case 'or': case 'of': case 'to': case 'on': case 'at':
    case 'for': case 'with': case 'is': case 'are': case 'was': case 'were': case 'be':
    case 'been': case 'it': case 'its': case 'this': case 'that': case 'by': case 'as':
    case 'from':
      return true;
    default:
      return false;
  }
}

/**
 * Split a query into words, each once, at most 32 of them, leaving out
 * stop words: a pasted log of thousands of words would otherwise cost
 * seconds and gigabytes, while its first distinct words already find the
 * entry. (The page embeds this function's text, so the limit is written
 * here, not in a constant.)
 */
export function tokenizeQuery(text: string): string[] {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const word of tokenizeSearchText(text)) {
    const key = word.toLowerCase();
    if (seen.has(key) || isStopWord(foldText(word))) continue;
    seen.add(key);
    words.push(word);
    if (words.length === 32) break;
  }
  return words;
}

/** Fold a word for the index and for queries; single characters and stop words are dropped. */
export function processSearchTerm(term: string): string | null {
  const folded = foldText(term);
  return folded.length > 1 && !isStopWord(folded) ? folded : null;
}

/**
 * Whether a query word also finds longer words it starts: the last word of
 * the query (the one being typed), from 3 letters. Prefixes of every word
 * cost twice the time on long pasted lines and found nothing more.
 */
export function isPrefixTerm(term: string, index: number, terms: string[]): boolean {
  return index === terms.length - 1 && term.length >= 3;
}

/**
 * How many typos a query word tolerates: one from 5 letters, two from 8 (a
 * swap of two letters, `iptabels`, is two edits), none past 40 (a hash or
 * a base64 run in a pasted line, where typo matching costs memory growing
 * with the square of the length: 100,000 letters asked for 10 GB).
 */
export function getFuzziness(term: string): number {
  if (term.length > 40) return 0;
  if (term.length >= 8) return 2;
  return term.length >= 5 ? 1 : 0;
}

/**
 * Whether `term` (folded) is a word of the index. MiniSearch 7 has no
 * public call for it; its term map (`getTermMap`) answers. Without one,
 * every word counts as unknown.
 */
export function isIndexedTerm(index: MiniSearch<Entry>, term: string): boolean {
  return getTermMap(index)?.has(term) ?? false;
}

/**
 * The query to run for `text` on `index`: the text itself, and for each
 * word of 5 to 7 letters that is no word of the index its spellings with
 * two neighbouring letters swapped, matched exactly and weighed like a
 * typo. A swap is two edits, which the typo tolerance allows only from 8
 * letters (`getFuzziness`); `soact` finds `socat` and `Gradel` `Gradle`
 * this way, and a query spelled right costs nothing more.
 */
export function buildQuery(index: MiniSearch<Entry>, text: string): Query {
  const swapped: string[] = [];
  for (const word of tokenizeQuery(text)) {
    const folded = foldText(word);
    if (folded.length < 5 || folded.length > 7 || isIndexedTerm(index, folded)) continue;
    for (let at = 0; at + 1 < folded.length; at += 1) {
      if (folded[at] === folded[at + 1]) continue;
      swapped.push(`${folded.slice(0, at)}${folded[at + 1]}${folded[at]}${folded.slice(at + 2)}`);
    }
  }
  if (swapped.length === 0) return text;
  const typos = { queries: [swapped.join(' ')], fuzzy: false, prefix: false, boostTerm: () => 0.45 };
  return { combineWith: 'OR', queries: [text, typos] };
}

/** The functions the page embeds by source text, beside `foldText`. */
export const SEARCH_FUNCTIONS = [
  isStopWord,
  getFieldItems,
  extractSearchField,
  tokenizeSearchText,
  tokenizeQuery,
  processSearchTerm,
  isPrefixTerm,
  getFuzziness,
  isIndexedTerm,
  buildQuery,
] as const;

/** Query settings: boosts, prefix and typo-tolerant matching, any word. */
export function createSearchOptions(): SearchOptions {
  return {
    boost: { ...SEARCH_BOOSTS },
    tokenize: tokenizeQuery,
    prefix: isPrefixTerm,
    fuzzy: getFuzziness,
    combineWith: 'OR',
  };
}

/** Index options; documents are entries, looked up by `id`. */
export function createIndexOptions(): Options<Entry> {
  return {
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    extractField: extractSearchField,
    tokenize: tokenizeSearchText,
    processTerm: processSearchTerm,
    searchOptions: createSearchOptions(),
  };
}

/** Indexes already built, so `build` indexes once for page and terminal. */
const builtIndexes = new WeakMap<KnowledgeBase, MiniSearch<Entry>>();

/**
 * Build the search index of a knowledge base, once per knowledge-base
 * object; callers treat it as read-only.
 */
export function buildSearchIndex(kb: KnowledgeBase): MiniSearch<Entry> {
  const cached = builtIndexes.get(kb);
  if (cached) return cached;
  const index = new MiniSearch<Entry>(createIndexOptions());
  index.addAll(kb.entries);
  builtIndexes.set(kb, index);
  return index;
}

/** A query's hit: the entry, its score, and which fields matched. */
export interface SearchHit {
  entry: Entry;
  score: number;
  /** Folded words of the entry that matched, by the fields they are in. */
  match: SearchResult['match'];
}

/**
 * Run a query; hits come best first, equal scores by path, so the order
 * is the same on every run.
 */
export function runQuery(
  index: MiniSearch<Entry>,
  byId: ReadonlyMap<string, Entry>,
  query: string,
  limit = Infinity,
): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const result of index.search(buildQuery(index, query))) {
    const entry = byId.get(String(result.id));
    if (entry) hits.push({ entry, score: result.score, match: result.match });
  }
  hits.sort((a, b) => b.score - a.score || compareText(a.entry.path, b.entry.path));
  return hits.slice(0, limit);
}

/** Compare by code unit, the same on every machine. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
