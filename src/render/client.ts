/**
 * The index page's script: reads the embedded data, loads the packed index
 * (on the page, or in a worker), and draws results, filters and overview.
 *
 * The index and the data are data blocks of compressed ASCII JSON in
 * base64 (`embedData`). The script runs after the index block and before
 * the data block: it starts loading the index at once, while the parser
 * still reads the data, and reads and draws the data once the document is
 * complete.
 *
 * These functions run in the browser. The page embeds their source text
 * (`Function.prototype.toString`) into one inline script, so they may use
 * only each other, the functions of `client-state.ts`, and the globals of
 * the page's engine and search scripts (`MiniSearch`, `foldText`, the
 * search functions, `PAGE_SEARCH_OPTIONS`) — never an import, which a
 * bundler or test runner would rename. The ambient declarations below give
 * TypeScript their types without importing them.
 *
 * For a large knowledge base (`data-worker="on"`) a worker made from the
 * text of the page's own engine and search scripts (a `blob:` URL) loads
 * and searches the index; otherwise, or where a browser gives no worker,
 * the page loads and searches it itself. A block that cannot be read is
 * said on the page: no entries, or entries without search.
 *
 * Everything from an entry reaches the page through `textContent` or a
 * checked `href`; no markup is built from data.
 */
import type MiniSearchClass from 'minisearch';
import type { Options } from 'minisearch';
import type { Attempt, Case, Entry, TextRef } from '../kb/types.js';
import type * as Pack from '../search-pack.js';
import type * as Search from '../search-index.js';
import type * as State from './client-state.js';
import type { PageState } from './client-state.js';

declare const MiniSearch: typeof MiniSearchClass;
declare const PAGE_SEARCH_OPTIONS: Options<Entry>;
declare const unpackSearchIndex: typeof Pack.unpackSearchIndex;
declare const buildQuery: typeof Search.buildQuery;
declare const readState: typeof State.readState;
declare const writeState: typeof State.writeState;
declare const isPendingEntry: typeof State.isPendingEntry;
declare const matchesFilters: typeof State.matchesFilters;
declare const getSourceHref: typeof State.getSourceHref;
declare const getMonthRange: typeof State.getMonthRange;

/** What the page embeds beside the index (`#kb-data`). */
export interface PageData {
  /** URL template with `{path}` and `{line}`, `''` for relative links. */
  sourceUrl: string;
  /** Prefix that makes an entry's path relative to the page. */
  sourceRoot: string;
  entries: Entry[];
}

/** The page's elements that scripts read or fill. */
interface PageView {
  query: HTMLInputElement;
  status: HTMLSelectElement;
  type: HTMLSelectElement;
  owner: HTMLSelectElement;
  tag: HTMLSelectElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  pending: HTMLInputElement;
  reset: HTMLButtonElement;
  count: HTMLElement;
  notice: HTMLElement;
  results: HTMLElement;
  more: HTMLButtonElement;
  months: HTMLElement;
  pendingList: HTMLElement;
}

/**
 * The hits of a query, best first, compact so the worker's answer costs
 * little to send: each entry as its position in the data (the order the
 * index was built in), its score, and the matched terms of the first few.
 */
interface HitList {
  query: string;
  order: Int32Array;
  scores: Float64Array;
  matches: Record<string, string[]>[];
}

/** The loaded index with each entry id's position in the data. */
interface LoadedIndex {
  index: MiniSearchClass<Entry>;
  ordinals: Map<string, number>;
}

/** What the page asks the search worker: load the index's compressed bytes, or search. */
type WorkerRequest = { type: 'load'; bytes: Uint8Array<ArrayBuffer> } | { type: 'search'; query: string };

/** What the search worker answers. */
type WorkerAnswer =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | ({ type: 'hits' } & HitList);

