/**
 * Property tests of extraction over the corpus: line endings and a byte
 * order mark change no record, every line a record names lies inside the
 * file, and entries stitched from random corpus lines never break it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSetup } from '../src/context.js';
import { createExtractOptions } from '../src/kb/build.js';
import { extractEntry } from '../src/kb/extract.js';
import type { Entry } from '../src/kb/types.js';
import { createLinter } from '../src/lint.js';
import { fromBytes } from '../src/read.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'meldestelle');
const FILES = readdirSync(CORPUS, { withFileTypes: true, recursive: true })
  .filter((item) => item.isFile() && /^\d{4}-\d{2}-\d{2}_.*\.md$/.test(item.name))
  .map((item) => relative(CORPUS, join(item.parentPath, item.name)))
  .sort();
const TEXTS = FILES.map((path) => readFileSync(join(CORPUS, path), 'utf8'));
const LINES = TEXTS.flatMap((text) => text.split('\n'));

const { config, registry } = loadSetup(CORPUS);
const linter = createLinter(config, registry);
const options = createExtractOptions(config);

/** Extract the record of `text` stored under `path`. */
async function extract(path: string, text: string): Promise<Entry> {
  const file = fromBytes(path.split('/').pop()!, new TextEncoder().encode(text));
  const { tree } = await linter.lintVFile(file, { path, absolute: join(CORPUS, path) });
  if (!tree) throw new Error(`${path} was not parsed`);
  return extractEntry(tree, file, path, options);
}

/** Every line a record names. */
function linesOf(entry: Entry): number[] {
  return [
    ...entry.cases.map((item) => item.line),
    ...entry.attempts.map((item) => item.line),
    ...entry.errors.map((item) => item.line),
    ...entry.learned.map((item) => item.line),
  ];
}

describe('extraction properties', () => {
  it('gives the same record with CRLF line endings and a byte order mark', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: FILES.length - 1 }), fc.boolean(), async (index, bom) => {
        const text = TEXTS[index]!;
        const variant = `${bom ? '\uFEFF' : ''}${text.split('\n').join('\r\n')}`;
        expect(await extract(FILES[index]!, variant)).toEqual(await extract(FILES[index]!, text));
      }),
      { numRuns: 40 },
    );
  });

  it('names only lines inside the file, for entries stitched from corpus lines', async () => {
    const stitched = fc.array(fc.nat({ max: LINES.length - 1 }), { minLength: 1, maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(stitched, async (picks) => {
        const text = picks.map((pick) => LINES[pick]).join('\n');
        const entry = await extract('2026-01-01_Stitched.md', text);
        const count = text.split('\n').length;
        for (const line of linesOf(entry)) {
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(count);
        }
      }),
      { numRuns: 150 },
    );
  });
});
