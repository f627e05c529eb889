// Release tags and their order, as semver.org defines them. Pure: no git, no files.
import { ReleaseError } from './release-error.mjs';

// vMAJOR.MINOR.PATCH with an optional pre-release (-rc.1); numbers without leading zeros. Build
// metadata (+sha) is refused: two tags that differ only in it would be the same version.
const IDENTIFIER = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const TAG = new RegExp(
  `^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?$`,
);

/**
 * @typedef {object} ReleaseVersion
 * @property {string} tag        v1.2.3 or v1.2.3-rc.1
 * @property {string} version    1.2.3 or 1.2.3-rc.1, as package.json writes it
 * @property {number[]} core     [1, 2, 3]
 * @property {string[]} prerelease  ['rc', '1'], empty for a release
 * @property {string} majorTag   v1: the tag that users' `@v1` follows
 */

/** The version a tag names, or undefined when it is no release tag (v1, latest, 1.2.3). */
export function parseReleaseTag(tag) {
  const match = TAG.exec(tag);
  if (!match) return undefined;
  const core = [Number(match[1]), Number(match[2]), Number(match[3])];
  return {
    tag,
    version: tag.slice(1),
    core,
    prerelease: match[4] === undefined ? [] : match[4].split('.'),
    majorTag: `v${core[0]}`,
  };
}

/** Like parseReleaseTag, for a tag a maintainer typed: a wrong one is an error saying what is expected. */
export function requireReleaseTag(tag) {
  const parsed = parseReleaseTag(tag);
  if (!parsed)
    throw new ReleaseError(
      `'${tag}' is not a release tag. Expected vMAJOR.MINOR.PATCH, e.g. v1.2.0, or a pre-release such as v1.2.0-rc.1.`,
    );
  return parsed;
}

/** Negative when a comes before b, as semver orders them: 1.2.0-rc.1 < 1.2.0-rc.2 < 1.2.0 < 1.10.0. */
export function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i] - b.core[i];
  // A pre-release comes before the release of the same numbers.
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const order = compareIdentifiers(a.prerelease[i], b.prerelease[i]);
    if (order !== 0) return order;
  }
  return a.prerelease.length - b.prerelease.length;
}

function compareIdentifiers(a, b) {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return Number(a) - Number(b);
  // Numeric identifiers come before alphanumeric ones; these compare in ASCII order.
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Refuses a version that does not come after the releases already tagged in its major line: users of
 * `@v1` would otherwise be moved back to older code. A new major line must come after every release, so
 * that a typo (v0.2.0 once v1 exists) is caught; a fix for an older major (v1.4.1 after v2.0.0) is fine.
 * The tag itself is left out, so that a workflow re-run on the same tag passes.
 */
export function checkComesAfter(release, existingTags) {
  const others = existingTags
    .map(parseReleaseTag)
    .filter((other) => other !== undefined && other.tag !== release.tag);
  const sameMajor = others.filter((other) => other.core[0] === release.core[0]);
  const line = sameMajor.length > 0 ? sameMajor : others;
  const latest = line.sort(compareVersions).at(-1);
  if (latest && compareVersions(release, latest) <= 0) {
    throw new ReleaseError(
      `${release.tag} does not come after ${latest.tag}, the latest release${sameMajor.length > 0 ? ` of ${release.majorTag}` : ''}. ` +
        `Pick a higher version in package.json and CHANGELOG.md (and delete the tag ${release.tag} if you pushed it: git push origin :refs/tags/${release.tag}).`,
    );
  }
  return latest?.tag;
}
