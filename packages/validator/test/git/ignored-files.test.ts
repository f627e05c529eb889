import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { filesGitIgnores } from '../../src/git/ignored-files.js';
import { createRepository } from './repository-fixture.js';

describe('filesGitIgnores', () => {
  it("lists the folder's ignored files relative to it, in an ignored sub-folder one by one, tracked ones not", async () => {
    const repo = createRepository();
    const folder = 'custom-connectors/[Beta] Contoso Tasks';
    repo.write({
      '.gitignore': 'settings.json\nlocal/\n*.log\n',
      [`${folder}/apiDefinition.swagger.json`]: '{}',
      // Matched by .gitignore, but tracked: a commit carries it, so it is no ignored file.
      [`${folder}/tracked.log`]: 'kept',
    });
    repo.git('add', '--all');
    repo.git('add', '--force', '--', `${folder}/tracked.log`);
    repo.commitAll('base');
    repo.write({
      [`${folder}/settings.json`]: '{}',
      [`${folder}/local/notes.md`]: '# notes',
      [`${folder}/new.json`]: '{}',
      'other/settings.json': '{}',
    });
    const answer = await filesGitIgnores(path.join(repo.dir, folder));
    expect(answer.inWorkTree && answer.files.sort()).toEqual(['local/notes.md', 'settings.json']);
  });

  it('names the repositories nested in the folder as git tells them, not by a .git entry', async () => {
    const repo = createRepository();
    const folder = 'certified-connectors/Contoso';
    const nestedClone = (at: string): void => {
      repo.write({ [`${folder}/${at}/notes.md`]: 'x' });
      const git = (...args: string[]): string =>
        execFileSync('git', args, { cwd: path.join(repo.dir, folder, at), encoding: 'utf8' });
      git('init', '-q', '-b', 'main');
      git('add', '--all');
      git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qm', 'nested');
    };
    repo.write({
      [`${folder}/apiDefinition.swagger.json`]: '{}',
      [`${folder}/emptygit/a.md`]: 'x',
      [`${folder}/garbage/.git`]: 'not a gitdir\n',
      [`${folder}/garbage/b.md`]: 'x',
      [`${folder}/tracked/c.md`]: 'x',
    });
    mkdirSync(path.join(repo.dir, folder, 'emptygit', '.git'));
    // `git add` links the clone (a gitlink), with a hint that it may have been meant as a submodule.
    repo.git('config', 'advice.addEmbeddedRepo', 'false');
    nestedClone('lib/linked');
    repo.commitAll('base');
    expect(repo.git('ls-files', '-s', `${folder}/lib/linked`)).toMatch(/^160000 /);
    execFileSync('git', ['init', '-q'], { cwd: path.join(repo.dir, folder, 'tracked') });
    nestedClone('untracked clone');
    repo.write({ [`${folder}/plain/new.md`]: 'x' });
    const answer = await filesGitIgnores(path.join(repo.dir, folder));
    expect(answer.inWorkTree && answer.nestedRepositories.sort()).toEqual([
      'lib/linked/',
      'untracked clone/',
    ]);
    expect(answer.inWorkTree && answer.linkedRepositories).toEqual(['lib/linked/']);
  });

  it('says so outside a git work tree', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-no-repo-'));
    try {
      writeFileSync(path.join(folder, 'settings.json'), '{}');
      expect(await filesGitIgnores(folder)).toEqual({
        inWorkTree: false,
        why: 'it is not in a git work tree',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
