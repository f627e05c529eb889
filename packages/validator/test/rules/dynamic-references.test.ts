import { expect, it } from '@jest/globals';
import { dynamicStatus } from '../helpers/dynamic-status.js';
import { describeRule, swaggerFindings, type Json, type SwaggerEdit } from '../helpers/swagger-cases.js';

/*
 * What a dynamic call's references name, read in full: a body path to its last step, and a shared
 * parameter in each operation that shows it (SWG-DYN-PARAMS and the rules that read its source).
 */

const DUE_LIST = '/paths/~1tasks/post/parameters/0/schema/properties/due/x-ms-dynamic-list';
const GLOBAL_VALUES = '/parameters/status/x-ms-dynamic-values';

/**
 * CreateTask's body gets `project` (a `$ref` to Project: `key`, and `owner`, whose `name` and
 * `address/city` come through `allOf`) and `labels` (an object of no listed properties), and its
 * `due` a dynamic list passing `reference` to ListStatuses.
 */
function bodyPath(reference: string, more: SwaggerEdit = () => {}): SwaggerEdit {
  return dynamicStatus({}, (s) => {
    s.definitions.Person = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        address: { type: 'object', properties: { city: { type: 'string' } } },
      },
    };
    s.definitions.Project = {
      type: 'object',
      properties: { key: { type: 'string' }, owner: { allOf: [{ $ref: '#/definitions/Person' }] } },
    };
    const properties = s.paths['/tasks'].post.parameters[0].schema.properties;
    properties.project = { $ref: '#/definitions/Project' };
    properties.labels = { type: 'object' };
    properties.due['x-ms-dynamic-list'] = {
      operationId: 'ListStatuses',
      parameters: { project: { parameterReference: reference } },
      itemsPath: 'value',
      itemValuePath: 'id',
    };
    more(s);
  });
}

/**
 * ListTasks' `status` (with its dynamic values passing `reference`) moved to `#/parameters/status`,
 * and listed by GetTask too, after its `taskId`: GetTask has no `project` unless `more` gives it one.
 */
function sharedStatus(reference = 'project', more: SwaggerEdit = () => {}): SwaggerEdit {
  return dynamicStatus({ parameters: { project: { parameter: reference } } }, (s) => {
    s.parameters = { status: s.paths['/tasks'].get.parameters[0] };
    s.paths['/tasks'].get.parameters[0] = { $ref: '#/parameters/status' };
    s.paths['/tasks/{taskId}'].get.parameters.push({ $ref: '#/parameters/status' });
    more(s);
  });
}

/** GetTask gets a `project` parameter: `fields` over a string query parameter. */
function getTaskProject(fields: Json = {}): SwaggerEdit {
  return (s) =>
    s.paths['/tasks/{taskId}'].get.parameters.push({
      name: 'project',
      in: 'query',
      type: 'string',
      description: 'The project.',
      ...fields,
    });
}

/** GetTask made internal (a dynamic source, whose form the designer never shows), after `more`. */
function internalGetTask(more: SwaggerEdit = () => {}): SwaggerEdit {
  return (s) => {
    more(s);
    s.paths['/tasks/{taskId}'].get['x-ms-visibility'] = 'internal';
  };
}

/** A copy of ListTasks at GET /archive (ListArchivedTasks): the same inputs, listing the same `status`. */
function archiveCopy(s: Json): void {
  s.paths['/archive'] = {
    get: { ...structuredClone(s.paths['/tasks'].get), operationId: 'ListArchivedTasks' },
  };
}

/** GET /boards (ListBoards) listing `status` and a query parameter `projct`: a reference 'projct/…' is not decided there. */
function boardsWithProjct(s: Json): void {
  s.paths['/boards'] = {
    get: {
      ...structuredClone(s.paths['/tasks/{taskId}'].get),
      operationId: 'ListBoards',
      parameters: [
        { $ref: '#/parameters/status' },
        { name: 'projct', in: 'query', type: 'string', description: 'The project.' },
      ],
    },
  };
}

