/**
 * The suppressions baseline: fingerprints that survive lines moving, a
 * deterministic file, and a team adopting the tool on the corpus.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintMessage } from '../src/result.js';
import {
  countSuppressions,
  fingerprint,
  getFlaggedText,
  serializeSuppressions,
  SUPPRESSIONS_FILE,
  type Suppressions,
} from '../src/suppressions.js';
import { copyCorpus } from './fix-helpers.js';
import { makeTempDir, run } from './helpers/cli.js';

/** A lint message at a place. */
function message(line: number, column: number, endLine?: number, endColumn?: number): LintMessage {
  const result: LintMessage = { ruleId: 'r', severity: 2, message: 'm', line, column };
  if (endLine !== undefined) result.endLine = endLine;
  if (endColumn !== undefined) result.endColumn = endColumn;
  return result;
}

/** Read a baseline file. */
function readBaseline(path: string): Suppressions {
  return JSON.parse(readFileSync(path, 'utf8')) as Suppressions;
}

/** Replace `from` by `to` in a file of `cwd`, checking it was there. */
function edit(cwd: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(cwd, path), 'utf8');
  expect(text, `${path} holds ${from}`).toContain(from);
  writeFileSync(join(cwd, path), text.replace(from, to));
}

describe('fingerprints', () => {
  it('take the flagged text on the first line, or the whole line without an end', () => {
    const lines = ['---', 'status:   COMPLETED  ', '---'];
    expect(getFlaggedText(lines, message(2, 9, 2, 21))).toBe('COMPLETED');
    expect(getFlaggedText(lines, message(2, 1))).toBe('status: COMPLETED');
    expect(getFlaggedText(lines, message(1, 1, 3, 4))).toBe('---');
    expect(getFlaggedText(lines, message(1, 1, 1, 1))).toBe('');
  });

  it('do not depend on the line number', () => {
    const moved = ['', '', 'status: COMPLETED'];
    const first = fingerprint('r', 'm', getFlaggedText(['status: COMPLETED'], message(1, 9, 1, 18)));
    expect(fingerprint('r', 'm', getFlaggedText(moved, message(3, 9, 3, 18)))).toBe(first);
    expect(fingerprint('other', 'm', 'COMPLETED')).not.toBe(fingerprint('r', 'm', 'COMPLETED'));
    expect(first).toMatch(/^[0-9a-f]{16}$/);
  });

  it('serialize with sorted keys and a final newline', () => {
    const baseline: Suppressions = {
      'b.md': { z: { f: { count: 1, message: 'x' } }, a: { e: { count: 2, message: 'y' } } },
      'a.md': { r: { c: { count: 1, message: 'z' } } },
    };
    expect(serializeSuppressions(baseline)).toBe(
      '{\n  "a.md": {\n    "r": {\n      "c": {\n        "count": 1,\n        "message": "z"\n      }\n    }\n  },\n' +
        '  "b.md": {\n    "a": {\n      "e": {\n        "count": 2,\n        "message": "y"\n      }\n    },\n' +
        '    "z": {\n      "f": {\n        "count": 1,\n        "message": "x"\n      }\n    }\n  }\n}\n',
    );
    expect(countSuppressions(baseline)).toBe(4);
  });
});

