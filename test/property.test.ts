/**
 * Property tests over every Markdown file of the corpus, as stored and with
 * CRLF line endings, a byte order mark and trailing spaces: migrate and
 * `--fix` are idempotent and leave every byte outside their edits alone.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { planMigration } from '../src/commands/migrate.js';
import { loadSetup } from '../src/context.js';
import { applyFixes, fixVFile, toStoredText } from '../src/fix.js';
import { createLinter } from '../src/lint.js';
import { fromBytes } from '../src/read.js';
import type { Fix } from '../src/rule.js';
import { tempFolder } from './fix-helpers.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

/** Every Markdown file under `folder`, relative paths, sorted. */
function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  for (const item of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (item.isFile() && item.name.endsWith('.md')) found.push(relative(CORPUS, join(item.parentPath, item.name)));
  }
  return found.sort();
}

const FILES = markdownFiles(CORPUS);
const TEXTS = FILES.map((path) => readFileSync(join(CORPUS, path), 'utf8'));

/** How a corpus file is varied. */
interface Variant {
  index: number;
  crlf: boolean;
  bom: boolean;
  /** Lines that get trailing spaces. */
  trailing: number[];
}

const variants = fc.record({
  index: fc.nat({ max: FILES.length - 1 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  trailing: fc.array(fc.nat({ max: 40 }), { maxLength: 4 }),
});

/** The stored text of a variant (byte order mark included). */
function storedText(variant: Variant): string {
  let lines = TEXTS[variant.index]!.split('\n');
  lines = lines.map((line, number) => (variant.trailing.includes(number) && line !== '' ? `${line}   ` : line));
  const text = lines.join(variant.crlf ? '\r\n' : '\n');
  return variant.bom ? `\uFEFF${text}` : text;
}

/** The VFile the read stage makes of a variant, under its corpus name. */
function readVariant(variant: Variant, stored = storedText(variant)): VFile {
  return fromBytes(FILES[variant.index]!.split('/').pop()!, new TextEncoder().encode(stored));
}

/** The stored text of a file after `migrate --write`, or as it was. */
function migrated(file: VFile, stored: string): string {
  const migration = planMigration(file, { status: 'ARCHIVED', owner: 'Unknown' });
  if (migration === undefined || migration === 'unreadable') return stored;
  return toStoredText(file, migration.output);
}

describe('migrate over the corpus', () => {
  it('only inserts a block at the top, in the file’s line endings, and a second run changes nothing', { timeout: 300_000 }, () => {
    expect(FILES.length).toBeGreaterThanOrEqual(40);
    fc.assert(
      fc.property(variants, (variant) => {
        const stored = storedText(variant);
        const once = migrated(readVariant(variant, stored), stored);
        const body = variant.bom ? stored.slice(1) : stored;
        expect(once.endsWith(body)).toBe(true);
        expect(once.startsWith('\uFEFF')).toBe(variant.bom);
        const block = once.slice(variant.bom ? 1 : 0, once.length - body.length);
        if (block !== '') {
          expect(block.startsWith(variant.crlf ? '---\r\n' : '---\n')).toBe(true);
          expect(block.replace(/\r\n/g, '').includes('\n')).toBe(!variant.crlf);
        }
        expect(migrated(readVariant(variant, once), once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

describe('applyFixes', () => {
  it('keeps every byte outside the applied ranges and applies no two that touch', () => {
    const cases = fc.record({
      index: fc.nat({ max: FILES.length - 1 }),
      fixes: fc.array(fc.record({ start: fc.nat({ max: 3000 }), length: fc.nat({ max: 30 }), text: fc.string({ maxLength: 8 }) }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(cases, ({ index, fixes }) => {
        const text = TEXTS[index]!;
        const given: Fix[] = fixes
          .filter((f) => f.start + f.length <= text.length)
          .map((f) => ({ range: [f.start, f.start + f.length], text: f.text }));
        const { output, applied, skipped } = applyFixes(text, given);
        expect(applied.length + skipped.length).toBe(given.length);
        let position = 0;
        let last = -1;
        let rest = output;
        for (const fix of applied) {
          expect(fix.range[0]).toBeGreaterThan(last);
          last = fix.range[1];
          const kept = text.slice(position, fix.range[0]);
          expect(rest.startsWith(kept + fix.text)).toBe(true);
          rest = rest.slice(kept.length + fix.text.length);
          position = fix.range[1];
        }
        expect(rest).toBe(text.slice(position));
        for (const fix of skipped) {
          expect(applied.some((a) => fix.range[0] <= a.range[1] && a.range[0] <= fix.range[1])).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('lint --fix over the corpus', () => {
  const folder = tempFolder();
  writeFileSync(
    join(folder, '.journalkbrc.yaml'),
    'rules:\n  frontmatter-status: [error, { aliases: { COMPLETED: ARCHIVED }, enforceSpelling: true }]\n  frontmatter-type: [error, { enforceSpelling: true }]\n',
  );
  const { config, registry } = loadSetup(folder);
  const linter = createLinter(config, registry);

  /** Fix a stored text; returns the stored result and the front matter's end. */
  async function fixStored(variant: Variant, stored: string) {
    const file = readVariant(variant, stored);
    const name = file.path;
    const outcome = await fixVFile(linter, file, { path: name, absolute: join(folder, name) });
    return { stored: toStoredText(outcome.linted.file, outcome.output), outcome };
  }

  it('is idempotent, keeps BOM, line endings and the body, and leaves no fix behind', { timeout: 300_000 }, async () => {
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(variants, async (variant) => {
        const stored = storedText(variant);
        const first = await fixStored(variant, stored);
        const second = await fixStored(variant, first.stored);
        expect(second.stored).toBe(first.stored);
        expect(second.outcome.changed).toBe(false);
        if (first.outcome.changed) changed++;
        expect(first.outcome.linted.result.messages.filter((m) => m.fix)).toEqual([]);
        expect(first.stored.startsWith('\uFEFF')).toBe(variant.bom);
        if (variant.crlf) expect(/(^|[^\r])\n/.test(first.stored)).toBe(false);
        // Fixes touch only the front matter: what follows its closing fence is unchanged.
        const fence = /\r?\n---[ \t]*\r?\n/.exec(stored);
        if (fence && stored.startsWith(variant.bom ? '\uFEFF---' : '---')) {
          const after = stored.slice(fence.index + fence[0].length);
          expect(first.stored.endsWith(after)).toBe(true);
        } else {
          expect(first.stored).toBe(stored);
        }
      }),
      { numRuns: 80 },
    );
    // 25 of the 40-odd files have a fixable `date` or status, so some runs fix.
    expect(changed).toBeGreaterThan(0);
  });
});
