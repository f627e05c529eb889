import { describe, expect, it } from '@jest/globals';
import { cpSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle, temporaryFolder } from '@connector-alm/testing';
import { validSwagger } from '@connector-alm/validator/testing';
import { commitOnDev, git, workspaceWithConnector } from './helpers/pull-request-repo.js';

// On pull_request, actions/checkout checks out GitHub's merge of the head into the base branch, and
// the findings' lines are counted there. GitHub shows the annotations on the head's files, and the
// summary linked to the head: where the base branch had changed the file above a finding, both
// pointed at another line.

const SWAGGER = 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json';
const LINK = `https://github.com/contoso/connectors/blob/%s/certified-connectors/Contoso%20Tasks/apiDefinition.swagger.json#L%d`;

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThan(-1);
  return text.slice(0, index).split('\n').length;
}

function link(commit: string, line: number): string {
  return LINK.replace('%s', commit).replace('%d', String(line));
}

/**
 * A pull request that adds an unknown extension to an operation while dev, meanwhile, adds one to the
 * swagger's info (five lines above it); the workspace holds GitHub's merge commit, as actions/checkout
 * checks it out. Returns the three commits and the swagger's text at the head and at the merge.
 */
function mergeWhereTheBaseMovedTheLines() {
  const workspace = workspaceWithConnector();
  commitOnDev(workspace);
  const file = path.join(workspace, SWAGGER);
  git(workspace, 'checkout', '-qb', 'feature');
  const headSwagger = validSwagger();
  headSwagger.paths['/tasks'].get['x-ms-head-note'] = 'added by the pull request';
  const headText = JSON.stringify(headSwagger, null, 2);
  writeFileSync(file, headText);
  git(workspace, 'commit', '-qam', 'note ListTasks');
  const headSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-q', 'dev');
  const devSwagger = validSwagger();
  devSwagger.info = { 'x-ms-base-note': ['a', 'b', 'c'], ...devSwagger.info };
  writeFileSync(file, JSON.stringify(devSwagger, null, 2));
  git(workspace, 'commit', '-qam', 'dev notes the info');
  const baseSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-q', '--detach');
  git(workspace, 'merge', '-q', '--no-ff', '--no-edit', headSha);
  const mergeSha = git(workspace, 'rev-parse', 'HEAD');
  const mergeText = git(workspace, 'show', `HEAD:${SWAGGER}`);
  return { workspace, baseSha, headSha, mergeSha, headText, mergeText };
}

/**
 * A copy of the workspace's connector under a runner temp folder, outside the repository, as
 * extract-connectors writes one there: the temp folder (RUNNER_TEMP) and the copy.
 */
function extractedCopy(workspace: string): { temp: string; extracted: string } {
  const temp = realpathSync(temporaryFolder('runner-temp-'));
  const extracted = path.join(temp, 'extracted', 'certified-connectors', 'Contoso Tasks');
  cpSync(path.join(workspace, 'certified-connectors', 'Contoso Tasks'), extracted, { recursive: true });
  return { temp, extracted };
}

function runOnMerge(
  setup: ReturnType<typeof mergeWhereTheBaseMovedTheLines>,
  more: { inputs?: Record<string, string>; env?: Record<string, string> } = {},
) {
  return runActionBundle('validate-connector', {
    workspace: setup.workspace,
    eventName: 'pull_request',
    event: {
      pull_request: {
        number: 5,
        title: 'Contoso Tasks',
        base: { ref: 'dev', sha: setup.baseSha },
        head: { ref: 'feature', sha: setup.headSha },
      },
    },
    env: { GITHUB_SHA: setup.mergeSha, ...more.env },
    inputs: { 'fail-on': 'never', ...more.inputs },
  });
}

