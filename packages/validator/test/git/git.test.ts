import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { pendingTemporaries, UsageError, UserError } from '@connector-alm/core';
import { Git } from '../../src/git/git.js';
import { changedFilesSince, connectorFoldersOf } from '../../src/git/changed-connectors.js';
import { materializeFolder } from '../../src/git/materialize.js';
import { renamedFolderSources, type FileRename } from '../../src/git/renamed-folders.js';
import { connectorFiles, createRepository } from './repository-fixture.js';

const minimal = {
  'apiDefinition.swagger.json': { swagger: '2.0' },
  'apiProperties.json': { properties: {} },
};

describe('Git', () => {
  it('finds the merge base and the files changed on the branch, renames as both paths', async () => {
    const repo = createRepository();
    repo.write({ 'a/one.txt': '1', 'b/two.txt': '2' });
    const base = repo.commitAll('base');
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.remove('a/one.txt');
    repo.write({ 'c/one.txt': '1' });
    repo.write({ 'b/two.txt': '2+' });
    repo.commitAll('feature');
    const git = new Git(repo.dir);
    expect(await git.mergeBase('HEAD', 'dev')).toBe(base);
    expect(await changedFilesSince(git, base)).toEqual(['a/one.txt', 'b/two.txt', 'c/one.txt']);
  });

  it('adds uncommitted and untracked files when asked', async () => {
    const repo = createRepository();
    repo.write({ 'a/one.txt': '1' });
    const base = repo.commitAll('base');
    repo.write({ 'a/one.txt': 'edited', 'new folder/x.txt': 'x' });
    const git = new Git(path.join(repo.dir, 'a'));
    expect(await changedFilesSince(git, base)).toEqual([]);
    expect(await changedFilesSince(git, base, { includeWorkingTree: true })).toEqual([
      'a/one.txt',
      'new folder/x.txt',
    ]);
  });

  // The ref is an argument that names nothing to compare with: a usage error (exit 2), as a path that
  // does not exist is.
  it('refuses an unknown ref with a UsageError that says how to fetch it', async () => {
    const repo = createRepository();
    const root = repo.commitAll('base');
    // A shallow clone (actions/checkout's default depth) has a .git/shallow of its cut-off commits.
    writeFileSync(path.join(repo.dir, '.git', 'shallow'), `${root}\n`);
    const error = await new Git(repo.dir).mergeBase('HEAD', 'origin/nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UserError).hint).toMatch(/fetch-depth: 0/);
  });

  // `base: dev` in a fetch-depth: 0 checkout was told to check out with fetch-depth: 0.
  it('advises fetch-depth: 0 only in a shallow clone', async () => {
    const repo = createRepository();
    repo.commitAll('base');
    repo.git('remote', 'add', 'origin', 'https://example.invalid/fork.git');
    const error = await new Git(repo.dir).mergeBase('HEAD', 'release').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UserError).hint).toBe(
      'Fetch it first (e.g. git fetch origin release, then compare with origin/release).',
    );
  });

  // HEAD was named like a base ref that was not fetched: "git fetch origin HEAD, then compare with origin/HEAD".
  it('says that a branch without a commit has nothing to compare, rather than to fetch HEAD', async () => {
    const repo = createRepository();
    repo.commitAll('base');
    repo.git('checkout', '--quiet', '--orphan', 'fresh');
    const error = await new Git(repo.dir).mergeBase('HEAD', 'dev').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UserError).message).toBe('HEAD names no commit: the branch has no commit yet.');
    expect((error as UserError).hint).toBe('Commit the change first, or leave out the base ref.');
  });

  it('says to fetch a remote-tracking ref from its own remote', async () => {
    const repo = createRepository();
    repo.commitAll('base');
    repo.git('remote', 'add', 'origin', 'https://example.invalid/fork.git');
    repo.git('remote', 'add', 'upstream', 'https://example.invalid/PowerPlatformConnectors.git');
    const error = await new Git(repo.dir).mergeBase('HEAD', 'upstream/dev').catch((e: unknown) => e);
    expect((error as UserError).hint).toBe('Fetch it first (e.g. git fetch upstream dev).');
  });

  // A CI checkout has only origin: `--base upstream/dev` was advised `git fetch origin upstream/dev`.
  it('says to add the upstream remote that a checkout with only origin lacks', async () => {
    const repo = createRepository();
    repo.commitAll('base');
    repo.git('remote', 'add', 'origin', 'https://example.invalid/fork.git');
    const error = await new Git(repo.dir).mergeBase('HEAD', 'upstream/dev').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'The git ref "upstream/dev" does not name a commit in this repository.',
    );
    expect((error as UserError).hint).toMatch(
      /^This repository has no remote named upstream: .*git remote add upstream <URL of its repository>, then git fetch upstream dev\)/,
    );
  });
});

