/**
 * Require the date at the start of the file name to equal `date` in the
 * front matter.
 */
import { dateFromFileName, isIsoDate } from '../src/dates.js';
import { getField } from '../src/frontmatter.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

/** Message for a `date` that differs from the file name's. */
function differs(date: string, fromName: string): string {
  return (
    `Unexpected \`date\` \`${date}\`, ` +
    `expected \`${fromName}\` as in the file name`
  );
}

export default defineRule(
  {
    id: 'filename-date',
    description: 'Require the date in the file name to equal `date`',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    const field = getField(tree, file, 'date');
    const fromName = dateFromFileName(file.basename ?? '');
    // A missing or malformed `date` or name is another rule's message.
    if (!field || !fromName) return;
    const { value } = field;
    if (typeof value !== 'string' || !isIsoDate(value)) return;
    if (value === fromName) return;
    report(file, differs(value, fromName), field.valuePosition);
  },
);
