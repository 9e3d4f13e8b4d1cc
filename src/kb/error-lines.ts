/**
 * Error messages an entry quotes: lines of code blocks and inline code that
 * look like tool output (`E: …`, `Error: …`, exceptions, HTTP status lines,
 * `Permission denied`), and inline code that the prose introduces as one
 * (`Der Fehler \`…\``), so a pasted error finds the entry that saw it.
 */
import type { Code, InlineCode, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { TextRef } from './types.js';
import { lineOf, startOf } from './source.js';

/** Shapes of tool output that report an error. */
const ERROR_PATTERNS: readonly RegExp[] = [
  // apt, dpkg and friends: `E: Unable to locate package socat`.
  /^(?:E|W|F): \S/,
  // `Error: …`, `error[E0425]: …`, `ERROR: …`, `npm ERR! …`, `fatal: …`.
  /^(?:[\w.-]+: )?(?:error|fatal|panic)(?:\[[\w-]+\])?:\s*\S/i,
  /^npm ERR!/,
  /\berror (?:TS|CS)\d+\b/,
  // Exceptions and errors by class name: `java.lang.X: …`, `TypeError: …`.
  // A bare class name in prose (`WebWorkerException`) is not output.
  /^(?:Caused by: |Exception in thread "[^"]*" )?(?:[\w$]+\.)+[A-Z][\w$]*(?:Exception|Error)\b(?::|$)/,
  /^(?:Caused by: )?[A-Z][\w$]*(?:Exception|Error): \S/,
  /^Traceback \(most recent call last\)/,
  // HTTP status lines: `HTTP/1.1 502 Bad Gateway`, `401 Unauthorized`.
  /^HTTP\/\d(?:\.\d)? [45]\d\d\b/,
  /^[45]\d\d (?:[A-Z][a-z]+)(?: [A-Z][a-z]+)*\b/,
  // Messages of the system and shells.
  /\bPermission denied\b/,
  /\bNo such file or directory\b/,
  /\bcommand not found\b/,
  /\bConnection refused\b/i,
  // Tool messages quoted in prose: `… was not found`, `… failed to …`.
  /\bnot found\b/i,
  /\bfailed to \w/i,
  /^(?:Timeout|Timed out)\s+\w+/,
  /^(?:BUILD FAILED|FAILURE: )/,
];

/** Languages of code blocks that hold output rather than source code. */
const OUTPUT_LANGUAGES = new Set([
  '',
  'text',
  'txt',
  'plain',
  'plaintext',
  'log',
  'console',
  'output',
  'shell',
  'sh',
  'bash',
  'shell-session',
  'ansi',
]);

/** Whether one line of text looks like an error message. */
export function isErrorLine(text: string): boolean {
  const line = text.trim();
  if (line === '' || line.length > 500) return false;
  return ERROR_PATTERNS.some((pattern) => pattern.test(line));
}

/** Whether a code block is fenced (its text starts a line after the fence). */
function isFenced(file: VFile, node: Code): boolean {
  const text = String(file.value ?? '');
  const start = startOf(node);
  const lead = text.slice(start, start + 3);
  return lead === '```' || lead === '~~~';
}

/** Error lines of a code block with their lines in the file. */
function errorsOfCode(file: VFile, node: Code): TextRef[] {
  if (!OUTPUT_LANGUAGES.has((node.lang ?? '').toLowerCase())) return [];
  const first = lineOf(node) + (isFenced(file, node) ? 1 : 0);
  const found: TextRef[] = [];
  node.value.split(/\r?\n/).forEach((line, index) => {
    if (isErrorLine(line)) found.push({ text: line.trim(), line: first + index });
  });
  return found;
}

/**
 * Prose that introduces a quoted message: `Der Fehler`, `Laufzeitfehler`,
 * `Fehlermeldung:`, `the error`, `die Meldung`, right before the code span.
 */
const INTRODUCED = /(?:fehler|fehlermeldung|meldung|error|message|exception)\s*:?\s*$/i;

/**
 * Whether an inline code span quotes a message: it looks like one, or the
 * prose right before it says it is one and it reads as a sentence (three
 * words or more, so `Der Fehler \`null\`` is no message).
 */
function isQuotedError(node: InlineCode, before: string): boolean {
  if (isErrorLine(node.value)) return true;
  const words = node.value.trim().split(/\s+/).length;
  return words >= 3 && node.value.length <= 500 && INTRODUCED.test(before);
}

/** The error line of an inline code span, if it is one; `before` is the text just before it. */
function errorsOfInline(node: InlineCode, before: string): TextRef[] {
  if (!isQuotedError(node, before)) return [];
  return [{ text: node.value.trim(), line: lineOf(node) }];
}

/** Read the error messages an entry quotes, the first of each text only. */
export function readErrors(file: VFile, tree: Root): TextRef[] {
  const seen = new Set<string>();
  const found: TextRef[] = [];
  visit(tree, (node, index, parent) => {
    let refs: TextRef[] = [];
    if (node.type === 'code') refs = errorsOfCode(file, node);
    else if (node.type === 'inlineCode') {
      const previous = index === undefined ? undefined : parent?.children[index - 1];
      refs = errorsOfInline(node, previous?.type === 'text' ? previous.value : '');
    }
    for (const ref of refs) {
      if (seen.has(ref.text)) continue;
      seen.add(ref.text);
      found.push(ref);
    }
  });
  return found;
}
