import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT, runWorkflow, temporaryFolders, type WorkflowStep } from '@connector-alm/testing';
import { checkoutFrom, git } from './helpers/git-actions.js';

const WORKFLOW = path.join(REPO_ROOT, '.github/workflows/release.yml');
const folders = temporaryFolders('release-workflow-');
afterAll(() => folders.cleanup());

const CHANGELOG = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '- Tried in the release candidate.',
  '',
  '## [1.2.0] - 2026-12-01',
  '',
  '### Added',
  '',
  '- The `rules` command.',
  '',
  '## [1.1.0] - 2026-11-01',
  '',
  '- First.',
  '',
].join('\n');

/**
 * A bare origin whose main branch holds the release script, package.json and the changelog, with
 * v1.1.0 released (and v1 on it). `release(version)` commits that version and pushes its tag.
 */
function project() {
  const root = folders.make();
  const work = path.join(root, 'work');
  const origin = path.join(root, 'origin.git');
  mkdirSync(work);
  cpSync(path.join(REPO_ROOT, 'scripts/release.mjs'), path.join(work, 'scripts/release.mjs'));
  cpSync(path.join(REPO_ROOT, 'scripts/release'), path.join(work, 'scripts/release'), { recursive: true });
  writeFileSync(path.join(work, 'CHANGELOG.md'), CHANGELOG);
  git(root, ['init', '--quiet', '--bare', origin]);
  git(work, ['init', '--quiet', '--initial-branch', 'main']);
  git(work, ['remote', 'add', 'origin', origin]);
  const release = (version: string): string => {
    writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'connector-alm', version }));
    git(work, ['add', '-A']);
    git(work, ['commit', '--quiet', '-m', `Version ${version}`]);
    git(work, ['tag', '-a', `v${version}`, '-m', `v${version}`]);
    git(work, ['push', '--quiet', 'origin', 'main', `refs/tags/v${version}`]);
    return git(work, ['rev-parse', 'HEAD']);
  };
  const first = release('1.1.0');
  git(work, ['push', '--quiet', 'origin', `${first}:refs/tags/v1`]);
  return { origin, work, release, first };
}

/**
 * The programs the jobs call that cannot run here: npm (CI runs `npm test` for real on every push)
 * and gh, whose releases live on github.com. Each records its arguments; gh also the notes it is
 * given, and `gh release view` finds a release once one was created.
 */
function recordingTools(): { bin: string; log: string } {
  const root = folders.make();
  const bin = path.join(root, 'bin');
  const log = path.join(root, 'calls.log');
  mkdirSync(bin);
  writeFileSync(log, '');
  const record = '#!/usr/bin/env bash\necho "$(basename "$0") $*" >> "$TOOLS_LOG"\n';
  writeFileSync(path.join(bin, 'npm'), record);
  writeFileSync(
    path.join(bin, 'gh'),
    record +
      'echo "token ${GH_TOKEN:+given}" >> "$TOOLS_LOG"\n' +
      'while [ $# -gt 0 ]; do [ "$1" = --notes-file ] && cat "$2" >> "$TOOLS_LOG"; shift; done\n' +
      'if grep -q "^gh release view" <(tail -n 2 "$TOOLS_LOG"); then grep -q "^gh release create" "$TOOLS_LOG"; fi\n',
  );
  chmodSync(path.join(bin, 'npm'), 0o755);
  chmodSync(path.join(bin, 'gh'), 0o755);
  return { bin, log };
}

async function pushTag(origin: string, tag: string, tools = recordingTools()) {
  const checkout = checkoutFrom(origin);
  const result = await runWorkflow(WORKFLOW, {
    workspace: folders.make(),
    eventName: 'push',
    github: { ref: `refs/tags/${tag}`, ref_name: tag, ref_type: 'tag' },
    env: { PATH: `${tools.bin}:${process.env.PATH}`, TOOLS_LOG: tools.log },
    externalActions: {
      // On a tag push, actions/checkout checks out that tag.
      'actions/checkout': {
        ...checkout,
        run: (inputs, workspace) => checkout.run({ ...inputs, ref: tag }, workspace),
      },
      'actions/setup-node': () => ({}),
    },
    jobs: { release: { workspace: folders.make() } },
  });
  return { result, calls: readFileSync(tools.log, 'utf8'), tools };
}

const commitOf = (origin: string, tag: string): string =>
  git(origin, ['rev-parse', `refs/tags/${tag}^{commit}`]);

