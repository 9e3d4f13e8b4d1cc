/**
 * `migrate`: header inference from the legacy entries of the corpus (values
 * read off each file by hand), the inserted block, and the command line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateText, unifiedDiff } from '../src/commands/migrate.js';
import { readLegacyHeader } from '../src/legacy-header.js';
import { copyCorpus } from './fix-helpers.js';
import { makeTempDir, run } from './helpers/cli.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'meldestelle');

/** Read a corpus file as text. */
function corpus(path: string): string {
  return readFileSync(join(CORPUS, path), 'utf8');
}

/** What each legacy entry says about itself, read off the files by hand. */
const EXPECTED: Array<[string, { date: string; owner?: string; status?: string; participants: string[] }]> = [
  ['legacy/2026-01-13_backend-startup-troubleshooting.md', { date: '2026-01-13', owner: 'Senior Backend Developer', participants: ['Senior Backend Developer'] }],
  ['legacy/2026-01-13_initial-curator-analysis.md', { date: '2026-01-13', owner: 'Documentation & Knowledge Curator', participants: [] }],
  ['legacy/2026-01-13_request-for-project-structure-analysis.md', { date: '2026-01-13', owner: 'Documentation & Knowledge Curator', participants: [] }],
  ['legacy/2026-01-14_Konsolidierung_Dokumentationsstruktur.md', { date: '2026-01-14', owner: 'Documentation & Knowledge Curator', participants: [] }],
  ['legacy/2026-01-14_TODO_Final-Doc-Cleanup.md', { date: '2026-01-14', owner: 'Documentation & Knowledge Curator', status: 'Offen', participants: [] }],
  ['legacy/2026-01-15_Agent_Collaboration_Ideas.md', { date: '2026-01-15', owner: 'Documentation & Knowledge Curator', participants: [] }],
  ['legacy/2026-01-15_Architect_Session_Log.md', { date: '2026-01-15', owner: 'Lead Software Architect', participants: [] }],
  ['legacy/2026-01-15_Archiving_Strategy.md', { date: '2026-01-15', owner: 'Documentation & Knowledge Curator', participants: [] }],
  ['legacy/2026-01-15_Domain_Analysis_Session.md', { date: '2026-01-15', owner: 'Domain/Product Expert', status: 'Abgeschlossen', participants: ['User (Stefan)'] }],
  // Its `**Status:**` on line 35 is in the body, not the header block.
  ['legacy/2026-01-15_Session_Log_Cleanup_and_Process.md', { date: '2026-01-15', owner: 'Documentation & Knowledge Curator', participants: [] }],
  ['99_Journal/_archive/2026-01-20_Session_Log_Frontend_Integration.md', { date: '2026-01-20', participants: ['User', 'Frontend Developer (AI)', 'Curator (AI)'] }],
];

describe('readLegacyHeader on the corpus', () => {
  it.each(EXPECTED)('reads %s', (path, expected) => {
    const header = readLegacyHeader(corpus(path), path);
    expect(header.date).toBe(expected.date);
    expect(header.dateSource).toBe('header');
    expect(header.owner).toBe(expected.owner);
    expect(header.status).toBe(expected.status);
    expect(header.type).toBeUndefined();
    expect(header.participants).toEqual(expected.participants);
    expect(header.problems).toEqual([]);
  });
});

describe('readLegacyHeader', () => {
  it('reads English labels, a colon outside the bold and named months', () => {
    const text = '# T\r\n\r\n- **Date**: March 6, 2026\r\n- **Author:** Jane Roe  \r\n- **Type:** ADR\r\n';
    const header = readLegacyHeader(text, 'notes.md');
    expect(header).toMatchObject({ date: '2026-03-06', owner: 'Jane Roe', type: 'ADR', lines: { date: 3, owner: 4, type: 5 } });
  });

  it('prefers an author line over a role line, and one participant over nothing', () => {
    expect(readLegacyHeader('**Rolle:** Architect\n**Autor:** Ann\n', 'x.md').owner).toBe('Ann');
    expect(readLegacyHeader('**Teilnehmer:** Bob und Eve\n', 'x.md').owner).toBeUndefined();
    expect(readLegacyHeader('**Teilnehmer:** Bob\n', 'x.md').owner).toBe('Bob');
  });

  it('falls back to the file name and reports a date it cannot read', () => {
    const header = readLegacyHeader('# T\n**Datum:** irgendwann im Jänner\n', 'dir/2026-01-20_X.md');
    expect(header.date).toBe('2026-01-20');
    expect(header.dateSource).toBe('file-name');
    expect(header.problems).toEqual([
      { line: 2, message: 'Unexpected date `irgendwann im Jänner`, expected a day such as `2026-01-15`, `15.01.2026` or `15. Jänner 2026`' },
    ]);
  });

  it('keeps the date line when the file name disagrees, and says so', () => {
    const header = readLegacyHeader('**Datum:** 20. Jänner 2026\n', '2026-01-21_X.md');
    expect(header.date).toBe('2026-01-20');
    expect(header.problems).toEqual([
      { line: 1, message: 'Unexpected date `2026-01-21` in the file name, expected `2026-01-20` as on this line (kept `2026-01-20`)' },
    ]);
  });

  it('reads no header lines after a paragraph', () => {
    expect(readLegacyHeader('# T\n\nIntro.\n\n**Datum:** 1.2.2026\n', 'x.md').date).toBeUndefined();
  });
});

