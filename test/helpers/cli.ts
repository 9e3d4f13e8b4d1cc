/**
 * Run `main` in-process with captured streams, and make temporary folders
 * of journal entries for tests that write.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli.js';

/** What a run printed and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run journal-kb with `argv` in `cwd`, capturing both streams. */
export async function run(
  argv: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    env,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
}

/** Create a temporary folder holding `files` (path → text or bytes). */
export function makeTempDir(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'journal-kb-test-'));
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}

/** A well-formed entry that every default rule accepts. */
export const GOOD_ENTRY = `---
type: journal
status: ACTIVE
owner: Lead Architect
date: 2026-03-06
---

# Pipeline fix

## Problem

The runner has no \`socat\`.

## Lösung

Use \`iptables\`.
`;
