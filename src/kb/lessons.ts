/**
 * Lessons: the items of a `Gelernt`, `Lessons learned` or `Erkenntnisse`
 * section, and of a list item labelled `**Erkenntnis:**`.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { SectionMatcher } from '../sections.js';
import { getItemLabel, textAfterLabel } from './labels.js';
import type { OutlineSection } from './outline.js';
import { endOf, lineOf, sliceSource, sourceOfNodes, startOf, tidy } from './source.js';
import type { TextRef } from './types.js';

/**
 * One lesson per item of a list; an item that is only a label over a
 * nested list (`* **Positiv:**` then items) gives the nested items.
 */
function fromList(file: VFile, list: List): TextRef[] {
  return list.children.flatMap((item) => {
    const nested = item.children.filter((node): node is List => node.type === 'list');
    const label = getItemLabel(item);
    const first = nested[0];
    if (label && first && textAfterLabel(file, item, label, startOf(first)) === '') {
      return nested.flatMap((inner) => fromList(file, inner));
    }
    const text = tidy(sliceSource(file, startOfContent(item), endOf(item)));
    return [{ text, line: lineOf(item) }];
  });
}

/** Where an item's content starts, after its bullet. */
function startOfContent(item: ListItem): number {
  const first = item.children[0];
  return first ? startOf(first) : startOf(item);
}

/** Lessons of a section body: its list items, else its paragraphs. */
function fromBody(file: VFile, body: readonly RootContent[]): TextRef[] {
  const lists = body.filter((node): node is List => node.type === 'list');
  if (lists.length > 0) return lists.flatMap((list) => fromList(file, list));
  return body
    .filter((node) => node.type === 'paragraph')
    .map((node) => ({ text: sourceOfNodes(file, [node]), line: lineOf(node) }));
}

/** Lessons of a labelled item: its nested items, else its own text. */
function fromItem(file: VFile, item: ListItem): TextRef[] {
  const label = getItemLabel(item);
  if (!label) return [];
  const nested = item.children.filter((node): node is List => node.type === 'list');
  if (nested.length > 0) return nested.flatMap((list) => fromList(file, list));
  return [{ text: textAfterLabel(file, item, label), line: lineOf(item) }];
}

/** Read the lessons of an entry, in document order. */
export function readLessons(
  file: VFile,
  tree: Root,
  matcher: SectionMatcher,
  outline: readonly OutlineSection[],
): TextRef[] {
  const found: TextRef[] = [];
  for (const section of outline) {
    if (section.kind === 'lessons') found.push(...fromBody(file, section.body));
  }
  visit(tree, 'listItem', (item) => {
    const label = getItemLabel(item);
    if (label && matcher.match(label.label) === 'lessons') {
      found.push(...fromItem(file, item));
    }
  });
  const unique = new Map(found.map((ref) => [`${ref.line}\n${ref.text}`, ref]));
  return [...unique.values()]
    .filter((ref) => ref.text !== '')
    .sort((a, b) => a.line - b.line);
}
