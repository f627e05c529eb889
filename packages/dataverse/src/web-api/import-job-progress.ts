import type { ImportJobRecord } from './types.js';

/** The import job's progress in whole percent; undefined while it reports none (null, just created). */
export function importJobPercent(record: Pick<ImportJobRecord, 'progress'>): number | undefined {
  // A job just created reports no progress yet (null): that is "not yet", not NaN %.
  return typeof record.progress === 'number' && Number.isFinite(record.progress)
    ? Math.round(record.progress)
    : undefined;
}

/**
 * Whether the import has ended, successfully or not: the service sets `completedon` then, and only the
 * import log (`data`) says how the solution fared.
 */
export function importJobEnded(record: Pick<ImportJobRecord, 'completedon'>): boolean {
  return typeof record.completedon === 'string' && record.completedon !== '';
}
