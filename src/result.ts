/**
 * Lint results in the shape of ESLint's JSON formatter, so existing
 * tooling reads them; every reporter starts from these.
 */
import type { VFile } from 'vfile';
import type { Fix } from './rule.js';

/** One message of a lint result. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Set on a message about a file that could not be read or parsed. */
  fatal?: true;
  /** A fix `--fix` can apply, when the rule offers one. */
  fix?: Fix;
}

/** The lint result of one file. */
export interface LintResult {
  /** Absolute path, as ESLint reports it. */
  filePath: string;
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** Order messages by place, then rule id and text, for stable output. */
export function compareMessages(a: LintMessage, b: LintMessage): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    String(a.ruleId).localeCompare(String(b.ruleId)) ||
    a.message.localeCompare(b.message)
  );
}

/** Convert the messages of a VFile into lint messages. */
export function toLintMessages(file: VFile): LintMessage[] {
  const messages: LintMessage[] = [];
  for (const source of file.messages) {
    // `fatal: null` is an informational note; lint results hold none.
    if (source.fatal === null) continue;
    const start = source.place && 'start' in source.place ? source.place.start : source.place;
    const end = source.place && 'end' in source.place ? source.place.end : undefined;
    const message: LintMessage = {
      ruleId: source.ruleId ?? null,
      severity: source.fatal ? 2 : 1,
      message: source.reason,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
    };
    if (end) {
      message.endLine = end.line;
      message.endColumn = end.column;
    }
    if (!source.ruleId && source.fatal) message.fatal = true;
    const fix = (source as { fix?: Fix }).fix;
    if (fix) message.fix = fix;
    messages.push(message);
  }
  return messages.sort(compareMessages);
}

/** Build a result from messages, counting them. */
export function createResult(
  filePath: string,
  path: string,
  messages: LintMessage[],
): LintResult {
  const result: LintResult = {
    filePath,
    path,
    messages,
    errorCount: 0,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const message of messages) {
    const isError = message.severity === 2;
    if (isError) result.errorCount++;
    else result.warningCount++;
    if (message.fatal) result.fatalErrorCount++;
    if (message.fix && isError) result.fixableErrorCount++;
    if (message.fix && !isError) result.fixableWarningCount++;
  }
  return result;
}
