import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runGit, temporaryFolders } from '@connector-alm/testing';
// @ts-expect-error: plain ES modules of the release script, without type declarations.
import { checkComesAfter, compareVersions, parseReleaseTag } from '../../../../scripts/release/versions.mjs';
// @ts-expect-error: as above.
import { releaseNotes } from '../../../../scripts/release/changelog.mjs';

const SCRIPT = path.join(REPO_ROOT, 'scripts/release.mjs');
const folders = temporaryFolders('release-script-');
afterAll(() => folders.cleanup());

const changelog = (sections: string): string =>
  `# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Fixed\n\n- Not released yet.\n\n${sections}\n` +
  '[1.2.0]: https://github.com/connector-alm/connector-alm/releases/tag/v1.2.0\n';

const CHANGELOG = changelog(
  [
    '## [1.2.0] - 2026-12-01',
    '',
    '### Added',
    '',
    '- The `rules` command.',
    '',
    '## [1.1.0] - 2026-11-01',
    '',
    '### Fixed',
    '',
    '- Older fix.',
    '',
  ].join('\n'),
);

/** A clone whose origin is a bare repository on disk, as the release job's checkout is. */
function repository(): { work: string; origin: string } {
  const root = folders.make();
  const origin = path.join(root, 'origin.git');
  const work = path.join(root, 'work');
  mkdirSync(work);
  runGit(root, ['init', '--quiet', '--bare', origin]);
  runGit(work, ['init', '--quiet', '--initial-branch', 'main']);
  runGit(work, ['remote', 'add', 'origin', origin]);
  return { work, origin };
}

/** Commits package.json with the version and the changelog; returns the commit. */
function commit(work: string, version: string, text = CHANGELOG): string {
  writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'connector-alm', version }, null, 2));
  writeFileSync(path.join(work, 'CHANGELOG.md'), text);
  runGit(work, ['add', '-A']);
  runGit(work, ['commit', '--quiet', '--allow-empty', '-m', `Version ${version}`]);
  return runGit(work, ['rev-parse', 'HEAD']);
}

/**
 * An annotated tag, as `git tag -a` makes a release tag, pushed to origin with the branch it is on (a
 * release tag is on main, which check verifies).
 */
function pushTag(work: string, tag: string): void {
  runGit(work, ['tag', '-a', tag, '-m', tag]);
  runGit(work, ['push', '--quiet', 'origin', 'HEAD', `refs/tags/${tag}`]);
}

/** A clone of the tag only, one commit deep, as actions/checkout makes on a tag push. */
function shallowCloneOfTag(origin: string, tag: string): string {
  const clone = path.join(folders.make(), 'checkout');
  runGit(path.dirname(clone), [
    '-c',
    'advice.detachedHead=false',
    'clone',
    '--quiet',
    '--depth',
    '1',
    '--branch',
    tag,
    `file://${origin}`,
    clone,
  ]);
  return clone;
}

function release(work: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('node', [SCRIPT, ...args], { cwd: work, encoding: 'utf8' });
  // Whatever happens, a maintainer reads a message, never a stack trace.
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run;
}

const remoteCommit = (origin: string, tag: string): string =>
  runGit(origin, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]);