describe('migrateText', () => {
  it('inserts type, status, owner and date in that order, with the file’s line endings', () => {
    const text = '# T\r\n**Datum:** 15.01.2026\r\n**Autor:** #1 Fan\r\n';
    const migration = migrateText(text, '2026-01-15_T.md', { status: 'DRAFT' });
    expect(migration.output).toBe(
      `---\r\ntype: Journal\r\nstatus: DRAFT\r\nowner: "#1 Fan"\r\ndate: 2026-01-15\r\n---\r\n\r\n${text}`,
    );
    expect(migration.notes).toEqual([]);
  });

  it('leaves out what it cannot infer and says why', () => {
    const migration = migrateText('Just text.\n', 'notes.md', {});
    expect(migration.fields).toEqual([['type', 'Journal']]);
    expect(migration.notes.map((note) => note.message)).toEqual([
      'Unexpected missing `status`, expected a `**Status:**` line; left it out (pass `--status` or set `defaults.status`)',
      'Unexpected missing `owner`, expected an `**Autor:**` line or a single participant; left it out (pass `--owner` or set `defaults.owner`)',
      'Unexpected missing `date`, expected a `**Datum:**` line or a date at the start of the file name; left it out (add a `**Datum:**` line)',
    ]);
    expect(migration.output).toBe('---\ntype: Journal\n---\n\nJust text.\n');
  });

  it('takes what the entry says over the defaults', () => {
    const text = corpus('legacy/2026-01-14_TODO_Final-Doc-Cleanup.md');
    const migration = migrateText(text, 'legacy/2026-01-14_TODO_Final-Doc-Cleanup.md', { status: 'ARCHIVED', owner: 'Unknown', type: 'Report' });
    expect(migration.fields).toEqual([
      ['type', 'Report'],
      ['status', 'Offen'],
      ['owner', 'Documentation & Knowledge Curator'],
      ['date', '2026-01-14'],
    ]);
  });

  it('prints a diff that a patch tool reads', () => {
    expect(unifiedDiff('a.md', '# T\n', '---\ntype: Journal\n---\n\n# T\n')).toBe(
      '--- a/a.md\n+++ b/a.md\n@@ -1,1 +1,5 @@\n+---\n+type: Journal\n+---\n+\n # T\n',
    );
  });
});