/** Everything the page's functions share. */
interface PageApp {
  data: PageData;
  byId: Map<string, Entry>;
  /** The entries newest first, sorted once. */
  byDate: Entry[];
  /** The worker that holds the index, or `null` when the page holds it. */
  worker: Worker | null;
  /** The index, when the page holds it itself (no worker). */
  index: LoadedIndex | null;
  /** Whether the index is loaded. */
  ready: boolean;
  /** Why the index could not be loaded; `''` while nothing failed. */
  failure: string;
  /** Whether a search is with the worker. */
  asking: boolean;
  /** Hits of the last query answered. */
  answer: HitList | null;
  /** When the query now shown or awaited was typed. */
  askedAt: number;
  state: PageState;
  /** How many results are drawn; "Show more" raises it by `step`. */
  limit: number;
  /** Results drawn at first and added by "Show more"; few, so typing stays quick. */
  step: number;
  view: PageView;
}

/** One result: an entry, with score and matched terms when a query found it. */
interface PageHit {
  entry: Entry;
  score: number;
  match: Record<string, string[]> | null;
}

/** The element with `id`; the page is broken when it is missing. */
function getElement<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`Missing element #${id}`);
  return element as T;
}

/** A new element with a class and, optionally, text. */
function createNode(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className !== '') node.className = className;
  if (text === undefined) return node;
  // Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069)
  // would turn the text around them; the terminal drops them too.
  const clean = text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  // A pasted log of a megabyte would take seconds to lay out at each key
  // press; the first 5,000 characters say what it is, the file has the rest.
  node.textContent =
    clean.length > 5000 ? `${clean.slice(0, 5000)}… (${clean.length - 5000} more characters in the source file)` : clean;
  return node;
}

/** A button that runs `action` when pressed. */
function createButton(className: string, text: string, action: () => void): HTMLElement {
  const button = createNode('button', className, text);
  button.setAttribute('type', 'button');
  button.addEventListener('click', action);
  return button;
}

/** The page's elements by their ids. */
function getView(): PageView {
  return {
    query: getElement('query'),
    status: getElement('filter-status'),
    type: getElement('filter-type'),
    owner: getElement('filter-owner'),
    tag: getElement('filter-tag'),
    from: getElement('filter-from'),
    to: getElement('filter-to'),
    pending: getElement('filter-pending'),
    reset: getElement('reset'),
    count: getElement('count'),
    notice: getElement('notice'),
    results: getElement('results'),
    more: getElement('more'),
    months: getElement('months'),
    pendingList: getElement('pending-list'),
  };
}

/** Distinct values of `pick` over the entries with their counts, sorted. */
function countValues(entries: Entry[], pick: (entry: Entry) => string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const value of pick(entry)) {
      if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => compareText(a[0], b[0]));
}

/** Order two strings by code unit, as `Array#sort` does, for comparators. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Fill a filter's options: "all" first, then each value with its count. */
function fillSelect(select: HTMLSelectElement, values: [string, number][]): void {
  const all = createNode('option', '', 'all') as HTMLOptionElement;
  all.value = '';
  select.replaceChildren(all);
  for (const [value, count] of values) {
    const option = createNode('option', '', `${value} (${count})`) as HTMLOptionElement;
    option.value = value;
    select.append(option);
  }
}

/** Fill every select filter from the entries. */
function fillFilters(app: PageApp): void {
  const entries = app.data.entries;
  // Entries without a status, type or owner are chosen by `(none)`.
  const withNone = (pick: (entry: Entry) => string): [string, number][] => {
    const values = countValues(entries, (entry) => [pick(entry)]);
    const none = entries.filter((entry) => pick(entry) === '').length;
    return none > 0 ? [...values, ['(none)', none]] : values;
  };
  fillSelect(app.view.status, withNone((entry) => entry.status));
  fillSelect(app.view.type, withNone((entry) => entry.type));
  fillSelect(app.view.owner, withNone((entry) => entry.owner));
  fillSelect(app.view.tag, countValues(entries, (entry) => entry.tags));
}

/** Set a select to `value`, adding it when no entry has it (a shared URL). */
function showSelect(select: HTMLSelectElement, value: string): void {
  const known = Array.from(select.options).some((option) => option.value === value);
  if (!known) {
    const option = createNode('option', '', `${value} (0)`) as HTMLOptionElement;
    option.value = value;
    select.append(option);
  }
  select.value = value;
}

