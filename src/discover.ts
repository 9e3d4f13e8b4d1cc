/**
 * Discover stage: turn paths, folders and globs into the sorted list of
 * entry files, honouring the entry globs, the ignore file and `ignore`.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { IGNORE_FILE, type Config } from './config.js';

/** One file to process. */
export interface EntryFile {
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  /** Absolute path. */
  absolute: string;
}

/** What discovery found. */
export interface Discovery {
  files: EntryFile[];
  /** Inputs that matched no entry, with the reason. */
  unmatched: Array<{ input: string; reason: string }>;
}

/** A path with forward slashes. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Order files by path, by code unit, the same on every machine. */
export function byPath(a: EntryFile, b: EntryFile): number {
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}

/** Build the ignore filter from the ignore file and `config.ignore`. */
function createIgnore(config: Config): Ignore {
  const filter = ignore().add(['node_modules/', '.git/']);
  filter.add(config.ignore);
  try {
    filter.add(readFileSync(join(config.root, IGNORE_FILE), 'utf8'));
  } catch {
    // No ignore file: nothing more is ignored.
  }
  return filter;
}

/** Build a test of whether a file is an entry by the entry globs. */
function createEntryTest(config: Config): (absolute: string) => boolean {
  const inside = picomatch(config.entries, { dot: true });
  const outside = picomatch(
    config.entries.map((glob) => glob.replace(/^(\*\*\/)+/, '')),
    { dot: true },
  );
  return (absolute) => {
    const rel = toPosix(relative(config.root, absolute));
    if (!rel.startsWith('../')) return inside(rel);
    return outside(basename(absolute));
  };
}

/** Whether the file is ignored by the ignore file or `config.ignore`. */
function createIgnoreTest(config: Config): (absolute: string) => boolean {
  const filter = createIgnore(config);
  return (absolute) => {
    const rel = toPosix(relative(config.root, absolute));
    if (rel === '' || rel.startsWith('../') || rel.startsWith('/')) return false;
    return filter.ignores(rel);
  };
}

/** The file a path names after links, so one file is linted once. */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** The kind of thing at `path`, or `undefined` when nothing is there. */
function kindOf(path: string): 'file' | 'directory' | undefined {
  try {
    const info = statSync(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch {
    return undefined;
  }
}

/** What the glob of a folder leaves out without a word. */
interface Hidden {
  /** Links named `*.md` whose target is missing. */
  dangling: string[];
  /** Folders that could not be read, with the reason. */
  unreadable: { folder: string; reason: string }[];
}

/**
 * Walk `folder` as the glob does (no dot folders, no `node_modules`, links
 * to folders not entered) for what the glob drops silently: links to
 * missing Markdown files and folders it cannot read. Those then get a
 * message instead of vanishing.
 */
function findHidden(folder: string): Hidden {
  const hidden: Hidden = { dangling: [], unreadable: [] };
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let items: Dirent[];
    try {
      items = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      hidden.unreadable.push({ folder: current, reason: code === 'EACCES' ? 'permission denied' : code });
      continue;
    }
    for (const item of items) {
      if (item.name.startsWith('.') || item.name === 'node_modules') continue;
      const path = join(current, item.name);
      if (item.isDirectory()) pending.push(path);
      else if (item.isSymbolicLink() && item.name.endsWith('.md') && kindOf(path) === undefined) {
        hidden.dangling.push(path);
      }
    }
  }
  return hidden;
}

/** Expand one input into absolute candidate paths, and what cannot be read. */
async function expand(
  input: string,
  cwd: string,
): Promise<{ found: string[]; unreadable: Hidden['unreadable'] } | string> {
  const absolute = resolve(cwd, input);
  const kind = kindOf(absolute);
  if (kind === 'file') return { found: [absolute], unreadable: [] };
  if (kind === 'directory') {
    // Links are followed (a linked entry is an entry); a file reached
    // twice, as through a link to `.`, is kept once (see `realPath`).
    const found = await glob('**/*.md', {
      cwd: absolute,
      absolute: true,
      dot: false,
      ignore: ['**/node_modules/**'],
    });
    // A link to a missing entry is read, and its message says so.
    const hidden = findHidden(absolute);
    found.push(...hidden.dangling);
    if (found.length === 0 && hidden.unreadable.length === 0) return 'no Markdown files in this folder';
    return { found, unreadable: hidden.unreadable };
  }
  if (isDynamicPattern(input)) {
    const found = await glob(input, { cwd, absolute: true, dot: false });
    return found.length > 0 ? { found, unreadable: [] } : 'no file matches this pattern';
  }
  return 'no such file or folder';
}

/**
 * Find the entry files for `inputs`. A file named explicitly is kept only
 * when it is an entry and not ignored, so globs never widen what was given.
 */
export async function discover(
  inputs: readonly string[],
  config: Config,
  cwd: string,
): Promise<Discovery> {
  const isEntry = createEntryTest(config);
  const isIgnored = createIgnoreTest(config);
  const seen = new Map<string, EntryFile>();
  const unmatched: Discovery['unmatched'] = [];
  for (const input of inputs) {
    const expanded = await expand(input, cwd);
    if (typeof expanded === 'string') {
      unmatched.push({ input, reason: expanded });
      continue;
    }
    const { found } = expanded;
    for (const { folder, reason } of expanded.unreadable) {
      const shown = toPosix(relative(cwd, folder)) || '.';
      unmatched.push({ input: shown, reason: `cannot read this folder (${reason})` });
    }
    const kept = found.filter((path) => isEntry(path) && !isIgnored(path));
    const explicit = found.length === 1 && kindOf(resolve(cwd, input)) === 'file';
    if (kept.length === 0 && !explicit) {
      unmatched.push({ input, reason: 'no journal entries (files named `YYYY-MM-DD…md`) here' });
    }
    for (const absolute of kept) {
      const key = realPath(absolute);
      if (seen.has(key)) continue;
      seen.set(key, { absolute, path: toPosix(relative(cwd, absolute)) });
    }
  }
  const files = [...seen.values()].sort(byPath);
  return { files, unmatched };
}
