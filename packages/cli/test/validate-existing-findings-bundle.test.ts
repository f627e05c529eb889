import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, runGit, temporaryFolders } from '@connector-alm/testing';
import { validSwagger, writeValidConnector } from '@connector-alm/validator/testing';

// `validate --base` ended a failing run with its count line only: a maker whose change fails on errors
// the connector already had read them as their own. The built CLI says how many were already in the
// base and names --only-new, in the words the validate-connector action uses.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const folders = temporaryFolders('cli-existing-findings-');
afterAll(() => folders.cleanup());

/**
 * A repository whose connector's title already broke a rule on dev (an error), and a branch that
 * puts a slash in an operation's summary (a second, new error).
 */
function branchWithExistingAndNewError(): string {
  const root = folders.make();
  const folder = path.join(root, 'certified-connectors', 'Contoso Tasks');
  const swagger = validSwagger();
  swagger.info.title = 'Contoso Tasks API';
  writeValidConnector(folder, swagger);
  runGit(root, ['init', '-q', '-b', 'dev']);
  runGit(root, ['add', '-A']);
  runGit(root, ['commit', '-qm', 'base']);
  runGit(root, ['checkout', '-qb', 'feature']);
  swagger.paths['/tasks'].get.summary = 'List tasks / items';
  writeValidConnector(folder, swagger);
  runGit(root, ['commit', '-qam', 'summary']);
  return root;
}

function validate(cwd: string, ...argv: string[]) {
  return spawnSync(process.execPath, [CLI, 'validate', '.', '--base', 'dev', ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('validate --base failing on findings the base already had', () => {
  it('says how many after the count line, and names --only-new', () => {
    const root = branchWithExistingAndNewError();
    const run = validate(root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const count = lines.findIndex((line) => /^\d+ problems /.test(line));
    expect(lines[count]).toMatch(/ \(2 errors, .* in 1 connector; \d+ new since the base\.$/);
    expect(lines[count + 1]).toBe(
      '1 of the 2 failing findings was already in the base: fix it or ask the reviewers; --only-new fails only on findings new since the base.',
    );
  });

  it('says nothing of it with --only-new, which leaves the existing error out', () => {
    const root = branchWithExistingAndNewError();
    const run = validate(root, '--only-new');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\(1 error, /);
    expect(run.stdout).not.toContain('already in the base');
  });
});
