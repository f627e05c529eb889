import type { StartTimer } from '../../src/index.js';

/**
 * Timers for createGitHubClient's startTimer whose time moves only when the test says: a request the
 * server holds unanswered runs out exactly then, and an answered one never, however slow the machine.
 */
export function manualTimers() {
  let now = 0;
  let running: { dueAt: number; onExpiry: () => void }[] = [];
  const startTimer: StartTimer = (milliseconds, onExpiry) => {
    const timer = { dueAt: now + milliseconds, onExpiry };
    running.push(timer);
    return {
      cancel: () => {
        running = running.filter((other) => other !== timer);
      },
    };
  };
  return {
    startTimer,
    /** How long until each running timer expires, soonest first. */
    pending: () => running.map((timer) => timer.dueAt - now).sort((a, b) => a - b),
    /** Moves time forward, expiring the timers due by then, soonest first. */
    advance(milliseconds: number): void {
      now += milliseconds;
      const due = running.filter((timer) => timer.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
      running = running.filter((timer) => timer.dueAt > now);
      for (const timer of due) timer.onExpiry();
    },
  };
}
