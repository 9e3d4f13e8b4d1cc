/**
 * Require the keys every entry needs (`type`, `status`, `owner`, `date`),
 * and rename keys written under a configured wrong name.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { dateFromFileName } from '../src/dates.js';
import {
  getFrontmatter,
  getLineEnding,
  getRange,
  type Frontmatter,
} from '../src/frontmatter.js';
import { defineRule, report, type Fix } from '../src/rule.js';

/** Options of `frontmatter-required-keys`. */
export interface RequiredKeysOptions {
  /** Keys every entry must have. */
  keys: string[];
  /** Wrong key names mapped to the right one, e.g. `{ author: owner }`. */
  aliases: Record<string, string>;
}

/** Message for a key that is absent. */
function missingKey(key: string, fromName?: string): string {
  const base =
    `Unexpected missing key \`${key}\`, ` +
    `expected \`${key}\` in the front matter`;
  if (!fromName) return base;
  return `${base} (\`${key}: ${fromName}\` from the file name)`;
}

/** Message for a key written under an alias. */
function aliasedKey(alias: string, key: string): string {
  return `Unexpected key \`${alias}\`, expected \`${key}\``;
}

/** The place of the front matter's opening line. */
function openingPlace(frontmatter: Frontmatter): Position {
  const start = frontmatter.position?.start ?? { line: 1, column: 1 };
  return { start, end: { line: start.line, column: start.column + 3 } };
}

/** A fix that inserts `key: value` as the last line of the front matter. */
function insertFix(
  file: VFile,
  frontmatter: Frontmatter,
  line: string,
): Fix | undefined {
  const end = frontmatter.position?.end;
  if (!end) return undefined;
  // The closing fence stands on its own line: insert before that line.
  const lineStart = { line: end.line, column: 1 };
  const [offset] = getRange(file, { start: lineStart, end: lineStart });
  return { range: [offset, offset], text: `${line}${getLineEnding(file)}` };
}

/** Report keys under an alias; returns the keys they stand for. */
function checkAliases(
  file: VFile,
  frontmatter: Frontmatter,
  aliases: Record<string, string>,
): Set<string> {
  const covered = new Set<string>();
  for (const [alias, key] of Object.entries(aliases)) {
    const field = frontmatter.fields.get(alias);
    if (!field || alias === key) continue;
    // Renaming onto a key that exists would repeat it: a person decides.
    const hasKey = frontmatter.fields.has(key);
    const fix = hasKey
      ? undefined
      : { range: getRange(file, field.keyPosition), text: key };
    report(file, aliasedKey(alias, key), field.keyPosition, fix);
    covered.add(key);
  }
  return covered;
}

export default defineRule<RequiredKeysOptions>(
  {
    id: 'frontmatter-required-keys',
    description:
      'Require the front-matter keys `type`, `status`, `owner` and `date`',
    defaultSeverity: 'error',
    fixable: true,
    defaults: { keys: ['type', 'status', 'owner', 'date'], aliases: {} },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        keys: { type: 'array', items: { type: 'string', minLength: 1 } },
        aliases: {
          type: 'object',
          additionalProperties: { type: 'string', minLength: 1 },
        },
      },
    },
  },
  (tree, file, options) => {
    const frontmatter = getFrontmatter(tree, file);
    if (frontmatter.kind !== 'ok') return;
    const covered = checkAliases(file, frontmatter, options.aliases);
    for (const key of options.keys) {
      if (frontmatter.fields.has(key) || covered.has(key)) continue;
      // Only the file name tells the session's day; `last_update` does not.
      const fromName =
        key === 'date' ? dateFromFileName(file.basename ?? '') : undefined;
      const fix = fromName
        ? insertFix(file, frontmatter, `date: ${fromName}`)
        : undefined;
      report(file, missingKey(key, fromName), openingPlace(frontmatter), fix);
    }
  },
);
