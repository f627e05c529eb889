import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isBelow, isWithin, UsageError } from '@connector-alm/core';

/**
 * Refuses `inner`, a path a command was given, that lies in `folder`, which the same command reads
 * or writes as a whole: a zip in the folder unpack writes (deleted there as stale, or kept beside the
 * solution's files to be committed with them), a zip written into the folder pack reads (packed into
 * the solution by the next pack), connector folders extracted into the unpacked solution they come
 * from. The paths are compared as given and as they really are (links followed): `pack link
 * src/x.zip`, where link leads to src, writes into src as surely as `pack src src/x.zip`. `inner` equal
 * to `folder` is left to the checks of the path's kind, unless `orEqual` (connector folders extracted
 * into the solution folder itself).
 */
export async function refuseInside(
  inner: string,
  folder: string,
  refusal: { problem: string; hint: string; orEqual?: boolean },
): Promise<void> {
  const inside = refusal.orEqual ? isWithin : isBelow;
  if (
    inside(path.resolve(folder), path.resolve(inner)) ||
    inside(await realPathOf(folder), await realPathOf(inner))
  )
    throw new UsageError(refusal.problem, { location: { file: inner }, hint: refusal.hint });
}

/**
 * Where `given` really is: the real path of its nearest ancestor that exists (links followed), with
 * the rest of the path as given, as a path not yet made (a zip to write, a folder to unpack into)
 * will be made there.
 */
export async function realPathOf(given: string): Promise<string> {
  const rest: string[] = [];
  for (let existing = path.resolve(given); ; existing = path.dirname(existing)) {
    try {
      return path.join(await fs.realpath(existing), ...rest);
    } catch {
      // Not there (yet): its parent, then.
    }
    // The root, which always exists, ends the walk; a root that cannot be read leaves the path as given.
    if (path.dirname(existing) === existing) return path.resolve(given);
    rest.unshift(path.basename(existing));
  }
}
