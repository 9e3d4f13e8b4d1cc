/**
 * Require `type` to be one of the allowed types (Journal, ADR, Guide,
 * Reference, Report), matched without regard to case by default.
 *
 * The check of an allowed value lives here and `frontmatter-status` shares
 * it, so both rules read and fix values the same way.
 */
import type { VFile } from 'vfile';
import {
  getField,
  getRange,
  type FrontmatterField,
} from '../src/frontmatter.js';
import { defineRule, report } from '../src/rule.js';

/** Options of a rule that allows a list of values for one key. */
export interface AllowedValueOptions {
  /** The allowed values, in the spelling `--fix` writes. */
  values: string[];
  /** Whether a value must be spelled exactly as in `values`. */
  enforceSpelling: boolean;
  /** Wrong values mapped to an allowed one, matched without regard to case. */
  aliases: Record<string, string>;
}

/** Message for a value spelled or named differently than configured. */
function replaceable(key: string, found: string, wanted: string): string {
  return `Unexpected \`${key}\` \`${found}\`, expected \`${wanted}\``;
}

/** Message for a value outside the list, with the list. */
function notAllowed(key: string, found: string, values: string[]): string {
  const list = values.map((value) => `\`${value}\``).join(', ');
  return `Unexpected \`${key}\` \`${found}\`, expected one of ${list}`;
}

/** Message for a value that is not text at all. */
function notText(key: string, value: unknown, values: string[]): string {
  const found = value === null ? 'empty value' : describeType(value);
  const list = values.map((item) => `\`${item}\``).join(', ');
  return `Unexpected ${found} as \`${key}\`, expected one of ${list}`;
}

/** Name the YAML type of a value that is not a string. */
function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return `${typeof value} \`${String(value)}\``;
}

/** The options' JSON Schema, shared by `type` and `status`. */
export const allowedValueSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    values: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
    },
    enforceSpelling: { type: 'boolean' },
    aliases: {
      type: 'object',
      additionalProperties: { type: 'string', minLength: 1 },
    },
  },
};

/** The allowed value equal to `text` without regard to case. */
function findValue(values: string[], text: string): string | undefined {
  const folded = text.toLowerCase();
  return values.find((value) => value.toLowerCase() === folded);
}

/** The value an alias of `text` stands for, in the configured spelling. */
function findAlias(
  options: AllowedValueOptions,
  text: string,
): string | undefined {
  const folded = text.toLowerCase();
  const entry = Object.entries(options.aliases).find(
    ([alias]) => alias.toLowerCase() === folded,
  );
  if (!entry) return undefined;
  return findValue(options.values, entry[1]) ?? entry[1];
}

/** YAML text for a replacement value: plain when safe, else quoted. */
function toYamlText(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u.test(value) && !value.endsWith(' ')
    ? value
    : JSON.stringify(value);
}

/** The replacement for `text`, or `undefined` when it is fine as it is. */
function getReplacement(
  options: AllowedValueOptions,
  text: string,
): string | undefined | null {
  const match = findValue(options.values, text);
  if (match === text) return undefined;
  if (match) return options.enforceSpelling ? match : undefined;
  return findAlias(options, text) ?? null;
}

/**
 * Check that the field `key` holds an allowed value; report a wrong
 * spelling or an alias with a fix, any other value without one.
 */
export function checkAllowedValue(
  file: VFile,
  field: FrontmatterField | undefined,
  options: AllowedValueOptions,
): void {
  if (!field) return;
  const { key, value } = field;
  if (typeof value !== 'string') {
    report(file, notText(key, value, options.values), field.valuePosition);
    return;
  }
  const replacement = getReplacement(options, value);
  if (replacement === undefined) return;
  if (replacement === null) {
    report(file, notAllowed(key, value, options.values), field.valuePosition);
    return;
  }
  const fix = {
    range: getRange(file, field.valuePosition),
    text: toYamlText(replacement),
  };
  report(file, replaceable(key, value, replacement), field.valuePosition, fix);
}

export default defineRule<AllowedValueOptions>(
  {
    id: 'frontmatter-type',
    description: 'Require `type` to be one of the allowed types',
    defaultSeverity: 'error',
    fixable: true,
    defaults: {
      values: ['Journal', 'ADR', 'Guide', 'Reference', 'Report'],
      enforceSpelling: false,
      aliases: {},
    },
    schema: allowedValueSchema,
  },
  (tree, file, options) => {
    checkAllowedValue(file, getField(tree, file, 'type'), options);
  },
);
