/**
 * `journal-kb search`: find entries of a built knowledge base. Prints the
 * ranked hits with the text that matched; exits 0 with hits, 1 with none.
 */
import { dirname, join, resolve } from 'node:path';
import { parseCommandArgs, parseInteger, type OptionSpec } from '../args.js';
import { JournalKbError } from '../errors.js';
import { useColor, type MainContext } from '../io.js';
import { loadKnowledgeBase } from '../kb/load.js';
import { makeSnippet, toOneLine, type Snippet } from '../kb/snippet.js';
import { runQuery, type SearchHit } from '../search-index.js';
import { INDEX_FILE, openSearchIndex } from '../kb/index-file.js';

/** Options `search` takes. */
export const SEARCH_OPTIONS: OptionSpec = {
  kb: { type: 'string' },
  json: { type: 'boolean' },
  limit: { type: 'string', short: 'n' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
};

/** Knowledge-base folder when `--kb` is not given. */
export const DEFAULT_KB = 'kb';
/** Hits shown when `--limit` is not given. */
export const DEFAULT_LIMIT = 10;

const HELP = `Usage: journal-kb search <query...> [options]

Search a knowledge base written by \`journal-kb build\`.

Options:
  --kb DIR             folder of kb.json (default: kb), or the file itself
  --json               print the hits as a JSON array, best first
  -n, --limit N        show at most N hits (default: ${DEFAULT_LIMIT})
  --color, --no-color  force highlighting on or off (default: on a terminal)

Exit codes: 0 hits found, 1 no hits, 2 usage error or no usable knowledge base.
`;

/** One hit as `--json` prints it. */
export interface JsonHit {
  path: string;
  title: string;
  score: number;
  id: string;
  date: string;
  status: string;
  /** Line of the matching text in the source file, when known. */
  line?: number;
  /** Field of the matching text, such as `errors`. */
  field?: string;
  snippet?: string;
}

/** A score rounded to 4 decimals, so output does not depend on noise. */
function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/** The JSON form of a hit. */
function toJsonHit(hit: SearchHit, snippet: Snippet | undefined): JsonHit {
  const { entry } = hit;
  const json: JsonHit = {
    path: entry.path,
    title: entry.title,
    score: roundScore(hit.score),
    id: entry.id,
    date: entry.date,
    status: entry.status,
  };
  if (snippet?.line !== undefined) json.line = snippet.line;
  if (snippet) Object.assign(json, { field: snippet.field, snippet: snippet.text });
  return json;
}

/** A snippet's text with its matching words in bold. */
function highlight(snippet: Snippet, color: boolean): string {
  if (!color) return snippet.text;
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.ranges) {
    out += `${snippet.text.slice(at, start)}\u001b[1m${snippet.text.slice(start, end)}\u001b[22m`;
    at = end;
  }
  return out + snippet.text.slice(at);
}

/** Format one hit for the terminal: title, place, and matching text. */
function formatHit(hit: SearchHit, rank: number, color: boolean): string {
  const { entry } = hit;
  const snippet = makeSnippet(hit);
  const place = snippet?.line === undefined ? entry.path : `${entry.path}:${snippet.line}`;
  const facts = [place, entry.date, entry.status].filter((fact) => fact !== '');
  const lines = [
    `${rank}. ${toOneLine(entry.title)}  (score ${roundScore(hit.score)})`,
    `   ${toOneLine(facts.join(' · '))}`,
  ];
  if (snippet) lines.push(`   ${snippet.field}: ${highlight(snippet, color)}`);
  return `${lines.join('\n')}\n`;
}

/** Run `journal-kb search`. */
export async function searchCommand(context: MainContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('search', args, SEARCH_OPTIONS);
  if (values.help) {
    context.stdout.write(HELP);
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (query === '') {
    throw new JournalKbError('USAGE', 'Missing query for `search`, expected words such as `journal-kb search socat` (see `journal-kb search --help`)');
  }
  const limit = parseInteger('search', 'limit', values.limit, 1) ?? DEFAULT_LIMIT;
  const folder = resolve(context.cwd, (values.kb as string | undefined) ?? DEFAULT_KB);
  const { kb, file, text } = await loadKnowledgeBase(folder, context.cwd);

  const index = await openSearchIndex(join(dirname(file), INDEX_FILE), kb, text);
  const byId = new Map(kb.entries.map((entry) => [entry.id, entry]));
  const hits = runQuery(index, byId, query, limit);

  if (values.json) {
    const json = hits.map((hit) => toJsonHit(hit, makeSnippet(hit)));
    context.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (hits.length === 0) {
    const shown = toOneLine(query);
    // A pasted log can be long: name its start, not all of it.
    const cut = shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
    context.stderr.write(`journal-kb: no entry matches \`${cut}\`\n`);
  } else {
    const env = context.env ?? process.env;
    const color = values['no-color'] ? false : (values.color as boolean | undefined) ?? useColor(context.stdout, env);
    context.stdout.write(hits.map((hit, rank) => formatHit(hit, rank + 1, color)).join('\n'));
  }
  return hits.length > 0 ? 0 : 1;
}
