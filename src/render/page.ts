/**
 * The static index page: one self-contained HTML file with the entries,
 * a prebuilt search index, MiniSearch and the page's script inlined. It
 * loads nothing (its Content-Security-Policy forbids every network load),
 * so it works from `file://` and on any static host.
 *
 * The index and the entries' data are data blocks of compressed JSON
 * (`embedData`), a fifth of their JSON size, which the browser reads that
 * much sooner. Order matters for speed: the index comes first, and the
 * page's script right after it starts loading the index (on the page, or
 * for a large knowledge base in a search worker) while the parser still
 * reads the data that follows.
 */
import { JournalKbError } from '../errors.js';
import { foldText } from '../fold.js';
import type { KnowledgeBase } from '../kb/types.js';
import { CLIENT_FUNCTIONS, type PageData } from './client.js';
import { STATE_FUNCTIONS } from './client-state.js';
import {
  checkScriptText,
  embedData,
  escapeHtml,
  getCspHash,
  getFunctionSource,
} from './embed.js';
import { getMiniSearchSource } from './library.js';
import { getPageIndex, type PageIndex } from './page-index.js';
import { PAGE_STYLES } from './styles.js';

/** How the page links to sources and what it is called. */
export interface PageOptions {
  /** URL template for source links, with `{path}` and `{line}`. */
  sourceUrl?: string;
  /**
   * Prefix that turns an entry's path (relative to the working directory)
   * into a link relative to the page, such as `../` for a page in `kb/`.
   * Used when there is no `sourceUrl`.
   */
  sourceRoot?: string;
  /** Title of the page. */
  title?: string;
  /**
   * Load and search the index in a Web Worker. Default: only above
   * `WORKER_THRESHOLD` entries, where loading beside the page and never
   * blocking the typing outweigh the cost of sending every query across.
   */
  searchWorker?: boolean;
}

/**
 * Entries above which the page searches in a worker. Below it, searching
 * on the page is quicker end to end (measured in `docs/page.md`).
 */
export const WORKER_THRESHOLD = 20_000;

/** Default title of the page. */
const DEFAULT_TITLE = 'Journal knowledge base';

/** Check that a source URL template links to a web page, not a script. */
function checkSourceUrl(template: string): void {
  if (!/^https?:\/\//i.test(template)) {
    throw new JournalKbError(
      'CONFIG',
      `Unexpected \`sourceUrl\` value \`${template}\`, expected an \`http:\` or \`https:\` URL with \`{path}\` and \`{line}\``,
    );
  }
}

/**
 * The search script: the terminal's `foldText` and search functions and
 * the shared index options, as globals that the page and its search
 * worker (which runs this same text) both use.
 */
function getSearchScript(index: PageIndex): string {
  return [
    '"use strict";',
    getFunctionSource(foldText),
    index.functionsSource,
    `const PAGE_SEARCH_OPTIONS = ${index.optionsSource};`,
    '',
  ].join('\n');
}

/** The page's own script: its functions and the call that starts it. */
function getAppScript(): string {
  const functions = [...STATE_FUNCTIONS, ...CLIENT_FUNCTIONS];
  return [
    '"use strict";',
    '(function () {',
    ...functions.map((item) => getFunctionSource(item)),
    'startPage();',
    '})();',
    '',
  ].join('\n');
}

/** The Content-Security-Policy: only the page's own scripts and styles. */
function getPolicy(scripts: string[], style: string, worker: boolean): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(getCspHash).join(' ')}`,
    `style-src ${getCspHash(style)}`,
    // The search worker is made from the page's own script text.
    ...(worker ? ['worker-src blob:'] : []),
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page's visible frame: search box, filters, overview, results. */
function getBodyMarkup(title: string): string {
  return `<header>
<h1>${escapeHtml(title)}</h1>
<div class="search" role="search">
<input id="query" type="search" aria-label="Search" autocomplete="off" spellcheck="false" placeholder="Search problems, causes, solutions, error messages (press /)">
</div>
<div class="filters">
<label>Status <select id="filter-status"></select></label>
<label>Type <select id="filter-type"></select></label>
<label>Owner <select id="filter-owner"></select></label>
<label>Tag <select id="filter-tag"></select></label>
<label>From <input id="filter-from" type="date"></label>
<label>To <input id="filter-to" type="date"></label>
<label class="check"><input id="filter-pending" type="checkbox"> only pending</label>
<button id="reset" type="button">Reset</button>
</div>
</header>
<main>
<details class="overview" open>
<summary>Overview</summary>
<div class="overview-grid">
<section><h3>Entries per month</h3><ol id="months"></ol></section>
<section><h3>Pending problems</h3><div id="pending-list"></div></section>
</div>
</details>
<p id="count" aria-live="polite">Loading the entries… If this stays, the page is incomplete: build it again with <code>journal-kb build</code> (the records are also in kb.json beside it).</p>
<div id="notice" hidden></div>
<div id="results"></div>
<button id="more" type="button" hidden>Show more</button>
<noscript><p>Search needs JavaScript; the records are in kb.json beside this page.</p></noscript>
</main>`;
}

/**
 * Render the knowledge base as one self-contained HTML page. The same
 * knowledge base and options give the same bytes.
 */
export function renderPage(kb: KnowledgeBase, options: PageOptions = {}): string {
  const sourceUrl = options.sourceUrl ?? '';
  if (sourceUrl !== '') checkSourceUrl(sourceUrl);
  const title = options.title ?? DEFAULT_TITLE;
  const data: PageData = {
    sourceUrl,
    sourceRoot: options.sourceRoot ?? '',
    entries: kb.entries,
  };

  const index = getPageIndex(kb);
  const engine = checkScriptText('MiniSearch', getMiniSearchSource());
  const search = checkScriptText('search', getSearchScript(index));
  const app = checkScriptText('page', getAppScript());
  const worker = options.searchWorker ?? kb.entries.length > WORKER_THRESHOLD;
  const policy = getPolicy([engine, search, app], PAGE_STYLES, worker);

  return `<!DOCTYPE html>
<html lang="en" data-state="loading" data-worker="${worker ? 'on' : 'off'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="journal-kb">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${PAGE_STYLES}</style>
</head>
<body>
${getBodyMarkup(title)}
<script type="application/octet-stream" id="kb-index">${embedData(index.packed)}</script>
<script id="kb-engine">${engine}</script>
<script id="kb-search">${search}</script>
<script>${app}</script>
<script type="application/octet-stream" id="kb-data">${embedData(data)}</script>
</body>
</html>
`;
}
