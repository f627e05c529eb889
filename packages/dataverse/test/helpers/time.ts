import { expect } from '@jest/globals';
import { eachTurnUntilEnded, until } from '@connector-alm/testing';
import type { ManualClock } from '../../src/index.js';

export { until };

/**
 * Once `ready` holds (the server holds a request unanswered, or the client has taken in the start of
 * an answer that then stops), checks that the client waits on exactly one time limit, of `limitMs`,
 * and lets that time pass: the limit runs out at the moment the test chooses, never because the
 * machine was slow to answer.
 */
export async function runOut(
  clock: ManualClock,
  limitMs: number,
  ready: () => boolean,
  operation: Promise<unknown>,
): Promise<void> {
  await until(ready, operation);
  expect(clock.pendingTimers()).toEqual([limitMs]);
  clock.advance(limitMs);
}

/**
 * Lets `stepMs` pass each time the client starts a time limit (a request sent, a piece of an answer
 * taken in), until `operation` ends: a link on which each piece comes `stepMs` after the one before,
 * however long the whole takes. Time moves only once the client has begun a new wait, after taking in
 * the piece before, so a limit on silence never runs out however slow the machine.
 */
export async function passTimeAsPiecesCome(
  clock: ManualClock,
  stepMs: number,
  operation: Promise<unknown>,
): Promise<void> {
  let seen = clock.timersStarted;
  await eachTurnUntilEnded(operation, () => {
    if (clock.timersStarted === seen) return;
    seen = clock.timersStarted;
    clock.advance(stepMs);
  });
}
