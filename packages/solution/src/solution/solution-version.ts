import { SolutionSettingError } from './solution-settings.js';

/** The numbers of a solution version (checked by checkVersion), missing parts as 0: 1.0 is 1.0.0.0. */
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
 * the same one.
 */
export function nextVersion(version: string): string {
  const parts = version.split('.');
  parts[parts.length - 1] = String(Number(parts[parts.length - 1]) + 1);
  return parts.join('.');
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
  if (order < 0)
    throw new SolutionSettingError(
      'version',
      version,
      `is lower than ${existingVersion}, the version of ${existingSource}: Dataverse refuses to import it over that version`,
      `Give a higher version (${nextVersion(existingVersion)}), or leave the version out to have that one.`,
    );
  return order === 0 ? 'same' : 'higher';
}
