/**
 * `--fix`: apply the fixes rules attach to their messages, as ESLint does.
 *
 * Each pass sorts the fixes, applies those that do not overlap an earlier
 * one, and lints the result again; passes repeat until nothing changes
 * (at most `MAX_PASSES`). Only the replaced ranges change: every other byte,
 * line endings and trailing spaces included, stays as it was, and a byte
 * order mark is written back. A file is written only when it was read and
 * parsed without a fatal message.
 */
import { VFile } from 'vfile';
import type { EntryFile } from './discover.js';
import type { LintedFile, Linter } from './lint.js';
import { fromText, readEntry } from './read.js';
import type { LintMessage, LintResult } from './result.js';
import type { Fix } from './rule.js';
import { writeFileAtomic } from './write.js';

/** Most lint-and-fix passes over one file. */
export const MAX_PASSES = 10;

/** The byte order mark, written back when the file had one. */
const BOM = '\uFEFF';

/** The outcome of applying one set of fixes to a text. */
export interface AppliedFixes {
  output: string;
  /** Fixes applied, in the order of their ranges. */
  applied: Fix[];
  /** Fixes left out because they overlap an applied one. */
  skipped: Fix[];
}

/** The outcome of fixing one file. */
export interface FixOutcome {
  /** The lint result after the last pass: what remains. */
  linted: LintedFile;
  /** The file's text after fixing (byte order mark excluded). */
  output: string;
  /** Whether the text changed. */
  changed: boolean;
  /** Fixes applied over all passes. */
  fixCount: number;
  /** Lint passes run. */
  passes: number;
}

/** Order fixes by where they start, then where they end. */
function compareFixes(a: Fix, b: Fix): number {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1];
}

/** Whether a fix's range lies inside a text of `length` code units. */
function isValidRange(fix: Fix, length: number): boolean {
  const [start, end] = fix.range;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return false;
  return start >= 0 && start <= end && end <= length;
}

/**
 * Write the line breaks of `text` the way the file writes them: a file
 * with CRLF line endings gets CRLF in inserted text too.
 */
export function matchLineEndings(fileText: string, text: string): string {
  const firstBreak = fileText.indexOf('\n');
  const usesCrlf = firstBreak > 0 && fileText[firstBreak - 1] === '\r';
  if (!usesCrlf) return text;
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * Apply the fixes that do not overlap to `text`. Like ESLint, a fix that
 * starts where an earlier one ends is also left for the next pass, so two
 * insertions at one place never interleave.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const sorted = fixes
    .filter((fix) => isValidRange(fix, text.length))
    .sort(compareFixes);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const parts: string[] = [];
  let last = -1;
  let copied = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start <= last) {
      skipped.push(fix);
      continue;
    }
    parts.push(text.slice(copied, start), matchLineEndings(text, fix.text));
    copied = end;
    last = end;
    applied.push(fix);
  }
  parts.push(text.slice(copied));
  return { output: parts.join(''), applied, skipped };
}

/** The fixes of a result's messages. */
function fixesOf(messages: readonly LintMessage[]): Fix[] {
  return messages.flatMap((message) => (message.fix ? [message.fix] : []));
}

/** Whether a linted file can be fixed: read and parsed without a fatal. */
function isFixable(linted: LintedFile): boolean {
  return linted.tree !== undefined && linted.result.fatalErrorCount === 0;
}

/** A fresh VFile for `text`, keeping path and byte order mark of `file`. */
function nextFile(file: VFile, text: string): VFile {
  const next = fromText(new VFile({ path: file.path }), text);
  if (file.data.bom) next.data.bom = true;
  return next;
}

/**
 * Fix a file already read into a VFile: lint, apply, lint again, until no
 * fix applies or `MAX_PASSES` is reached. Writes nothing.
 */
export async function fixVFile(
  linter: Linter,
  file: VFile,
  entry: EntryFile,
): Promise<FixOutcome> {
  let linted = await linter.lintVFile(file, entry);
  const original = String(linted.file.value ?? '');
  let text = original;
  let fixCount = 0;
  let passes = 1;
  while (isFixable(linted) && passes <= MAX_PASSES) {
    const fixes = fixesOf(linted.result.messages);
    const { output, applied } = applyFixes(text, fixes);
    if (applied.length === 0 || output === text) break;
    const next = await linter.lintVFile(nextFile(linted.file, output), entry);
    passes++;
    // A fix that breaks the file is not kept: stop at the last good text.
    if (!isFixable(next)) break;
    fixCount += applied.length;
    text = output;
    linted = next;
  }
  return { linted, output: text, changed: text !== original, fixCount, passes };
}

/** The bytes to write for fixed `text`, with the byte order mark back. */
export function toStoredText(file: VFile, text: string): string {
  return file.data.bom ? `${BOM}${text}` : text;
}

/** Read, fix and (when it changed) write one entry. */
export async function fixEntry(
  linter: Linter,
  entry: EntryFile,
  maxFileSize?: number,
): Promise<FixOutcome> {
  const file = await readEntry(entry.path, entry.absolute, maxFileSize);
  const outcome = await fixVFile(linter, file, entry);
  if (outcome.changed) {
    const stored = toStoredText(outcome.linted.file, outcome.output);
    await writeFileAtomic(entry.absolute, stored);
  }
  return outcome;
}

/** Whether a result has a message with a fix. */
function hasFixes(result: LintResult): boolean {
  return result.messages.some((message) => message.fix !== undefined);
}

/** What `fixResults` did. */
export interface FixSummary {
  results: LintResult[];
  /** Paths of the files written, sorted. */
  written: string[];
  fixCount: number;
}

/**
 * Fix every file whose result offers fixes, writing those that change, and
 * return the results with what remains after fixing.
 */
export async function fixResults(
  results: readonly LintResult[],
  linter: Linter,
  maxFileSize?: number,
): Promise<FixSummary> {
  const fixed: LintResult[] = [];
  const written: string[] = [];
  let fixCount = 0;
  for (const result of results) {
    if (!hasFixes(result) || result.fatalErrorCount > 0) {
      fixed.push(result);
      continue;
    }
    const entry = { path: result.path, absolute: result.filePath };
    const outcome = await fixEntry(linter, entry, maxFileSize);
    fixed.push(outcome.linted.result);
    fixCount += outcome.fixCount;
    if (outcome.changed) written.push(result.path);
  }
  return { results: fixed, written: written.sort(), fixCount };
}
