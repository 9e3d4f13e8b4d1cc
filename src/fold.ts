/**
 * Text folding shared by section matching, the terminal search and the
 * index page, so `Lösung`, `Loesung` and `Losung` meet in one form.
 *
 * The page embeds this same function (see `render`), so page and terminal
 * fold text the same way.
 */

/**
 * Fold `text` for matching: lower case, accents and umlauts removed, `ß`
 * as `ss`, and the digraphs `ae`, `oe`, `ue` read as `a`, `o`, `u`.
 *
 * Self-contained on purpose (no module-level names): the page embeds its
 * source text, `foldText.toString()`.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([aou])e/g, '$1');
}
