import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { UsageError } from '@connector-alm/core';
import { locatedMessage, temporaryFolder } from '@connector-alm/testing';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository, type Repository } from './repository-fixture.js';

// `validate <path> --base main` compares in the repository that holds the path, not in the working
// directory's: run from outside it, it said that the working directory is no git work tree.

const contoso = 'certified-connectors/Contoso';
const outside = temporaryFolder('connector-alm-outside-');

/** dev holds Contoso; the branch `pr` deletes one of its operations (a breaking change). */
function repositoryWithBreakingChange(): Repository {
  const repo = createRepository('dev');
  repo.write(connectorFiles(contoso, validConnectorFiles()));
  repo.commitAll('dev: Contoso');
  repo.git('checkout', '--quiet', '-b', 'pr');
  const swagger = validSwagger();
  delete swagger.paths['/tasks/{taskId}'];
  repo.write({ [`${contoso}/apiDefinition.swagger.json`]: swagger });
  repo.commitAll('pr: GetTask removed');
  return repo;
}

function breaking(result: Awaited<ReturnType<typeof validateAgainstBase>>): string[] {
  return result.findings
    .filter((finding) => finding.ruleId.startsWith('BRK-'))
    .map((finding) => finding.ruleId);
}

describe('validateAgainstBase: the repository of the paths', () => {
  it('compares in the repository that holds the path when run from a folder outside any', async () => {
    const repo = repositoryWithBreakingChange();
    const given = path.relative(outside, path.join(repo.dir, contoso));
    const result = await validateAgainstBase([given], 'dev', { cwd: outside, concurrency: 1 });
    expect(breaking(result)).toEqual(['BRK-OP-DELETED']);
    expect(result.connectors.map((connector) => connector.path)).toEqual([given]);
  });

  it("compares in the path's repository when run in another one", async () => {
    const repo = repositoryWithBreakingChange();
    const other = createRepository('dev');
    other.commitAll('another repository, without the base ref of the first one at all');
    const result = await validateAgainstBase([path.join(repo.dir, contoso)], 'dev', {
      cwd: other.dir,
      concurrency: 1,
    });
    expect(breaking(result)).toEqual(['BRK-OP-DELETED']);
  });

  it('refuses paths of two repositories, naming one of each', async () => {
    const first = repositoryWithBreakingChange();
    const second = repositoryWithBreakingChange();
    const paths = [path.join(first.dir, contoso), path.join(second.dir, contoso)].map((folder) =>
      path.relative(outside, folder),
    );
    const error = await validateAgainstBase(paths, 'dev', { cwd: outside }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const top = (repo: Repository) => path.relative(outside, repo.dir);
    expect(locatedMessage(error)).toBe(
      `${paths[1]}: is in the git work tree '${top(second)}', and '${paths[0]}' in '${top(first)}'.`,
    );
    expect((error as UsageError).hint).toBe(
      'A comparison with a base ref is made in one repository: give the paths of one, and run once for each repository.',
    );
  });

  it('says that a path outside any repository is no git work tree, located at the path as given', async () => {
    const repo = repositoryWithBreakingChange();
    const lone = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-lone-'));
    try {
      const error = await validateAgainstBase([lone], 'dev', { cwd: repo.dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(locatedMessage(error)).toBe(
        `${lone}: is not inside a git work tree; comparing with a base ref needs one.`,
      );
    } finally {
      rmSync(lone, { recursive: true, force: true });
    }
  });

  it('takes a deleted connector folder, which no longer exists, as in the repository above it', async () => {
    const repo = createRepository('dev');
    repo.write(connectorFiles(contoso, validConnectorFiles()));
    repo.commitAll('dev: Contoso');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.remove(contoso);
    repo.commitAll('pr: Contoso deleted');
    const result = await validateAgainstBase([path.join(repo.dir, contoso)], 'dev', { cwd: outside });
    expect(breaking(result)).toEqual(['BRK-CONNECTOR-DELETED']);
  });

  it("compares in a repository cloned inside the working directory's and ignored by it", async () => {
    const outer = createRepository('dev');
    outer.write({ '.gitignore': 'inner/\n' });
    outer.commitAll('dev: inner/ is another repository');
    renameSync(repositoryWithBreakingChange().dir, path.join(outer.dir, 'inner'));
    const given = `inner/${contoso}`;
    const result = await validateAgainstBase([given], 'dev', { cwd: outer.dir, concurrency: 1 });
    expect(breaking(result)).toEqual(['BRK-OP-DELETED']);
    expect(result.connectors.map((connector) => connector.path)).toEqual([given]);
  });

  it('compares in a submodule, whose .git is a file, rather than in the repository above it', async () => {
    const source = repositoryWithBreakingChange();
    const outer = createRepository('dev');
    outer.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '--quiet', source.dir, 'inner');
    outer.commitAll('dev: inner is a submodule');
    // The submodule is checked out at the source's branch `pr`; `dev` is its remote's.
    const result = await validateAgainstBase([`inner/${contoso}`], 'origin/dev', {
      cwd: outer.dir,
      concurrency: 1,
    });
    expect(breaking(result)).toEqual(['BRK-OP-DELETED']);
  });
});
