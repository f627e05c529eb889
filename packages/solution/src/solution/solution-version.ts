import { MAX_VERSION_PART, versionAsRead } from './manifest.js';
import { SolutionSettingError } from './solution-settings.js';

/** The numbers of a solution version (as versionAsRead takes it), missing parts as 0: 1.0 is 1.0.0.0. */
function partsOf(version: string): number[] {
  const parts = version.split('.').map(Number);
  return [...parts, ...Array<number>(4 - parts.length).fill(0)];
}

/** Negative when `a` is the lower version, 0 when both are the same, positive when `a` is higher. */
export function compareVersions(a: string, b: string): number {
  const [left, right] = [partsOf(a), partsOf(b)];
  for (let i = 0; i < 4; i++) if (left[i] !== right[i]) return left[i]! - right[i]!;
  return 0;
}

/** The version `unpack --reset-version` writes when given none: the guides' choice for a snapshot. */
export const RESET_VERSION = '0.0.0.0';

/**
 * Whether `version` is the reset version or a build numbered from it (0.0.0.0, 0.0.0.1, …): the
 * version of a snapshot unpacked with a reset version, or of a zip packed or built from one without a
 * version given. Dataverse gives a new solution 1.0.0.0 and makers number up from there, so an
 * environment that has the solution has a higher version, and refuses such a zip (import
 * --skip-lower-version skips it, every time).
 */
export function isResetBuild(version: string): boolean {
  const [major, minor, build] = partsOf(version);
  return major === 0 && minor === 0 && build === 0;
}

/**
 * The version after `version`: its last part one higher (1.0.0.3 → 1.0.0.4, 2.1 → 2.2), as makers
 * number the builds of a solution. A new version, because Dataverse records which build an
 * environment has by it, and an import that skips versions it has (skip-lower-version) would skip
 * the same one. Written as Dataverse reads the version (01.002 → 1.3), as a version the user gives
 * must be written (versionFault). A part at MAX_VERSION_PART cannot go higher, so it carries into the
 * part before (1.0.0.2147483647 → 1.0.1.0): the version after it, where one part more was refused.
 * Every part at the limit: a version of fewer than four parts grows one (a missing part is 0);
 * undefined for one of four (no version is higher, see noHigherVersion) or for no version at all.
 */
export function nextVersion(version: string): string | undefined {
  const read = versionAsRead(version);
  if (read === undefined) return undefined;
  const parts = read.split('.').map(Number);
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i]! < MAX_VERSION_PART) {
      parts[i] = parts[i]! + 1;
      return parts.fill(0, i + 1).join('.');
    }
  }
  return parts.length < 4 ? `${read}.1` : undefined;
}

/** Why no version follows `version` (one nextVersion gives none for), as the middle of a sentence. */
export function noHigherVersion(version: string): string {
  return `no version is higher than ${version}: each of its parts is ${MAX_VERSION_PART}, the highest a Dataverse version holds`;
}

/**
 * How `version` stands to the version of the solution it updates (`existingVersion`, of
 * `existingSource`): a lower one is refused, as Dataverse refuses to import it over a higher one;
 * the same one is returned as 'same', for the caller to warn that an import skipping versions the
 * environment has (skip-lower-version) skips it.
 */
export function checkVersionAfter(
  version: string,
  existingVersion: string,
  existingSource: string,
): 'same' | 'higher' {
  const order = compareVersions(version, existingVersion);
  if (order < 0) {
    const next = nextVersion(existingVersion);
    throw new SolutionSettingError(
      'version',
      version,
      `is lower than ${existingVersion}, the version of ${existingSource}: Dataverse refuses to import it over that version`,
      next === undefined
        ? `None will do: ${noHigherVersion(existingVersion)}. Build a solution of another unique name.`
        : `Give a higher version (${next}), or leave the version out to have that one.`,
    );
  }
  return order === 0 ? 'same' : 'higher';
}
