/**
 * Require the front matter to be valid YAML that maps keys to values.
 */
import { isSeq, type Document } from 'yaml';
import type { Position } from 'unist';
import { getFrontmatter, type YamlProblem } from '../src/frontmatter.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

/** Words a YAML error in our grammar, given the text where it stands. */
type Describe = (problem: YamlProblem, text: string) => string;

/** Messages for the YAML errors people make most, by `yaml` error code. */
const BY_CODE: Record<string, Describe> = {
  DUPLICATE_KEY: (_, text) =>
    `Unexpected repeated key \`${keyAt(text)}\`, expected each key once`,
  TAB_AS_INDENT: () => 'Unexpected tab, expected spaces for indentation',
  BLOCK_AS_IMPLICIT_KEY: () =>
    'Unexpected `: ` inside a value, expected the value in quotes',
  MULTILINE_IMPLICIT_KEY: () =>
    'Unexpected key spanning lines, expected `key: value` on one line',
};

/** Message for a YAML error without a dedicated wording. */
function otherProblem(problem: YamlProblem): string {
  return `Unexpected YAML syntax (${problem.message}), expected valid YAML`;
}

/** Message for a block that parsed, but not to a mapping. */
function notMapping(document: Document | undefined): string {
  const found = isSeq(document?.contents) ? 'list' : 'single value';
  return `Unexpected ${found} as front matter, expected \`key: value\` lines`;
}

/** The key a duplicate-key error points at: the text before its colon. */
function keyAt(line: string): string {
  const match = /^\s*(?:"([^"]*)"|'([^']*)'|([^:]*?))\s*:/.exec(line);
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? line).trim();
}

/** The text of the file from the start of `position` to its line's end. */
function textAt(lines: string[], position: Position): string {
  const line = lines[position.start.line - 1] ?? '';
  return line.slice(position.start.column - 1);
}

export default defineRule(
  {
    id: 'frontmatter-yaml',
    description:
      'Require front matter that is valid YAML mapping keys to values',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    const frontmatter = getFrontmatter(tree, file);
    if (frontmatter.kind === 'not-mapping') {
      const start = frontmatter.position?.start.line ?? 1;
      const place = { line: start + 1, column: 1 };
      const position = { start: place, end: place };
      report(file, notMapping(frontmatter.document), position);
      return;
    }
    if (frontmatter.kind !== 'invalid') return;
    const lines = String(file.value).split(/\r?\n|\r/);
    const seen = new Set<number>();
    for (const problem of frontmatter.problems) {
      // `yaml` can raise several errors for one mistake; one line, one message.
      if (seen.has(problem.position.start.line)) continue;
      seen.add(problem.position.start.line);
      const describe = BY_CODE[problem.code];
      const text = textAt(lines, problem.position);
      const reason = describe ? describe(problem, text) : otherProblem(problem);
      report(file, reason, problem.position);
    }
  },
);
