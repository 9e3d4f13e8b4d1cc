/**
 * A progress line on stderr for long runs, drawn only on a terminal, so
 * logs, pipes and pre-commit runs never see it.
 */
import type { Output } from './io.js';

/** Fewer files than this finish too soon to need progress. */
export const PROGRESS_MIN_FILES = 200;

/** Least time between two redraws, in milliseconds. */
const REDRAW_INTERVAL = 100;

/** Counts finished files; `done` clears the line. */
export interface Progress {
  tick(): void;
  done(): void;
}

/** A progress that draws nothing. */
const SILENT: Progress = { tick() {}, done() {} };

/** Whether a run of `total` files on `stream` shows progress. */
export function showsProgress(
  stream: Output,
  total: number,
  env: Record<string, string | undefined>,
): boolean {
  if (stream.isTTY !== true || total < PROGRESS_MIN_FILES) return false;
  return env.CI === undefined || env.CI === '' || env.CI === 'false';
}

/** Create the progress of a run of `total` files. */
export function createProgress(
  stream: Output,
  total: number,
  env: Record<string, string | undefined>,
): Progress {
  if (!showsProgress(stream, total, env)) return SILENT;
  let count = 0;
  let drawnAt = 0;
  const draw = () => {
    drawnAt = Date.now();
    stream.write(`\r\u001b[2Kjournal-kb: linted ${count}/${total} files`);
  };
  return {
    tick() {
      count++;
      if (Date.now() - drawnAt >= REDRAW_INTERVAL || count === total) draw();
    },
    done() {
      if (drawnAt > 0) stream.write('\r\u001b[2K');
    },
  };
}
