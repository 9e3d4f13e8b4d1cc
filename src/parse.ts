/**
 * Parse stage: one parse per file with remark-parse, remark-frontmatter
 * (YAML) and GFM tables, guarded against input that would overflow the
 * parser's stack.
 *
 * Of GFM, only tables matter to the rules and to extraction, so only the
 * table extension that remark-gfm is made of is used: autolink literals,
 * footnotes, strikethrough and task lists cost a third of the parse time
 * (docs/benchmarks.md) and change nothing that journal-kb reads.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { VFile } from 'vfile';

/** Deepest nesting of block quotes and lists that is parsed. */
export const MAX_NESTING = 200;

/** A unified plugin that adds GFM tables, and nothing else of GFM. */
export function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/** A processor that parses journal Markdown (no transforms). */
export function createParser(): Processor<Root> {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfmTable) as unknown as Processor<Root>;
}

/** A container marker at the start of a line: `>`, `-`, `*`, `+`, `1.`. */
const CONTAINER = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * Estimate how deeply a line nests block quotes and lists: markers at its
 * start, plus indentation (a nested list item is indented by 2 or more).
 */
function lineDepth(line: string): number {
  let rest = line;
  let depth = 0;
  let indent = 0;
  const lead = /^[ \t]*/.exec(rest)?.[0] ?? '';
  for (const char of lead) indent += char === '\t' ? 4 : 1;
  rest = rest.slice(lead.length);
  for (;;) {
    const match = CONTAINER.exec(rest);
    if (!match || match[0].length === 0) break;
    depth++;
    rest = rest.slice(match[0].length);
  }
  return depth + Math.floor(indent / 2);
}

/** The first line nested deeper than `limit`, or 0 when none is. */
export function findTooDeep(text: string, limit = MAX_NESTING): number {
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    if (end - start > limit && lineDepth(text.slice(start, end)) > limit) {
      return line;
    }
    start = end + 1;
  }
  return 0;
}

/** Most emphasis and link markers one paragraph may hold. */
export const MAX_MARKERS = 1000;

/** A line that starts a new block: a list item, a table row, a heading, … */
const BLOCK_START = /^[ \t]*(?:[-*+]\s|\d{1,9}[.)]\s|[|#>])/;

/** Count emphasis and link markers (`*`, `_`, `[`, `]`) in a line. */
function countMarkers(line: string): number {
  let count = 0;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    // `*`, `_`, `[` and `]`.
    if (code === 42 || code === 95 || code === 91 || code === 93) count++;
  }
  return count;
}

/**
 * The first line of a paragraph with more than `limit` emphasis or link
 * markers, or 0 when none has. The parser resolves those markers in time
 * that grows with the square of their number in one paragraph, so such a
 * file would stall the run rather than fail.
 */
export function findTooManyMarkers(text: string, limit = MAX_MARKERS): number {
  const lines = text.split('\n');
  let count = 0;
  let blockStart = 1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      count = 0;
      blockStart = index + 2;
      continue;
    }
    if (BLOCK_START.test(line)) {
      count = 0;
      blockStart = index + 1;
    }
    count += countMarkers(line);
    if (count > limit) return blockStart;
  }
  return 0;
}

/** Add a fatal message to `file` at `line`. */
function fail(file: VFile, reason: string, line: number): void {
  const message = file.message(reason, { line, column: 1 });
  message.fatal = true;
}

/**
 * Parse `file` into a tree, or return `undefined` after adding a fatal
 * message when it nests too deeply, holds a paragraph the parser would
 * take too long on, or overflows the parser.
 */
export function parseFile(
  processor: Processor<Root>,
  file: VFile,
): Root | undefined {
  const text = String(file.value);
  const deep = findTooDeep(text);
  if (deep > 0) {
    fail(
      file,
      `Unexpected nesting deeper than ${MAX_NESTING} levels, expected a shallower list or block quote (not parsed)`,
      deep,
    );
    return undefined;
  }
  const crowded = findTooManyMarkers(text);
  if (crowded > 0) {
    fail(
      file,
      `Unexpected paragraph with more than ${MAX_MARKERS} emphasis or link markers (\`*\`, \`_\`, \`[\`, \`]\`), expected fewer (not parsed)`,
      crowded,
    );
    return undefined;
  }
  try {
    return processor.parse(file);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    fail(file, 'Unexpected structure too deep to parse, expected shallower nesting (not parsed)', 1);
    return undefined;
  }
}
