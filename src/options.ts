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

/** Describe the first ajv error in the message grammar. */
function describe(error: ErrorObject): string {
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  if (extra) return `has the unknown option \`${extra}\``;
  if (allowed) return `must be one of ${allowed.map((v) => `\`${String(v)}\``).join(', ')}`;
  return String(error.message ?? 'is invalid');
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
  return { path, message: describe(error) };
};
