/**
 * The bin as a user runs it: a closed pipe ends the output quietly, and
 * `--output` through a link to a pipe writes into the pipe, and a failed
 * write to standard output is one line and exit 2.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './helpers/build.js';
import { GOOD_ENTRY, makeTempDir } from './helpers/cli.js';

describe('bin', () => {
  beforeAll(() => ensureBuilt());

  it('stops quietly when the reader closes the pipe', () => {
    const bin = join(ROOT, 'bin', 'journal-kb.js');
    // `head -c 1` closes the pipe after one byte; the rest of the rule list
    // meets a closed pipe. Only stderr is captured from the bin.
    const script = `node "${bin}" rules 2>"$ERR" | head -c 1 >/dev/null; cat "$ERR"`;
    const stderr = execFileSync('bash', ['-c', script], {
      env: { ...process.env, ERR: join(ROOT, 'dist', '.pipe-stderr') },
      encoding: 'utf8',
    });
    expect(stderr).toBe('');
  });

  it('writes --output through a link to the pipe it stands for, and keeps the link', () => {
    const bin = join(ROOT, 'bin', 'journal-kb.js');
    const cwd = makeTempDir({ '2026-03-06_Good.md': GOOD_ENTRY });
    // `out` is what `/dev/stdout` is: a link to /proc/self/fd/1, here a pipe.
    const script = `ln -s /proc/self/fd/1 out && node "${bin}" lint 2026-03-06_Good.md --format json --output out | cat`;
    const stdout = execFileSync('bash', ['-c', script], { cwd, encoding: 'utf8' });
    const results = JSON.parse(stdout) as Array<{ filePath: string; messages: unknown[] }>;
    expect(results.map((result) => [result.filePath.endsWith('2026-03-06_Good.md'), result.messages])).toEqual([[true, []]]);
    expect(lstatSync(join(cwd, 'out')).isSymbolicLink()).toBe(true);
  });

  it('says in one line, with exit 2, when standard output cannot be written', () => {
    const bin = join(ROOT, 'bin', 'journal-kb.js');
    // /dev/full refuses every write with ENOSPC, as a full disk does.
    const script = `node "${bin}" rules >/dev/full 2>"$ERR"; echo "exit $?"; cat "$ERR"`;
    const output = execFileSync('bash', ['-c', script], {
      env: { ...process.env, ERR: join(ROOT, 'dist', '.full-stderr') },
      encoding: 'utf8',
    });
    expect(output).toBe('exit 2\njournal-kb: Cannot write to standard output: ENOSPC\n');
  });
});
