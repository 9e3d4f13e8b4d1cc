/**
 * The Markdown source of parts of an entry. Record texts keep the source as
 * written (inline code, emphasis), so nothing is lost between file and
 * record; sanitising is the page's job.
 */
import type { Node } from 'unist';
import type { VFile } from 'vfile';

/** Lines made only of bold labels such as `**Datum:** 06.03.2026`. */
const HEADER_LINE = /^\s*\*\*[^*\n]+?:?\*\*:?(?:\s|$)/;

/** The text of `file` between two offsets. */
export function sliceSource(file: VFile, start: number, end: number): string {
  return String(file.value ?? '').slice(start, end);
}

/** Start offset of a node; 0 when it has no position. */
export function startOf(node: Node): number {
  return node.position?.start.offset ?? 0;
}

/** End offset of a node; 0 when it has no position. */
export function endOf(node: Node): number {
  return node.position?.end.offset ?? 0;
}

/** 1-based start line of a node; 1 when it has no position. */
export function lineOf(node: Node): number {
  return node.position?.start.line ?? 1;
}

/** The source of the nodes from the first to the last, tidied. */
export function sourceOfNodes(file: VFile, nodes: readonly Node[]): string {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return '';
  return tidy(sliceSource(file, startOf(first), endOf(last)));
}

/**
 * Trim text and remove the indentation its continuation lines share, as
 * list items and nested blocks carry their container's indentation.
 */
export function tidy(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  const rest = lines.slice(1).filter((line) => line.trim() !== '');
  const widths = rest.map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const indent = widths.length > 0 ? Math.min(...widths) : 0;
  const body = lines.slice(1).map((line) => line.slice(indent).trimEnd());
  return [lines[0]?.trimEnd() ?? '', ...body].join('\n');
}

/** Whether a paragraph's source is only bold header lines. */
export function isHeaderBlock(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => HEADER_LINE.test(line));
}
