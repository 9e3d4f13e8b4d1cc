/**
 * Read stage: load one file into a VFile, refusing what cannot be parsed.
 *
 * A file that is too large, binary, not UTF-8 or unreadable becomes a file
 * with one fatal message instead of an exception, so the run goes on.
 */
import { lstat, readFile, readlink, stat } from 'node:fs/promises';
import { VFile } from 'vfile';

/** Default size limit of one entry: 2 MB. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** Data that the read stage leaves on `file.data`. */
export interface ReadData {
  /** Whether the file started with a byte order mark (stripped). */
  bom?: boolean;
  /** Why the file could not be read; the file has no value then. */
  unreadable?: string;
}

declare module 'vfile' {
  interface DataMap {
    bom: boolean;
    unreadable: string;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode bytes as strict UTF-8; `undefined` when they are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether the first `length` bytes are valid UTF-8 (a cut character ok). */
function isUtf8Prefix(bytes: Uint8Array, length: number): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), {
      stream: true,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The line and column of the first byte that is not UTF-8, found by
 * halving: the longest valid prefix ends there.
 */
function findInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (isUtf8Prefix(bytes, middle)) low = middle;
    else high = middle - 1;
  }
  const before = bytes.subarray(0, low);
  const lineStart = before.lastIndexOf(10) + 1;
  let line = 1;
  for (const byte of before) if (byte === 10) line++;
  const column = new TextDecoder().decode(bytes.subarray(lineStart, low)).length + 1;
  return { line, column };
}

/** Whether the bytes look like a binary file (a NUL byte near the start). */
function isBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let index = 0; index < end; index++) {
    if (bytes[index] === 0) return true;
  }
  return false;
}

/** Describe a failed read in words, from a Node error. */
function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'Unexpected missing file, expected a file';
  if (code === 'EACCES' || code === 'EPERM') {
    return 'Unexpected unreadable file (permission denied), expected a readable file';
  }
  if (code === 'EISDIR') return 'Unexpected folder, expected a file';
  return `Unexpected error reading the file (${code ?? String(error)})`;
}

/** Mark `file` as unreadable with one fatal message at `place`. */
function markUnreadable(
  file: VFile,
  reason: string,
  place = { line: 1, column: 1 },
): VFile {
  file.data.unreadable = reason;
  const message = file.message(reason, place);
  message.fatal = true;
  return file;
}

/** Mark `file` as over the size limit, so it is not parsed. */
function markTooLarge(file: VFile, size: number, maxFileSize: number): VFile {
  return markUnreadable(
    file,
    `Unexpected file of ${size} bytes, expected at most ${maxFileSize} bytes (not parsed)`,
  );
}

/** Turn decoded text into a VFile value, stripping a byte order mark. */
export function fromText(file: VFile, text: string): VFile {
  if (text.charCodeAt(0) === 0xfeff) {
    file.data.bom = true;
    file.value = text.slice(1);
  } else {
    file.value = text;
  }
  return file;
}

/** Turn raw bytes into a VFile, or one with a fatal message. */
export function fromBytes(
  path: string,
  bytes: Uint8Array,
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): VFile {
  const file = new VFile({ path });
  if (bytes.length > maxFileSize) {
    return markTooLarge(file, bytes.length, maxFileSize);
  }
  if (isBinary(bytes)) {
    return markUnreadable(file, 'Unexpected binary file, expected UTF-8 text');
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return markUnreadable(
      file,
      'Unexpected bytes that are not UTF-8, expected UTF-8 text',
      findInvalidByte(bytes),
    );
  }
  return fromText(file, text);
}

/** Read the file at `path` (as given) into a VFile; never throws. */
export async function readEntry(
  path: string,
  absolutePath: string,
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): Promise<VFile> {
  try {
    const info = await stat(absolutePath);
    if (info.isDirectory()) {
      return markUnreadable(new VFile({ path }), 'Unexpected folder, expected a file');
    }
    if (!info.isFile()) {
      // A device or FIFO behind an entry's name would never end or block.
      return markUnreadable(
        new VFile({ path }),
        'Unexpected special file (a device, socket or FIFO), expected a regular file',
      );
    }
    if (info.size > maxFileSize) {
      return markTooLarge(new VFile({ path }), info.size, maxFileSize);
    }
    return fromBytes(path, await readFile(absolutePath), maxFileSize);
  } catch (error) {
    const target = await danglingTarget(absolutePath);
    const reason =
      target === undefined
        ? describeReadError(error)
        : `Unexpected link to the missing file \`${target}\`, expected a link to an existing file`;
    return markUnreadable(new VFile({ path }), reason);
  }
}

/** Where a link that leads nowhere points, or `undefined` when `path` is no such link. */
async function danglingTarget(path: string): Promise<string | undefined> {
  try {
    return (await lstat(path)).isSymbolicLink() ? await readlink(path) : undefined;
  } catch {
    return undefined;
  }
}