describe("validate-connector's lines on a pull request's merge commit", () => {
  it("annotates and links a finding at the head's line when the base branch changed the file above it", async () => {
    const setup = mergeWhereTheBaseMovedTheLines();
    const headLine = lineOf(setup.headText, '"x-ms-head-note"');
    const mergeLine = lineOf(setup.mergeText, '"x-ms-head-note"');
    expect(mergeLine).toBe(headLine + 5);
    const run = await runOnMerge(setup);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const annotation = run.annotations.find((each) => each.message.includes("'x-ms-head-note'"));
    expect(annotation).toMatchObject({ file: SWAGGER, line: headLine, endLine: headLine });
    expect(run.summary).toContain(link(setup.headSha, headLine));
    // The summary's text, the log and SARIF keep the commit that was checked.
    expect(run.summary).toContain(`${SWAGGER}:${mergeLine}:`);
    expect(run.summary).not.toContain(link(setup.headSha, mergeLine));
  });

  it('puts a finding on a line the head does not have on its file, and links it at the merge commit', async () => {
    const setup = mergeWhereTheBaseMovedTheLines();
    const mergeLine = lineOf(setup.mergeText, '"x-ms-base-note"');
    const run = await runOnMerge(setup);
    const annotation = run.annotations.find((each) => each.message.includes("'x-ms-base-note'"));
    expect(annotation).toEqual({
      level: 'warning',
      title: 'SWG-XMS-UNKNOWN',
      file: SWAGGER,
      message: `The extension 'x-ms-base-note' is not a known x-ms- extension and will be ignored. Use an 'x-' name without 'ms-' for your own data. (existing) (line ${mergeLine} of the checked merge with the base branch: a line the base branch changed, which the pull request's head does not have)`,
    });
    expect(run.summary).toContain(link(setup.mergeSha, mergeLine));
  });

  it('keeps the lines as they are when the head was not fetched', async () => {
    const setup = mergeWhereTheBaseMovedTheLines();
    const mergeLine = lineOf(setup.mergeText, '"x-ms-head-note"');
    // A commit id the clone does not have: the head of a shallow fetch of the merge commit alone.
    const unknownHead = 'f'.repeat(40);
    const run = await runOnMerge({ ...setup, headSha: unknownHead });
    const annotation = run.annotations.find((each) => each.message.includes("'x-ms-head-note'"));
    expect(annotation).toMatchObject({ file: SWAGGER, line: mergeLine });
    expect(run.summary).toContain(link(unknownHead, mergeLine));
  });

  // extract-connectors' folders under runner.temp are outside the repository: git cannot compare
  // them, and they keep their lines; the repository's connector beside them is still read at the head.
  it("reads the repository's findings at the head beside a connector folder outside the repository", async () => {
    const setup = mergeWhereTheBaseMovedTheLines();
    const headLine = lineOf(setup.headText, '"x-ms-head-note"');
    const { temp, extracted } = extractedCopy(setup.workspace);
    const run = await runOnMerge(setup, {
      inputs: { path: `certified-connectors/Contoso Tasks\n${extracted}`, base: 'none' },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.stderr).toBe('');
    const notes = run.annotations.filter((each) => each.message.includes("'x-ms-head-note'"));
    expect(notes).toContainEqual(expect.objectContaining({ file: SWAGGER, line: headLine }));
    // On no file of the pull request, named by its absolute path (it read ../runner-temp-…/… before).
    const outside = notes.find((each) => each.file === undefined);
    const named = `${path.join(extracted, 'apiDefinition.swagger.json')}: The extension 'x-ms-head-note'`;
    expect(outside?.message.slice(0, named.length)).toBe(named);
  });

  // Compared with the base (no base: none), git knows nothing of the folder outside the repository.
  // It stopped the step ("cannot be compared with the base"): validated now, beside the compared
  // folders, and said not compared, so that its findings read neither as new nor as existing.
  it('validates a connector folder outside the repository beside the compared ones, said not compared', async () => {
    const setup = mergeWhereTheBaseMovedTheLines();
    const { temp, extracted } = extractedCopy(setup.workspace);
    const run = await runOnMerge(setup, {
      inputs: { path: `certified-connectors/Contoso Tasks\n${extracted}` },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)).toEqual([extracted, 'certified-connectors/Contoso Tasks']);
    expect(run.annotations).toContainEqual({
      level: 'notice',
      message: `Not compared with the base: 1 folder in no git work tree (${extracted}). It was validated, but git has no base version of it: its findings are neither new nor existing, and no breaking change is looked for.`,
    });
    // The base's note is existing in the repository's folder, and neither in its copy.
    const baseNotes = run.annotations.filter((each) => each.message.includes("'x-ms-base-note'"));
    expect(baseNotes.map((each) => [each.file, each.message.includes('(existing)')])).toEqual([
      [undefined, false],
      [SWAGGER, true],
    ]);
    expect(run.summary).toContain(`| ${extracted} (not compared) | certified | 0 | 2 | 0 | — | ✅ |`);
    expect(run.stdout).toContain(
      `${extracted} [certified]: 0 errors, 2 warnings, 0 info (not compared with the base)`,
    );
  });

  it('validates connector folders that are all outside the repository on a pull request, said not compared', async () => {
    const setup = mergeWhereTheBaseMovedTheLines();
    const { temp, extracted } = extractedCopy(setup.workspace);
    const run = await runOnMerge(setup, { inputs: { path: extracted }, env: { RUNNER_TEMP: temp } });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)).toEqual([extracted]);
    expect(run.outputs.warnings).toBe('2');
    expect(run.annotations).toContainEqual({
      level: 'notice',
      message: expect.stringMatching(/^Not compared with the base: 1 folder in no git work tree/),
    });
    expect(run.stdout).toContain(
      `${extracted} [certified]: 0 errors, 2 warnings, 0 info (not compared with the base)`,
    );
  });
});