/** Show the state in the form. */
function showState(app: PageApp): void {
  const { view, state } = app;
  view.query.value = state.q;
  showSelect(view.status, state.status);
  showSelect(view.type, state.type);
  showSelect(view.owner, state.owner);
  showSelect(view.tag, state.tag);
  view.from.value = state.from;
  view.to.value = state.to;
  view.pending.checked = state.pending;
}

/** Read the form into the state; the one-entry filter stays. */
function readForm(app: PageApp): void {
  const { view, state } = app;
  state.q = view.query.value;
  state.status = view.status.value;
  state.type = view.type.value;
  state.owner = view.owner.value;
  state.tag = view.tag.value;
  state.from = view.from.value;
  state.to = view.to.value;
  state.pending = view.pending.checked;
}

/** Keep the state in the URL hash without adding history steps. */
function saveState(app: PageApp): void {
  const hash = writeState(app.state);
  if (hash === location.hash || (hash === '' && location.hash === '')) return;
  const url = hash === '' ? location.pathname + location.search : hash;
  try {
    history.replaceState(null, '', url);
  } catch {
    location.replace(hash === '' ? '#' : hash);
  }
}

/** Change some filters, then search and draw again. */
function setFilter(app: PageApp, patch: Partial<PageState>): void {
  Object.assign(app.state, patch);
  app.limit = app.step;
  showState(app);
  update(app);
}

/** The entries to show: search hits when there is a query, else all. */
function getHits(app: PageApp): PageHit[] {
  const { state, answer } = app;
  if (state.q.trim() === '') {
    const entries = app.byDate.filter((entry) => matchesFilters(entry, state));
    return entries.map((entry) => ({ entry, score: 0, match: null }));
  }
  if (answer === null || answer.query !== state.q) return [];
  const hits: PageHit[] = [];
  const { order, scores, matches } = answer;
  for (let rank = 0; rank < order.length; rank += 1) {
    const entry = app.data.entries[order[rank] ?? -1];
    if (entry === undefined || !matchesFilters(entry, state)) continue;
    hits.push({ entry, score: scores[rank] ?? 0, match: matches[rank] ?? null });
  }
  // Equal scores by path, as the terminal search orders them.
  return hits.sort((a, b) => compareHits(a, b));
}

/** Best score first, then by path. */
function compareHits(a: PageHit, b: PageHit): number {
  const score = b.score - a.score;
  return score !== 0 ? score : compareText(a.entry.path, b.entry.path);
}

/** Newest first; entries without a date last; then by path. */
function compareByDate(a: Entry, b: Entry): number {
  if (a.date !== b.date) return compareText(b.date, a.date);
  return compareText(a.path, b.path);
}

/**
 * Show the state: draw at once when the hits are known (no query, or the
 * query answered already), else ask the index and draw on its answer.
 */
function update(app: PageApp): void {
  const query = app.state.q;
  if (query.trim() !== '' && app.answer?.query !== query) {
    app.askedAt = performance.now();
    askIndex(app);
    renderNotice(app);
    saveState(app);
    return;
  }
  draw(app, performance.now());
}

/**
 * Filter and draw the results; time from `start` (when the query was
 * typed) as `kb-query`, and until the hits were filtered as `kb-search`.
 */
function draw(app: PageApp, start: number): void {
  const hits = getHits(app);
  performance.measure('kb-search', { start });
  renderResults(app, hits);
  renderNotice(app);
  saveState(app);
  app.view.results.dataset.query = app.state.q;
  performance.measure('kb-query', { start });
  document.dispatchEvent(new Event('kb-answer'));
}

/** Search the index for the current query: in the worker, or here. */
function askIndex(app: PageApp): void {
  if (!app.ready || app.asking) return;
  const query = app.state.q;
  if (app.worker !== null) {
    app.asking = true;
    const request: WorkerRequest = { type: 'search', query };
    app.worker.postMessage(request);
    return;
  }
  if (app.index !== null) {
    app.answer = searchHits(app.index, query);
    draw(app, app.askedAt);
  }
}

/**
 * Load the packed index. Its documents were added in the data's order, so
 * a document's number in the index is the entry's position in the data.
 */
