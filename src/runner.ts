/**
 * The lint runner: lints a sorted list of files and yields their results in
 * that order as they are ready. Unchanged files come from the cache; the
 * rest are linted in this thread or, for large runs, on worker threads.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseInteger } from './args.js';
import type { Config } from './config.js';
import type { EntryFile } from './discover.js';
import type { MainContext, Output } from './io.js';
import { DEFAULT_CACHE_FILE, LintCache, type CacheLookup } from './cache.js';
import {
  runTask,
  type Extractor,
  type LintTask,
  type TaskOutcome,
} from './lint-task.js';
import { createProgress } from './progress.js';
import type { Entry } from './kb/types.js';
import type { LintResult } from './result.js';
import type { Rule } from './rule.js';
import { getVersion } from './version.js';

/** Below this many files to lint per worker, a worker costs more than it saves. */
export const MIN_FILES_PER_WORKER = 100;

/** Counters tests read: files linted, and files whose cached result held. */
export const runStats = { linted: 0, reused: 0 };

/** Largest batch a worker gets at once. */
const MAX_BATCH = 32;

/** How a run lints. */
export interface RunnerOptions {
  cwd: string;
  config: Config;
  registry: readonly Rule[];
  /** The configuration file given with `--config`, for workers to load. */
  configFile?: string;
  /** Absolute path of the cache file; no cache when absent. */
  cacheLocation?: string;
  /** Threads to use; 1 lints in this thread; absent chooses by size. */
  concurrency?: number;
  stderr: Output;
  env: Record<string, string | undefined>;
  /** Also extract each file's knowledge-base record (`build`; no cache). */
  extract?: boolean;
}

/** One file's result, and its record when the run extracts. */
export interface RunOutput {
  result: LintResult;
  record?: Entry;
}

/** Options of `lint` that the runner reads. */
export const RUNNER_OPTIONS = {
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
} as const;

/** Lines of `lint --help` for the runner's options. */
export const RUNNER_HELP = `  --cache               reuse results of unchanged files (see --cache-location)
  --cache-location FILE where the cache lives (default: ${DEFAULT_CACHE_FILE})
  --concurrency N       threads to lint on; 1 lints without worker threads
                        (default: chosen by the number of files and cores)
`;

/** Build runner options from the parsed flags of `lint`. */
export function runnerOptionsFrom(
  context: MainContext,
  values: Record<string, unknown>,
  setup: { config: Config; registry: readonly Rule[] },
  command = 'lint',
): RunnerOptions {
  const options: RunnerOptions = {
    cwd: context.cwd,
    config: setup.config,
    registry: setup.registry,
    stderr: context.stderr,
    env: context.env ?? process.env,
  };
  const configFile = values.config as string | undefined;
  if (configFile !== undefined) options.configFile = resolve(context.cwd, configFile);
  const location = values['cache-location'] as string | undefined;
  if (values.cache || location !== undefined) {
    options.cacheLocation = resolve(context.cwd, location ?? DEFAULT_CACHE_FILE);
  }
  const concurrency = parseInteger(command, 'concurrency', values.concurrency, 1);
  if (concurrency !== undefined) options.concurrency = concurrency;
  return options;
}

/** Runs batches of tasks somewhere; `close` frees what it holds. */
interface Executor {
  run(tasks: LintTask[]): Promise<TaskOutcome[]>;
  /** How many batches may run at once. */
  window: number;
  close(): Promise<void>;
}

/** The number of threads for `misses` files to lint. */
export function chooseThreads(misses: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, misses));
  const byWork = Math.floor(misses / MIN_FILES_PER_WORKER);
  return Math.max(1, Math.min(availableParallelism(), byWork));
}

/** An executor in this thread; the linter is loaded on first use. */
function createLocalExecutor(options: RunnerOptions): Executor {
  let linter: Promise<import('./lint.js').Linter> | undefined;
  let extract: Promise<Extractor> | undefined;
  const load = async () => {
    const { createLinter } = await import('./lint.js');
    return createLinter(options.config, options.registry);
  };
  const loadExtract = async () => {
    const { loadExtractor } = await import('./extractor.js');
    return loadExtractor(options.config);
  };
  return {
    window: 1,
    async run(tasks) {
      linter ??= load();
      const ready = await linter;
      if (options.extract) extract ??= loadExtract();
      const extractor = extract ? await extract : undefined;
      const outcomes: TaskOutcome[] = [];
      for (const task of tasks) {
        outcomes.push(await runTask(ready, options.config, task, extractor));
      }
      return outcomes;
    },
    async close() {},
  };
}

/** An executor on `threads` worker threads. */
async function createWorkerExecutor(options: RunnerOptions, threads: number): Promise<Executor> {
  const { WorkerPool } = await import('./pool.js');
  const input = {
    cwd: options.cwd,
    configHash: options.config.hash,
    ...(options.extract ? { extract: true } : {}),
  };
  const pool = new WorkerPool(
    threads,
    options.configFile ? { ...input, configFile: options.configFile } : input,
  );
  return { window: threads * 2, run: (tasks) => pool.run(tasks), close: () => pool.close() };
}

