/**
 * Require the sections each type of entry needs, found by headings and
 * labelled paragraphs (`**Lösung:** …`) in German or English.
 */
import type { Root } from 'mdast';
import type { Node, Position } from 'unist';
import type { VFile } from 'vfile';
import { getFrontmatter } from '../src/frontmatter.js';
import { defineRule, report } from '../src/rule.js';
import {
  createSectionMatcher,
  DEFAULT_SECTIONS,
  findSections,
  type SectionKind,
  type SectionSynonyms,
} from '../src/sections.js';

/** Section kinds a type requires, by type (lower case). */
type Required = Record<string, SectionKind[]>;

/** Options of `section-required`. */
export interface SectionRequiredOptions {
  required: Required;
}

/** Journals need a problem and its solution; other types nothing. */
const DEFAULT_REQUIRED: Required = { journal: ['problem', 'solution'] };

const KINDS: SectionKind[] = [
  'problem',
  'cause',
  'solution',
  'result',
  'lessons',
  'attempts',
];

/** Message for a missing section of `kind`, naming two of its synonyms. */
function missingMessage(kind: SectionKind, words: readonly string[]): string {
  const [first, second] = words;
  if (first === undefined) {
    return `Unexpected missing ${kind} section, expected a heading that names it (no synonyms configured)`;
  }
  const examples =
    second === undefined ? `\`${first}\`` : `\`${first}\` or \`${second}\``;
  return `Unexpected missing ${kind} section, expected a heading such as ${examples}, or a label \`**${first}:**\``;
}

/** The type of the entry, lower case; entries without one are journals. */
function entryType(tree: Root, file: VFile): string {
  const type = getFrontmatter(tree, file).data.type;
  return typeof type === 'string' && type.trim() !== ''
    ? type.trim().toLowerCase()
    : 'journal';
}

/** The kinds required for `type`, user settings over defaults. */
function requiredFor(type: string, user: Required): SectionKind[] {
  const merged: Required = {};
  for (const [key, kinds] of Object.entries({ ...DEFAULT_REQUIRED, ...user })) {
    merged[key.toLowerCase()] = kinds;
  }
  return merged[type] ?? [];
}

/** Where missing sections are reported: the title, else 1:1. */
function titlePlace(tree: Root): Node | Position {
  const title = tree.children.find(
    (node) => node.type === 'heading' && node.depth === 1,
  );
  const start = { line: 1, column: 1 };
  return title ?? { start, end: start };
}

export default defineRule<SectionRequiredOptions>(
  {
    id: 'section-required',
    description: 'Require the sections each type of entry needs',
    defaultSeverity: 'error',
    fixable: false,
    defaults: { required: DEFAULT_REQUIRED },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        required: {
          type: 'object',
          additionalProperties: {
            type: 'array',
            items: { enum: KINDS },
            uniqueItems: true,
          },
        },
      },
    },
  },
  (tree, file, options) => {
    const required = requiredFor(entryType(tree, file), options.required);
    if (required.length === 0) return;
    const synonyms: SectionSynonyms = file.data.sections ?? DEFAULT_SECTIONS;
    const marks = findSections(tree, createSectionMatcher(synonyms));
    const found = new Set(marks.map((mark) => mark.kind));
    for (const kind of required) {
      if (found.has(kind)) continue;
      report(file, missingMessage(kind, synonyms[kind]), titlePlace(tree));
    }
  },
);
