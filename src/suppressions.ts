/**
 * Suppressions: a committed baseline of today's error messages, so a team
 * adopting journal-kb gets a green run at once and a red one on the first
 * new mistake (ESLint's bulk suppressions are the model).
 *
 * The baseline counts error messages by file, rule id and fingerprint. A
 * fingerprint hashes the rule id, the message text and the text the message
 * points at, never its line number, so it survives lines moving. Messages
 * beyond a fingerprint's count are reported; `--prune-suppressions` lowers
 * counts to what still occurs, so the baseline only shrinks.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { Config } from './config.js';
import { toPosix } from './discover.js';
import { JournalKbError } from './errors.js';
import type { Output } from './io.js';
import { readEntry } from './read.js';
import { createResult, type LintMessage, type LintResult } from './result.js';
import { writeFileAtomic } from './write.js';

/** Name of the baseline file, beside the configuration file by default. */
export const SUPPRESSIONS_FILE = 'journal-kb-suppressions.json';

/** How many messages of one fingerprint are suppressed, and which. */
export interface SuppressionEntry {
  count: number;
  /** The message text, for people reading the baseline. */
  message: string;
}

/** Entries of one rule in one file, by fingerprint. */
export type RuleSuppressions = Record<string, SuppressionEntry>;

/** The baseline: file (relative to it) → rule id → fingerprint → entry. */
export type Suppressions = Record<string, Record<string, RuleSuppressions>>;

/** Fingerprints of a result's messages; `undefined` if not suppressible. */
type Fingerprints = Array<string | undefined>;

/** Where the baseline lives: the flag, else beside the configuration. */
export function suppressionsPath(
  config: Config,
  cwd: string,
  location?: string,
): string {
  if (location !== undefined) return resolve(cwd, location);
  return resolve(config.root, SUPPRESSIONS_FILE);
}

/** Whether a message can be suppressed: an error of a rule, not a fatal. */
function isSuppressible(message: LintMessage): boolean {
  return message.severity === 2 && message.ruleId !== null && !message.fatal;
}

/**
 * The text a message points at, on its first line only (the whole line
 * when the message gives no end), with runs of white space folded.
 */
export function getFlaggedText(
  lines: readonly string[],
  message: LintMessage,
): string {
  const line = lines[message.line - 1] ?? '';
  const start = Math.max(0, message.column - 1);
  let end = line.length;
  if (message.endLine === message.line && message.endColumn !== undefined) {
    end = Math.max(start, message.endColumn - 1);
  }
  return line.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** The fingerprint of a message: rule id, message and flagged text. */
export function fingerprint(
  ruleId: string,
  message: string,
  flagged: string,
): string {
  const hash = createHash('sha256');
  hash.update(`${ruleId}\u0000${message}\u0000${flagged}`);
  return hash.digest('hex').slice(0, 16);
}

/** Fingerprint the messages of a result, reading the file's text once. */
async function fingerprintResult(
  result: LintResult,
  maxFileSize: number,
): Promise<Fingerprints> {
  const none = result.messages.map(() => undefined);
  if (!result.messages.some(isSuppressible)) return none;
  const file = await readEntry(result.path, result.filePath, maxFileSize);
  const lines = String(file.value ?? '').split(/\r?\n|\r/);
  return result.messages.map((message) => {
    if (!isSuppressible(message)) return undefined;
    const flagged = getFlaggedText(lines, message);
    return fingerprint(message.ruleId!, message.message, flagged);
  });
}

/** A result's key in the baseline: its path relative to the baseline. */
function fileKey(baseline: string, result: LintResult): string {
  return toPosix(relative(dirname(baseline), result.filePath));
}

/** Whether `value` is a plain object. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Check the shape of a parsed baseline, naming the first bad field. */
function checkShape(path: string, data: unknown): Suppressions {
  const bad = (field: string, wanted: string): never => {
    throw new JournalKbError(
      'CONFIG',
      `Invalid suppressions file ${path}: \`${field}\` is not ${wanted}, ` +
        'expected the shape `{file: {rule: {fingerprint: {count, message}}}}`',
    );
  };
  if (!isObject(data)) bad('(root)', 'an object');
  for (const [file, rules] of Object.entries(data as object)) {
    if (!isObject(rules)) bad(file, 'an object');
    for (const [rule, prints] of Object.entries(rules as object)) {
      if (!isObject(prints)) bad(`${file}.${rule}`, 'an object');
      for (const [print, entry] of Object.entries(prints as object)) {
        const count = isObject(entry) ? entry.count : undefined;
        if (!Number.isInteger(count) || (count as number) < 1) {
          bad(`${file}.${rule}.${print}.count`, 'a whole number of at least 1');
        }
      }
    }
  }
  return data as Suppressions;
}

/** Read the baseline; an empty one when the file does not exist. */
export async function loadSuppressions(path: string): Promise<Suppressions> {
  if (!existsSync(path)) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as Error).message;
    throw new JournalKbError(
      'CONFIG',
      `Cannot read suppressions file ${path}: ${reason}`,
    );
  }
  try {
    return checkShape(path, JSON.parse(text));
  } catch (error) {
    if (error instanceof JournalKbError) throw error;
    const reason = (error as Error).message;
    throw new JournalKbError(
      'CONFIG',
      `Invalid suppressions file ${path}: ${reason}, expected JSON`,
    );
  }
}

