import { describe, expect, it } from '@jest/globals';
import { fetchAdvice, unknownRefHint } from '../../src/git/fetch-advice.js';

describe('fetchAdvice', () => {
  it('fetches a remote-tracking branch from its own remote, not always from origin', () => {
    expect(fetchAdvice('origin/dev', ['origin', 'upstream'])).toBe('git fetch origin dev');
    expect(fetchAdvice('upstream/dev', ['origin', 'upstream'])).toBe('git fetch upstream dev');
    expect(fetchAdvice('refs/remotes/upstream/release/2', ['upstream'])).toBe('git fetch upstream release/2');
  });

  it('says to compare with the remote-tracking branch that a fetch updates, for a branch name', () => {
    // git fetch origin dev updates origin/dev, not a local dev: --base dev would fail again.
    expect(fetchAdvice('dev', ['origin'])).toBe('git fetch origin dev, then compare with origin/dev');
    expect(fetchAdvice('refs/heads/dev', ['fork'])).toBe('git fetch fork dev, then compare with fork/dev');
    expect(fetchAdvice('dev', [])).toBe('git fetch origin dev, then compare with origin/dev');
  });

  it('asks for the history of a commit id', () => {
    expect(fetchAdvice('0123456789abcdef0123456789abcdef01234567', ['origin'])).toBe(
      'git fetch origin, with the history that holds 0123456789abcdef0123456789abcdef01234567',
    );
  });

  it('reads a ref of an unknown remote both as a branch of origin and as a branch of that remote', () => {
    expect(fetchAdvice('fork/dev', ['origin'])).toBe(
      'git fetch origin fork/dev, then compare with origin/fork/dev; ' +
        'or, if fork is a remote, git remote add fork <URL of its repository>, then git fetch fork dev',
    );
    // refs/remotes/ says it is a remote.
    expect(fetchAdvice('refs/remotes/fork/dev', ['origin'])).toBe(
      'git remote add fork <URL of its repository>, then git fetch fork dev',
    );
    // A branch named as such is a branch.
    expect(fetchAdvice('refs/heads/fork/dev', ['origin'])).toBe(
      'git fetch origin fork/dev, then compare with origin/fork/dev',
    );
  });
});

describe('unknownRefHint', () => {
  it('says that upstream is not configured, rather than to fetch upstream/dev from origin', () => {
    expect(unknownRefHint('upstream/dev', ['origin'], true)).toBe(
      'This repository has no remote named upstream: add it, then fetch the branch (git remote add upstream ' +
        '<URL of its repository>, then git fetch upstream dev). In GitHub Actions, actions/checkout sets up ' +
        'only origin: run both after it, and check out with fetch-depth: 0.',
    );
    expect(unknownRefHint('upstream/dev', ['origin', 'upstream'], true)).toBe(
      'Fetch it first (e.g. git fetch upstream dev); in GitHub Actions, check out with fetch-depth: 0.',
    );
  });

  it('leaves out fetch-depth: 0 in a clone that is not shallow, which has the history already', () => {
    expect(unknownRefHint('upstream/dev', ['origin'], false)).toBe(
      'This repository has no remote named upstream: add it, then fetch the branch (git remote add upstream ' +
        '<URL of its repository>, then git fetch upstream dev). In GitHub Actions, actions/checkout sets up ' +
        'only origin: run both after it.',
    );
    expect(unknownRefHint('release', ['origin'], false)).toBe(
      'Fetch it first (e.g. git fetch origin release, then compare with origin/release).',
    );
  });
});
