/**
 * A test-only fixing rule and a linter built around it, so the `--fix`
 * engine is tested apart from the real front-matter rules.
 */
import { chmodSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import { loadConfig } from '../src/config.js';
import { dateFromFileName, toIsoDate } from '../src/dates.js';
import { getFrontmatter } from '../src/frontmatter.js';
import { createLinter, type Linter } from '../src/lint.js';
import { validateRuleOptions } from '../src/options.js';
import { defineRule, report, type Rule } from '../src/rule.js';
import type { Point } from 'unist';

/** Offset of a point in the file's text. */
function offset(file: VFile, point: Point): number {
  return location(file).toOffset(point) ?? 0;
}

/**
 * `test-fix`: rewrites a `date` to ISO form, `COMPLETED` to `ARCHIVED`, and
 * inserts `date` from the file name before the closing fence.
 */
export const testFixRule = defineRule(
  {
    id: 'test-fix',
    description: 'Require an ISO `date` and no `COMPLETED` status (test only)',
    defaultSeverity: 'error',
    fixable: true,
    defaults: {},
    schema: { type: 'object' },
  },
  (tree, file) => {
    const frontmatter = getFrontmatter(tree, file);
    if (frontmatter.kind !== 'ok' || !frontmatter.position) return;
    const date = frontmatter.fields.get('date');
    if (date && typeof date.value === 'string') {
      const iso = toIsoDate(date.value);
      if (iso && iso !== date.value) {
        const range: [number, number] = [
          offset(file, date.valuePosition.start),
          offset(file, date.valuePosition.end),
        ];
        report(file, `Unexpected date \`${date.value}\`, expected \`${iso}\``, date.valuePosition, { range, text: iso });
      }
    }
    if (!date) {
      const fromName = dateFromFileName(file.basename ?? '');
      const closing = offset(file, { line: frontmatter.position.end.line, column: 1 });
      const fix = fromName ? { range: [closing, closing] as [number, number], text: `date: ${fromName}\n` } : undefined;
      report(file, 'Unexpected missing `date`, expected one', frontmatter.position, fix);
    }
    const status = frontmatter.fields.get('status');
    if (status && status.value === 'COMPLETED') {
      const range: [number, number] = [
        offset(file, status.valuePosition.start),
        offset(file, status.valuePosition.end),
      ];
      report(file, 'Unexpected status `COMPLETED`, expected `ARCHIVED`', status.valuePosition, { range, text: 'ARCHIVED' });
    }
  },
) as unknown as Rule;

/** A linter that runs only `testFixRule`, configured from `cwd`. */
export function createTestLinter(cwd: string): Linter {
  const registry = [testFixRule];
  const config = loadConfig({ cwd, registry, validateOptions: validateRuleOptions });
  return createLinter(config, registry);
}

/** A fresh temporary folder. */
export function tempFolder(prefix = 'journal-kb-fix-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copy the corpus's `meldestelle` folder into a new temporary folder. */
export function copyCorpus(): string {
  const folder = tempFolder('journal-kb-corpus-');
  const source = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'meldestelle');
  cpSync(source, folder, { recursive: true });
  makeWritable(folder);
  return folder;
}

/** Make a copied tree writable: the corpus is stored read-only. */
function makeWritable(folder: string): void {
  chmodSync(folder, 0o755);
  for (const item of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, item.name);
    if (item.isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
}
