/**
 * The `junit` reporter: JUnit XML with one test case a file, so GitLab,
 * Gitea and Jenkins show the docs check beside other tests. A file with
 * errors fails; warnings alone go to the test case's output.
 */
import type { LintMessage, LintResult } from '../result.js';

/** Characters XML 1.0 does not allow, even escaped. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escape text for an XML attribute or element. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Count word with plural. */
function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line of a test case's body: place, severity, text and rule id. */
function formatMessage(path: string, message: LintMessage): string {
  const label = message.severity === 2 ? 'error' : 'warning';
  const rule = message.ruleId ? ` (${message.ruleId})` : '';
  return `${path}:${message.line}:${message.column}: ${label} ${message.message}${rule}`;
}

/** Format the test case of one file. */
function formatCase(result: LintResult): string {
  const name = escapeXml(result.path);
  const open = `    <testcase classname="journal-kb" name="${name}"`;
  if (result.messages.length === 0) return `${open}/>\n`;
  const body = result.messages
    .map((message) => escapeXml(formatMessage(result.path, message)))
    .join('\n');
  if (result.errorCount === 0) {
    return `${open}>\n      <system-out>${body}</system-out>\n    </testcase>\n`;
  }
  const summary = `${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}`;
  const failure = `<failure type="lint" message="${summary}">${body}</failure>`;
  return `${open}>\n      ${failure}\n    </testcase>\n`;
}

/** Format results as JUnit XML, one test case a file. */
export function junit(results: readonly LintResult[]): string {
  const failures = results.filter((result) => result.errorCount > 0).length;
  const counts = `tests="${results.length}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<testsuites name="journal-kb" ${counts}>\n`,
    `  <testsuite name="journal-kb lint" ${counts} skipped="0">\n`,
    ...results.map(formatCase),
    '  </testsuite>\n',
    '</testsuites>\n',
  ].join('');
}
