/**
 * The search index prebuilt by `build` beside `kb.json`, so the terminal
 * search loads it instead of indexing every entry again. It names the hash
 * of the `kb.json` it was built from and the hash of its own index text; a
 * stale, damaged or edited index is ignored and the index is built from
 * `kb.json`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import { buildSearchIndex, createIndexOptions } from '../search-index.js';
import { packSearchIndex, unpackSearchIndex, type PackedIndex } from '../search-pack.js';
import type { Entry, KnowledgeBase } from './types.js';

/** Name of the index file in the output folder. */
export const INDEX_FILE = 'search-index.json';

/** The index file's shape. */
interface IndexFile {
  /** 2 since the index is packed (`search-pack.ts`); files of 1 are rebuilt. */
  schemaVersion: 2;
  /** `sha256-` and the hex digest of the `kb.json` text. */
  kb: string;
  /** `sha256-` and the hex digest of the index's own JSON text. */
  check: string;
  index: PackedIndex;
}

/** The hash an index file names its `kb.json` by. */
export function hashKnowledgeBase(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('hex')}`;
}

/** Where the index's own text starts in an index file. */
const INDEX_KEY = ',"index":';

/**
 * Serialise the index of `kb`, whose `kb.json` text is `kbText`. `check`
 * is the hash of the index's own text, so an edited index is noticed.
 */
export function serializeSearchIndex(kb: KnowledgeBase, kbText: string): string {
  const index = JSON.stringify(packSearchIndex(buildSearchIndex(kb)));
  const head = `{"schemaVersion":2,"kb":${JSON.stringify(hashKnowledgeBase(kbText))}`;
  return `${head},"check":${JSON.stringify(hashKnowledgeBase(index))}${INDEX_KEY}${index}}\n`;
}

/** Whether the index text in an index file still has the hash it was written with. */
function isIntact(text: string, check: unknown): boolean {
  const start = text.indexOf(INDEX_KEY);
  if (start < 0 || typeof check !== 'string') return false;
  const index = text.slice(start + INDEX_KEY.length).replace(/}\s*$/, '');
  return hashKnowledgeBase(index) === check;
}

/** Whether a parsed value is an index file built from `kbText`. */
function isIndexFor(value: unknown, kbText: string): value is IndexFile {
  const file = value as Partial<IndexFile> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    file.schemaVersion === 2 &&
    file.kb === hashKnowledgeBase(kbText) &&
    typeof file.index === 'object'
  );
}

/** Whether the index numbers exactly the entries of `kb`, in their order. */
function hasEntryIds(index: PackedIndex, kb: KnowledgeBase): boolean {
  const ids = index.ids;
  return Array.isArray(ids) && ids.length === kb.entries.length && kb.entries.every((entry, at) => ids[at] === entry.id);
}

/**
 * Load the prebuilt index at `path` when it was built from `kbText`;
 * otherwise build the index of `kb` now.
 */
export async function openSearchIndex(
  path: string,
  kb: KnowledgeBase,
  kbText: string,
): Promise<MiniSearch<Entry>> {
  try {
    const text = await readFile(path, 'utf8');
    const value: unknown = JSON.parse(text);
    if (isIndexFor(value, kbText) && isIntact(text, value.check) && hasEntryIds(value.index, kb)) {
      return unpackSearchIndex(MiniSearch, value.index, createIndexOptions());
    }
  } catch {
    // No usable index file: build the index from kb.json below.
  }
  return buildSearchIndex(kb);
}
