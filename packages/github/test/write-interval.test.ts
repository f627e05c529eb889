import { describe, expect, it } from '@jest/globals';
import { createMemoryLogger, UsageError } from '@connector-alm/core';
import { createGitHubClient, writeIntervalFromEnv } from '../src/index.js';
import { scenarioForAllTests } from './helpers/scenario-hooks.js';
import { writeGapsMs } from './helpers/write-spacing.js';

describe('CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS', () => {
  it('is GitHub’s default (undefined) when unset or empty, and its milliseconds otherwise', () => {
    expect(writeIntervalFromEnv({})).toBeUndefined();
    expect(writeIntervalFromEnv({ CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS: ' ' })).toBeUndefined();
    expect(writeIntervalFromEnv({ CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS: '0' })).toBe(0);
    expect(writeIntervalFromEnv({ CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS: '250' })).toBe(250);
  });

  it.each(['1s', '-1', '0.5', '1e3', '12345678'])(
    'refuses %p, naming the variable and what it must be',
    (value) => {
      const read = () => writeIntervalFromEnv({ CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS: value });
      expect(read).toThrow(UsageError);
      expect(read).toThrow(
        `The environment variable CONNECTOR_ALM_GITHUB_WRITE_INTERVAL_MS must be a whole number of milliseconds; it is '${value}'.`,
      );
    },
  );
});

describe('the GitHub client, given no write interval', () => {
  const scenario = scenarioForAllTests();

  // The tests of pr and open-pull-request skip the wait; this one keeps the default they rely on honest.
  it('sends its writes GitHub’s second apart', async () => {
    const client = createGitHubClient({
      token: scenario.contributor.token,
      baseUrl: scenario.github.url,
      logger: createMemoryLogger(),
    });
    await scenario.github.addRepository('contoso-dev', 'notes', {
      defaultBranch: 'main',
      files: { 'README.md': '# Notes\n' },
    });
    for (const content of ['one', 'two', 'three'])
      await client.rest.git.createBlob({ owner: 'contoso-dev', repo: 'notes', content });
    const gaps = writeGapsMs(scenario.github.requests);
    expect(gaps).toHaveLength(2);
    // The second is kept where the client starts each request; when it reaches the server varies by
    // the time the client's hooks and the connection take, over 250 ms on a busy machine (899 and 744
    // ms were seen). Without the interval, a gap is one write's round trip: tens of milliseconds.
    expect(gaps.filter((gap) => gap < 500)).toEqual([]);
  });
});
