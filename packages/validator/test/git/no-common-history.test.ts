import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { UsageError, type UserError } from '@connector-alm/core';
import { Git } from '../../src/git/git.js';
import { createRepository } from './repository-fixture.js';

/** The error of comparing HEAD with `base` in the repository at `dir`. */
async function refusal(dir: string, base: string): Promise<UserError> {
  const error = await new Git(dir).mergeBase('HEAD', base).catch((e: unknown) => e);
  // A usage error, as a ref that names no commit: the CLI exits 2.
  expect(error).toBeInstanceOf(UsageError);
  return error as UserError;
}

// `validate --base lonely` with an orphan branch, in a full clone, was told "In a shallow clone the
// merge base may be missing: fetch with fetch-depth: 0", which the clone had already.
describe('two commits without a common ancestor', () => {
  it('in a full clone, says the histories never meet, without fetch advice', async () => {
    const repo = createRepository();
    repo.write({ 'a.txt': 'a' });
    repo.commitAll('one');
    repo.git('checkout', '--quiet', '--orphan', 'lonely');
    repo.commitAll('lonely');
    repo.git('checkout', '--quiet', 'dev');
    const error = await refusal(repo.dir, 'lonely');
    expect(error.message).toBe('"HEAD" and "lonely" have no common history.');
    expect(error.hint).toBe(
      "Their histories never meet (an orphan branch, or another repository's history): " +
        'compare with the branch this one was made from.',
    );
  });

  it('in a shallow clone, says to fetch the rest of the history', async () => {
    const repo = createRepository();
    repo.write({ 'a.txt': 'a' });
    repo.commitAll('one');
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.write({ 'a.txt': 'b' });
    repo.commitAll('two');
    repo.git('checkout', '--quiet', 'dev');
    repo.write({ 'a.txt': 'c' });
    repo.commitAll('three');
    // As a pull request's job with actions/checkout's default depth, then the base fetched alike.
    const clone = path.join(temporaryFolder('connector-alm-shallow-'), 'clone');
    execFileSync('git', [
      'clone',
      '--quiet',
      '--depth',
      '1',
      '--branch',
      'feature',
      `file://${repo.dir}`,
      clone,
    ]);
    execFileSync('git', ['fetch', '--quiet', '--depth', '1', 'origin', 'dev:dev'], { cwd: clone });
    const error = await refusal(clone, 'dev');
    expect(error.hint).toBe(
      'This clone is shallow: the commit both come from may be in the history it lacks. ' +
        'Fetch the rest (git fetch --unshallow), then compare again; in GitHub Actions, check out with fetch-depth: 0.',
    );
    // Fetched, the two meet.
    execFileSync('git', ['fetch', '--quiet', '--unshallow'], { cwd: clone });
    expect(await new Git(clone).mergeBase('HEAD', 'dev')).toMatch(/^[0-9a-f]{40}$/);
  });
});
