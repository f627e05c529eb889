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
 * Lets the pieces of a trickled answer come one by one until `operation` ends, the server and the
 * client sharing `clock`: time moves to the server's next piece (due in `link.everyMs`) only once the
 * client has taken in the one before and waits a whole `silenceMs` for the next. So each piece comes
 * `everyMs` after the one before however long the whole takes, and a limit on silence never runs out
 * however slow the machine. `onTurn` is called after each turn, before time moves.
 */
export async function letPiecesCome(
  clock: ManualClock,
  link: { everyMs: number },
  silenceMs: number,
  operation: Promise<unknown>,
  onTurn?: () => void,
): Promise<void> {
  await eachTurnUntilEnded(operation, () => {
    onTurn?.();
    const waits = clock.pendingTimers();
    if (waits.includes(link.everyMs) && waits.includes(silenceMs)) clock.advance(link.everyMs);
  });
}
