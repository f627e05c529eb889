import { plural } from '@connector-alm/core';
import type { AsyncOperationRecord } from './types.js';

/** statecode 3 is Completed; statuscode 30 Succeeded, 31 Failed, 32 Canceled (asyncoperation entity). */
export type AsyncOutcome =
  | { done: false; status: string }
  | { done: true; succeeded: true }
  | { done: true; succeeded: false; reason: string };

const STATUS_NAMES: Record<number, string> = {
  0: 'waiting for resources',
  10: 'waiting',
  20: 'in progress',
  21: 'pausing',
  22: 'canceling',
  30: 'succeeded',
  31: 'failed',
  32: 'canceled',
};

/** The system job's status in words: "waiting for resources", "in progress", or "status 99" if unknown. */
export function asyncStatus(record: AsyncOperationRecord): string {
  return STATUS_NAMES[record.statuscode] ?? `status ${record.statuscode}`;
}

export function asyncOutcome(record: AsyncOperationRecord): AsyncOutcome {
  const status = asyncStatus(record);
  if (record.statecode !== 3) return { done: false, status };
  if (record.statuscode === 30) return { done: true, succeeded: true };
  return {
    done: true,
    succeeded: false,
    reason: record.friendlymessage || record.message || `the system job ended as ${status}`,
  };
}

/**
 * Seconds between polls: quick at first, as small solutions finish in seconds, then every 10 s as the
 * service-protection guidance suggests for long jobs.
 */
export function pollDelayMs(poll: number): number {
  const steps = [1000, 2000, 3000, 5000];
  return steps[poll] ?? 10_000;
}

/**
 * max-async-wait-time: the most a run waits for an asynchronous job, counted from when the request
 * that started it was first sent. That request can itself take minutes (Retry-After of throttling, or
 * a lost answer waited out to its 10-min limit); counting only from the job's first poll let a run
 * last that long plus the whole wait. A synchronous import sent once more after a lost answer
 * (send-import.ts) counts from its first request too, the 30 s spent looking for its import job
 * included, as throttling does: time before the import started, which the step's bound covers.
 */
export interface AsyncWait {
  /** Clock time at which the start request was first sent. */
  sentAt: number;
  maxWaitMs: number;
}

/** Whether sleeping `delayMs` before the next poll would carry the wait past its end. */
export function waitRunsOut(wait: AsyncWait, now: number, delayMs: number): boolean {
  return now - wait.sentAt + delayMs > wait.maxWaitMs;
}

/** The wait as its errors name it: "1 minute", "60 minutes" (max-async-wait-time is whole minutes). */
export function waitMinutes(wait: AsyncWait): string {
  return plural(Math.round(wait.maxWaitMs / 60_000), 'minute');
}
