/**
 * Configuration: found from the working directory upward, checked once
 * when it loads, and resolved into defaults every stage can use.
 *
 * A bad field stops the run (exit 2) with a sentence that names the field,
 * the value and what is allowed; nothing falls back silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { JournalKbError } from './errors.js';
import { DEFAULT_MAX_FILE_SIZE } from './read.js';
import type { Rule } from './rule.js';
import { toSeverityNumber, type SeverityNumber } from './severity.js';
import { DEFAULT_SECTIONS, type SectionSynonyms } from './sections.js';

/** Names of configuration files, in the order they are looked for. */
export const CONFIG_FILES = [
  '.journalkbrc.yaml',
  '.journalkbrc.yml',
  '.journalkbrc.json',
  'package.json',
] as const;

/** Name of the ignore file, read from the configuration's folder. */
export const IGNORE_FILE = '.journalkbignore';

/** Configuration as a user writes it. */
export interface UserConfig {
  /** Paths linted and built when none are given. */
  journal?: string | string[];
  /** Globs (relative to the config folder) of the files that are entries. */
  entries?: string[];
  /** Globs of files that are never entries. */
  ignore?: string[];
  /** Size limit of one file in bytes. */
  maxFileSize?: number;
  /** Rule severities and options. */
  rules?: Record<string, unknown>;
  /** Path of a JSON Schema that replaces the built-in front-matter rules. */
  frontmatterSchema?: string;
  /** Section synonyms by kind, replacing the defaults of that kind. */
  sections?: Partial<SectionSynonyms>;
  /** URL template for links to source files: `{path}` and `{line}`. */
  sourceUrl?: string;
  /** Values `migrate` writes where an entry does not say. */
  defaults?: { status?: string; owner?: string; type?: string };
}

/** One rule's resolved setting. */
export interface RuleSetting {
  severity: SeverityNumber;
  options: Record<string, unknown>;
}

/** Configuration resolved against defaults. */
export interface Config {
  /** Folder that relative paths in the configuration start from. */
  root: string;
  /** The configuration file, when one was found. */
  file?: string;
  journal: string[];
  entries: string[];
  ignore: string[];
  maxFileSize: number;
  rules: Map<string, RuleSetting>;
  frontmatterSchema?: string;
  sections: SectionSynonyms;
  sourceUrl?: string;
  defaults: { status?: string; owner?: string; type?: string };
  /** Hash of everything that changes lint results; used by the cache. */
  hash: string;
}

/** Default journal folder. */
export const DEFAULT_JOURNAL = ['docs/99_Journal'];
/** Default entry globs: Markdown files whose name starts with a date. */
export const DEFAULT_ENTRIES = [
  '**/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*.md',
];
/** Rules replaced by `frontmatter-schema` when a schema is configured. */
export const SCHEMA_REPLACES = [
  'frontmatter-required-keys',
  'frontmatter-type',
  'frontmatter-status',
  'frontmatter-owner',
  'frontmatter-date',
];

/** Read and parse one configuration file; `undefined` when it has none. */
function readConfigFile(path: string): UserConfig | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new JournalKbError(
      'CONFIG',
      `Cannot read configuration file ${path}: ${(error as Error).message}`,
    );
  }
  try {
    if (path.endsWith('package.json')) {
      const json = JSON.parse(text) as Record<string, unknown>;
      return json['journal-kb'] as UserConfig | undefined;
    }
    if (path.endsWith('.json')) return JSON.parse(text) as UserConfig;
    const value = (parseYaml(text, { version: '1.2' }) ?? {}) as UserConfig;
    // An alias inside its own anchor (`a: &a [*a]`) makes a value that
    // contains itself; nothing in a configuration can mean that.
    JSON.stringify(value);
    return value;
  } catch (error) {
    if (error instanceof TypeError && /circular/i.test(error.message)) {
      throw new JournalKbError(
        'CONFIG',
        `Invalid configuration file ${path}: a YAML alias refers to the value that contains it, expected values that end`,
      );
    }
    const reason = (error as Error).message.split('\n')[0];
    throw new JournalKbError(
      'CONFIG',
      `Invalid configuration file ${path}: ${reason}`,
    );
  }
}

/** Find the configuration file from `cwd` upward. */
export function findConfigFile(cwd: string): string | undefined {
  let folder = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(folder, name);
      if (!existsSync(candidate)) continue;
      if (name !== 'package.json') return candidate;
      if (readConfigFile(candidate) !== undefined) return candidate;
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** A configured value as a message shows it: JSON, cut to 200 characters. */
function showValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Too deeply nested to write out (a JSON file nested 200,000 levels).
    text = Array.isArray(value) ? '[…]' : '{…}';
  }
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** Say what is wrong with a configured value, naming the field. */
function invalid(file: string, field: string, value: unknown, wanted: string): never {
  throw new JournalKbError(
    'CONFIG',
    `Invalid configuration in ${file}: \`${field}\` is \`${showValue(value)}\`, expected ${wanted}`,
  );
}

