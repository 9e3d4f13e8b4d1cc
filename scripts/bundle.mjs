/**
 * Bundle the command line into `dist/bundle/` with esbuild, so that a
 * run loads a few files instead of some 250 modules: `cli.js` (what the bin
 * runs), `worker.js` (lint worker threads, found beside the chunk that
 * starts them) and shared chunks. Commands stay lazily loaded chunks, so
 * `lint` loads nothing of the knowledge-base or page code.
 *
 * Run by `npm run build` after `tsc`; the bin falls back to `dist/src/`
 * when no bundle exists. The page renderer stays outside (see below).
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

// CommonJS dependencies call `require` for Node's own modules; an ES module
// bundle has no `require` unless it makes one.
const banner = [
  "import { createRequire as __journalKbCreateRequire } from 'node:module';",
  'const require = __journalKbCreateRequire(import.meta.url);',
].join('\n');

// The page embeds the source text of its client functions (and of
// `foldText` and the search functions) through `Function.prototype.toString`.
// A bundler renames functions whose names collide (`readState` becomes
// `readState2`), which would break the embedded script, so the page
// renderer is left out of the bundle and loaded from `dist/src/` as tsc
// compiled it, names intact.
const keepRendererOut = {
  name: 'keep-renderer-out',
  setup(context) {
    context.onResolve({ filter: /\/render\/page\.js$/ }, () => ({
      path: '../src/render/page.js',
      external: true,
    }));
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', worker: 'src/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded with createRequire only when a configuration needs it.
  external: ['ajv', 'ajv/*', 'ajv-formats', 'minisearch'],
  banner: { js: banner },
  chunkNames: 'chunk-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [keepRendererOut],
});
