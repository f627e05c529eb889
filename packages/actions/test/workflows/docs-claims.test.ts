import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '@connector-alm/testing';

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), 'utf8');

describe('docs/troubleshooting.md', () => {
  it('gives the time limit per job that the snapshot and promote workflows set', () => {
    const limits = ['connector-snapshot.yml', 'connector-promote.yml'].flatMap((file) =>
      Object.values(
        (
          parseYaml(read(`.github/workflows/${file}`)) as {
            jobs: Record<string, { 'timeout-minutes'?: number }>;
          }
        ).jobs,
      ).map((job) => job['timeout-minutes']),
    );
    expect(new Set(limits).size).toBe(1);
    const text = read('docs/troubleshooting.md').replace(/\s+/g, ' ');
    expect(text).toContain(`the snapshot and promote workflows allow ${limits[0]} minutes per job`);
  });
});

describe('README.md', () => {
  it('says which powerplatform-actions sign-in inputs the Dataverse actions do not take, and they do not', () => {
    const readme = read('README.md').replace(/\s+/g, ' ');
    expect(readme).toContain('A user name and password (`user-name`, `password-secret`) are not supported');
    for (const name of ['export-solution', 'import-solution']) {
      const inputs = Object.keys(
        (parseYaml(read(`actions/${name}/action.yml`)) as { inputs: Record<string, unknown> }).inputs,
      );
      expect({
        name,
        inputs: inputs.filter((input) => ['user-name', 'password-secret'].includes(input)),
      }).toEqual({
        name,
        inputs: [],
      });
      expect(inputs).toEqual(
        expect.arrayContaining(['environment-url', 'app-id', 'tenant-id', 'client-secret']),
      );
    }
  });
});
