import { describe, expect, it } from '@jest/globals';
import { Git } from '../../src/git/git.js';
import { resolveBaseRef } from '../../src/git/base-ref.js';
import { createRepository, type Repository } from './repository-fixture.js';

/**
 * A clone as actions/checkout makes it: the remotes' branches as remote-tracking refs only, no local
 * branch of them, HEAD detached at a commit of its own.
 */
function checkoutLike(remotes: Record<string, string[]>): { repo: Repository; base: string } {
  const repo = createRepository('scratch');
  const base = repo.commitAll('base');
  for (const [remote, branches] of Object.entries(remotes)) {
    repo.git('remote', 'add', remote, `https://example.invalid/${remote}.git`);
    for (const branch of branches) repo.git('update-ref', `refs/remotes/${remote}/${branch}`, base);
  }
  repo.git('checkout', '--quiet', '--detach');
  repo.commitAll('change');
  repo.git('branch', '--quiet', '-D', 'scratch');
  return { repo, base };
}

describe('resolveBaseRef', () => {
  it("reads a branch that only origin has as origin's, and says so", async () => {
    const { repo, base } = checkoutLike({ origin: ['dev'] });
    const git = new Git(repo.dir);
    expect(await resolveBaseRef(git, 'dev')).toEqual({
      ref: 'origin/dev',
      note: "base 'dev' read as 'origin/dev': there is no local branch 'dev'.",
    });
    expect(await git.mergeBase('HEAD', 'origin/dev')).toBe(base);
  });

  it('keeps a ref that names a commit as it is, a local branch before a remote one', async () => {
    const { repo, base } = checkoutLike({ origin: ['dev'] });
    repo.git('branch', 'dev', base);
    const git = new Git(repo.dir);
    expect(await resolveBaseRef(git, 'dev')).toEqual({ ref: 'dev' });
    expect(await resolveBaseRef(git, 'origin/dev')).toEqual({ ref: 'origin/dev' });
    expect(await resolveBaseRef(git, base)).toEqual({ ref: base });
  });

  it("prefers origin's branch, else takes the one remote that has it", async () => {
    const both = checkoutLike({ upstream: ['dev'], origin: ['dev'] });
    expect((await resolveBaseRef(new Git(both.repo.dir), 'dev')).ref).toBe('origin/dev');
    const upstreamOnly = checkoutLike({ origin: ['main'], upstream: ['dev'] });
    expect(await resolveBaseRef(new Git(upstreamOnly.repo.dir), 'dev')).toEqual({
      ref: 'upstream/dev',
      note: "base 'dev' read as 'upstream/dev': there is no local branch 'dev'.",
    });
  });

  it("reads a hex or '@' branch name as origin's branch before a commit whose id starts so", async () => {
    const { repo, base } = checkoutLike({ origin: [] });
    const head = repo.git('rev-parse', 'HEAD').trim();
    const hexName = head.slice(0, 5);
    repo.git('update-ref', `refs/remotes/origin/${hexName}`, base);
    repo.git('update-ref', 'refs/remotes/origin/release@2', base);
    const git = new Git(repo.dir);
    expect(await resolveBaseRef(git, hexName)).toEqual({
      ref: `origin/${hexName}`,
      note: `base '${hexName}' read as 'origin/${hexName}': there is no local branch '${hexName}'.`,
    });
    expect((await resolveBaseRef(git, 'release@2')).ref).toBe('origin/release@2');
    // An abbreviated id that no remote has as a branch stays the commit, as git reads it.
    expect(await resolveBaseRef(git, head.slice(0, 8))).toEqual({ ref: head.slice(0, 8) });
    expect(await resolveBaseRef(git, 'main@{1}')).toEqual({ ref: 'main@{1}' });
  });

  it('guesses neither between two remotes without origin, nor for a full ref or an expression', async () => {
    const { repo } = checkoutLike({ fork: ['dev'], upstream: ['dev'] });
    const git = new Git(repo.dir);
    expect(await resolveBaseRef(git, 'dev')).toEqual({ ref: 'dev' });
    const single = new Git(checkoutLike({ origin: ['dev'] }).repo.dir);
    expect(await resolveBaseRef(single, 'refs/heads/dev')).toEqual({ ref: 'refs/heads/dev' });
    expect(await resolveBaseRef(single, 'dev~1')).toEqual({ ref: 'dev~1' });
    expect(await resolveBaseRef(single, 'nowhere')).toEqual({ ref: 'nowhere' });
  });
});
