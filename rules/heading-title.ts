/**
 * Require exactly one level 1 heading: the entry's title.
 */
import type { Heading, Root } from 'mdast';
import type { Position } from 'unist';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

const MISSING =
  'Unexpected missing title, expected one level 1 heading such as `# Session Log`';

/** Message for a level 1 heading after the first. */
function extraMessage(firstLine: number): string {
  return `Unexpected second level 1 heading, expected one title (the first is on line ${firstLine}); use level 2 for sections`;
}

/**
 * Where a missing title is reported: the first line of content after the
 * front matter (where a title belongs), else 1:1.
 */
function missingPlace(tree: Root): Position {
  const [first, second] = tree.children;
  const content = first?.type === 'yaml' ? second : first;
  const line = content?.position?.start.line ?? 1;
  return { start: { line, column: 1 }, end: { line, column: 1 } };
}

/** The level 1 headings at the top level of the document. */
function titles(tree: Root): Heading[] {
  return tree.children.filter(
    (node): node is Heading => node.type === 'heading' && node.depth === 1,
  );
}

export default defineRule(
  {
    id: 'heading-title',
    description: 'Require exactly one level 1 heading as the title',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    const [first, ...extra] = titles(tree);
    if (!first) {
      report(file, MISSING, missingPlace(tree));
      return;
    }
    const firstLine = first.position?.start.line ?? 1;
    for (const heading of extra) report(file, extraMessage(firstLine), heading);
  },
);
