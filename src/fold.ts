/**
 * Text folding shared by section matching, the terminal search and the
 * index page, so `Lösung`, `Loesung` and `Losung` meet in one form.
 *
 * The page embeds this same function (see `render`), so page and terminal
 * fold text the same way.
 */

/** Fold German digraphs written for umlauts: `ae`, `oe`, `ue`. */
const DIGRAPH = /([aou])e/g;

/**
 * Fold `text` for matching: lower case, accents and umlauts removed, `ß`
 * as `ss`, and the digraphs `ae`, `oe`, `ue` read as `a`, `o`, `u`.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(DIGRAPH, '$1');
}
