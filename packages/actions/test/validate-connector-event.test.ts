import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle, temporaryFolder } from '@connector-alm/testing';
import { readPullRequestEvent } from '../src/validate-connector/pull-request.js';
import { workspaceWithConnector } from './helpers/pull-request-repo.js';

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

  // A merge queue's event has no pull_request: its base and head are the merge group's, and it has
  // no title or base branch for the pull request's rules.
  it('reads the base and head of a merge group', () => {
    const event = readPullRequestEvent(
      eventEnvironment(
        {
          action: 'checks_requested',
          merge_group: {
            base_sha: 'b'.repeat(40),
            base_ref: 'refs/heads/master',
            head_sha: 'h'.repeat(40),
            head_ref: 'refs/heads/gh-readonly-queue/master/pr-12-' + 'b'.repeat(40),
          },
        },
        'merge_group',
      ),
    );
    expect(event).toEqual({ baseSha: 'b'.repeat(40), headSha: 'h'.repeat(40), number: undefined, facts: {} });
  });

  it('reads no pull request of other events, nor of a payload without a base', () => {
    const payload = { pull_request: { base: { sha: 'b'.repeat(40) }, head: { sha: 'h'.repeat(40) } } };
    expect(readPullRequestEvent(eventEnvironment(payload, 'push'))).toBeUndefined();
    expect(readPullRequestEvent({ GITHUB_EVENT_NAME: 'pull_request' })).toBeUndefined();
    expect(readPullRequestEvent(eventEnvironment({ pull_request: { number: 3 } }))).toBeUndefined();
  });

  it('reads the head a push replaced on synchronize only', () => {
    const payload = {
      before: 'a'.repeat(40),
      pull_request: { base: { sha: 'b'.repeat(40) }, head: { sha: 'h'.repeat(40) } },
    };
    expect(readPullRequestEvent(eventEnvironment({ ...payload, action: 'synchronize' }))?.before).toBe(
      'a'.repeat(40),
    );
    expect(readPullRequestEvent(eventEnvironment({ ...payload, action: 'opened' }))).not.toHaveProperty(
      'before',
    );
    expect(
      readPullRequestEvent(eventEnvironment({ ...payload, action: 'synchronize', before: '' })),
    ).not.toHaveProperty('before');
  });
});

// Outside GitHub Actions (act, a script that sets the runner's variables) the event file may be missing
// or not JSON: the step failed as a bug of ours, with Node's ENOENT or JSON.parse's words.
describe('validate-connector with an event file it cannot read', () => {
  const HINT =
    "The runner writes it for each job; outside GitHub Actions, point GITHUB_EVENT_PATH at the pull_request event's JSON payload, or leave GITHUB_EVENT_NAME unset to validate the workspace.";

  it('fails at the event file when it is missing', async () => {
    const missing = path.join(folder, 'missing.json');
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      eventName: 'pull_request',
      env: { GITHUB_EVENT_PATH: missing },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message: `${missing}: The event file GITHUB_EVENT_PATH names cannot be read (ENOENT). ${HINT}`,
      },
    ]);
  });

  it('fails at the event file when it is not JSON', () => {
    const file = path.join(folder, 'not-json.json');
    writeFileSync(file, 'pull_request');
    expect(() =>
      readPullRequestEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file }),
    ).toThrow(/^The event file GITHUB_EVENT_PATH names is not JSON: Unexpected token/);
  });
});