function loadSearchIndex(json: string): LoadedIndex {
  const packed = JSON.parse(json) as Pack.PackedIndex;
  const index = unpackSearchIndex(MiniSearch, packed, PAGE_SEARCH_OPTIONS);
  const ordinals = new Map<string, number>();
  packed.ids.forEach((id, position) => ordinals.set(id, position));
  return { index, ordinals };
}

/** Hits of `query`, best first; matched terms for the first 100 only. */
function searchHits(loaded: LoadedIndex, query: string): HitList {
  const results = loaded.index.search(buildQuery(loaded.index, query));
  const order = new Int32Array(results.length);
  const scores = new Float64Array(results.length);
  const matches: Record<string, string[]>[] = [];
  results.forEach((hit, rank) => {
    order[rank] = loaded.ordinals.get(String(hit.id)) ?? -1;
    scores[rank] = hit.score;
    if (rank < 100) matches.push(hit.match);
  });
  return { query, order, scores, matches };
}

/** Take the worker's answer: ready, failed, or the hits of a query. */
function onAnswer(app: PageApp, answer: WorkerAnswer): void {
  if (answer.type === 'failed') {
    onIndexFailed(app, answer.message);
    return;
  }
  if (answer.type === 'ready') {
    markReady(app);
    update(app);
    return;
  }
  app.asking = false;
  app.answer = answer;
  // Typed on while the worker searched: ask again for the newest query.
  if (answer.query === app.state.q) draw(app, app.askedAt);
  else update(app);
}

/** Note that the index answers queries from now on. */
function markReady(app: PageApp): void {
  app.ready = true;
  performance.mark('kb-ready');
  document.documentElement.dataset.state = 'ready';
}

/** Without a worker, load the index here; with one that failed, say so. */
function onIndexFailed(app: PageApp, message: string): void {
  if (app.worker !== null && !app.ready) {
    // A browser that refuses the worker still gets a working page.
    app.worker.terminate();
    app.worker = null;
    setTimeout(() => loadIndex(app), 0);
    return;
  }
  document.documentElement.dataset.state = 'failed';
  app.failure = message;
  renderNotice(app);
  console.error(message);
}

/** Draw the first `app.limit` results and the count above them. */
function renderResults(app: PageApp, hits: PageHit[]): void {
  const { view } = app;
  const shown = hits.slice(0, app.limit);
  const items = shown.map((item) => renderEntry(app, item));
  view.results.replaceChildren(...items);
  const noun = hits.length === 1 ? 'entry' : 'entries';
  const total = app.data.entries.length;
  view.count.textContent =
    shown.length < hits.length
      ? `Showing ${shown.length} of ${hits.length} ${noun} (of ${total})`
      : `${hits.length} ${noun} (of ${total})`;
  view.more.hidden = shown.length >= hits.length;
}

/** Say when the index is still loading or only one entry is shown. */
function renderNotice(app: PageApp): void {
  const { view, state } = app;
  view.notice.replaceChildren();
  if (app.failure !== '') {
    // Said while the page lives: typing must not turn it into "Loading…".
    view.notice.append(createNode('span', '', `The search index could not be loaded: ${app.failure}`));
  } else if (!app.ready && state.q.trim() !== '') {
    view.notice.append(createNode('span', '', 'Loading the search index…'));
  }
  const entry = app.byId.get(state.entry);
  if (state.entry !== '') {
    const title = entry === undefined ? state.entry : entry.title;
    view.notice.append(
      createNode('span', '', `Showing one entry: ${title}`),
      createButton('link', 'Show all', () => setFilter(app, { entry: '' })),
    );
  }
  view.notice.hidden = view.notice.childElementCount === 0;
}

/** A link to `line` of the entry's source file. */
function renderSourceLink(app: PageApp, entry: Entry, line: number, text: string): HTMLElement {
  const { sourceUrl, sourceRoot } = app.data;
  const href = getSourceHref(sourceUrl, sourceRoot, entry.path, line);
  if (href === '') return createNode('span', 'source', text);
  const link = createNode('a', 'source', text);
  link.setAttribute('href', href);
  link.setAttribute('rel', 'noopener noreferrer');
  return link;
}