/** Order keys by code unit, the same on every machine. */
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The baseline as JSON with every key sorted and a final newline. */
export function serializeSuppressions(suppressions: Suppressions): string {
  const sortKeys = (value: unknown): unknown => {
    if (!isObject(value)) return value;
    const keys = Object.keys(value).sort(compareKeys);
    return Object.fromEntries(keys.map((key) => [key, sortKeys(value[key])]));
  };
  return `${JSON.stringify(sortKeys(suppressions), null, 2)}\n`;
}

/** Count a run's suppressible messages by fingerprint, per file key. */
function countMessages(
  results: readonly LintResult[],
  prints: readonly Fingerprints[],
  baseline: string,
): Suppressions {
  const counted: Suppressions = {};
  results.forEach((result, index) => {
    result.messages.forEach((message, position) => {
      const print = prints[index]![position];
      if (print === undefined) return;
      const rules = (counted[fileKey(baseline, result)] ??= {});
      const entries = (rules[message.ruleId!] ??= {});
      const entry = (entries[print] ??= { count: 0, message: message.message });
      entry.count++;
    });
  });
  return counted;
}

/** Drop what `suppressions` holds for the files of `results`. */
function withoutFiles(
  suppressions: Suppressions,
  results: readonly LintResult[],
  baseline: string,
): Suppressions {
  const kept: Suppressions = { ...suppressions };
  for (const result of results) delete kept[fileKey(baseline, result)];
  return kept;
}

/** Keep the smaller count of each fingerprint: the baseline only shrinks. */
function intersect(old: Suppressions, now: Suppressions): Suppressions {
  const kept: Suppressions = {};
  for (const [file, rules] of Object.entries(now)) {
    for (const [rule, entries] of Object.entries(rules)) {
      for (const [print, entry] of Object.entries(entries)) {
        const recorded = old[file]?.[rule]?.[print]?.count ?? 0;
        const count = Math.min(entry.count, recorded);
        if (count === 0) continue;
        const rules = (kept[file] ??= {});
        (rules[rule] ??= {})[print] = { count, message: entry.message };
      }
    }
  }
  return kept;
}

/** Drop the files of the baseline that no longer exist on disk. */
function withoutMissingFiles(
  suppressions: Suppressions,
  baseline: string,
): Suppressions {
  const folder = dirname(baseline);
  const kept: Suppressions = {};
  for (const [file, rules] of Object.entries(suppressions)) {
    if (existsSync(resolve(folder, file))) kept[file] = rules;
  }
  return kept;
}

/** Count the messages a baseline suppresses. */
export function countSuppressions(suppressions: Suppressions): number {
  let total = 0;
  for (const rules of Object.values(suppressions)) {
    for (const entries of Object.values(rules)) {
      for (const entry of Object.values(entries)) total += entry.count;
    }
  }
  return total;
}

/** What filtering a run's results through a baseline gives. */
export interface Filtered {
  results: LintResult[];
  /** Messages suppressed in this run. */
  suppressed: number;
  /** Suppressions for files of this run that no longer occur. */
  unused: number;
}

/** Counts left to suppress in one file, by rule id and fingerprint. */
function countsOf(rules: Record<string, RuleSuppressions>): Map<string, number> {
  const left = new Map<string, number>();
  for (const [rule, entries] of Object.entries(rules)) {
    for (const [print, entry] of Object.entries(entries)) {
      left.set(`${rule}\u0000${print}`, entry.count);
    }
  }
  return left;
}

