/**
 * Atomic writes keep what stands at the path: links, modes, devices.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/write.js';
import { makeTempDir } from '../helpers/cli.js';

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file', async () => {
    const root = makeTempDir();
    await writeFileAtomic(join(root, 'a', 'b.txt'), 'hello');
    expect(readFileSync(join(root, 'a', 'b.txt'), 'utf8')).toBe('hello');
    expect(readdirSync(join(root, 'a'))).toEqual(['b.txt']);
  });

  it('follows a symbolic link and writes its target', async () => {
    const root = makeTempDir({ 'real/entry.md': 'old' });
    mkdirSync(join(root, 'journal'));
    symlinkSync(join(root, 'real', 'entry.md'), join(root, 'journal', 'entry.md'));
    await writeFileAtomic(join(root, 'journal', 'entry.md'), 'new');
    expect(lstatSync(join(root, 'journal', 'entry.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'real', 'entry.md'), 'utf8')).toBe('new');
  });

  it('keeps the mode of the file it replaces', async () => {
    const root = makeTempDir({ 'private.md': 'old' });
    chmodSync(join(root, 'private.md'), 0o600);
    await writeFileAtomic(join(root, 'private.md'), 'new');
    expect(statSync(join(root, 'private.md')).mode & 0o777).toBe(0o600);
  });

  it('writes to a device instead of replacing it', async () => {
    await writeFileAtomic('/dev/null', 'nothing');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('creates the missing file a link names instead of replacing the link', async () => {
    const root = makeTempDir();
    symlinkSync('sub/new.json', join(root, 'dangling'));
    symlinkSync('dangling', join(root, 'chain'));
    await writeFileAtomic(join(root, 'chain'), 'through two links');
    expect(lstatSync(join(root, 'chain')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(root, 'dangling')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'sub', 'new.json'), 'utf8')).toBe('through two links');
  });

  it('names the path and the reason when it cannot write', async () => {
    const root = makeTempDir({ 'file.txt': 'x' });
    mkdirSync(join(root, 'folder'));
    await expect(writeFileAtomic(join(root, 'folder'), 'x')).rejects.toThrow(
      `Cannot write \`${join(root, 'folder')}\`: it is a folder`,
    );
    await expect(writeFileAtomic(join(root, 'file.txt', 'x'), 'x')).rejects.toThrow(
      'a part of the path is a file, not a folder',
    );
    expect(readdirSync(root).sort()).toEqual(['file.txt', 'folder']);
    // Node's own recursive mkdir would spin here forever.
    await expect(writeFileAtomic('/proc/journal-kb-test/kb.json', 'x')).rejects.toThrow(
      'Cannot write `/proc/journal-kb-test/kb.json`',
    );
    writeFileSync(join(root, 'file.txt'), 'unchanged');
  });
});
