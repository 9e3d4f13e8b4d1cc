/**
 * The search index in the compact form that `build` writes beside
 * `kb.json` and the page embeds, and the way back to a MiniSearch index.
 *
 * MiniSearch's own serialisation writes every posting as an object key
 * (`{"2":{"17":1,"40":2}}`), and `MiniSearch.loadJS` turns all of them into
 * Maps before the first query: at 10,000 entries that was a 12.6 MB index
 * and half a second of loading in the browser. Here each term's postings
 * are one array of small numbers (entry positions as differences), about
 * a third of the size, and a term's Maps are made the first time a search
 * reads that term, so loading costs next to nothing and a query pays only
 * for the terms it touches.
 *
 * The functions below except `packSearchIndex`, and `PackedTermPostings`,
 * run on the page too (their source is embedded, like the functions of
 * `search-index.ts`), so they may use only each other, their arguments
 * and the language's built-ins.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject, Options } from 'minisearch';
import type { Entry } from './kb/types.js';

/**
 * A packed index. Documents are numbered 0…n-1 in the order they were
 * added (the order of the entries in `kb.json`).
 *
 * `postings[t]` holds, for the term `terms[t]`, one group per field that
 * contains it: the field's number (its place in `fields`), how many
 * entries follow, then per entry the step from the previous entry's number
 * (from -1) — negative when the term occurs more than once there, followed
 * by how often.
 */
export interface PackedIndex {
  /** Version of this layout. */
  packing: 1;
  /** The indexed fields; a field's number is its place here. */
  fields: string[];
  /** Each document's id, by number. */
  ids: string[];
  /** Average length in terms of each field. */
  averageFieldLength: number[];
  /** Length in terms of each field of each document, `fields.length` per document. */
  fieldLength: number[];
  /** The terms, in the order of the index. */
  terms: string[];
  /** Each term's postings, as described above. */
  postings: number[][];
}

/** Pack an index built with `addAll` (no document removed since). */
export function packSearchIndex(index: MiniSearch<Entry>): PackedIndex {
  const plain: AsPlainObject = index.toJSON();
  const count = plain.documentCount;
  if (plain.nextId !== count || plain.dirtCount !== 0) {
    throw new Error(`Unexpected search index with removed documents (${count} of ${plain.nextId}), expected one built once`);
  }
  const fields = Object.keys(plain.fieldIds).sort((a, b) => (plain.fieldIds[a] ?? 0) - (plain.fieldIds[b] ?? 0));
  const ids: string[] = [];
  const fieldLength: number[] = [];
  for (let doc = 0; doc < count; doc += 1) {
    ids.push(String(plain.documentIds[doc]));
    const lengths = plain.fieldLength[doc] ?? [];
    fields.forEach((_, field) => fieldLength.push(lengths[field] ?? 0));
  }
  const terms: string[] = [];
  const postings: number[][] = [];
  for (const [term, byField] of plain.index) {
    const list: number[] = [];
    const fieldNumbers = Object.keys(byField).map(Number).sort((a, b) => a - b);
    for (const field of fieldNumbers) {
      const frequencies = byField[field] ?? {};
      const docs = Object.keys(frequencies).map(Number).sort((a, b) => a - b);
      list.push(field, docs.length);
      let previous = -1;
      for (const doc of docs) {
        const step = doc - previous;
        const frequency = frequencies[doc] ?? 1;
        if (frequency === 1) list.push(step);
        else list.push(-step, frequency);
        previous = doc;
      }
    }
    terms.push(term);
    postings.push(list);
  }
  const averageFieldLength = fields.map((_, field) => plain.averageFieldLength[field] ?? 0);
  return { packing: 1, fields, ids, averageFieldLength, fieldLength, terms, postings };
}

/**
 * A term's postings by field, decoded from the packed list into Maps the
 * first time anything reads them. The page embeds this class's source
 * beside `unpackSearchIndex`.
 */
export class PackedTermPostings extends Map<number, Map<number, number>> {
  private list: number[] | null;

  constructor(list: number[]) {
    super();
    this.list = list;
  }

