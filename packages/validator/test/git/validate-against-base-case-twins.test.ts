import { describe, expect, it } from '@jest/globals';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';

// A connector folder with README.md beside readme.md: the loader reads one (readme.md, the canonical
// name), REPO-FILENAMES reports the other. A pull request that edited only README.md was checked,
// but compared as "no change", and the job summary said that no readme differs from the base.

const folder = 'certified-connectors/Contoso';

/** The connector on dev with both readmes, and a branch `pr` from it. */
function repositoryWithTwins() {
  const repo = createRepository('dev');
  repo.write(connectorFiles(folder, validConnectorFiles()));
  repo.write({
    [`${folder}/readme.md`]: '# Contoso\n\nThe read one.\n',
    [`${folder}/README.md`]: '# Contoso\n\nThe other one.\n',
  });
  repo.commitAll('dev: Contoso');
  repo.git('checkout', '--quiet', '-b', 'pr');
  return repo;
}

async function changesOf(repo: ReturnType<typeof createRepository>) {
  const result = await validateAgainstBase([folder], 'dev', { cwd: repo.dir, concurrency: 'off' });
  expect(result.diffs.map((entry) => entry.repositoryPath)).toEqual([folder]);
  const diff = result.diffs[0]!.diff!;
  return {
    classification: diff.classification,
    changes: diff.changes.map(({ ruleId, file, line, side, message }) => ({
      ruleId,
      file,
      line,
      side,
      message,
    })),
  };
}

describe('validateAgainstBase of a connector with two readmes named alike but for case', () => {
  it('tells an edit of the readme not read, on that file, a minor update', async () => {
    const repo = repositoryWithTwins();
    repo.write({ [`${folder}/README.md`]: '# Contoso\n\nThe other one, edited.\n' });
    repo.commitAll('pr: edit README.md');
    expect(await changesOf(repo)).toEqual({
      classification: 'minor-update',
      changes: [
        {
          ruleId: 'CHG-README-EDITED',
          file: `${folder}/README.md`,
          line: 3,
          side: 'new',
          message:
            'The readme has been edited. README.md is not the readme read and validated: readme.md is.',
        },
      ],
    });
  });

  it('tells one deleted, at its place in the base version', async () => {
    const repo = repositoryWithTwins();
    repo.remove(`${folder}/README.md`);
    const base = repo.git('rev-parse', 'dev').trim();
    repo.commitAll('pr: delete README.md');
    const { changes } = await changesOf(repo);
    expect(changes).toEqual([
      {
        ruleId: 'CHG-README-EDITED',
        file: `${base.slice(0, 12)}:${folder}/README.md`,
        line: 1,
        side: 'old',
        message:
          'The readme has been edited. It has been removed. README.md is not the readme read and validated: readme.md is.',
      },
    ]);
  });

  it('tells both deleted, each at its place in the base version', async () => {
    const repo = repositoryWithTwins();
    repo.remove(`${folder}/readme.md`);
    repo.remove(`${folder}/README.md`);
    const base = repo.git('rev-parse', 'dev').trim().slice(0, 12);
    repo.commitAll('pr: delete both readmes');
    const { changes } = await changesOf(repo);
    expect(changes.map(({ file, side, message }) => ({ file, side, message }))).toEqual([
      {
        file: `${base}:${folder}/readme.md`,
        side: 'old',
        message: 'The readme has been edited. It has been removed.',
      },
      {
        file: `${base}:${folder}/README.md`,
        side: 'old',
        message:
          'The readme has been edited. It has been removed. README.md is not the readme read and validated: readme.md is.',
      },
    ]);
  });

  it('tells an edit of a twin when the readme read is a twin of the base version', async () => {
    const repo = createRepository('dev');
    // Without a readme.md, which is read whenever it is there.
    const { 'readme.md': _canonical, ...files } = validConnectorFiles();
    repo.write(connectorFiles(folder, files));
    repo.write({
      [`${folder}/README.md`]: '# Contoso\n\nThe read one.\n',
      [`${folder}/ReadMe.md`]: '# Contoso\n\nThe third one.\n',
      [`${folder}/Readme.md`]: '# Contoso\n\nThe other one.\n',
    });
    repo.commitAll('dev: Contoso with three readmes');
    repo.git('checkout', '--quiet', '-b', 'pr');
    // No readme.md: the first by name is read. README.md goes, so ReadMe.md, a twin in the base
    // version, is the one read now.
    repo.remove(`${folder}/README.md`);
    repo.write({ [`${folder}/Readme.md`]: '# Contoso\n\nThe other one, edited.\n' });
    repo.commitAll('pr: delete README.md, edit Readme.md');
    const { changes } = await changesOf(repo);
    expect(changes.map(({ file, message }) => ({ file, message }))).toEqual([
      {
        file: `${folder}/ReadMe.md`,
        message: 'The readme has been edited.',
      },
      {
        file: `${folder}/Readme.md`,
        message: 'The readme has been edited. Readme.md is not the readme read and validated: ReadMe.md is.',
      },
    ]);
  });

  it('compares the read readme alone when the twin is as it was', async () => {
    const repo = repositoryWithTwins();
    repo.write({ [`${folder}/readme.md`]: '# Contoso\n\nThe read one, edited.\n' });
    repo.commitAll('pr: edit readme.md');
    expect((await changesOf(repo)).changes).toEqual([
      expect.objectContaining({ ruleId: 'CHG-README-EDITED', file: `${folder}/readme.md`, line: 3 }),
    ]);
  });
});
