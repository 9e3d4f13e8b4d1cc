/**
 * Extraction of entries into knowledge-base records, on small fixtures in
 * `test/fixtures/kb/` whose expected values were worked out by reading
 * them line by line.
 */
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadSetup } from '../src/context.js';
import { discover } from '../src/discover.js';
import { createLinter } from '../src/lint.js';
import { assembleKnowledgeBase, createExtractOptions } from '../src/kb/build.js';
import { isErrorLine, readErrors } from '../src/kb/error-lines.js';
import { resolveLink } from '../src/kb/links.js';
import type { Entry, KnowledgeBase } from '../src/kb/types.js';
import { createParser } from '../src/parse.js';
import { listedAttempt } from './helpers/attempts.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/kb/', import.meta.url));

/** Lint and extract every fixture, as `build` does, without writing. */
async function extractFixtures(): Promise<KnowledgeBase> {
  const { config, registry } = loadSetup(FIXTURES);
  const { files } = await discover(['.'], config, FIXTURES);
  const linter = createLinter(config, registry);
  const linted = [];
  for (const file of files) linted.push(await linter.lintFile(file));
  return assembleKnowledgeBase(linted, createExtractOptions(config));
}

/** The entry with `id` from a knowledge base. */
function entryOf(kb: KnowledgeBase, id: string): Entry {
  const entry = kb.entries.find((item) => item.id === id);
  if (!entry) throw new Error(`No entry ${id}`);
  return entry;
}

const kb = await extractFixtures();

describe('extraction from sections', () => {
  const entry = entryOf(kb, '2026-02-01_Sections');

  it('reads the title, front matter and the first real paragraph', () => {
    expect(entry.path).toBe('2026-02-01_Sections.md');
    expect(entry.title).toBe('Runner cannot reach the registry');
    expect(entry.type).toBe('journal');
    expect(entry.status).toBe('active');
    expect(entry.owner).toBe('Jane Doe');
    expect(entry.date).toBe('2026-02-01');
    expect(entry.tags).toEqual(['ci', 'network']);
    expect(entry.incomplete).toEqual([]);
    expect(entry.summary).toBe(
      'The runner lost its route to the registry after the upgrade.\nA second line of the same paragraph.',
    );
  });

  it('joins numbered and emoji headings into one case', () => {
    expect(entry.cases).toHaveLength(1);
    const [only] = entry.cases;
    expect(only?.line).toBe(17);
    expect(only?.problem).toBe(
      'Pushing fails:\n\n```\nError: connect ECONNREFUSED 10.0.0.22:443\nHTTP/1.1 502 Bad Gateway\nplain output that is fine\n```',
    );
    expect(only?.cause).toBe('The proxy `socat` is missing on the runner.');
    expect(only?.solution.startsWith('use iptables\n\nRedirect with `iptables` instead;')).toBe(true);
    expect(only?.solution.endsWith('\n\n    E: Unable to locate package socat')).toBe(true);
    expect(only?.result).toBe(
      'Pushes work; `Permission denied` is gone and `someFunction()` is not an error.',
    );
    expect(only?.pending).toBe(false);
  });

  it('reads the fix-history rows with their outcomes and lines', () => {
    expect(entry.attempts).toEqual([
      { version: 'v1', symptom: 'refused', fix: 'socat', result: '❌ failed', line: 49, outcome: 'failed' },
      { version: 'v2', symptom: 'no socat', fix: 'iptables', result: '✅ works', line: 50, outcome: 'succeeded' },
    ]);
  });

  it('finds error lines in output blocks and inline code only', () => {
    expect(entry.errors).toEqual([
      { text: 'Error: connect ECONNREFUSED 10.0.0.22:443', line: 22 },
      { text: 'HTTP/1.1 502 Bad Gateway', line: 23 },
      { text: 'E: Unable to locate package socat', line: 39 },
      { text: 'Permission denied', line: 43 },
    ]);
  });

  it('reads lessons, opening a label-only item into its nested items', () => {
    expect(entry.learned).toEqual([
      { text: 'Check the runner image first.', line: 54 },
      { text: 'DNAT needs root.', line: 56 },
      { text: 'Mirrors need none.', line: 57 },
    ]);
  });

  it('keeps links to entries of the knowledge base only', () => {
    expect(entry.links).toEqual(['2026-02-02_Labels']);
  });
});

