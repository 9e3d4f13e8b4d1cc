/**
 * The JSON Schema of `.journalkbrc.*`, made from the rule registry so that
 * editors complete and check rule ids and options. `npm run schema` writes
 * it to `docs/journalkbrc.schema.json`; a test keeps that file current.
 */
import type { Rule } from './rule.js';
import { DEFAULT_SECTIONS } from './sections.js';

const SEVERITY = {
  oneOf: [
    { enum: ['off', 'warn', 'error'] },
    { enum: [0, 1, 2] },
  ],
};

/** The schema of one rule's setting: a severity or `[severity, options]`. */
function ruleSettingSchema(rule: Rule): Record<string, unknown> {
  return {
    description: `${rule.meta.description} (default: ${rule.meta.defaultSeverity})`,
    oneOf: [
      SEVERITY,
      {
        type: 'array',
        prefixItems: [SEVERITY, rule.meta.schema],
        items: [SEVERITY, rule.meta.schema],
        minItems: 1,
        maxItems: 2,
      },
    ],
  };
}

/** A list of strings, or one string when `single` is allowed. */
function strings(description: string, single = false): Record<string, unknown> {
  const list = { type: 'array', items: { type: 'string' } };
  return single
    ? { description, oneOf: [{ type: 'string' }, list] }
    : { description, ...list };
}

/** Build the configuration schema for the rules in `registry`. */
export function createConfigSchema(registry: readonly Rule[]): Record<string, unknown> {
  const rules = Object.fromEntries(
    registry.map((rule) => [rule.meta.id, ruleSettingSchema(rule)]),
  );
  const sections = Object.fromEntries(
    Object.keys(DEFAULT_SECTIONS).map((kind) => [kind, strings(`Synonyms of ${kind} sections`)]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'journal-kb configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'Schema of this file, for editors' },
      journal: strings('Paths linted and built when none are given', true),
      entries: strings('Globs of the files that are entries'),
      ignore: strings('Globs of files that are never entries'),
      maxFileSize: { type: 'integer', minimum: 1, description: 'Size limit of one file in bytes' },
      frontmatterSchema: { type: 'string', description: 'Path of a JSON Schema for the front matter' },
      sourceUrl: { type: 'string', description: 'URL template for source links: {path}, {line}' },
      defaults: {
        type: 'object',
        additionalProperties: false,
        properties: { status: { type: 'string' }, owner: { type: 'string' }, type: { type: 'string' } },
      },
      sections: { type: 'object', additionalProperties: false, properties: sections },
      rules: { type: 'object', additionalProperties: false, properties: rules },
    },
  };
}