/** Remove from each result the messages the baseline still covers. */
function filterResults(
  results: readonly LintResult[],
  prints: readonly Fingerprints[],
  suppressions: Suppressions,
  baseline: string,
): Filtered {
  let suppressed = 0;
  let unused = 0;
  const filtered = results.map((result, index) => {
    const left = countsOf(suppressions[fileKey(baseline, result)] ?? {});
    const kept = result.messages.filter((message, position) => {
      const print = prints[index]![position];
      const key = `${message.ruleId}\u0000${print}`;
      const count = print === undefined ? 0 : (left.get(key) ?? 0);
      if (count === 0) return true;
      left.set(key, count - 1);
      suppressed++;
      return false;
    });
    for (const count of left.values()) unused += count;
    return createResult(result.filePath, result.path, kept);
  });
  return { results: filtered, suppressed, unused };
}

/** How `lint` asked to use the baseline. */
export interface SuppressionOptions {
  config: Config;
  cwd: string;
  stderr: Output;
  /** `--suppressions-location`. */
  location?: string;
  /** `--suppress-all`: record every error message of this run. */
  suppressAll?: boolean;
  /** `--prune-suppressions`: drop what no longer occurs. */
  prune?: boolean;
}

/** Where a message names the baseline: relative to the working directory. */
function shownPath(path: string, cwd: string): string {
  return toPosix(relative(cwd, path)) || path;
}

/** Write the baseline and say on stderr what changed in it. */
async function saveBaseline(
  next: Suppressions,
  path: string,
  options: SuppressionOptions,
  describe: (shown: string) => string,
): Promise<void> {
  await writeFileAtomic(path, serializeSuppressions(next));
  options.stderr.write(`journal-kb: ${describe(shownPath(path, options.cwd))}\n`);
}

/** Record every error of a run, replacing what its files held. */
async function recordAll(
  suppressions: Suppressions,
  counted: Suppressions,
  results: readonly LintResult[],
  path: string,
  options: SuppressionOptions,
): Promise<Suppressions> {
  const next = { ...withoutFiles(suppressions, results, path), ...counted };
  const total = countSuppressions(counted);
  await saveBaseline(next, path, options, (shown) => `recorded ${total} error messages in ${shown}`);
  return next;
}

/** Lower the baseline to what still occurs; never adds. */
async function prune(
  suppressions: Suppressions,
  counted: Suppressions,
  results: readonly LintResult[],
  path: string,
  options: SuppressionOptions,
): Promise<Suppressions> {
  const others = withoutMissingFiles(withoutFiles(suppressions, results, path), path);
  const next = { ...others, ...intersect(suppressions, counted) };
  const dropped = countSuppressions(suppressions) - countSuppressions(next);
  await saveBaseline(next, path, options, (shown) => `pruned ${dropped} suppressions from ${shown}`);
  return next;
}

/**
 * Apply the baseline to a run's results: record (`suppressAll`), prune, then
 * remove the suppressed messages. Without a baseline file and without the
 * flags the results come back unchanged.
 */
export async function applySuppressions(
  results: readonly LintResult[],
  options: SuppressionOptions,
): Promise<LintResult[]> {
  const { config, cwd } = options;
  const path = suppressionsPath(config, cwd, options.location);
  const asked = options.suppressAll || options.prune;
  if (!asked && !existsSync(path)) return [...results];
  const prints = await Promise.all(
    results.map((result) => fingerprintResult(result, config.maxFileSize)),
  );
  let suppressions = await loadSuppressions(path);
  const counted = countMessages(results, prints, path);
  if (options.suppressAll) {
    suppressions = await recordAll(suppressions, counted, results, path, options);
  } else if (options.prune) {
    suppressions = await prune(suppressions, counted, results, path, options);
  }
  const filtered = filterResults(results, prints, suppressions, path);
  if (filtered.unused > 0) {
    options.stderr.write(
      `journal-kb: ${filtered.unused} suppressed messages no longer occur; ` +
        'run `journal-kb lint --prune-suppressions` to drop them from ' +
        `${shownPath(path, cwd)}\n`,
    );
  }
  return filtered.results;
}