describe('extraction from labelled list items', () => {
  const entry = entryOf(kb, '2026-02-02_Labels');

  it('infers a legacy header and lists every missing key', () => {
    expect(entry.title).toBe('Journal: Labelled cases');
    expect(entry.date).toBe('2026-02-02');
    expect(entry.owner).toBe('Max Muster');
    expect(entry.type).toBe('');
    expect(entry.status).toBe('');
    expect(entry.incomplete).toEqual(['type', 'status', 'owner', 'date']);
    expect(entry.summary).toBe('The session went well.');
  });

  it('makes one case per problem, group and out-of-order part', () => {
    const cases = entry.cases.map(({ problem, cause, solution, result, line, pending }) => ({
      problem,
      cause,
      solution,
      result,
      line,
      pending,
    }));
    expect(cases).toEqual([
      {
        problem: "Build fails with `error TS2304: Cannot find name 'x'`.",
        cause: '',
        solution: 'Declared `x`.',
        result: '',
        line: 8,
        pending: false,
      },
      {
        problem: 'Login returned `401 Unauthorized`.',
        cause: 'The login path was not public.',
        solution: 'Added the path to `publicPaths`.',
        result: '',
        line: 11,
        pending: false,
      },
      {
        problem: 'Both builds lock the cache.',
        cause: '',
        solution: 'Separate cache mounts.',
        result: '',
        line: 16,
        pending: false,
      },
      {
        problem: '**Disk full on the runner**',
        cause: '',
        solution: 'Pruned old images.',
        result: '',
        line: 18,
        pending: false,
      },
      {
        problem: 'Sync returned nothing.',
        cause: '',
        solution: '',
        result: 'Reproduced in the browser.',
        line: 21,
        pending: true,
      },
      {
        problem: '',
        cause: '',
        solution: 'Use the awaiting API.',
        result: '',
        line: 23,
        pending: false,
      },
    ]);
  });

  it('reads errors from inline code and a labelled lesson', () => {
    expect(entry.errors).toEqual([
      { text: "error TS2304: Cannot find name 'x'", line: 8 },
      { text: '401 Unauthorized', line: 11 },
    ]);
    expect(entry.learned).toEqual([{ text: 'Async drivers need async reads.', line: 24 }]);
  });
});

describe('extraction from sections that hold labelled items', () => {
  it('keeps the text before the items and reads the items on their own', () => {
    const entry = entryOf(kb, '2026-02-04_Mixed');
    expect(entry.cases.map(({ problem, cause, solution, result, line }) => [problem, cause, solution, result, line])).toEqual([
      ['The cache is locked.', '', 'Delete the lock file.', '', 3],
      ['Nothing synced.', '', '', 'Reproduced.', 11],
    ]);
  });
});

describe('extraction of attempts written as lists', () => {
  const entry = entryOf(kb, '2026-02-05_Attempt_Lists');


  it('reads one attempt per item of an attempts label or section, after the table rows', () => {
    expect(entry.attempts).toEqual([
      { version: 'v1', symptom: 'loops', fix: 'cookies', result: '❌ failed', line: 41, outcome: 'failed' },
      listedAttempt('Removed the transaction', 'no effect', 16, 'failed'),
      listedAttempt('Cleared the cache', '✅ works', 17, 'succeeded'),
      listedAttempt('`(x) => x` as mapper', 'fails on CI', 18, 'failed'),
      listedAttempt('Upgraded the driver (revertiert)', '', 19, 'failed'),
      listedAttempt('**Kompromiss:** kept the old API', '', 20, 'unknown'),
      listedAttempt('Cleared cookies', 'still broken', 26, 'failed'),
      listedAttempt('New session key', '⏳ waiting for deploy', 27, 'pending'),
      listedAttempt('Pinned the version', 'erfolgreich', 36, 'succeeded'),
      listedAttempt('Tried again later', '', 37, 'unknown'),
    ]);
  });

  it('leaves the attempts out of the cases and other labelled lists out of the attempts', () => {
    expect(entry.cases).toEqual([
      { problem: 'Sync stops with `DriverError`.', cause: '', solution: 'Read synchronously.', result: '', line: 14, pending: false },
      { problem: 'Login loops.', cause: '', solution: 'Rotate the key.', result: '', line: 24, pending: false },
    ]);
    expect(entry.attempts.map((attempt) => attempt.line)).not.toContain(31);
    expect(entry.attempts.map((attempt) => attempt.line)).not.toContain(32);
  });
});

