/**
 * The `github`, `sarif` and `junit` reporters: each one's output for the
 * fixture set in `test/fixtures/reporters/` equals its hand-written golden
 * file, SARIF validates against the published 2.1.0 schema, and every
 * format reaches stdout or `--output FILE` through `journal-kb lint`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { reporters } from '../src/reporters/index.js';
import type { LintResult } from '../src/result.js';
import type { RuleMeta } from '../src/rule.js';
import { GOOD_ENTRY, makeTempDir, run } from './helpers/cli.js';

const fixtures = join(import.meta.dirname, 'fixtures');

/** Read a fixture as text. */
function readFixture(...parts: string[]): string {
  return readFileSync(join(fixtures, ...parts), 'utf8');
}

const results = JSON.parse(readFixture('reporters', 'results.json')) as LintResult[];
const metas = JSON.parse(readFixture('reporters', 'rules.json')) as RuleMeta[];
const context = {
  cwd: '/project',
  color: false,
  rules: new Map(metas.map((meta) => [meta.id, meta])),
  version: '1.2.3',
};

/**
 * Build a validator for the published SARIF schema. Ajv 8 has no draft-04
 * mode; the schema's only draft-04 keyword that differs is `id`, so an
 * in-memory copy names it `$id` (see `fixtures/sarif/README.md`).
 */
function createSarifValidator() {
  const published = JSON.parse(readFixture('sarif', 'sarif-schema-2.1.0.json'));
  const { id, $schema: _draft, ...rest } = published as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile({ $id: id, ...rest });
}

const validateSarif = createSarifValidator();

describe('golden reporter output', () => {
  const cases: Array<[string, string]> = [
    ['github', 'expected.github.txt'],
    ['sarif', 'expected.sarif.json'],
    ['junit', 'expected.junit.xml'],
  ];
  for (const [format, golden] of cases) {
    it(`${format} equals ${golden}`, () => {
      const output = reporters[format]!(results, context);
      expect(output).toBe(readFixture('reporters', golden));
    });
  }

  it('prints nothing in github format when there is no message', () => {
    const clean = results.filter((result) => result.messages.length === 0);
    expect(reporters.github!(clean, context)).toBe('');
  });
});

describe('sarif schema', () => {
  it('accepts the golden SARIF log', () => {
    const log = JSON.parse(readFixture('reporters', 'expected.sarif.json'));
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
  });

  it('rejects a log that breaks the schema, so the check has teeth', () => {
    const log = JSON.parse(readFixture('reporters', 'expected.sarif.json'));
    log.runs[0].results[0].level = 'fatal';
    expect(validateSarif(log)).toBe(false);
  });

  it('accepts what `lint --format sarif` prints for real files', async () => {
    const cwd = makeTempDir({
      'docs/99_Journal/2026-03-06_Good.md': GOOD_ENTRY,
      'docs/99_Journal/2026-03-07_Bare.md': '# No front matter\n',
    });
    const { code, stdout } = await run(['lint', '--format', 'sarif'], cwd);
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const hits = log.runs[0].results.filter(
      (result: { ruleId: string }) => result.ruleId === 'frontmatter-present',
    );
    expect(hits).toHaveLength(1);
    const uri = hits[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('docs/99_Journal/2026-03-07_Bare.md');
  });
});

describe('formats through `journal-kb lint`', () => {
  for (const format of ['github', 'sarif', 'junit']) {
    it(`writes ${format} to --output atomically and nothing to stdout`, async () => {
      const cwd = makeTempDir({
        'docs/99_Journal/2026-03-07_Bare.md': '# No front matter\n',
      });
      const direct = await run(['lint', '--format', format], cwd);
      const written = await run(['lint', '-f', format, '--output', 'out/report'], cwd);
      expect(written.stdout).toBe('');
      expect(written.code).toBe(direct.code);
      expect(readFileSync(join(cwd, 'out/report'), 'utf8')).toBe(direct.stdout);
      expect(readdirSync(join(cwd, 'out'))).toEqual(['report']);
    });
  }

  it('annotates a missing front matter at line 1 in github format', async () => {
    const cwd = makeTempDir({
      'docs/99_Journal/2026-03-07_Bare.md': '# No front matter\n',
    });
    const { stdout } = await run(['lint', '--format', 'github'], cwd);
    const line = stdout
      .split('\n')
      .find((text) => text.includes('title=frontmatter-present'));
    expect(line).toMatch(
      /^::error file=docs\/99_Journal\/2026-03-07_Bare\.md,line=1,col=1,.*title=frontmatter-present::Unexpected missing front matter/,
    );
  });
});