describe('release check <tag>', () => {
  it('passes a tag that is package.json’s version, has notes and comes after the released ones', () => {
    const { work } = repository();
    commit(work, '1.1.0');
    pushTag(work, 'v1.1.0');
    commit(work, '1.2.0');
    pushTag(work, 'v1.2.0');
    const run = release(work, 'check', 'v1.2.0');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('version=1.2.0\nprerelease=false\nmajor-tag=v1\n');
    expect(run.stderr).toBe('v1.2.0 can be released (after v1.1.0).\n');
  });

  it('refuses a tag that is not package.json’s version, and says what to set', () => {
    const { work } = repository();
    commit(work, '1.1.0');
    const run = release(work, 'check', 'v1.2.0');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("release: The tag v1.2.0 does not match package.json's version 1.1.0.");
    expect(run.stderr).toContain('Run npm version 1.2.0 --no-git-tag-version and npm run build');
  });

  it('refuses a version that does not come after the latest release of its major', () => {
    const { work } = repository();
    commit(work, '1.3.0', changelog('## [1.3.0] - 2026-12-02\n\n- x\n\n## [1.2.0] - 2026-12-01\n\n- y\n'));
    pushTag(work, 'v1.3.0');
    commit(work, '1.2.0');
    const run = release(work, 'check', 'v1.2.0');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('release: v1.2.0 does not come after v1.3.0, the latest release of v1.');
  });

  it('marks a pre-release, whose notes may still be the Unreleased section', () => {
    const { work } = repository();
    commit(work, '1.3.0-rc.1');
    const run = release(work, 'check', 'v1.3.0-rc.1');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('version=1.3.0-rc.1\nprerelease=true\nmajor-tag=v1\n');
    expect(release(work, 'notes', 'v1.3.0-rc.1').stdout).toBe('### Fixed\n\n- Not released yet.\n');
  });

  it('refuses a release without notes, naming the changelog line to fix', () => {
    const { work } = repository();
    commit(work, '1.3.0', changelog('## [1.3.0]\n\n- no date\n'));
    expect(release(work, 'check', 'v1.3.0').stderr).toBe(
      'release: CHANGELOG.md:11: the heading of 1.3.0 has no release date. Write it as "## [1.3.0] - YYYY-MM-DD".\n',
    );
    commit(work, '1.4.0');
    const missing = release(work, 'check', 'v1.4.0');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      'CHANGELOG.md has no section for 1.4.0. Move the notes from "## [Unreleased]"',
    );
  });

  it('refuses a tag whose commit is not on origin/main, in one line saying what to do', () => {
    const { work } = repository();
    commit(work, '1.1.0');
    pushTag(work, 'v1.1.0');
    runGit(work, ['switch', '--quiet', '--create', 'side']);
    const side = commit(work, '1.2.0');
    pushTag(work, 'v1.2.0');
    const run = release(work, 'check', 'v1.2.0');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `release: v1.2.0 is not on origin/main: its commit ${side.slice(0, 12)} was never merged there. ` +
        'Merge the change into main, delete the tag (git push origin :refs/tags/v1.2.0 && git tag -d v1.2.0) ' +
        'and tag the merge commit; a fix of an older major is tagged on its branch v1.x.\n',
    );
  });

  it('fetches main into a shallow checkout of the tag, as the release workflow has', () => {
    const { work, origin } = repository();
    commit(work, '1.1.0');
    pushTag(work, 'v1.1.0');
    commit(work, '1.2.0');
    pushTag(work, 'v1.2.0');
    const merged = release(shallowCloneOfTag(origin, 'v1.2.0'), 'check', 'v1.2.0');
    expect([merged.status, merged.stderr]).toEqual([0, 'v1.2.0 can be released (after v1.1.0).\n']);
    runGit(work, ['switch', '--quiet', '--create', 'side']);
    commit(work, '1.3.0', changelog('## [1.3.0] - 2026-12-02\n\n- x\n'));
    pushTag(work, 'v1.3.0');
    const unmerged = release(shallowCloneOfTag(origin, 'v1.3.0'), 'check', 'v1.3.0');
    expect(unmerged.status).toBe(1);
    expect(unmerged.stderr).toMatch(/^release: v1\.3\.0 is not on origin\/main: its commit [0-9a-f]{12} /);
  });

  it('takes the merge commit of main, and a fix of an older major on its branch v1.x', () => {
    const { work, origin } = repository();
    const v14 = commit(work, '1.4.0', changelog('## [1.4.0] - 2026-12-01\n\n- y\n'));
    pushTag(work, 'v1.4.0');
    runGit(work, ['switch', '--quiet', '--create', 'feature']);
    commit(work, '2.0.0', changelog('## [2.0.0] - 2027-01-01\n\n- big\n'));
    runGit(work, ['switch', '--quiet', 'main']);
    runGit(work, ['merge', '--quiet', '--no-ff', '-m', 'Merge feature', 'feature']);
    pushTag(work, 'v2.0.0');
    expect(release(work, 'check', 'v2.0.0').status).toBe(0);
    runGit(work, ['switch', '--quiet', '--create', 'v1.x', v14]);
    commit(work, '1.4.1', changelog('## [1.4.1] - 2027-01-02\n\n- fix\n'));
    pushTag(work, 'v1.4.1');
    const fix = release(shallowCloneOfTag(origin, 'v1.4.1'), 'check', 'v1.4.1');
    expect([fix.status, fix.stderr]).toEqual([0, 'v1.4.1 can be released (after v1.4.0).\n']);
  });

  it('exits 2 with the usage on a missing tag or an unknown command, 1 on a malformed tag', () => {
    const { work } = repository();
    expect(release(work, 'check').status).toBe(2);
    const unknown = release(work, 'publish', 'v1.0.0');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("release: unknown command 'publish'\nusage: node scripts/release.mjs");
    const malformed = release(work, 'check', '1.2.0');
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toContain("release: '1.2.0' is not a release tag. Expected vMAJOR.MINOR.PATCH");
  });

  it('says where it looked when run outside a repository', () => {
    const run = release(folders.make(), 'check', 'v1.0.0');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^release: Cannot read package\.json in .*Run this from the repository root\.\n$/,
    );
  });
});

describe('release notes <tag>', () => {
  it('prints the body of the version’s section, without the next section or the link definitions', () => {
    const { work } = repository();
    commit(work, '1.2.0');
    const run = release(work, 'notes', 'v1.2.0');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('### Added\n\n- The `rules` command.\n');
  });

  it('reads the last section up to the link definitions', () => {
    expect(releaseNotes(CHANGELOG, parseReleaseTag('v1.1.0'))).toBe('### Fixed\n\n- Older fix.');
  });

  it('refuses an empty section', () => {
    expect(() => releaseNotes(changelog('## [2.0.0] - 2027-01-01\n\n'), parseReleaseTag('v2.0.0'))).toThrow(
      'CHANGELOG.md:11: the section of 2.0.0 is empty.',
    );
  });
});

