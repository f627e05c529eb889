import { describe, expect, it } from '@jest/globals';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle, temporaryFolder } from '@connector-alm/testing';
import { validSwagger } from '@connector-alm/validator/testing';
import { workspaceWithConnector } from './helpers/pull-request-repo.js';
import { errorContaining, expectFailedWith } from './helpers/step-failure.js';

/** A connector with three warnings: three operations' paths encode their parameter badly. */
function workspaceWithWarnings(): string {
  const swagger = validSwagger();
  delete swagger.paths['/tasks/{taskId}'].get.parameters[0]['x-ms-url-encoding'];
  swagger.paths['/tasks'].get.summary = 'List tasks.';
  return workspaceWithConnector(JSON.stringify(swagger, null, 2));
}

/** A connector with `count` operations whose summaries end in a '.': as many warnings of one rule. */
function workspaceWithManyWarnings(count: number): string {
  const swagger = validSwagger();
  for (let index = 1; index <= count; index++) {
    const operation = structuredClone(swagger.paths['/tasks'].get);
    operation.operationId = `ListTasks${index}`;
    operation.summary = `List tasks ${index}.`;
    swagger.paths[`/tasks${index}`] = { get: operation };
  }
  return workspaceWithConnector(JSON.stringify(swagger, null, 2));
}

describe('validate-connector max-annotations', () => {
  // A repository that reads the SARIF report alone could not turn annotations off: 0 was refused.
  it('writes no annotation with 0, and says where the findings are', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithWarnings(),
      inputs: { 'max-annotations': '0', 'sarif-file': 'connector-alm.sarif' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(run.outputs.warnings).toBe('2');
    expect(run.stdout).toContain(
      '2 findings (max-annotations: 0, so none annotated) are in the job summary and the SARIF report.',
    );
  });

  // A value above 10 was taken silently, though GitHub shows no more than 10 of each per step.
  it('warns once that GitHub shows no more than 10 of each severity', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithWarnings(),
      inputs: { 'max-annotations': '50' },
    });
    expect(run.exitCode).toBe(0);
    const notes = run.annotations.filter((annotation) => annotation.message.startsWith('max-annotations'));
    expect(notes).toEqual([
      {
        level: 'warning',
        message:
          'max-annotations is 50, but GitHub shows at most 10 annotations of each severity per step: those past 10 are in the log only. The job summary lists every finding.',
      },
    ]);
    // Up to 10, nothing to say.
    const ten = await runActionBundle('validate-connector', {
      workspace: workspaceWithWarnings(),
      inputs: { 'max-annotations': '10' },
    });
    expect(ten.annotations.filter((annotation) => annotation.message.startsWith('max-annotations'))).toEqual(
      [],
    );
  });

  // GitHub shows the first 10 warnings of a step. With max-annotations: 50, all 12 warnings were
  // written and none counted as missing, though the page showed 9 of them after the step's own note.
  it("counts the findings GitHub's 10 per level leaves off the page, not only those max-annotations does", async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithManyWarnings(12),
      inputs: { 'max-annotations': '50' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.warnings).toBe('12');
    expect(run.annotations.filter((annotation) => annotation.level === 'warning')).toHaveLength(13);
    expect(run.stdout).toContain(
      '3 more findings (GitHub shows 10 annotations of each level per step) are in the job summary.',
    );
  });

  // The step's own warning (only-new without a base) takes one of GitHub's 10: of 10 findings written,
  // the page shows 9, though max-annotations (10) left none out.
  it("counts a finding the step's own note pushed off GitHub's 10", async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithManyWarnings(10),
      inputs: { 'only-new': 'true' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.warnings).toBe('10');
    expect(run.stdout).toContain(
      '1 more finding (GitHub shows 10 annotations of each level per step) is in the job summary.',
    );
  });

  it('refuses a value that is no whole number', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'max-annotations': '-1' },
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message: "Input 'max-annotations' must be a whole number, 0 or more; got '-1'.",
      }),
    );
  });
});

