/**
 * The shared YAML parse of the front matter, and the rules that read it, on
 * bad inputs: CRLF line endings, a byte order mark, tabs, repeated keys, an
 * unquoted colon, a block that is not a mapping, and ISO dates as text.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import frontmatterDate from '../../rules/frontmatter-date.js';
import frontmatterStatus from '../../rules/frontmatter-status.js';
import frontmatterYaml from '../../rules/frontmatter-yaml.js';
import {
  getFrontmatter,
  getLineEnding,
  getRange,
} from '../../src/frontmatter.js';
import { createParser } from '../../src/parse.js';
import { fromText } from '../../src/read.js';
import { formatExpected, lintWithRule } from '../helpers/rule-fixtures.js';

/** Parse `text` as a file and read its front matter. */
function parse(text: string) {
  const file = fromText(new VFile({ path: '2026-03-06_Fixture.md' }), text);
  const tree = createParser().parse(file);
  return { file, frontmatter: getFrontmatter(tree, file) };
}

const CANONICAL = [
  '---',
  'type: journal',
  'status: ACTIVE',
  'owner: Lead Architect',
  'date: 2026-03-06',
  '---',
  '',
  '# Session Log',
  '',
].join('\n');

describe('getFrontmatter', () => {
  it('keeps `date: 2026-03-06` a string (YAML 1.2 core schema)', () => {
    const { frontmatter } = parse(CANONICAL);
    expect(frontmatter.kind).toBe('ok');
    expect(frontmatter.data['date']).toBe('2026-03-06');
    expect(typeof frontmatter.data['date']).toBe('string');
  });

  it('places keys and values at the lines and columns of the file', () => {
    const { frontmatter } = parse(CANONICAL);
    const status = frontmatter.fields.get('status')!;
    expect(status.keyPosition.start).toEqual({ line: 3, column: 1 });
    expect(status.valuePosition.start).toEqual({ line: 3, column: 9 });
    expect(status.valuePosition.end).toEqual({ line: 3, column: 15 });
    expect(frontmatter.position?.start).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('gives the same places with CRLF line endings', () => {
    const { frontmatter } = parse(CANONICAL.replace(/\n/g, '\r\n'));
    expect(frontmatter.kind).toBe('ok');
    expect(frontmatter.data['owner']).toBe('Lead Architect');
    const date = frontmatter.fields.get('date')!;
    expect(date.valuePosition.start).toEqual({ line: 5, column: 7 });
    expect(date.valuePosition.end).toEqual({ line: 5, column: 17 });
  });

  it('does not count a byte order mark as a column', () => {
    const { file, frontmatter } = parse(`\uFEFF${CANONICAL}`);
    expect(file.data.bom).toBe(true);
    expect(frontmatter.kind).toBe('ok');
    expect(frontmatter.fields.get('status')!.valuePosition.start).toEqual({
      line: 3,
      column: 9,
    });
  });

  it('reports a tab used for indentation at its line', () => {
    const text = '---\ntype: journal\nparticipants:\n\t- Curator\n---\n';
    const { frontmatter } = parse(text);
    expect(frontmatter.kind).toBe('invalid');
    expect(frontmatter.problems[0]!.code).toBe('TAB_AS_INDENT');
    expect(frontmatter.problems[0]!.position.start).toEqual({ line: 4, column: 1 });
  });

  it('reports a repeated key at the line of the repeat', () => {
    const text = '---\ntype: journal\nstatus: ACTIVE\nowner: A\nstatus: DRAFT\n---\n';
    const { frontmatter } = parse(text);
    expect(frontmatter.kind).toBe('invalid');
    expect(frontmatter.problems).toHaveLength(1);
    expect(frontmatter.problems[0]!.code).toBe('DUPLICATE_KEY');
    expect(frontmatter.problems[0]!.position.start).toEqual({ line: 5, column: 1 });
  });

  it('reports an unquoted colon in a value where the value starts', () => {
    const text = '---\ntype: journal\ntitle: Fix: DNS\n---\n';
    const { frontmatter } = parse(text);
    expect(frontmatter.kind).toBe('invalid');
    expect(frontmatter.problems[0]!.position.start).toEqual({ line: 3, column: 8 });
  });

  it('keeps a `__proto__` key a plain key of the data', () => {
    const text = '---\n__proto__:\n  owner: X\ntype: journal\n---\n';
    const { frontmatter } = parse(text);
    expect(frontmatter.kind).toBe('ok');
    expect(Object.keys(frontmatter.data)).toEqual(['__proto__', 'type']);
    expect(Object.getPrototypeOf(frontmatter.data)).toBe(Object.prototype);
    expect((frontmatter.data as { owner?: unknown }).owner).toBeUndefined();
  });

  it('tells a list or a single value from a mapping', () => {
    expect(parse('---\n- a\n- b\n---\n').frontmatter.kind).toBe('not-mapping');
    expect(parse('---\njust text\n---\n').frontmatter.kind).toBe('not-mapping');
  });
});

describe('getRange and getLineEnding', () => {
  it('turn positions into offsets of the value without the BOM', () => {
    const text = `\uFEFF${CANONICAL.replace(/\n/g, '\r\n')}`;
    const { file, frontmatter } = parse(text);
    const range = getRange(file, frontmatter.fields.get('status')!.valuePosition);
    expect(String(file.value).slice(...range)).toBe('ACTIVE');
    expect(getLineEnding(file)).toBe('\r\n');
  });

  it('says `\\n` for a file of LF lines', () => {
    expect(getLineEnding(parse(CANONICAL).file)).toBe('\n');
  });
});

describe('rules on bad front matter', () => {
  it('reports a repeated key in a CRLF file at the repeat', async () => {
    const text = '---\r\ntype: journal\r\nstatus: ACTIVE\r\nstatus: DRAFT\r\n---\r\n';
    const { messages } = await lintWithRule(frontmatterYaml, text);
    expect(formatExpected(messages)).toBe(
      '4:1 frontmatter-yaml Unexpected repeated key `status`, expected each key once',
    );
  });

  it('reports a value of a CRLF file with a BOM at its column', async () => {
    const text = '\uFEFF---\r\ntype: journal\r\nstatus: COMPLETED\r\n---\r\n';
    const { messages } = await lintWithRule(frontmatterStatus, text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      line: 3,
      column: 9,
      endLine: 3,
      endColumn: 18,
    });
  });

  it('gives one message for a tab, and none from the value rules', async () => {
    const text = '---\ntype: journal\ndate: 06.03.2026\nlist:\n\t- a\n---\n';
    const yaml = await lintWithRule(frontmatterYaml, text);
    expect(formatExpected(yaml.messages)).toBe(
      '5:1 frontmatter-yaml Unexpected tab, expected spaces for indentation',
    );
    const date = await lintWithRule(frontmatterDate, text);
    expect(date.messages).toEqual([]);
  });

  it('accepts `date: 2026-03-06` unquoted as an ISO date', async () => {
    const { messages } = await lintWithRule(frontmatterDate, CANONICAL);
    expect(messages).toEqual([]);
  });
});
