import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { UsageError, type UserError } from '@connector-alm/core';
import { Git } from '../../src/git/git.js';
import { relativeRefStart } from '../../src/git/relative-ref.js';
import { createRepository } from './repository-fixture.js';

describe('relativeRefStart', () => {
  it('reads the ref an ancestor expression starts from', () => {
    expect(relativeRefStart('HEAD~5')).toBe('HEAD');
    expect(relativeRefStart('HEAD^^^')).toBe('HEAD');
    expect(relativeRefStart('main^2')).toBe('main');
    expect(relativeRefStart('origin/dev~1^')).toBe('origin/dev');
    expect(relativeRefStart('HEAD@{3}')).toBe('HEAD');
    expect(relativeRefStart('main@{1}~2')).toBe('main');
  });

  it('leaves plain names and commit ids alone', () => {
    expect(relativeRefStart('HEAD')).toBeUndefined();
    expect(relativeRefStart('origin/dev')).toBeUndefined();
    expect(relativeRefStart('release/2.0')).toBeUndefined();
    expect(relativeRefStart('0123456789abcdef')).toBeUndefined();
  });
});

/** The error resolving `ref` in the repository at `dir` gives. */
async function refusal(dir: string, ref: string): Promise<UserError> {
  const error = await new Git(dir).resolveCommit(ref).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  return error as UserError;
}

// `--base HEAD~5` on a branch of two commits was told "git fetch origin HEAD~5, then compare with
// origin/HEAD~5": an expression cannot be fetched, and git refuses both.
describe('an ancestor that the history here does not reach', () => {
  it('says the history is shorter, in a full clone, without fetch advice', async () => {
    const repo = createRepository();
    repo.commitAll('one');
    repo.commitAll('two');
    repo.git('remote', 'add', 'origin', 'https://example.invalid/fork.git');
    const error = await refusal(repo.dir, 'HEAD~5');
    expect(error.message).toBe('The git ref "HEAD~5" does not name a commit in this repository.');
    expect(error.hint).toBe(
      'The history of HEAD is shorter than "HEAD~5" goes back (or a commit on the way has no such parent). ' +
        'Give a nearer ancestor (git log --oneline HEAD lists them), or a branch name or commit id.',
    );
    expect(error.hint).not.toMatch(/git fetch/);
    // A second parent of a commit that is no merge is as missing.
    expect((await refusal(repo.dir, 'HEAD^2')).hint).toMatch(/^The history of HEAD is shorter/);
  });

  it('says to fetch the rest of the history in a shallow clone', async () => {
    const repo = createRepository();
    repo.commitAll('one');
    repo.commitAll('two');
    const clone = path.join(temporaryFolder('connector-alm-shallow-'), 'clone');
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, clone]);
    const error = await refusal(clone, 'HEAD~1');
    expect(error.hint).toBe(
      'This clone is shallow: it holds too little of the history of HEAD for "HEAD~1". Fetch the rest ' +
        '(git fetch --unshallow), then compare again; in GitHub Actions, check out with fetch-depth: 0.',
    );
    // Fetched, the same ref names a commit.
    execFileSync('git', ['fetch', '--quiet', '--unshallow'], { cwd: clone });
    expect(await new Git(clone).resolveCommit('HEAD~1')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('says that a reflog entry is not in this clone, not to fetch it', async () => {
    const repo = createRepository();
    repo.commitAll('one');
    const hint = (await refusal(repo.dir, 'HEAD@{5}')).hint;
    expect(hint).toMatch(/^"HEAD@\{5\}" is read from this clone's reflog/);
    expect(hint).not.toMatch(/git fetch/);
  });
});

describe('an ancestor expression of a ref that names nothing here', () => {
  it('is advised and spelt as that ref', async () => {
    const repo = createRepository();
    repo.commitAll('one');
    repo.git('branch', '-M', 'main');
    repo.git('remote', 'add', 'origin', 'https://example.invalid/fork.git');
    // The ref it starts from is what a fetch brings.
    expect((await refusal(repo.dir, 'origin/dev~2')).hint).toBe(
      'Fetch it first (e.g. git fetch origin dev).',
    );
    // A misspelt name is offered with the same expression.
    const misspelt = await refusal(repo.dir, 'mian~2');
    expect(misspelt.message).toBe(
      `The git ref "mian~2" does not name a commit in this repository. Did you mean 'main~2'?`,
    );
    expect(misspelt.hint).toBe(
      'If "mian~2" is spelt as meant: fetch it first (e.g. git fetch origin mian, then compare with origin/mian~2).',
    );
  });
});