describe('validate-connector path', () => {
  // As in actions/checkout's multi-line inputs, a line that starts with # is a comment, not a path.
  it('skips comment lines', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { path: '# the connector under review\ncertified-connectors/Contoso Tasks' },
    });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
  });

  // Each line is trimmed, as actions/checkout's: an indented comment is one, and a path's trailing
  // spaces are no part of it. The other connector of the workspace is not validated.
  it('reads a line trimmed: an indented comment is skipped, trailing spaces dropped', async () => {
    const workspace = workspaceWithConnector();
    cpSync(
      path.join(workspace, 'certified-connectors/Contoso Tasks'),
      path.join(workspace, 'certified-connectors/Fabrikam'),
      { recursive: true },
    );
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { path: 'certified-connectors/Contoso Tasks  \n  # the connector under review\n' },
    });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
  });
});

describe('validate-connector choice inputs', () => {
  // The configuration file suggests a fix for every misspelt value; the inputs said only what they take.
  it.each([
    ['Error', 'error'],
    ['warnings', 'warning'],
    ['none', 'never'],
    ['off', 'never'],
    // A word of the same sense in other case (as YAML writes None, Off) is still read as that word.
    ['None', 'never'],
  ])('says which value fail-on: %s meant', async (given, meant) => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'fail-on': given },
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message: `Input 'fail-on' must be one of error, warning, never; got '${given}'. Did you mean '${meant}'?`,
      }),
    );
  });

  it('says which profile was meant', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { profile: 'independent' },
    });
    expectFailedWith(run, errorContaining("got 'independent'. Did you mean 'independent-publisher'?"));
  });
});

describe('validate-connector boolean inputs', () => {
  // The YAML 1.2 core schema's spellings, as @actions/core's getBooleanInput reads them: a workflow
  // that writes TRUE gets what it wrote, and a word YAML 1.1 took for true (yes) is refused.
  const noEffectWarnings = (run: { annotations: { message: string }[] }) =>
    run.annotations.filter((annotation) => annotation.message.includes('has no effect'));

  it.each(['true', 'True', 'TRUE'])('reads fail-on-breaking: %s as true', async (given) => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'fail-on-breaking': given },
    });
    expect(run.exitCode).toBe(0);
    expect(noEffectWarnings(run)).toHaveLength(1);
  });

  it.each(['false', 'False', 'FALSE'])('reads fail-on-breaking: %s as false', async (given) => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'fail-on-breaking': given },
    });
    expect(run.exitCode).toBe(0);
    expect(noEffectWarnings(run)).toEqual([]);
  });

  it('refuses fail-on-breaking: yes, saying what it takes', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'fail-on-breaking': 'yes' },
    });
    expectFailedWith(run, errorContaining("Input 'fail-on-breaking' must be true or false; got 'yes'."));
  });
});

describe('validate-connector on a pull request outside a git work tree', () => {
  // It said ".: is not inside a git work tree; … or leave out the base ref." to a workflow that gave
  // no base ref.
  it('names the workspace, and says base: none is the way to check without comparing', async () => {
    // A checkout of the files alone, no repository around them.
    const workspace = workspaceWithConnector();
    const onPullRequest = {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: { number: 1, base: { ref: 'dev', sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } },
      },
      env: { GIT_CEILING_DIRECTORIES: path.dirname(workspace) },
    };
    const run = await runActionBundle('validate-connector', onPullRequest);
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message: `The workspace (${workspace}) is not inside a git work tree, so the pull request cannot be compared with its base. Check out the repository before this step (actions/checkout, with fetch-depth: 0), or set base: none to check the connector folders without comparing them with the base.`,
      }),
    );
    expect(run.outputs.result).toBe('failure');
    // base: none checks the folders as they are.
    const unchecked = await runActionBundle('validate-connector', {
      ...onPullRequest,
      inputs: { base: 'none' },
    });
    expect(unchecked.exitCode).toBe(0);
    expect(JSON.parse(unchecked.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
  });

  // A runner image without git (a container job) is not a workspace outside a work tree: the way out
  // is to install git.
  it('says that git is not installed on the runner, when it is not', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      eventName: 'pull_request',
      event: {
        pull_request: { number: 1, base: { ref: 'dev', sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } },
      },
      // A PATH with no git on it.
      env: { PATH: temporaryFolder('no-git-') },
    });
    expectFailedWith(run, {
      level: 'error',
      message:
        'Comparing the pull request with its base needs git, and it is not installed on this runner. Install git before this step, or set base: none to check the connector folders without comparing them with the base.',
    });
  });
});
