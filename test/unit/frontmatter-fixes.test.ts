/**
 * The fixes the front-matter rules declare: each is applied here by hand to
 * the text, the result compared with the text a person would write, and
 * linted again to come out clean for that rule.
 */
import { describe, expect, it } from 'vitest';
import frontmatterDate from '../../rules/frontmatter-date.js';
import frontmatterRequiredKeys from '../../rules/frontmatter-required-keys.js';
import frontmatterStatus from '../../rules/frontmatter-status.js';
import frontmatterType from '../../rules/frontmatter-type.js';
import type { LintMessage } from '../../src/result.js';
import type { Rule } from '../../src/rule.js';
import { lintWithRule } from '../helpers/rule-fixtures.js';

/** Apply the fixes of `messages` to `text`, last range first. */
function applyFixes(text: string, messages: LintMessage[]): string {
  const fixes = messages.flatMap((message) => (message.fix ? [message.fix] : []));
  fixes.sort((a, b) => b.range[0] - a.range[0]);
  let result = text;
  for (const { range, text: replacement } of fixes) {
    result = result.slice(0, range[0]) + replacement + result.slice(range[1]);
  }
  return result;
}

/** Lint, apply the fixes, check the text and that it lints clean. */
async function expectFixed(
  rule: Rule,
  before: string,
  after: string,
  options: Record<string, unknown> = {},
  path?: string,
): Promise<void> {
  const { messages, file } = await lintWithRule(rule, before, options, path);
  expect(messages.length).toBeGreaterThan(0);
  const fixed = applyFixes(String(file.value), messages);
  expect(fixed).toBe(after);
  const again = await lintWithRule(rule, fixed, options, path);
  expect(again.messages).toEqual([]);
}

/** Join lines with `eol`, ending with one. */
function lines(eol: string, ...items: string[]): string {
  return items.join(eol) + eol;
}

describe('frontmatter-required-keys fixes', () => {
  const archived = 'status: ARCHIVED';
  const path = '2026-01-13_backend-startup-troubleshooting.md';

  it('inserts `date` from the file name, never from `last_update`', async () => {
    const before = lines('\n', '---', 'type: Journal', archived, 'owner: Curator', 'last_update: 2026-01-20', '---', '', '# T');
    const after = lines('\n', '---', 'type: Journal', archived, 'owner: Curator', 'last_update: 2026-01-20', 'date: 2026-01-13', '---', '', '# T');
    await expectFixed(frontmatterRequiredKeys, before, after, {}, path);
  });

  it('inserts with the file’s own CRLF line ending', async () => {
    const before = lines('\r\n', '---', 'type: Journal', archived, 'owner: Curator', '---', '# T');
    const after = lines('\r\n', '---', 'type: Journal', archived, 'owner: Curator', 'date: 2026-01-13', '---', '# T');
    await expectFixed(frontmatterRequiredKeys, before, after, {}, path);
  });

  it('offers no fix when the name has no date', async () => {
    const text = lines('\n', '---', 'type: Journal', archived, 'owner: Curator', '---');
    const { messages } = await lintWithRule(frontmatterRequiredKeys, text, {}, 'notes.md');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.fix).toBeUndefined();
  });

  it('renames a key under an alias, keeping its value', async () => {
    const before = lines('\n', '---', 'type: journal', 'status: ACTIVE', 'author: Lead Architect', 'date: 2026-03-06', '---');
    const after = lines('\n', '---', 'type: journal', 'status: ACTIVE', 'owner: Lead Architect', 'date: 2026-03-06', '---');
    await expectFixed(frontmatterRequiredKeys, before, after, { aliases: { author: 'owner' } });
  });

  it('does not rename onto a key that exists', async () => {
    const text = lines('\n', '---', 'type: journal', 'status: ACTIVE', 'owner: A', 'author: B', 'date: 2026-03-06', '---');
    const options = { aliases: { author: 'owner' } };
    const { messages } = await lintWithRule(frontmatterRequiredKeys, text, options);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toBe('Unexpected key `author`, expected `owner`');
    expect(messages[0]!.fix).toBeUndefined();
  });
});

describe('frontmatter-type and frontmatter-status fixes', () => {
  const head = ['---', 'owner: Curator', 'date: 2026-01-20'];

  it('writes the configured spelling of `type` when enforced', async () => {
    const before = lines('\n', ...head, 'type: journal', '---');
    const after = lines('\n', ...head, 'type: Journal', '---');
    await expectFixed(frontmatterType, before, after, { enforceSpelling: true });
  });

  it('replaces a `type` alias by its value', async () => {
    const before = lines('\n', ...head, 'type: "Session"', '---');
    const after = lines('\n', ...head, 'type: Journal', '---');
    await expectFixed(frontmatterType, before, after, { aliases: { session: 'Journal' } });
  });

  it('replaces `COMPLETED` by `ARCHIVED` with an alias, in a CRLF file', async () => {
    const before = lines('\r\n', ...head, 'status: COMPLETED', '---');
    const after = lines('\r\n', ...head, 'status: ARCHIVED', '---');
    await expectFixed(frontmatterStatus, before, after, { aliases: { Completed: 'ARCHIVED' } });
  });

  it('writes the configured spelling of `status` when enforced', async () => {
    const before = lines('\n', ...head, 'status: Active  ', '---');
    const after = lines('\n', ...head, 'status: ACTIVE  ', '---');
    await expectFixed(frontmatterStatus, before, after, { enforceSpelling: true });
  });

  it('leaves `COMPLETED` without an alias an error with no fix', async () => {
    const text = lines('\n', ...head, 'status: COMPLETED', '---');
    const { messages } = await lintWithRule(frontmatterStatus, text);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.fix).toBeUndefined();
  });
});

describe('frontmatter-date fixes', () => {
  const head = ['---', 'type: journal', 'status: ACTIVE', 'owner: Curator'];

  it.each([
    ['06.03.2026', '2026-03-06'],
    ['2026-3-6', '2026-03-06'],
    ['"06.03.2026"', '2026-03-06'],
    ['20. Jänner 2026', '2026-01-20'],
    ['6. März 2026', '2026-03-06'],
  ])('rewrites `%s` as `%s`', async (written, iso) => {
    const before = lines('\n', ...head, `date: ${written}`, '---', '', '# T');
    const after = lines('\n', ...head, `date: ${iso}`, '---', '', '# T');
    await expectFixed(frontmatterDate, before, after);
  });

  it('keeps a byte order mark out of the offsets', async () => {
    const before = `\uFEFF${lines('\r\n', ...head, 'date: 2026-3-6', '---')}`;
    const after = lines('\r\n', ...head, 'date: 2026-03-06', '---');
    await expectFixed(frontmatterDate, before, after);
  });

  it('offers no fix for a day that does not exist', async () => {
    const text = lines('\n', ...head, 'date: 2026-02-30', '---');
    const { messages } = await lintWithRule(frontmatterDate, text);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.fix).toBeUndefined();
  });
});
