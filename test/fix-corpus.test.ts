/**
 * Adopting the corpus: `migrate --write` then `lint --fix` on a copy of
 * `meldestelle` leaves no front-matter error but statuses outside the
 * list; with value aliases configured, none at all. Expected values were
 * read off the corpus: 14 `_archive` entries have `last_update` but no
 * `date`, 11 say `COMPLETED`, one legacy entry says `Offen`, one
 * `Abgeschlossen`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCorpus } from './fix-helpers.js';
import { run } from './helpers/cli.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'meldestelle');
const PATHS = ['99_Journal', 'legacy'];
const COMPLETED = [
  '2026-01-20_Session_Log_Tech_Stack_and_Cleanup',
  '2026-01-21_Session_Log',
  '2026-01-22_Session_Log',
  '2026-01-22_Session_Log_Frontend_Auth',
  '2026-01-23_Session_Log',
  '2026-01-23_Session_Log_Auth_Fixes',
  '2026-01-26_Session_Log',
  '2026-01-27_Session_Log',
  '2026-01-28_Session_Log',
  '2026-01-29_Session_Log_Arch_Guards',
  '2026-01-29_Session_Log_Roadmap_Update',
].map((name) => `99_Journal/_archive/${name}.md`);

interface Reported {
  file: string;
  ruleId: string | null;
  message: string;
}

/** Lint with `--format json` (plus `extra`) and list the messages. */
async function lintMessages(cwd: string, extra: string[] = []): Promise<Reported[]> {
  const result = await run(['lint', ...PATHS, '--format', 'json', ...extra], cwd);
  const files = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Reported[] }>;
  return files.flatMap((file) =>
    file.messages.map((m) => ({ file: file.filePath.slice(cwd.length + 1), ruleId: m.ruleId, message: m.message })),
  );
}

/** Messages of the front-matter and file-name rules only. */
function headerMessages(messages: Reported[]): Reported[] {
  return messages.filter((m) => /^(frontmatter|filename)-/.test(m.ruleId ?? ''));
}

/** Every file of a folder, path → bytes. */
function snapshot(folder: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const item of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${item.name}` : item.name;
    if (item.isDirectory()) for (const [k, v] of snapshot(folder, path)) files.set(k, v);
    else files.set(path, readFileSync(join(folder, path), 'latin1'));
  }
  return files;
}

/** A status message as the rule words it. */
function statusMessage(file: string, value: string): Reported {
  return {
    file,
    ruleId: 'frontmatter-status',
    message: `Unexpected \`status\` \`${value}\`, expected one of \`DRAFT\`, \`ACTIVE\`, \`DEPRECATED\`, \`ARCHIVED\``,
  };
}

describe('migrate, then lint --fix, on the corpus', () => {
  it('leaves only statuses outside the list, and fixes only what it says', { timeout: 300_000 }, async () => {
    const cwd = copyCorpus();
    writeFileSync(join(cwd, '.journalkbrc.yaml'), 'rules: {}\n');
    const before = headerMessages(await lintMessages(cwd));
    expect(before.filter((m) => m.ruleId === 'frontmatter-required-keys')).toHaveLength(14);

    const migrate = await run(['migrate', ...PATHS, '--write', '--status', 'ARCHIVED', '--owner', 'Unknown'], cwd);
    expect(migrate.code).toBe(0);
    const fix = await run(['lint', ...PATHS, '--fix', '--format', 'json'], cwd);
    expect(fix.code).toBe(1);

    const remaining = headerMessages(await lintMessages(cwd));
    expect(remaining).toEqual(
      [
        ...COMPLETED.map((file) => statusMessage(file, 'COMPLETED')),
        statusMessage('legacy/2026-01-14_TODO_Final-Doc-Cleanup.md', 'Offen'),
        statusMessage('legacy/2026-01-15_Domain_Analysis_Session.md', 'Abgeschlossen'),
      ].sort((a, b) => (a.file < b.file ? -1 : 1)),
    );

    // The date came from the file name, inserted before the closing fence; nothing else moved.
    const archived = '99_Journal/_archive/2026-01-13_initial-curator-analysis.md';
    const original = readFileSync(join(CORPUS, archived), 'utf8');
    expect(readFileSync(join(cwd, archived), 'utf8')).toBe(
      original.replace('last_update: 2026-01-20\n---\n', 'last_update: 2026-01-20\ndate: 2026-01-13\n---\n'),
    );

    // A second run changes nothing.
    const fixed = snapshot(cwd);
    await run(['lint', ...PATHS, '--fix'], cwd);
    await run(['migrate', ...PATHS, '--write'], cwd);
    expect(snapshot(cwd)).toEqual(fixed);
  });

  it('leaves no front-matter error at all with value aliases configured', { timeout: 300_000 }, async () => {
    const cwd = copyCorpus();
    writeFileSync(
      join(cwd, '.journalkbrc.yaml'),
      'rules:\n  frontmatter-status: [error, { aliases: { COMPLETED: ARCHIVED, Abgeschlossen: ARCHIVED, Offen: ACTIVE } }]\n',
    );
    await run(['migrate', ...PATHS, '--write', '--status', 'ARCHIVED', '--owner', 'Unknown'], cwd);
    await run(['lint', ...PATHS, '--fix'], cwd);
    expect(headerMessages(await lintMessages(cwd))).toEqual([]);
    for (const file of COMPLETED) {
      const original = readFileSync(join(CORPUS, file), 'utf8');
      expect(readFileSync(join(cwd, file), 'utf8')).toBe(original.replace('status: COMPLETED\n', 'status: ARCHIVED\n'));
    }
  });
});