  /** Decode the packed list into this Map, once. */
  private fill(): void {
    const list = this.list;
    if (list === null) return;
    this.list = null;
    let at = 0;
    while (at < list.length) {
      const field = list[at++] ?? 0;
      let left = list[at++] ?? 0;
      const docs = new Map<number, number>();
      let doc = -1;
      for (; left > 0; left -= 1) {
        const step = list[at++] ?? 0;
        if (step > 0) {
          doc += step;
          docs.set(doc, 1);
        } else {
          doc -= step;
          docs.set(doc, list[at++] ?? 1);
        }
      }
      super.set(field, docs);
    }
  }

  override get(key: number): Map<number, number> | undefined {
    this.fill();
    return super.get(key);
  }

  override has(key: number): boolean {
    this.fill();
    return super.has(key);
  }

  override get size(): number {
    this.fill();
    return super.size;
  }

  override set(key: number, value: Map<number, number>): this {
    this.fill();
    return super.set(key, value);
  }

  override delete(key: number): boolean {
    this.fill();
    return super.delete(key);
  }

  override clear(): void {
    this.list = null;
    super.clear();
  }

  override forEach(
    callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void,
    thisArg?: unknown,
  ): void {
    this.fill();
    super.forEach(callback, thisArg);
  }

  override keys(): MapIterator<number> {
    this.fill();
    return super.keys();
  }

  override values(): MapIterator<Map<number, number>> {
    this.fill();
    return super.values();
  }

  override entries(): MapIterator<[number, Map<number, number>]> {
    this.fill();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }
}

/**
 * A MiniSearch index with the packed index's documents and no terms yet,
 * made by `engine.loadJS`; stops on a layout this version did not write.
 */
export function loadPackedDocuments(
  engine: typeof MiniSearch,
  packed: PackedIndex,
  options: Options<Entry>,
): MiniSearch<Entry> {
  const { fields, ids } = packed;
  const width = fields.length;
  if (packed.packing !== 1 || ids.length * width !== packed.fieldLength.length || packed.terms.length !== packed.postings.length) {
    throw new Error('Unexpected search index layout, expected the one this journal-kb writes; rebuild with `journal-kb build`');
  }
  const fieldIds: Record<string, number> = {};
  fields.forEach((field, number) => {
    fieldIds[field] = number;
  });
  const documentIds: Record<string, string> = {};
  const fieldLength: Record<string, number[]> = {};
  ids.forEach((id, doc) => {
    documentIds[doc] = id;
    fieldLength[doc] = packed.fieldLength.slice(doc * width, doc * width + width);
  });
  const plain = {
    documentCount: ids.length,
    nextId: ids.length,
    documentIds,
    fieldIds,
    fieldLength,
    averageFieldLength: packed.averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index: [],
    serializationVersion: 2,
  };
  return engine.loadJS<Entry>(plain, options);
}

/**
 * Turn a packed index back into a MiniSearch index with `options` (the
 * options it was built with). `engine` is the MiniSearch class: imported
 * in Node, the page's global in the browser.
 *
 * The documents go through `engine.loadJS`; the terms are put into the
 * index's term map (`_index`, MiniSearch 7's radix tree) with postings
 * that become Maps when first read. A test checks that every query gives
 * what `loadJS` of MiniSearch's own serialisation gives.
 */
export function unpackSearchIndex(
  engine: typeof MiniSearch,
  packed: PackedIndex,
  options: Options<Entry>,
): MiniSearch<Entry> {
  const index = loadPackedDocuments(engine, packed, options);
  const termMap = getTermMap(index);
  if (termMap === undefined) {
    throw new Error('Unexpected MiniSearch without a term map, expected version 7');
  }
  packed.terms.forEach((term, number) => {
    termMap.set(term, new PackedTermPostings(packed.postings[number] ?? []));
  });
  return index;
}

/**
 * MiniSearch 7's term map (`_index`, its radix tree of terms), the one
 * private part of MiniSearch this project reads; `undefined` when a
 * version has none. Used to load packed terms and to ask whether a word
 * is a term.
 */
export function getTermMap(
  index: MiniSearch<Entry>,
): { has(term: string): boolean; set(term: string, value: unknown): unknown } | undefined {
  const termMap = (index as unknown as { _index?: { has?: unknown; set?: unknown } })._index;
  const usable = typeof termMap?.has === 'function' && typeof termMap.set === 'function';
  return usable ? (termMap as { has(term: string): boolean; set(term: string, value: unknown): unknown }) : undefined;
}
