/**
 * Calendar dates as journals write them: ISO `2026-03-06`, loose ISO
 * `2026-3-6`, German `06.03.2026`, and German or English month names
 * (`20. Jänner 2026`, `6 March 2026`). Shared by the date rules, `--fix`,
 * `migrate` and extraction.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `YYYY-M-D` with one or two digits for month and day. */
const LOOSE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** `D.M.YYYY` as written in German. */
const GERMAN = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/;
/** `D. Monat YYYY` or `D Month YYYY`. */
const NAMED = /^(\d{1,2})\.?\s+([\p{L}]+)\.?\s+(\d{4})$/u;
/** `Month D, YYYY`. */
const NAMED_US = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u;

/** Month numbers by lower-case name and abbreviation, German and English. */
const MONTHS = new Map<string, number>();
const NAMES: Array<[number, string[]]> = [
  [1, ['januar', 'jänner', 'jaenner', 'january', 'jan', 'jän']],
  [2, ['februar', 'feber', 'february', 'feb']],
  [3, ['märz', 'maerz', 'march', 'mar', 'mär', 'mrz']],
  [4, ['april', 'apr']],
  [5, ['mai', 'may']],
  [6, ['juni', 'june', 'jun']],
  [7, ['juli', 'july', 'jul']],
  [8, ['august', 'aug']],
  [9, ['september', 'sept', 'sep']],
  [10, ['oktober', 'october', 'okt', 'oct']],
  [11, ['november', 'nov']],
  [12, ['dezember', 'december', 'dez', 'dec']],
];
for (const [month, names] of NAMES) {
  for (const name of names) MONTHS.set(name, month);
}

/** Whether year, month and day name a real day of the Gregorian calendar. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Format a day as `YYYY-MM-DD`. */
function format(year: number, month: number, day: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Whether `text` is an ISO date of a real calendar day. */
export function isIsoDate(text: string): boolean {
  const match = ISO.exec(text);
  if (!match) return false;
  return isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Year, month and day of a date written in one of the known forms. */
function readParts(text: string): [number, number, number] | undefined {
  const iso = LOOSE_ISO.exec(text);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const german = GERMAN.exec(text);
  if (german) return [Number(german[3]), Number(german[2]), Number(german[1])];
  const named = NAMED.exec(text);
  const month = named && MONTHS.get(named[2]!.toLowerCase());
  if (named && month) return [Number(named[3]), month, Number(named[1])];
  const us = NAMED_US.exec(text);
  const usMonth = us && MONTHS.get(us[1]!.toLowerCase());
  if (us && usMonth) return [Number(us[3]), usMonth, Number(us[2])];
  return undefined;
}

/**
 * Read a date written in one of the known forms and return it in ISO form,
 * or `undefined` when it is not a real calendar day in a known form.
 */
export function toIsoDate(text: string): string | undefined {
  const parts = readParts(text.trim());
  if (!parts || !isRealDay(...parts)) return undefined;
  return format(...parts);
}

/** The date a file name starts with (`YYYY-MM-DD…`), if a real day. */
export function dateFromFileName(name: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(name);
  if (!match) return undefined;
  const text = match[0];
  return isIsoDate(text) ? text : undefined;
}
