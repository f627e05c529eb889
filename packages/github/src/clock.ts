/** Waiting, as a port: production sleeps, a test may record the delays instead. */
export type Sleep = (milliseconds: number) => Promise<void>;

export const realSleep: Sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** A time limit that has been started; cancelling it before it runs out stops it. */
export interface Timer {
  cancel(): void;
}

/**
 * Starting a time limit, as a port: production uses a real timer; a test passes one whose time moves
 * only when it says, so that a request it holds unanswered runs out exactly then, never because a
 * loaded machine was slow to answer.
 */
export type StartTimer = (milliseconds: number, onExpiry: () => void) => Timer;

/**
 * A real timer that does not keep the process alive, as AbortSignal.timeout's does not: a request's
 * limit still running once its answer has been read must not hold up the end of a run.
 */
export const realStartTimer: StartTimer = (milliseconds, onExpiry) => {
  const handle = setTimeout(onExpiry, milliseconds).unref();
  return { cancel: () => clearTimeout(handle) };
};

/** Delays of an exponential backoff: first, doubled each time, capped; never more than `total` in sum. */
export function backoffDelays(first: number, cap: number, total: number): number[] {
  const delays: number[] = [];
  let sum = 0;
  for (let delay = first; sum + Math.min(delay, cap) <= total; delay *= 2) {
    delays.push(Math.min(delay, cap));
    sum += Math.min(delay, cap);
  }
  return delays;
}
