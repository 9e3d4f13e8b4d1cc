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

/** Options of `frontmatter-schema`: set by `src/lint.ts`, not by users. */
export interface SchemaOptions {
  /** Absolute path of the JSON Schema file. */
  schema?: string;
}

/** Message for a key the schema requires. */
function missingKey(key: string): string {
  return (
    `Unexpected missing key \`${key}\`, ` +
    `expected \`${key}\` as the schema requires`
  );
}

/** Message for a value outside an `enum`. */
function notInEnum(key: string, value: unknown, allowed: unknown[]): string {
  const list = allowed.map((item) => `\`${String(item)}\``).join(', ');
  return `Unexpected \`${key}\` ${show(value)}, expected one of ${list}`;
}

/** Message for a value of the wrong JSON type. */
function wrongType(key: string, value: unknown, type: unknown): string {
  const wanted = Array.isArray(type) ? type.join(' or ') : String(type);
  return (
    `Unexpected \`${key}\` ${show(value)}, ` +
    `expected a value of type \`${wanted}\``
  );
}

/** Message for a key the schema does not allow. */
function extraKey(key: string): string {
  return `Unexpected key \`${key}\`, expected only keys the schema lists`;
}

/** Message for any other schema error, with ajv's own words. */
function otherError(key: string, value: unknown, error: ErrorObject): string {
  const rule = error.message ?? 'matches the schema';
  return `Unexpected \`${key}\` ${show(value)}, expected a value that ${rule}`;
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

// Ajv loads only when a schema is configured, so plain runs start fast.
const require = createRequire(import.meta.url);

/** Validators by schema path: each schema is compiled once per run. */
const validators = new Map<string, ValidateFunction>();

/** The ajv class for the draft a schema names (draft-07 by default). */
function getAjvClass(schema: Record<string, unknown>): AjvClass {
  const draft = String(schema['$schema'] ?? '');
  let module = 'ajv';
  if (draft.includes('2020-12')) module = 'ajv/dist/2020';
  if (draft.includes('2019-09')) module = 'ajv/dist/2019';
  return (require(module) as { default: AjvClass }).default;
}

/** The error for a schema that cannot be read or compiled. */
function schemaError(path: string, error: unknown): JournalKbError {
  const reason = (error as Error).message.split('\n')[0];
  return new JournalKbError(
    'CONFIG',
    `Invalid front-matter schema ${path}: ${reason}`,
  );
}

/**
 * Read and compile the schema at `path` once per run; later calls (one a
 * file) get the cached validator. Throws a `CONFIG` error for a bad schema.
 */
export function getValidator(path: string): ValidateFunction {
  const cached = validators.get(path);
  if (cached) return cached;
  try {
    const text = readFileSync(path, 'utf8');
    const schema = JSON.parse(text) as Record<string, unknown>;
    const Ajv = getAjvClass(schema);
    const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
    ajv.addFormat('date', isIsoDate);
    const validate = ajv.compile(schema);
    validators.set(path, validate);
    return validate;
  } catch (error) {
    throw schemaError(path, error);
  }
}

/** The top-level key an error is about (`''` for the whole block). */
function getKey(error: ErrorObject): string {
  const first = error.instancePath.split('/')[1] ?? '';
  return first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Where an error points: the key's value, or the opening line. */
function getPlace(
  frontmatter: Frontmatter,
  key: string,
  atKey: boolean,
): Position {
  const field = frontmatter.fields.get(key);
  if (field) return atKey ? field.keyPosition : field.valuePosition;
  const start = frontmatter.position?.start ?? { line: 1, column: 1 };
  return { start, end: { line: start.line, column: start.column + 3 } };
}

/** Report one ajv error in our grammar at its place. */
function reportError(
  file: VFile,
  frontmatter: Frontmatter,
  error: ErrorObject,
): void {
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
    const allowed = params['allowedValues'] as unknown[];
    report(file, notInEnum(key, value, allowed), place);
  } else if (error.keyword === 'type') {
    report(file, wrongType(key, value, params['type']), place);
  } else {
    report(file, otherError(key, value, error), place);
  }
}

/** Keywords that only say a sub-schema failed; its own errors say why. */
const SUMMARY_KEYWORDS = new Set([
  'if',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  '$ref',
]);

/** One id per key an error is about, so each key gets one message. */
function getErrorId(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const named = params['missingProperty'] ?? params['additionalProperty'];
  return `${error.instancePath}|${String(named ?? '')}`;
}

export default defineRule<SchemaOptions>(
  {
    id: 'frontmatter-schema',
    description: 'Require the front matter to match the configured JSON Schema',
    defaultSeverity: 'off',
    fixable: false,
    defaults: {},
    // Users set `frontmatterSchema`; `src/lint.ts` passes it as `schema`,
    // so configuration has one way to name the schema, not two.
    schema: { type: 'object', additionalProperties: false },
  },
  (tree, file, options) => {
    if (!options.schema) {
      throw new JournalKbError(
        'CONFIG',
        'Rule `frontmatter-schema` is on, but no `frontmatterSchema` is configured',
      );
    }
    const validate = getValidator(options.schema);
    const frontmatter = getFrontmatter(tree, file);
    if (frontmatter.kind !== 'ok') return;
    if (validate(frontmatter.data)) return;
    // One message for each key (and each missing key): ajv may say more.
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
      const id = getErrorId(error);
      if (seen.has(id)) continue;
      seen.add(id);
      reportError(file, frontmatter, error);
    }
  },
);
