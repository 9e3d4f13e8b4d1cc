/**
 * Snippets: the part of a hit's text around the words that matched, with
 * their places so a terminal or a page can highlight them.
 */
import { foldText } from '../fold.js';
import { getFieldItems, type SearchHit } from '../search-index.js';

/** Fields in the order a snippet prefers them when they match as well. */
const SNIPPET_FIELDS = [
  'errors',
  'problem',
  'solution',
  'cause',
  'learned',
  'attempts',
  'result',
  'summary',
  'title',
  'tags',
  'owner',
  'path',
  'type',
  'status',
];

/** Characters of context before the first matching word. */
const LEAD = 40;

/** The text of a hit that shows why it matched. */
export interface Snippet {
  /** The field the text comes from, such as `errors` or `solution`. */
  field: string;
  /** The text, on one line, cut with `…` where it was shortened. */
  text: string;
  /** Line in the source file, when the field's piece has one. */
  line?: number;
  /** Start and end offsets in `text` of the words that matched. */
  ranges: Array<[number, number]>;
}

/** The field that matched the most query words, ties by preference. */
function pickField(match: SearchHit['match']): string | undefined {
  const counts = new Map<string, number>();
  for (const fields of Object.values(match)) {
    for (const field of fields) counts.set(field, (counts.get(field) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const field of SNIPPET_FIELDS) {
    const count = counts.get(field) ?? 0;
    if (count > 0 && (best === undefined || count > (counts.get(best) ?? 0))) best = field;
  }
  return best;
}

/** Offsets of the words of `text` whose folded form is one of `terms`. */
function findWords(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const word of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = word.index ?? 0;
    if (terms.has(foldText(word[0]))) ranges.push([start, start + word[0].length]);
  }
  return ranges;
}

/** A window of `text` of about `width` characters around `ranges[0]`. */
function cut(
  text: string,
  ranges: ReadonlyArray<[number, number]>,
  width: number,
): Pick<Snippet, 'text' | 'ranges'> {
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - LEAD);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (start > first) start = first;
  let end = Math.min(text.length, start + width);
  const space = text.lastIndexOf(' ', end);
  if (end < text.length && space > first) end = space;
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  const kept = ranges
    .filter(([from, to]) => from >= start && to <= end)
    .map(([from, to]): [number, number] => [from + shift, to + shift]);
  return { text: `${head}${text.slice(start, end)}${tail}`, ranges: kept };
}

/**
 * The snippet of a hit: the piece of the best-matching field with the
 * most matching words, cut around the first of them.
 */
export function makeSnippet(hit: SearchHit, width = 160): Snippet | undefined {
  const field = pickField(hit.match);
  if (field === undefined) return undefined;
  const terms = new Set(Object.keys(hit.match));
  let best: { text: string; line?: number; ranges: Array<[number, number]> } | undefined;
  for (const item of getFieldItems(hit.entry, field)) {
    const text = toOneLine(item.text);
    const ranges = findWords(text, terms);
    if (!best || ranges.length > best.ranges.length) best = { ...item, text, ranges };
  }
  if (!best) return undefined;
  const snippet: Snippet = { field, ...cut(best.text, best.ranges, width) };
  if (best.line !== undefined) snippet.line = best.line;
  return snippet;
}

/** Text on one line, without control characters. */
export function toOneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