/** Check that `value` is a list of strings (or one string, if allowed). */
function checkStrings(
  file: string,
  field: string,
  value: unknown,
  single: boolean,
): string[] | undefined {
  if (value === undefined) return undefined;
  if (single && typeof value === 'string' && value.trim() !== '') return [value];
  const ok = Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
  if (!ok) {
    invalid(file, field, value, single ? 'a path or a list of paths, none empty' : 'a list of strings, none empty');
  }
  return value as string[];
}

const TOP_LEVEL = new Set([
  '$schema',
  'journal',
  'entries',
  'ignore',
  'maxFileSize',
  'rules',
  'frontmatterSchema',
  'sections',
  'sourceUrl',
  'defaults',
]);

/** Check the top-level fields of a user configuration. */
function checkTopLevel(file: string, user: UserConfig): void {
  if (typeof user !== 'object' || user === null || Array.isArray(user)) {
    invalid(file, '(root)', user, 'a mapping of options');
  }
  for (const key of Object.keys(user)) {
    if (!TOP_LEVEL.has(key)) {
      const allowed = [...TOP_LEVEL].map((k) => `\`${k}\``).join(', ');
      invalid(file, key, (user as Record<string, unknown>)[key], `one of the options ${allowed}`);
    }
  }
  const size = user.maxFileSize;
  if (size !== undefined && (!Number.isInteger(size) || size <= 0)) {
    invalid(file, 'maxFileSize', size, 'a positive whole number of bytes');
  }
  for (const key of ['frontmatterSchema', 'sourceUrl'] as const) {
    const value = user[key];
    if (value !== undefined && typeof value !== 'string') {
      invalid(file, key, value, 'a string');
    }
  }
  const url = user.sourceUrl;
  if (url !== undefined && (!/^https?:\/\/\S/i.test(url) || !url.includes('{path}'))) {
    invalid(file, 'sourceUrl', url, 'an `http:` or `https:` URL template with `{path}` and `{line}`');
  }
}

/** Resolve rule settings: defaults, the schema switch, then user values. */
function resolveRules(
  file: string,
  registry: readonly Rule[],
  user: UserConfig,
  validateOptions: OptionsValidator,
): Map<string, RuleSetting> {
  const byId = new Map(registry.map((rule) => [rule.meta.id, rule]));
  const settings = new Map<string, RuleSetting>();
  for (const rule of registry) {
    const severity = toSeverityNumber(rule.meta.defaultSeverity) ?? 2;
    settings.set(rule.meta.id, { severity, options: { ...rule.meta.defaults } });
  }
  if (user.frontmatterSchema !== undefined) {
    for (const id of SCHEMA_REPLACES) settings.get(id)!.severity = 0;
    settings.get('frontmatter-schema')!.severity = 2;
  }
  const rules = user.rules ?? {};
  if (typeof rules !== 'object' || Array.isArray(rules)) {
    invalid(file, 'rules', rules, 'a mapping of rule ids to severities');
  }
  for (const [id, value] of Object.entries(rules)) {
    const rule = byId.get(id);
    if (!rule) invalid(file, `rules.${id}`, value, 'a known rule id (see `journal-kb rules`)');
    settings.set(id, resolveRuleSetting(file, rule, value, validateOptions));
  }
  const schemaRule = settings.get('frontmatter-schema');
  if (schemaRule && schemaRule.severity > 0 && !user.frontmatterSchema) {
    invalid(file, 'rules.frontmatter-schema', rules['frontmatter-schema'], 'it to be on only with `frontmatterSchema` set to a schema file');
  }
  return settings;
}

/** Checks a rule's options against its schema; returns an error or nothing. */
export type OptionsValidator = (
  rule: Rule,
  options: unknown,
) => { path: string; message: string } | undefined;

