/**
 * Load a built knowledge base for `search`: find `kb.json`, parse it and
 * check its shape, with a sentence naming the file when anything is off.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { toPosix } from '../discover.js';
import { JournalKbError } from '../errors.js';
import { KB_FILE } from './build.js';
import { SCHEMA_VERSION, type KnowledgeBase } from './types.js';

/** Fields every entry has, by the type `typeof` gives them. */
const ENTRY_FIELDS: ReadonlyArray<[string, 'string' | 'array']> = [
  ['id', 'string'],
  ['path', 'string'],
  ['title', 'string'],
  ['type', 'string'],
  ['status', 'string'],
  ['owner', 'string'],
  ['date', 'string'],
  ['summary', 'string'],
  ['tags', 'array'],
  ['incomplete', 'array'],
  ['cases', 'array'],
  ['attempts', 'array'],
  ['errors', 'array'],
  ['learned', 'array'],
  ['links', 'array'],
];

/** The advice every message about a bad knowledge base ends with. */
const REBUILD = 'rebuild it with `journal-kb build`';

/** The `kb.json` a `--kb` value names: a folder, or the file itself. */
async function findKbFile(path: string): Promise<string> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? join(path, KB_FILE) : path;
  } catch {
    return join(path, KB_FILE);
  }
}

/** Line and column of an offset in `text`. */
function pointAt(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/** Parse the file's text, naming the place of a syntax error. */
function parseJson(text: string, shown: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message)?.[1];
    const where = offset === undefined ? '' : ` at ${pointAt(text, Number(offset))}`;
    const reason = message.replace(/ in JSON at position \d+.*$/, '');
    throw new JournalKbError('KB_MISSING', `Unexpected content in \`${shown}\`${where} (${reason}), expected JSON written by \`journal-kb build\`; ${REBUILD}`);
  }
}

/** Check one entry's fields, naming the first that is wrong. */
function checkEntry(entry: unknown, index: number, shown: string): void {
  const record = entry as Record<string, unknown> | null;
  for (const [key, kind] of ENTRY_FIELDS) {
    const value = record?.[key];
    const ok = kind === 'array' ? Array.isArray(value) : typeof value === kind;
    if (!ok) {
      throw new JournalKbError('KB_MISSING', `Unexpected entry ${index + 1} in \`${shown}\` without a valid \`${key}\`, expected ${kind === 'array' ? 'an array' : 'a string'}; ${REBUILD}`);
    }
  }
}

/** Check the parsed value is a knowledge base of this schema version. */
function checkShape(value: unknown, shown: string): KnowledgeBase {
  const kb = value as Partial<KnowledgeBase> | null;
  if (typeof kb !== 'object' || kb === null || !Array.isArray(kb.entries)) {
    throw new JournalKbError('KB_MISSING', `Unexpected content in \`${shown}\`, expected an object with \`schemaVersion\` and \`entries\`; ${REBUILD}`);
  }
  if (kb.schemaVersion !== SCHEMA_VERSION) {
    throw new JournalKbError('KB_MISSING', `Unexpected schemaVersion \`${String(kb.schemaVersion)}\` in \`${shown}\`, expected \`${SCHEMA_VERSION}\`; ${REBUILD}`);
  }
  kb.entries.forEach((entry, index) => checkEntry(entry, index, shown));
  return kb as KnowledgeBase;
}

/** A loaded knowledge base with the file and text it came from. */
export interface LoadedKnowledgeBase {
  kb: KnowledgeBase;
  /** Absolute path of `kb.json`. */
  file: string;
  /** Its text, which the prebuilt search index names by hash. */
  text: string;
}

/** Load the knowledge base at `path` (a folder or a `kb.json`). */
export async function loadKnowledgeBase(path: string, cwd: string): Promise<LoadedKnowledgeBase> {
  const file = await findKbFile(path);
  const shown = toPosix(relative(cwd, file)) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = missing ? 'it does not exist' : (error as Error).message;
    throw new JournalKbError('KB_MISSING', `Cannot read the knowledge base \`${shown}\`: ${reason} (run \`journal-kb build\` first, or pass \`--kb DIR\`)`);
  }
  return { kb: checkShape(parseJson(text, shown), shown), file, text };
}
