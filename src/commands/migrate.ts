/**
 * `journal-kb migrate`: give entries written before front matter a header
 * inferred from their bold header lines and file name.
 *
 * By default it prints a unified diff and changes nothing; `--write` writes
 * each file through a temporary file and a rename. The new block is inserted
 * at the top (after a byte order mark); every other byte stays as it was.
 * What it cannot infer it leaves out and reports on stderr.
 */
import { createTwoFilesPatch } from 'diff';
import type { VFile } from 'vfile';
import { stringify } from 'yaml';
import { parseCommandArgs, type OptionSpec } from '../args.js';
import type { Config } from '../config.js';
import { loadSetup, resolveInputs } from '../context.js';
import { discover, type EntryFile } from '../discover.js';
import { JournalKbError } from '../errors.js';
import { matchLineEndings, toStoredText } from '../fix.js';
import { getFrontmatter } from '../frontmatter.js';
import type { MainContext } from '../io.js';
import { readLegacyHeader, type LegacyHeader } from '../legacy-header.js';
import { createParser, parseFile } from '../parse.js';
import { readEntry } from '../read.js';
import { writeFileAtomic } from '../write.js';

/** Options `migrate` takes. */
export const MIGRATE_OPTIONS: OptionSpec = {
  write: { type: 'boolean' },
  status: { type: 'string' },
  owner: { type: 'string' },
  type: { type: 'string' },
  config: { type: 'string', short: 'c' },
};

const HELP = `Usage: journal-kb migrate [paths...] [options]

Give entries without front matter a header inferred from the file name and
bold header lines (**Datum:**, **Autor:**, **Beteiligte:**, **Status:** …).
Prints a unified diff and changes nothing unless --write is given.

Options:
  --write             write the files (atomically) instead of printing a diff
  --status S          status for entries that do not say one
  --owner O           owner for entries that name no author
  --type T            type for entries that do not say one (default: Journal)
  -c, --config FILE   use this configuration file instead of searching
  --verbose           show stack traces of internal errors
`;

/** Default `type` when neither entry, flag nor configuration gives one. */
export const DEFAULT_TYPE = 'Journal';

/** Values used where an entry does not say: flags, then configuration. */
export interface MigrateDefaults {
  type?: string;
  status?: string;
  owner?: string;
}

/** A note about one entry, at a line. */
export interface MigrateNote {
  line: number;
  message: string;
}

/** What `migrate` makes of one entry without front matter. */
export interface Migration {
  /** The new text (byte order mark excluded). */
  output: string;
  /** The front-matter fields written, in order. */
  fields: Array<[string, string]>;
  /** What was left out or doubtful. */
  notes: MigrateNote[];
}

/** Key order of the written front matter, as in the canonical entry. */
const KEYS = ['type', 'status', 'owner', 'date'] as const;

/** A key `migrate` writes. */
type Key = (typeof KEYS)[number];

/** Write one YAML scalar, quoted only where YAML needs it. */
function yamlScalar(value: string): string {
  return stringify(value, { version: '1.2', lineWidth: 0 }).trimEnd();
}

/** Why a key could not be inferred, at the line that best explains it. */
function leftOutNote(key: Key, header: LegacyHeader): MigrateNote {
  let remedy = `pass \`--${key}\` or set \`defaults.${key}\``;
  if (key === 'date') remedy = 'add a `**Datum:**` line';
  if (key === 'owner' && header.participants.length > 1) {
    const names = header.participants.map((name) => `\`${name}\``).join(', ');
    return {
      line: header.lines.participants ?? 1,
      message:
        `Unexpected several participants (${names}), expected one author ` +
        `to take as \`owner\`; left \`owner\` out (${remedy})`,
    };
  }
  const wanted: Record<string, string> = {
    type: 'a `**Typ:**` line',
    status: 'a `**Status:**` line',
    owner: 'an `**Autor:**` line or a single participant',
    date: 'a `**Datum:**` line or a date at the start of the file name',
  };
  return {
    line: 1,
    message:
      `Unexpected missing \`${key}\`, expected ${wanted[key]}; ` +
      `left it out (${remedy})`,
  };
}

