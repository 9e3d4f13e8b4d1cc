/**
 * The `github` reporter: one workflow command a message
 * (`::error file=…,line=…::text`), which GitHub Actions and Gitea Actions
 * turn into annotations on the pull request.
 */
import type { LintMessage, LintResult } from '../result.js';

/** Title of a message that no rule reported (a file that cannot be read). */
const FALLBACK_TITLE = 'journal-kb';

/** Escape the text after `::`: percent, carriage return and line feed. */
export function escapeData(text: string): string {
  return text
    .replaceAll('%', '%25')
    .replaceAll('\r', '%0D')
    .replaceAll('\n', '%0A');
}

/** Escape a property value, where `:` and `,` are separators too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** Format one message as a workflow command. */
function formatMessage(path: string, message: LintMessage): string {
  const command = message.severity === 2 ? 'error' : 'warning';
  const properties: Array<[string, string | number]> = [
    ['file', path],
    ['line', message.line],
    ['col', message.column],
  ];
  if (message.endLine !== undefined) properties.push(['endLine', message.endLine]);
  if (message.endColumn !== undefined) {
    properties.push(['endColumn', message.endColumn]);
  }
  properties.push(['title', message.ruleId ?? FALLBACK_TITLE]);
  const list = properties
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command} ${list}::${escapeData(message.message)}\n`;
}

/** Format results as workflow commands; empty when there is no message. */
export function github(results: readonly LintResult[]): string {
  let text = '';
  for (const result of results) {
    for (const message of result.messages) {
      text += formatMessage(result.path, message);
    }
  }
  return text;
}
