/**
 * The `json` reporter: the array ESLint's JSON formatter prints, one
 * object per file, without `source` and without our relative `path`.
 */
import type { LintResult } from '../result.js';

/** Format results as ESLint-shaped JSON. */
export function json(results: readonly LintResult[]): string {
  const shaped = results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fatalErrorCount: result.fatalErrorCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
  }));
  return `${JSON.stringify(shaped)}\n`;
}
