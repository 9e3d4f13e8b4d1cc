/**
 * One unit of lint work, the same in the main thread and in a worker: read
 * a file, hash its bytes, and lint it unless the hash says the cached
 * result still holds.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Config } from './config.js';
import type { EntryFile } from './discover.js';
import type { Entry } from './kb/types.js';
import type { LintedFile, Linter } from './lint.js';
import { fromBytes } from './read.js';
import type { LintResult } from './result.js';

/** A file to lint, with the hash of its cached result if there is one. */
export interface LintTask {
  entry: EntryFile;
  /** Content hash the cache holds for this path and configuration. */
  cachedHash?: string;
}

/** What is known about a file's bytes when they were read. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  hash: string;
}

/**
 * Turns a parsed file into its knowledge-base record (`build` only), in the
 * same thread that parsed it, so the tree never has to travel.
 */
export type Extractor = (
  tree: import('mdast').Root,
  file: import('vfile').VFile,
  path: string,
) => Entry;

/** The outcome of a task: a fresh result, or "the cached one holds". */
export type TaskOutcome =
  | { kind: 'linted'; result: LintResult; stamp?: FileStamp; record?: Entry }
  | { kind: 'unchanged'; stamp: FileStamp };

/** Hash file bytes for the cache key. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Run one task. Files that cannot be stamped (missing, too large,
 * unreadable) go through the linter's own read, which turns them into one
 * fatal message, and are never cached.
 */
export async function runTask(
  linter: Linter,
  config: Config,
  task: LintTask,
  extract?: Extractor,
): Promise<TaskOutcome> {
  const { entry } = task;
  let bytes: Uint8Array;
  let stamp: FileStamp;
  try {
    const info = await stat(entry.absolute);
    if (!info.isFile() || info.size > config.maxFileSize) {
      return toOutcome(await linter.lintFile(entry), extract);
    }
    bytes = await readFile(entry.absolute);
    stamp = { size: bytes.length, mtimeMs: info.mtimeMs, hash: hashBytes(bytes) };
  } catch {
    return toOutcome(await linter.lintFile(entry), extract);
  }
  if (task.cachedHash === stamp.hash) return { kind: 'unchanged', stamp };
  const file = fromBytes(entry.path, bytes, config.maxFileSize);
  return { ...toOutcome(await linter.lintVFile(file, entry), extract), stamp };
}

/** The outcome of a linted file, with its record when extracting. */
function toOutcome(
  linted: LintedFile,
  extract?: Extractor,
): Extract<TaskOutcome, { kind: 'linted' }> {
  const { file, tree, result } = linted;
  if (!extract || !tree) return { kind: 'linted', result };
  return { kind: 'linted', result, record: extract(tree, file, result.path) };
}
