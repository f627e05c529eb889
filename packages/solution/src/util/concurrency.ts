/**
 * Runs `task` on every item with at most `limit` running at once. Unpacking many small entries is
 * bound by file-system round trips, which overlap well. The first failure stops new tasks and is
 * thrown once the running ones have settled, so that nothing still reads the archive or writes
 * into the staging folder after the caller has closed or removed it.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
