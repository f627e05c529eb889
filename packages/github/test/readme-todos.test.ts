import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { readmeTodoHeading, readmeTodoLine } from '@connector-alm/core';
import { DEFAULT_CONFIG } from '@connector-alm/validator';
import { type OpenPullRequestOptions } from '../src/index.js';
import { CONNECTOR, connectorFiles, contributorFork, writeConnector } from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

// The readme extract-connectors writes for a connector folder without one marks what a person must
// write TODO. Sent upstream, it would replace the upstream's readme with "## Publisher: TODO".

const scenario = scenarioForEachTest();

const run = (overrides: Partial<OpenPullRequestOptions> = {}) => submitConnector(scenario, overrides).promise;

/** A readme as extraction writes it: the definition's description, and TODOs for the rest. */
const EXTRACTED_README = [
  '# Contoso Tasks',
  '',
  'Contoso Tasks lets teams plan, assign and track their work items.',
  '',
  readmeTodoHeading('## Publisher'),
  '',
  '## Prerequisites',
  '',
  readmeTodoLine('what a user needs (an account, a plan, a licence) before using the connector.'),
  '',
  '## Supported Operations',
  '',
  '### List tasks',
  '',
  'Lists the tasks of the current user.',
  '',
  '## Obtaining Credentials',
  '',
  readmeTodoLine('how to get the credentials the connection asks for.'),
  '',
].join('\n');

function writeReadme(readme: string): void {
  writeConnector(scenario.workspace, { ...connectorFiles(), 'readme.md': readme });
}

describe("a readme with extraction's TODOs", () => {
  it('is refused before anything is sent, its TODOs located as errors on their lines', async () => {
    writeReadme(EXTRACTED_README);
    const result = await run();
    expect(result).toMatchObject({
      operation: 'refused',
      refusal: 'readme-todo',
      reason:
        'its readme still has the TODOs extract-connectors wrote, on lines 5, 9 and 19: nothing was pushed, no pull request opened or updated',
    });
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'README-PLACEHOLDER',
        severity: 'error',
        file: `${CONNECTOR}/readme.md`,
        line: 5,
        column: 1,
        message: 'The readme still says "## Publisher: TODO": replace TODO with the publisher.',
      }),
      expect.objectContaining({ line: 9, column: 1, endLine: 9 }),
      expect.objectContaining({
        line: 19,
        message:
          'The readme still says "TODO: how to get the credentials the connection asks for.": replace the line with how to get the credentials the connection asks for.',
      }),
    ]);
    expect(result.findingsOnlyHere).toBeUndefined();
    expect(scenario.github.requests).toEqual([]);
  });

  it('is refused whatever fail-on, and whatever the level the configuration gives README-PLACEHOLDER', async () => {
    writeReadme(EXTRACTED_README);
    const config = { ...DEFAULT_CONFIG, rules: { 'README-PLACEHOLDER': 'off' as const } };
    // Findings validate-connector does not report at that level: annotated by submit all the same.
    expect(await run({ failOn: 'never', config })).toMatchObject({
      operation: 'refused',
      refusal: 'readme-todo',
      findingsOnlyHere: true,
    });
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it('is refused named README.md too, as a maker on Windows or macOS may have it', async () => {
    const { 'readme.md': readme, ...others } = connectorFiles();
    expect(readme).toBeDefined();
    writeConnector(scenario.workspace, { ...others, 'README.md': EXTRACTED_README });
    // The TODOs alone refuse it, whatever fail-on and the level of README-PLACEHOLDER.
    const config = { ...DEFAULT_CONFIG, rules: { 'README-PLACEHOLDER': 'off' as const } };
    expect(await run({ failOn: 'never', config })).toMatchObject({
      operation: 'refused',
      refusal: 'readme-todo',
      findings: [
        expect.objectContaining({ file: `${CONNECTOR}/README.md`, line: 5 }),
        expect.anything(),
        expect.anything(),
      ],
    });
    expect(contributorFork(scenario)).toBeUndefined();
  });

  it("is the step's to annotate for a connector the configuration ignores, which validate-connector skips", async () => {
    writeReadme(EXTRACTED_README);
    const config = {
      ...DEFAULT_CONFIG,
      path: path.join(scenario.workspace, '.connector-alm.yml'),
      ignore: ['certified-connectors/**'],
    };
    expect(await run({ config })).toMatchObject({
      operation: 'refused',
      refusal: 'readme-todo',
      findingsOnlyHere: true,
    });
  });

  it('is submitted once its TODOs are filled in; "todo" in prose is no TODO of ours', async () => {
    writeReadme(
      EXTRACTED_README.replace('## Publisher: TODO', '## Publisher: Contoso Ltd')
        .replace(/^TODO: what a user.*$/m, 'A Contoso account, and a Todoist-style to-do list: todo: none.')
        .replace(/^TODO: how to get.*$/m, 'Sign in with your Contoso account.'),
    );
    expect(await run()).toMatchObject({ operation: 'created', number: 1 });
  });
});