describe('.github/workflows/release.yml on a pushed tag', () => {
  it('tests, publishes the release with its changelog notes, and moves v1 to it', async () => {
    const { origin, release } = project();
    const commit = release('1.2.0');
    const { result, calls } = await pushTag(origin, 'v1.2.0');
    expect(result.jobs.check!.result).toBe('success');
    expect(result.jobs.release!.result).toBe('success');
    expect(calls).toMatch(
      /^npm ci\nnpm test\nnpm run check-dist\ngh release view v1\.2\.0\ntoken given\ngh release create v1\.2\.0 --verify-tag --title v1\.2\.0 --notes-file \S+\/release-notes\.md\ntoken given\n### Added\n\n- The `rules` command\.\n$/,
    );
    expect(commitOf(origin, 'v1')).toBe(commit);
  });

  it('updates the release on a re-run instead of failing on it', async () => {
    const { origin, release } = project();
    const commit = release('1.2.0');
    const tools = recordingTools();
    await pushTag(origin, 'v1.2.0', tools);
    const { result, calls } = await pushTag(origin, 'v1.2.0', tools);
    expect(result.jobs.release!.result).toBe('success');
    expect(calls).toMatch(/gh release edit v1\.2\.0 --title v1\.2\.0 --notes-file \S+ --prerelease=false\n/);
    expect(commitOf(origin, 'v1')).toBe(commit);
  });

  it('publishes a pre-release with the Unreleased notes and leaves v1 on the last release', async () => {
    const { origin, release, first } = project();
    release('1.3.0-rc.1');
    const { result, calls } = await pushTag(origin, 'v1.3.0-rc.1');
    expect(result.jobs.release!.result).toBe('success');
    expect(calls).toContain('--notes-file');
    expect(calls).toMatch(
      /gh release create v1\.3\.0-rc\.1 --verify-tag --title v1\.3\.0-rc\.1 --notes-file \S+ --prerelease\n/,
    );
    expect(calls).toContain('- Tried in the release candidate.');
    expect(result.jobs.release!.steps!.at(-1)).toMatchObject({ id: undefined, skipped: true });
    expect(result.jobs.release!.steps!.at(-1)!.name).toMatch(/^Move .* to this release$/);
    expect(commitOf(origin, 'v1')).toBe(first);
  });

  it('stops before anything is installed or published when the tag is not package.json’s version', async () => {
    const { origin, release, first } = project();
    release('1.2.0');
    git(origin, ['tag', 'v1.2.1', 'v1.2.0']);
    const { result, calls } = await pushTag(origin, 'v1.2.1');
    expect(result.jobs.check!.result).toBe('failure');
    expect(result.jobs.check!.steps!.find((step) => step.id === 'tag')!.stderr).toContain(
      "release: The tag v1.2.1 does not match package.json's version 1.2.0.",
    );
    expect(result.jobs.release!.result).toBe('skipped');
    expect(calls).toBe('');
    expect(commitOf(origin, 'v1')).toBe(first);
  });
});

describe('.github/workflows/release.yml on a tag pushed from a side branch', () => {
  it('stops before anything is installed or published: the tag is not on main', async () => {
    const { origin, work, release, first } = project();
    git(work, ['switch', '--quiet', '--create', 'side']);
    // Committed on side; main on origin stays on v1.1.0.
    const side = release('1.2.0');
    const { result, calls } = await pushTag(origin, 'v1.2.0');
    expect(result.jobs.check!.result).toBe('failure');
    expect(result.jobs.check!.steps!.find((step) => step.id === 'tag')!.stderr).toContain(
      `release: v1.2.0 is not on origin/main: its commit ${side.slice(0, 12)} was never merged there.`,
    );
    expect(result.jobs.release!.result).toBe('skipped');
    expect(calls).toBe('');
    expect(commitOf(origin, 'v1')).toBe(first);
  });
});

describe('.github/workflows/release.yml, as written', () => {
  const workflow = parseYaml(readFileSync(WORKFLOW, 'utf8')) as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, { permissions: Record<string, string>; steps: WorkflowStep[] }>;
  };
  const ci = readFileSync(path.join(REPO_ROOT, '.github/workflows/ci.yml'), 'utf8');

  it('runs on release tags only, never on the major tag it moves', () => {
    // GitHub's filter patterns: + repeats the character class before it.
    const asRegExp = (pattern: string) =>
      new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
    const triggers = (tag: string) => workflow.on.push.tags.some((pattern) => asRegExp(pattern).test(tag));
    expect(['v1.2.0', 'v10.0.3', 'v1.3.0-rc.1'].filter(triggers)).toEqual([
      'v1.2.0',
      'v10.0.3',
      'v1.3.0-rc.1',
    ]);
    expect(['v1', 'v2', 'latest', 'v1.2'].filter(triggers)).toEqual([]);
  });

  it('can write only in the job that publishes, and pins every action by commit as ci.yml does', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.check!.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.release!.permissions).toEqual({ contents: 'write' });
    for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
      if (step.uses) expect(ci).toContain(step.uses);
      // Values reach scripts through env, so that a tag name cannot run as code.
      if (step.run) expect(step.run).not.toContain('${{');
    }
  });
});