/** One result: title, facts, cases, attempts, errors, lessons, links. */
function renderEntry(app: PageApp, item: PageHit): HTMLElement {
  const { entry, match } = item;
  const article = createNode('article', 'entry');
  article.dataset.id = entry.id;
  const heading = createNode('h2', 'entry-title');
  heading.append(renderSourceLink(app, entry, 1, entry.title));
  article.append(heading, renderFacts(app, entry));
  if (match !== null) article.append(renderMatch(match));
  if (entry.summary !== '') article.append(createNode('p', 'summary', entry.summary));
  if (entry.cases.length > 0) article.append(renderCases(app, entry));
  if (entry.attempts.length > 0) article.append(renderTimeline(app, entry));
  if (entry.errors.length > 0) {
    article.append(renderTextList(app, entry, 'Error messages', 'errors', entry.errors));
  }
  if (entry.learned.length > 0) {
    article.append(renderTextList(app, entry, 'Lessons', 'learned', entry.learned));
  }
  if (entry.links.length > 0) article.append(renderLinks(app, entry));
  return article;
}

/** Date, type, status, owner, tags and badges of an entry. */
function renderFacts(app: PageApp, entry: Entry): HTMLElement {
  const facts = createNode('p', 'facts');
  const parts = [entry.date, entry.type, entry.status, entry.owner];
  for (const part of parts.filter((value) => value !== '')) {
    facts.append(createNode('span', 'fact', part));
  }
  facts.append(renderSourceLink(app, entry, 1, entry.path));
  for (const tag of entry.tags) {
    facts.append(createButton('tag', `#${tag}`, () => setFilter(app, { tag })));
  }
  if (isPendingEntry(entry)) facts.append(createNode('span', 'badge pending', 'pending'));
  if (entry.incomplete.length > 0) {
    const text = `incomplete: lacks ${entry.incomplete.join(', ')}`;
    facts.append(createNode('span', 'badge incomplete', text));
  }
  return facts;
}

/** Which query terms matched in which fields. */
function renderMatch(match: Record<string, string[]>): HTMLElement {
  const parts = Object.keys(match)
    .sort()
    .map((term) => `${term} (${(match[term] ?? []).join(', ')})`);
  return createNode('p', 'match', `Matched ${parts.join('; ')}`);
}

/** Each case as problem → cause → solution → result. */
function renderCases(app: PageApp, entry: Entry): HTMLElement {
  const list = createNode('ol', 'cases');
  for (const item of entry.cases) list.append(renderCase(app, entry, item));
  return list;
}

/** One case, its steps in reading order, linked to its line. */
function renderCase(app: PageApp, entry: Entry, item: Case): HTMLElement {
  const node = createNode('li', item.pending ? 'case pending' : 'case');
  const steps: [string, string, string][] = [
    ['problem', 'Problem', item.problem],
    ['cause', 'Cause', item.cause],
    ['solution', 'Solution', item.solution],
    ['result', 'Result', item.result],
  ];
  for (const [kind, label, text] of steps) {
    if (text === '' && kind !== 'solution') continue;
    const step = createNode('div', `step step-${kind}`);
    step.append(createNode('span', 'label', label));
    step.append(createNode('div', 'text', text === '' ? 'none yet (pending)' : text));
    node.append(step);
  }
  node.append(renderSourceLink(app, entry, item.line, `line ${item.line}`));
  return node;
}

/** The attempts as a timeline with a marker for each outcome. */
function renderTimeline(app: PageApp, entry: Entry): HTMLElement {
  const section = createNode('section', 'attempts');
  section.append(createNode('h3', '', 'Attempts'));
  const list = createNode('ol', 'timeline');
  for (const attempt of entry.attempts) list.append(renderAttempt(app, entry, attempt));
  section.append(list);
  return section;
}

/** One attempt: marker, version, symptom, fix and result. */
function renderAttempt(app: PageApp, entry: Entry, attempt: Attempt): HTMLElement {
  const markers: Record<string, string> = {
    failed: '✗',
    succeeded: '✓',
    pending: '⏳',
    unknown: '?',
  };
  const node = createNode('li', `attempt outcome-${attempt.outcome}`);
  node.dataset.outcome = attempt.outcome;
  const marker = createNode('span', 'marker', markers[attempt.outcome] ?? '?');
  marker.title = attempt.outcome;
  node.append(marker, createNode('span', 'version', attempt.version));
  node.append(createNode('span', 'symptom', attempt.symptom));
  node.append(createNode('span', 'fix', attempt.fix));
  node.append(createNode('span', 'result', `${attempt.result} (${attempt.outcome})`));
  node.append(renderSourceLink(app, entry, attempt.line, `line ${attempt.line}`));
  return node;
}

