/**
 * The `stylish` and `json` reporters, from results worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../src/reporters/json.js';
import { stylish } from '../src/reporters/stylish.js';
import { createResult, type LintMessage } from '../src/result.js';

const context = { cwd: '/repo', color: false, rules: new Map(), version: '0.0.0' };

const messages: LintMessage[] = [
  { ruleId: 'frontmatter-status', severity: 2, message: 'Unexpected `DONE`, expected `ACTIVE`', line: 3, column: 9, endLine: 3, endColumn: 13 },
  { ruleId: 'section-required', severity: 1, message: 'Unexpected missing solution section', line: 12, column: 1 },
];

describe('stylish', () => {
  it('prints nothing for clean results', () => {
    expect(stylish([createResult('/repo/a.md', 'a.md', [])], context)).toBe('');
  });

  it('groups messages by file with aligned columns and a summary', () => {
    const text = stylish([createResult('/repo/a.md', 'a.md', messages)], context);
    expect(text).toBe(
      [
        'a.md',
        '  3:9   error    Unexpected `DONE`, expected `ACTIVE`  frontmatter-status',
        '  12:1  warning  Unexpected missing solution section  section-required',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    const text = stylish([createResult('/repo/a.md', 'a.md', messages)], { ...context, color: true });
    expect(text).toContain('\u001b[31merror  \u001b[39m');
  });
});

describe('json', () => {
  it('prints the ESLint formatter shape without source', () => {
    const result = createResult('/repo/a.md', 'a.md', messages);
    expect(JSON.parse(json([result]))).toEqual([
      {
        filePath: '/repo/a.md',
        messages,
        errorCount: 1,
        warningCount: 1,
        fatalErrorCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });
});
