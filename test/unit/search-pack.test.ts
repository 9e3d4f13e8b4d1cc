/**
 * The packed search index: its layout on a tiny index worked out by hand,
 * and on the corpus the same answers as MiniSearch's own serialisation
 * loaded with `loadJS`, for every query the page benchmark types.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entry, KnowledgeBase } from '../../src/kb/types.js';
import { buildSearchIndex, createIndexOptions } from '../../src/search-index.js';
import { packSearchIndex, unpackSearchIndex } from '../../src/search-pack.js';
import { makeTempDir, run } from '../helpers/cli.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'meldestelle');

/** Queries of every kind: error lines, typos, umlauts, prefixes, nothing. */
const QUERIES = [
  'E: Unable to locate package socat',
  'Permission denied',
  'iptabels DNAT',
  'Loesung buildkitd',
  'Lösung',
  'Losung',
  'Keycloak Realm',
  'keycloack',
  'Zertifkat',
  'sqldel',
  'WebWorkerException',
  'Session Log Frontend',
  'zzzz-nothing-matches',
];

describe('packSearchIndex', () => {
  it('writes postings as steps between entry numbers, with counts above one', () => {
    const index = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ['title', 'body'] });
    index.addAll([
      { id: 'a', title: 'socat fehlt', body: 'socat socat' },
      { id: 'b', title: 'iptables', body: 'socat' },
      { id: 'c', title: 'socat', body: 'tcp' },
    ]);
    const packed = packSearchIndex(index as unknown as MiniSearch<Entry>);
    expect(packed.packing).toBe(1);
    expect(packed.fields).toEqual(['title', 'body']);
    expect(packed.ids).toEqual(['a', 'b', 'c']);
    // Distinct terms per field: a has 2 and 1, b 1 and 1, c 1 and 1.
    expect(packed.fieldLength).toEqual([2, 1, 1, 1, 1, 1]);
    expect(packed.averageFieldLength).toEqual([4 / 3, 1]);
    const postings = Object.fromEntries(packed.terms.map((term, at) => [term, packed.postings[at]]));
    // title: a (step 1 from -1), c (step 2); body: a twice (-1 then 2), b (step 1).
    expect(postings.socat).toEqual([0, 2, 1, 2, 1, 2, -1, 2, 1]);
    expect(postings.fehlt).toEqual([0, 1, 1]);
    expect(postings.iptables).toEqual([0, 1, 2]);
    // body only, entry c: step 3 from -1.
    expect(postings.tcp).toEqual([1, 1, 3]);
  });

  it('refuses an index with removed documents', () => {
    const index = new MiniSearch<{ id: string; title: string }>({ fields: ['title'] });
    index.addAll([{ id: 'a', title: 'one' }, { id: 'b', title: 'two' }]);
    index.discard('a');
    expect(() => packSearchIndex(index as unknown as MiniSearch<Entry>)).toThrow(/removed documents/);
  });
});

describe('unpackSearchIndex', () => {
  let kb: KnowledgeBase;

  beforeAll(async () => {
    const out = makeTempDir();
    const result = await run(['build', '.', '--out', out], CORPUS);
    expect(result.code).toBe(0);
    kb = JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8')) as KnowledgeBase;
  });

  it('answers every query as loadJS of MiniSearch’s own serialisation does', () => {
    const built = buildSearchIndex(kb);
    const own = MiniSearch.loadJS<Entry>(JSON.parse(JSON.stringify(built)), createIndexOptions());
    const packed = JSON.parse(JSON.stringify(packSearchIndex(built)));
    const unpacked = unpackSearchIndex(MiniSearch, packed, createIndexOptions());
    expect(unpacked.documentCount).toBe(kb.entries.length);
    expect(unpacked.termCount).toBe(own.termCount);
    let hits = 0;
    for (const query of QUERIES) {
      const expected = own.search(query);
      hits += expected.length;
      expect(unpacked.search(query), query).toEqual(expected);
      // A second run reads the Maps the first one made.
      expect(unpacked.search(query), query).toEqual(expected);
    }
    expect(hits).toBeGreaterThan(40);
    expect(unpacked.search('zzzz-nothing-matches')).toEqual([]);
  });

  it('rejects a layout it does not know', () => {
    const packed = packSearchIndex(buildSearchIndex(kb));
    expect(() => unpackSearchIndex(MiniSearch, { ...packed, fieldLength: [1] }, createIndexOptions())).toThrow(
      /Unexpected search index layout/,
    );
    expect(() =>
      unpackSearchIndex(MiniSearch, { ...packed, packing: 2 as unknown as 1 }, createIndexOptions()),
    ).toThrow(/Unexpected search index layout/);
  });
});
