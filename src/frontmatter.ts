/**
 * Front matter: find the YAML block of an entry and parse it once, with
 * positions mapped to lines and columns of the file as stored.
 *
 * Rules and extraction read the result through `getFrontmatter`, which caches
 * it on `file.data`, so every consumer shares one YAML parse.
 */
import type { Root, Yaml } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import {
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';

/** How the front matter of a file stands. */
export type FrontmatterKind =
  | 'ok'
  | 'missing'
  | 'unclosed'
  | 'misplaced'
  | 'empty'
  | 'invalid'
  | 'not-mapping';

/** A problem found while parsing the YAML, at a place in the file. */
export interface YamlProblem {
  message: string;
  code: string;
  position: Position;
}

/** One key of the front matter with its places in the file. */
export interface FrontmatterField {
  key: string;
  value: unknown;
  /** Where the key stands. */
  keyPosition: Position;
  /** Where the value stands; at the end of the key when the value is empty. */
  valuePosition: Position;
}

/** The front matter of one file. */
export interface Frontmatter {
  kind: FrontmatterKind;
  /** Where the whole block stands (fences included), when there is one. */
  position?: Position;
  /** Parsed keys and values, when `kind` is `ok`. */
  data: Record<string, unknown>;
  /** Fields by key, in file order, when `kind` is `ok`. */
  fields: Map<string, FrontmatterField>;
  /** YAML syntax problems, when `kind` is `invalid`. */
  problems: YamlProblem[];
  /** The YAML document, when one was parsed. */
  document?: Document;
}

declare module 'vfile' {
  interface DataMap {
    frontmatter: Frontmatter;
  }
}

/** Lines that open or close a YAML front-matter block. */
const FENCE = /^---[ \t]*$/;
/** A line that looks like a YAML key, as front matter starts with one. */
const KEY_LINE = /^[ \t]*[\p{L}\p{N}_"'-][^:\n]*:(?:[ \t]|$)/u;

/** An empty result of the given kind. */
function empty(kind: FrontmatterKind, position?: Position): Frontmatter {
  const result: Frontmatter = {
    kind,
    data: {},
    fields: new Map(),
    problems: [],
  };
  if (position) result.position = position;
  return result;
}

/** A position that covers one whole line. */
function linePosition(line: number, text: string): Position {
  return {
    start: { line, column: 1 },
    end: { line, column: text.length + 1 },
  };
}

/** Split text into lines, keeping `\r` out of them. */
function splitLines(text: string): string[] {
  return text.split(/\r?\n|\r/);
}

/**
 * Classify a file that has no front-matter node: missing, unclosed,
 * or misplaced (blank lines or other text before it).
 */
function classifyWithoutNode(text: string): Frontmatter {
  const lines = splitLines(text);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return empty('missing');
  const opening = lines[first] ?? '';
  if (!FENCE.test(opening) || !KEY_LINE.test(lines[first + 1] ?? '')) {
    return empty('missing');
  }
  const closing = lines.findIndex(
    (line, index) => index > first && FENCE.test(line),
  );
  if (closing === -1) {
    return empty('unclosed', linePosition(first + 1, opening));
  }
  if (first > 0) {
    const end = lines[closing] ?? '';
    return empty('misplaced', {
      start: { line: first + 1, column: 1 },
      end: { line: closing + 1, column: end.length + 1 },
    });
  }
  return empty('missing');
}

/** Map an offset in the YAML text to a point in the file. */
function toPoint(counter: LineCounter, offset: number, firstLine: number): Point {
  const { line, col } = counter.linePos(offset);
  return { line: firstLine + line - 1, column: col };
}

/** Map a YAML node's range to a position in the file. */
function rangePosition(
  node: YamlNode | null | undefined,
  counter: LineCounter,
  firstLine: number,
  fallback: Point,
): Position {
  const range = node?.range;
  if (!range) return { start: fallback, end: fallback };
  return {
    start: toPoint(counter, range[0], firstLine),
    end: toPoint(counter, range[1], firstLine),
  };
}

/** Collect the fields of a mapping with their places. */
function collectFields(
  document: Document,
  counter: LineCounter,
  firstLine: number,
): Map<string, FrontmatterField> {
  const fields = new Map<string, FrontmatterField>();
  const contents = document.contents;
  if (!isMap(contents)) return fields;
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keyPosition = rangePosition(keyNode, counter, firstLine, {
      line: firstLine,
      column: 1,
    });
    const valueNode = pair.value as YamlNode | null;
    const valuePosition = valueNode?.range
      ? rangePosition(valueNode, counter, firstLine, keyPosition.end)
      : { start: keyPosition.end, end: keyPosition.end };
    const value = valueNode ? valueNode.toJSON() : null;
    fields.set(key, { key, value, keyPosition, valuePosition });
  }
  return fields;
}

/** Parse the YAML of a front-matter node into a `Frontmatter`. */
export function parseFrontmatterNode(node: Yaml): Frontmatter {
  const position = node.position;
  const firstLine = (position?.start.line ?? 1) + 1;
  if (node.value.trim() === '') return empty('empty', position);
  const counter = new LineCounter();
  const document = parseDocument(node.value, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
  });
  const result = empty('ok', position);
  result.document = document;
  if (document.errors.length > 0) {
    result.kind = 'invalid';
    result.problems = document.errors.map((error) => ({
      message: firstSentence(error.message),
      code: error.code,
      position: {
        start: toPoint(counter, error.pos[0], firstLine),
        end: toPoint(counter, error.pos[1], firstLine),
      },
    }));
    return result;
  }
  if (!isMap(document.contents)) {
    result.kind = 'not-mapping';
    return result;
  }
  result.fields = collectFields(document, counter, firstLine);
  for (const [key, field] of result.fields) {
    // Define, not assign: a `__proto__` key must stay a plain key.
    Object.defineProperty(result.data, key, {
      value: field.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/** The first line of a YAML error message, without its trailing period. */
function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/** Find the front-matter node of a tree: only a first child counts. */
function findYamlNode(tree: Root): Yaml | undefined {
  const first = tree.children[0];
  return first?.type === 'yaml' ? first : undefined;
}

/**
 * Get the front matter of `file`, parsing it on first use and caching the
 * result on `file.data.frontmatter`.
 */
export function getFrontmatter(tree: Root, file: VFile): Frontmatter {
  const cached = file.data.frontmatter;
  if (cached) return cached;
  const node = findYamlNode(tree);
  const result = node
    ? parseFrontmatterNode(node)
    : classifyWithoutNode(String(file.value ?? ''));
  file.data.frontmatter = result;
  return result;
}

/**
 * The offsets into `String(file.value)` that `position` spans, for fixes.
 * The byte order mark is not in `file.value`, so it shifts nothing.
 */
export function getRange(file: VFile, position: Position): [number, number] {
  const place = location(file);
  const start = place.toOffset(position.start) ?? 0;
  const end = place.toOffset(position.end) ?? start;
  return [start, end];
}

/** The line ending a file uses (its first one), so inserts keep it. */
export function getLineEnding(file: VFile): string {
  const match = /\r\n|\n|\r/.exec(String(file.value ?? ''));
  return match ? match[0] : '\n';
}

/**
 * The field `key` of the front matter, for rules that check one value:
 * `undefined` when the block is unusable (`frontmatter-present` and
 * `frontmatter-yaml` report that) or lacks the key (a required-keys
 * message).
 */
export function getField(
  tree: Root,
  file: VFile,
  key: string,
): FrontmatterField | undefined {
  const frontmatter = getFrontmatter(tree, file);
  return frontmatter.kind === 'ok' ? frontmatter.fields.get(key) : undefined;
}