describe('release move-major <tag>', () => {
  it('moves v1 on the remote from the last release to the commit of the new tag', () => {
    const { work, origin } = repository();
    const first = commit(work, '1.1.0');
    pushTag(work, 'v1.1.0');
    expect(release(work, 'move-major', 'v1.1.0').status).toBe(0);
    expect(remoteCommit(origin, 'v1')).toBe(first);

    const second = commit(work, '1.2.0');
    pushTag(work, 'v1.2.0');
    const run = release(work, 'move-major', 'v1.2.0');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`v1 now points at ${second} (v1.2.0) on origin.\n`);
    // The commit itself, not the annotated tag object: `@v1` and `@v1.2.0` are the same commit.
    expect(runGit(origin, ['rev-parse', 'refs/tags/v1'])).toBe(second);
    expect(remoteCommit(origin, 'v1.1.0')).toBe(first);
  });

  it('creates v2 for a new major and leaves v1 alone', () => {
    const { work, origin } = repository();
    const one = commit(work, '1.2.0');
    pushTag(work, 'v1.2.0');
    release(work, 'move-major', 'v1.2.0');
    const two = commit(work, '2.0.0', changelog('## [2.0.0] - 2027-01-01\n\n- big\n'));
    pushTag(work, 'v2.0.0');
    expect(release(work, 'move-major', 'v2.0.0').status).toBe(0);
    expect([remoteCommit(origin, 'v1'), remoteCommit(origin, 'v2')]).toEqual([one, two]);
  });

  it('never moves the major tag to a pre-release', () => {
    const { work, origin } = repository();
    const stable = commit(work, '1.2.0');
    pushTag(work, 'v1.2.0');
    release(work, 'move-major', 'v1.2.0');
    commit(work, '1.3.0-rc.1');
    pushTag(work, 'v1.3.0-rc.1');
    const run = release(work, 'move-major', 'v1.3.0-rc.1');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('release: v1.3.0-rc.1 is a pre-release: v1 stays on the last release');
    expect(remoteCommit(origin, 'v1')).toBe(stable);
  });

  it('says how to get a tag the clone does not have, and moves nothing', () => {
    const { work, origin } = repository();
    commit(work, '1.2.0');
    const run = release(work, 'move-major', 'v1.2.0');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'release: The tag v1.2.0 is not in this clone; fetch it (git fetch origin tag v1.2.0)',
    );
    expect(runGit(origin, ['tag', '--list'])).toBe('');
  });

  it('reports a remote it cannot push to with git’s own words', () => {
    const { work } = repository();
    commit(work, '1.2.0');
    runGit(work, ['tag', 'v1.2.0']);
    const run = release(work, 'move-major', 'v1.2.0', '--remote', 'nowhere');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^release: Cannot move v1 on 'nowhere' \(the job needs contents: write\): git push --force nowhere [0-9a-f]{40}:refs\/tags\/v1 failed: .*nowhere/s,
    );
  });
});

describe('version order', () => {
  const tags = [
    'v1.0.0-alpha',
    'v1.0.0-alpha.1',
    'v1.0.0-alpha.beta',
    'v1.0.0-beta.2',
    'v1.0.0-beta.11',
    'v1.0.0-rc.1',
    'v1.0.0',
    'v1.2.0',
    'v1.10.0',
    'v2.0.0',
  ];

  it('orders tags as semver.org does, pre-releases before their release', () => {
    const shuffled: { tag: string }[] = [...tags].reverse().map((tag) => parseReleaseTag(tag));
    expect(shuffled.sort(compareVersions).map((version) => version.tag)).toEqual(tags);
  });

  it('takes only vMAJOR.MINOR.PATCH tags, with an optional pre-release', () => {
    for (const notRelease of ['v1', '1.2.0', 'v1.2', 'v01.2.0', 'v1.2.0+build', 'v1.2.0-rc.01', 'latest'])
      expect([notRelease, parseReleaseTag(notRelease)]).toEqual([notRelease, undefined]);
  });

  it('allows a fix of an older major, and refuses a new major line below the latest release', () => {
    const existing = ['v1.4.0', 'v2.0.0', 'v2', 'v1'];
    expect(checkComesAfter(parseReleaseTag('v1.4.1'), existing)).toBe('v1.4.0');
    expect(() => checkComesAfter(parseReleaseTag('v0.9.0'), existing)).toThrow(
      'v0.9.0 does not come after v2.0.0, the latest release.',
    );
    // A re-run of the workflow on a tag already pushed compares with the releases before it.
    expect(checkComesAfter(parseReleaseTag('v2.0.0'), existing)).toBe('v1.4.0');
  });
});
