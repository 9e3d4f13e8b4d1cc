/**
 * The outline of an entry: its top-level headings, the section kind each
 * names, and the blocks that belong to each section.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import {
  stripDecoration,
  type SectionKind,
  type SectionMatcher,
} from '../sections.js';

/** One top-level heading with its section. */
export interface OutlineSection {
  heading: Heading;
  /** Index of the heading among the root's children. */
  index: number;
  /** The kind the heading names, if any. */
  kind: SectionKind | undefined;
  /** Heading text after a colon (`Lösung: iptables DNAT` → `iptables DNAT`). */
  subtitle: string;
  /** Blocks of the section, up to the next boundary heading. */
  body: RootContent[];
}

/** The heading text after the first colon, or `''`. */
function getSubtitle(text: string): string {
  const plain = stripDecoration(text);
  const colon = plain.indexOf(':');
  return colon === -1 ? '' : plain.slice(colon + 1).trim();
}

/**
 * Where a section ends: at the next heading of the same or a higher level,
 * or at any heading that names a kind of its own.
 */
function findBodyEnd(
  children: readonly RootContent[],
  start: number,
  depth: number,
  kinds: ReadonlyArray<SectionKind | undefined>,
): number {
  for (let index = start + 1; index < children.length; index++) {
    const node = children[index];
    if (node?.type !== 'heading') continue;
    if (node.depth <= depth || kinds[index] !== undefined) return index;
  }
  return children.length;
}

/** Read the outline of a tree with a section matcher. */
export function getOutline(tree: Root, matcher: SectionMatcher): OutlineSection[] {
  const children = tree.children;
  const kinds = children.map((node) =>
    node.type === 'heading' && node.depth > 1
      ? matcher.match(toString(node))
      : undefined,
  );
  const sections: OutlineSection[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const end = findBodyEnd(children, index, node.depth, kinds);
    sections.push({
      heading: node,
      index,
      kind: kinds[index],
      subtitle: getSubtitle(toString(node)),
      body: children.slice(index + 1, end),
    });
  });
  return sections;
}
