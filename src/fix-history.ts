/**
 * Fix-history tables: the table where an entry records each attempt at a
 * fix (`Version | Symptom | Fix | Ergebnis`). Shared by the `fix-history-*`
 * rules and by knowledge-base extraction, so both read attempts the same way.
 *
 * A table is a fix history when the heading before it names the attempts
 * section (`Fix-Verlauf`, `Fix history`, `Attempts`, `Versuche`) or the
 * paragraph right before it is labelled so (`**Versuche:**`), or when its
 * header has a version and a result column and a symptom or fix column.
 * Tables inside list items and block quotes are read like any other: their
 * positions are positions in the file, so messages land where they stand.
 */
import type {
  Heading,
  Paragraph,
  Root,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import type { Node, Position } from 'unist';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { foldText } from './fold.js';
import {
  createSectionMatcher,
  DEFAULT_SECTIONS,
  getLabel,
  startsWithWord,
  stripDecoration,
  type SectionMatcher,
  type SectionSynonyms,
} from './sections.js';

/** How an attempt ended. */
export type Outcome = 'failed' | 'succeeded' | 'pending' | 'unknown';

/** What a column of a fix-history table holds. */
export type ColumnRole = 'version' | 'symptom' | 'fix' | 'result';

/** Header synonyms for each column role. */
export type ColumnSynonyms = Record<ColumnRole, string[]>;

/** The column roles, in the order a fix-history table usually has them. */
export const COLUMN_ROLES: readonly ColumnRole[] = [
  'version',
  'symptom',
  'fix',
  'result',
];

/** Default header synonyms, German and English. */
export const DEFAULT_COLUMNS: ColumnSynonyms = {
  version: ['Version', 'Versuch', '#', 'Nr', 'No', 'Iteration', 'Attempt'],
  symptom: [
    'Symptom',
    'Symptome',
    'Problem',
    'Fehler',
    'Fehlerbild',
    'Error',
    'Issue',
  ],
  fix: [
    'Fix',
    'Maßnahme',
    'Lösung',
    'Lösungsversuch',
    'Ansatz',
    'Solution',
    'Action',
  ],
  result: ['Result', 'Ergebnis', 'Outcome', 'Resultat', 'Status', 'Ausgang'],
};

/** Version headers whose cells may hold plain numbers (`1`) for `v1`. */
const NUMBER_HEADERS = new Set(['#', 'nr', 'no']);

/** One row of a fix-history table: one attempt. */
export interface FixHistoryRow {
  /** Text of the version cell as written (`v1`), `''` when absent. */
  version: string;
  /** The version number (`v3` and, in a `#` column, `3` give 3). */
  number: number | undefined;
  symptom: string;
  fix: string;
  result: string;
  /** Line of the row in the file. */
  line: number;
  /** How the attempt ended, read from the result cell. */
  outcome: Outcome;
  /** The cells as parsed (GFM splits a cell at a `|` in inline code). */
  cells: TableCell[];
  /**
   * Whether the row has as many cells as the header; when not, cells past
   * the first column may stand under the wrong header.
   */
  aligned: boolean;
  node: TableRow;
}

/** A fix-history table with its columns and rows. */
export interface FixHistoryTable {
  node: Table;
  /** Header cell texts. */
  header: string[];
  /** Index of the column of each role the header names. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Whether the version column takes plain numbers (`#`, `Nr`). */
  plainNumbers: boolean;
  /** How the table was recognised. */
  foundBy: 'heading' | 'columns';
  /** The heading before the table, when there is one. */
  heading: Heading | undefined;
  /** Where the table stands: at the top level, in a list or a quote. */
  container: 'root' | 'list' | 'blockquote';
  /** Body rows, header excluded. */
  rows: FixHistoryRow[];
}

/** A `Fix vN` heading, which names the attempt of row `vN`. */
export interface FixHeading {
  node: Heading;
  version: number;
  text: string;
}

/** Settings of the reader; each defaults to the built-in synonyms. */
export interface FixHistoryOptions {
  sections?: SectionSynonyms;
  columns?: ColumnSynonyms;
}

declare module 'vfile' {
  interface DataMap {
    /** Fix-history tables of the file, read once and shared. */
    fixHistories: FixHistoryTable[];
  }
}

/** Folded synonym and role pairs, longest synonym first. */
function columnPairs(columns: ColumnSynonyms): Array<[string, ColumnRole]> {
  const pairs: Array<[string, ColumnRole]> = [];
  for (const role of COLUMN_ROLES) {
    for (const word of columns[role]) pairs.push([foldText(word), role]);
  }
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

/** The role a header cell names, or `undefined`. */
function matchColumn(
  text: string,
  pairs: Array<[string, ColumnRole]>,
): ColumnRole | undefined {
  const raw = foldText(text.trim());
  const bare = foldText(stripDecoration(text));
  for (const [word, role] of pairs) {
    if (raw === word || startsWithWord(bare, word)) return role;
  }
  return undefined;
}

/** Map header cells to roles; the first column of a role wins. */
export function mapColumns(
  header: readonly string[],
  columns: ColumnSynonyms = DEFAULT_COLUMNS,
): Partial<Record<ColumnRole, number>> {
  const pairs = columnPairs(columns);
  const map: Partial<Record<ColumnRole, number>> = {};
  header.forEach((text, index) => {
    const role = matchColumn(text, pairs);
    if (role && map[role] === undefined) map[role] = index;
  });
  return map;
}

/** Whether a header alone marks a table as a fix history. */
function hasFixHistoryColumns(
  map: Partial<Record<ColumnRole, number>>,
): boolean {
  const core = map.version !== undefined && map.result !== undefined;
  return core && (map.symptom !== undefined || map.fix !== undefined);
}

/**
 * Read a version cell: `v3`, `V3` or `v 3` give 3; a plain `3` only when
 * `plainNumbers` (a `#` column). Anything else gives `undefined`.
 */
export function parseVersion(
  text: string,
  plainNumbers = false,
): number | undefined {
  const trimmed = text.trim();
  const match = /^v\s?(\d+)$/iu.exec(trimmed);
  if (match) return Number(match[1]);
  if (plainNumbers && /^\d+$/u.test(trimmed)) return Number(trimmed);
  return undefined;
}

/** Longest cell or heading text quoted in a message. */
const MAX_QUOTE = 40;

/**
 * `text` in backticks for a message, cut to 40 characters with `…`, so a
 * long cell does not flood the report.
 */
export function quoteText(text: string): string {
  const trimmed = text.trim();
  const short =
    trimmed.length > MAX_QUOTE ? `${trimmed.slice(0, MAX_QUOTE - 1)}…` : trimmed;
  return `\`${short}\``;
}

/**
 * The narrowest place of a cell for a message: its content, without the
 * pipe and spaces around it; the whole cell when it is empty.
 */
export function cellPlace(cell: TableCell): Node | Position {
  const first = cell.children[0]?.position;
  const last = cell.children[cell.children.length - 1]?.position;
  return first && last ? { start: first.start, end: last.end } : cell;
}

/** Text of cell `index` of `cells`, `''` when the row has no such cell. */
function cellText(
  cells: readonly TableCell[],
  index: number | undefined,
): string {
  if (index === undefined) return '';
  const cell = cells[index];
  return cell ? toString(cell).trim() : '';
}

/** Read one body row of a table with a column map. */
function readRow(
  node: TableRow,
  header: readonly string[],
  columns: Partial<Record<ColumnRole, number>>,
  plainNumbers: boolean,
): FixHistoryRow {
  const cells = node.children;
  const version = cellText(cells, columns.version);
  const result = cellText(cells, columns.result);
  return {
    version,
    number: parseVersion(version, plainNumbers),
    symptom: cellText(cells, columns.symptom),
    fix: cellText(cells, columns.fix),
    result,
    line: node.position?.start.line ?? 0,
    outcome: classifyOutcome(result),
    cells,
    aligned: cells.length === header.length,
    node,
  };
}

/** Read a table known to be a fix history. */
function readTable(
  node: Table,
  context: Pick<FixHistoryTable, 'foundBy' | 'heading' | 'container'>,
  columns: ColumnSynonyms,
): FixHistoryTable {
  const body = node.children.slice(1);
  const header = headerOf(node);
  const map = mapColumns(header, columns);
  const versionHeader = map.version === undefined ? '' : header[map.version];
  const plainNumbers = NUMBER_HEADERS.has(
    foldText(versionHeader ?? '').replace(/\.$/u, ''),
  );
  const rows = body.map((row) => readRow(row, header, map, plainNumbers));
  return { node, header, columns: map, plainNumbers, rows, ...context };
}

/** A node that may hold other nodes. */
interface Branch {
  type: string;
  children?: Branch[];
}

/** Where the children of `node` stand, given where `node` stands. */
function containerWithin(
  node: Branch,
  outer: FixHistoryTable['container'],
): FixHistoryTable['container'] {
  if (node.type === 'blockquote') return 'blockquote';
  if (node.type === 'list' && outer === 'root') return 'list';
  return outer;
}

/** A visitor of `walk`: a node, where it stands, its previous sibling. */
type Visitor = (
  node: Branch,
  container: FixHistoryTable['container'],
  previous: Branch | undefined,
) => void;

/**
 * Visit `node` and its descendants in document order, telling `visitor`
 * whether each stands at the top level, in a list or in a block quote (the
 * innermost quote or outermost list wins), and which sibling precedes it.
 */
function walk(
  node: Branch,
  container: FixHistoryTable['container'],
  visitor: Visitor,
  previous?: Branch,
): void {
  visitor(node, container, previous);
  const inner = containerWithin(node, container);
  let before: Branch | undefined;
  for (const child of node.children ?? []) {
    walk(child, inner, visitor, before);
    before = child;
  }
}

/** Whether `node` is a paragraph labelled as the attempts section. */
function isAttemptsLabel(
  node: Branch | undefined,
  matcher: SectionMatcher,
): boolean {
  if (node?.type !== 'paragraph') return false;
  const label = getLabel(node as Paragraph);
  return label !== undefined && matcher.match(label) === 'attempts';
}

/** Header cell texts of a table. */
function headerOf(node: Table): string[] {
  const head = node.children[0];
  return head ? head.children.map((cell) => toString(cell).trim()) : [];
}

/**
 * Find and read the fix-history tables of `tree`, in document order: tables
 * after a heading that names the attempts section (or right after a
 * paragraph labelled so: `**Versuche:**`), and tables whose header names a
 * version, a result and a symptom or fix column.
 */
export function readFixHistories(
  tree: Root,
  options: FixHistoryOptions = {},
): FixHistoryTable[] {
  const matcher = createSectionMatcher(options.sections ?? DEFAULT_SECTIONS);
  const columns = options.columns ?? DEFAULT_COLUMNS;
  const tables: FixHistoryTable[] = [];
  let heading: Heading | undefined;
  walk(tree as Branch, 'root', (branch, container, previous) => {
    const node = branch as Root['children'][number];
    if (node.type === 'heading') heading = node;
    if (node.type !== 'table') return;
    const afterHeading =
      heading !== undefined && matcher.match(toString(heading)) === 'attempts';
    const underHeading = afterHeading || isAttemptsLabel(previous, matcher);
    const map = mapColumns(headerOf(node), columns);
    if (!underHeading && !hasFixHistoryColumns(map)) return;
    const foundBy = underHeading ? 'heading' : 'columns';
    tables.push(readTable(node, { foundBy, heading, container }, columns));
  });
  return tables;
}

/**
 * The fix-history tables of `file`, read on first use with the section
 * synonyms of the run and cached on `file.data.fixHistories`.
 */
export function getFixHistories(tree: Root, file: VFile): FixHistoryTable[] {
  const cached = file.data.fixHistories;
  if (cached) return cached;
  const options: FixHistoryOptions = {};
  if (file.data.sections) options.sections = file.data.sections;
  const tables = readFixHistories(tree, options);
  file.data.fixHistories = tables;
  return tables;
}

/** Markers that say how an attempt ended; the first in the text wins. */
const MARKERS: ReadonlyArray<[string, Outcome]> = [
  ['❌', 'failed'],
  ['✗', 'failed'],
  ['✘', 'failed'],
  ['⛔', 'failed'],
  ['🚫', 'failed'],
  ['🔴', 'failed'],
  ['✅', 'succeeded'],
  ['✔', 'succeeded'],
  ['✓', 'succeeded'],
  ['☑', 'succeeded'],
  ['🟢', 'succeeded'],
  ['⏳', 'pending'],
  ['⌛', 'pending'],
  ['🔄', 'pending'],
  ['🚧', 'pending'],
  ['🟡', 'pending'],
];

/**
 * Words and phrases, German and English, tried group by group: negated
 * success first (`funktioniert nicht`), then `wie erwartet`, which is not a
 * pending `erwartet`, then pending, failed and succeeded words.
 */
const PHRASES: ReadonlyArray<[Outcome, string[]]> = [
  [
    'failed',
    ['funktioniert nicht', 'geht nicht', 'klappt nicht', 'nicht gelöst',
      'nicht behoben', 'kein effekt', 'keine wirkung', 'ohne wirkung',
      'not fixed', 'not working', 'does not work', "doesn't work",
      'did not work', "didn't work", 'no effect', 'not solved', 'nicht ok',
      'not ok', 'nicht erfolgreich', 'kein erfolg', 'keinen erfolg',
      'ohne erfolg', 'erfolglos', 'not successful', 'unsuccessful',
      'not resolved', 'nicht gelungen'],
  ],
  [
    'succeeded',
    ['wie erwartet', 'as expected', 'kein fehler', 'keine fehler',
      'fehlerfrei', 'no error', 'no errors', 'no failures', 'fehler behoben',
      'fehler gelöst', 'problem behoben', 'problem gelöst', 'error fixed',
      'error resolved', 'issue fixed', 'issue resolved'],
  ],
  [
    'pending',
    ['pending', 'offen', 'open', 'erwartet', 'expected', 'ausstehend',
      'in progress', 'in arbeit', 'läuft noch', 'untested', 'ungetestet',
      'noch nicht getestet', 'not yet tested', 'waiting', 'wartet', 'tbd',
      'todo', 'wip', 'to be verified', 'zu prüfen', 'unverified'],
  ],
  [
    'failed',
    ['failed', 'fails', 'fail', 'failure', 'failing', 'broken', 'refused',
      'denied', 'error', 'errors', 'timeout', 'timed out', 'crash',
      'crashed', 'crashes', 'rejected', 'fehlgeschlagen', 'schlägt fehl',
      'schlug fehl', 'fehlschlug', 'gescheitert', 'scheitert', 'fehler',
      'revertiert', 'kaputt', 'abgelehnt', 'abbruch', 'bricht ab', 'rot',
      'red'],
  ],
  [
    'succeeded',
    ['works', 'worked', 'working', 'fixed', 'success', 'successful',
      'succeeded', 'succeeds', 'solved', 'resolved', 'passes', 'passed',
      'green', 'ok', 'okay', 'done', 'erfolgreich', 'erfolg', 'funktioniert',
      'klappt', 'geht', 'behoben', 'gelöst', 'grün', 'läuft', 'bestanden'],
  ],
];

/** A pattern that finds any of `phrases` as whole words in folded text. */
function phrasePattern(phrases: readonly string[]): RegExp {
  const escaped = phrases.map((phrase) =>
    foldText(phrase).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'),
  );
  // One alternation a group: a hundred separate look-around patterns cost
  // tens of milliseconds to compile on every start.
  const words = escaped.join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, 'u');
}

/** The phrase groups with their patterns, built on first use. */
let phrasePatterns: ReadonlyArray<[Outcome, RegExp]> | undefined;

/** The phrase groups with their patterns. */
function getPhrasePatterns(): ReadonlyArray<[Outcome, RegExp]> {
  phrasePatterns ??= PHRASES.map(([outcome, phrases]) => [outcome, phrasePattern(phrases)]);
  return phrasePatterns;
}

/**
 * The outcome the markers of `text` give: after an arrow (`❌ → ✅ nach
 * Neustart`) the part after the last arrow speaks, else the first marker.
 */
function markerOutcome(text: string): Outcome | undefined {
  const parts = text.split(/→|->|=>/u);
  const last = parts.length > 1 ? firstMarker(parts[parts.length - 1]!) : undefined;
  return last ?? firstMarker(text);
}

/** The outcome of the first marker in `text`, if it has one. */
function firstMarker(text: string): Outcome | undefined {
  let first = -1;
  let outcome: Outcome | undefined;
  for (const [marker, value] of MARKERS) {
    const index = text.indexOf(marker);
    if (index !== -1 && (first === -1 || index < first)) {
      first = index;
      outcome = value;
    }
  }
  return outcome;
}

/**
 * Classify how an attempt ended from the text of its result: a marker
 * (`❌`, `✅`, `⏳`, …) decides first, then German and English words
 * (`fehlgeschlagen`, `works`, `erwartet grün` is pending). Text that says
 * none of these is `unknown`.
 */
export function classifyOutcome(text: string): Outcome {
  const marker = markerOutcome(text);
  if (marker) return marker;
  const folded = foldText(text.replace(/’/gu, "'"));
  for (const [outcome, pattern] of getPhrasePatterns()) {
    if (pattern.test(folded)) return outcome;
  }
  return 'unknown';
}

/** A `Fix vN` heading title, after numbering and emoji. */
const FIX_HEADING = /^fix\s+v\s?(\d+)(?![\p{L}\p{N}])/iu;

/**
 * Find the `Fix vN` headings of `tree` (level 2 or deeper; the level 1
 * heading is the entry's title), in document order.
 */
export function findFixHeadings(tree: Root): FixHeading[] {
  const headings: FixHeading[] = [];
  walk(tree as Branch, 'root', (branch) => {
    const node = branch as Root['children'][number];
    if (node.type !== 'heading' || node.depth === 1) return;
    const text = toString(node);
    const match = FIX_HEADING.exec(stripDecoration(text));
    if (match) headings.push({ node, version: Number(match[1]), text });
  });
  return headings;
}
