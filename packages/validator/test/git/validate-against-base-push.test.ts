import { describe, expect, it } from '@jest/globals';
import { changeProgress } from '../../src/diff/change-progress.js';
import { changesAtCommit } from '../../src/git/changes-at-commit.js';
import { Git } from '../../src/git/git.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository, type Repository } from './repository-fixture.js';

// After a push to a pull request, the job summary compares the new head with the one it replaced, as
// well as with the base: the head's validation is reused, and the breaking changes against the base
// are set against those the replaced head had.

const tasks = 'certified-connectors/Tasks';
const SWAGGER = `${tasks}/apiDefinition.swagger.json`;

/** dev holds Tasks; the branch `pr` starts from it. */
function pullRequest(): Repository {
  const repo = createRepository('dev');
  repo.write(connectorFiles(tasks, validConnectorFiles()));
  repo.commitAll('dev: Tasks');
  repo.git('checkout', '--quiet', '-b', 'pr');
  return repo;
}

/** The swagger with GetTask deleted (breaking) and ListTasks deprecated for a new version it lacks (a warning). */
function brokenSwagger() {
  const swagger = validSwagger();
  delete swagger.paths['/tasks/{taskId}'].get;
  swagger.paths['/tasks'].get.deprecated = true;
  swagger.paths['/tasks'].get['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
  return swagger;
}

/**
 * HEAD's comparison with dev (of Tasks alone), the changes `before` had against dev, and what HEAD did
 * to them.
 */
async function sinceCommit(repo: Repository, before: string) {
  const head = await validateAgainstBase([tasks], 'dev', { cwd: repo.dir, includeWorkingTree: false });
  const earlier = await changesAtCommit(new Git(repo.dir), before, 'dev', head.diffs);
  const progress = changeProgress(
    head.diffs.map((diff) => ({ earlier: earlier.get(diff) ?? [], later: diff.diff?.changes ?? [] })),
  );
  return { head, earlier, progress };
}

describe('validateAgainstBase: a second comparison of the same paths, with the head a push replaced', () => {
  it("reuses the first comparison's validation of HEAD for the same folders, and validates other folders", async () => {
    const repo = pullRequest();
    repo.write(connectorFiles('certified-connectors/Notes', validConnectorFiles()));
    repo.write({ [SWAGGER]: { ...validSwagger(), info: { ...validSwagger().info, title: 'Tasks' } } });
    const before = repo.commitAll('pr: retitle Tasks, add Notes');
    const first = await validateAgainstBase([tasks], 'dev', { cwd: repo.dir, includeWorkingTree: false });
    // An edit made since the first comparison: a validation made again would find its problem.
    repo.write({ [SWAGGER]: '{ "swagger": "2.0", ' });
    const parse = (result: typeof first) =>
      result.findings.filter((finding) => finding.ruleId === 'GEN-JSON-PARSE').length;

    const reused = await validateAgainstBase([tasks], before, {
      cwd: repo.dir,
      includeWorkingTree: false,
      headValidation: first.headValidation,
    });
    expect(parse(reused)).toBe(0);
    expect(reused.headValidation).toEqual(first.headValidation);

    const others = await validateAgainstBase(['.'], before, {
      cwd: repo.dir,
      includeWorkingTree: false,
      headValidation: first.headValidation,
    });
    expect(parse(others)).toBeGreaterThan(0);
  });
});

describe('changesAtCommit and changeProgress: what a push did to the changes against the base', () => {
  it('finds the breaking change and the warning the replaced head had, and that this head resolved them', async () => {
    const repo = pullRequest();
    repo.write({ [SWAGGER]: brokenSwagger() });
    const before = repo.commitAll('pr: delete GetTask, deprecate ListTasks');
    repo.write({ [SWAGGER]: validSwagger() });
    repo.commitAll('pr: put them back');

    const { head, earlier, progress } = await sinceCommit(repo, before);
    expect(earlier.get(head.diffs[0]!)!.map((change) => change.ruleId)).toEqual(
      expect.arrayContaining(['BRK-OP-DELETED', 'BRK-DEPRECATION-PROCESS']),
    );
    expect(progress).toMatchObject({ breakingBefore: 1, resolved: 1, introduced: 0, warningsFixed: 1 });
  });

  it('counts a change both heads have, moved down by an edit above it, as neither resolved nor introduced', async () => {
    const repo = pullRequest();
    repo.write({ [SWAGGER]: brokenSwagger() });
    const before = repo.commitAll('pr: delete GetTask, deprecate ListTasks');
    const moved = brokenSwagger();
    moved.info.description = `${moved.info.description}\nIt now says more,\non several lines.`;
    repo.write({ [SWAGGER]: JSON.stringify(moved, null, 4) });
    repo.commitAll('pr: reindent, describe');

    const { progress } = await sinceCommit(repo, before);
    expect(progress).toEqual({
      breakingBefore: 1,
      resolved: 0,
      introduced: 0,
      warningsFixed: 0,
      warningsAdded: 0,
    });
  });

  it('takes a connector the replaced head had deleted for a deletion, which this head resolved', async () => {
    const repo = pullRequest();
    repo.git('rm', '-r', '--quiet', tasks);
    const before = repo.commitAll('pr: delete Tasks');
    repo.write(connectorFiles(tasks, validConnectorFiles()));
    repo.write({ [SWAGGER]: brokenSwagger() });
    repo.commitAll('pr: bring Tasks back, without GetTask');

    const { earlier, progress } = await sinceCommit(repo, before);
    expect([...earlier.values()].flat().map((change) => change.ruleId)).toEqual(['BRK-CONNECTOR-DELETED']);
    expect(progress).toMatchObject({ breakingBefore: 1, resolved: 1, introduced: 1, warningsAdded: 1 });
  });
});
