/**
 * MiniSearch's browser build, read from the installed package and inlined
 * into the page with its licence in a comment at the top (the build file
 * carries none of its own, and the MIT licence asks that it travel along).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { JournalKbError } from '../errors.js';

/** Cached source, read once a process. */
let cached: string | undefined;

/** Folder of the installed `minisearch` package (its exports hide it). */
function getPackageFolder(): string {
  const require = createRequire(import.meta.url);
  let folder = dirname(require.resolve('minisearch'));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) {
      throw new JournalKbError('INTERNAL', 'Unexpected missing `minisearch/package.json`, expected an installed package');
    }
    folder = parent;
  }
  return folder;
}

/** MiniSearch's UMD build, headed by its name, version and licence. */
export function getMiniSearchSource(): string {
  if (cached !== undefined) return cached;
  const folder = getPackageFolder();
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
  };
  const licence = readFileSync(join(folder, 'LICENSE.txt'), 'utf8').trim();
  const build = readFileSync(join(folder, 'dist/umd/index.js'), 'utf8');
  if (licence.includes('*/')) {
    throw new JournalKbError('INTERNAL', 'Unexpected `*/` in the MiniSearch licence, expected plain text');
  }
  const header = `/*! MiniSearch ${manifest.version} (${manifest.license}), https://github.com/lucaong/minisearch\n\n${licence}\n*/\n`;
  cached = header + build;
  return cached;
}