describe('a misspelt base ref', () => {
  it('offers the branch, remote-tracking branch or tag it most likely misspells', async () => {
    const repo = createRepository();
    repo.commitAll('base');
    repo.git('branch', '-M', 'main');
    repo.git('tag', 'v1.0');
    repo.git('update-ref', 'refs/remotes/origin/dev', 'HEAD');
    const error = async (ref: string) =>
      (await new Git(repo.dir).mergeBase('HEAD', ref).catch((e: unknown) => e)) as UserError;
    const message = async (ref: string) => (await error(ref)).message;
    expect(await message('mian')).toBe(
      `The git ref "mian" does not name a commit in this repository. Did you mean 'main'?`,
    );
    // Fetching the ref as typed is advised only for the case that it is no typo.
    expect((await error('mian')).hint).toMatch(
      /^If "mian" is spelt as meant: fetch it first \(e\.g\. git fetch /,
    );
    expect((await error('release-candidate')).hint).toMatch(/^Fetch it first/);
    expect(await message('origin/dve')).toMatch(/Did you mean 'origin\/dev'\?$/);
    expect(await message('v1.1')).toMatch(/Did you mean 'v1\.0'\?$/);
    // Nothing close, a commit id, an expression: nothing offered.
    expect(await message('release-candidate')).not.toMatch(/Did you mean/);
    expect(await message('0123456789abcdef')).not.toMatch(/Did you mean/);
    expect(await message('main~9')).not.toMatch(/Did you mean/);
  });
});

describe('connectorFoldersOf', () => {
  it('says that a folder outside any clone is no git work tree, a usage error at that folder', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-not-a-repo-'));
    try {
      const error = await new Git(folder).topLevel().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(
        'is not inside a git work tree; comparing with a base ref needs one.',
      );
      expect((error as UsageError).location).toEqual({ file: folder });
      expect((error as UsageError).hint).toMatch(/actions\/checkout.*or leave out the base ref/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says that git is missing when it cannot be run', async () => {
    const repo = createRepository();
    const error = await new Git(repo.dir, 'connector-alm-no-such-git').topLevel().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/needs git, and it is not installed here/);
  });

  it('maps files (nested ones too) to their connector folder, including one deleted on the branch', async () => {
    const repo = createRepository();
    repo.write({
      ...connectorFiles('certified-connectors/Alpha', minimal),
      ...connectorFiles('certified-connectors/Gone', minimal),
      'README.md': '# repo',
    });
    const base = repo.commitAll('base');
    repo.write({
      'certified-connectors/Alpha/screenshots/a.png': Buffer.from([1, 2, 3]),
      'README.md': '# repo!',
    });
    repo.remove('certified-connectors/Gone');
    repo.commitAll('edit');
    const git = new Git(repo.dir);
    const files = await changedFilesSince(git, base);
    expect(await connectorFoldersOf(files, git, repo.dir, base)).toEqual([
      'certified-connectors/Alpha',
      'certified-connectors/Gone',
    ]);
  });
});

describe('connectorFoldersOf, as discovery sees the layout', () => {
  // A connector one level too deep was its outer folder's, as discovery took every child of a top
  // folder for a connector; discovery now takes the folder that holds the swagger below a child with
  // no connector file of its own (Snowflake v2's layout), and the pull request's folders follow it.
  it('counts a new folder of a top folder as a connector without a swagger, and a nested one as itself', async () => {
    const repo = createRepository();
    repo.write({
      ...connectorFiles('certified-connectors/Alpha', minimal),
      'certified-connectors/README.md': 'x',
    });
    const base = repo.commitAll('base');
    repo.write({
      // A proposal: a readme only. A misnamed swagger. A connector one level too deep.
      'independent-publisher-connectors/Proposal/readme.md': '# Proposal',
      'certified-connectors/Widgets/openapi.json': '{}',
      ...connectorFiles('certified-connectors/Outer/Inner', minimal),
      'certified-connectors/README.md': 'edited',
    });
    repo.commitAll('pr');
    const git = new Git(repo.dir);
    const files = await changedFilesSince(git, base);
    expect(await connectorFoldersOf(files, git, repo.dir, base)).toEqual([
      'certified-connectors/Outer/Inner',
      'certified-connectors/Widgets',
      'independent-publisher-connectors/Proposal',
    ]);
  });
});

describe('connectorFoldersOf, in a project that keeps its connector one level down', () => {
  it('maps the connector files to the folder that holds the swagger, and the project sources to none', async () => {
    const repo = createRepository();
    const project = 'certified-connectors/Snowflake v2';
    repo.write({
      [`${project}/ConnectorArtifacts/apidefinition.swagger.json`]: '{"swagger":"2.0"}',
      [`${project}/ConnectorArtifacts/intro.md`]: '# Intro',
      [`${project}/Contracts/Item.cs`]: 'class Item {}',
      ...connectorFiles('certified-connectors/Alpha', minimal),
    });
    const base = repo.commitAll('base');
    repo.write({
      [`${project}/ConnectorArtifacts/apidefinition.swagger.json`]: '{"swagger":"2.0","info":{}}',
      [`${project}/Contracts/Item.cs`]: 'class Item { int Id; }',
      [`${project}/dirs.sln`]: '',
    });
    repo.commitAll('pr');
    const git = new Git(repo.dir);
    const files = await changedFilesSince(git, base);
    expect(await connectorFoldersOf(files, git, repo.dir, base)).toEqual([`${project}/ConnectorArtifacts`]);
    // Only its sources changed: no connector to validate, as for the repository's own files.
    expect(await connectorFoldersOf([`${project}/Contracts/Item.cs`], git, repo.dir, base)).toEqual([]);
  });
});

describe('materializeFolder', () => {
  it('writes a folder as it was at a commit, byte for byte, under the same relative path', async () => {
    const repo = createRepository();
    const icon = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 10, 13, 10]);
    const folder = 'certified-connectors/My [Beta] Connector';
    repo.write(connectorFiles(folder, { ...minimal, 'icon.png': icon, 'readme.md': 'line\r\nline\n' }));
    const base = repo.commitAll('base');
    repo.write(connectorFiles(folder, { 'readme.md': 'changed' }));
    repo.commitAll('edit');

    const materialized = await materializeFolder(new Git(repo.dir), base, folder);
    expect(materialized).toBeDefined();
    try {
      expect(materialized!.path).toBe(path.join(materialized!.root, folder));
      expect(readFileSync(path.join(materialized!.path, 'icon.png')).equals(icon)).toBe(true);
      expect(readFileSync(path.join(materialized!.path, 'readme.md'), 'utf8')).toBe('line\r\nline\n');
    } finally {
      await materialized!.cleanup();
    }
  });

  // Ctrl+C in `validate --base` left the base's copy in the system's temporary folder.
  it('remembers its temporary folder for the signal clean-up until cleanup', async () => {
    const repo = createRepository();
    repo.write(connectorFiles('certified-connectors/Contoso', minimal));
    const base = repo.commitAll('base');
    const materialized = await materializeFolder(new Git(repo.dir), base, 'certified-connectors/Contoso');
    expect(pendingTemporaries()).toContain(materialized!.root);
    await materialized!.cleanup();
    expect(pendingTemporaries()).not.toContain(materialized!.root);
    expect(existsSync(materialized!.root)).toBe(false);
  });

  it('returns undefined for a folder absent at that commit', async () => {
    const repo = createRepository();
    repo.write({ 'x.txt': 'x' });
    const base = repo.commitAll('base');
    expect(await materializeFolder(new Git(repo.dir), base, 'certified-connectors/New')).toBeUndefined();
  });
});

