/**
 * Require `owner` to name someone: a non-empty string, not a list, a
 * number or an empty value.
 */
import { getField } from '../src/frontmatter.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

/** Message for an owner that is not a non-empty string. */
function unexpectedOwner(value: unknown): string {
  return `Unexpected ${describe(value)} as \`owner\`, expected one name as text`;
}

/** Say what kind of value stands where a name should. */
function describe(value: unknown): string {
  if (value === null) return 'empty value';
  if (typeof value === 'string') return 'blank text';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return `${typeof value} \`${String(value)}\``;
}

export default defineRule(
  {
    id: 'frontmatter-owner',
    description: 'Require `owner` to be a non-empty name',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    const field = getField(tree, file, 'owner');
    if (!field) return;
    const { value } = field;
    if (typeof value === 'string' && value.trim() !== '') return;
    report(file, unexpectedOwner(value), field.valuePosition);
  },
);
