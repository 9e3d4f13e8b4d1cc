/**
 * Require every result in a fix-history table to say how the attempt ended:
 * failed, succeeded or pending.
 */
import { cellPlace, getFixHistories, quoteText } from '../src/fix-history.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

const WANTED =
  'expected how the attempt ended: failed (`❌`), succeeded (`✅`) or pending (`⏳`)';

/** Message for a result that says none of the three. */
function unknownMessage(text: string): string {
  if (text === '') return `Unexpected empty result, ${WANTED}`;
  return `Unexpected result ${quoteText(text)}, ${WANTED}`;
}

export default defineRule(
  {
    id: 'fix-history-results',
    description:
      'Require each fix-history result to be failed, succeeded or pending',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    for (const table of getFixHistories(tree, file)) {
      const index = table.columns.result;
      if (index === undefined) continue;
      for (const row of table.rows) {
        const cell = row.cells[index];
        // A row whose cells do not line up with the header is
        // `fix-history-cells`' finding; its result may be another column.
        if (!cell || !row.aligned || row.outcome !== 'unknown') continue;
        report(file, unknownMessage(row.result), cellPlace(cell));
      }
    }
  },
);
