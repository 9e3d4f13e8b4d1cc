/**
 * Extract stage: turn one parsed entry into its knowledge-base record. It
 * reads the same tree and front matter the lint stage used, so a file is
 * parsed once whatever the command.
 */
import { posix } from 'node:path';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { toIsoDate } from '../dates.js';
import { getFixHistories } from '../fix-history.js';
import { getFrontmatter } from '../frontmatter.js';
import { readLegacyHeader, type LegacyHeader } from '../legacy-header.js';
import type { SectionMatcher } from '../sections.js';
import { readListAttempts } from './attempt-lists.js';
import { readCases, type CaseDraft } from './cases.js';
import { readErrors } from './error-lines.js';
import { readLessons } from './lessons.js';
import { readLinks } from './links.js';
import { getOutline } from './outline.js';
import { isHeaderBlock, sourceOfNodes } from './source.js';
import type { Attempt, Case, Entry } from './types.js';

/** Required front-matter keys when the configuration names none. */
export const DEFAULT_REQUIRED_KEYS = ['type', 'status', 'owner', 'date'];

/** What extraction needs from the run. */
export interface ExtractOptions {
  matcher: SectionMatcher;
  /** Front-matter keys an entry must have; the rest are `incomplete`. */
  requiredKeys: readonly string[];
}

/** The fields front matter or a legacy header gives. */
interface Header {
  type: string;
  status: string;
  owner: string;
  date: string;
  tags: string[];
  incomplete: string[];
}

/** A front-matter value as trimmed text; `''` for none or a collection. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Tags from a list or a comma-separated string, without repeats. */
function asTags(value: unknown): string[] {
  const items = Array.isArray(value) ? value : asText(value).split(',');
  const tags = items.map((item) => asText(item)).filter((tag) => tag !== '');
  return [...new Set(tags)];
}

/** Whether a front-matter value counts as given. */
function isGiven(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/**
 * Read the header fields: front matter first; what it lacks is inferred
 * from bold header lines and the file name, as for legacy entries.
 */
function readHeader(tree: Root, file: VFile, path: string, required: readonly string[]): Header {
  const frontmatter = getFrontmatter(tree, file);
  const data = frontmatter.kind === 'ok' ? frontmatter.data : {};
  const incomplete = required.filter((key) => !isGiven(data[key]));
  let legacy: LegacyHeader | undefined;
  const infer = (key: 'type' | 'status' | 'owner' | 'date'): string => {
    legacy ??= readLegacyHeader(String(file.value ?? ''), path);
    return legacy[key] ?? '';
  };
  const fromData = (key: 'type' | 'status' | 'owner'): string =>
    asText(data[key]) || infer(key);
  const date = toIsoDate(asText(data.date)) ?? infer('date');
  return {
    type: fromData('type').toLowerCase(),
    status: fromData('status').toLowerCase(),
    owner: fromData('owner'),
    date,
    tags: asTags(data.tags),
    incomplete,
  };
}

/** The first level-one heading of a tree. */
function findTitle(tree: Root): Heading | undefined {
  return tree.children.find(
    (node): node is Heading => node.type === 'heading' && node.depth === 1,
  );
}

/** The first paragraph that is not a block of bold header lines. */
function findSummary(tree: Root, file: VFile): string {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = sourceOfNodes(file, [node]);
    if (!isHeaderBlock(text)) return text;
  }
  return '';
}

/** The attempts of every fix-history table, in document order. */
function readTableAttempts(tree: Root, file: VFile): Attempt[] {
  return getFixHistories(tree, file).flatMap((table) =>
    table.rows.map((row) => ({
      version: row.version,
      symptom: row.symptom,
      fix: row.fix,
      result: row.result,
      line: row.line,
      outcome: row.outcome,
    })),
  );
}

/**
 * Decide which cases are pending: a case is pending when it has no
 * solution, or when the last attempt of its table is pending. A table
 * belongs to the last case that starts before it (else the first case).
 * Only table attempts count; attempts written as a list do not.
 */
function settleCases(drafts: readonly CaseDraft[], attempts: readonly Attempt[]): Case[] {
  const pendingAt = new Set<number>();
  const last = attempts[attempts.length - 1];
  if (last?.outcome === 'pending') {
    const before = drafts.filter((draft) => draft.line <= last.line);
    const owner = before[before.length - 1] ?? drafts[0];
    if (owner) pendingAt.add(drafts.indexOf(owner));
  }
  return drafts.map((draft, index) => ({
    ...draft,
    pending: draft.solution === '' || pendingAt.has(index),
  }));
}

/** The id of an entry: its path without the `.md` extension. */
export function toEntryId(path: string): string {
  return path.replace(/\.md$/i, '');
}

/** Extract the record of one parsed entry at `path` (forward slashes). */
export function extractEntry(
  tree: Root,
  file: VFile,
  path: string,
  options: ExtractOptions,
): Entry {
  const id = toEntryId(path);
  const header = readHeader(tree, file, path, options.requiredKeys);
  const title = findTitle(tree);
  const outline = getOutline(tree, options.matcher);
  const tableAttempts = readTableAttempts(tree, file);
  const listAttempts = readListAttempts(file, tree, options.matcher, outline);
  const drafts = readCases(file, tree, options.matcher, outline);
  return {
    id,
    path,
    title: title ? toString(title).trim() : posix.basename(id),
    type: header.type,
    status: header.status,
    owner: header.owner,
    date: header.date,
    tags: header.tags,
    summary: findSummary(tree, file),
    incomplete: header.incomplete,
    cases: settleCases(drafts, tableAttempts),
    attempts: [...tableAttempts, ...listAttempts],
    errors: readErrors(file, tree),
    learned: readLessons(file, tree, options.matcher, outline),
    links: readLinks(tree, path, id),
  };
}

