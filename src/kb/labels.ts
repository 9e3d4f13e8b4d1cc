/**
 * Labelled list items such as `* **Problem:** …` or `* **Lösung:** …`: the
 * label names a section kind, the rest of the item is its text.
 */
import type { ListItem, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { getLabel } from '../sections.js';
import { endOf, sliceSource, tidy } from './source.js';

/** The label of a list item and where the text after it starts. */
export interface ItemLabel {
  /** The label without its colon, such as `Problem`. */
  label: string;
  /** Offset in the file where the text after the label starts. */
  textStart: number;
}

/** The first paragraph of an item, when the item starts with one. */
export function firstParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : undefined;
}

/** Words a label may have besides parentheses: `Problem 1 (Login 401)`. */
const MAX_LABEL_WORDS = 3;

/**
 * Whether a label is short enough to name a part: `Lösung (Workaround)`
 * is one, `Behebung der Nummerierungs-Inkonsistenz im docs-Verzeichnis`
 * is a sentence that merely starts with a synonym.
 */
function isShortLabel(label: string): boolean {
  const words = label.replace(/\([^)]*\)/g, ' ').trim().split(/\s+/);
  return words.length <= MAX_LABEL_WORDS;
}

/** Offset where the text after the label starts. */
function labelEnd(paragraph: Paragraph): number {
  const [strong, next] = paragraph.children;
  if (strong && toString(strong).trim().endsWith(':')) return endOf(strong);
  return (next?.position?.start.offset ?? endOf(paragraph)) + 1;
}

/**
 * Read the label of an item that starts with bold text ending in a colon
 * (`**Problem:**` or `**Problem**:`), as `getLabel` of `sections.ts` reads
 * it; `undefined` for other items and for labels longer than a few words.
 */
export function getItemLabel(item: ListItem): ItemLabel | undefined {
  const paragraph = firstParagraph(item);
  const label = paragraph ? getLabel(paragraph) : undefined;
  if (!paragraph || label === undefined || !isShortLabel(label)) return undefined;
  return { label, textStart: labelEnd(paragraph) };
}

/**
 * The source of an item after its label, tidied; up to `end` when given
 * (the start of nested parts that are read on their own).
 */
export function textAfterLabel(
  file: VFile,
  item: ListItem,
  label: ItemLabel,
  end = endOf(item),
): string {
  return tidy(sliceSource(file, label.textStart, end));
}
