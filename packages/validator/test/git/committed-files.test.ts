import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commitStates } from '../../src/git/committed-files.js';
import { createRepository } from './repository-fixture.js';

describe('commitStates', () => {
  it('tells committed files from changed (staged or not), untracked and ignored ones, in a folder with spaces', async () => {
    const repo = createRepository();
    const folder = 'custom-connectors/[Beta] Contoso Tasks';
    repo.write({
      [`${folder}/committed.json`]: '{}',
      [`${folder}/edited.json`]: '{}',
      [`${folder}/staged.json`]: '{}',
      '.gitignore': 'ignored.json\n',
    });
    repo.commitAll('base');
    repo.write({
      [`${folder}/edited.json`]: '{"edited": true}',
      [`${folder}/staged.json`]: '{"staged": true}',
      [`${folder}/new.json`]: '{}',
      [`${folder}/ignored.json`]: '{}',
    });
    repo.git('add', '--', `${folder}/staged.json`);
    const file = (name: string): string => path.join(repo.dir, folder, name);
    const names = ['committed.json', 'edited.json', 'staged.json', 'new.json', 'ignored.json'];
    const answer = await commitStates(names.map(file));
    expect(answer).toEqual({
      inWorkTree: true,
      states: new Map([
        [file('committed.json'), 'committed'],
        [file('edited.json'), 'changed'],
        [file('staged.json'), 'changed'],
        [file('new.json'), 'untracked'],
        [file('ignored.json'), 'ignored'],
      ]),
    });
  });

  it('has nothing committed on a branch without a commit', async () => {
    const repo = createRepository();
    repo.write({ 'a/one.json': '{}' });
    repo.git('add', '--all');
    const one = path.join(repo.dir, 'a', 'one.json');
    expect(await commitStates([one])).toEqual({ inWorkTree: true, states: new Map([[one, 'untracked']]) });
  });

  it('says so outside a git work tree', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-no-repo-'));
    try {
      writeFileSync(path.join(folder, 'one.json'), '{}');
      expect(await commitStates([path.join(folder, 'one.json')])).toEqual({
        inWorkTree: false,
        why: 'it is not in a git work tree',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
