/**
 * Putting text into the page safely: HTML escaping for the few places the
 * page's markup holds a value, data blocks that cannot end their element,
 * and the hashes the Content-Security-Policy lists.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { JournalKbError } from '../errors.js';

/** Escape text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text of a data block the page reads back (`<script type="application/
 * octet-stream">`): the value's JSON with every character outside ASCII
 * written as a `\u` escape, compressed with raw DEFLATE, in base64.
 *
 * - Compressed, the page is a fifth of its JSON size, and the browser reads
 *   it that much sooner.
 * - ASCII, the inflated bytes decode to a one-byte string, four times as
 *   fast as UTF-8 with umlauts in it, and `JSON.parse` reads it faster.
 * - Base64 has no `<`, so nothing from an entry can end or bend the element.
 * - zlib gives the same bytes for the same text.
 */
export function embedData(value: unknown): string {
  const json = JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return deflateRawSync(Buffer.from(json, 'latin1')).toString('base64');
}

/** The value of a data block written by `embedData` (for tests and tools). */
export function readData(text: string): unknown {
  return JSON.parse(inflateRawSync(Buffer.from(text, 'base64')).toString('utf8'));
}

/**
 * Check that script source can sit inside a `<script>` element as is:
 * `</script` would end it early and `<!--` changes how it is parsed.
 */
export function checkScriptText(name: string, text: string): string {
  const found = /<\/script|<!--/i.exec(text);
  if (found !== null) {
    throw new JournalKbError(
      'INTERNAL',
      `Unexpected \`${found[0]}\` in the ${name} script, expected none (it would end the inline script)`,
    );
  }
  return text;
}

/** The CSP source that allows exactly this inline text: `'sha256-…'`. */
export function getCspHash(text: string): string {
  const digest = createHash('sha256').update(text, 'utf8').digest('base64');
  return `'sha256-${digest}'`;
}

/**
 * Names a test runner gives imported bindings when it rewrites a module
 * (vite's SSR transform writes `foldText(x)` as
 * `(0, __vite_ssr_import_1__.foldText)(x)`).
 */
const REWRITTEN_IMPORT =
  /\(0\s*,\s*__(?:vite_ssr_import|vi_import)_\d+__\.([A-Za-z_$][\w$]*)\)|__(?:vite_ssr_import|vi_import)_\d+__\.([A-Za-z_$][\w$]*)/g;

/**
 * The source text of a function the page embeds. The page defines every
 * function it embeds side by side, so a call through a rewritten import is
 * read back as the plain name; compiled code (`tsc`) has none to read.
 */
export function getFunctionSource(fn: (...args: never[]) => unknown): string {
  return fn
    .toString()
    .replace(REWRITTEN_IMPORT, (_, called: string | undefined, named: string | undefined) => called ?? named ?? '');
}
