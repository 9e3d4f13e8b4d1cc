/**
 * The recipes in `docs/ci.md` and `docs/pre-commit.md` are YAML that parses,
 * and every `journal-kb` command in them runs as written on a temporary
 * project (the forges themselves cannot run here).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build.js';
import { GOOD_ENTRY, makeTempDir, run } from './helpers/cli.js';

/** The fenced blocks of `language` in a docs page. */
function codeBlocks(page: string, language: string): string[] {
  const text = readFileSync(join(ROOT, 'docs', page), 'utf8');
  const pattern = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}

/** Every string anywhere in a parsed YAML value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The `journal-kb` command lines in shell text, as argument lists. */
function commandsIn(text: string): string[][] {
  const found: string[][] = [];
  for (const line of text.split('\n')) {
    const match = /npx journal-kb ([^|&]*)/.exec(line);
    if (match) found.push(match[1]!.trim().split(/\s+/));
  }
  return found;
}

describe('CI workflow files in docs/ci.md', () => {
  const blocks = codeBlocks('ci.md', 'yaml');

  it('has three workflow files that parse', () => {
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(() => parseYaml(block)).not.toThrow();
  });

  it('lints and builds with every command as written', async () => {
    const commands = blocks.flatMap((block) => strings(parseYaml(block)).flatMap(commandsIn));
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const argv of commands) {
      const cwd = makeTempDir({ 'docs/99_Journal/2026-03-06_Good.md': GOOD_ENTRY });
      const { code, stderr } = await run(argv, cwd);
      expect({ argv, code, stderr }).toEqual({ argv, code: 0, stderr: expect.any(String) });
      const output = argv[argv.indexOf('--output') + 1];
      if (argv.includes('--output')) expect(existsSync(join(cwd, output!))).toBe(true);
      if (argv[0] === 'build') {
        const out = argv[argv.indexOf('--out') + 1]!;
        expect(existsSync(join(cwd, out, 'index.html'))).toBe(true);
      }
    }
  }, 120_000);
});

describe('recipes in docs/pre-commit.md', () => {
  it('parse as YAML and JSON', () => {
    for (const block of codeBlocks('pre-commit.md', 'yaml')) {
      expect(() => parseYaml(block)).not.toThrow();
    }
    const [json] = codeBlocks('pre-commit.md', 'json');
    expect(JSON.parse(json!)['lint-staged']).toEqual({
      'docs/99_Journal/**/*.md': 'journal-kb lint',
    });
  });

  it('show the hook that `journal-kb init` writes', async () => {
    const { hookText } = await import('../src/commands/init.js');
    const shown = codeBlocks('pre-commit.md', 'sh').find((block) => block.startsWith('#!/bin/sh'));
    const written = hookText('docs/99_Journal')
      .split('\n')
      .filter((line) => !line.startsWith('# '))
      .join('\n');
    expect(shown).toBe(written);
  });
});
