/**
 * The `stylish` reporter: messages grouped by file, aligned, with a
 * summary line; colour only on a terminal.
 */
import type { LintResult } from '../result.js';
import type { ReporterContext } from './types.js';

/** ANSI styles, or none when colour is off. */
function styles(color: boolean) {
  const wrap = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    underline: wrap(4, 24),
    bold: wrap(1, 22),
  };
}

/** Pad `text` on the right to `width`. */
function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length));
}

/** Format one file's block of messages. */
function formatFile(result: LintResult, style: ReturnType<typeof styles>): string {
  const rows = result.messages.map((message) => ({
    place: `${message.line}:${message.column}`,
    label: message.severity === 2 ? 'error' : 'warning',
    // A value quoted from an entry may hold a line break; keep one row.
    text: message.message.replace(/\r?\n|\r/g, ' '),
    rule: message.ruleId ?? '',
  }));
  const placeWidth = Math.max(...rows.map((row) => row.place.length));
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const lines = rows.map((row) => {
    const label = padEnd(row.label, labelWidth);
    const colored = row.label === 'error' ? style.red(label) : style.yellow(label);
    const rule = row.rule ? `  ${style.dim(row.rule)}` : '';
    return `  ${style.dim(padEnd(row.place, placeWidth))}  ${colored}  ${row.text}${rule}`;
  });
  return `${style.underline(result.path)}\n${lines.join('\n')}\n`;
}

/** Count word with plural. */
function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Format results in the stylish form; empty when there is no message. */
export function stylish(results: readonly LintResult[], context: ReporterContext): string {
  const style = styles(context.color);
  const blocks: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    if (result.messages.length > 0) blocks.push(formatFile(result, style));
  }
  if (errors + warnings === 0) return '';
  const total = plural(errors + warnings, 'problem');
  const counts = `(${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const mark = errors > 0 ? style.red('✖') : style.yellow('⚠');
  let summary = `${mark} ${style.bold(`${total} ${counts}`)}\n`;
  if (fixable > 0) {
    summary += `  ${plural(fixable, 'problem')} can be fixed with \`--fix\`\n`;
  }
  return `${blocks.join('\n')}\n${summary}`;
}
