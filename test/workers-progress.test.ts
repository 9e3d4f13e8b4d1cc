/**
 * The progress line: drawn on stderr for long runs on a terminal only,
 * never on stdout, in CI, or for a few files.
 */
import { describe, expect, it } from 'vitest';
import { createProgress, PROGRESS_MIN_FILES } from '../src/progress.js';
import { main } from '../src/cli.js';
import { makeTempDir } from './helpers/cli.js';

/** A stream that records what is written, posing as a terminal or not. */
function capture(isTTY: boolean) {
  const stream = { isTTY, text: '', write: (chunk: string) => (stream.text += chunk) };
  return stream;
}

/** A journal of `count` small entries. */
function makeJournal(count: number): string {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    const day = String((index % 28) + 1).padStart(2, '0');
    files[`docs/99_Journal/2026-02-${day}_Entry_${index}.md`] = '# Entry\n';
  }
  return makeTempDir(files);
}

describe('progress', () => {
  it('counts to the total and clears the line when done', () => {
    const stream = capture(true);
    const progress = createProgress(stream, PROGRESS_MIN_FILES, {});
    for (let index = 0; index < PROGRESS_MIN_FILES; index++) progress.tick();
    progress.done();
    expect(stream.text.startsWith('\r\u001b[2Kjournal-kb: linted 1/200 files')).toBe(true);
    expect(stream.text.endsWith('\r\u001b[2Kjournal-kb: linted 200/200 files\r\u001b[2K')).toBe(true);
  });

  it('draws nothing off a terminal, in CI, or for a short run', () => {
    const cases: Array<[boolean, number, Record<string, string>]> = [
      [false, 1000, {}],
      [true, 1000, { CI: 'true' }],
      [true, PROGRESS_MIN_FILES - 1, {}],
    ];
    for (const [isTTY, total, env] of cases) {
      const stream = capture(isTTY);
      const progress = createProgress(stream, total, env);
      for (let index = 0; index < total; index++) progress.tick();
      progress.done();
      expect(stream.text).toBe('');
    }
  });

  it('goes to stderr of a long lint run on a terminal, stdout untouched', async () => {
    const cwd = makeJournal(PROGRESS_MIN_FILES);
    const stdout = capture(true);
    const stderr = capture(true);
    const argv = ['lint', '--format', 'json', '--concurrency', '1'];
    const code = await main({ argv, cwd, stdout, stderr, env: {} });
    expect(code).toBe(1);
    expect(stderr.text).toContain(`journal-kb: linted ${PROGRESS_MIN_FILES}/${PROGRESS_MIN_FILES} files`);
    expect(stderr.text.endsWith('\r\u001b[2K')).toBe(true);
    expect(stdout.text.startsWith('[{')).toBe(true);
    expect(JSON.parse(stdout.text)).toHaveLength(PROGRESS_MIN_FILES);
  }, 120_000);
});
