/**
 * Require entry file names of the form `YYYY-MM-DD_Title.md`: a real day,
 * `_`, and a title of letters, digits, `_`, `-` and `.` without spaces.
 */
import { isIsoDate } from '../src/dates.js';
import { defineRule, report, NO_OPTIONS } from '../src/rule.js';

/** The form a name must have, as shown in messages. */
const FORM = '`YYYY-MM-DD_Title.md`';
/** A title: starts with a letter or digit, then letters, digits, `_-.`. */
const TITLE = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
/** The first character a title must not hold. */
const BAD_CHARACTER = /[^\p{L}\p{N}_.-]/u;

/** Say what is wrong with a file name, or `undefined` when it is fine. */
function checkName(name: string): string | undefined {
  if (!name.endsWith('.md')) {
    return `Unexpected file name \`${name}\`, expected the extension \`.md\``;
  }
  const match = /^(\d{4}-\d{2}-\d{2})(.?)(.*)\.md$/u.exec(name);
  if (!match) return `Unexpected file name \`${name}\`, expected ${FORM}`;
  const [, date, separator, title] = match as unknown as string[];
  if (!isIsoDate(date!)) {
    return (
      `Unexpected date \`${date}\` in the file name, ` +
      'expected a real calendar day'
    );
  }
  if (separator !== '_' || title === '') {
    return (
      `Unexpected file name \`${name}\`, ` +
      `expected \`_\` and a title after the date (${FORM})`
    );
  }
  return checkTitle(title!);
}

/** Say what is wrong with the title part of a name. */
function checkTitle(title: string): string | undefined {
  if (TITLE.test(title)) return undefined;
  const bad = BAD_CHARACTER.exec(title)?.[0] ?? title.charAt(0);
  if (bad === ' ') {
    return (
      `Unexpected space in the file name title \`${title}\`, ` +
      'expected `_` or `-` between words'
    );
  }
  return (
    `Unexpected character \`${bad}\` in the file name title \`${title}\`, ` +
    'expected letters, digits, `_`, `-` or `.`'
  );
}

export default defineRule(
  {
    id: 'filename-format',
    description: 'Require file names of the form `YYYY-MM-DD_Title.md`',
    defaultSeverity: 'error',
    fixable: false,
    ...NO_OPTIONS,
  },
  (_tree, file) => {
    const name = file.basename;
    if (!name) return;
    const reason = checkName(name);
    if (!reason) return;
    const start = { line: 1, column: 1 };
    report(file, reason, { start, end: start });
  },
);
