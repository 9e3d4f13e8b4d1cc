/**
 * Every fixable rule, on its own fixtures: the fixed output equals its
 * golden file (checked by hand), lints clean of fixable messages, and a
 * second run changes nothing. A rule not declared fixable offers no fix.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { fixVFile } from '../src/fix.js';
import type { Linter } from '../src/lint.js';
import { createParser, parseFile } from '../src/parse.js';
import { fromText } from '../src/read.js';
import { createResult, toLintMessages } from '../src/result.js';
import type { Rule } from '../src/rule.js';
import { DEFAULT_SECTIONS } from '../src/sections.js';

const FIXTURES = join(import.meta.dirname, 'rules');
const GOLDEN = join(import.meta.dirname, 'golden', 'fix');
const DEFAULT_NAME = '2026-03-06_Fixture.md';

/** A fixture's virtual path and options, from the rule's `fixtures.json`. */
function fixtureSetting(id: string, name: string): { path: string; options: Record<string, unknown> } {
  const file = join(FIXTURES, id, 'fixtures.json');
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { path?: string; options?: Record<string, unknown> }>) : {};
  return { path: all[name]?.path ?? DEFAULT_NAME, options: all[name]?.options ?? {} };
}

/** A linter that runs `rule` alone with `options`. */
function singleRuleLinter(rule: Rule, options: Record<string, unknown>): Linter {
  const processor = createParser().use(rule, ['error', options]);
  const lintVFile: Linter['lintVFile'] = async (file, entry) => {
    file.data.sections = DEFAULT_SECTIONS;
    const tree = parseFile(processor, file);
    if (tree) await processor.run(tree, file);
    const result = createResult(entry.absolute, entry.path, toLintMessages(file));
    return tree ? { file, tree, result } : { file, result };
  };
  return { lintVFile, lintFile: () => Promise.reject(new Error('not used')) };
}

/** Fix a fixture with its rule alone. */
async function fixFixture(rule: Rule, name: string, text?: string) {
  const { path, options } = fixtureSetting(rule.meta.id, name);
  const linter = singleRuleLinter(rule, options);
  const source = text ?? readFileSync(join(FIXTURES, rule.meta.id, name), 'utf8');
  const file = fromText(new VFile({ path }), source);
  return fixVFile(linter, file, { path, absolute: path });
}

const fixable = rules.filter((rule) => rule.meta.fixable);
const cases = fixable.flatMap((rule) =>
  readdirSync(join(FIXTURES, rule.meta.id))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => [rule.meta.id, name, rule] as const),
);

describe('fixable rules', () => {
  it('include the front-matter rules that declare fixes', () => {
    expect(fixable.map((rule) => rule.meta.id).sort()).toEqual(
      expect.arrayContaining(['frontmatter-date', 'frontmatter-required-keys', 'frontmatter-status', 'frontmatter-type']),
    );
  });

  it.each(cases)('%s %s: fixed output equals its golden file, is clean and stable', async (id, name, rule) => {
    const first = await fixFixture(rule, name);
    const golden = join(GOLDEN, id, name);
    if (existsSync(golden)) {
      expect(first.changed).toBe(true);
      expect(first.output).toBe(readFileSync(golden, 'utf8'));
    } else {
      expect(first.changed).toBe(false);
    }
    expect(first.linted.result.messages.filter((message) => message.fix)).toEqual([]);
    const second = await fixFixture(rule, name, first.output);
    expect(second.changed).toBe(false);
  });

  it('have a fixture for every golden file', () => {
    if (!existsSync(GOLDEN)) return;
    for (const id of readdirSync(GOLDEN)) {
      for (const name of readdirSync(join(GOLDEN, id))) {
        expect(existsSync(join(FIXTURES, id, name)), `${id}/${name}`).toBe(true);
      }
    }
  });
});

describe('rules not declared fixable', () => {
  const others = rules.filter((rule) => !rule.meta.fixable);
  const otherCases = others.flatMap((rule) =>
    readdirSync(join(FIXTURES, rule.meta.id))
      .filter((name) => name.endsWith('.md'))
      .map((name) => [rule.meta.id, name, rule] as const),
  );
  it.each(otherCases)('%s %s offers no fix', async (_id, name, rule) => {
    const outcome = await fixFixture(rule, name);
    expect(outcome.changed).toBe(false);
  });
});
