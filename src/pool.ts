/**
 * A small pool of lint worker threads. Batches go to whichever worker is
 * idle; each call resolves with that batch's outcomes. A worker that fails
 * to start or dies fails the run with a message, never a silent gap.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { JournalKbError } from './errors.js';
import type { LintTask, TaskOutcome } from './lint-task.js';
import type { WorkerInput, WorkerRequest, WorkerResponse } from './worker.js';

/** Counters a test reads to see that workers really ran. */
export const poolStats = { workersStarted: 0, batchesRun: 0 };

/** A batch waiting for, or running on, a worker. */
interface Job {
  batch: number;
  tasks: LintTask[];
  resolve: (outcomes: TaskOutcome[]) => void;
  reject: (error: Error) => void;
}

/**
 * The worker script. From compiled code it sits beside this module; when
 * the sources run directly (vitest runs TypeScript), Node cannot start a
 * `.ts` worker, so the compiled one in `dist/src/` is used.
 */
export function workerScript(): URL {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) return new URL('../dist/src/worker.js', here);
  return new URL('./worker.js', here);
}

/** Lint workers that take batches of tasks. */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private readonly workers: Worker[] = [];
  private failure: Error | undefined;
  private nextBatch = 0;

  /** Start `size` workers for one configuration. */
  constructor(size: number, input: WorkerInput) {
    const script = workerScript();
    if (!existsSync(script)) {
      throw new JournalKbError(
        'INTERNAL',
        `Cannot start lint workers: missing ${fileURLToPath(script)} (run \`npm run build\`, or use \`--concurrency 1\`)`,
      );
    }
    for (let index = 0; index < size; index++) this.spawn(script, input);
  }

  /** Start one worker and wire up its answers and failures. */
  private spawn(script: URL, input: WorkerInput): void {
    const worker = new Worker(script, { workerData: input, execArgv: [] });
    poolStats.workersStarted++;
    this.workers.push(worker);
    this.idle.push(worker);
    worker.on('message', (response: WorkerResponse) => this.settle(worker, response));
    worker.on('error', (error) => {
      const text = `A lint worker failed: ${error.message}`;
      this.fail(new JournalKbError('INTERNAL', text, { cause: error }));
    });
    worker.on('exit', (code) => {
      if (code !== 0 && !this.failure) {
        this.fail(new JournalKbError('INTERNAL', `A lint worker stopped with exit code ${code}`));
      }
    });
  }

  /** Hand a worker's answer to the batch that waits for it. */
  private settle(worker: Worker, response: WorkerResponse): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    this.dispatch();
    if (!job) return;
    if ('error' in response) {
      job.reject(new JournalKbError('INTERNAL', `A lint worker failed: ${response.error}`));
    } else {
      poolStats.batchesRun++;
      job.resolve(response.outcomes);
    }
  }

  /** Fail every waiting and running batch with `error`. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of [...this.queue, ...this.running.values()]) job.reject(error);
    this.queue.length = 0;
    this.running.clear();
  }

  /** Give queued batches to idle workers. */
  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      const request: WorkerRequest = { batch: job.batch, tasks: job.tasks };
      worker.postMessage(request);
    }
  }

  /** Run a batch of tasks on the next idle worker. */
  run(tasks: LintTask[]): Promise<TaskOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ batch: this.nextBatch++, tasks, resolve, reject });
      this.dispatch();
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.failure ??= new JournalKbError('INTERNAL', 'The worker pool is closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
