import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cannotGiveRepositoryAway,
  giveToNobody,
  gitEnvWithoutTrust,
  runGit,
  temporaryFolders,
} from '@connector-alm/testing';
import { Git } from '../../src/git/git.js';
import { commitStates } from '../../src/git/committed-files.js';
import { filesGitIgnores } from '../../src/git/ignored-files.js';
import { repositoryOfPaths } from '../../src/git/repository-of-paths.js';
import {
  RepositoryOwnerError,
  repositoryRefusedForOwner,
  trustHint,
} from '../../src/git/refused-ownership.js';

describe('repositoryRefusedForOwner', () => {
  it("reads the repository from git's refusal, in the words of git 2.36 on and of 2.35.2", () => {
    expect(
      repositoryRefusedForOwner(
        "fatal: detected dubious ownership in repository at '/__w/connectors/connectors'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /__w/connectors/connectors\n",
      ),
    ).toBe('/__w/connectors/connectors');
    expect(
      repositoryRefusedForOwner(
        "fatal: unsafe repository ('/home/runner/work/a b/a b' is owned by someone else)",
      ),
    ).toBe('/home/runner/work/a b/a b');
  });

  it('reads a path that holds a quote whole, up to the quote that ends the line', () => {
    // git quotes the path without escaping it: it was read as /home/o.
    expect(
      repositoryRefusedForOwner(
        "fatal: detected dubious ownership in repository at '/home/o'brien/repo'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /home/o'brien/repo\n",
      ),
    ).toBe("/home/o'brien/repo");
    expect(
      repositoryRefusedForOwner(
        "fatal: unsafe repository ('/home/o'brien/it's' is owned by someone else)\r\n",
      ),
    ).toBe("/home/o'brien/it's");
  });

  it('is undefined for any other failure', () => {
    expect(
      repositoryRefusedForOwner('fatal: not a git repository (or any of the parent directories): .git'),
    ).toBe(undefined);
    expect(repositoryRefusedForOwner('')).toBe(undefined);
  });
});

// Self-hosted runners and container jobs check out the workspace as one user and run the step as
// another; git refuses the repository, and `validate --base` said "failed unexpectedly … bug".
const cannot = cannotGiveRepositoryAway();
if (cannot) console.warn(`Skipping the tests of a repository of another user: ${cannot}.`);

(cannot ? describe.skip : describe)('a repository that belongs to another user', () => {
  const folders = temporaryFolders('connector-alm-owner-');
  const saved = { ...process.env };
  let repository: string;

  beforeAll(() => {
    // git run by the code under test reads process.env: no configuration of this machine lets it in.
    Object.assign(process.env, gitEnvWithoutTrust(folders.make()));
    repository = folders.make();
    mkdirSync(path.join(repository, 'certified-connectors', 'Contoso'), { recursive: true });
    writeFileSync(path.join(repository, 'certified-connectors', 'Contoso', 'readme.md'), '# Contoso\n');
    runGit(repository, ['init', '-q', '-b', 'dev']);
    runGit(repository, ['add', '-A']);
    runGit(repository, ['commit', '-qm', 'base']);
    giveToNobody(repository);
  });
  afterAll(() => {
    process.env = saved;
    folders.cleanup();
  });

  it('is refused by git here (the premise of the tests below)', () => {
    const run = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: repository, encoding: 'utf8' });
    expect(run.stderr).toMatch(/dubious ownership/);
  });

  it('is said at the repository, with the command that lets git in and how to do without git', async () => {
    const error = await new Git(path.join(repository, 'certified-connectors'))
      .topLevel()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepositoryOwnerError);
    const refusal = error as RepositoryOwnerError;
    expect(refusal.location).toEqual({ file: repository });
    expect(refusal.message).toBe(
      'belongs to another user than the one running connector-alm, and git refuses to work in it ("detected dubious ownership").',
    );
    expect(refusal.hint).toBe(
      `If you trust it, tell git so: git config --global --add safe.directory ${repository}. On GitHub Actions (a container job, a self-hosted runner), add a step before this one that runs git config --global --add safe.directory "$GITHUB_WORKSPACE". Or leave out the base ref, to validate without comparing with it (no git needed).`,
    );
  });

  it("names a repository whose path holds a quote whole, and quotes it in git's command", async () => {
    const quoted = path.join(folders.make(), "o'brien", 'repo');
    mkdirSync(quoted, { recursive: true });
    writeFileSync(path.join(quoted, 'readme.md'), '# Contoso\n');
    runGit(quoted, ['init', '-q', '-b', 'dev']);
    giveToNobody(quoted);
    const error = await new Git(quoted).topLevel().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepositoryOwnerError);
    expect((error as RepositoryOwnerError).location).toEqual({ file: quoted });
    expect((error as RepositoryOwnerError).hint).toContain(
      `git config --global --add safe.directory '${quoted.replace("'", "'\\''")}'.`,
    );
  });

  it("gives the workflow step's command in PowerShell's form on Windows, pwsh being its runners' default shell", () => {
    expect(trustHint('C:\\actions-runner\\_work\\connectors\\connectors', 'win32')).toBe(
      'If you trust it, tell git so: git config --global --add safe.directory C:\\actions-runner\\_work\\connectors\\connectors. On GitHub Actions (a container job, a self-hosted runner), add a step before this one that runs git config --global --add safe.directory "$env:GITHUB_WORKSPACE".',
    );
    expect(trustHint('/home/runner/work/c', 'linux')).toContain('safe.directory "$GITHUB_WORKSPACE".');
  });

  it('is not taken for a ref that names no commit', async () => {
    // base-input and --base resolve the ref first: "does not name a commit" sent people to fetch it.
    await expect(new Git(repository).commitOf('dev')).rejects.toBeInstanceOf(RepositoryOwnerError);
    await expect(new Git(repository).resolveCommit('dev')).rejects.toBeInstanceOf(RepositoryOwnerError);
  });

  it('stays at the repository when the paths given are in it', async () => {
    const error = await repositoryOfPaths(['certified-connectors/Contoso'], repository).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RepositoryOwnerError);
    expect((error as RepositoryOwnerError).location).toEqual({ file: repository });
  });

  it('is thrown to whoever asks which files git ignores: nobody can tell then what a commit leaves out', async () => {
    const error = await filesGitIgnores(path.join(repository, 'certified-connectors', 'Contoso')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RepositoryOwnerError);
    expect((error as RepositoryOwnerError).repository).toBe(repository);
  });

  it("is extraction's reason that git cannot tell whether a file is committed", async () => {
    const readme = path.join(repository, 'certified-connectors', 'Contoso', 'readme.md');
    expect(await commitStates([readme])).toEqual({
      inWorkTree: false,
      why: `git refuses its repository ${repository}, which belongs to another user; git config --global --add safe.directory ${repository} lets git in`,
    });
  });
});
