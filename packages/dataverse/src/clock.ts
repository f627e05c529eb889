/**
 * The time port. Token expiry, Retry-After waits, job polling and the time limits of requests all
 * read and spend time through it, so tests can run an hour-long export in milliseconds, and end a
 * request that got no answer exactly when they say so, by passing a clock that moves only when told.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Calls `onExpiry` once `ms` have passed, unless the timer is cancelled before. */
  startTimer(ms: number, onExpiry: () => void): Timer;
}

export interface Timer {
  cancel(): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  startTimer: (ms, onExpiry) => {
    const handle = setTimeout(onExpiry, ms);
    return { cancel: () => clearTimeout(handle) };
  },
};

/**
 * An AbortSignal that aborts with `reason()` once `ms` have passed on `clock`, as AbortSignal.timeout
 * does on the real one, and that `cancel` stops first: a time limit that ends when the caller says.
 */
export function abortAfter(
  clock: Clock,
  ms: number,
  reason: () => unknown,
): { signal: AbortSignal; cancel(): void } {
  const controller = new AbortController();
  const timer = clock.startTimer(ms, () => controller.abort(reason()));
  return { signal: controller.signal, cancel: () => timer.cancel() };
}

/** A clock that moves only when told, for tests and simulations. */
export interface ManualClock extends Clock {
  /** Moves time forward (or back), expiring the timers due by then, soonest first. */
  advance(ms: number): void;
  /** How long until each running timer expires, soonest first: what a test lets pass to end a wait. */
  pendingTimers(): number[];
  /** How many timers have been started so far: each one a wait the client began. */
  readonly timersStarted: number;
}

/** A clock that never waits: sleeping moves its time forward, and timers expire only as time moves. */
export function createManualClock(start = Date.UTC(2025, 0, 1)): ManualClock {
  let current = start;
  let started = 0;
  let running: { dueAt: number; order: number; onExpiry: () => void }[] = [];
  const advance = (ms: number): void => {
    const target = current + ms;
    for (;;) {
      const due = running
        .filter((timer) => timer.dueAt <= target)
        .sort((a, b) => a.dueAt - b.dueAt || a.order - b.order)[0];
      if (!due) break;
      running = running.filter((timer) => timer !== due);
      current = Math.max(current, due.dueAt);
      due.onExpiry();
    }
    current = target;
  };
  return {
    now: () => current,
    sleep: async (ms) => advance(Math.max(0, ms)),
    startTimer: (ms, onExpiry) => {
      const timer = { dueAt: current + Math.max(0, ms), order: started++, onExpiry };
      running.push(timer);
      return {
        cancel: () => {
          running = running.filter((other) => other !== timer);
        },
      };
    },
    advance,
    pendingTimers: () => running.map((timer) => timer.dueAt - current).sort((a, b) => a - b),
    get timersStarted() {
      return started;
    },
  };
}
