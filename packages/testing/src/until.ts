/**
 * A turn of the event loop, and a millisecond of real time so as not to spin on a shared machine:
 * what was due by then (an answer's bytes, the client's steps after them) has been taken in. Real time
 * only paces the checks; what they wait for is a state, never a duration.
 */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * Waits until `condition` holds, checking after each turn of the event loop: for a test that moves a
 * client's clock itself, the moment the server holds a request, or the client has taken in an answer.
 * No real-time limit: the test's own ends a wait that never ends. If `operation` ends first, the wait
 * fails at once with what it ended with.
 */
export async function until(condition: () => boolean, operation?: Promise<unknown>): Promise<void> {
  let ended: { outcome: unknown } | undefined;
  operation?.then(
    (value) => (ended = { outcome: value }),
    (error: unknown) => (ended = { outcome: error }),
  );
  while (!condition()) {
    if (ended)
      throw new Error(`The operation ended before the test could move time: ${String(ended.outcome)}`);
    await nextTurn();
  }
}

/** Calls `step` after each turn of the event loop until `operation` ends. */
export async function eachTurnUntilEnded(operation: Promise<unknown>, step: () => void): Promise<void> {
  let ended = false;
  operation.then(
    () => (ended = true),
    () => (ended = true),
  );
  while (!ended) {
    step();
    await nextTurn();
  }
}
