/**
 * Require YAML front matter on the first line, opened and closed by `---`.
 */
import { getFrontmatter, type Frontmatter } from '../src/frontmatter.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

const KEYS = '`type`, `status`, `owner` and `date`';

/** Message for each kind of front matter that is not usable. */
const MESSAGES: Partial<Record<Frontmatter['kind'], string>> = {
  missing: `Unexpected missing front matter, expected a \`---\` block with ${KEYS} on line 1`,
  unclosed: 'Unexpected unclosed front matter, expected a closing `---` line',
  misplaced:
    'Unexpected front matter after other lines, expected it on line 1 (remove what stands before it)',
  empty: `Unexpected empty front matter, expected ${KEYS}`,
};

export default defineRule(
  {
    id: 'frontmatter-present',
    description: 'Require front matter on line 1, closed by `---`',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (tree, file) => {
    const frontmatter = getFrontmatter(tree, file);
    const reason = MESSAGES[frontmatter.kind];
    if (!reason) return;
    const place = frontmatter.position ?? {
      start: { line: 1, column: 1 },
      end: { line: 1, column: 1 },
    };
    report(file, reason, place);
  },
);
