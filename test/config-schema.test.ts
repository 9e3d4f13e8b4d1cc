/**
 * The published configuration schema matches the rule registry, and it
 * accepts what the loader accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { createConfigSchema } from '../src/config-schema.js';

const published = join(import.meta.dirname, '..', 'docs', 'journalkbrc.schema.json');

describe('configuration schema', () => {
  it('is current (run `npm run schema` after changing a rule)', () => {
    const expected = `${JSON.stringify(createConfigSchema(rules), null, 2)}\n`;
    expect(readFileSync(published, 'utf8')).toBe(expected);
  });

  it('accepts a full configuration and rejects unknown rules', () => {
    const validate = new Ajv.default({ strict: false }).compile(createConfigSchema(rules));
    expect(validate({ journal: 'docs/99_Journal', rules: { 'frontmatter-present': 'warn' } })).toBe(true);
    expect(validate({ rules: { 'no-such-rule': 'warn' } })).toBe(false);
    expect(validate({ rules: { 'frontmatter-present': 'loud' } })).toBe(false);
  });
});