describeRule(
  'SWG-DYN-PARAMS',
  [
    {
      name: 'on a body path whose third step names no property, through a $ref, with the closest one',
      edit: bodyPath('body/project/kee'),
      pointer: `${DUE_LIST}/parameters/project/parameterReference`,
      message:
        /^The parameter reference 'body\/project\/kee' leads nowhere in operation 'CreateTask': 'body\/project' has no property 'kee', so the designer sends nothing for it\. Did you mean 'key'\?$/,
    },
    {
      name: 'on a body path through allOf whose last step names nothing',
      edit: bodyPath('body/project/owner/address/cty'),
      pointer: `${DUE_LIST}/parameters/project/parameterReference`,
      message: /'body\/project\/owner\/address' has no property 'cty'.* Did you mean 'city'\?$/,
    },
    {
      name: 'on the dotted form, from a top-level property of the body',
      edit: bodyPath('project.kee'),
      pointer: `${DUE_LIST}/parameters/project/parameterReference`,
      message: /'project' has no property 'kee'/,
    },
    {
      name: 'on a body path whose middle step names no property, naming that step',
      edit: bodyPath('body/project/kee/x'),
      pointer: `${DUE_LIST}/parameters/project/parameterReference`,
      message:
        /'body\/project' has no property 'kee', so the designer sends nothing for it\. Did you mean 'key'\?$/,
    },
    {
      // Only a dotted step may be part of a property name with a dot.
      name: 'on a body path step that names nothing beside a property name with a dot',
      edit: bodyPath('body/project/a', (s) => (s.definitions.Project.properties['a.b'] = { type: 'string' })),
      pointer: `${DUE_LIST}/parameters/project/parameterReference`,
      message: /'body\/project' has no property 'a'/,
    },
    {
      // 'body' is the body parameter and a property of its schema: the parameter's path is told.
      name: 'on a first step that is both the body parameter and a body property, from the parameter',
      edit: bodyPath('body/titl', (s) => {
        s.paths['/tasks'].post.parameters[0].schema.properties.body = {
          type: 'object',
          properties: { name: { type: 'string' } },
        };
      }),
      pointer: `${DUE_LIST}/parameters/project/parameterReference`,
      message:
        /'body' has no property 'titl', so the designer sends nothing for it\. Did you mean 'title'\?$/,
    },
    {
      name: "on a shared parameter's reference that one operation lacks, at that operation's $ref to it",
      edit: sharedStatus(),
      pointer: '/paths/~1tasks~1{taskId}/get/parameters/1',
      message:
        /^The parameter reference 'project' is not a parameter of operation 'GetTask', nor a property of its body: the designer sends nothing for it\. It is passed by the x-ms-dynamic-values at '\/parameters\/status', which this operation shows: give the operation that input, or its own parameter in place of the shared one\.$/,
    },
    {
      name: "on a shared parameter's misspelt reference, once at the reference",
      edit: sharedStatus('projct', getTaskProject()),
      pointer: `${GLOBAL_VALUES}/parameters/project/parameter`,
      message:
        /is not a parameter of operation 'ListTasks', nor a property of its body: the designer sends nothing for it\. Did you mean 'project'\? Nor is it one in the other operation that shows it\.$/,
    },
    {
      // ListTasks and ListArchivedTasks have the same inputs: judged once, they are still two of the three.
      name: "on a shared parameter's reference with steps that no operation has, once at the reference, naming the first and counting the others",
      edit: sharedStatus('projct/key', (s) => {
        getTaskProject()(s);
        archiveCopy(s);
      }),
      pointer: `${GLOBAL_VALUES}/parameters/project/parameter`,
      message:
        /^The parameter reference 'projct\/key' \(its first step 'projct'\) is not a parameter of operation 'ListTasks'.* Did you mean 'project'\? Nor is it one in the 2 other operations that show it\.$/,
    },
    {
      // CreateTask and CreateDraft list the same names, and only their bodies' `project` differ.
      name: "on a shared parameter's reference with steps that one of two operations of like names lacks, at its listing",
      edit: sharedStatus('body/project/key', (s) => {
        const post = s.paths['/tasks'].post;
        post.parameters.push({ $ref: '#/parameters/status' });
        s.paths['/drafts'] = { post: { ...structuredClone(post), operationId: 'CreateDraft' } };
        const project = (properties: Json) => ({ type: 'object', properties });
        post.parameters[0].schema.properties.project = project({ key: { type: 'string' } });
        s.paths['/drafts'].post.parameters[0].schema.properties.project = project({
          name: { type: 'string' },
        });
        // Only the two bodies show `status`.
        s.paths['/tasks'].get.parameters.shift();
        s.paths['/tasks/{taskId}'].get.parameters.pop();
      }),
      pointer: '/paths/~1drafts/post/parameters/1',
      message: /'body\/project' has no property 'key'.* which this operation shows/,
    },
    {
      name: "on a path item's parameter whose reference one of its operations lacks, at that operation",
      edit: dynamicStatus({}, (s) => {
        s.paths['/tasks'].parameters = [s.paths['/tasks'].get.parameters.shift()];
      }),
      pointer: '/paths/~1tasks/post',
      message:
        /not a parameter of operation 'CreateTask'.* which this operation shows: give the operation that input/,
    },
    {
      name: 'on a source parameter of another type in the second operation that shows the call',
      edit: sharedStatus('project', getTaskProject({ type: 'integer' })),
      pointer: `${GLOBAL_VALUES}/parameters/project`,
      message: /operation 'GetTask' is providing a parameter of type 'integer'/,
    },
  ],
  [
    {
      name: 'on body paths to the last step, through a $ref, allOf, and the dotted form',
      edit: bodyPath('body/project/owner/name', (s) => {
        const properties = s.paths['/tasks'].post.parameters[0].schema.properties;
        properties.title['x-ms-dynamic-list'] = {
          ...properties.due['x-ms-dynamic-list'],
          parameters: { project: { parameterReference: 'project.key' } },
        };
      }),
    },
    {
      name: 'on a body path into an object of no listed properties',
      edit: bodyPath('body/labels/any/thing'),
    },
    {
      // followSchemaPath reads a schema with allOf as open: its members may list more.
      name: 'on a step that names nothing in a schema made with allOf',
      edit: bodyPath('body/project/owner/nmae'),
    },
    {
      name: 'on a dotted step that may be part of a property name with a dot',
      edit: bodyPath('project.a.b', (s) => (s.definitions.Project.properties['a.b'] = { type: 'string' })),
    },
    {
      name: 'on a shared parameter whose every operation has the input',
      edit: sharedStatus('project', getTaskProject()),
    },
    {
      // Alemba ITSM: its internal dynamic sources list the shared `entity_type` without `categoryId`.
      name: 'on a shared parameter whose reference only an internal operation lacks',
      edit: sharedStatus('project', internalGetTask()),
    },
    {
      name: 'on a source parameter of another type in an internal operation only',
      edit: sharedStatus('project', internalGetTask(getTaskProject({ type: 'integer' }))),
    },
    {
      name: "on a path item's parameter whose reference only an internal operation lacks",
      edit: dynamicStatus({}, (s) => {
        s.paths['/tasks'].parameters = [s.paths['/tasks'].get.parameters.shift()];
        s.paths['/tasks'].post['x-ms-visibility'] = 'internal';
      }),
    },
  ],
);