describe('adopting journal-kb on the corpus', () => {
  it('is green on day one, red on exactly the new mistake, and the baseline only shrinks', { timeout: 180_000 }, async () => {
    const cwd = copyCorpus();
    writeFileSync(join(cwd, '.journalkbrc.yaml'), 'rules: {}\n');
    const paths = ['99_Journal', 'legacy'];
    const before = await run(['lint', ...paths, '--format', 'json'], cwd);
    expect(before.code).toBe(1);
    const errors = (JSON.parse(before.stdout) as Array<{ errorCount: number }>).reduce((sum, r) => sum + r.errorCount, 0);

    const adopt = await run(['lint', ...paths, '--suppress-all'], cwd);
    expect(adopt.code).toBe(0);
    const baselinePath = join(cwd, SUPPRESSIONS_FILE);
    expect(adopt.stderr).toBe(`journal-kb: recorded ${errors} error messages in ${SUPPRESSIONS_FILE}\n`);
    const baseline = readFileSync(baselinePath, 'utf8');
    expect(countSuppressions(JSON.parse(baseline) as Suppressions)).toBe(errors);
    expect(await run(['lint', ...paths], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });

    // Recording again gives the same bytes.
    await run(['lint', ...paths, '--suppress-all'], cwd);
    expect(readFileSync(baselinePath, 'utf8')).toBe(baseline);

    // Lines move in an entry with suppressed messages: still green.
    const moved = '99_Journal/_archive/2026-01-23_Session_Log.md';
    edit(cwd, moved, '---\n\n# Session Log', '---\n\nEin neuer Absatz.\n\nNoch einer.\n\n# Session Log');
    expect(await run(['lint', ...paths], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });

    // One new mistake: exactly it is reported.
    const canonical = '99_Journal/2026-03-06_Session_Log_Pipeline_Fix_v3.md';
    edit(cwd, canonical, 'status: ACTIVE', 'status: ACTIV');
    const red = await run(['lint', ...paths, '--format', 'json'], cwd);
    expect(red.code).toBe(1);
    const reported = (JSON.parse(red.stdout) as Array<{ filePath: string; messages: LintMessage[] }>).flatMap((r) =>
      r.messages.map((m) => ({ file: r.filePath.slice(cwd.length + 1), line: m.line, ruleId: m.ruleId, message: m.message })),
    );
    expect(reported).toEqual([
      {
        file: canonical,
        line: 3,
        ruleId: 'frontmatter-status',
        message: 'Unexpected `status` `ACTIV`, expected one of `DRAFT`, `ACTIVE`, `DEPRECATED`, `ARCHIVED`',
      },
    ]);

    // An old one is fixed: the run says so, pruning drops exactly it.
    const fixed = '99_Journal/_archive/2026-01-21_Session_Log.md';
    expect(readBaseline(baselinePath)[fixed]?.['frontmatter-status']).toBeDefined();
    edit(cwd, fixed, 'status: COMPLETED', 'status: ARCHIVED');
    const after = await run(['lint', ...paths], cwd);
    expect(after.stderr).toContain('journal-kb: 1 suppressed messages no longer occur; run `journal-kb lint --prune-suppressions`');
    const prune = await run(['lint', ...paths, '--prune-suppressions'], cwd);
    expect(prune.code).toBe(1);
    expect(prune.stderr).toBe(`journal-kb: pruned 1 suppressions from ${SUPPRESSIONS_FILE}\n`);
    const pruned = readBaseline(baselinePath);
    expect(countSuppressions(pruned)).toBe(errors - 1);
    expect(pruned[fixed]?.['frontmatter-status']).toBeUndefined();
    // Pruning never adds: the new mistake is still reported.
    expect(pruned[canonical]).toBeUndefined();
    expect((await run(['lint', ...paths], cwd)).code).toBe(1);
  });
});

describe('suppressions file', () => {
  const ENTRY = '---\ntype: Journal\nstatus: DONE\nowner: A\ndate: 2026-03-06\n---\n\n# T\n\n## Problem\n\nX.\n\n## Lösung\n\nY.\n';

  it('goes where --suppressions-location says, relative to the working directory', async () => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules: {}\n', 'j/2026-03-06_T.md': ENTRY });
    const result = await run(['lint', 'j', '--suppress-all', '--suppressions-location', 'ci/baseline.json'], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, SUPPRESSIONS_FILE))).toBe(false);
    const baseline = readBaseline(join(cwd, 'ci', 'baseline.json'));
    // Files are keyed relative to the baseline's folder.
    expect(Object.keys(baseline)).toEqual(['../j/2026-03-06_T.md']);
    expect((await run(['lint', 'j'], cwd)).code).toBe(1);
    expect((await run(['lint', 'j', '--suppressions-location', 'ci/baseline.json'], cwd)).code).toBe(0);
  });

  it('stops with exit 2 on a baseline that is not JSON or has the wrong shape', async () => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules: {}\n', '2026-03-06_T.md': ENTRY, [SUPPRESSIONS_FILE]: '{oops' });
    const broken = await run(['lint', '.'], cwd);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`Invalid suppressions file ${join(cwd, SUPPRESSIONS_FILE)}:`);
    writeFileSync(join(cwd, SUPPRESSIONS_FILE), '{"a.md": {"r": {"f": {"count": 0}}}}');
    const shape = await run(['lint', '.'], cwd);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain('`a.md.r.f.count` is not a whole number of at least 1');
  });

  it('refuses --suppress-all with --prune-suppressions', async () => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules: {}\n', '2026-03-06_T.md': ENTRY });
    const result = await run(['lint', '.', '--suppress-all', '--prune-suppressions'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('journal-kb: Unexpected `--suppress-all` with `--prune-suppressions`, expected one of them\n');
  });

  it('does not suppress warnings, and a file without a baseline changes nothing', async () => {
    const cwd = makeTempDir({ '.journalkbrc.yaml': 'rules:\n  frontmatter-status: warn\n', '2026-03-06_T.md': ENTRY });
    const result = await run(['lint', '.', '--suppress-all', '--format', 'json'], cwd);
    expect(result.stderr).toBe(`journal-kb: recorded 0 error messages in ${SUPPRESSIONS_FILE}\n`);
    const [only] = JSON.parse(result.stdout) as Array<{ warningCount: number }>;
    expect(only?.warningCount).toBe(1);
    expect(readFileSync(join(cwd, SUPPRESSIONS_FILE), 'utf8')).toBe('{}\n');
  });
});
