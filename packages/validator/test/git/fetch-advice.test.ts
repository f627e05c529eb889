import { describe, expect, it } from '@jest/globals';
import { fetchAdvice } from '../../src/git/fetch-advice.js';

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

  it('takes a ref of an unknown remote for a branch name', () => {
    expect(fetchAdvice('nope/dev', ['origin'])).toBe(
      'git fetch origin nope/dev, then compare with origin/nope/dev',
    );
  });
});
