import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { readPullRequestEvent } from '../src/validate-connector/pull-request.js';

const folder = temporaryFolder('event-');

/** The environment of a step whose event payload is `payload`, as the runner writes it. */
function eventEnvironment(payload: unknown, eventName = 'pull_request'): NodeJS.ProcessEnv {
  const file = path.join(folder, `${eventName}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: file };
}

describe('readPullRequestEvent', () => {
  it('reads the base and head repositories, which tell a pull request to upstream from one inside a fork', () => {
    const event = readPullRequestEvent(
      eventEnvironment({
        pull_request: {
          number: 12,
          title: 'Sync dev',
          base: {
            ref: 'master',
            sha: 'b'.repeat(40),
            repo: { full_name: 'contoso/PowerPlatformConnectors' },
          },
          head: { ref: 'dev', sha: 'h'.repeat(40), repo: { full_name: 'contoso/PowerPlatformConnectors' } },
        },
      }),
    );
    expect(event).toEqual({
      baseSha: 'b'.repeat(40),
      headSha: 'h'.repeat(40),
      number: 12,
      facts: {
        title: 'Sync dev',
        baseRef: 'master',
        baseRepository: 'contoso/PowerPlatformConnectors',
        headRepository: 'contoso/PowerPlatformConnectors',
        headRef: 'dev',
      },
    });
  });

  it('leaves the head repository out when the fork was deleted (GitHub sends head.repo: null)', () => {
    const event = readPullRequestEvent(
      eventEnvironment(
        {
          pull_request: {
            base: {
              ref: 'master',
              sha: 'b'.repeat(40),
              repo: { full_name: 'microsoft/PowerPlatformConnectors' },
            },
            head: { ref: 'dev', sha: 'h'.repeat(40), repo: null },
          },
        },
        'pull_request_target',
      ),
    );
    expect(event?.facts.headRepository).toBeUndefined();
    expect(event?.facts.baseRepository).toBe('microsoft/PowerPlatformConnectors');
  });
});