/** A titled list of texts with their lines: error messages or lessons. */
function renderTextList(
  app: PageApp,
  entry: Entry,
  title: string,
  className: string,
  items: TextRef[],
): HTMLElement {
  const section = createNode('section', className);
  section.append(createNode('h3', '', title));
  const list = createNode('ul', '');
  for (const item of items) {
    const node = createNode('li', '');
    const tag = className === 'errors' ? 'code' : 'span';
    node.append(createNode(tag, 'text', item.text), ' ');
    node.append(renderSourceLink(app, entry, item.line, `line ${item.line}`));
    list.append(node);
  }
  section.append(list);
  return section;
}

/** Links to other entries, each showing that entry alone. */
function renderLinks(app: PageApp, entry: Entry): HTMLElement {
  const section = createNode('p', 'links');
  section.append(createNode('span', 'label', 'Links: '));
  for (const id of entry.links) {
    const target = app.byId.get(id);
    if (target === undefined) {
      section.append(createNode('span', 'missing', id));
      continue;
    }
    section.append(createButton('link', target.title, () => setFilter(app, { entry: id })));
  }
  return section;
}

/** Entries per month as bars; a month sets the date filter. */
function renderMonths(app: PageApp): void {
  const months = countValues(app.data.entries, (entry) => [entry.date.slice(0, 7)]);
  const largest = Math.max(1, ...months.map(([, count]) => count));
  const rows = months.map(([month, count]) => {
    const row = createNode('li', 'month');
    const range = getMonthRange(month);
    row.append(createButton('link', month, () => setFilter(app, range)));
    const bar = createNode('span', 'bar');
    bar.style.width = `${Math.round((count / largest) * 100)}%`;
    row.append(bar, createNode('span', 'count', String(count)));
    return row;
  });
  app.view.months.replaceChildren(...rows);
}

/** The problems still pending, newest first; each shows its entry. */
function renderPendingList(app: PageApp): void {
  const pending = app.data.entries.filter(isPendingEntry).sort(compareByDate);
  const rows: HTMLElement[] = [];
  let count = 0;
  for (const entry of pending) {
    for (const item of entry.cases) {
      if (!item.pending) continue;
      count += 1;
      // Only the newest twenty are drawn; the rest are counted.
      if (rows.length === 20) continue;
      const row = createNode('li', '');
      const text = `${entry.date} ${entry.title}: ${shorten(item.problem, 120)}`;
      row.append(createButton('link', text, () => setFilter(app, { entry: entry.id })));
      rows.push(row);
    }
  }
  const summary = createNode('p', '', `${count} pending in ${pending.length} entries`);
  const list = createNode('ul', '');
  list.append(...rows);
  app.view.pendingList.replaceChildren(summary, list);
  if (count > 20) {
    const all = () => setFilter(app, { pending: true, entry: '' });
    app.view.pendingList.append(createButton('link', `Show all ${count}`, all));
  }
}

/** The first line of `text`, cut to `length` characters. */
function shorten(text: string, length: number): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** Wire the form, the hash and the `/` key. */
function bindEvents(app: PageApp): void {
  const { view } = app;
  const onChange = () => {
    readForm(app);
    app.limit = app.step;
    update(app);
  };
  view.query.addEventListener('input', onChange);
  for (const control of [view.status, view.type, view.owner, view.tag]) {
    control.addEventListener('change', onChange);
  }
  for (const control of [view.from, view.to, view.pending]) {
    control.addEventListener('change', onChange);
  }
  view.reset.addEventListener('click', () => setFilter(app, readState('')));
  view.more.addEventListener('click', () => {
    app.limit += app.step;
    update(app);
  });
  window.addEventListener('hashchange', () => onHashChange(app));
  document.addEventListener('keydown', (event) => onKey(app, event));
}

