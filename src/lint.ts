/**
 * Lint stage: run the configured rules over a parsed file. The processor is
 * built once per run; each file is read, parsed once and checked.
 */
import type { Root } from 'mdast';
import remarkMessageControl from 'remark-message-control';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Config } from './config.js';
import type { EntryFile } from './discover.js';
import { createParser, parseFile } from './parse.js';
import { readEntry } from './read.js';
import { createResult, toLintMessages, type LintResult } from './result.js';
import type { Rule } from './rule.js';
import type { SectionSynonyms } from './sections.js';

declare module 'vfile' {
  interface DataMap {
    /** Section synonyms of the run's configuration, for rules to read. */
    sections: SectionSynonyms;
  }
}

/** A file after the parse and lint stages. */
export interface LintedFile {
  file: VFile;
  /** The tree, unless the file could not be read or parsed. */
  tree?: Root;
  result: LintResult;
}

/** Lints files with one configuration. */
export interface Linter {
  /** Lint one file on disk. */
  lintFile(entry: EntryFile): Promise<LintedFile>;
  /** Lint a file already read into a VFile (used by tests and `--fix`). */
  lintVFile(file: VFile, entry: EntryFile): Promise<LintedFile>;
}

/** Build the processor that runs every enabled rule. */
function createLintProcessor(config: Config, registry: readonly Rule[]): Processor<Root> {
  const processor = createParser();
  for (const rule of registry) {
    const setting = config.rules.get(rule.meta.id);
    if (!setting || setting.severity === 0) continue;
    const options = { ...setting.options };
    if (rule.meta.id === 'frontmatter-schema' && config.frontmatterSchema) {
      Object.assign(options, { schema: config.frontmatterSchema });
    }
    processor.use(rule, [setting.severity, options]);
  }
  // Message control filters the messages present when it runs: it must come
  // after every rule, or `<!--lint disable id-->` would miss them.
  processor.use(lintComments, registry.map((rule) => rule.meta.id));
  return processor;
}

/**
 * Honour `<!--lint …-->` comments with remark-message-control. A file with
 * no comment at all has nothing to control, so the walk over its tree is
 * skipped (it costs a tenth of a run).
 */
function lintComments(known: string[]) {
  const control = remarkMessageControl({ name: 'lint', source: 'journal-kb', known });
  return (tree: Root, file: VFile) => {
    if (!String(file.value).includes('<!--')) return;
    allowCommaLists(tree);
    control(tree, file);
  };
}

/**
 * Read `<!--lint disable a, b-->` as `<!--lint disable a b-->`: ESLint's
 * comments list rules with commas, and the comment parser of
 * remark-message-control would otherwise drop the whole comment without a
 * word. Only the tree's copy of the comment changes, never the file.
 */
function allowCommaLists(tree: Root): void {
  visit(tree, 'html', (node) => {
    if (/^<!--\s*lint\s/.test(node.value) && node.value.includes(',')) {
      node.value = node.value.replace(/\s*,\s*/g, ' ');
    }
  });
}

/** Create a linter for a configuration and a rule registry. */
export function createLinter(config: Config, registry: readonly Rule[]): Linter {
  const processor = createLintProcessor(config, registry);

  async function lintVFile(file: VFile, entry: EntryFile): Promise<LintedFile> {
    file.data.sections = config.sections;
    const tree = file.data.unreadable ? undefined : parseFile(processor, file);
    if (tree) await processor.run(tree, file);
    const result = createResult(entry.absolute, entry.path, toLintMessages(file));
    return tree ? { file, tree, result } : { file, result };
  }

  return {
    lintVFile,
    async lintFile(entry) {
      const file = await readEntry(entry.path, entry.absolute, config.maxFileSize);
      return lintVFile(file, entry);
    },
  };
}
