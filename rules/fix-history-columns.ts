/**
 * Require the columns a fix-history table needs: by default a version, what
 * was tried and how it ended.
 */
import {
  COLUMN_ROLES,
  DEFAULT_COLUMNS,
  getFixHistories,
  type ColumnRole,
} from '../src/fix-history.js';
import { defineRule, report } from '../src/rule.js';

/** Options of `fix-history-columns`. */
export interface FixHistoryColumnsOptions {
  required: ColumnRole[];
}

/** Message for a table without a column of `role`. */
function missingMessage(role: ColumnRole): string {
  const [first, second] = DEFAULT_COLUMNS[role];
  return `Unexpected fix-history table without a ${role} column, expected a header such as \`${first}\` or \`${second}\``;
}

export default defineRule<FixHistoryColumnsOptions>(
  {
    id: 'fix-history-columns',
    description:
      'Require version, fix and result columns in fix-history tables',
    defaultSeverity: 'error',
    fixable: false,
    defaults: { required: ['version', 'fix', 'result'] },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        required: {
          type: 'array',
          items: { enum: [...COLUMN_ROLES] },
          uniqueItems: true,
        },
      },
    },
  },
  (tree, file, options) => {
    for (const table of getFixHistories(tree, file)) {
      const header = table.node.children[0] ?? table.node;
      for (const role of options.required) {
        if (table.columns[role] === undefined) {
          report(file, missingMessage(role), header);
        }
      }
    }
  },
);
