import path from 'node:path';
import { isBelow, isWithin, UsageError } from '@connector-alm/core';

/**
 * Refuses `inner`, a path a command was given, that lies in `folder`, which the same command reads
 * or writes as a whole: a zip in the folder unpack writes (deleted there as stale, or kept beside the
 * solution's files to be committed with them), a zip written into the folder pack reads (packed into
 * the solution by the next pack). The paths are compared as resolved, without following links: a
 * mistake in the command line, which is what this catches, shows in the paths as given. `inner` equal to `folder` is left to the checks of the path's kind,
 * unless `orEqual` (connector folders extracted into the solution folder itself).
 */
export function refuseInside(
  inner: string,
  folder: string,
  refusal: { problem: string; hint: string; orEqual?: boolean },
): void {
  const [outer, given] = [path.resolve(folder), path.resolve(inner)];
  if (refusal.orEqual ? isWithin(outer, given) : isBelow(outer, given))
    throw new UsageError(refusal.problem, { location: { file: inner }, hint: refusal.hint });
}