describe('Git, asked about thousands of folders', () => {
  it('asks git for the top level once, however many folders it checks for files', async () => {
    const repo = createRepository();
    const folders = Array.from({ length: 5 }, (_, index) => `certified-connectors/C${index}`);
    for (const folder of folders) repo.write({ [`${folder}/apiProperties.json`]: '{}' });
    repo.commitAll('base');
    // A git that logs each command it runs: the count is of real git processes.
    const bin = temporaryFolder('counting-git-');
    const log = path.join(bin, 'commands.log');
    const executable = path.join(bin, 'git');
    writeFileSync(executable, `#!/bin/sh\necho "$*" >> '${log}'\nexec git "$@"\n`, { mode: 0o755 });
    const git = new Git(repo.dir, executable);
    for (const folder of folders) expect(await git.hasFilesIn(folder)).toBe(true);
    expect(await git.hasFilesIn('certified-connectors/Gone')).toBe(false);
    const commands = readFileSync(log, 'utf8').trim().split('\n');
    expect(commands.filter((command) => command.includes('rev-parse --show-toplevel'))).toHaveLength(1);
    expect(commands.filter((command) => command.includes('ls-files'))).toHaveLength(6);
  });
});

describe('renamedFolderSources', () => {
  it('names the folder most renamed files came from, with the same path inside it', () => {
    const renames = [
      {
        from: 'certified-connectors/JIRA/apiDefinition.swagger.json',
        to: 'certified-connectors/Jira/apiDefinition.swagger.json',
      },
      { from: 'certified-connectors/JIRA/readme.md', to: 'certified-connectors/Jira/readme.md' },
      // A file taken from another connector: one vote for it, outvoted.
      { from: 'certified-connectors/Other/icon.png', to: 'certified-connectors/Jira/icon.png' },
      // Moved within the folder: not a rename of the folder.
      { from: 'certified-connectors/Kept/a/x.md', to: 'certified-connectors/Kept/b/x.md' },
    ];
    const sources = renamedFolderSources(renames, [
      'certified-connectors/Jira',
      'certified-connectors/Kept',
      'certified-connectors/Untouched',
      '.',
    ]);
    expect([...sources]).toEqual([['certified-connectors/Jira', 'certified-connectors/JIRA']]);
  });

  it('breaks a tie by path order, whatever order git lists the renames in', () => {
    const renames = [
      { from: 'b/New/one.json', to: 'c/New/one.json' },
      { from: 'a/New/two.json', to: 'c/New/two.json' },
    ];
    expect(renamedFolderSources(renames, ['c/New']).get('c/New')).toBe('a/New');
    expect(renamedFolderSources([...renames].reverse(), ['c/New']).get('c/New')).toBe('a/New');
  });

  it('reads the renames once however many folders it is asked about (thousands renamed: was their product)', () => {
    const folders = Array.from({ length: 50 }, (_, index) => `certified-connectors/New${index}`);
    const renames = folders.map((folder, index) => ({
      from: `certified-connectors/Old${index}/apiProperties.json`,
      to: `${folder}/apiProperties.json`,
    }));
    let passes = 0;
    const counted: Iterable<FileRename> = {
      [Symbol.iterator]() {
        passes += 1;
        return renames[Symbol.iterator]();
      },
    };
    const sources = renamedFolderSources(counted, folders);
    expect(passes).toBe(1);
    expect(sources.size).toBe(50);
    expect(sources.get('certified-connectors/New7')).toBe('certified-connectors/Old7');
  });
});