/** Look every file up in the cache (all misses without one). */
async function lookupAll(files: readonly EntryFile[], cache?: LintCache): Promise<CacheLookup[]> {
  if (!cache) return files.map(() => ({ kind: 'miss' }));
  const lookups: CacheLookup[] = [];
  for (let start = 0; start < files.length; start += 256) {
    const slice = files.slice(start, start + 256);
    lookups.push(...(await Promise.all(slice.map((file) => cache.lookup(file)))));
  }
  return lookups;
}

/** Group the files to lint into batches, in file order. */
function planBatches(
  files: readonly EntryFile[],
  lookups: readonly CacheLookup[],
  threads: number,
): { batches: LintTask[][]; batchOf: number[] } {
  const misses = lookups.filter((lookup) => lookup.kind === 'miss').length;
  const size = threads === 1 ? 1 : Math.min(MAX_BATCH, Math.ceil(misses / (threads * 4)));
  const batches: LintTask[][] = [];
  const batchOf: number[] = [];
  files.forEach((entry, index) => {
    const lookup = lookups[index]!;
    if (lookup.kind === 'hit') return;
    const last = batches.at(-1);
    const batch = last && last.length < size ? last : [];
    if (batch !== last) batches.push(batch);
    const task: LintTask = lookup.cachedHash ? { entry, cachedHash: lookup.cachedHash } : { entry };
    batch.push(task);
    batchOf[index] = batches.length - 1;
  });
  return { batches, batchOf };
}

/**
 * Hands out outcomes batch by batch, keeping up to `executor.window`
 * batches in flight ahead of the one being read, so results stream in
 * order while memory stays bounded.
 */
function createScheduler(executor: Executor, batches: LintTask[][]) {
  const pending = new Map<number, Promise<TaskOutcome[]>>();
  let dispatched = 0;
  let current = -1;
  let offset = 0;
  let outcomes: TaskOutcome[] = [];

  /** Start batches up to `last`. */
  const fill = (last: number) => {
    while (dispatched < batches.length && dispatched <= last) {
      const promise = executor.run(batches[dispatched]!);
      // Awaited later, in order; this keeps an early failure from being
      // reported as unhandled before its turn comes.
      promise.catch(() => undefined);
      pending.set(dispatched++, promise);
    }
  };

  return async (batch: number): Promise<TaskOutcome> => {
    if (batch !== current) {
      fill(batch + executor.window - 1);
      outcomes = await pending.get(batch)!;
      pending.delete(batch);
      current = batch;
      offset = 0;
    }
    return outcomes[offset++]!;
  };
}

/** Start what lints the misses: nothing, this thread, or workers. */
async function createExecutor(
  options: RunnerOptions,
  misses: number,
  threads: number,
): Promise<Executor | undefined> {
  if (misses === 0) return undefined;
  if (threads === 1) return createLocalExecutor(options);
  return createWorkerExecutor(options, threads);
}

/** Save the cache; a failure costs the next run time, not this run. */
async function saveCache(cache: LintCache, options: RunnerOptions): Promise<void> {
  try {
    await cache.save();
  } catch (error) {
    const reason = (error as Error).message;
    options.stderr.write(`journal-kb: Cannot write cache file ${cache.location}: ${reason}\n`);
  }
}

/**
 * Lint `files` (sorted) and yield each result in that order, as soon as it
 * and every result before it are ready.
 */
export async function* lintFiles(
  files: readonly EntryFile[],
  options: RunnerOptions,
): AsyncGenerator<LintResult> {
  for await (const output of runFiles(files, options)) yield output.result;
}

/**
 * Lint (and, for `build`, extract) `files` (sorted) and yield each output
 * in that order, as soon as it and every output before it are ready.
 */
export async function* runFiles(
  files: readonly EntryFile[],
  options: RunnerOptions,
): AsyncGenerator<RunOutput> {
  const warn = (text: string) => options.stderr.write(`journal-kb: ${text}\n`);
  const cache = options.cacheLocation
    ? await LintCache.load(options.cacheLocation, options.config.hash, getVersion(), warn)
    : undefined;
  const lookups = await lookupAll(files, cache);
  const misses = lookups.filter((lookup) => lookup.kind === 'miss').length;
  const threads = chooseThreads(misses, options.concurrency);
  const { batches, batchOf } = planBatches(files, lookups, threads);
  const executor = await createExecutor(options, misses, threads);
  const next = executor ? createScheduler(executor, batches) : undefined;
  const progress = createProgress(options.stderr, files.length, options.env);
  try {
    for (const [index, entry] of files.entries()) {
      const lookup = lookups[index]!;
      let output: RunOutput;
      if (lookup.kind === 'hit') {
        output = { result: lookup.result };
        runStats.reused++;
      } else {
        const outcome = await next!(batchOf[index]!);
        output = { result: settle(entry, outcome, cache) };
        if (outcome.kind === 'linted' && outcome.record) output.record = outcome.record;
      }
      progress.tick();
      yield output;
    }
    if (cache) await saveCache(cache, options);
  } finally {
    progress.done();
    await executor?.close();
  }
}

/** The result an outcome stands for, recorded in the cache if there is one. */
function settle(entry: EntryFile, outcome: TaskOutcome, cache?: LintCache): LintResult {
  if (outcome.kind === 'unchanged') runStats.reused++;
  else runStats.linted++;
  if (cache) return cache.record(entry, outcome);
  if (outcome.kind === 'linted') return outcome.result;
  throw new Error(`Unexpected cached outcome for ${entry.path} without a cache`);
}
