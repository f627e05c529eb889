import type { Worker } from 'node:worker_threads';
import type { ConnectorResult } from '../connector-result.js';
import type { GitIgnored } from '../loader/connector-folder.js';
import { releaseWorker, takeWorker } from './idle-workers.js';
import type { FolderTask, WorkerReply, WorkerSetup } from './protocol.js';

export interface PoolOptions {
  /** The built worker bundle (validate-worker.cjs). */
  workerScript: string;
  workers: number;
  /** What git ignores in each folder that it ignores anything of, by folder (gitIgnoredEntries). */
  gitIgnored?: ReadonlyMap<string, GitIgnored>;
  /** Called with each result in the folders' order, as soon as it and all before it are in. */
  onConnector?: (result: ConnectorResult) => void;
}

/**
 * Validates folders on worker threads and returns their results in the folders' order, whatever
 * order the workers finish in, so that output is the same as a run on one thread. Each worker takes
 * the next folder when it is done with one (it holds two at a time): folder sizes vary a hundredfold,
 * so a fixed split would leave one worker with the large swaggers.
 */
export function validateFoldersInParallel(
  folders: readonly string[],
  setup: WorkerSetup,
  options: PoolOptions,
): Promise<ConnectorResult[]> {
  const results: ConnectorResult[] = new Array<ConnectorResult>(folders.length);
  const workers: Worker[] = [];
  /** The workers that have this run's setup: it is sent with a worker's first folder only. */
  const setUp = new WeakSet<Worker>();
  const detach: (() => void)[] = [];
  let nextTask = 0;
  let nextToEmit = 0;
  let received = 0;
  let settled = false;

  return new Promise<ConnectorResult[]>((resolve, reject) => {
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const off of detach) off();
      // After a failure a worker may still be busy with a folder: it is not kept. Another worker may
      // still fail on its own (all load the same bundle): that error is this one again, and must not
      // become an uncaught exception now that nobody listens.
      for (const worker of workers) {
        if (error) {
          worker.on('error', ignore);
          void worker.terminate();
        } else releaseWorker(options.workerScript, worker);
      }
      if (error) reject(error);
      else resolve(results);
    };
    const assignNext = (worker: Worker): void => {
      if (nextTask >= folders.length) return;
      const folder = folders[nextTask]!;
      const task: FolderTask = { index: nextTask, folder };
      const ignored = options.gitIgnored?.get(folder);
      if (ignored !== undefined) task.gitIgnored = ignored;
      if (!setUp.has(worker)) task.setup = setup;
      worker.postMessage(task);
      setUp.add(worker);
      nextTask++;
    };
    const accept = (worker: Worker, reply: WorkerReply): void => {
      if (settled) return;
      if ('failure' in reply) {
        finish(new Error(reply.failure.message));
        return;
      }
      results[reply.index] = reply.result;
      received++;
      try {
        while (nextToEmit < folders.length && results[nextToEmit]) {
          options.onConnector?.(results[nextToEmit]!);
          nextToEmit++;
        }
      } catch (error) {
        // The caller's callback failed: the run fails with its error, as on one thread, instead of
        // throwing out of a worker's message event.
        finish(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (received === folders.length) finish();
      else post(worker);
    };
    // A task that cannot be sent (a setup that does not survive the structured clone) fails the run
    // there and then, instead of throwing out of a worker's message event or leaving it waiting.
    const post = (worker: Worker): boolean => {
      try {
        assignNext(worker);
        return true;
      } catch (error) {
        finish(new Error(`Could not send a folder to a validation worker: ${messageOf(error)}`));
        return false;
      }
    };

    if (folders.length === 0) {
      finish();
      return;
    }
    const count = Math.max(1, Math.min(options.workers, folders.length));
    for (let i = 0; i < count && !settled; i++) {
      let worker: Worker;
      try {
        worker = takeWorker(options.workerScript);
      } catch (error) {
        // The system refused another thread (EAGAIN under a process limit): the workers already
        // started do the run; with none, it fails with what the system said.
        if (workers.length > 0) break;
        finish(new Error(`Could not start a validation worker: ${messageOf(error)}`));
        return;
      }
      workers.push(worker);
      const onMessage = (reply: WorkerReply): void => accept(worker, reply);
      const onError = (error: Error): void =>
        finish(new Error(`A validation worker failed: ${error.message}`));
      const onMessageError = (error: Error): void =>
        finish(new Error(`A validation worker's reply could not be read: ${error.message}`));
      const onExit = (code: number): void =>
        finish(new Error(`A validation worker stopped early (exit code ${code}).`));
      worker
        .on('message', onMessage)
        .on('messageerror', onMessageError)
        .on('error', onError)
        .on('exit', onExit);
      detach.push(() =>
        worker
          .off('message', onMessage)
          .off('messageerror', onMessageError)
          .off('error', onError)
          .off('exit', onExit),
      );
      if (!post(worker)) return;
    }
    // A second task for each worker, queued behind its first (see TASKS_IN_FLIGHT).
    for (let round = 1; round < TASKS_IN_FLIGHT; round++) {
      for (const worker of workers) if (settled || !post(worker)) return;
    }
  });
}

/**
 * Tasks sent to a worker ahead of its replies. With one, a worker waited idle after each folder for
 * its reply to reach this thread and the next folder to come back (a round trip of 0.05-0.15 ms on
 * an idle machine, more under load: ~10-20 ms per worker and run on the corpus's 373 folders). With
 * two, the next folder is already queued; more would only leave a worker holding folders at the end
 * while another is idle.
 */
const TASKS_IN_FLIGHT = 2;

function ignore(): void {}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
