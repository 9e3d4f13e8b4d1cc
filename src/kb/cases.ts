/**
 * Cases: the problems an entry holds, each with its cause, solution and
 * result. They come from sections (`## Problem`, `## Lösung: …`) and from
 * labelled list items (`* **Problem:** …`, `* **Lösung:** …`), read in
 * document order.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { SectionKind, SectionMatcher } from '../sections.js';
import { isAttemptsItem, isAttemptsLabel } from './attempt-lists.js';
import { firstParagraph, getItemLabel, textAfterLabel } from './labels.js';
import type { OutlineSection } from './outline.js';
import { endOf, lineOf, sourceOfNodes, startOf } from './source.js';

/** The parts of a case, in the order an entry usually tells them. */
const ORDER = { problem: 0, cause: 1, solution: 2, result: 3 } as const;

/** A kind of section that is part of a case. */
export type CasePart = keyof typeof ORDER;

/** A case before the entry's attempts are known. */
export interface CaseDraft {
  problem: string;
  cause: string;
  solution: string;
  result: string;
  line: number;
}

/** One part of a case found in the document. */
interface Piece {
  kind: CasePart;
  text: string;
  line: number;
  /** Whether the piece is a labelled list item (else a section). */
  fromItem?: boolean;
}

/** Whether a section kind is part of a case. */
function isCasePart(kind: SectionKind | undefined): kind is CasePart {
  return kind !== undefined && kind in ORDER;
}

/** Join two texts of one part, as a case may have several solutions. */
function append(before: string, text: string): string {
  if (before === '') return text;
  if (text === '') return before;
  return `${before}\n\n${text}`;
}

/** Collects pieces into cases, one problem each. */
class CaseCollector {
  readonly cases: CaseDraft[] = [];
  private current: CaseDraft | undefined;
  private last = -1;
  private group: { text: string; line: number } | undefined;
  private fromItems = false;

  /** Add a piece: a problem, or a part out of order, starts a new case. */
  add(piece: Piece): void {
    const order = ORDER[piece.kind];
    const current = this.current;
    if (piece.kind === 'problem' && current && this.canTakeProblem(current)) {
      current.problem = piece.text;
      current.line = piece.line;
    } else if (!current || piece.kind === 'problem' || order < this.last) {
      this.close();
      this.current = this.open(piece.line);
      this.current[piece.kind] = piece.text;
    } else {
      current[piece.kind] = append(current[piece.kind], piece.text);
    }
    this.last = order;
    this.fromItems ||= piece.fromItem === true;
  }

  /**
   * Finish a case told in labelled items when their list ends, so a later
   * section such as a session's `## Ergebnisse` does not join it.
   */
  closeListCase(): void {
    if (this.fromItems) this.close();
  }

  /** Start a group: a list item whose nested items are the case's parts. */
  startGroup(text: string, line: number): void {
    this.close();
    this.group = { text, line };
  }

  /** End the group and its case. */
  endGroup(): void {
    this.close();
    this.group = undefined;
  }

  /** Finish the current case; a case needs a problem or a solution. */
  close(): void {
    const draft = this.current;
    this.current = undefined;
    this.last = -1;
    this.fromItems = false;
    if (!draft) return;
    if (draft.problem === '' && this.group) {
      draft.problem = this.group.text;
      draft.line = this.group.line;
    }
    if (draft.problem !== '' || draft.solution !== '') this.cases.push(draft);
  }

  /** Whether a case so far holds only a cause, so a problem may join it. */
  private canTakeProblem(draft: CaseDraft): boolean {
    return draft.problem === '' && draft.solution === '' && draft.result === '';
  }

  /** A new empty case at a line. */
  private open(line: number): CaseDraft {
    return { problem: '', cause: '', solution: '', result: '', line };
  }
}

/** Drop thematic breaks at the end of a section's body. */
function trimBreaks(body: readonly RootContent[]): RootContent[] {
  const nodes = [...body];
  while (nodes[nodes.length - 1]?.type === 'thematicBreak') nodes.pop();
  return nodes;
}

