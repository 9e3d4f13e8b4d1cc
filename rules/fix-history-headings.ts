/**
 * Require every `Fix vN` heading to have its row in a fix-history table.
 */
import { findFixHeadings, getFixHistories } from '../src/fix-history.js';
import { defineRule, report } from '../src/rule.js';

/** Longest heading text quoted in a message. */
const MAX_QUOTE = 40;

/** Message for a heading without a row; `tables` says whether any exist. */
function missingMessage(text: string, version: number, tables: boolean): string {
  const where = tables
    ? 'in the fix-history table'
    : 'in a fix-history table (`Version | Symptom | Fix | Ergebnis`)';
  const trimmed = text.trim();
  const short =
    trimmed.length > MAX_QUOTE ? `${trimmed.slice(0, MAX_QUOTE - 1)}…` : trimmed;
  return `Unexpected heading \`${short}\` without a fix-history row, expected a row \`v${version}\` ${where}`;
}

export default defineRule(
  {
    id: 'fix-history-headings',
    description: 'Require a fix-history row for every `Fix vN` heading',
    defaultSeverity: 'error',
    fixable: false,
    defaults: {},
    schema: { type: 'object', additionalProperties: false },
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
      const message = missingMessage(heading.text, heading.version, tables.length > 0);
      report(file, message, heading.node);
    }
  },
);
