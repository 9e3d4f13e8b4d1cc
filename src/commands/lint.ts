/**
 * `journal-kb lint`: discover entries, lint them, report, and return the
 * exit code of DESIGN: 0 clean, 1 errors (or too many warnings), 2 usage.
 */
import { resolve } from 'node:path';
import { parseCommandArgs, parseInteger, type OptionSpec } from '../args.js';
import { loadSetup, resolveInputs } from '../context.js';
import { discover } from '../discover.js';
import { JournalKbError } from '../errors.js';
import { useColor, type MainContext } from '../io.js';
import { reporters } from '../reporters/index.js';
import { lintFiles, RUNNER_HELP, RUNNER_OPTIONS, runnerOptionsFrom } from '../runner.js';
import type { LintResult } from '../result.js';
import { createResult } from '../result.js';
import type { RuleMeta } from '../rule.js';
import { getVersion } from '../version.js';
import { writeFileAtomic } from '../write.js';
import type { Config } from '../config.js';
import { fixResults } from '../fix.js';
import type { Rule } from '../rule.js';
import { applySuppressions, type SuppressionOptions } from '../suppressions.js';

/** Options `lint` takes. */
export const LINT_OPTIONS: OptionSpec = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  ...RUNNER_OPTIONS,
  fix: { type: 'boolean' },
  'suppress-all': { type: 'boolean' },
  'prune-suppressions': { type: 'boolean' },
  'suppressions-location': { type: 'string' },
};

const HELP = `Usage: journal-kb lint [paths...] [options]

Lint journal entries (default: the configured journal, docs/99_Journal).

Options:
  -f, --format NAME     stylish (default), json, sarif, github, junit
  -o, --output FILE     write the report to FILE (atomically) instead of stdout
  --max-warnings N      exit 1 when there are more than N warnings
  --quiet               report errors only
  -c, --config FILE     use this configuration file instead of searching
  --color, --no-color   force colour on or off
${RUNNER_HELP.trimEnd()}
  --fix                 apply the fixes rules offer, then report what remains
  --suppress-all        record today's errors in journal-kb-suppressions.json
  --prune-suppressions  drop suppressions that no longer occur
  --suppressions-location FILE  where the suppressions file is
  --verbose             show stack traces of internal errors
`;

/** Keep only errors, for `--quiet`. */
function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((message) => message.severity === 2);
  return createResult(result.filePath, result.path, messages);
}

/** Say on stderr which inputs matched no entry. */
function reportUnmatched(
  context: MainContext,
  unmatched: ReadonlyArray<{ input: string; reason: string }>,
): void {
  for (const { input, reason } of unmatched) {
    context.stderr.write(`journal-kb: \`${input}\` matched no entry: ${reason}\n`);
  }
}

/** Count errors and warnings over all results. */
function countMessages(results: readonly LintResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
  }
  return { errors, warnings };
}

/** The exit code for results and the warning limit. */
export function exitCodeFor(results: readonly LintResult[], maxWarnings?: number): number {
  const { errors, warnings } = countMessages(results);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}

/** Say on stderr when the warnings alone fail the run. */
function reportWarningLimit(
  context: MainContext,
  results: readonly LintResult[],
  maxWarnings: number | undefined,
): void {
  const { errors, warnings } = countMessages(results);
  if (errors === 0 && maxWarnings !== undefined && warnings > maxWarnings) {
    context.stderr.write(
      `journal-kb: ${warnings} warning${warnings === 1 ? '' : 's'}, more than \`--max-warnings ${maxWarnings}\` allows\n`,
    );
  }
}

/** `--fix`, then the suppressions baseline, on the results of a run. */
async function applyFixAndSuppressions(
  context: MainContext,
  values: Record<string, unknown>,
  config: Config,
  registry: readonly Rule[],
  results: LintResult[],
): Promise<LintResult[]> {
  if (values['suppress-all'] && values['prune-suppressions']) {
    throw new JournalKbError('USAGE', 'Unexpected `--suppress-all` with `--prune-suppressions`, expected one of them');
  }
  let fixed = results;
  if (values.fix) {
    // Loaded here only: a run served from the cache never needs the parser.
    const { createLinter } = await import('../lint.js');
    const linter = createLinter(config, registry);
    fixed = (await fixResults(results, linter, config.maxFileSize)).results;
  }
  const options: SuppressionOptions = { config, cwd: context.cwd, stderr: context.stderr };
  const location = values['suppressions-location'] as string | undefined;
  if (location !== undefined) options.location = location;
  if (values['suppress-all']) options.suppressAll = true;
  if (values['prune-suppressions']) options.prune = true;
  return applySuppressions(fixed, options);
}

/** Run `journal-kb lint`. */
export async function lintCommand(context: MainContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('lint', args, LINT_OPTIONS);
  if (values.help) {
    context.stdout.write(HELP);
    return 0;
  }
  const format = (values.format as string | undefined) ?? 'stylish';
  const reporter = reporters[format];
  if (!reporter) {
    const known = Object.keys(reporters).map((name) => `\`${name}\``).join(', ');
    throw new JournalKbError('USAGE', `Unknown format \`${format}\` for \`--format\`, expected one of ${known}`);
  }
  const maxWarnings = parseInteger('lint', 'max-warnings', values['max-warnings'], 0);
  const { config, registry } = loadSetup(context.cwd, values.config as string | undefined);

  const inputs = resolveInputs(positionals, config, context.cwd);
  const { files, unmatched } = await discover(inputs, config, context.cwd);
  reportUnmatched(context, unmatched);
  // Explicit files that are not entries are skipped silently (pre-commit).
  if (files.length === 0 && (unmatched.length > 0 || positionals.length === 0)) {
    throw new JournalKbError('NO_FILES', 'No journal entries to lint (see the messages above)');
  }

  let results: LintResult[] = [];
  const runner = runnerOptionsFrom(context, values, { config, registry });
  for await (const result of lintFiles(files, runner)) results.push(result);
  results = await applyFixAndSuppressions(context, values, config, registry, results);
  if (values.quiet) results = results.map(onlyErrors);

  const env = context.env ?? process.env;
  const output = values.output as string | undefined;
  const colorDefault = output ? false : useColor(context.stdout, env);
  const color = values['no-color'] ? false : (values.color as boolean | undefined) ?? colorDefault;
  const rules = new Map<string, RuleMeta>(registry.map((rule) => [rule.meta.id, rule.meta]));
  const report = reporter(results, { cwd: context.cwd, color, rules, version: getVersion() });
  if (output) await writeFileAtomic(resolve(context.cwd, output), report);
  else context.stdout.write(report);

  if (unmatched.length > 0) return 2;
  reportWarningLimit(context, results, maxWarnings);
  return exitCodeFor(results, maxWarnings);
}
