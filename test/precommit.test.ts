/**
 * Pre-commit: the command `.pre-commit-hooks.yaml` declares runs on the
 * staged files of a temporary git repository that its `files` pattern
 * selects; the real pre-commit framework runs it as a local hook; and the
 * git hook `journal-kb init` writes stops a commit with a bad entry. A
 * clean run prints nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './helpers/build.js';
import { GOOD_ENTRY, makeTempDir, run } from './helpers/cli.js';

/** The hook as `.pre-commit-hooks.yaml` declares it. */
interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}

const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const hook = hooks[0]!;

const BARE = '# No front matter\n';

/** Environment for git and pre-commit in a temporary repository. */
function gitEnv(cwd: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    PRE_COMMIT_HOME: join(cwd, '.pre-commit-home'),
    NO_COLOR: '1',
  };
}

/** Run git in `cwd`; returns stdout. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv(cwd), encoding: 'utf8', stdio: 'pipe' });
}

/** A repository with staged entries, non-entries and a file elsewhere. */
function makeRepo(): string {
  const cwd = makeTempDir({
    'docs/99_Journal/2026-03-06_Good.md': GOOD_ENTRY,
    'docs/99_Journal/2026-03-07_Bare.md': BARE,
    'docs/99_Journal/README.md': BARE,
    'docs/99_Journal/2026-01.md': BARE,
    'notes/2026-03-08_Elsewhere.md': BARE,
  });
  git(cwd, 'init', '-q');
  git(cwd, 'add', 'docs', 'notes');
  return cwd;
}

/** The staged files that the hook's `files` pattern selects. */
function selectStaged(cwd: string): string[] {
  const pattern = new RegExp(hook.files);
  const staged = git(cwd, 'diff', '--cached', '--name-only').split('\n');
  return staged.filter((path) => path !== '' && pattern.test(path));
}

beforeAll(() => {
  ensureBuilt();
}, 180_000);

describe('.pre-commit-hooks.yaml', () => {
  it('declares a serial node hook that runs `journal-kb lint`', () => {
    expect(hook).toMatchObject({ id: 'journal-kb', language: 'node', entry: 'journal-kb lint' });
    expect(hook.require_serial).toBe(true);
  });

  it('selects the dated entries of the journal folder only', () => {
    const cwd = makeRepo();
    expect(selectStaged(cwd)).toEqual([
      'docs/99_Journal/2026-03-06_Good.md',
      'docs/99_Journal/2026-03-07_Bare.md',
    ]);
  });

  it('fails on a staged bad entry, and prints nothing when clean', async () => {
    const cwd = makeRepo();
    const argv = [...hook.entry.split(' ').slice(1), ...selectStaged(cwd)];
    const bad = await run(argv, cwd);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('docs/99_Journal/2026-03-07_Bare.md');
    expect(bad.stdout).toContain('frontmatter-present');
    expect(bad.stdout).not.toContain('Elsewhere');
    git(cwd, 'rm', '-q', '--cached', 'docs/99_Journal/2026-03-07_Bare.md');
    const clean = await run([...hook.entry.split(' ').slice(1), ...selectStaged(cwd)], cwd);
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('skips given files that are not entries, silently', async () => {
    const cwd = makeRepo();
    const given = ['lint', 'docs/99_Journal/README.md', 'docs/99_Journal/2026-01.md'];
    expect(await run(given, cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('the real pre-commit framework', () => {
  it('runs the hook as a local hook on staged files', () => {
    const cwd = makeRepo();
    const bin = join(ROOT, 'bin', 'journal-kb.js');
    const local = [
      'repos:',
      '  - repo: local',
      '    hooks:',
      `      - id: ${hook.id}`,
      '        name: journal-kb lint',
      `        entry: ${JSON.stringify(`${process.execPath} ${bin} lint`)}`,
      '        language: system',
      `        files: ${JSON.stringify(hook.files)}`,
      '        require_serial: true',
      '',
    ].join('\n');
    writeFileSync(join(cwd, '.pre-commit-config.yaml'), local);
    git(cwd, 'add', '.pre-commit-config.yaml');
    const options = { cwd, env: gitEnv(cwd), encoding: 'utf8' as const };
    const bad = spawnSync('pre-commit', ['run'], options);
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toContain('docs/99_Journal/2026-03-07_Bare.md');
    expect(bad.stdout).toContain('frontmatter-present');
    git(cwd, 'rm', '-q', '--cached', 'docs/99_Journal/2026-03-07_Bare.md');
    const clean = spawnSync('pre-commit', ['run'], options);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/journal-kb lint\.+Passed/);
  }, 120_000);
});

describe('the git hook of `journal-kb init`', () => {
  it('stops a commit with a bad entry and lets a clean one through', async () => {
    const cwd = makeRepo();
    expect((await run(['init'], cwd)).code).toBe(0);
    mkdirSync(join(cwd, 'node_modules/.bin'), { recursive: true });
    symlinkSync(join(ROOT, 'bin', 'journal-kb.js'), join(cwd, 'node_modules/.bin/journal-kb'));
    const options = { cwd, env: gitEnv(cwd), encoding: 'utf8' as const };
    const bad = spawnSync('git', ['commit', '-q', '-m', 'Add entries'], options);
    // Git sends a hook's standard output to its standard error.
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('docs/99_Journal/2026-03-07_Bare.md');
    expect(bad.stderr).toContain('frontmatter-present');
    expect(bad.stderr).not.toContain('Elsewhere');
    git(cwd, 'rm', '-q', '--cached', 'docs/99_Journal/2026-03-07_Bare.md');
    const clean = spawnSync('git', ['commit', '-q', '-m', 'Add entries'], options);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout + clean.stderr).toBe('');
    expect(git(cwd, 'log', '--format=%s')).toBe('Add entries\n');
  }, 120_000);
});

describe('start-up of `lint`', () => {
  it('loads nothing of the knowledge-base or page code', () => {
    const cwd = makeRepo();
    // A module hook that names every file Node loads, on stderr.
    const hook = `export async function load(url, context, next) {
      if (url.startsWith('file:')) process._rawDebug('LOADED ' + url);
      return next(url, context);
    }`;
    const register = `import { register } from 'node:module';
      register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
    const bin = join(ROOT, 'bin', 'journal-kb.js');
    const traced = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, 'lint', 'docs'],
      { cwd, encoding: 'utf8' },
    );
    const loaded = traced.stderr
      .split('\n')
      .filter((line) => line.startsWith('LOADED '))
      .map((line) => fileURLToPath(line.slice('LOADED '.length)));
    expect(loaded.length).toBeGreaterThan(3);
    for (const path of loaded) {
      expect(path).not.toMatch(/[/\\](kb|render)[/\\]|minisearch/);
      // Bundled chunks name their sources in comments (`// src/kb/…`).
      if (path.includes(`${join('dist', 'bundle')}`)) {
        expect(readFileSync(path, 'utf8')).not.toMatch(/^\/\/ src\/(kb|render)\//m);
      }
    }
  }, 60_000);
});
