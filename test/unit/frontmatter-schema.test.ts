/**
 * `frontmatter-schema` through the real linter: a configuration in a temp
 * folder points at a copy of the corpus's own schema, and the canonical
 * entry gets exactly the two messages that schema implies.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { getValidator } from '../../rules/frontmatter-schema.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLinter } from '../../src/lint.js';
import { validateRuleOptions } from '../../src/options.js';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'meldestelle');
const CANONICAL = '2026-03-06_Session_Log_Pipeline_Fix_v3.md';

let folder: string;
let config: Config;

/** Lint one file of the temp folder with the loaded configuration. */
async function lint(name: string) {
  const linter = createLinter(config, rules);
  const { result } = await linter.lintFile({ path: name, absolute: join(folder, name) });
  return result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'journal-kb-schema-'));
  mkdirSync(join(folder, 'schemas'));
  copyFileSync(join(corpus, 'frontmatter.schema.json'), join(folder, 'schemas', 'fm.json'));
  copyFileSync(join(corpus, '99_Journal', CANONICAL), join(folder, CANONICAL));
  writeFileSync(join(folder, '.journalkbrc.yaml'), 'frontmatterSchema: schemas/fm.json\n');
  writeFileSync(join(folder, '2026-03-07_No_Front_Matter.md'), '# Notes\n\nText.\n');
  config = loadConfig({ cwd: folder, registry: rules, validateOptions: validateRuleOptions });
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('frontmatter-schema with the corpus schema', () => {
  it('turns the schema rule on and the built-in value rules off', () => {
    expect(config.frontmatterSchema).toBe(join(folder, 'schemas', 'fm.json'));
    expect(config.rules.get('frontmatter-schema')?.severity).toBe(2);
    expect(config.rules.get('frontmatter-status')?.severity).toBe(0);
    expect(config.rules.get('frontmatter-present')?.severity).toBe(2);
  });

  it('gives the canonical entry exactly `summary` missing and `ACTIVE`', async () => {
    expect(await lint(CANONICAL)).toEqual([
      '1:1 frontmatter-schema Unexpected missing key `summary`, expected `summary` as the schema requires',
      '3:9 frontmatter-schema Unexpected `status` `ACTIVE`, expected one of `active`, `draft`, `deprecated`',
    ]);
  });

  it('still makes a file without front matter an error', async () => {
    // Section rules may also report this bare file; only ours count here.
    const all = await lint('2026-03-07_No_Front_Matter.md');
    const messages = all.filter((m) => / frontmatter-/.test(m));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^1:1 frontmatter-present Unexpected missing front matter/);
  });

  it('compiles a schema once per path, not once per file', async () => {
    await lint(CANONICAL);
    const path = join(folder, 'schemas', 'fm.json');
    expect(getValidator(path)).toBe(getValidator(path));
  });
});
