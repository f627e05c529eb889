/** Waiting, as a port: production sleeps, a test may record the delays instead. */
export type Sleep = (milliseconds: number) => Promise<void>;

export const realSleep: Sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

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
