import { describe, expect, it } from '@jest/globals';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { locatedMessage } from '@connector-alm/testing';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { createRepository } from '../git/repository-fixture.js';

// A git ref where diff wants a path is told as one only when nothing at all is at the path: a path
// that is there keeps the error that says what is wrong with it, and git is not asked.

/** A repository with a commit on `dev`, whose work tree holds the connector folder `Contoso`. */
function repositoryWithConnector(): string {
  const repo = createRepository('dev');
  repo.write({ 'README.md': '# Connectors\n' });
  repo.commitAll('dev: a first commit');
  repo.write(
    Object.fromEntries(
      Object.entries(validConnectorFiles()).map(([name, content]) => [`Contoso/${name}`, content]),
    ),
  );
  return repo.dir;
}

async function diffError(oldPath: string, newPath: string, cwd: string): Promise<Error> {
  return diffPaths(oldPath, newPath, cwd).then(
    () => {
      throw new Error('diff compared them');
    },
    (error: Error) => error,
  );
}

describe('diffPaths given a git ref where a path goes', () => {
  it('says it is a ref, with validate --base for the paths given', async () => {
    const dir = repositoryWithConnector();
    const error = await diffError('dev', 'Contoso', dir);
    expect(locatedMessage(error)).toBe(
      'dev: is no file or folder but a git ref of this repository, and diff compares two versions on disk.',
    );
    expect((error as { hint?: string }).hint).toBe(
      'To compare with a branch, use connector-alm validate --base dev Contoso, which compares the connector with its version at the merge base.',
    );
  });

  it('keeps the error of a link named like the ref that leads nowhere: something is at that path', async () => {
    const dir = repositoryWithConnector();
    symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dev'));
    const error = await diffError('dev', 'Contoso', dir);
    expect(locatedMessage(error)).not.toContain('git ref');
    expect(locatedMessage(error)).toMatch(/^dev: /);
  });

  it('says a missing path does not exist outside a repository, where no ref is', async () => {
    const connector = writeConnector(validConnectorFiles());
    const error = await diffError('dev', connector, path.dirname(connector));
    expect(locatedMessage(error)).toBe('dev: does not exist.');
  });
});