/** Restore a state pasted into the address bar. */
function onHashChange(app: PageApp): void {
  const state = readState(location.hash);
  if (writeState(state) === writeState(app.state)) return;
  app.state = state;
  app.limit = app.step;
  showState(app);
  update(app);
}

/** `/` focuses the search box unless the user is typing elsewhere. */
function onKey(app: PageApp, event: KeyboardEvent): void {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLElement) {
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (typing) return;
  }
  event.preventDefault();
  app.view.query.focus();
  app.view.query.select();
}

/**
 * Bytes of base64 text: the browser's own decoder where it has one, else
 * `atob`.
 */
function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (typeof native === 'function') return native.call(Uint8Array, text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at += 1) bytes[at] = binary.charCodeAt(at);
  return bytes;
}

/**
 * The text of raw DEFLATE bytes, inflated by the browser. The chunks are
 * joined and decoded once: `Response#text()` took twice as long.
 */
async function inflateText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Damaged input fails the reader below; these would only repeat it.
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    parts.push(chunk.value);
    length += chunk.value.length;
  }
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return new TextDecoder().decode(joined);
}

/** The text of one of the page's data blocks (`embedData` on the page's side). */
async function readBlock(id: string): Promise<string> {
  return inflateText(decodeBase64(getElement(id).textContent ?? ''));
}

/** Load the index in the page itself (no worker, or the worker failed). */
async function loadIndexHere(bytes?: Uint8Array<ArrayBuffer>): Promise<LoadedIndex> {
  const json = bytes === undefined ? await readBlock('kb-index') : await inflateText(bytes);
  return loadSearchIndex(json);
}

/** Take the index loaded on the page: ready, or say why not. */
function useIndex(app: PageApp, loading: Promise<LoadedIndex>): void {
  loading.then(
    (index) => {
      app.index = index;
      markReady(app);
      update(app);
    },
    (error: unknown) => onIndexFailed(app, String(error)),
  );
}

/** Load the index in the page itself, when no worker can. */
function loadIndex(app: PageApp): void {
  useIndex(app, loadIndexHere());
}

/**
 * Start a worker that loads and searches the index, so loading runs beside
 * the rest of the page and typing never waits for a search. Its source is
 * the text of the page's own engine and search scripts; `null` when the
 * browser gives no worker.
 */
function startWorker(): Worker | null {
  const parts = ['kb-engine', 'kb-search'].map((id) => getElement(id).textContent ?? '');
  parts.push(inflateText.toString(), loadSearchIndex.toString(), searchHits.toString());
  parts.push(`(${runSearchWorker.toString()})();`);
  try {
    const blob = new Blob([parts.join('\n')], { type: 'text/javascript' });
    return new Worker(URL.createObjectURL(blob));
  } catch {
    return null;
  }
}

/** The search worker's side: load the index, then answer queries. */
function runSearchWorker(): void {
  const scope = self as unknown as {
    onmessage: ((event: MessageEvent) => void) | null;
    postMessage(message: WorkerAnswer, transfer?: Transferable[]): void;
  };
  let loaded: LoadedIndex | null = null;
  const fail = (error: unknown) => scope.postMessage({ type: 'failed', message: String(error) });
  scope.onmessage = (event) => {
    const request = event.data as WorkerRequest;
    try {
      if (request.type === 'load') {
        inflateText(request.bytes).then((json) => {
          loaded = loadSearchIndex(json);
          scope.postMessage({ type: 'ready' });
        }, fail);
      } else if (loaded !== null) {
        const hits = searchHits(loaded, request.query);
        // Hand the arrays over instead of copying them.
        scope.postMessage({ type: 'hits', ...hits }, [hits.order.buffer, hits.scores.buffer]);
      }
    } catch (error) {
      fail(error);
    }
  };
}

/**
 * Say on the page that it cannot show its entries, and why: a browser
 * without `DecompressionStream`, or a damaged or shortened file.
 */
