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
      `new: 2 operations are not listed under Supported Operations: "List tasks", "Get a task". New since the base: 'ListTasks'.`,
    ]);
  });

  // The message named every operation missing, and which one the pull request added was left to
  // the maker; the base's finding, not taken, was counted fixed though nothing was.
  it('names the part a new finding added, and counts the base finding of the problem not fixed', async () => {
    const { result } = await validateFilesAgainstDev(
      FOLDER,
      listing('List tasks', 'Create a task'),
      listing('List tasks'),
    );
    expect(
      result.findings
        .filter((finding) => finding.ruleId === 'README-OPS-MATCH')
        .map((finding) => `${finding.baseline}: ${finding.message}`),
    ).toEqual([
      `new: 2 operations are not listed under Supported Operations: "Create a task", "Get a task". New since the base: 'CreateTask'.`,
    ]);
    expect(result.diffs[0]!.fixed).toEqual([]);
  });

  it('adds no note to a new finding whose problem the base did not have', async () => {
    const { findings } = await findingsOf(
      'README-OPS-MATCH',
      listing('List tasks', 'Create a task', 'Get a task'),
      listing('List tasks', 'Create a task'),
    );
    expect(findings).toEqual(['new: The operation "Get a task" is not listed under Supported Operations.']);
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

/** The valid connector with its swagger edited by `edit`. */
function withSwagger(edit: (swagger: Json) => void): Json {
  const files = validConnectorFiles() as Json;
  edit(files['apiDefinition.swagger.json']);
  return files;
}

/** The valid connector with its apiProperties.json edited by `edit`. */
function withProperties(edit: (properties: Json) => void): Json {
  const files = validConnectorFiles() as Json;
  edit(files['apiProperties.json'].properties);
  return files;
}

/** A second operation that sends a body, as CreateTask does. */
function addUpdateTask(swagger: Json): void {
  swagger.paths['/tasks/{taskId}'].patch = {
    ...structuredClone(swagger.paths['/tasks'].post),
    summary: 'Update a task',
    description: 'Updates a task of the current user.',
    operationId: 'UpdateTask',
  };
  swagger.paths['/tasks/{taskId}'].patch.parameters.unshift(
    structuredClone(swagger.paths['/tasks/{taskId}'].get.parameters[0]),
  );
}

const renamedTask = (swagger: Json, names: string[]) => {
  for (const name of names) swagger.definitions.Task.properties[name].description = name;
};

// Each rule whose finding names the parts of its problem: the base has two or three parts, the
// pull request fixes one. Every case failed, its finding new, before the parts were matched.
describe.each([
  {
    rule: 'SWG-DESC-IS-NAME',
    base: withSwagger((swagger) => renamedTask(swagger, ['id', 'title', 'status'])),
    head: withSwagger((swagger) => renamedTask(swagger, ['title', 'status'])),
  },
  {
    rule: 'SWG-CONSUMES',
    base: withSwagger((swagger) => {
      swagger.consumes = [];
      addUpdateTask(swagger);
    }),
    head: withSwagger((swagger) => {
      swagger.consumes = [];
      addUpdateTask(swagger);
      swagger.paths['/tasks/{taskId}'].patch.consumes = ['application/json'];
    }),
  },
  {
    rule: 'SWG-RESP-MULTI-SCHEMA',
    base: withSwagger((swagger) => {
      const error = { description: 'An error.', schema: { type: 'object' } };
      Object.assign(swagger.paths['/tasks/{taskId}'].get.responses, { '404': error, '500': error });
    }),
    head: withSwagger((swagger) => {
      const error = { description: 'An error.', schema: { type: 'object' } };
      Object.assign(swagger.paths['/tasks/{taskId}'].get.responses, { '404': error });
    }),
  },
  {
    rule: 'SWG-REF-ADJACENT',
    base: withSwagger((swagger) => {
      Object.assign(swagger.paths['/tasks'].post.responses['201'].schema, { title: 'T', description: 'D' });
    }),
    head: withSwagger((swagger) => {
      Object.assign(swagger.paths['/tasks'].post.responses['201'].schema, { description: 'D' });
    }),
  },
  {
    rule: 'SWG-INFO-TITLE-WORDS',
    base: withSwagger((swagger) => (swagger.info.title = 'Contoso Tasks API Connector')),
    head: withSwagger((swagger) => (swagger.info.title = 'Contoso Tasks Connector')),
  },
  {
    rule: 'SWG-INFO-DESC-WORDS',
    base: withSwagger((swagger) => {
      swagger.info.description += ' Use it in Power Automate and Power Apps.';
    }),
    head: withSwagger((swagger) => (swagger.info.description += ' Use it in Power Automate.')),
  },
  {
    rule: 'SWG-OP-TEXT-WORDS',
    base: withSwagger((swagger) => {
      swagger.paths['/tasks'].get.description = 'Lists the tasks, for Power Automate and Power Apps.';
    }),
    head: withSwagger((swagger) => {
      swagger.paths['/tasks'].get.description = 'Lists the tasks, for Power Automate.';
    }),
  },
  {
    rule: 'PROP-POLICY',
    base: withProperties((properties) => {
      properties.policyTemplateInstances = [{ templateId: 'setheader', title: 'h', parameters: {} }];
    }),
    head: withProperties((properties) => {
      properties.policyTemplateInstances = [
        { templateId: 'setheader', title: 'h', parameters: { 'x-ms-apimTemplateParameter.name': 'Accept' } },
      ];
    }),
  },
])('$rule: one part of its finding fixed', ({ rule, base, head }) => {
  it('leaves the finding existing', async () => {
    const { result } = await validateFilesAgainstDev(FOLDER, base, head);
    const findings = result.findings.filter((finding) => finding.ruleId === rule);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map(({ baseline, message }) => ({ baseline, message }))).toEqual(
      findings.map(({ message }) => ({ baseline: 'existing', message })),
    );
  });
});
