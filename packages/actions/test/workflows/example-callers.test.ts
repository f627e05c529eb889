import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '@connector-alm/testing';

type Permissions = string | Record<string, string> | undefined;

interface CallerJob {
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | 'inherit';
  permissions?: Permissions;
}

interface ReusableWorkflow {
  on: {
    workflow_call: {
      inputs?: Record<string, { required?: boolean; default?: unknown }>;
      secrets?: Record<string, { required?: boolean }>;
    };
  };
  permissions?: Permissions;
  jobs: Record<string, { permissions?: Permissions }>;
}

const examplesDir = path.join(REPO_ROOT, 'examples/workflows');
const callers = readdirSync(examplesDir).filter((file) => /\.ya?ml$/.test(file));
const read = <T>(file: string): T => parseYaml(readFileSync(file, 'utf8')) as T;

/** `connector-alm/connector-alm/.github/workflows/x.yml@v1` → this repository's file. */
function reusableFile(uses: string): string | undefined {
  const match = /^connector-alm\/connector-alm\/(\.github\/workflows\/[\w.-]+\.ya?ml)@/.exec(uses);
  return match ? path.join(REPO_ROOT, match[1]!) : undefined;
}

const LEVEL = { none: 0, read: 1, write: 2 } as Record<string, number>;
function level(permissions: Permissions, scope: string): number {
  if (permissions === 'write-all') return 2;
  if (permissions === 'read-all') return 1;
  if (permissions === undefined || typeof permissions === 'string') return 0;
  return LEVEL[permissions[scope] ?? 'none'] ?? 0;
}

describe.each(callers)('examples/workflows/%s calls its reusable workflow as it declares itself', (file) => {
  const caller = read<{ permissions?: Permissions; jobs: Record<string, CallerJob> }>(
    path.join(examplesDir, file),
  );
  const calls = Object.entries(caller.jobs).filter(([, job]) => job.uses);

  it('calls a reusable workflow of this repository', () => {
    expect(calls.length).toBeGreaterThan(0);
    for (const [, job] of calls) expect(reusableFile(job.uses!)).toBeDefined();
  });

  it.each(calls.map(([id]) => id))('job %s gives declared inputs and secrets, all required ones', (id) => {
    const job = caller.jobs[id]!;
    const called = read<ReusableWorkflow>(reusableFile(job.uses!)!).on.workflow_call;
    const inputs = called.inputs ?? {};
    expect(Object.keys(job.with ?? {}).filter((name) => !(name in inputs))).toEqual([]);
    const required = Object.entries(inputs).filter(([, spec]) => spec.required && !('default' in spec));
    expect(required.map(([name]) => name).filter((name) => !(name in (job.with ?? {})))).toEqual([]);
    if (job.secrets === 'inherit') return;
    const given = job.secrets ?? {};
    const secrets = called.secrets ?? {};
    expect(Object.keys(given).filter((name) => !(name in secrets))).toEqual([]);
    const requiredSecrets = Object.entries(secrets).filter(([, spec]) => spec.required);
    expect(requiredSecrets.map(([name]) => name).filter((name) => !(name in given))).toEqual([]);
  });

  // A called workflow's token can only keep or lose the caller's permissions, never gain more.
  it.each(calls.map(([id]) => id))('job %s grants every permission the called jobs ask for', (id) => {
    const job = caller.jobs[id]!;
    const granted = job.permissions ?? caller.permissions;
    const called = read<ReusableWorkflow>(reusableFile(job.uses!)!);
    const missing: string[] = [];
    for (const [calledId, calledJob] of Object.entries(called.jobs)) {
      const asked = calledJob.permissions ?? called.permissions;
      if (typeof asked !== 'object') continue;
      for (const scope of Object.keys(asked)) {
        if (level(asked, scope) > level(granted, scope))
          missing.push(`${calledId}: ${scope}: ${asked[scope]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

// Two quick pushes started two imports into test at once, which Dataverse refuses, and could reach
// production in the wrong order; a cancelled run would leave its import running in Dataverse.
it('the promote example runs one promote at a time, waiting for the one before instead of cancelling it', () => {
  const caller = read<{ concurrency?: { group?: string; 'cancel-in-progress'?: boolean } }>(
    path.join(examplesDir, 'connector-promote.yml'),
  );
  expect(caller.concurrency).toEqual({ group: '${{ github.workflow }}', 'cancel-in-progress': false });
});
