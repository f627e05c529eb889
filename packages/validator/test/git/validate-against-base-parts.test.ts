import { describe, expect, it } from '@jest/globals';
import { onlyNewFindings } from '../../src/git/only-new-findings.js';
import { validConnectorFiles, validReadme } from '../helpers/valid-connector.js';
import type { Json } from '../diff/diff-fixture.js';
import { validateFilesAgainstDev } from './pull-request-edit.js';

// A finding that names the parts of one problem (the operations a readme does not list, the path
// parameters an operation lacks) changes its message when one part is fixed. Matched on the message,
// it was new, and a pull request that only fixed things failed on it under `--only-new`.

const FOLDER = 'certified-connectors/Contoso';

/** The valid connector whose readme lists, of its three operations, only those given. */
function listing(...headings: string[]): Json {
  const readme = validReadme().replace(
    /## Supported Operations\n[\s\S]*?\n## Obtaining/,
    `## Supported Operations\n${headings.map((heading) => `### ${heading}\nWhat it does.\n`).join('')}\n## Obtaining`,
  );
  return { ...validConnectorFiles(), 'readme.md': readme } as Json;
}

/** The valid connector whose Get a task path has the variables given, of which only taskId is defined. */
function getTaskPath(path: string): Json {
  const files = validConnectorFiles() as Json;
  const paths = files['apiDefinition.swagger.json'].paths;
  paths[path] = paths['/tasks/{taskId}'];
  delete paths['/tasks/{taskId}'];
  return files;
}

async function findingsOf(ruleId: string, base: Json, head: Json) {
  const { result } = await validateFilesAgainstDev(FOLDER, base, head);
  return {
    findings: result.findings
      .filter((finding) => finding.ruleId === ruleId)
      .map((finding) => `${finding.baseline}: ${finding.message}`),
    onlyNew: onlyNewFindings(result).findings.filter((finding) => finding.ruleId === ruleId),
  };
}

describe('validate --base: a finding that names the parts of one problem', () => {
  it('stays existing when the readme lists one more of the operations it missed', async () => {
    const { findings, onlyNew } = await findingsOf(
      'README-OPS-MATCH',
      listing('List tasks'),
      listing('List tasks', 'Create a task'),
    );
    expect(findings).toEqual([
      'existing: The operation "Get a task" is not listed under Supported Operations.',
    ]);
    expect(onlyNew).toEqual([]);
  });

  it('stays existing when an operation it missed has its summary reworded', async () => {
    const head = listing('List tasks');
    head['apiDefinition.swagger.json'].paths['/tasks/{taskId}'].get.summary = 'Fetch one task';
    const { findings } = await findingsOf('README-OPS-MATCH', listing('List tasks'), head);
    expect(findings).toEqual([
      'existing: 2 operations are not listed under Supported Operations: "Create a task", "Fetch one task".',
    ]);
  });

  it('is new when the readme stops listing an operation it listed, though it lists another', async () => {
    const { findings } = await findingsOf(
      'README-OPS-MATCH',
      listing('List tasks'),
      listing('Create a task'),
    );
    expect(findings).toEqual([
      'new: 2 operations are not listed under Supported Operations: "List tasks", "Get a task".',
    ]);
  });

  it('stays an existing error when one of the missing path parameters is defined', async () => {
    const base = getTaskPath('/lists/{listId}/tasks/{taskId}/notes/{noteId}');
    const head = structuredClone(base);
    head['apiDefinition.swagger.json'].paths[
      '/lists/{listId}/tasks/{taskId}/notes/{noteId}'
    ].get.parameters.push({
      name: 'listId',
      in: 'path',
      type: 'string',
      required: true,
      'x-ms-url-encoding': 'single',
      'x-ms-summary': 'List ID',
      description: 'The identifier of the list.',
    });
    const { findings, onlyNew } = await findingsOf('SWG-PATH-MISSING-PARAM', base, head);
    expect(findings).toEqual([
      "existing: The operation 'GetTask' does not define the 'noteId' parameter which is required by the path.",
    ]);
    expect(onlyNew).toEqual([]);
  });
});
