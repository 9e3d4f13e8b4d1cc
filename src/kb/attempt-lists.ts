/**
 * Attempts written as a list instead of a fix-history table: the nested
 * items of a list item labelled `* **Versuche:**` (`Lösungsversuche`,
 * `Attempts`, `Tried`, `Fix attempts`), and the items of a list in a
 * section whose heading names the attempts (`## Versuche`). Each item is
 * one attempt, `fix -> result`.
 */
import type { List, ListItem, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { classifyOutcome } from '../fix-history.js';
import {
  createSectionMatcher,
  DEFAULT_SECTIONS,
  type SectionMatcher,
  type SectionSynonyms,
} from '../sections.js';
import { getItemLabel } from './labels.js';
import type { OutlineSection } from './outline.js';
import { endOf, lineOf, sliceSource, startOf, tidy } from './source.js';
import type { Attempt } from './types.js';

/**
 * Labels of an attempts list besides the configured `attempts` synonyms.
 * `Fix attempts` outranks the solution synonym `Fix`, as the longest
 * synonym wins; the other kinds stay empty so nothing else matches.
 */
const LIST_LABELS: SectionSynonyms = {
  problem: [],
  cause: [],
  solution: [],
  result: [],
  lessons: [],
  attempts: [
    ...DEFAULT_SECTIONS.attempts,
    'Lösungsversuche',
    'Tried',
    'Fix attempts',
  ],
};

/** An arrow between what was tried and what came of it. */
const ARROW = /->|→|=>/u;

/** Inline code spans, whose arrows (`(x) => y`) are code, not results. */
const CODE_SPAN = /(`+)[^`]*?\1/gu;

/**
 * Whether a label (or heading text) names an attempts list, by the run's
 * section synonyms or the list labels above.
 */
export function isAttemptsLabel(label: string, matcher: SectionMatcher): boolean {
  const listMatcher = createSectionMatcher(LIST_LABELS);
  return listMatcher.match(label) === 'attempts' || matcher.match(label) === 'attempts';
}

/** Whether a list item is labelled as an attempts list. */
export function isAttemptsItem(item: ListItem, matcher: SectionMatcher): boolean {
  const label = getItemLabel(item);
  return label !== undefined && isAttemptsLabel(label.label, matcher);
}

/**
 * Split an item's text at its first arrow outside inline code: the fix
 * before it, the result after it (`''` when there is no arrow).
 */
export function splitAtArrow(text: string): { fix: string; result: string } {
  const masked = text.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
  const match = ARROW.exec(masked);
  if (!match) return { fix: text, result: '' };
  const end = match.index + match[0].length;
  return { fix: text.slice(0, match.index).trim(), result: text.slice(end).trim() };
}

/** The attempt one list item tells; its text is its source, tidied. */
function toAttempt(file: VFile, item: ListItem): Attempt {
  const first = item.children[0];
  const start = first ? startOf(first) : startOf(item);
  const text = tidy(sliceSource(file, start, endOf(item)));
  const { fix, result } = splitAtArrow(text);
  const outcome = classifyOutcome(result === '' ? text : result);
  return { version: '', symptom: '', fix, result, line: lineOf(item), outcome };
}

/** The nested lists of a list item. */
function nestedLists(item: ListItem): List[] {
  return item.children.filter((child): child is List => child.type === 'list');
}

/**
 * The lists that hold attempts: the nested lists of attempts-labelled
 * items anywhere, and the top-level lists of attempts sections.
 */
function findAttemptLists(
  tree: Root,
  matcher: SectionMatcher,
  outline: readonly OutlineSection[],
): List[] {
  const lists: List[] = [];
  for (const section of outline) {
    if (section.kind !== 'attempts') continue;
    lists.push(...section.body.filter((node): node is List => node.type === 'list'));
  }
  visit(tree, 'listItem', (item) => {
    if (isAttemptsItem(item, matcher)) lists.push(...nestedLists(item));
  });
  return lists;
}

/**
 * Read the attempts an entry writes as lists, in document order. An item
 * that is itself an attempts label only holds attempts, so it is none.
 */
export function readListAttempts(
  file: VFile,
  tree: Root,
  matcher: SectionMatcher,
  outline: readonly OutlineSection[],
): Attempt[] {
  const items = new Set<ListItem>();
  for (const list of findAttemptLists(tree, matcher, outline)) {
    for (const item of list.children) {
      if (!isAttemptsItem(item, matcher)) items.add(item);
    }
  }
  return [...items]
    .sort((a, b) => startOf(a) - startOf(b))
    .map((item) => toAttempt(file, item));
}