describeRule(
  'SWG-DYN-INTERNAL-SRC',
  [
    {
      name: 'on a reference to a parameter internal in the second operation that shows the call',
      edit: sharedStatus('project', getTaskProject({ 'x-ms-visibility': 'internal' })),
      pointer: `${GLOBAL_VALUES}/parameters/project`,
      message: /'project' in the source operation 'GetTask' is internal/,
    },
  ],
  [
    { name: 'on a reference visible in each operation', edit: sharedStatus('project', getTaskProject()) },
    {
      name: 'on a reference internal in an internal operation only',
      edit: sharedStatus('project', internalGetTask(getTaskProject({ 'x-ms-visibility': 'internal' }))),
    },
  ],
);

describeRule(
  'SWG-DYN-LIST-AMBIG',
  [
    {
      name: 'on a name in two locations of the second operation that shows the call',
      edit: sharedStatus('project', (s) => {
        getTaskProject()(s);
        getTaskProject({ in: 'header' })(s);
      }),
      pointer: `${GLOBAL_VALUES}/parameters`,
      message: /ambiguous parameter references/,
    },
  ],
  [
    { name: 'on a name in one location of each operation', edit: sharedStatus('project', getTaskProject()) },
    {
      name: 'on a name in two locations of an internal operation only',
      edit: sharedStatus(
        'project',
        internalGetTask((s) => {
          getTaskProject()(s);
          getTaskProject({ in: 'header' })(s);
        }),
      ),
    },
  ],
);

it("SWG-DYN-PARAMS tells a reference with steps that some operations lack at each one's listing, in the document's order", async () => {
  // ListTasks and ListArchivedTasks (one set of inputs) lack 'projct', and GetTask (another) between them;
  // ListBoards has it, so not every operation fails.
  const findings = await swaggerFindings(
    'SWG-DYN-PARAMS',
    sharedStatus('projct/key', (s) => {
      archiveCopy(s);
      boardsWithProjct(s);
    }),
  );
  expect(findings.map((f) => f.pointer)).toEqual([
    '/paths/~1tasks/get/parameters/0',
    '/paths/~1tasks~1{taskId}/get/parameters/1',
    '/paths/~1archive/get/parameters/0',
  ]);
  expect(findings.map((f) => /operation '(\w+)'/.exec(f.message)?.[1])).toEqual([
    'ListTasks',
    'GetTask',
    'ListArchivedTasks',
  ]);
});
