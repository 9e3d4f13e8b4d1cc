/**
 * The reporters by name. Each turns lint results into one text for stdout
 * or `--output`.
 */
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

/** Reporters by the name `--format` takes. */
export const reporters: Readonly<Record<string, Reporter>> = {
  stylish,
  json,
  sarif,
  github,
  junit,
};

export type { Reporter, ReporterContext } from './types.js';
