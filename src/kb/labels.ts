/**
 * Labelled list items such as `* **Problem:** …` or `* **Lösung:** …`: the
 * label names a section kind, the rest of the item is its text.
 */
import type { ListItem, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
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

/** Offset just past a colon that follows the label outside the bold. */
function pastColon(next: PhrasingContent | undefined): number | undefined {
  if (next?.type !== 'text' || !next.value.startsWith(':')) return undefined;
  return (next.position?.start.offset ?? 0) + 1;
}

/**
 * Read the label of an item that starts with bold text ending in a colon
 * (`**Problem:**` or `**Problem**:`); `undefined` for other items.
 */
export function getItemLabel(item: ListItem): ItemLabel | undefined {
  const paragraph = firstParagraph(item);
  const strong = paragraph?.children[0];
  if (!paragraph || strong?.type !== 'strong') return undefined;
  const text = toString(strong).trim();
  if (text.endsWith(':')) {
    return { label: text.slice(0, -1).trim(), textStart: endOf(strong) };
  }
  const after = pastColon(paragraph.children[1]);
  if (after === undefined) return undefined;
  return { label: text, textStart: after };
}

/** The source of an item after its label, tidied. */
export function textAfterLabel(
  file: VFile,
  item: ListItem,
  label: ItemLabel,
): string {
  return tidy(sliceSource(file, label.textStart, endOf(item)));
}
