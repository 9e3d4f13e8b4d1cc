/**
 * Require the front matter to match a user's own JSON Schema, configured
 * as `frontmatterSchema`. Off unless configured; then it replaces the
 * built-in value rules (`SCHEMA_REPLACES` in `src/config.ts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { isIsoDate } from '../src/dates.js';
import { JournalKbError } from '../src/errors.js';
import { getFrontmatter, type Frontmatter } from '../src/frontmatter.js';
import { defineRule, report } from '../src/rule.js';

/** Options of `frontmatter-schema`; `src/lint.ts` sets `schema`. */
export interface SchemaOptions {
  /** Absolute path of the JSON Schema file. */
  schema?: string;
}

/** Message for a key the schema requires. */
function missingKey(key: string): string {
  return `Unexpected missing key \`${key}\`, expected \`${key}\` as the schema requires`;
}

/** Message for a value outside an `enum`. */
function notInEnum(key: string, value: unknown, allowed: unknown[]): string {
  const list = allowed.map((item) => `\`${String(item)}\``).join(', ');
  return `Unexpected \`${key}\` ${show(value)}, expected one of ${list}`;
}

/** Message for a value of the wrong JSON type. */
function wrongType(key: string, value: unknown, type: unknown): string {
  const wanted = Array.isArray(type) ? type.join(' or ') : String(type);
  return `Unexpected \`${key}\` ${show(value)}, expected a value of type \`${wanted}\``;
}

/** Message for a key the schema does not allow. */
function extraKey(key: string): string {
  return `Unexpected key \`${key}\`, expected only keys the schema lists`;
}

/** Message for any other schema error, with ajv's own words. */
function otherError(key: string, value: unknown, error: ErrorObject): string {
  return `Unexpected \`${key}\` ${show(value)}, expected a value that ${error.message ?? 'matches the schema'}`;
}

/** Show a value in a message. */
function show(value: unknown): string {
  if (value === null) return 'empty value';
  if (typeof value === 'object') return `\`${JSON.stringify(value)}\``;
  return `\`${String(value)}\``;
}

type AjvInstance = {
  compile(schema: object): ValidateFunction;
  addFormat(name: string, format: (text: string) => boolean): unknown;
};
type AjvClass = new (options: object) => AjvInstance;

const require = createRequire(import.meta.url);

/** Validators by schema path: each schema is compiled once per run. */
const validators = new Map<string, ValidateFunction>();

/** The ajv class for the draft a schema names (draft-07 by default). */
function getAjvClass(schema: Record<string, unknown>): AjvClass {
  const draft = String(schema['$schema'] ?? '');
  if (draft.includes('2020-12')) return (require('ajv/dist/2020') as { default: AjvClass }).default;
  if (draft.includes('2019-09')) return (require('ajv/dist/2019') as { default: AjvClass }).default;
  return (require('ajv') as { default: AjvClass }).default;
}

/** Read and compile the schema at `path`, once. */
export function getValidator(path: string): ValidateFunction {
  const cached = validators.get(path);
  if (cached) return cached;
  let schema: Record<string, unknown>;
  try {
    schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new JournalKbError('CONFIG', `Invalid front-matter schema ${path}: ${(error as Error).message}`);
  }
  const Ajv = getAjvClass(schema);
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  ajv.addFormat('date', isIsoDate);
  try {
    const validate = ajv.compile(schema);
    validators.set(path, validate);
    return validate;
  } catch (error) {
    throw new JournalKbError('CONFIG', `Invalid front-matter schema ${path}: ${(error as Error).message}`);
  }
}

/** The top-level key an error is about (`''` for the whole block). */
function getKey(error: ErrorObject): string {
  const first = error.instancePath.split('/')[1] ?? '';
  return first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Where an error points: the key's value, or the opening line. */
function getPlace(frontmatter: Frontmatter, key: string, atKey: boolean): Position {
  const field = frontmatter.fields.get(key);
  if (field) return atKey ? field.keyPosition : field.valuePosition;
  const start = frontmatter.position?.start ?? { line: 1, column: 1 };
  return { start, end: { line: start.line, column: start.column + 3 } };
}

/** Report one ajv error in our grammar at its place. */
function reportError(file: VFile, frontmatter: Frontmatter, error: ErrorObject): void {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const key = String(params['missingProperty']);
    report(file, missingKey(key), getPlace(frontmatter, '', false));
    return;
  }
  if (error.keyword === 'additionalProperties') {
    const key = String(params['additionalProperty']);
    report(file, extraKey(key), getPlace(frontmatter, key, true));
    return;
  }
  const key = getKey(error);
  const value = frontmatter.data[key];
  const place = getPlace(frontmatter, key, false);
  if (error.keyword === 'enum') {
    report(file, notInEnum(key, value, params['allowedValues'] as unknown[]), place);
  } else if (error.keyword === 'type') {
    report(file, wrongType(key, value, params['type']), place);
  } else {
    report(file, otherError(key, value, error), place);
  }
}

/** Keywords that only say a sub-schema failed; its own errors say why. */
const SUMMARY_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not', '$ref']);

export default defineRule<SchemaOptions>(
  {
    id: 'frontmatter-schema',
    description: 'Require the front matter to match the configured JSON Schema',
    defaultSeverity: 'off',
    fixable: false,
    defaults: {},
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { schema: { type: 'string', minLength: 1 } },
    },
  },
  (tree, file, options) => {
    if (!options.schema) {
      throw new JournalKbError('CONFIG', 'Rule `frontmatter-schema` is on, but no `frontmatterSchema` is configured');
    }
    const validate = getValidator(options.schema);
    const frontmatter = getFrontmatter(tree, file);
    if (frontmatter.kind !== 'ok') return;
    if (validate(frontmatter.data)) return;
    // One message for each key (and each missing key): ajv may say more.
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
      const params = error.params as Record<string, unknown>;
      const id = `${error.instancePath}|${String(params['missingProperty'] ?? params['additionalProperty'] ?? '')}`;
      if (seen.has(id)) continue;
      seen.add(id);
      reportError(file, frontmatter, error);
    }
  },
);
