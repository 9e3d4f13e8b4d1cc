/**
 * Check rule options against each rule's JSON Schema with ajv, once when the
 * configuration loads. Ajv is loaded only when a configuration gives options.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { OptionsValidator } from './config.js';
import type { Rule } from './rule.js';

const require = createRequire(import.meta.url);

type AjvClass = new (options: object) => {
  compile(schema: object): ValidateFunction;
};

let ajv: InstanceType<AjvClass> | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Ajv, created on first use. */
function getAjv(): InstanceType<AjvClass> {
  if (!ajv) {
    const Ajv = require('ajv') as { default: AjvClass };
    ajv = new Ajv.default({ allErrors: false, strict: false });
  }
  return ajv;
}

/** The value at a JSON pointer inside `root`. */
function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

/** Quote a list of values in backticks. */
function quoteAll(values: readonly unknown[]): string {
  return values.map((value) => `\`${String(value)}\``).join(', ');
}

/**
 * Describe the first ajv error in the message grammar: the value found
 * and what is allowed.
 */
function describe(error: ErrorObject, options: unknown, rule: Rule): string {
  const params = error.params as {
    allowedValues?: unknown[];
    additionalProperty?: string;
    type?: string;
  };
  if (params.additionalProperty) {
    const known = Object.keys((rule.meta.schema.properties as object | undefined) ?? {});
    const wanted = known.length > 0 ? `one of ${quoteAll(known)}` : 'no options';
    return `has the unknown option \`${params.additionalProperty}\`, expected ${wanted}`;
  }
  const found = `is \`${JSON.stringify(valueAt(options, error.instancePath))}\``;
  if (params.allowedValues) return `${found}, expected one of ${quoteAll(params.allowedValues)}`;
  if (params.type) return `${found}, expected a value of type \`${params.type}\``;
  return `${found}, but it ${String(error.message ?? 'is invalid')}`;
}

/** Validate options of `rule` against its schema. */
export const validateRuleOptions: OptionsValidator = (rule: Rule, options) => {
  let validate = compiled.get(rule.meta.id);
  if (!validate) {
    validate = getAjv().compile(rule.meta.schema);
    compiled.set(rule.meta.id, validate);
  }
  if (validate(options)) return undefined;
  const error = validate.errors?.[0];
  if (!error) return { path: '', message: 'is invalid' };
  const path = error.instancePath.replace(/\/([^/]+)/g, '.$1');
  return { path, message: describe(error, options, rule) };
};
