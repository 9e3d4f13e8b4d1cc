/**
 * The lint cache (`--cache`): results of unchanged files are reused. An
 * entry is keyed by the file's path; it holds the size, modification time
 * and content hash the result was made from. The whole file is valid only
 * for one configuration hash and one tool version, so a change of either
 * re-lints everything. Size and modification time decide cheaply whether a
 * file must be hashed; the hash decides whether it changed.
 *
 * A cache file that cannot be read as ours is ignored with a warning and
 * overwritten at the end of the run, never trusted.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import type { EntryFile } from './discover.js';
import { toPosix } from './discover.js';
import type { FileStamp, TaskOutcome } from './lint-task.js';
import { createResult, type LintMessage, type LintResult } from './result.js';
import { writeFileAtomic } from './write.js';

/** Default name of the cache file, in the working directory. */
export const DEFAULT_CACHE_FILE = '.journal-kb-cache';

/** Marks a file as a journal-kb cache, and its format. */
const FORMAT = 'journal-kb-cache';
const FORMAT_VERSION = 1;
/** How every cache file this tool writes begins. */
const CACHE_START = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${FORMAT}"`);

/** One cached file: what its result was made from, and its messages. */
interface CacheEntry extends FileStamp {
  messages: LintMessage[];
}

/** The cache file as stored. */
interface CacheFile {
  format: typeof FORMAT;
  formatVersion: number;
  toolVersion: string;
  configHash: string;
  entries: Record<string, CacheEntry>;
}

/** What a lookup found: a result to reuse, or a hash to compare. */
export type CacheLookup =
  | { kind: 'hit'; result: LintResult }
  | { kind: 'miss'; cachedHash?: string };

/** Whether `value` has the shape of a cache entry. */
function isEntry(value: unknown): value is CacheEntry {
  const entry = value as CacheEntry;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.size === 'number' &&
    typeof entry.mtimeMs === 'number' &&
    typeof entry.hash === 'string' &&
    Array.isArray(entry.messages)
  );
}

/** Why parsed JSON is not a journal-kb cache, or `undefined` when it is. */
function checkShape(data: unknown): string | undefined {
  const file = data as CacheFile;
  if (typeof file !== 'object' || file === null || file.format !== FORMAT) {
    return 'not a journal-kb cache file';
  }
  if (file.formatVersion !== FORMAT_VERSION) {
    return `cache format \`${String(file.formatVersion)}\`, expected \`${FORMAT_VERSION}\``;
  }
  const entries = file.entries as unknown;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    return 'entries are not a mapping';
  }
  if (!Object.values(entries).every(isEntry)) return 'an entry is malformed';
  return undefined;
}

/** A cache bound to a location, a configuration and a tool version. */
export class LintCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Whether the file at the location is not a cache: never written over. */
  private foreign = false;
  private readonly base: string;

  private constructor(
    readonly location: string,
    private readonly configHash: string,
    private readonly toolVersion: string,
  ) {
    this.base = dirname(location);
  }

  /**
   * Load the cache at `location`. A missing file is an empty cache; a
   * corrupt or foreign one is empty too, after `warn` says why.
   */
  static async load(
    location: string,
    configHash: string,
    toolVersion: string,
    warn: (text: string) => void,
  ): Promise<LintCache> {
    const cache = new LintCache(location, configHash, toolVersion);
    let text: string;
    try {
      text = await readFile(location, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') warn(`Cannot read cache file ${location} (${code}), ignoring it`);
      return cache;
    }
    cache.adopt(text, warn);
    return cache;
  }

  /** Take over the entries of a cache file's text when it is valid. */
  private adopt(text: string, warn: (text: string) => void): void {
    // A file that does not even start like a cache is someone else's
    // (`--cache-location notes.txt`): read nothing, and never write over it.
    if (text.trim() !== '' && !CACHE_START.test(text)) {
      this.foreign = true;
      warn(`Ignoring ${this.location}: not a journal-kb cache file; it is left as it is and no cache is written (choose another --cache-location)`);
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      warn(`Ignoring corrupt cache file ${this.location}: not valid JSON`);
      return;
    }
    const problem = checkShape(data);
    if (problem) {
      warn(`Ignoring cache file ${this.location}: ${problem}`);
      return;
    }
    const file = data as CacheFile;
    // Another configuration or version: valid, but every result is stale.
    if (file.configHash !== this.configHash) return;
    if (file.toolVersion !== this.toolVersion) return;
    for (const [key, entry] of Object.entries(file.entries)) {
      this.entries.set(key, entry);
    }
  }

  /** The key of a file: its path relative to the cache's folder. */
  private keyOf(entry: EntryFile): string {
    return toPosix(relative(this.base, entry.absolute));
  }

  /** Look a file up: a hit when size and time match, else the hash to check. */
  async lookup(entry: EntryFile): Promise<CacheLookup> {
    const cached = this.entries.get(this.keyOf(entry));
    if (!cached) return { kind: 'miss' };
    try {
      const info = await stat(entry.absolute);
      if (info.size === cached.size && info.mtimeMs === cached.mtimeMs) {
        const result = createResult(entry.absolute, entry.path, cached.messages);
        return { kind: 'hit', result };
      }
    } catch {
      return { kind: 'miss' };
    }
    return { kind: 'miss', cachedHash: cached.hash };
  }

  /** Record a task's outcome; returns the result it stands for. */
  record(entry: EntryFile, outcome: TaskOutcome): LintResult {
    const key = this.keyOf(entry);
    if (outcome.kind === 'unchanged') {
      const cached = this.entries.get(key)!;
      this.entries.set(key, { ...cached, ...outcome.stamp });
      return createResult(entry.absolute, entry.path, cached.messages);
    }
    if (outcome.stamp) {
      this.entries.set(key, { ...outcome.stamp, messages: outcome.result.messages });
    } else {
      this.entries.delete(key);
    }
    return outcome.result;
  }

  /** Write the cache atomically, entries sorted by key. */
  async save(): Promise<void> {
    if (this.foreign) return;
    const keys = [...this.entries.keys()].sort();
    const entries: Record<string, CacheEntry> = {};
    for (const key of keys) entries[key] = this.entries.get(key)!;
    const file: CacheFile = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      toolVersion: this.toolVersion,
      configHash: this.configHash,
      entries,
    };
    await writeFileAtomic(this.location, `${JSON.stringify(file)}\n`);
  }
}