describe('journal-kb migrate', () => {
  const LEGACY = '# Journal: X\n\n**Datum:** 15.01.2026\n**Autor:** Ann\n\n## Problem\n';
  const WITH_FM = '---\ntype: Journal\n---\n\n# Y\n';

  it('prints a diff and changes nothing by default', async () => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules: {}\n', 'j/2026-01-15_X.md': LEGACY, 'j/2026-01-16_Y.md': WITH_FM });
    const result = await run(['migrate', 'j'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '--- a/j/2026-01-15_X.md\n+++ b/j/2026-01-15_X.md\n@@ -1,3 +1,9 @@\n+---\n+type: Journal\n+owner: Ann\n+date: 2026-01-15\n+---\n+\n # Journal: X\n \n **Datum:** 15.01.2026\n',
    );
    expect(result.stderr).toBe(
      'j/2026-01-15_X.md:1:1: Unexpected missing `status`, expected a `**Status:**` line; left it out (pass `--status` or set `defaults.status`)\n',
    );
    expect(readFileSync(join(cwd, 'j/2026-01-15_X.md'), 'utf8')).toBe(LEGACY);
  });

  it('writes with --write, keeps a byte order mark, and a second run changes nothing', async () => {
    const cwd = makeTempDir({
      '.journalkbrc.yaml': 'defaults:\n  status: ACTIVE\n',
      'j/2026-01-15_X.md': `\uFEFF${LEGACY}`,
      'j/2026-01-16_Y.md': WITH_FM,
    });
    const first = await run(['migrate', 'j', '--write', '--owner', 'Nobody'], cwd);
    expect(first).toEqual({ code: 0, stdout: '', stderr: 'journal-kb: wrote front matter to 1 of 2 entries\n' });
    expect(readFileSync(join(cwd, 'j/2026-01-15_X.md'), 'utf8')).toBe(
      `\uFEFF---\ntype: Journal\nstatus: ACTIVE\nowner: Ann\ndate: 2026-01-15\n---\n\n${LEGACY}`,
    );
    expect(readFileSync(join(cwd, 'j/2026-01-16_Y.md'), 'utf8')).toBe(WITH_FM);
    const second = await run(['migrate', 'j'], cwd);
    expect(second).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('rejects an empty flag value', async () => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules: {}\n', '2026-01-15_X.md': LEGACY });
    const result = await run(['migrate', '.', '--status', ' '], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'journal-kb: Option `--status` of `migrate` is empty, expected a value (see `journal-kb migrate --help`)\n',
    );
  });

  it('rejects a status or type the rules would reject, but takes an alias', async () => {
    const cwd = makeTempDir({
      '.journalkbrc.yaml': 'rules:\n  frontmatter-status: [error, {aliases: {COMPLETED: ARCHIVED}}]\n',
      '2026-01-15_X.md': LEGACY,
    });
    const bogus = await run(['migrate', '.', '--status', 'BOGUS'], cwd);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe(
      'journal-kb: Option `--status` of `migrate` is `BOGUS`, expected one of `DRAFT`, `ACTIVE`, `DEPRECATED`, `ARCHIVED`\n',
    );
    const type = await run(['migrate', '.', '--type', 'Diary'], cwd);
    expect(type.code).toBe(2);
    expect((await run(['migrate', '.', '--status', 'completed'], cwd)).code).toBe(0);
    expect((await run(['migrate', '.', '--status', 'archived'], cwd)).code).toBe(0);
  });

  it('prints a diff of a file with a byte order mark that git applies', async () => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules: {}\n', '2026-01-15_X.md': `\uFEFF${LEGACY.replace(/\n/g, '\r\n')}` });
    const result = await run(['migrate', '.', '--status', 'DRAFT'], cwd);
    writeFileSync(join(cwd, 'change.diff'), result.stdout);
    execFileSync('git', ['init', '-q'], { cwd });
    execFileSync('git', ['apply', '--unsafe-paths', '-p1', 'change.diff'], { cwd });
    const migrated = await run(['migrate', '.', '--status', 'DRAFT'], cwd);
    expect(migrated.stdout).toBe('');
    expect(readFileSync(join(cwd, '2026-01-15_X.md'), 'utf8')).toBe(
      `\uFEFF---\r\ntype: Journal\r\nstatus: DRAFT\r\nowner: Ann\r\ndate: 2026-01-15\r\n---\r\n\r\n${LEGACY.replace(/\n/g, '\r\n')}`,
    );
  });

  it('reports a file it cannot read and goes on', async () => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules: {}\n', '2026-01-15_X.md': Buffer.from([0, 1, 2]), '2026-01-16_Y.md': LEGACY });
    const result = await run(['migrate', '.', '--write', '--status', 'DRAFT'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      '2026-01-15_X.md:1:1: Unexpected binary file, expected UTF-8 text; not migrated\n' +
        '2026-01-16_Y.md:3:1: Unexpected date `2026-01-16` in the file name, expected `2026-01-15` as on this line (kept `2026-01-15`)\n' +
        'journal-kb: wrote front matter to 1 of 2 entries\n',
    );
  });

  it('migrates the corpus copy without touching entries that have front matter', async () => {
    const cwd = copyCorpus();
    writeFileSync(join(cwd, '.journalkbrc.yaml'), 'rules: {}\n');
    const canonical = '99_Journal/2026-03-06_Session_Log_Pipeline_Fix_v3.md';
    const before = readFileSync(join(cwd, canonical));
    const result = await run(['migrate', '99_Journal', 'legacy', '--write', '--status', 'ARCHIVED', '--owner', 'Unknown'], cwd);
    expect(result.code).toBe(0);
    // 26 entries in _archive (2026-01.md is a monthly summary), the canonical one, 10 legacy.
    expect(result.stderr).toContain('journal-kb: wrote front matter to 11 of 37 entries\n');
    expect(readFileSync(join(cwd, canonical)).equals(before)).toBe(true);
  });
});
