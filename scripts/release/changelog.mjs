// The notes of one version from a CHANGELOG.md in Keep a Changelog shape (keepachangelog.com):
//   ## [Unreleased]
//   ## [1.2.0] - 2026-12-01
//   ### Added
//   - …
//   [1.2.0]: https://github.com/…/releases/tag/v1.2.0
// Pure: takes the text, returns the notes or throws a ReleaseError saying what to fix.
import { ReleaseError } from './release-error.mjs';

const HEADING = /^## \[([^\]]+)\](.*)$/;
const DATED = /^ - \d{4}-\d{2}-\d{2}\s*$/;
// Link reference definitions ([1.2.0]: https://…) close the file and belong to no section.
const LINK_DEFINITION = /^\[[^\]]+\]:\s+\S/;

/** Each `## [name]` section of the changelog: its name, the rest of its heading line, its body. */
export function changelogSections(text) {
  const sections = [];
  let current;
  for (const [index, line] of text.replace(/\r\n?/g, '\n').split('\n').entries()) {
    const heading = HEADING.exec(line);
    if (heading) {
      current = { name: heading[1], rest: heading[2], line: index + 1, body: [] };
      sections.push(current);
    } else if (/^#{1,2} /.test(line) || LINK_DEFINITION.test(line)) {
      current = undefined;
    } else if (current) {
      current.body.push(line);
    }
  }
  return sections.map((section) => ({ ...section, body: section.body.join('\n').trim() }));
}

/**
 * The notes of a release: the body of its `## [X.Y.Z] - YYYY-MM-DD` section. A pre-release without a
 * section of its own takes the `## [Unreleased]` one, where the changes it tries out are listed.
 */
export function releaseNotes(text, release) {
  const sections = changelogSections(text);
  const own = sections.find((section) => section.name === release.version);
  const fix = `Move the notes from "## [Unreleased]" under "## [${release.version}] - YYYY-MM-DD" in CHANGELOG.md and commit it before tagging.`;
  if (!own) {
    const unreleased = sections.find((section) => section.name.toLowerCase() === 'unreleased');
    if (release.prerelease.length > 0 && unreleased?.body) return unreleased.body;
    throw new ReleaseError(`CHANGELOG.md has no section for ${release.version}. ${fix}`);
  }
  if (!DATED.test(own.rest))
    throw new ReleaseError(
      `CHANGELOG.md:${own.line}: the heading of ${release.version} has no release date. Write it as "## [${release.version}] - YYYY-MM-DD".`,
    );
  if (!own.body)
    throw new ReleaseError(
      `CHANGELOG.md:${own.line}: the section of ${release.version} is empty. List what changed (### Added, ### Changed, ### Fixed…) under it.`,
    );
  return own.body;
}
