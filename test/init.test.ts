/**
 * `journal-kb init`: writes `.journalkbrc.yaml` and an executable git
 * pre-commit hook, atomically, and never overwrites either without
 * `--force`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookText } from '../src/commands/init.js';
import { GOOD_ENTRY, makeTempDir, run } from './helpers/cli.js';

/** A temporary git repository holding `files`. */
function makeRepo(files: Record<string, string> = {}): string {
  const cwd = makeTempDir(files);
  execFileSync('git', ['init', '-q', cwd]);
  return cwd;
}

const HOOK = '.git/hooks/pre-commit';

describe('journal-kb init', () => {
  it('writes the configuration and an executable hook', async () => {
    const cwd = makeRepo();
    const { code, stdout, stderr } = await run(['init'], cwd);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`wrote .journalkbrc.yaml\nwrote ${HOOK}\n`);
    const config = readFileSync(join(cwd, '.journalkbrc.yaml'), 'utf8');
    expect(config).toContain('\njournal: "docs/99_Journal"\n');
    expect(config).toContain('\nrules: {}\n');
    expect(readFileSync(join(cwd, HOOK), 'utf8')).toBe(hookText('docs/99_Journal'));
    expect(statSync(join(cwd, HOOK)).mode & 0o777).toBe(0o755);
    expect(readdirSync(join(cwd, '.git/hooks')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a configuration that lint reads', async () => {
    const cwd = makeRepo({ 'notes/journal/2026-03-06_Good.md': GOOD_ENTRY });
    await run(['init', '--journal', 'notes/journal'], cwd);
    const config = readFileSync(join(cwd, '.journalkbrc.yaml'), 'utf8');
    expect(config).toContain('\njournal: "notes/journal"\n');
    const { stdout } = await run(['lint', '--format', 'json'], cwd);
    const results = JSON.parse(stdout) as Array<{ filePath: string }>;
    expect(results.map((result) => result.filePath)).toEqual([
      join(cwd, 'notes/journal/2026-03-06_Good.md'),
    ]);
  });

  it('keeps existing files without --force and names them', async () => {
    const cwd = makeRepo({ '.journalkbrc.yaml': 'rules: {}\n' });
    writeFileSync(join(cwd, HOOK), '#!/bin/sh\nexit 0\n');
    const { code, stdout, stderr } = await run(['init'], cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'journal-kb: Unexpected existing `.journalkbrc.yaml`, `.git/hooks/pre-commit`, expected no such file (use `--force` to overwrite)\n',
    );
    expect(readFileSync(join(cwd, '.journalkbrc.yaml'), 'utf8')).toBe('rules: {}\n');
    expect(readFileSync(join(cwd, HOOK), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });

  it('overwrites with --force', async () => {
    const cwd = makeRepo({ '.journalkbrc.yaml': 'rules: {}\n' });
    const { code } = await run(['init', '--force'], cwd);
    expect(code).toBe(0);
    expect(readFileSync(join(cwd, '.journalkbrc.yaml'), 'utf8')).toContain('journal:');
  });

  it('writes only the configuration outside git with --no-hook', async () => {
    const cwd = makeTempDir();
    const refused = await run(['init'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('expected a git work tree for the hook');
    expect(readdirSync(cwd)).toEqual([]);
    const { code, stdout } = await run(['init', '--no-hook'], cwd);
    expect(code).toBe(0);
    expect(stdout).toBe('wrote .journalkbrc.yaml\n');
  });

  it('writes only the hook with --no-config', async () => {
    const cwd = makeRepo({ '.journalkbrc.yaml': 'rules: {}\n' });
    const { code, stdout } = await run(['init', '--no-config'], cwd);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${HOOK}\n`);
  });
});
