/**
 * `journal-kb lint --fix` through `main`: writes fixed files with their
 * byte order mark, CRLF line endings and trailing spaces, reports what
 * remains, and leaves files it cannot parse alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, run } from './helpers/cli.js';

const CONFIG = '.journalkbrc.yaml';
const ALIASES = 'rules:\n  frontmatter-status: [error, { aliases: { COMPLETED: ARCHIVED } }]\n';

/** An entry with a German date, a `COMPLETED` status and no owner, in CRLF. */
const ENTRY =
  '\uFEFF---\r\ntype: Journal\r\nstatus: COMPLETED  \r\ndate: 15.01.2026\r\n---\r\n\r\n# Titel\r\n\r\n## Problem\r\n\r\nX.  \r\n\r\n## Lösung\r\n\r\nY.\r\n';

describe('journal-kb lint --fix', () => {
  it('fixes in place, keeps every other byte, and reports what remains', async () => {
    const cwd = makeTempDir({ [CONFIG]: ALIASES, '2026-01-15_Entry.md': ENTRY });
    const result = await run(['lint', '.', '--fix', '--format', 'json'], cwd);
    expect(result.code).toBe(1);
    expect(readFileSync(join(cwd, '2026-01-15_Entry.md'), 'utf8')).toBe(
      ENTRY.replace('status: COMPLETED  ', 'status: ARCHIVED  ').replace('date: 15.01.2026', 'date: 2026-01-15'),
    );
    const [file] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; fix?: unknown }>; fixableErrorCount: number }>;
    // `owner` is missing: no fix can supply it.
    expect(file!.messages.map((m) => [m.ruleId, m.line])).toEqual([['frontmatter-required-keys', 1]]);
    expect(file!.fixableErrorCount).toBe(0);

    const again = await run(['lint', '.', '--fix'], cwd);
    expect(again.code).toBe(1);
    expect(readFileSync(join(cwd, '2026-01-15_Entry.md'), 'utf8')).toBe(
      ENTRY.replace('status: COMPLETED  ', 'status: ARCHIVED  ').replace('date: 15.01.2026', 'date: 2026-01-15'),
    );
  });

  it('changes nothing without --fix, and says fixes exist', async () => {
    const cwd = makeTempDir({ [CONFIG]: ALIASES, '2026-01-15_Entry.md': ENTRY });
    const result = await run(['lint', '.', '--format', 'json'], cwd);
    const [file] = JSON.parse(result.stdout) as Array<{ fixableErrorCount: number }>;
    expect(file!.fixableErrorCount).toBe(2);
    expect(readFileSync(join(cwd, '2026-01-15_Entry.md'), 'utf8')).toBe(ENTRY);
  });

  it('does not write a file with invalid YAML, and inserts a missing date from the file name', async () => {
    const broken = '---\ntype: Journal\nstatus: [ACTIVE\ndate: 15.01.2026\n---\n\n# T\n';
    const undated = '---\ntype: Journal\nstatus: ACTIVE\nowner: Ann\n---\n\n# T\n\n## Problem\n\nX.\n\n## Lösung\n\nY.\n';
    const cwd = makeTempDir({ [CONFIG]: 'rules: {}\n', '2026-01-15_Broken.md': broken, '2026-01-16_Undated.md': undated });
    await run(['lint', '.', '--fix'], cwd);
    expect(readFileSync(join(cwd, '2026-01-15_Broken.md'), 'utf8')).toBe(broken);
    expect(readFileSync(join(cwd, '2026-01-16_Undated.md'), 'utf8')).toBe(undated.replace('owner: Ann\n', 'owner: Ann\ndate: 2026-01-16\n'));
    expect(await run(['lint', '2026-01-16_Undated.md'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
