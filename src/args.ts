/**
 * Argument parsing for every command, on Node's own `util.parseArgs`, with
 * usage errors as sentences that name the flag.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { JournalKbError } from './errors.js';

/** Options of a command, in `util.parseArgs` form. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed values and positionals. */
export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** Rewrite a `util.parseArgs` error as a usage sentence; `args` are the arguments it read. */
function usageError(command: string, error: Error, args: readonly string[]): JournalKbError {
  const code = (error as { code?: string }).code;
  const flag = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const help = `see \`journal-kb ${command} --help\``;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new JournalKbError('USAGE', `Unknown option \`${flag}\` for \`${command}\` (${help})`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--[\w-]+/.exec(flag)?.[0] ?? flag;
    const next = args[args.indexOf(name) + 1];
    if (/ambiguous/.test(error.message) && next !== undefined) {
      // `--limit -1`: parseArgs reads `-1` as an option, not as the value.
      return new JournalKbError(
        'USAGE',
        `Option \`${name}\` of \`${command}\` is followed by \`${next}\`, read as an option, expected a value (write \`${name}=${next}\` for a value starting with \`-\`; ${help})`,
      );
    }
    return new JournalKbError('USAGE', `Option \`${name}\` of \`${command}\` needs a value (${help})`);
  }
  return new JournalKbError('USAGE', `${error.message} (${help})`);
}

/** Parse `args` for `command` with its option spec. */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  options: OptionSpec,
): Parsed {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' }, verbose: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    checkNotEmpty(command, parsed.values);
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof JournalKbError) throw error;
    throw usageError(command, error as Error, args);
  }
}

/**
 * Refuse an empty or blank option value (`--out ""`, `--out " "`): no
 * option means "nothing" by one, and an empty path would silently mean the
 * working directory.
 */
function checkNotEmpty(command: string, values: Parsed['values']): void {
  for (const [name, value] of Object.entries(values)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.some((item) => typeof item === 'string' && item.trim() === '')) {
      throw new JournalKbError(
        'USAGE',
        `Option \`--${name}\` of \`${command}\` is empty, expected a value (see \`journal-kb ${command} --help\`)`,
      );
    }
  }
}

/** Read an option that must be a whole number of at least `min`. */
export function parseInteger(
  command: string,
  name: string,
  value: unknown,
  min: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || number < min) {
    throw new JournalKbError(
      'USAGE',
      `Option \`--${name}\` of \`${command}\` is \`${String(value)}\`, expected a whole number of at least ${min}`,
    );
  }
  return number;
}
