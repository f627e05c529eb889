/**
 * The time port. Token expiry, Retry-After waits and job polling all read and spend time through it,
 * so tests can run an hour-long export in milliseconds by passing a clock whose sleep only advances `now`.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock that never waits: sleeping moves its time forward. For tests and simulations. */
export function createManualClock(start = Date.UTC(2025, 0, 1)): Clock & { advance(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    sleep: async (ms) => {
      current += Math.max(0, ms);
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