/** Resolve one rule's configured value into severity and options. */
function resolveRuleSetting(
  file: string,
  rule: Rule,
  value: unknown,
  validateOptions: OptionsValidator,
): RuleSetting {
  const field = `rules.${rule.meta.id}`;
  const [level, options] = Array.isArray(value) ? value : [value, undefined];
  const severity = toSeverityNumber(level);
  if (severity === undefined) {
    invalid(file, field, value, '`off`, `warn`, `error` (or 0, 1, 2), or `[severity, options]`');
  }
  if (Array.isArray(value) && value.length > 2) {
    invalid(file, field, value, '`[severity, options]` with at most two items');
  }
  if (options === undefined) {
    return { severity, options: { ...rule.meta.defaults } };
  }
  const problem = validateOptions(rule, options);
  if (problem) {
    const where = problem.path ? `${field}[1]${problem.path}` : `${field}[1]`;
    throw new JournalKbError(
      'CONFIG',
      `Invalid configuration in ${file}: \`${where}\` ${problem.message}`,
    );
  }
  return {
    severity,
    options: { ...rule.meta.defaults, ...(options as object) },
  };
}

/** Resolve section synonyms: a configured kind replaces that kind's list. */
function resolveSections(file: string, user: UserConfig): SectionSynonyms {
  const sections: SectionSynonyms = { ...DEFAULT_SECTIONS };
  const given = user.sections ?? {};
  for (const [kind, list] of Object.entries(given)) {
    if (!(kind in DEFAULT_SECTIONS)) {
      const kinds = Object.keys(DEFAULT_SECTIONS).map((k) => `\`${k}\``).join(', ');
      invalid(file, `sections.${kind}`, list, `one of the kinds ${kinds}`);
    }
    const strings = checkStrings(file, `sections.${kind}`, list, false)!;
    if (strings.length === 0 || strings.some((name) => name.trim() === '')) {
      invalid(file, `sections.${kind}`, list, 'a list of one or more heading names');
    }
    sections[kind as keyof SectionSynonyms] = strings;
  }
  return sections;
}

/** Hash the parts of a configuration that change lint results. */
function hashConfig(config: Omit<Config, 'hash'>, schemaText: string): string {
  const rules = [...config.rules].sort(([a], [b]) => (a < b ? -1 : 1));
  const material = JSON.stringify({
    entries: config.entries,
    ignore: config.ignore,
    maxFileSize: config.maxFileSize,
    rules,
    sections: config.sections,
    schemaText,
  });
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/** Options for `loadConfig`. */
export interface LoadConfigOptions {
  cwd: string;
  registry: readonly Rule[];
  validateOptions: OptionsValidator;
  /** An explicit configuration file (skips the search). */
  configFile?: string;
}

/** Find, read, check and resolve the configuration for `cwd`. */
export function loadConfig(options: LoadConfigOptions): Config {
  const file = options.configFile
    ? resolve(options.cwd, options.configFile)
    : findConfigFile(options.cwd);
  const user: UserConfig = file ? (readConfigFile(file) ?? {}) : {};
  const label = file ?? '(defaults)';
  checkTopLevel(label, user);
  const root = file ? dirname(file) : resolve(options.cwd);
  const schemaPath = user.frontmatterSchema
    ? resolve(root, user.frontmatterSchema)
    : undefined;
  const schemaText = schemaPath ? readSchemaText(label, schemaPath) : '';
  const resolved: Omit<Config, 'hash'> = {
    root,
    journal: checkStrings(label, 'journal', user.journal, true) ?? DEFAULT_JOURNAL,
    entries: checkStrings(label, 'entries', user.entries, false) ?? DEFAULT_ENTRIES,
    ignore: checkStrings(label, 'ignore', user.ignore, false) ?? [],
    maxFileSize: user.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    rules: resolveRules(label, options.registry, user, options.validateOptions),
    sections: resolveSections(label, user),
    defaults: checkDefaults(label, user.defaults),
  };
  if (file) resolved.file = file;
  if (schemaPath) resolved.frontmatterSchema = schemaPath;
  if (user.sourceUrl) resolved.sourceUrl = user.sourceUrl;
  return { ...resolved, hash: hashConfig(resolved, schemaText) };
}

/** Check `defaults`: a mapping of `status`, `owner` and `type` to non-empty strings. */
function checkDefaults(file: string, value: unknown): Config['defaults'] {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(file, 'defaults', value, 'a mapping of `status`, `owner` and `type` to strings');
  }
  for (const [key, item] of Object.entries(value)) {
    if (key !== 'status' && key !== 'owner' && key !== 'type') {
      invalid(file, `defaults.${key}`, item, 'one of the keys `status`, `owner`, `type`');
    }
    if (typeof item !== 'string' || item.trim() === '') {
      invalid(file, `defaults.${key}`, item, 'a non-empty string');
    }
  }
  return { ...(value as Config['defaults']) };
}

/** Read the configured front-matter schema's text, or stop with a message. */
function readSchemaText(label: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return invalid(label, 'frontmatterSchema', path, 'the path of a readable JSON Schema file');
  }
}
