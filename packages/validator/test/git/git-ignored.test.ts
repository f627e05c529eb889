import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gitIgnoredEntries } from '../../src/git/git-ignored-entries.js';
import { Git } from '../../src/git/git.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { discoverConnectorTree } from '../../src/loader/discover.js';
import type { Finding } from '../../src/model/finding.js';
import { validatePaths } from '../../src/validate.js';
import { validConnectorFiles, validSettings, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';

// A paconn maker keeps settings.json (their environment and connector ids) out of git with
// .gitignore. `validate --base` validated it all the same: its findings were "existing" while
// nothing else changed and "new" once the swagger did, where CI's checkout has no such file; and
// plain `validate` told them to "add it to .gitignore", where it was.

const folder = 'certified-connectors/Contoso';
const bom = '\ufeff';

/** The connector on dev with a .gitignore for settings.json and .vscode/, both in the work tree; a branch `pr`. */
function paconnRepository() {
  const repo = createRepository('dev');
  repo.write({ '.gitignore': 'settings.json\n.vscode/\n' });
  repo.write(connectorFiles(folder, validConnectorFiles()));
  repo.commitAll('dev: Contoso');
  repo.write({
    [`${folder}/settings.json`]: bom + JSON.stringify(validSettings()),
    [`${folder}/.vscode/settings.json`]: '{}',
  });
  repo.git('checkout', '--quiet', '-b', 'pr');
  return repo;
}

/** The findings on the files of the connector folder (not on the folder itself), by rule and file. */
const named = (findings: readonly Finding[]) =>
  findings
    .filter((finding) => path.relative(folder, finding.file) !== '')
    .map((finding) => `${finding.ruleId} ${path.relative(folder, finding.file)}`)
    .sort();

describe('validate --base and the files git ignores', () => {
  it('leaves them out, whether or not anything else changed', async () => {
    const repo = paconnRepository();
    const unchanged = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, concurrency: 'off' });
    expect(named(unchanged.findings)).toEqual([]);

    const swagger = validSwagger();
    swagger.info.description = `${swagger.info.description} Edited.`;
    repo.write({ [`${folder}/apiDefinition.swagger.json`]: swagger, [`${folder}/notes.txt`]: 'x' });
    repo.commitAll('pr: edit the swagger, add notes');
    const changed = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, concurrency: 'off' });
    expect(changed.diffs.map((diff) => diff.status)).toEqual(['changed']);
    // A file the change holds is validated as ever.
    expect(named(changed.findings)).toEqual(['REPO-EXTRA-FILES notes.txt']);
    expect(changed.findings.find((finding) => finding.ruleId === 'REPO-EXTRA-FILES')).toMatchObject({
      baseline: 'new',
    });
  });

  it('leaves out a connector folder git ignores whole', async () => {
    const repo = paconnRepository();
    repo.write({ '.gitignore': 'settings.json\n.vscode/\ncertified-connectors/Local/\n' });
    repo.write(connectorFiles('certified-connectors/Local', validConnectorFiles()));
    repo.commitAll('pr: ignore Local');
    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, concurrency: 'off' });
    expect(result.connectors.map((connector) => connector.path)).toEqual([folder]);
    // Plain validate checks it, as it is on disk.
    const plain = await validatePaths(['.'], { cwd: repo.dir, concurrency: 'off' });
    expect(plain.connectors.map((connector) => connector.path)).toEqual([
      folder,
      'certified-connectors/Local',
    ]);
  });
});

describe('validate of a folder in a git work tree', () => {
  it('says nothing of a settings.json git ignores under SET-NOT-IN-PR, and checks it all the same', async () => {
    const repo = paconnRepository();
    const { findings } = await validatePaths(['.'], { cwd: repo.dir, concurrency: 'off' });
    expect(named(findings)).toEqual(['GEN-JSON-BOM settings.json', 'REPO-EXTRA-FILES .vscode']);
  });

  it('notes a settings.json git does not ignore: committed, or not ignored', async () => {
    const repo = paconnRepository();
    repo.git('add', '--force', `${folder}/settings.json`);
    repo.commitAll('pr: commit settings.json');
    const committed = await validatePaths([folder], { cwd: repo.dir, concurrency: 'off' });
    expect(named(committed.findings)).toContain('SET-NOT-IN-PR settings.json');
    repo.write({ '.gitignore': '.vscode/\n' });
    repo.git('rm', '--cached', '--quiet', `${folder}/settings.json`);
    const untracked = await validatePaths([folder], { cwd: repo.dir, concurrency: 'off' });
    expect(named(untracked.findings)).toContain('SET-NOT-IN-PR settings.json');
  });

  it('notes a settings.json where git cannot tell, as outside a work tree', async () => {
    const repo = paconnRepository();
    // A .git that leads to no repository: git fails, and the folder is checked as it is on disk.
    const gitDir = path.join(repo.dir, '.git');
    renameSync(gitDir, `${gitDir}-moved`);
    writeFileSync(gitDir, 'gitdir: nowhere\n');
    const { findings } = await validatePaths(['.'], { cwd: repo.dir, concurrency: 'off' });
    expect(named(findings)).toContain('SET-NOT-IN-PR settings.json');
  });
});

