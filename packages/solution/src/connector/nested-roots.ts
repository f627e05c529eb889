import path from 'node:path';
import { isWithin, slashSeparated, UsageError, type SaySetting } from '@connector-alm/core';

/** The setting that names the other roots of a solution, in the CLI's words and the action's. */
export const OTHER_ROOTS = { option: '--other-root', input: 'other-roots' };

/**
 * Refuses a destination root that holds one of `otherRoots` (all absolute), or lies in one, before
 * anything is read or written. Extraction takes every folder of a root for a connector's: a connector
 * named like the other root's folder (`connectors/Legacy` for "Legacy"), or found in it by its name,
 * would be written into that root, its files mixed with the other root's connector folders, and a
 * connector moved between them would be looked for inside itself. The same folder given as both is
 * no nesting: its connectors are this root's.
 */
export function refuseNestedRoots(
  destinationRoot: string,
  otherRoots: readonly string[],
  say: SaySetting,
): void {
  const destination = path.resolve(destinationRoot);
  for (const root of otherRoots) {
    const other = path.resolve(root);
    if (other === destination) continue;
    const setting = say(OTHER_ROOTS);
    const hint =
      'Give roots side by side, neither inside the other (custom-connectors and independent-publisher-connectors).';
    if (isWithin(destination, other))
      throw new UsageError(
        `holds the other root (${setting}) in its folder '${slashSeparated(path.relative(destination, other))}': extraction takes that folder for a connector's, and would write a connector named like it (or found in it) into the other root. Nothing was written.`,
        { location: { file: destinationRoot }, hint },
      );
    if (isWithin(other, destination))
      throw new UsageError(
        `lies inside the other root (${setting}), as its folder '${slashSeparated(path.relative(other, destination))}': that root's extraction takes this folder for a connector's, and would write a connector named like it (or found in it) here. Nothing was written.`,
        { location: { file: destinationRoot }, hint },
      );
  }
}
