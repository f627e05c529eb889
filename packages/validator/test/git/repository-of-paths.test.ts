import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { UsageError } from '@connector-alm/core';
import { locatedMessage, temporaryFolder } from '@connector-alm/testing';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { formatJson } from '../../src/reporters/json-reporter.js';
import { renderJobSummary } from '../../src/reporters/job-summary.js';
import { formatText } from '../../src/reporters/text-reporter.js';
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

  // extract-connectors' output under runner.temp, given beside the repository's folders: git has no
  // base version of it. It stopped the whole comparison ("is not inside a git work tree").
  it("validates a folder outside any repository beside the repository's, said not compared", async () => {
    const repo = repositoryWithBreakingChange();
    const lone = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-lone-'));
    try {
      const swagger = validSwagger();
      swagger.info['x-ms-extracted-note'] = 'written by extract-connectors';
      const files = { ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger };
      mkdirSync(lone, { recursive: true });
      for (const [name, content] of Object.entries(files))
        writeFileSync(
          path.join(lone, name),
          typeof content === 'string' ? content : JSON.stringify(content, null, 2),
        );
      const result = await validateAgainstBase([contoso, lone], 'dev', { cwd: repo.dir, concurrency: 1 });
      expect(breaking(result)).toEqual(['BRK-OP-DELETED']);
      // Named from the working directory, as every folder is.
      const shown = path.relative(repo.dir, lone);
      expect(result.diffs.map((entry) => [entry.path, entry.status])).toEqual([
        [shown, 'uncompared'],
        [contoso, 'changed'],
      ]);
      const outsideFindings = result.findings.filter((finding) => finding.connector === shown);
      expect(outsideFindings.map((finding) => finding.ruleId)).toContain('SWG-XMS-UNKNOWN');
      // Neither new nor existing: no base version to tell.
      expect(outsideFindings.map((finding) => finding.baseline)).toEqual(
        outsideFindings.map(() => undefined),
      );
      const compared = result.findings.filter((finding) => finding.connector === contoso);
      expect(compared.every((finding) => finding.baseline !== undefined)).toBe(true);

      const json = JSON.parse(formatJson(result));
      expect(json.base.connectors.map((entry: { status: string }) => entry.status)).toEqual([
        'uncompared',
        'changed',
      ]);
      expect(json.base.counts.new).toBe(
        result.findings.filter((finding) => finding.baseline === 'new').length,
      );
      expect(formatText(result)).toContain(
        `${shown} [custom]: 0 errors, 1 warning, 0 info\nnot compared with dev: the folder is in no git work tree.\n`,
      );
      // As the action shows a folder outside the repository: by its absolute path.
      const summary = renderJobSummary(result, { cwd: repo.dir, baseDir: repo.dir });
      expect(summary).toContain(
        `| ${lone} (not compared) | custom | 0 | ${outsideFindings.length} | 0 | — |`,
      );
      expect(summary).toContain('(not compared): the folder is in no git work tree');
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
