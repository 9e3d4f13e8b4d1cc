/**
 * `journal-kb build`: lint and extract every entry from one parse, then
 * write `kb.json` and `index.html`. Lint messages do not stop it: it exits
 * 0 when it wrote its outputs and 2 when it could not.
 */
import { relative, resolve } from 'node:path';
import { parseCommandArgs, type OptionSpec } from '../args.js';
import { loadSetup, resolveInputs, type RunSetup } from '../context.js';
import { runFiles, runnerOptionsFrom } from '../runner.js';
import { discover, toPosix } from '../discover.js';
import { JournalKbError } from '../errors.js';
import type { MainContext } from '../io.js';
import {
  assembleEntries,
  writeKnowledgeBase,
} from '../kb/build.js';
import type { Entry, KnowledgeBase } from '../kb/types.js';
import type { LintResult } from '../result.js';
import type { Config } from '../config.js';
import type { PageOptions } from '../render/page.js';

/** Options `build` takes. */
export const BUILD_OPTIONS: OptionSpec = {
  out: { type: 'string', short: 'o' },
  concurrency: { type: 'string' },
  config: { type: 'string', short: 'c' },
};

/** Output folder when `--out` is not given. */
export const DEFAULT_OUT = 'kb';

const HELP = `Usage: journal-kb build [paths...] [options]

Compile journal entries into DIR/kb.json, DIR/index.html and the prebuilt
DIR/search-index.json (default paths: the configured journal,
docs/99_Journal). Lint counts go to stderr; run \`journal-kb lint\` for them.

Options:
  -o, --out DIR        output folder (default: kb)
  -c, --config FILE    use this configuration file instead of searching
  --concurrency N      threads to parse on; 1 uses no worker threads
                       (default: chosen by the number of files and cores)
  --verbose            show stack traces of internal errors

Exit codes: 0 outputs written (lint messages do not count), 2 not written.
`;

/** One file after lint and extraction: its result, and its record. */
interface CompiledFile {
  result: LintResult;
  /** The record, unless the file could not be read or parsed. */
  entry?: Entry;
}

/** Lint counts of a run, for the summary line. */
function countMessages(files: readonly CompiledFile[]): string {
  let errors = 0;
  let warnings = 0;
  let withMessages = 0;
  for (const { result } of files) {
    errors += result.errorCount;
    warnings += result.warningCount;
    if (result.messages.length > 0) withMessages++;
  }
  if (withMessages === 0) return 'lint: no messages';
  return `lint: ${errors} errors and ${warnings} warnings in ${withMessages} files (run \`journal-kb lint\` to see them)`;
}

/** Say on stderr which files were left out, and why. */
function reportLeftOut(context: MainContext, files: readonly CompiledFile[]): void {
  for (const { entry, result } of files) {
    if (entry) continue;
    const reason = result.messages[0]?.message ?? 'it could not be read';
    context.stderr.write(`journal-kb: left out \`${result.path}\`: ${reason}\n`);
  }
}

/**
 * Render the page for a knowledge base written to `folder`: source links
 * use the configured URL template, else paths relative to the page.
 */
async function renderIndexPage(
  kb: KnowledgeBase,
  config: Config,
  folder: string,
  cwd: string,
): Promise<string> {
  const { renderPage } = await import('../render/page.js');
  const back = toPosix(relative(folder, cwd));
  const options: PageOptions = { sourceRoot: back === '' ? '' : `${back}/` };
  if (config.sourceUrl) options.sourceUrl = config.sourceUrl;
  return renderPage(kb, options);
}

/**
 * Lint, parse and extract every input file once, on worker threads for a
 * large journal. A file's tree is dropped as soon as its record is made,
 * so memory holds records, not syntax trees.
 */
async function compileAll(
  context: MainContext,
  values: Record<string, unknown>,
  setup: RunSetup,
  positionals: string[],
): Promise<CompiledFile[]> {
  const { config } = setup;
  const inputs = resolveInputs(positionals, config, context.cwd);
  const { files, unmatched } = await discover(inputs, config, context.cwd);
  for (const { input, reason } of unmatched) {
    context.stderr.write(`journal-kb: \`${input}\` matched no entry: ${reason}\n`);
  }
  if (unmatched.length > 0) {
    throw new JournalKbError('NO_FILES', 'No knowledge base written: some inputs matched no journal entry (see the messages above)');
  }
  if (files.length === 0) {
    throw new JournalKbError('NO_FILES', 'No knowledge base written: none of the given files is a journal entry (a Markdown file named `YYYY-MM-DD…md`, not ignored)');
  }
  const options = { ...runnerOptionsFrom(context, values, setup, 'build'), extract: true };
  const compiled: CompiledFile[] = [];
  for await (const { result, record } of runFiles(files, options)) {
    compiled.push(record ? { result, entry: record } : { result });
  }
  return compiled;
}

/** Write the outputs, turning a failed write into a sentence. */
async function writeOutputs(folder: string, kb: KnowledgeBase, page: string): Promise<string[]> {
  try {
    return await writeKnowledgeBase(folder, kb, page);
  } catch (error) {
    const reason = (error as Error).message;
    throw new JournalKbError('WRITE', `Cannot write the knowledge base to \`${folder}\`: ${reason}`, { cause: error });
  }
}

/** Run `journal-kb build`. */
export async function buildCommand(context: MainContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('build', args, BUILD_OPTIONS);
  if (values.help) {
    context.stdout.write(HELP);
    return 0;
  }
  const setup = loadSetup(context.cwd, values.config as string | undefined);
  const { config } = setup;
  const compiled = await compileAll(context, values, setup, positionals);
  reportLeftOut(context, compiled);

  const entries = compiled.flatMap((file) => (file.entry ? [file.entry] : []));
  const kb = assembleEntries(entries);
  const folder = resolve(context.cwd, (values.out as string | undefined) ?? DEFAULT_OUT);
  const page = await renderIndexPage(kb, config, folder, context.cwd);
  const written = await writeOutputs(folder, kb, page);

  const names = written.map((path) => `\`${toPosix(relative(context.cwd, path))}\``);
  const last = names.pop();
  context.stderr.write(
    `journal-kb: wrote ${names.join(', ')} and ${last} with ${kb.entries.length} ${kb.entries.length === 1 ? 'entry' : 'entries'}; ${countMessages(compiled)}\n`,
  );
  return 0;
}
