import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixResults, fixVFile, matchLineEndings, MAX_PASSES } from '../src/fix.js';
import { fromText } from '../src/read.js';
import { createTestLinter, tempFolder } from './fix-helpers.js';

const NAME = '2026-01-15_Test.md';

/** Fix `text` (as stored, BOM included) with the test rule. */
async function fixText(text: string, name = NAME) {
  const folder = tempFolder();
  const linter = createTestLinter(folder);
  const file = fromText(new VFile({ path: name }), text);
  const entry = { path: name, absolute: join(folder, name) };
  return fixVFile(linter, file, entry);
}

describe('applyFixes', () => {
  it('applies fixes in range order whatever order they come in', () => {
    const out = applyFixes('abcdef', [
      { range: [4, 5], text: 'E' },
      { range: [0, 1], text: 'A' },
    ]);
    expect(out.output).toBe('AbcdEf');
    expect(out.applied.map((fix) => fix.text)).toEqual(['A', 'E']);
  });

  it('skips a fix that overlaps or touches an applied one', () => {
    const out = applyFixes('abcdef', [
      { range: [1, 3], text: 'X' },
      { range: [2, 4], text: 'Y' },
      { range: [3, 3], text: 'Z' },
      { range: [5, 6], text: 'F' },
    ]);
    expect(out.output).toBe('aXdeF');
    expect(out.skipped.map((fix) => fix.text)).toEqual(['Y', 'Z']);
  });

  it('ignores a fix whose range lies outside the text', () => {
    const out = applyFixes('abc', [{ range: [2, 9], text: 'X' }, { range: [-1, 0], text: 'Y' }]);
    expect(out.output).toBe('abc');
    expect(out.applied).toEqual([]);
  });

  it('inserts at one place and deletes a range', () => {
    const out = applyFixes('abc', [{ range: [0, 0], text: '>' }, { range: [2, 3], text: '' }]);
    expect(out.output).toBe('>ab');
  });

  it('writes inserted line breaks as the file does', () => {
    expect(matchLineEndings('a\r\nb\r\n', 'x\ny\n')).toBe('x\r\ny\r\n');
    expect(matchLineEndings('a\nb\n', 'x\ny\n')).toBe('x\ny\n');
    const out = applyFixes('---\r\na: 1\r\n---\r\n', [{ range: [11, 11], text: 'b: 2\n' }]);
    expect(out.output).toBe('---\r\na: 1\r\nb: 2\r\n---\r\n');
  });
});

describe('fixVFile', () => {
  it('rewrites a German date and keeps every other byte', async () => {
    const text = '---\ntype: Journal  \nstatus: ACTIVE\ndate: 15.01.2026\n---\n\n# T \n';
    const outcome = await fixText(text);
    expect(outcome.output).toBe('---\ntype: Journal  \nstatus: ACTIVE\ndate: 2026-01-15\n---\n\n# T \n');
    expect(outcome.changed).toBe(true);
    expect(outcome.fixCount).toBe(1);
    expect(outcome.linted.result.messages).toEqual([]);
  });

  it('applies overlapping-free fixes of several messages and repeats passes', async () => {
    const text = '---\r\nstatus: COMPLETED\r\n---\r\n# T\r\n';
    const outcome = await fixText(text);
    // Pass 1 fixes the status and inserts the date from the file name.
    expect(outcome.output).toBe('---\r\nstatus: ARCHIVED\r\ndate: 2026-01-15\r\n---\r\n# T\r\n');
    expect(outcome.fixCount).toBe(2);
    expect(outcome.passes).toBe(2);
    expect(outcome.linted.result.errorCount).toBe(0);
  });

  it('keeps a byte order mark out of offsets and on the file', async () => {
    const text = '---\ndate: 2026-1-5\n---\n';
    const file = fromText(new VFile({ path: NAME }), `\uFEFF${text}`);
    expect(file.data.bom).toBe(true);
    const folder = tempFolder();
    const outcome = await fixVFile(createTestLinter(folder), file, { path: NAME, absolute: join(folder, NAME) });
    expect(outcome.output).toBe('---\ndate: 2026-01-05\n---\n');
    expect(outcome.linted.file.data.bom).toBe(true);
  });

  it('changes nothing on a second run', async () => {
    const first = await fixText('---\nstatus: COMPLETED\ndate: 6.3.2026\n---\n');
    const second = await fixText(first.output);
    expect(second.changed).toBe(false);
    expect(second.output).toBe(first.output);
  });

  it('reports what remains when a message has no fix', async () => {
    const outcome = await fixText('---\nstatus: ACTIVE\n---\n', 'no-date-in-name.md');
    expect(outcome.changed).toBe(false);
    expect(outcome.linted.result.messages.map((m) => m.message)).toEqual([
      'Unexpected missing `date`, expected one',
    ]);
  });

  it('stops after at most MAX_PASSES passes', async () => {
    expect(MAX_PASSES).toBe(10);
    const outcome = await fixText('---\ndate: 1.2.2026\n---\n');
    expect(outcome.passes).toBeLessThanOrEqual(MAX_PASSES + 1);
  });
});

describe('fixResults', () => {
  it('writes fixed files with BOM and CRLF kept, and leaves unfixable ones alone', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'j'));
    const fixable = join(folder, 'j', NAME);
    const binary = join(folder, 'j', '2026-01-16_Binary.md');
    writeFileSync(fixable, '\uFEFF---\r\nstatus: COMPLETED\r\ndate: 2026-01-15\r\n---\r\n\r\nBody  \r\n');
    writeFileSync(binary, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]));
    const linter = createTestLinter(folder);
    const entries = [
      { path: `j/${NAME}`, absolute: fixable },
      { path: 'j/2026-01-16_Binary.md', absolute: binary },
    ];
    const results = [];
    for (const entry of entries) results.push((await linter.lintFile(entry)).result);
    expect(results[1]!.fatalErrorCount).toBe(1);

    const summary = await fixResults(results, linter);
    expect(summary.written).toEqual([`j/${NAME}`]);
    expect(summary.fixCount).toBe(1);
    expect(readFileSync(fixable, 'utf8')).toBe(
      '\uFEFF---\r\nstatus: ARCHIVED\r\ndate: 2026-01-15\r\n---\r\n\r\nBody  \r\n',
    );
    expect([...readFileSync(binary)]).toEqual([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]);
    expect(summary.results.map((result) => result.errorCount)).toEqual([0, 1]);
  });
});
