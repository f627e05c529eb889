import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
