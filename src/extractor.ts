/**
 * The extractor `build` hands to the lint runner: knowledge-base code is
 * loaded only here, on demand, so `lint` never loads it.
 */
import type { Config } from './config.js';
import type { Extractor } from './lint-task.js';

/** Load extraction and bind it to the configuration's options. */
export async function loadExtractor(config: Config): Promise<Extractor> {
  const { extractEntry } = await import('./kb/extract.js');
  const { createExtractOptions } = await import('./kb/build.js');
  const options = createExtractOptions(config);
  return (tree, file, path) => extractEntry(tree, file, path, options);
}
