import { availableParallelism } from 'node:os';

/** `auto` picks a worker count from the machine and the run's size; `off` validates on this thread. */
export type Concurrency = number | 'auto' | 'off';

/**
 * A worker thread costs tens of milliseconds to start (it loads its own copy of the validator),
 * while a connector folder takes a few: below this many folders per worker, threads do not pay.
 */
export const MIN_FOLDERS_PER_WORKER = 16;

/**
 * How many worker threads validate `folderCount` folders; 1 means none (this thread does it).
 *
 * `auto` leaves one core free: a single validating thread already keeps about one and a half cores
 * busy (V8 compiles optimised code and collects garbage on background threads), and every worker
 * compiles the rules anew. On two cores, two workers made a one-off run of the corpus slower
 * (2.5 s instead of 2.1 s), so `auto` stays on this thread there.
 */
export function workerCount(
  concurrency: Concurrency,
  folderCount: number,
  cores: number = availableParallelism(),
): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto') {
    const spare = Math.max(1, cores - 1);
    return Math.max(1, Math.min(spare, Math.floor(folderCount / MIN_FOLDERS_PER_WORKER)));
  }
  // More workers than cores only add memory (each loads its own validator: a request for 9,999
  // started one per folder and took 8 GB); two are always allowed, so that the parallel path can be
  // chosen on any machine.
  return Math.max(1, Math.min(Math.floor(concurrency), folderCount, Math.max(2, cores)));
}

/** Parses a `--concurrency` value: a positive whole number, `auto` or `off`; undefined if invalid. */
export function parseConcurrency(text: string): Concurrency | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'auto' || trimmed === 'off') return trimmed;
  if (!/^[1-9]\d{0,3}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
