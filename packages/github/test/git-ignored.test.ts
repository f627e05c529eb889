import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import {
  cannotGiveRepositoryAway,
  giveToNobody,
  gitEnvWithoutTrust,
  runGit,
  temporaryFolders,
} from '@connector-alm/testing';
import { gitIgnoredFiles } from '../src/git-ignored.js';

const folders = temporaryFolders('connector-alm-ignored-');
afterAll(() => folders.cleanup());

/** A checkout whose .gitignore names settings.json, with the connector folder in it (not committed). */
function checkout(): { root: string; connector: string } {
  const root = folders.make();
  const connector = path.join(root, 'certified-connectors', 'Contoso');
  mkdirSync(connector, { recursive: true });
  writeFileSync(path.join(root, '.gitignore'), 'settings.json\n');
  writeFileSync(path.join(connector, 'settings.json'), '{}');
  writeFileSync(path.join(connector, 'apiDefinition.swagger.json'), '{}');
  runGit(root, ['init', '-q', '-b', 'main']);
  return { root, connector };
}

describe('gitIgnoredFiles', () => {
  it('are the files git ignores in a checkout', async () => {
    const { connector } = checkout();
    expect(await gitIgnoredFiles(connector, 'certified-connectors/Contoso')).toEqual({
      files: new Set(['settings.json']),
      nestedRepositories: new Set(),
      linkedRepositories: new Set(),
    });
  });

  it('are none, quietly, outside a checkout', async () => {
    const folder = folders.make();
    writeFileSync(path.join(folder, 'settings.json'), '{}');
    expect(await gitIgnoredFiles(folder, 'Contoso')).toEqual({ files: new Set() });
  });

  it('are none, with a warning that says why, in a checkout where git is not installed', async () => {
    const { connector } = checkout();
    const saved = process.env.PATH;
    process.env.PATH = folders.make();
    try {
      expect(await gitIgnoredFiles(connector, 'certified-connectors/Contoso')).toEqual({
        files: new Set(),
        warning:
          'git cannot tell which files of certified-connectors/Contoso it ignores (git is not installed here), so any that .gitignore names are sent all the same. Install git to leave them out.',
      });
    } finally {
      process.env.PATH = saved;
    }
  });
});

const cannot = cannotGiveRepositoryAway();
if (cannot) console.warn(`Skipping the test of a repository of another user: ${cannot}.`);

(cannot ? describe.skip : describe)('gitIgnoredFiles in a repository that belongs to another user', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    // git run by the code under test reads process.env: no configuration of this machine lets it in.
    Object.assign(process.env, gitEnvWithoutTrust(folders.make()));
  });
  afterAll(() => {
    process.env = saved;
  });

  it('stops the run before anything is sent, at the repository, with the command that lets git in', async () => {
    const { root, connector } = checkout();
    giveToNobody(root);
    const error = await gitIgnoredFiles(connector, 'certified-connectors/Contoso').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({
      message:
        'belongs to another user than the one running connector-alm, and git refuses to work in it ("detected dubious ownership"), so it cannot tell which files of certified-connectors/Contoso it ignores, to leave them out of the pull request. Nothing was pushed.',
      location: { file: root },
      hint: expect.stringContaining(`git config --global --add safe.directory ${root}.`),
    });
  });
});