describe('extraction keeps raw text raw', () => {
  const entry = entryOf(kb, '2026-02-03_Markup');

  it('leaves markup and script in the texts for the page to escape', () => {
    expect(entry.title).toBe('<script>alert("title")</script> & "quotes"');
    expect(entry.owner).toBe('<b>Mallory</b>');
    expect(entry.tags).toEqual(['xss', '<script>']);
    expect(entry.summary).toBe(`<img src=x onerror="alert('summary')"> is the first paragraph.`);
    expect(entry.cases[0]?.problem).toContain('[link](javascript:alert(1))');
    expect(entry.cases[0]?.solution).toBe('`</script><script>alert("code")</script>`');
    expect(entry.links).toEqual([]);
  });
});

describe('error lines', () => {
  it.each([
    'E: Unable to locate package socat',
    'Error: Cannot find module x',
    'npm ERR! code ENOENT',
    'java.lang.IllegalArgumentException: Unable to find GatewayFilterFactory',
    'Caused by: java.io.IOException',
    'TypeError: x is not a function',
    'Traceback (most recent call last):',
    'HTTP/1.1 404 Not Found',
    '502 Bad Gateway',
    'bash: socat: command not found',
    'open /etc/x: Permission denied',
    'fatal: not a git repository',
    "export 'default' ... was not found",
    "Rule '...' failed to check any classes",
    'Timeout waiting to lock journal cache',
  ])('takes %j', (line) => {
    expect(isErrorLine(line)).toBe(true);
  });

  it('takes inline code the prose introduces as a message, when it reads as a sentence', () => {
    const value = [
      'Der Fehler `The driver is asynchronous...` wurde reproduziert.',
      '',
      'Laufzeitfehler `Sync stopped without reason` beim Start.',
      '',
      'Die Fehlermeldung: `Keine Verbindung zum Server` kam.',
      '',
      'Der Fehler `null` und die Variable `one two three` bleiben, wie `a b c` nach einem Fehler, der `x y z` hieß.',
      '',
    ].join('\n');
    const file = new VFile({ value });
    expect(readErrors(file, createParser().parse(file))).toEqual([
      { text: 'The driver is asynchronous...', line: 1 },
      { text: 'Sync stopped without reason', line: 3 },
      { text: 'Keine Verbindung zum Server', line: 5 },
    ]);
  });

  it.each(['WebWorkerException', 'someFunction()', 'echo hello', '404 auf /members', 'errors are fine', 'connectTimeout'])(
    'leaves %j',
    (line) => {
      expect(isErrorLine(line)).toBe(false);
    },
  );
});

describe('links', () => {
  it('resolves relative Markdown links against the entry folder', () => {
    expect(resolveLink('docs/j/2026-01-01_A.md', '../k/2026-01-02_B.md#x')).toBe('docs/k/2026-01-02_B');
    expect(resolveLink('docs/j/2026-01-01_A.md', '2026-01-03_C%20D.md')).toBe('docs/j/2026-01-03_C D');
    expect(resolveLink('a.md', 'https://example.com/b.md')).toBeUndefined();
    expect(resolveLink('a.md', 'javascript:alert(1)//.md')).toBeUndefined();
    expect(resolveLink('a.md', '/abs/b.md')).toBeUndefined();
    expect(resolveLink('a.md', 'image.png')).toBeUndefined();
  });
});
