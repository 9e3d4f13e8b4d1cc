/**
 * How a journal-kb rule is defined: a unified-lint-rule plugin with typed
 * metadata beside it, so each rule also works inside a plain `.remarkrc`.
 */
import type { Root } from 'mdast';
import type { Node, Position } from 'unist';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';

/** Where rule docs live; the SARIF reporter and messages link here. */
export const DOCS_BASE =
  'https://github.com/journal-kb/journal-kb/blob/main/docs/rules/';

/** A severity as written in configuration. */
export type SeverityLabel = 'off' | 'warn' | 'error';

/** A replacement of `range` (offsets into the file's text) by `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** The typed metadata every rule carries. */
export interface RuleMeta<Options extends object = object> {
  /** Kebab-case id, grouped by prefix. */
  id: string;
  /** What the rule asks for, starting with a verb. */
  description: string;
  /** Severity unless configuration says otherwise. */
  defaultSeverity: SeverityLabel;
  /** Whether the rule offers fixes for `--fix`. */
  fixable: boolean;
  /** Option values used when configuration gives none. */
  defaults: Options;
  /** JSON Schema of the options object, checked when configuration loads. */
  schema: Record<string, unknown>;
}

/** The check of a rule, called once per file with merged options. */
export type Check<Options extends object> = (
  tree: Root,
  file: VFile,
  options: Options,
) => void;

/** A rule: a unified plugin that also carries its metadata. */
export interface Rule<Options extends object = object> {
  (config?: unknown): ReturnType<ReturnType<typeof lintRule>>;
  meta: RuleMeta<Options>;
}

/** Metadata of a rule that takes no options. */
export const NO_OPTIONS = {
  defaults: {},
  schema: { type: 'object', additionalProperties: false },
} as const satisfies Pick<RuleMeta, 'defaults' | 'schema'>;

/** The docs URL of the rule `id`. */
export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

const LABELS = new Set<unknown>(['off', 'warn', 'error', 'on', 0, 1, 2, true, false]);

/**
 * Turn what a user passed to the plugin into `[severity, options]`, using
 * the rule's default severity where none is given.
 */
function normalizeConfig(config: unknown, fallback: SeverityLabel): unknown[] {
  if (config === undefined || config === null) return [fallback];
  if (Array.isArray(config)) return config;
  if (LABELS.has(config)) return [config];
  return [fallback, config];
}

/** Define a rule from its metadata and check. */
export function defineRule<Options extends object>(
  meta: RuleMeta<Options>,
  check: Check<Options>,
): Rule<Options> {
  const plugin = lintRule<Root, Partial<Options> | undefined>(
    { origin: `journal-kb:${meta.id}`, url: docsUrl(meta.id) },
    (tree, file, options) => {
      check(tree, file, { ...meta.defaults, ...(options ?? {}) } as Options);
    },
  );
  const rule = (config?: unknown) =>
    // The lint-rule plugin takes a severity–options pair at run time.
    (plugin as (value: unknown) => ReturnType<typeof plugin>)(
      normalizeConfig(config, meta.defaultSeverity),
    );
  Object.defineProperty(rule, 'name', { value: meta.id });
  return Object.assign(rule, { meta }) as Rule<Options>;
}

/** Report a problem at `place`, optionally with a fix. */
export function report(
  file: VFile,
  reason: string,
  place: Node | Position | undefined,
  fix?: Fix,
): void {
  const position = place && 'type' in place ? place.position : place;
  const message = file.message(reason, position ? { place: position } : {});
  // `fix` rides on the message, as in ESLint, for `--fix` to apply.
  if (fix) Object.assign(message, { fix });
}
