/**
 * The tool's version, read once from its package.json (found from this
 * module upward, so it works from `src/` and from `dist/src/`).
 */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The version in package.json. */
export function getVersion(): string {
  if (cached !== undefined) return cached;
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const text = readFileSync(new URL(relative, import.meta.url), 'utf8');
      const json = JSON.parse(text) as { name?: string; version?: string };
      if (json.name === 'journal-kb' && json.version) {
        cached = json.version;
        return cached;
      }
    } catch {
      // Not at this level; try the next one up.
    }
  }
  cached = '0.0.0';
  return cached;
}
