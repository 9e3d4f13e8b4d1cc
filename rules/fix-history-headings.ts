/**
 * Require every `Fix vN` heading to have its row in a fix-history table.
 */
import {
  findFixHeadings,
  getFixHistories,
  quoteText,
} from '../src/fix-history.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

/** Message for a heading without a row; `tables` says whether any exist. */
function missingMessage(
  text: string,
  version: number,
  tables: boolean,
): string {
  const where = tables
    ? 'in the fix-history table'
    : 'in a fix-history table (`Version | Symptom | Fix | Ergebnis`)';
  return `Unexpected heading ${quoteText(text)} without a fix-history row, expected a row \`v${version}\` ${where}`;
}

export default defineRule(
  {
    id: 'fix-history-headings',
    description: 'Require a fix-history row for every `Fix vN` heading',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    const headings = findFixHeadings(tree);
    if (headings.length === 0) return;
    const tables = getFixHistories(tree, file);
    const versions = new Set<number>();
    for (const table of tables) {
      for (const row of table.rows) {
        if (row.number !== undefined) versions.add(row.number);
      }
    }
    for (const heading of headings) {
      if (versions.has(heading.version)) continue;
      const { text, version, node } = heading;
      report(file, missingMessage(text, version, tables.length > 0), node);
    }
  },
);
