/**
 * `journal-kb init`: write a starting `.journalkbrc.yaml` and a git
 * pre-commit hook that lints the staged entries. Existing files are never
 * overwritten without `--force`; every write is atomic.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseCommandArgs, type OptionSpec } from '../args.js';
import { DEFAULT_JOURNAL } from '../config.js';
import { JournalKbError } from '../errors.js';
import type { MainContext } from '../io.js';
import { writeFileAtomic } from '../write.js';

/** Options `init` takes. */
export const INIT_OPTIONS: OptionSpec = {
  force: { type: 'boolean' },
  journal: { type: 'string' },
  'no-hook': { type: 'boolean' },
  'no-config': { type: 'boolean' },
};

const HELP = `Usage: journal-kb init [options]

Write .journalkbrc.yaml and a git pre-commit hook that lints staged entries.

Options:
  --journal PATH  the journal folder to configure (default: ${DEFAULT_JOURNAL[0]})
  --no-hook       write the configuration only
  --no-config     write the hook only
  --force         overwrite files that exist
  --verbose       show stack traces of internal errors
`;

/** Name of the configuration file `init` writes. */
export const INIT_CONFIG_FILE = '.journalkbrc.yaml';

/** The configuration `init` writes, for a journal folder. */
export function configTemplate(journal: string): string {
  return `# journal-kb configuration, written by \`journal-kb init\`.
# Every option has a default; see docs/configuration.md.

# Folders that \`journal-kb lint\` and \`journal-kb build\` read when no
# paths are given.
journal: ${JSON.stringify(journal)}

# Rule severities (\`off\`, \`warn\`, \`error\`) or [severity, options], by
# rule id; \`journal-kb rules\` lists the rules.
rules: {}
`;
}

/** Quote `text` for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The pre-commit hook. Staged Markdown files under the journal folder go to
 * `journal-kb lint` as explicit paths (NUL-separated, so any file name
 * works); files that are not entries are skipped by journal-kb, and a clean
 * run prints nothing.
 */
export function hookText(journal: string): string {
  const pathspec = shellQuote(`${journal.replace(/\/+$/, '')}/*.md`);
  return `#!/bin/sh
# journal-kb pre-commit hook, written by \`journal-kb init\`.
# Lints the journal entries among the staged files; see docs/pre-commit.md.
if [ -x node_modules/.bin/journal-kb ]; then
  JOURNAL_KB=node_modules/.bin/journal-kb
else
  JOURNAL_KB=journal-kb
fi
export JOURNAL_KB
git diff --cached --name-only --diff-filter=ACMR -z -- ${pathspec} |
  xargs -0 sh -c '[ "$#" -eq 0 ] || exec "$JOURNAL_KB" lint -- "$@"' journal-kb-hook
`;
}

/** The path of the pre-commit hook git runs for `cwd`. */
async function findHookPath(cwd: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(
      'git',
      ['rev-parse', '--git-path', 'hooks/pre-commit'],
      { cwd },
    );
    return resolve(cwd, stdout.trim());
  } catch {
    throw new JournalKbError(
      'USAGE',
      `Unexpected folder outside a git repository: ${cwd}, expected a git work tree for the hook (use \`--no-hook\` to write the configuration only)`,
    );
  }
}

/** The files to write, by absolute path. */
async function planFiles(
  context: MainContext,
  values: Record<string, unknown>,
): Promise<Array<{ path: string; text: string; mode?: number }>> {
  const files: Array<{ path: string; text: string; mode?: number }> = [];
  const journal = (values.journal as string | undefined) ?? DEFAULT_JOURNAL[0]!;
  if (!values['no-config']) {
    const path = resolve(context.cwd, INIT_CONFIG_FILE);
    files.push({ path, text: configTemplate(journal) });
  }
  if (!values['no-hook']) {
    files.push({ path: await findHookPath(context.cwd), text: hookText(journal), mode: 0o755 });
  }
  return files;
}

/** Run `journal-kb init`. */
export async function initCommand(context: MainContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('init', args, INIT_OPTIONS);
  if (values.help) {
    context.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 0) {
    throw new JournalKbError('USAGE', `Unexpected argument \`${positionals[0]}\` for \`init\`, expected options only (see \`journal-kb init --help\`)`);
  }
  const files = await planFiles(context, values);
  const existing = files.filter((file) => existsSync(file.path));
  if (existing.length > 0 && !values.force) {
    const names = existing.map((file) => `\`${relative(context.cwd, file.path)}\``).join(', ');
    throw new JournalKbError('USAGE', `Unexpected existing ${names}, expected no such file (use \`--force\` to overwrite)`);
  }
  for (const file of files) {
    await writeFileAtomic(file.path, file.text);
    if (file.mode !== undefined) await chmod(file.path, file.mode);
    context.stdout.write(`wrote ${relative(context.cwd, file.path)}\n`);
  }
  return 0;
}
