/**
 * Links from one entry to others: relative links to Markdown files,
 * resolved against the entry's folder into entry ids.
 */
import { posix } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** A URL with a scheme (`https:`, `mailto:`) or protocol-relative. */
const ABSOLUTE = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** The entry id a link target names, relative to `path`, if any. */
export function resolveLink(path: string, url: string): string | undefined {
  if (url === '' || ABSOLUTE.test(url) || url.startsWith('/') || url.startsWith('#')) {
    return undefined;
  }
  const target = url.split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  if (!decoded.toLowerCase().endsWith('.md')) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(path), decoded));
  return joined.slice(0, -'.md'.length);
}

/**
 * Read the ids of entries an entry links to (links and link definitions),
 * sorted, without repeats and without the entry itself.
 */
export function readLinks(tree: Root, path: string, id: string): string[] {
  const ids = new Set<string>();
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const target = resolveLink(path, node.url);
    if (target !== undefined && target !== id) ids.add(target);
  });
  return [...ids].sort();
}