describe('gitIgnoredEntries', () => {
  /** A git port that counts the processes it would start and what it would ask. */
  function countingGit() {
    const asked: { root: string; paths: readonly string[] }[] = [];
    return {
      asked,
      gitAt: (root: string) => ({
        ignoredEntries: (paths: readonly string[] = []) => {
          asked.push({ root, paths });
          return new Git(root).ignoredEntries(paths);
        },
      }),
    };
  }

  it('asks no git of folders in no work tree, as the corpus is', async () => {
    // Outside any repository, so not in a fixture repository's folder: removed by the test itself.
    const root = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-no-git-'));
    try {
      for (const name of ['A', 'B']) {
        mkdirSync(path.join(root, 'certified-connectors', name), { recursive: true });
        writeFileSync(path.join(root, 'certified-connectors', name, 'apiProperties.json'), '{}');
        writeFileSync(path.join(root, 'certified-connectors', name, 'settings.json'), '{}');
      }
      const { asked, gitAt } = countingGit();
      const tree = await discoverConnectorTree(['.'], root);
      expect(tree.folders).toHaveLength(2);
      expect(await gitIgnoredEntries(tree, { paths: ['.'], cwd: root, onFailure: 'throw', gitAt })).toEqual(
        new Map(),
      );
      expect(asked).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('asks git once per work tree, about the folders validated, a nested repository and a connector folder that is one included', async () => {
    const repo = paconnRepository();
    repo.write(connectorFiles('certified-connectors/Other', validConnectorFiles()));
    repo.write({ 'certified-connectors/Other/settings.json': '{}' });
    // A paconn folder made a repository of its own, with its own .gitignore.
    const own = path.join(repo.dir, 'custom-connectors', 'Own');
    mkdirSync(own, { recursive: true });
    for (const [name, content] of Object.entries(validConnectorFiles()))
      writeFileSync(path.join(own, name), typeof content === 'string' ? content : JSON.stringify(content));
    writeFileSync(path.join(own, '.gitignore'), 'icon.png\n');
    writeFileSync(path.join(own, 'icon.png'), 'x');
    writeFileSync(path.join(own, 'settings.json'), '{}');
    execFileSync('git', ['init', '--quiet'], { cwd: own });

    const { asked, gitAt } = countingGit();
    const tree = await discoverConnectorTree(['.'], repo.dir);
    const ignored = await gitIgnoredEntries(tree, { paths: ['.'], cwd: repo.dir, onFailure: 'throw', gitAt });
    expect(asked).toEqual([
      { root: repo.dir, paths: ['certified-connectors/Contoso', 'certified-connectors/Other'] },
      // The connector folder is the top level: git is asked about the whole of it.
      { root: own, paths: [] },
    ]);
    expect(ignored).toEqual(
      new Map<string, unknown>([
        [path.join(repo.dir, folder), ['.vscode', 'settings.json']],
        [path.join(repo.dir, 'certified-connectors', 'Other'), ['settings.json']],
        [own, ['icon.png']],
      ]),
    );
  });

  it('names no folder past 50 of a work tree, where the command line would grow too long for Windows', async () => {
    const repo = createRepository('dev');
    repo.write({ '.gitignore': 'settings.json\n' });
    for (let index = 0; index < 51; index++) {
      repo.write(connectorFiles(`custom-connectors/C${index}`, { 'apiProperties.json': '{}' }));
    }
    repo.write({ 'custom-connectors/C7/settings.json': '{}' });
    const { asked, gitAt } = countingGit();
    const tree = await discoverConnectorTree(['custom-connectors'], repo.dir);
    const ignored = await gitIgnoredEntries(tree, {
      paths: ['custom-connectors'],
      cwd: repo.dir,
      onFailure: 'throw',
      gitAt,
    });
    expect(asked).toEqual([{ root: repo.dir, paths: [] }]);
    expect(ignored).toEqual(new Map([[path.join(repo.dir, 'custom-connectors', 'C7'), ['settings.json']]]));
  });
});