/** The value of each key: from the entry, else from the defaults. */
function chooseValues(
  header: LegacyHeader,
  defaults: MigrateDefaults,
): Partial<Record<Key, string>> {
  return {
    type: header.type ?? defaults.type ?? DEFAULT_TYPE,
    status: header.status ?? defaults.status,
    owner: header.owner ?? defaults.owner,
    date: header.date,
  };
}

/**
 * Plan the migration of one entry's text (byte order mark excluded):
 * the front matter to insert, the new text and what was left out.
 */
export function migrateText(
  text: string,
  fileName: string,
  defaults: MigrateDefaults,
): Migration {
  const header = readLegacyHeader(text, fileName);
  const values = chooseValues(header, defaults);
  const fields: Array<[string, string]> = [];
  const notes: MigrateNote[] = header.problems.map((problem) => ({ ...problem }));
  for (const key of KEYS) {
    const value = values[key];
    if (value === undefined || value === '') {
      notes.push(leftOutNote(key, header));
    } else {
      fields.push([key, value]);
    }
  }
  const yaml = fields.map(([key, value]) => `${key}: ${yamlScalar(value)}`);
  const lines = ['---', ...yaml, '---', ''];
  // A blank line after the block, unless the entry starts with one.
  const startsBlank = /^[ \t]*(?:\r?\n|\r)/.test(text) || text === '';
  const separator = startsBlank ? '' : '\n';
  const block = matchLineEndings(text, `${lines.join('\n')}${separator}`);
  notes.sort((a, b) => a.line - b.line);
  return { output: `${block}${text}`, fields, notes };
}

/** A unified diff of one file, without the `===` banner of `diff`. */
export function unifiedDiff(
  path: string,
  before: string,
  after: string,
): string {
  const patch = createTwoFilesPatch(
    `a/${path}`,
    `b/${path}`,
    before,
    after,
    undefined,
    undefined,
    { context: 3 },
  );
  return patch.replace(/^=+\n/, '');
}

/**
 * Plan the migration of a file read by the read stage: `undefined` when it
 * has front matter (or a broken block, which `lint` reports), `unreadable`
 * when it could not be read or parsed.
 */
export function planMigration(
  file: VFile,
  defaults: MigrateDefaults,
): Migration | 'unreadable' | undefined {
  if (file.data.unreadable) return 'unreadable';
  const tree = parseFile(createParser(), file);
  if (!tree) return 'unreadable';
  if (getFrontmatter(tree, file).kind !== 'missing') return undefined;
  return migrateText(String(file.value), file.path, defaults);
}

/** The outcome of migrating one file. */
interface FileOutcome {
  diff?: string;
  written: boolean;
}

/** Print a note about `path` on stderr as `path:line:1: message`. */
function printNote(
  context: MainContext,
  path: string,
  note: MigrateNote,
): void {
  context.stderr.write(`${path}:${note.line}:1: ${note.message}\n`);
}

/** Migrate one file: skip it when it has front matter or cannot be read. */
async function migrateFile(
  context: MainContext,
  entry: EntryFile,
  config: Config,
  options: { defaults: MigrateDefaults; write: boolean },
): Promise<FileOutcome> {
  const file = await readEntry(entry.path, entry.absolute, config.maxFileSize);
  const migration = planMigration(file, options.defaults);
  if (migration === 'unreadable') {
    const reason = file.messages[0]?.reason ?? 'Unexpected unreadable file';
    const line = file.messages[0]?.line ?? 1;
    printNote(context, entry.path, { line, message: `${reason}; not migrated` });
    return { written: false };
  }
  if (migration === undefined) return { written: false };
  const text = String(file.value);
  for (const note of migration.notes) printNote(context, entry.path, note);
  if (options.write) {
    await writeFileAtomic(entry.absolute, toStoredText(file, migration.output));
    return { written: true };
  }
  // Diff the bytes as stored (a byte order mark included), so that
  // `git apply` takes the diff.
  const before = toStoredText(file, text);
  const after = toStoredText(file, migration.output);
  return { diff: unifiedDiff(entry.path, before, after), written: false };
}

