/**
 * Lint a rule fixture with only that rule enabled, as the fixture harness
 * and single-case tests do.
 */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { createParser, parseFile } from '../../src/parse.js';
import { fromText } from '../../src/read.js';
import { toLintMessages, type LintMessage } from '../../src/result.js';
import type { Rule } from '../../src/rule.js';
import { DEFAULT_SECTIONS } from '../../src/sections.js';

/** The virtual name fixtures are linted under unless they say otherwise. */
export const DEFAULT_FIXTURE_NAME = '2026-03-06_Fixture.md';

/** Lint `text` with `rule` alone; `path` is the file's virtual path. */
export async function lintWithRule(
  rule: Rule,
  text: string,
  options: Record<string, unknown> = {},
  path = DEFAULT_FIXTURE_NAME,
): Promise<{ messages: LintMessage[]; file: VFile }> {
  const processor = createParser().use(rule, ['error', options]);
  const file = fromText(new VFile({ path }), text);
  file.data.sections = DEFAULT_SECTIONS;
  const tree = parseFile(processor, file);
  if (tree) await processor.run(tree, file);
  return { messages: toLintMessages(file), file };
}

/** Format messages as `line:column rule-id message` lines. */
export function formatExpected(messages: readonly LintMessage[]): string {
  return messages
    .map((m) => `${m.line}:${m.column} ${m.ruleId ?? '(fatal)'} ${m.message}`)
    .join('\n');
}

/** Read an expected-messages file into its lines, without blank ones. */
export function readExpected(path: string): string {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}
