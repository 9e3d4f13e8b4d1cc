/**
 * The `sarif` reporter: a SARIF 2.1.0 log with the metadata and help URI of
 * every rule, for code scanning on GitHub and other forges. A message that no
 * rule reported (a file that cannot be read) is a tool notification.
 */
import type { LintMessage, LintResult } from '../result.js';
import { docsUrl, type RuleMeta } from '../rule.js';
import type { ReporterContext } from './types.js';

/** Where the published SARIF 2.1.0 schema lives. */
const SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The project's home page, for `tool.driver.informationUri`. */
const HOME = 'https://github.com/journal-kb/journal-kb';

/** Relative paths start from here; a consumer maps it to the checkout. */
const BASE_ID = '%SRCROOT%';

/** SARIF's name for a severity. */
function levelOf(severity: 1 | 2): 'warning' | 'error' {
  return severity === 2 ? 'error' : 'warning';
}

/** The default level of a rule, from its default severity. */
function defaultLevel(meta: RuleMeta): 'none' | 'warning' | 'error' {
  if (meta.defaultSeverity === 'off') return 'none';
  return meta.defaultSeverity === 'warn' ? 'warning' : 'error';
}

/** The reporting descriptor of one rule. */
function describeRule(meta: RuleMeta) {
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { level: defaultLevel(meta) },
    properties: { fixable: meta.fixable },
  };
}

/** A relative path as a relative URI, each segment percent-encoded. */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The location of a message in a file. */
function locate(path: string, message: LintMessage) {
  const region: Record<string, number> = {
    startLine: message.line,
    startColumn: message.column,
  };
  if (message.endLine !== undefined) region.endLine = message.endLine;
  if (message.endColumn !== undefined) region.endColumn = message.endColumn;
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(path), uriBaseId: BASE_ID },
      region,
    },
  };
}

/** Sort rule metadata by id, so indexes do not depend on registry order. */
function sortedRules(rules: ReadonlyMap<string, RuleMeta>): RuleMeta[] {
  // Rule ids are unique, so two never compare equal.
  return [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Results (messages of rules) and notifications (all others). */
function collect(
  results: readonly LintResult[],
  indexOf: ReadonlyMap<string, number>,
): { found: object[]; notifications: object[] } {
  const found: object[] = [];
  const notifications: object[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      const entry = {
        level: levelOf(message.severity),
        message: { text: message.message },
        locations: [locate(result.path, message)],
      };
      if (!message.ruleId) {
        notifications.push(entry);
        continue;
      }
      const index = indexOf.get(message.ruleId);
      const rule = index === undefined ? {} : { ruleIndex: index };
      found.push({ ruleId: message.ruleId, ...rule, ...entry });
    }
  }
  return { found, notifications };
}

/** Format results as a SARIF 2.1.0 log. */
export function sarif(results: readonly LintResult[], context: ReporterContext): string {
  const metas = sortedRules(context.rules);
  const indexOf = new Map(metas.map((meta, index) => [meta.id, index]));
  const { found, notifications } = collect(results, indexOf);
  const invocation: Record<string, unknown> = { executionSuccessful: true };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;
  const driver = {
    name: 'journal-kb',
    version: context.version,
    informationUri: HOME,
    rules: metas.map(describeRule),
  };
  const run = {
    tool: { driver },
    invocations: [invocation],
    columnKind: 'utf16CodeUnits',
    results: found,
  };
  const log = { $schema: SCHEMA, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
