/**
 * Legacy headers: what an entry written before front matter says about
 * itself in bold lines under its title (`**Datum:** 15.01.2026`,
 * `* **Autor:** …`, `**Beteiligte:** …`), plus the date in its file name.
 *
 * Shared by `migrate` (which writes it as front matter) and extraction
 * (which reads entries that have no front matter).
 */
import { dateFromFileName, toIsoDate } from './dates.js';
import { foldText } from './fold.js';

/** The fields a header line can give. */
export type HeaderField = 'type' | 'status' | 'owner' | 'date' | 'participants';

/** Something the header says that could not be used, at a line. */
export interface HeaderProblem {
  line: number;
  message: string;
}

/** What a legacy entry says about itself. */
export interface LegacyHeader {
  type?: string;
  status?: string;
  owner?: string;
  /** ISO date from the date line, else from the file name. */
  date?: string;
  /** Where `date` came from. */
  dateSource?: 'header' | 'file-name';
  /** People listed on a participants line, in order. */
  participants: string[];
  /** 1-based line of the header line each field was read from. */
  lines: Partial<Record<HeaderField, number>>;
  /** Lines that looked like header lines but could not be used. */
  problems: HeaderProblem[];
}

/**
 * Labels by the field they give, folded (`foldText`). An author label wins
 * over a role label; participants only give an owner when there is one.
 */
const LABELS: ReadonlyArray<[string, HeaderField | 'role']> = [
  ['datum', 'date'],
  ['date', 'date'],
  ['autor', 'owner'],
  ['autorin', 'owner'],
  ['author', 'owner'],
  ['owner', 'owner'],
  ['verfasser', 'owner'],
  ['verfasserin', 'owner'],
  ['verantwortlich', 'owner'],
  ['rolle', 'role'],
  ['role', 'role'],
  ['agent', 'role'],
  ['beteiligte', 'participants'],
  ['teilnehmer', 'participants'],
  ['teilnehmende', 'participants'],
  ['participants', 'participants'],
  ['attendees', 'participants'],
  ['status', 'status'],
  ['typ', 'type'],
  ['type', 'type'],
];
const LABEL_FIELDS = new Map(LABELS);

/**
 * A bold header line, optionally a list item: `**Datum:** x`,
 * `* **Autor:** x` or `**Datum**: x`.
 */
const HEADER_LINE =
  /^[ \t]{0,3}(?:[*+-][ \t]+)?\*\*([^*\n]+?)(?::[ \t]*\*\*|\*\*[ \t]*:)[ \t]*(.*)$/;
/** An ATX heading of level 1. */
const TITLE = /^[ \t]{0,3}#[ \t]/;
/** Separators between names on a participants line. */
const NAME_SEPARATOR = /\s*(?:,|;|\s+und\s+|\s+and\s+)\s*/;

/** A label and value read from one header line. */
interface HeaderLine {
  label: string;
  value: string;
  line: number;
}

/** Remove a hard break (two spaces or a backslash) from the end of a value. */
function cleanValue(value: string): string {
  return value.replace(/\\$/, '').trim();
}

/**
 * Read the block of bold header lines at the top of `text`: after blank
 * lines and an optional level-1 title, up to the first other line.
 */
export function readHeaderLines(text: string): HeaderLine[] {
  const lines = text.split(/\r?\n|\r/);
  let index = 0;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  if (index < lines.length && TITLE.test(lines[index]!)) index++;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  const found: HeaderLine[] = [];
  for (; index < lines.length; index++) {
    const match = HEADER_LINE.exec(lines[index]!);
    if (!match) break;
    const label = foldText(match[1]!.trim());
    found.push({ label, value: cleanValue(match[2]!), line: index + 1 });
  }
  return found;
}

/** Split a participants line into names. */
function splitNames(value: string): string[] {
  return value
    .split(NAME_SEPARATOR)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Read the date line into `header`, reporting a date it cannot read. */
function readDate(header: LegacyHeader, line: HeaderLine): void {
  const iso = toIsoDate(line.value);
  if (iso === undefined) {
    header.problems.push({
      line: line.line,
      message: `Unexpected date \`${line.value}\`, expected a day such as \`2026-01-15\`, \`15.01.2026\` or \`15. Jänner 2026\``,
    });
    return;
  }
  header.date = iso;
  header.dateSource = 'header';
  header.lines.date = line.line;
}

/** Read one header line into `header`; the first line of a field wins. */
function readLine(header: LegacyHeader, line: HeaderLine, roles: HeaderLine[]): void {
  const field = LABEL_FIELDS.get(line.label);
  if (field === undefined || line.value === '') return;
  if (field === 'role') {
    roles.push(line);
    return;
  }
  if (header.lines[field] !== undefined) return;
  if (field === 'date') return readDate(header, line);
  if (field === 'participants') header.participants = splitNames(line.value);
  else header[field] = line.value;
  header.lines[field] = line.line;
}

/** Take the owner from a role line, else from a sole participant. */
function inferOwner(header: LegacyHeader, roles: HeaderLine[]): void {
  if (header.owner !== undefined) return;
  const role = roles[0];
  if (role) {
    header.owner = role.value;
    header.lines.owner = role.line;
    return;
  }
  if (header.participants.length === 1) {
    header.owner = header.participants[0]!;
    header.lines.owner = header.lines.participants!;
  }
}

/** Fall back to the file name's date, and note when the two disagree. */
function checkFileNameDate(header: LegacyHeader, fileName: string): void {
  const fromName = dateFromFileName(fileName.split(/[\\/]/).pop() ?? '');
  if (header.date === undefined) {
    if (fromName === undefined) return;
    header.date = fromName;
    header.dateSource = 'file-name';
    return;
  }
  if (fromName !== undefined && fromName !== header.date) {
    header.problems.push({
      line: header.lines.date!,
      message: `Unexpected date \`${fromName}\` in the file name, expected \`${header.date}\` as on this line (kept \`${header.date}\`)`,
    });
  }
}

/**
 * Read what a legacy entry says about itself: its header lines, then the
 * date in `fileName` (a path or a base name) when no date line gives one.
 */
export function readLegacyHeader(text: string, fileName: string): LegacyHeader {
  const header: LegacyHeader = { participants: [], lines: {}, problems: [] };
  const roles: HeaderLine[] = [];
  for (const line of readHeaderLines(text)) readLine(header, line, roles);
  inferOwner(header, roles);
  checkFileNameDate(header, fileName);
  return header;
}
