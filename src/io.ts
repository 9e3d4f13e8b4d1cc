/**
 * The streams and places a command works with, injected by the bin so
 * that tests capture output without spawning a process.
 */

/** A stream the tool writes to. */
export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** What `main` is called with. */
export interface MainContext {
  argv: readonly string[];
  cwd: string;
  stdout: Output;
  stderr: Output;
  /** Environment; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

/** Whether colour should be used on `stream`. */
export function useColor(
  stream: Output,
  env: Record<string, string | undefined>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
