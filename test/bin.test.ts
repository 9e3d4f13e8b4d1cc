/**
 * The bin as a user runs it: a closed pipe ends the output quietly.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './helpers/build.js';

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
});
