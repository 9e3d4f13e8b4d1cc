/**
 * Every rule has three parts under one id: `rules/<id>.ts`, fixtures in
 * `test/rules/<id>/` and a page `docs/rules/<id>.md`. This suite fails when
 * one is missing, and checks each fixture gives exactly its expected
 * messages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { docsUrl } from '../src/rule.js';
import {
  DEFAULT_FIXTURE_NAME,
  formatExpected,
  lintWithRule,
  readExpected,
} from './helpers/rule-fixtures.js';

const root = join(import.meta.dirname, '..');

/** Per-fixture settings: virtual path and rule options. */
interface FixtureSettings {
  [fixture: string]: { path?: string; options?: Record<string, unknown> };
}

/** Read a rule's optional `fixtures.json`. */
function readSettings(folder: string): FixtureSettings {
  const path = join(folder, 'fixtures.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FixtureSettings) : {};
}

describe('rule registry', () => {
  it('registers every file in rules/', () => {
    const files = readdirSync(join(root, 'rules'))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    const ids = rules.map((rule) => rule.meta.id).sort();
    expect(ids).toEqual(files);
  });

  it('gives every rule a description that starts with a verb', () => {
    for (const rule of rules) {
      expect(rule.meta.description, rule.meta.id).toMatch(/^(Require|Disallow|Check|Enforce|Warn) /);
    }
  });
});

for (const rule of rules) {
  const id = rule.meta.id;
  const folder = join(root, 'test', 'rules', id);

  describe(`rule ${id}`, () => {
    it('has a docs page, an ok fixture and a not-ok fixture with expectations', () => {
      expect(existsSync(join(root, 'docs', 'rules', `${id}.md`)), 'docs page').toBe(true);
      expect(existsSync(join(folder, 'ok.md')), 'ok.md').toBe(true);
      expect(existsSync(join(folder, 'not-ok.md')), 'not-ok.md').toBe(true);
      const expected = join(folder, 'not-ok.expected.txt');
      expect(existsSync(expected), 'not-ok.expected.txt').toBe(true);
      expect(readExpected(expected), 'not-ok expects messages').not.toBe('');
    });

    const settings = readSettings(folder);
    const fixtures = existsSync(folder)
      ? readdirSync(folder).filter((name) => name.endsWith('.md')).sort()
      : [];
    for (const fixture of fixtures) {
      it(`gives the expected messages for ${fixture}`, async () => {
        const text = readFileSync(join(folder, fixture), 'utf8');
        const setting = settings[fixture] ?? {};
        const { messages } = await lintWithRule(
          rule,
          text,
          setting.options ?? {},
          setting.path ?? DEFAULT_FIXTURE_NAME,
        );
        const expectedPath = join(folder, fixture.replace(/\.md$/, '.expected.txt'));
        const expected = existsSync(expectedPath) ? readExpected(expectedPath) : '';
        expect(formatExpected(messages)).toBe(expected);
        for (const message of messages) {
          expect(message.ruleId).toBe(id);
        }
      });
    }

    it('labels its messages with rule id, source and docs url', async () => {
      const text = readFileSync(join(folder, 'not-ok.md'), 'utf8');
      const setting = settings['not-ok.md'] ?? {};
      const { file } = await lintWithRule(rule, text, setting.options ?? {}, setting.path ?? DEFAULT_FIXTURE_NAME);
      expect(file.messages.length).toBeGreaterThan(0);
      for (const message of file.messages) {
        expect(message.ruleId).toBe(id);
        expect(message.source).toBe('journal-kb');
        expect(message.url).toBe(docsUrl(id));
      }
    });
  });
}
