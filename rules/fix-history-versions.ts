/**
 * Require the versions of a fix-history table to run v1, v2, … without a gap
 * or a repeat.
 */
import type { Node, Position } from 'unist';
import type { VFile } from 'vfile';
import {
  cellPlace,
  getFixHistories,
  quoteText as quote,
  type FixHistoryRow,
  type FixHistoryTable,
} from '../src/fix-history.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

/** Message for a version cell that is not a version. */
function unreadableMessage(text: string, wanted: string): string {
  const found = text === '' ? 'empty version' : `version ${quote(text)}`;
  return `Unexpected ${found}, expected \`${wanted}\``;
}

/** Message for a version seen before in the same table. */
function repeatMessage(text: string, wanted: string, line: number): string {
  return `Unexpected repeated version ${quote(text)} (first on line ${line}), expected \`${wanted}\``;
}

/** Message for a version out of sequence. */
function sequenceMessage(text: string, wanted: string): string {
  return `Unexpected version ${quote(text)}, expected \`${wanted}\` (versions run \`v1\`, \`v2\`, … without gaps)`;
}

/** How the version `number` is written in this table. */
function spell(table: FixHistoryTable, number: number): string {
  const plain = table.plainNumbers && /^\d/u.test(table.rows[0]?.version ?? '');
  return plain ? String(number) : `v${number}`;
}

/** The node a version message points at: the cell, else the row. */
function versionPlace(
  table: FixHistoryTable,
  row: FixHistoryRow,
): Node | Position {
  const cell = row.cells[table.columns.version ?? 0];
  return cell ? cellPlace(cell) : row.node;
}

/** Check the versions of one table in order. */
function checkTable(table: FixHistoryTable, file: VFile): void {
  const seen = new Map<number, number>();
  let expected = 1;
  for (const row of table.rows) {
    const wanted = spell(table, expected);
    const place = versionPlace(table, row);
    const first = row.number === undefined ? undefined : seen.get(row.number);
    if (row.number === undefined) {
      report(file, unreadableMessage(row.version, wanted), place);
      expected++;
    } else if (first !== undefined) {
      report(file, repeatMessage(row.version, wanted, first), place);
    } else {
      if (row.number !== expected) {
        report(file, sequenceMessage(row.version, wanted), place);
      }
      seen.set(row.number, row.line);
      expected = Math.max(expected, row.number + 1);
    }
  }
}

export default defineRule(
  {
    id: 'fix-history-versions',
    description:
      'Require fix-history versions to run v1, v2, … without gaps or repeats',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    for (const table of getFixHistories(tree, file)) {
      if (table.columns.version === undefined) continue;
      checkTable(table, file);
    }
  },
);
