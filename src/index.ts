/**
 * The public API of journal-kb: the command line's `main`, the stages of the
 * pipeline, the rules and the reporters.
 */
export { main } from './cli.js';
export type { MainContext, Output } from './io.js';
export { JournalKbError, type ErrorCode } from './errors.js';
export {
  loadConfig,
  findConfigFile,
  type Config,
  type UserConfig,
  type RuleSetting,
} from './config.js';
export { loadSetup } from './context.js';
export { discover, type EntryFile, type Discovery } from './discover.js';
export { readEntry, fromBytes, fromText } from './read.js';
export { createParser, parseFile } from './parse.js';
export { getFrontmatter, type Frontmatter } from './frontmatter.js';
export { createLinter, type Linter, type LintedFile } from './lint.js';
export { defineRule, report, docsUrl, type Rule, type RuleMeta, type Fix } from './rule.js';
export type { LintMessage, LintResult } from './result.js';
export { reporters, type Reporter, type ReporterContext } from './reporters/index.js';
export { createSectionMatcher, DEFAULT_SECTIONS, type SectionKind } from './sections.js';
export { foldText } from './fold.js';
export { isIsoDate, toIsoDate, dateFromFileName } from './dates.js';
export { rules } from '../rules/index.js';
export {
  readFixHistories,
  getFixHistories,
  classifyOutcome,
  findFixHeadings,
  type Outcome,
} from './fix-history.js';
export { findSections } from './sections.js';
export { applyFixes, fixVFile, fixResults } from './fix.js';
export {
  applySuppressions,
  SUPPRESSIONS_FILE,
  type Suppressions,
} from './suppressions.js';
export { readLegacyHeader, type LegacyHeader } from './legacy-header.js';
