/**
 * The page's state (query and filters) and how it is kept in the URL hash,
 * plus the checks on link targets. These functions run in the browser: the
 * page embeds their source, so they use nothing but each other and the
 * platform (see `client.ts`).
 */
import type { Entry } from '../kb/types.js';

/** Query and filters of the page, as kept in the URL hash. */
export interface PageState {
  q: string;
  status: string;
  type: string;
  owner: string;
  tag: string;
  /** Earliest date, `YYYY-MM-DD`, or `''`. */
  from: string;
  /** Latest date, `YYYY-MM-DD`, or `''`. */
  to: string;
  /** Only entries with a pending problem. */
  pending: boolean;
  /** Only the entry with this id. */
  entry: string;
}

/** Names of the text-valued keys of `PageState`, in URL order. */
type TextKey = Exclude<keyof PageState, 'pending'>;

/** The text-valued keys of the state, in the order the hash lists them. */
function getTextKeys(): TextKey[] {
  return ['q', 'status', 'type', 'owner', 'tag', 'from', 'to', 'entry'];
}

/** Read the state from a URL hash such as `#q=socat&status=ACTIVE`. */
function readState(hash: string): PageState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: PageState = {
    q: '',
    status: '',
    type: '',
    owner: '',
    tag: '',
    from: '',
    to: '',
    pending: params.get('pending') === '1',
    entry: '',
  };
  for (const key of getTextKeys()) state[key] = params.get(key) ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(state.from)) state.from = '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(state.to)) state.to = '';
  return state;
}

/** Write the state as a URL hash (`''` when nothing is set). */
function writeState(state: PageState): string {
  const params = new URLSearchParams();
  for (const key of getTextKeys()) {
    if (state[key] !== '') params.set(key, state[key]);
  }
  if (state.pending) params.set('pending', '1');
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/** Whether `entry` has a problem still pending. */
function isPendingEntry(entry: Entry): boolean {
  return entry.cases.some((item) => item.pending);
}

/**
 * Whether a value passes a select filter: `''` lets everything pass,
 * `(none)` only entries without a value, anything else that value.
 */
function matchesChoice(value: string, chosen: string): boolean {
  if (chosen === '') return true;
  return chosen === '(none)' ? value === '' : value === chosen;
}

/** Whether `entry` passes the filters of `state` (the query aside). */
function matchesFilters(entry: Entry, state: PageState): boolean {
  if (state.entry !== '' && entry.id !== state.entry) return false;
  if (!matchesChoice(entry.status, state.status)) return false;
  if (!matchesChoice(entry.type, state.type)) return false;
  if (!matchesChoice(entry.owner, state.owner)) return false;
  if (state.tag !== '' && !entry.tags.includes(state.tag)) return false;
  if (state.from !== '' && (entry.date === '' || entry.date < state.from)) {
    return false;
  }
  if (state.to !== '' && (entry.date === '' || entry.date > state.to)) {
    return false;
  }
  return !state.pending || isPendingEntry(entry);
}

/**
 * `href` when it is safe to link to: `http:`, `https:`, a relative path or
 * a `#` fragment; `''` for anything else (`javascript:`, `data:`, …).
 */
function safeHref(href: string): string {
  // Browsers drop tabs, newlines and leading spaces before reading a scheme.
  const bare = href
    .replace(/[\u0000-\u0020\u007f]/g, '')
    .replace(/\\/g, '/')
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(bare);
  // `//host/…` leaves the page's own site, as a scheme would.
  if (scheme === null) return bare.startsWith('//') ? '' : href;
  return scheme[1] === 'http' || scheme[1] === 'https' ? href : '';
}

/**
 * Link to line `line` of the source file `path`: through the URL template
 * (`{path}`, `{line}`) when there is one, else relative to the page.
 */
function getSourceHref(
  template: string,
  root: string,
  path: string,
  line: number,
): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  if (template === '') return safeHref(root + encoded);
  const href = template
    .replace(/\{path\}/g, encoded)
    .replace(/\{line\}/g, String(Math.max(1, Math.floor(line))));
  return safeHref(href);
}

/** The month `YYYY-MM` as a date range: first and last day. */
function getMonthRange(month: string): { from: string; to: string } {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 1970, number ?? 1, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Functions of this module that the page embeds, in order. */
export const STATE_FUNCTIONS = [
  getTextKeys,
  readState,
  writeState,
  isPendingEntry,
  matchesChoice,
  matchesFilters,
  safeHref,
  getSourceHref,
  getMonthRange,
];

/** The same functions for tests in Node. */
export {
  readState,
  writeState,
  matchesFilters,
  safeHref,
  getSourceHref,
  getMonthRange,
  isPendingEntry,
};