/** The text of a section: its subtitle, then its body's source. */
function sectionText(file: VFile, section: OutlineSection): string {
  return append(section.subtitle, sourceOfNodes(file, trimBreaks(section.body)));
}

/** Reads cases from one entry. */
class CaseReader {
  readonly collector = new CaseCollector();

  constructor(
    private readonly file: VFile,
    private readonly matcher: SectionMatcher,
  ) {}

  /**
   * Whether a list holds an item labelled as a case part, at any depth
   * outside attempts lists.
   */
  hasLabelledPart(list: List): boolean {
    return list.children.some(
      (item) =>
        this.labelKind(item) !== undefined ||
        (!isAttemptsItem(item, this.matcher) &&
          item.children.some((child) => child.type === 'list' && this.hasLabelledPart(child))),
    );
  }

  /** The nested lists of an item that hold labelled case parts. */
  labelledLists(item: ListItem): List[] {
    return item.children.filter(
      (child): child is List => child.type === 'list' && this.hasLabelledPart(child),
    );
  }

  /**
   * The case part an item's label names, if any; an attempts label
   * (`**Fix attempts:**`) names none, as its items are attempts.
   */
  labelKind(item: ListItem): CasePart | undefined {
    const label = getItemLabel(item);
    if (!label || isAttemptsLabel(label.label, this.matcher)) return undefined;
    const kind = this.matcher.match(label.label);
    return isCasePart(kind) ? kind : undefined;
  }

  /** Read the items of a list, descending into nested lists. */
  readList(list: List): void {
    for (const item of list.children) this.readItem(item);
  }

  /**
   * Read one item: a labelled part (whose nested labelled parts are read
   * after it), a group whose nested items are one case, or neither. An
   * attempts list (`**Versuche:**`) is read as attempts, not as parts.
   */
  readItem(item: ListItem): void {
    if (isAttemptsItem(item, this.matcher)) return;
    const label = getItemLabel(item);
    const kind = this.labelKind(item);
    const nested = this.labelledLists(item);
    if (label && kind) {
      const end = nested[0] ? startOf(nested[0]) : endOf(item);
      const text = textAfterLabel(this.file, item, label, end);
      this.collector.add({ kind, text, line: lineOf(item), fromItem: true });
      for (const list of nested) this.readList(list);
      return;
    }
    if (nested.length === 0) return;
    const paragraph = firstParagraph(item);
    const title = paragraph ? sourceOfNodes(this.file, [paragraph]) : '';
    this.collector.startGroup(title, lineOf(item));
    for (const list of nested) this.readList(list);
    this.collector.endGroup();
  }

  /**
   * The section's own text: its subtitle and the blocks before the first
   * list of labelled parts, which are read on their own.
   */
  ownText(section: OutlineSection): string {
    const end = section.body.findIndex(
      (node) => node.type === 'list' && this.hasLabelledPart(node),
    );
    const body = end === -1 ? section.body : section.body.slice(0, end);
    return sectionText(this.file, { ...section, body });
  }

  /** Read one top-level block. */
  readBlock(node: RootContent, section: OutlineSection | undefined): void {
    if (section && isCasePart(section.kind)) {
      const text = this.ownText(section);
      if (text !== '') this.collector.add({ kind: section.kind, text, line: lineOf(node) });
    } else if (node.type === 'list') {
      this.readList(node);
      this.collector.closeListCase();
    } else if (node.type === 'blockquote') {
      for (const child of node.children) this.readBlock(child, undefined);
    }
  }
}

/**
 * Read the cases of an entry. A problem starts a case; cause, solution and
 * result join it in that order, and a part that comes back out of order
 * (a solution after a result) starts the next case.
 */
export function readCases(
  file: VFile,
  tree: Root,
  matcher: SectionMatcher,
  outline: readonly OutlineSection[],
): CaseDraft[] {
  const reader = new CaseReader(file, matcher);
  const byIndex = new Map(outline.map((section) => [section.index, section]));
  tree.children.forEach((node, index) => reader.readBlock(node, byIndex.get(index)));
  reader.collector.close();
  return reader.collector.cases;
}
