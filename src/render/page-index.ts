/**
 * The search index as the page carries it: the index prebuilt with the
 * shared options of `search-index.ts`, packed (`search-pack.ts`), and those
 * same options written as script source, their functions by name.
 */
import { JournalKbError } from '../errors.js';
import type { KnowledgeBase } from '../kb/types.js';
import {
  SEARCH_FUNCTIONS,
  buildSearchIndex,
  createIndexOptions,
} from '../search-index.js';
import {
  PackedTermPostings,
  getTermMap,
  loadPackedDocuments,
  packSearchIndex,
  unpackSearchIndex,
  type PackedIndex,
} from '../search-pack.js';
import { getFunctionSource } from './embed.js';

/** The prebuilt index and what the page needs to load and query it. */
export interface PageIndex {
  /** The packed index. */
  packed: PackedIndex;
  /** Source of the shared search functions, one after the other. */
  functionsSource: string;
  /** An expression that evaluates to the shared index options. */
  optionsSource: string;
}

/** A value of the index options written as a script expression. */
function toSource(value: unknown, names: ReadonlySet<string>): string {
  if (typeof value === 'function') {
    if (!names.has(value.name)) {
      throw new JournalKbError(
        'INTERNAL',
        `Unexpected search function \`${value.name}\`, expected one of \`SEARCH_FUNCTIONS\` (the page embeds only those)`,
      );
    }
    return value.name;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => toSource(item, names)).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${JSON.stringify(key)}: ${toSource(item, names)}`,
    );
    return `{${fields.join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Check that the index numbers entries in the data's order: the page reads
 * a hit's short id as the entry's position in the data.
 */
function checkOrder(ids: string[], kb: KnowledgeBase): void {
  kb.entries.forEach((entry, position) => {
    if (ids[position] !== entry.id) {
      throw new JournalKbError(
        'INTERNAL',
        `Unexpected search index order at \`${entry.id}\`, expected documents added in the order of the entries`,
      );
    }
  });
}

/** Build the index of `kb` for the page, with the options to load it. */
export function getPageIndex(kb: KnowledgeBase): PageIndex {
  const names = new Set(SEARCH_FUNCTIONS.map((fn) => fn.name));
  const embedded = [...SEARCH_FUNCTIONS, PackedTermPostings, getTermMap, loadPackedDocuments, unpackSearchIndex] as const;
  const functionsSource = embedded.map((fn) => getFunctionSource(fn as (...args: never[]) => unknown)).join('\n');
  const packed = packSearchIndex(buildSearchIndex(kb));
  checkOrder(packed.ids, kb);
  return {
    packed,
    functionsSource,
    optionsSource: toSource(createIndexOptions(), names),
  };
}
