/**
 * Assemble the knowledge base from linted files and write it: entries
 * sorted by path, links kept only to entries of the same knowledge base,
 * and `kb.json` written atomically, the same bytes for the same input.
 */
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { LintedFile } from '../lint.js';
import { createSectionMatcher } from '../sections.js';
import { writeFileAtomic } from '../write.js';
import { INDEX_FILE, serializeSearchIndex } from './index-file.js';
import { DEFAULT_REQUIRED_KEYS, extractEntry, type ExtractOptions } from './extract.js';
import { SCHEMA_VERSION, type Entry, type KnowledgeBase } from './types.js';

/** Name of the knowledge-base file in the output folder. */
export const KB_FILE = 'kb.json';
/** Name of the page in the output folder. */
export const PAGE_FILE = 'index.html';

/** The required front-matter keys the configuration sets, else the default. */
export function getRequiredKeys(config: Config): string[] {
  const setting = config.rules.get('frontmatter-required-keys');
  const keys = setting?.options.keys;
  if (Array.isArray(keys) && keys.every((key) => typeof key === 'string')) {
    return keys as string[];
  }
  return DEFAULT_REQUIRED_KEYS;
}

/** Extraction options for a configuration. */
export function createExtractOptions(config: Config): ExtractOptions {
  return {
    matcher: createSectionMatcher(config.sections),
    requiredKeys: getRequiredKeys(config),
  };
}

/** Order entries by path, by code unit, the same on every machine. */
function byPath(a: Entry, b: Entry): number {
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}

/**
 * Assemble a knowledge base from linted files; files that could not be read
 * or parsed (no tree) are left out, as their lint result says why.
 */
export function assembleKnowledgeBase(
  files: readonly LintedFile[],
  options: ExtractOptions,
): KnowledgeBase {
  const entries: Entry[] = [];
  for (const { file, tree, result } of files) {
    if (tree) entries.push(extractEntry(tree, file, result.path, options));
  }
  return assembleEntries(entries);
}

/**
 * Assemble a knowledge base from extracted entries (in any order): sorted
 * by path, links kept only to entries of the same knowledge base.
 */
export function assembleEntries(entries: Entry[]): KnowledgeBase {
  entries.sort(byPath);
  const ids = new Set(entries.map((entry) => entry.id));
  for (const entry of entries) {
    entry.links = entry.links.filter((id) => ids.has(id));
  }
  return { schemaVersion: SCHEMA_VERSION, entries };
}

/**
 * Serialise a knowledge base: one entry a line, so a diff of two builds
 * shows which entries changed, while the file stays compact.
 */
export function serializeKnowledgeBase(kb: KnowledgeBase): string {
  const lines = kb.entries.map((entry) => JSON.stringify(entry));
  const body = lines.length > 0 ? `\n${lines.join(',\n')}\n` : '';
  return `{"schemaVersion":${JSON.stringify(kb.schemaVersion)},"entries":[${body}]}\n`;
}

/**
 * Write `kb.json`, the prebuilt search index and, when given, the page
 * into `folder`; returns the paths written.
 */
export async function writeKnowledgeBase(
  folder: string,
  kb: KnowledgeBase,
  page?: string,
): Promise<string[]> {
  const text = serializeKnowledgeBase(kb);
  const outputs: Array<[string, string]> = [
    [join(folder, KB_FILE), text],
    [join(folder, INDEX_FILE), serializeSearchIndex(kb, text)],
  ];
  if (page !== undefined) outputs.push([join(folder, PAGE_FILE), page]);
  for (const [path, data] of outputs) await writeFileAtomic(path, data);
  return outputs.map(([path]) => path);
}
