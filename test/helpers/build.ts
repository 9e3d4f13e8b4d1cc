/**
 * Make sure `dist/` is compiled from the current sources. Worker threads
 * and the bin run compiled JavaScript, while vitest runs the TypeScript
 * sources; `npm test` builds first, and a test file run alone builds here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The project's root folder. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** Newest modification time of the `.ts` files under `folder`. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    if (!name.endsWith('.ts')) continue;
    newest = Math.max(newest, statSync(join(folder, name)).mtimeMs);
  }
  return newest;
}

/** Whether `dist/` is at least as new as every source file. */
function isFresh(): boolean {
  const target = join(ROOT, 'dist', 'src', 'worker.js');
  if (!existsSync(target)) return false;
  const built = statSync(target).mtimeMs;
  const sources = Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'rules')));
  return built >= sources;
}

/** Wait `ms` milliseconds without a timer (tests call this rarely). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Compile with `tsc` unless `dist/` is fresh; one build at a time. */
export function ensureBuilt(): void {
  if (isFresh()) return;
  const lock = join(ROOT, 'dist', '.build-lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (tries > 600) rmSync(lock, { recursive: true, force: true });
      sleep(100);
    }
  }
  try {
    if (isFresh()) return;
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', ROOT], { stdio: 'pipe' });
    } catch {
      // Type errors elsewhere still emit JavaScript; the tests judge it.
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
