/**
 * Atomic writes: every file the tool writes goes to a temporary file beside
 * it first and is renamed into place, so nothing is left half-written.
 *
 * The rename replaces what stands at the path, so a symbolic link is
 * followed first (the link stays, its target is written), an existing
 * file's mode and owner carry over, and a device or FIFO (`--output
 * /dev/stdout`) is written to directly, as renaming over it would replace
 * it with a plain file. A hard link is not kept: the path gets a new file.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { JournalKbError } from './errors.js';

/** Words for the errors a write can meet. */
const REASONS: Record<string, string> = {
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space is left on the device',
};

/** Turn a Node error of writing `path` into a sentence for the user. */
function writeError(path: string, error: unknown): JournalKbError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code] ?? (error as Error).message;
  return new JournalKbError('WRITE', `Cannot write \`${path}\`: ${reason}`, {
    cause: error,
  });
}

/**
 * What stands at `path` after following links, if anything, and whether
 * to write it in place rather than through a temporary file: devices,
 * pipes and sockets, and anything reached through `/dev` or `/proc` (such
 * as `/dev/stdout`, a link to `/proc/self/fd/1`, whose "real path" names
 * no file that could be replaced).
 */
async function resolveTarget(path: string): Promise<{ path: string; info?: Stats; inPlace: boolean }> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    return { path: await followDangling(path), inPlace: false };
  }
  let real: string;
  try {
    real = await realpath(path);
    await stat(real);
  } catch {
    return { path, info, inPlace: true };
  }
  const special = /^\/(?:dev|proc)\//.test(real) || /^\/(?:dev|proc)\//.test(path);
  return { path: real, info, inPlace: special || (!info.isFile() && !info.isDirectory()) };
}

/**
 * The file a link to a missing file names (through a chain of such links,
 * at most 40), so the write creates it instead of replacing the link;
 * `path` itself when it is no link.
 */
async function followDangling(path: string): Promise<string> {
  let current = path;
  for (let hop = 0; hop < 40; hop += 1) {
    try {
      if (!(await lstat(current)).isSymbolicLink()) return current;
      current = resolve(dirname(current), await readlink(current));
    } catch {
      return current;
    }
  }
  return current;
}

/**
 * Create `folder` and its missing parents one level at a time. (Node's
 * recursive `mkdir` loops forever where a parent cannot hold folders, as
 * in `/proc`; one level at a time fails at once with the reason.)
 */
async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    try {
      await stat(current);
      break;
    } catch {
      missing.unshift(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Give the temporary file the mode and owner of the file it replaces. */
async function carryOver(temporary: string, info: Stats): Promise<void> {
  await chmod(temporary, info.mode & 0o7777);
  try {
    await chown(temporary, info.uid, info.gid);
  } catch {
    // Only root may give a file away; the mode was the part that matters.
  }
}

/** Write `data` to `path` through a temporary file and a rename. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
): Promise<void> {
  const target = await resolveTarget(path);
  if (target.inPlace) {
    try {
      await writeFile(target.path, data);
      return;
    } catch (error) {
      throw writeError(path, error);
    }
  }
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const folder = dirname(target.path);
  const temporary = join(folder, `.${basename(target.path)}.${suffix}`);
  try {
    await makeFolder(folder);
    await writeFile(temporary, data);
    if (target.info?.isFile()) await carryOver(temporary, target.info);
    await rename(temporary, target.path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw writeError(path, error);
  }
}
