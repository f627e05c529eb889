import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import {
  cannotGiveRepositoryAway,
  giveToNobody,
  gitEnvWithoutTrust,
  REPO_ROOT,
  runGit,
  temporaryFolders,
} from '@connector-alm/testing';

// A clone of another user's (a shared checkout, a container's mounted folder): git refuses it, and
// `validate --base` said "connector-alm failed unexpectedly: git rev-parse failed: fatal: detected
// dubious ownership … This is a bug; please report it".

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const folders = temporaryFolders('cli-owner-');
afterAll(() => folders.cleanup());

const cannot = cannotGiveRepositoryAway();
if (cannot) console.warn(`Skipping the tests of a repository of another user: ${cannot}.`);

(cannot ? describe.skip : describe)('validate --base in a repository of another user', () => {
  it('says so at the repository, with the command that lets git in, exit 2', () => {
    const repository = folders.make();
    const connector = path.join('certified-connectors', 'Contoso Tasks');
    cpSync(path.join(REPO_ROOT, 'examples', connector), path.join(repository, connector), {
      recursive: true,
    });
    runGit(repository, ['init', '-q', '-b', 'dev']);
    runGit(repository, ['add', '-A']);
    runGit(repository, ['commit', '-qm', 'base']);
    giveToNobody(repository);
    const run = spawnSync(process.execPath, [CLI, 'validate', connector, '--base', 'dev'], {
      cwd: repository,
      encoding: 'utf8',
      env: { ...process.env, ...gitEnvWithoutTrust(folders.make()) },
    });
    // Located as the CLI shows every path, from where it runs: the repository is the working directory.
    expect(run.stderr).toBe(
      `.: error: belongs to another user than the one running connector-alm, and git refuses to work in it ("detected dubious ownership"). If you trust it, tell git so: git config --global --add safe.directory ${repository}. On GitHub Actions (a container job, a self-hosted runner), add a step before this one that runs git config --global --add safe.directory "$GITHUB_WORKSPACE". Or leave out the base ref, to validate without comparing with it (no git needed).\n`,
    );
    expect(run.status).toBe(2);
  });
});
