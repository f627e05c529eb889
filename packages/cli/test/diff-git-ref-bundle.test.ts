import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runGit, temporaryFolders } from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';

// A new user ran `diff dev certified-connectors/AikiDocs` to compare with the dev branch and read
// "dev: error: does not exist. Give a connector folder or its apiDefinition.swagger.json.". A git
// ref where a path goes is said to be one, with the command that compares with a branch.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const folders = temporaryFolders('cli-diff-ref-');
afterAll(() => folders.cleanup());

const HINT_END = 'which compares the connector with its version at the merge base.\n';

/** A repository on branch `feature`, from `dev`, holding the connector folder `connector`. */
function repository(connector: string): string {
  const root = folders.make();
  const folder = path.join(root, connector);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(validSwagger(), null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  runGit(root, ['init', '-q', '-b', 'dev']);
  runGit(root, ['add', '-A']);
  runGit(root, ['commit', '-qm', 'base']);
  runGit(root, ['checkout', '-qb', 'feature']);
  return root;
}

function diff(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'diff', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, err: result.stderr, out: result.stdout };
}

describe('diff given a git ref where a path goes', () => {
  it('says to compare with the branch by validate --base, with the arguments given, exit 2', () => {
    const root = repository('certified-connectors/AikiDocs');
    expect(diff(root, 'dev', 'certified-connectors/AikiDocs')).toEqual({
      code: 2,
      out: '',
      err: `dev: error: is no file or folder but a git ref of this repository, and diff compares two versions on disk. To compare with a branch, use connector-alm validate --base dev certified-connectors/AikiDocs, ${HINT_END}`,
    });
  });

  it('quotes a folder with a space for the shell, and takes a ref given second as the base', () => {
    const root = repository('certified-connectors/Contoso Tasks');
    expect(diff(root, 'certified-connectors/Contoso Tasks', 'dev').err).toBe(
      `dev: error: is no file or folder but a git ref of this repository, and diff compares two versions on disk. To compare with a branch, use connector-alm validate --base dev 'certified-connectors/Contoso Tasks', ${HINT_END}`,
    );
  });

  it('asks in the repository of the connector, as validate --base compares there', () => {
    const root = repository('certified-connectors/AikiDocs');
    const outside = folders.make();
    const connector = path.join(root, 'certified-connectors/AikiDocs');
    const result = diff(outside, 'dev', connector);
    expect(result.err).toContain(`use connector-alm validate --base dev ${connector}, `);
    expect(result.code).toBe(2);
  });

  it('says a name that is no ref does not exist, as before', () => {
    const root = repository('certified-connectors/AikiDocs');
    expect(diff(root, 'main', 'certified-connectors/AikiDocs').err).toBe(
      'main: error: does not exist. Give a connector folder or its apiDefinition.swagger.json.\n',
    );
  });

  it('compares a folder named like a branch: the path wins', () => {
    const root = repository('certified-connectors/AikiDocs');
    // A copy of the connector in a folder named dev, beside the branch dev.
    const copy = path.join(root, 'dev');
    mkdirSync(copy);
    writeFileSync(path.join(copy, 'apiDefinition.swagger.json'), JSON.stringify(validSwagger(), null, 2));
    writeFileSync(path.join(copy, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
    writeFileSync(path.join(copy, 'readme.md'), validReadme());
    expect(diff(root, 'dev', 'certified-connectors/AikiDocs')).toEqual({
      code: 0,
      out: 'no-change: 0 changes, 0 breaking\n',
      err: '',
    });
  });
});
