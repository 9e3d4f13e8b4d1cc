/**
 * Load what every command needs before it works: the rule registry and the
 * configuration for the working directory.
 */
import { relative, resolve } from 'node:path';
import { getValidator } from '../rules/frontmatter-schema.js';
import { rules } from '../rules/index.js';
import { loadConfig, type Config } from './config.js';
import { validateRuleOptions } from './options.js';
import type { Rule } from './rule.js';

/** The registry and configuration of one run. */
export interface RunSetup {
  config: Config;
  registry: readonly Rule[];
}

/** Load the registry and the configuration for `cwd`. */
export function loadSetup(cwd: string, configFile?: string): RunSetup {
  const options = { cwd, registry: rules, validateOptions: validateRuleOptions };
  const config = loadConfig(configFile ? { ...options, configFile } : options);
  checkSchema(config);
  return { config, registry: rules };
}

/**
 * Compile the configured front-matter schema now, so a schema that cannot
 * be read or compiled stops the run (exit 2) instead of failing every file.
 */
function checkSchema(config: Config): void {
  const enabled = (config.rules.get('frontmatter-schema')?.severity ?? 0) > 0;
  if (enabled && config.frontmatterSchema) getValidator(config.frontmatterSchema);
}

/** The inputs of a run: the given paths, else the configured journal. */
export function resolveInputs(
  positionals: string[],
  config: Config,
  cwd: string,
): string[] {
  if (positionals.length > 0) return positionals;
  return config.journal.map(
    (path) => relative(cwd, resolve(config.root, path)) || '.',
  );
}
