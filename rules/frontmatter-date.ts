/**
 * Require `date` to be a real calendar day in ISO form, `YYYY-MM-DD`, and
 * rewrite dates in other known forms (`06.03.2026`, `2026-3-6`,
 * `20. Jänner 2026`) to it.
 */
import { isIsoDate, toIsoDate } from '../src/dates.js';
import { getField, getRange } from '../src/frontmatter.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

/** Message for a real day written in another form. */
function notIso(found: string, iso: string): string {
  return `Unexpected date \`${found}\`, expected ISO form \`${iso}\``;
}

/** Message for an ISO-shaped date that names no real day. */
function notReal(found: string): string {
  return `Unexpected date \`${found}\`, expected a real calendar day`;
}

/** Message for text in no known date form. */
function unreadable(found: string): string {
  return `Unexpected date \`${found}\`, expected a day as \`YYYY-MM-DD\``;
}

/** Message for a value that is not text. */
function notText(value: unknown): string {
  const found = describe(value);
  return `Unexpected ${found} as \`date\`, expected a day as \`YYYY-MM-DD\``;
}

/** Name a value that is not a string in a message. */
function describe(value: unknown): string {
  if (value === null) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return `${typeof value} \`${String(value)}\``;
}

export default defineRule(
  {
    id: 'frontmatter-date',
    description: 'Require `date` to be a real calendar day as `YYYY-MM-DD`',
    defaultSeverity: 'error',
    fixable: true,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    const field = getField(tree, file, 'date');
    if (!field) return;
    const { value } = field;
    if (typeof value === 'string' && isIsoDate(value)) return;
    const place = field.valuePosition;
    if (typeof value !== 'string') {
      report(file, notText(value), place);
      return;
    }
    const iso = toIsoDate(value);
    if (iso) {
      const fix = { range: getRange(file, place), text: iso };
      report(file, notIso(value, iso), place, fix);
      return;
    }
    const reason = /^\d{4}-\d{1,2}-\d{1,2}$/.test(value.trim())
      ? notReal(value)
      : unreadable(value);
    report(file, reason, place);
  },
);
