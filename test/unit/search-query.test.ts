/**
 * Query words: combining marks stay in their word, and a pasted log is cut
 * to its first 32 distinct words.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/kb/types.js';
import {
  buildQuery,
  createIndexOptions,
  isStopWord,
  processSearchTerm,
  tokenizeQuery,
  tokenizeSearchText,
} from '../../src/search-index.js';

describe('search words', () => {
  it('keeps a decomposed umlaut in its word and folds it like a composed one', () => {
    const decomposed = 'Lo\u0308sung';
    expect(tokenizeSearchText(`Die ${decomposed} hier`)).toEqual(['Die', decomposed, 'hier']);
    expect(processSearchTerm(decomposed)).toBe('losung');
    expect(processSearchTerm('Lösung')).toBe('losung');
  });

  it('searches each query word once, at most 32 of them', () => {
    expect(tokenizeQuery('Permission denied permission DENIED socat')).toEqual([
      'Permission',
      'denied',
      'socat',
    ]);
    const log = Array.from({ length: 5000 }, (_, index) => `word${index % 100}`).join(' ');
    const words = tokenizeQuery(log);
    expect(words).toHaveLength(32);
    expect(words[0]).toBe('word0');
    expect(words[31]).toBe('word31');
  });

  it('leaves out German and English stop words, but keeps negations', () => {
    expect(tokenizeQuery('Der Gitea-Runner hat kein socat für die Pipeline')).toEqual([
      'Gitea',
      'Runner',
      'kein',
      'socat',
      'Pipeline',
    ]);
    expect(tokenizeQuery('E: Unable to locate package socat')).toEqual(['E', 'Unable', 'locate', 'package', 'socat']);
    expect(processSearchTerm('Über')).toBeNull();
    expect(processSearchTerm('Die')).toBeNull();
    expect(processSearchTerm('nicht')).toBe('nicht');
    expect(processSearchTerm('not')).toBe('not');
    expect(['fur', 'uber', 'the', 'dass'].every(isStopWord)).toBe(true);
    expect(['socat', 'fehler', 'nicht', 'kein', 'no', 'error'].some(isStopWord)).toBe(false);
  });

  it('adds the spellings with two neighbouring letters swapped for unknown words of 5 to 7 letters', () => {
    const index = new MiniSearch<Entry>(createIndexOptions());
    const entry: Entry = {
      id: 'a',
      path: 'a.md',
      title: 'socat iptables Keller',
      type: '',
      status: '',
      owner: '',
      date: '',
      tags: [],
      summary: '',
      incomplete: [],
      cases: [],
      attempts: [],
      errors: [],
      learned: [],
      links: [],
    };
    index.add(entry);
    expect(buildQuery(index, 'soact iptables')).toEqual({
      combineWith: 'OR',
      queries: [
        'soact iptables',
        {
          queries: ['osact saoct socat soatc'],
          fuzzy: false,
          prefix: false,
          boostTerm: expect.any(Function),
        },
      ],
    });
    // Doubled letters give no new spelling.
    expect(buildQuery(index, 'Kellr')).toMatchObject({ queries: ['Kellr', { queries: ['ekllr klelr kelrl'] }] });
    // A word of the index, and short and long words, give none at all.
    expect(buildQuery(index, 'socat Keller')).toBe('socat Keller');
    expect(buildQuery(index, 'dns iptables konfiguration')).toBe('dns iptables konfiguration');
    expect(index.search(buildQuery(index, 'soact')).map((hit) => hit.id)).toEqual(['a']);
    expect(index.search('soact')).toEqual([]);
  });
});