/** The defaults of a run: flags first, then the configuration's `defaults`. */
function resolveDefaults(
  values: Record<string, unknown>,
  config: Config,
): MigrateDefaults {
  const defaults: MigrateDefaults = {};
  for (const key of ['type', 'status', 'owner'] as const) {
    const value = (values[key] as string | undefined) ?? config.defaults[key];
    if (value !== undefined) defaults[key] = value;
  }
  return defaults;
}

/** Check that a flag's value is a usable front-matter value. */
function checkFlag(name: string, value: unknown): void {
  if (value === undefined) return;
  const ok = typeof value === 'string' && value.trim() !== '';
  if (!ok || /[\r\n]/.test(value)) {
    throw new JournalKbError(
      'USAGE',
      `Option \`--${name}\` of \`migrate\` is \`${String(value)}\`, ` +
        'expected a non-empty value on one line',
    );
  }
}

/**
 * Check that `--status` and `--type` name a value the configured rule
 * allows (or one of its aliases), so `migrate` never writes a header that
 * `lint` rejects.
 */
function checkAllowed(name: 'status' | 'type', value: unknown, config: Config): void {
  const setting = config.rules.get(`frontmatter-${name}`);
  if (typeof value !== 'string' || !setting || setting.severity === 0) return;
  const values = (setting.options.values as string[] | undefined) ?? [];
  const aliases = Object.keys((setting.options.aliases as object | undefined) ?? {});
  const wanted = value.toLowerCase();
  if ([...values, ...aliases].some((allowed) => allowed.toLowerCase() === wanted)) return;
  const list = values.map((allowed) => `\`${allowed}\``).join(', ');
  throw new JournalKbError(
    'USAGE',
    `Option \`--${name}\` of \`migrate\` is \`${value}\`, expected one of ${list}`,
  );
}

/** Run `journal-kb migrate`. */
export async function migrateCommand(
  context: MainContext,
  args: string[],
): Promise<number> {
  const parsed = parseCommandArgs('migrate', args, MIGRATE_OPTIONS);
  const { values, positionals } = parsed;
  if (values.help) {
    context.stdout.write(HELP);
    return 0;
  }
  for (const name of ['status', 'owner', 'type']) checkFlag(name, values[name]);
  const configFile = values.config as string | undefined;
  const { config } = loadSetup(context.cwd, configFile);
  checkAllowed('status', values.status, config);
  checkAllowed('type', values.type, config);
  const inputs = resolveInputs(positionals, config, context.cwd);
  const { files, unmatched } = await discover(inputs, config, context.cwd);
  for (const { input, reason } of unmatched) {
    const where = `\`${input}\``;
    context.stderr.write(`journal-kb: ${where} matched no entry: ${reason}\n`);
  }
  if (files.length === 0) {
    throw new JournalKbError(
      'NO_FILES',
      'No journal entries to migrate (see the messages above)',
    );
  }

  const defaults = resolveDefaults(values, config);
  const options = { defaults, write: values.write === true };
  let written = 0;
  for (const entry of files) {
    const outcome = await migrateFile(context, entry, config, options);
    if (outcome.diff) context.stdout.write(outcome.diff);
    if (outcome.written) written++;
  }
  if (options.write) {
    const summary = `wrote front matter to ${written} of ${files.length} entries`;
    context.stderr.write(`journal-kb: ${summary}\n`);
  }
  return unmatched.length > 0 ? 2 : 0;
}
