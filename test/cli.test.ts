/**
 * The command line contract: help, version, usage errors, exit codes,
 * `--quiet`, `--max-warnings` and a silent clean run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_ENTRY, makeTempDir, run } from './helpers/cli.js';

const LEGACY = '# Title\n\n## Problem\n\nX.\n\n## Lösung\n\nY.\n';
const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('command line', () => {
  it('prints the version and help', async () => {
    const cwd = makeTempDir();
    expect(await run(['--version'], cwd)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await run(['--help'], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: journal-kb <command> [options]');
    expect(help.stdout).toContain('  lint ');
    const lintHelp = await run(['lint', '--help'], cwd);
    expect(lintHelp.stdout).toContain('--max-warnings N');
  });

  it('says what is wrong with a command or flag and exits 2', async () => {
    const cwd = makeTempDir({ '2026-03-06_Good.md': GOOD_ENTRY });
    const cases: Array<[string[], string]> = [
      [['frobnicate'], 'Unknown command `frobnicate`'],
      [['lint', '--colour'], 'Unknown option `--colour` for `lint`'],
      [['lint', '.', '--format', 'xml'], 'Unknown format `xml` for `--format`'],
      [['lint', '.', '--max-warnings', 'many'], 'Option `--max-warnings` of `lint` is `many`, expected a whole number of at least 0'],
      [['lint', '.', '--format'], 'Option `--format` of `lint` needs a value'],
      [
        ['lint', '.', '--max-warnings', '-1'],
        'Option `--max-warnings` of `lint` is followed by `-1`, read as an option, expected a value (write `--max-warnings=-1` for a value starting with `-`',
      ],
      [['lint', '.', '--max-warnings=-1'], 'Option `--max-warnings` of `lint` is `-1`, expected a whole number of at least 0'],
      [['build', '.', '--out', ''], 'Option `--out` of `build` is empty, expected a value'],
      [['init', '--journal', ''], 'Option `--journal` of `init` is empty, expected a value'],
      [['build', '.', '--out', ' '], 'Option `--out` of `build` is empty, expected a value'],
    ];
    for (const [argv, expected] of cases) {
      const result = await run(argv, cwd);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout, argv.join(' ')).toBe('');
      expect(result.stderr, argv.join(' ')).toContain(expected);
    }
  });

  it('prints nothing and exits 0 for a clean entry', async () => {
    const cwd = makeTempDir({ '2026-03-06_Good.md': GOOD_ENTRY });
    expect(await run(['lint', '2026-03-06_Good.md'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on errors and 2 when no path matches an entry', async () => {
    const cwd = makeTempDir({ '2026-03-06_Legacy.md': LEGACY, 'README.md': LEGACY, 'empty/x.txt': '' });
    expect((await run(['lint', '.'], cwd)).code).toBe(1);
    const none = await run(['lint', 'empty'], cwd);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('`empty` matched no entry');
    expect(none.stderr).toContain('No journal entries to lint');
  });

  it('skips an explicitly named file that is not an entry, silently', async () => {
    // A pre-commit hook may pass every staged Markdown file: README.md
    // is not an entry, so nothing is linted and nothing is said.
    const cwd = makeTempDir({ 'README.md': LEGACY });
    expect(await run(['lint', 'README.md'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('counts warnings against --max-warnings and hides them with --quiet', async () => {
    const cwd = makeTempDir({
      '.journalkbrc.yaml': 'rules:\n  frontmatter-present: warn\n',
      '2026-03-06_Legacy.md': LEGACY,
    });
    const onlyPresent = ['--format', 'json'];
    const warned = await run(['lint', '.', ...onlyPresent], cwd);
    const messages = (JSON.parse(warned.stdout) as Array<{ messages: Array<{ ruleId: string; severity: number }> }>)[0]!.messages;
    expect(messages.filter((m) => m.ruleId === 'frontmatter-present')).toEqual([expect.objectContaining({ severity: 1 })]);
    const errors = messages.filter((m) => m.severity === 2).length;
    const warnings = messages.length - errors;
    // The entry is fine but for its front matter, now only a warning.
    expect(errors).toBe(0);
    expect(warned.code).toBe(0);
    const over = await run(['lint', '.', '--max-warnings', String(warnings - 1)], cwd);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(
      `journal-kb: ${warnings} warning${warnings === 1 ? '' : 's'}, more than \`--max-warnings ${warnings - 1}\` allows\n`,
    );
    expect((await run(['lint', '.', '--max-warnings', String(warnings)], cwd)).code).toBe(0);
    const quiet = await run(['lint', '.', '--quiet', ...onlyPresent], cwd);
    const quietMessages = (JSON.parse(quiet.stdout) as Array<{ messages: Array<{ severity: number }> }>)[0]!.messages;
    expect(quietMessages.every((m) => m.severity === 2)).toBe(true);
    expect(quietMessages).toHaveLength(errors);
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const cwd = makeTempDir({ '2026-03-06_Legacy.md': LEGACY });
    const result = await run(['lint', '.', '--format', 'json', '--output', 'out/report.json'], cwd);
    expect(result.stdout).toBe('');
    const written = JSON.parse(readFileSync(join(cwd, 'out', 'report.json'), 'utf8')) as unknown[];
    expect(written).toHaveLength(1);
  });
});