function showBroken(message: string): void {
  document.documentElement.dataset.state = 'failed';
  const notice = getElement('notice');
  notice.hidden = false;
  const old = typeof DecompressionStream === 'undefined';
  notice.textContent = old
    ? 'This browser cannot read the page\u2019s entries: it needs DecompressionStream (Chrome or Edge 103, Firefox 113, Safari 16.4 or later). The records are also in kb.json beside this page.'
    : `This page\u2019s entries could not be read (${message}): the file is damaged or incomplete. Build it again with journal-kb build; the records are also in kb.json beside it.`;
  getElement('count').textContent = '';
  console.error(message);
}

/**
 * Start the page while the parser still reads the data: start loading the
 * index now (in a worker when the page asks for one, else here), read the
 * data and draw the page once the whole document is there.
 */
function startPage(): void {
  const worker = document.documentElement.dataset.worker === 'on' ? startWorker() : null;
  const early: WorkerAnswer[] = [];
  let loading: Promise<LoadedIndex> | null = null;
  try {
    const bytes = decodeBase64(getElement('kb-index').textContent ?? '');
    if (worker !== null) {
      worker.onmessage = (event) => early.push(event.data as WorkerAnswer);
      worker.onerror = (event) => early.push({ type: 'failed', message: event.message });
      const request: WorkerRequest = { type: 'load', bytes };
      worker.postMessage(request, [bytes.buffer]);
    } else {
      loading = loadIndexHere(bytes);
    }
  } catch (error) {
    // Damaged index text: the page says so once it is drawn.
    if (worker !== null) early.push({ type: 'failed', message: String(error) });
    else loading = Promise.reject(error);
  }
  // Settled later by `useIndex`; until then, a failure is not "unhandled".
  loading?.catch(() => undefined);
  const show = () => {
    readBlock('kb-data').then(
      (text) => {
        let data: PageData;
        try {
          data = JSON.parse(text) as PageData;
          if (!Array.isArray(data?.entries)) throw new Error('no list of entries in the data');
        } catch (error) {
          showBroken(String(error));
          return;
        }
        performance.mark('kb-data');
        showPage(data, worker, early, loading);
      },
      (error: unknown) => showBroken(String(error)),
    );
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
}

/** Draw the page: data, form, overview, first results; then take answers. */
function showPage(
  data: PageData,
  worker: Worker | null,
  early: WorkerAnswer[],
  loading: Promise<LoadedIndex> | null,
): void {
  const app: PageApp = {
    data,
    byId: new Map(data.entries.map((entry) => [entry.id, entry])),
    byDate: [...data.entries].sort(compareByDate),
    worker,
    index: null,
    ready: false,
    failure: '',
    asking: false,
    answer: null,
    askedAt: 0,
    state: readState(location.hash),
    limit: 20,
    step: 20,
    view: getView(),
  };
  fillFilters(app);
  showState(app);
  renderMonths(app);
  renderPendingList(app);
  bindEvents(app);
  update(app);
  performance.mark('kb-shown');
  if (worker === null) {
    useIndex(app, loading ?? loadIndexHere());
    return;
  }
  worker.onmessage = (event) => onAnswer(app, event.data as WorkerAnswer);
  worker.onerror = (event) => onAnswer(app, { type: 'failed', message: event.message });
  for (const answer of early) onAnswer(app, answer);
}

/** Functions of this module that the page embeds, in order. */
export const CLIENT_FUNCTIONS = [
  getElement,
  createNode,
  createButton,
  getView,
  countValues,
  compareText,
  fillSelect,
  fillFilters,
  showSelect,
  showState,
  readForm,
  saveState,
  setFilter,
  getHits,
  compareHits,
  compareByDate,
  update,
  draw,
  askIndex,
  loadSearchIndex,
  searchHits,
  onAnswer,
  markReady,
  onIndexFailed,
  renderResults,
  renderNotice,
  renderSourceLink,
  renderEntry,
  renderFacts,
  renderMatch,
  renderCases,
  renderCase,
  renderTimeline,
  renderAttempt,
  renderTextList,
  renderLinks,
  renderMonths,
  renderPendingList,
  shorten,
  bindEvents,
  onHashChange,
  onKey,
  decodeBase64,
  inflateText,
  readBlock,
  loadIndexHere,
  useIndex,
  loadIndex,
  startWorker,
  runSearchWorker,
  showBroken,
  startPage,
  showPage,
];
