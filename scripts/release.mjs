#!/usr/bin/env node
// The parts of a release that need no GitHub: run by .github/workflows/release.yml on a pushed tag, and
// by a maintainer before pushing one (docs/releasing.md). Node only, no dependencies, so it runs before
// `npm ci`.
//
//   node scripts/release.mjs check <tag> [--remote origin]   tag = v + package.json's version, notes in
//                                                            CHANGELOG.md, after the remote's releases,
//                                                            and (once tagged) its commit on the remote's
//                                                            main or vMAJOR.x; prints version=,
//                                                            prerelease=, major-tag= lines
//   node scripts/release.mjs notes <tag>                     the tag's notes from CHANGELOG.md
//   node scripts/release.mjs move-major <tag> [--remote origin]  points vMAJOR at the tag's commit
//
// Exit codes as the CLI's: 0 done, 1 the release must not go ahead (the message says why and what to
// do), 2 usage error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { releaseNotes } from './release/changelog.mjs';
import { moveMajorTag, remoteTags } from './release/git-tags.mjs';
import { checkOnReleaseBranch } from './release/release-branch.mjs';
import { ReleaseError } from './release/release-error.mjs';
import { checkComesAfter, requireReleaseTag } from './release/versions.mjs';

const USAGE = 'usage: node scripts/release.mjs check|notes|move-major <tag> [--remote <name>]';

function readRepositoryFile(root, file) {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    throw new ReleaseError(
      `Cannot read ${file} in ${root}: ${error.message}. Run this from the repository root.`,
    );
  }
}

function check(root, release, remote) {
  const { version } = JSON.parse(readRepositoryFile(root, 'package.json'));
  if (version !== release.version) {
    throw new ReleaseError(
      `The tag ${release.tag} does not match package.json's version ${version}. ` +
        `Run npm version ${release.version} --no-git-tag-version and npm run build, commit, and tag that commit; or tag v${version}.`,
    );
  }
  releaseNotes(readRepositoryFile(root, 'CHANGELOG.md'), release);
  const after = checkComesAfter(release, remoteTags(root, remote));
  // Last, as it fetches main's history when the checkout is shallow.
  checkOnReleaseBranch(root, remote, release);
  console.error(
    `${release.tag} can be released${after ? ` (after ${after})` : ''}` +
      (release.prerelease.length > 0 ? '; a pre-release leaves ' + release.majorTag + ' where it is.' : '.'),
  );
  // Lines for $GITHUB_OUTPUT: the workflow decides from them whether to move the major tag.
  console.log(`version=${release.version}`);
  console.log(`prerelease=${release.prerelease.length > 0}`);
  console.log(`major-tag=${release.majorTag}`);
}

function moveMajor(root, release, remote) {
  if (release.prerelease.length > 0)
    throw new ReleaseError(
      `${release.tag} is a pre-release: ${release.majorTag} stays on the last release, so that users of @${release.majorTag} stay on released code.`,
    );
  const commit = moveMajorTag(root, remote, release);
  console.log(`${release.majorTag} now points at ${commit} (${release.tag}) on ${remote}.`);
}

function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { remote: { type: 'string', default: 'origin' } },
    });
  } catch (error) {
    return usageError(error.message);
  }
  const [command, tag, ...extra] = parsed.positionals;
  if (!tag || extra.length > 0 || !['check', 'notes', 'move-major'].includes(command ?? ''))
    return usageError(
      command && !['check', 'notes', 'move-major'].includes(command)
        ? `unknown command '${command}'`
        : 'expected a command and one tag',
    );
  const root = process.cwd();
  const remote = parsed.values.remote;
  try {
    const release = requireReleaseTag(tag);
    if (command === 'check') check(root, release, remote);
    else if (command === 'notes')
      console.log(releaseNotes(readRepositoryFile(root, 'CHANGELOG.md'), release));
    else moveMajor(root, release, remote);
    return 0;
  } catch (error) {
    // A ReleaseError says what to do; anything else is a fault of this script, still without a stack.
    console.error(`release: ${error instanceof ReleaseError ? '' : 'unexpected error: '}${error.message}`);
    return 1;
  }
}

function usageError(message) {
  console.error(`release: ${message}\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
