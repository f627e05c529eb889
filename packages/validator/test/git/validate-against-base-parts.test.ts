import { describe, expect, it } from '@jest/globals';
import { fixedInPart } from '../../src/git/fixed-findings.js';
import { onlyNewFindings } from '../../src/git/only-new-findings.js';
import { newSinceBaseNote } from '../../src/reporters/baseline-note.js';
import { toJsonReport } from '../../src/reporters/json-reporter.js';
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
      'existing: The operation "Get a task" is not listed under Supported Operations. Fixed since the base: "Create a task".',
    ]);
    expect(onlyNew).toEqual([]);
  });

  // A readme that listed two of the three operations it missed had made progress, but its finding was
  // existing and nothing was fixed: "0 new since the base" was all the maker read.
  it('names the parts the change fixed, and counts the finding fixed in part', async () => {
    const { result } = await validateFilesAgainstDev(
      FOLDER,
      listing(),
      listing('List tasks', 'Create a task'),
    );
    expect(
      result.findings
        .filter((finding) => finding.ruleId === 'README-OPS-MATCH')
        .map((finding) => `${finding.baseline}: ${finding.message}`),
    ).toEqual([
      'existing: The operation "Get a task" is not listed under Supported Operations. Fixed since the base: "List tasks", "Create a task".',
    ]);
    expect(fixedInPart(result.findings)).toBe(1);
    expect(newSinceBaseNote(result)).toBe('; 0 new, 0 fixed and 1 fixed in part since the base');
    expect(toJsonReport(result).base?.counts).toEqual({ new: 0, fixed: 0, fixedInPart: 1 });
  });

  it('counts no finding fixed in part when every part is still there', async () => {
    const { result } = await validateFilesAgainstDev(FOLDER, listing('List tasks'), listing('List tasks'));
    expect(fixedInPart(result.findings)).toBe(0);
    expect(result.findings.some((finding) => finding.message.includes('since the base'))).toBe(false);
    expect(toJsonReport(result).base?.counts.fixedInPart).toBe(0);
  });

  it('stays existing when an operation it missed has its summary reworded', async () => {
    const head = listing('List tasks');
    head['apiDefinition.swagger.json'].paths['/tasks/{taskId}'].get.summary = 'Fetch one task';
    const { findings } = await findingsOf('README-OPS-MATCH', listing('List tasks'), head);
    expect(findings).toEqual([
      'existing: 2 operations are not listed under Supported Operations: "Create a task", "Fetch one task".',
    ]);
  });

  // Before, the base's finding was counted fixed, and listed with "Create a task" and "Get a task"
  // still missing but one among the problems fixed.
  it('is new when the readme stops listing an operation it listed, and fixed in part, as it lists another', async () => {
    const { result } = await validateFilesAgainstDev(FOLDER, listing('List tasks'), listing('Create a task'));
    const found = result.findings.filter((finding) => finding.ruleId === 'README-OPS-MATCH');
    expect(found.map((finding) => `${finding.baseline}: ${finding.message}`)).toEqual([
      `new: 2 operations are not listed under Supported Operations: "List tasks", "Get a task". New since the base: "List tasks". Fixed since the base: "Create a task".`,
    ]);
    expect(found[0]!.partsFixed).toEqual(['CreateTask']);
    expect(result.diffs[0]!.fixed).toEqual([]);
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
      `new: 2 operations are not listed under Supported Operations: "Create a task", "Get a task". New since the base: "Create a task".`,
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
      "existing: The operation 'GetTask' does not define the 'noteId' parameter which is required by the path. Fixed since the base: 'listId'.",
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

/** GET /tasks/<name> for each name, which GET /tasks/{taskId} also matches. */
function addFixedRoutes(swagger: Json, names: string[]): void {
  for (const name of names) {
    const operation = structuredClone(swagger.paths['/tasks'].get);
    operation.operationId = `ListTasks_${name}`;
    operation.summary = `List tasks ${name}`;
    swagger.paths[`/tasks/${name}`] = { get: operation };
  }
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
    rule: 'SWG-PATH-PARTIAL-DUP',
    base: withSwagger((swagger) => addFixedRoutes(swagger, ['search', 'today'])),
    head: withSwagger((swagger) => addFixedRoutes(swagger, ['search'])),
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
  it('leaves the finding existing, fixed in part', async () => {
    const { result } = await validateFilesAgainstDev(FOLDER, base, head);
    const findings = result.findings.filter((finding) => finding.ruleId === rule);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map(({ baseline, message }) => ({ baseline, message }))).toEqual(
      findings.map(({ message }) => ({ baseline: 'existing', message })),
    );
    expect(findings.map(({ message }) => message)).toEqual(
      findings.map(() => expect.stringMatching(/ Fixed since the base: .+\.$/)),
    );
    expect(fixedInPart(findings)).toBe(findings.length);
  });
});

// A pull request that added GET /tasks/today beside GET /tasks/{taskId} and /tasks/search changed the
// finding's list of similar paths: it read as new, and the base's as fixed.
describe('SWG-PATH-PARTIAL-DUP: a route added beside those the finding lists', () => {
  it('is new, and names the path added', async () => {
    const { findings } = await findingsOf(
      'SWG-PATH-PARTIAL-DUP',
      withSwagger((swagger) => addFixedRoutes(swagger, ['search'])),
      withSwagger((swagger) => addFixedRoutes(swagger, ['search', 'today'])),
    );
    expect(findings).toEqual([
      expect.stringMatching(
        /^new: .* Partially duplicated paths are: \/tasks\/search, \/tasks\/today\. New since the base: '\/tasks\/today'\.$/,
      ),
    ]);
  });
});

// 0af9de18 took the body off a delete: its 200 lost the schema the advice kept, and its error schemas
// stayed. "Fixed since the base: '200'" called that a fix of what the finding asks.
describe('SWG-RESP-MULTI-SCHEMA: the schema the advice keeps removed', () => {
  it('is no part fixed', async () => {
    const error = { description: 'An error.', schema: { type: 'object' } };
    const base = withSwagger((swagger) => {
      Object.assign(swagger.paths['/tasks/{taskId}'].get.responses, { '404': error, '500': error });
    });
    const head = withSwagger((swagger) => {
      const responses = swagger.paths['/tasks/{taskId}'].get.responses;
      Object.assign(responses, { '404': error, '500': error });
      delete responses['200'].schema;
    });
    const { result } = await validateFilesAgainstDev(FOLDER, base, head);
    const findings = result.findings.filter((finding) => finding.ruleId === 'SWG-RESP-MULTI-SCHEMA');
    expect(findings.map(({ baseline }) => baseline)).toEqual(['existing']);
    expect(findings[0]!.message).not.toContain('since the base');
    expect(fixedInPart(result.findings)).toBe(0);
  });
});
