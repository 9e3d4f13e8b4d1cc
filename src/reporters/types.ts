/**
 * What every reporter receives and returns.
 */
import type { LintResult } from '../result.js';
import type { RuleMeta } from '../rule.js';

/** What a reporter may use besides the results. */
export interface ReporterContext {
  /** Working directory that relative paths start from. */
  cwd: string;
  /** Whether to use colour. */
  color: boolean;
  /** Metadata of every rule, by id. */
  rules: ReadonlyMap<string, RuleMeta>;
  /** The tool's version. */
  version: string;
}

/** A reporter: results in, the whole report text out. */
export type Reporter = (
  results: readonly LintResult[],
  context: ReporterContext,
) => string;
