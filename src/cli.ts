/**
 * The command line: `main` parses the command, runs it and returns the exit
 * code. Commands are loaded on demand, so `lint` never loads the
 * knowledge-base or page code.
 */
import { isJournalKbError, JournalKbError } from './errors.js';
import type { MainContext } from './io.js';
import { getVersion } from './version.js';

/** A command: runs with the remaining arguments, returns an exit code. */
export type Command = (context: MainContext, args: string[]) => Promise<number>;

/** Commands by name, each loaded when it is run. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  migrate: async () => (await import('./commands/migrate.js')).migrateCommand,
  build: async () => (await import('./commands/build.js')).buildCommand,
  search: async () => (await import('./commands/search.js')).searchCommand,
};

/** Descriptions shown by `--help`. */
const SUMMARY: Record<string, string> = {
  lint: 'lint entries (default path: docs/99_Journal)',
  build: 'write kb.json and index.html (--out DIR, default kb/)',
  search: 'search a built knowledge base (--kb DIR, default kb/)',
  migrate: 'give legacy entries front matter (a diff; --write writes)',
  init: 'write a config and a pre-commit hook',
  rules: 'list the rules with their ids and docs',
};

/** The text `--help` prints. */
export function helpText(): string {
  const names = Object.keys(SUMMARY).filter((name) => name in COMMANDS);
  const rows = names.map((name) => `  ${name.padEnd(8)} ${SUMMARY[name]}`);
  return [
    'Usage: journal-kb <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Options:',
    '  -h, --help     show help (also after a command)',
    '  -v, --version  print the version',
    '  --verbose      show stack traces of internal errors',
    '',
    'Exit codes: 0 no errors, 1 errors found, 2 usage, configuration or internal error.',
    '',
  ].join('\n');
}

/** Report an error that stops the run, and return exit code 2. */
function reportFailure(context: MainContext, error: unknown, verbose: boolean): number {
  if (isJournalKbError(error)) {
    context.stderr.write(`journal-kb: ${error.message}\n`);
    if (verbose && error.cause instanceof Error && error.cause.stack) {
      context.stderr.write(`${error.cause.stack}\n`);
    }
    return 2;
  }
  const text = error instanceof Error ? error.message : String(error);
  context.stderr.write(`journal-kb: internal error: ${text}\n`);
  if (verbose && error instanceof Error && error.stack) {
    context.stderr.write(`${error.stack}\n`);
  } else {
    context.stderr.write('Run again with --verbose to see the stack trace.\n');
  }
  return 2;
}

/** Run journal-kb with `context.argv`; returns the exit code. */
export async function main(context: MainContext): Promise<number> {
  const argv = [...context.argv];
  const verbose = argv.includes('--verbose');
  try {
    const first = argv[0];
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      context.stdout.write(helpText());
      return first === undefined ? 2 : 0;
    }
    if (first === '-v' || first === '--version') {
      context.stdout.write(`${getVersion()}\n`);
      return 0;
    }
    const load = COMMANDS[first];
    if (!load) {
      const known = Object.keys(COMMANDS).map((name) => `\`${name}\``).join(', ');
      throw new JournalKbError('USAGE', `Unknown command \`${first}\`, expected one of ${known} (see --help)`);
    }
    const command = await load();
    return await command(context, argv.slice(1));
  } catch (error) {
    return reportFailure(context, error, verbose);
  }
}
