/**
 * A lint worker thread. It loads the configuration itself from the working
 * directory and configuration file it is given, checks that it got the
 * same configuration as the main thread, and then runs batches of tasks,
 * answering each with serialisable outcomes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSetup } from './context.js';
import { createLinter } from './lint.js';
import { loadExtractor } from './extractor.js';
import { runTask, type LintTask, type TaskOutcome } from './lint-task.js';

/** What the main thread hands a worker when it starts it. */
export interface WorkerInput {
  cwd: string;
  configFile?: string;
  /** `config.hash` in the main thread; a mismatch stops the worker. */
  configHash: string;
  /** Also extract knowledge-base records (`build`). */
  extract?: boolean;
}

/** A batch of tasks sent to a worker. */
export interface WorkerRequest {
  batch: number;
  tasks: LintTask[];
}

/** A worker's answer to a batch, or the error that stopped it. */
export type WorkerResponse =
  | { batch: number; outcomes: TaskOutcome[] }
  | { batch: number; error: string };

/** Set up the linter and answer batches until the port closes. */
async function start(): Promise<void> {
  const input = workerData as WorkerInput;
  const port = parentPort!;
  const { config, registry } = loadSetup(input.cwd, input.configFile);
  if (config.hash !== input.configHash) {
    throw new Error(
      `Unexpected configuration hash \`${config.hash}\` in a worker, expected \`${input.configHash}\` (did the configuration change during the run?)`,
    );
  }
  const linter = createLinter(config, registry);
  const extract = input.extract ? await loadExtractor(config) : undefined;
  port.on('message', async (request: WorkerRequest) => {
    try {
      const outcomes: TaskOutcome[] = [];
      for (const task of request.tasks) {
        outcomes.push(await runTask(linter, config, task, extract));
      }
      port.postMessage({ batch: request.batch, outcomes } satisfies WorkerResponse);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      port.postMessage({ batch: request.batch, error: text } satisfies WorkerResponse);
    }
  });
}

if (parentPort && (workerData as WorkerInput | undefined)?.configHash) {
  // A failure to start is thrown where the pool's error handler sees it.
  start().catch((error: unknown) => {
    setImmediate(() => {
      throw error;
    });
  });
}
