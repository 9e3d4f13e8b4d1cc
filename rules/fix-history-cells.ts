/**
 * Require every row of a fix-history table to have as many cells as its
 * header.
 */
import type { TableCell, TableRow } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { cellPlace, getFixHistories } from '../src/fix-history.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

const PIPE_HINT =
  '; a `|` inside inline code splits a cell in GFM, escape it as `\\|`';

/** Message for a row with `found` cells where the header has `wanted`. */
function countMessage(found: number, wanted: number, hint: boolean): string {
  const base = `Unexpected ${found} cells in row, expected ${wanted} as in the header`;
  return hint ? `${base}${PIPE_HINT}` : base;
}

/**
 * Whether a cell holds a stray backtick: what is left of a code span that a
 * `|` split in two (`` `a|b` `` gives the cells `` `a `` and `` b` ``).
 */
function hasStrayBacktick(cell: TableCell): boolean {
  let found = false;
  visit(cell, 'text', (node) => {
    if (node.value.includes('`')) found = true;
  });
  return found;
}

/** Check one body row against the header's cell count. */
function checkRow(
  row: TableRow,
  wanted: number,
  file: VFile,
): void {
  const cells = row.children;
  if (cells.length === wanted) return;
  const split = cells.find(hasStrayBacktick);
  const message = countMessage(cells.length, wanted, split !== undefined);
  const extra = cells.length > wanted ? cells[wanted] : undefined;
  const cell = split ?? extra;
  report(file, message, cell ? cellPlace(cell) : row);
}

export default defineRule(
  {
    id: 'fix-history-cells',
    description:
      'Require as many cells in each fix-history row as in its header',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    for (const table of getFixHistories(tree, file)) {
      const [head, ...body] = table.node.children;
      if (!head) continue;
      for (const row of body) checkRow(row, head.children.length, file);
    }
  },
);
