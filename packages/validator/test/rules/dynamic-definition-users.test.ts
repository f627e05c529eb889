import { expect, it } from '@jest/globals';
import { dynamicStatus } from '../helpers/dynamic-status.js';
import { describeRule, swaggerFindings, type Json, type SwaggerEdit } from '../helpers/swagger-cases.js';
import { addWebhook } from '../helpers/valid-connector.js';

/*
 * A dynamic call written in `definitions` is checked in the operations whose `$ref`s reach its
 * definition: a dropdown in those that reach it from their inputs, a dynamic schema in those that
 * reach it from their inputs or outputs (SWG-DYN-PARAMS and the rules that read its source).
 */

const STATUS_LIST = '/definitions/TaskInput/properties/status/x-ms-dynamic-list';

/**
 * TaskInput (`title`, `project`, and `status`, a dynamic list passing `reference` to ListStatuses) is
 * CreateTask's body, by a `$ref`.
 */
function definitionList(reference: string, more: SwaggerEdit = () => {}): SwaggerEdit {
  return dynamicStatus({}, (s) => {
    s.definitions.TaskInput = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        project: { type: 'string' },
        status: {
          type: 'string',
          'x-ms-dynamic-list': {
            operationId: 'ListStatuses',
            parameters: { project: { parameterReference: reference } },
            itemsPath: 'value',
            itemValuePath: 'id',
          },
        },
      },
    };
    s.paths['/tasks'].post.parameters[0].schema = { $ref: '#/definitions/TaskInput' };
    more(s);
  });
}

/**
 * UpdateTask (PATCH /tasks/{taskId}) sends TaskPatch, whose `changes` is a TaskInput: it reaches
 * TaskInput through another definition, and has `taskId`, which CreateTask lacks.
 */
function updateTask(fields: Json = {}): SwaggerEdit {
  return (s) => {
    s.definitions.TaskPatch = {
      type: 'object',
      properties: { changes: { $ref: '#/definitions/TaskInput' } },
    };
    s.paths['/tasks/{taskId}'].patch = {
      summary: 'Update a task',
      description: 'Updates a task.',
      operationId: 'UpdateTask',
      parameters: [
        { name: 'taskId', in: 'path', type: 'string', required: true, ...fields },
        { name: 'body', in: 'body', schema: { $ref: '#/definitions/TaskPatch' } },
      ],
      responses: { '200': { description: 'The task.' } },
    };
  };
}

/** Task (every operation's output) gets `extra`, a dynamic schema passing `reference` to ListStatuses. */
function taskSchema(reference: string): SwaggerEdit {
  return dynamicStatus({}, (s) => {
    s.definitions.Task.properties.extra = {
      type: 'object',
      'x-ms-dynamic-schema': {
        operationId: 'ListStatuses',
        parameters: { project: { parameter: reference } },
        'value-path': 'value',
      },
    };
  });
}

/**
 * TaskFound, a shared response (`#/responses`) with a dynamic schema passing `reference` to
 * ListStatuses, is GetTask's output, which has `taskId`, and CreateTask's, which lacks it.
 */
function sharedResponseSchema(reference: string): SwaggerEdit {
  return dynamicStatus({}, (s) => {
    s.responses = {
      TaskFound: {
        description: 'The task.',
        schema: {
          type: 'object',
          'x-ms-dynamic-schema': {
            operationId: 'ListStatuses',
            parameters: { project: { parameter: reference } },
            'value-path': 'value',
          },
        },
      },
    };
    s.paths['/tasks/{taskId}'].get.responses = { '200': { $ref: '#/responses/TaskFound' } };
    s.paths['/tasks'].post.responses = { '201': { $ref: '#/responses/TaskFound' } };
  });
}

/** The operation gets a query parameter of this name. */
function given(name: string, operation: (s: Json) => Json): SwaggerEdit {
  return (s) => operation(s).parameters.push({ name, in: 'query', type: 'string' });
}

const createTask = (s: Json): Json => s.paths['/tasks'].post;
const getTask = (s: Json): Json => s.paths['/tasks/{taskId}'].get;

function internal(operation: (s: Json) => Json): SwaggerEdit {
  return (s) => void (operation(s)['x-ms-visibility'] = 'internal');
}

/**
 * CopyTask (POST /tasks/copy) sends TaskInput as CreateTask does, with a `taskId` query parameter
 * that has `fields`; CreateTask gets a plain string `taskId`. The two are alike but for those fields:
 * operations alike are judged once (user-kinds.ts), and these fields must set them apart.
 */
function copyTask(fields: Json): SwaggerEdit {
  return (s) => {
    s.paths['/tasks'].post.parameters.push({ name: 'taskId', in: 'query', type: 'string' });
    s.paths['/tasks/copy'] = {
      post: {
        summary: 'Copy a task',
        description: 'Copies a task.',
        operationId: 'CopyTask',
        parameters: [
          structuredClone(s.paths['/tasks'].post.parameters[0]),
          { name: 'taskId', in: 'query', type: 'string', ...fields },
        ],
        responses: { '201': { description: 'The new task.' } },
      },
    };
  };
}

/**
 * ArchiveTask (POST /tasks/archive) sends TaskArchive, whose `task` is a TaskInput: a second
 * definition that reaches TaskInput, after TaskPatch (updateTask), for an operation that lacks `taskId`.
 */
function archiveTask(s: Json): void {
  s.definitions.TaskArchive = {
    type: 'object',
    properties: { task: { $ref: '#/definitions/TaskInput' } },
  };
  s.paths['/tasks/archive'] = {
    post: {
      operationId: 'ArchiveTask',
      parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/TaskArchive' } }],
      responses: { '200': { description: 'Archived.' } },
    },
  };
}

/** The webhook trigger OnTaskCreated (its payload a Task), and ListHooks, an operation of its path item that is no trigger. */
function webhookBeside(s: Json): void {
  addWebhook(s);
  s.paths['/hooks'].get = { operationId: 'ListHooks', responses: { '200': { description: 'The hooks.' } } };
}

function edits(...all: SwaggerEdit[]): SwaggerEdit {
  return (s) => all.forEach((edit) => edit(s));
}

describeRule(
  'SWG-DYN-PARAMS',
  [
    {
      name: "on a definition's misspelt reference, in the body of the one operation that sends it",
      edit: definitionList('projct'),
      pointer: `${STATUS_LIST}/parameters/project/parameterReference`,
      message:
        /^The parameter reference 'projct' is not a parameter of operation 'CreateTask', nor a property of its body: the designer sends nothing for it\. Did you mean 'project'\?$/,
    },
    {
      name: "on a definition's misspelt reference, through a #/parameters body that operations list",
      edit: definitionList('projct', (s) => {
        s.parameters = { taskBody: s.paths['/tasks'].post.parameters[0] };
        s.paths['/tasks'].post.parameters[0] = { $ref: '#/parameters/taskBody' };
      }),
      pointer: `${STATUS_LIST}/parameters/project/parameterReference`,
      message: /not a parameter of operation 'CreateTask'/,
    },
    {
      name: 'on a reference one of two operations lacks, at its $ref, the other reaching it through another definition',
      edit: definitionList('taskId', updateTask()),
      pointer: '/paths/~1tasks/post/parameters/0/schema',
      message:
        /^The parameter reference 'taskId' is not a parameter of operation 'CreateTask'.* It is passed by the x-ms-dynamic-list at '\/definitions\/TaskInput\/properties\/status', which this operation shows/,
    },
    {
      name: 'on a reference one of two operations lacks, advising its own schema in place of the shared definition',
      edit: definitionList('taskId', updateTask()),
      pointer: '/paths/~1tasks/post/parameters/0/schema',
      message:
        /which this operation shows: give the operation that input, or its own schema in place of the shared definition\.$/,
    },
    {
      name: 'on a reference one of two operations lacks, advising its own schema in place of the shared response',
      edit: sharedResponseSchema('taskId'),
      pointer: '/paths/~1tasks/post/responses/201',
      message:
        /which this operation shows: give the operation that input, or its own schema in place of the shared response\.$/,
    },
    {
      name: "on a dynamic schema in a response definition, at each operation's $ref that lacks the input",
      edit: taskSchema('taskId'),
      pointer: '/paths/~1tasks/get/responses/200/schema/items',
      message: /not a parameter of operation 'ListTasks'/,
      count: 2,
    },
    {
      // Like x-ms-dynamic-schema, x-ms-dynamic-properties asks for a schema, outputs included.
      name: "on dynamic properties in a response definition, at each operation's $ref that lacks the input",
      edit: (s) => {
        taskSchema('taskId')(s);
        const extra = s.definitions.Task.properties.extra;
        extra['x-ms-dynamic-properties'] = extra['x-ms-dynamic-schema'];
        delete extra['x-ms-dynamic-schema'];
      },
      pointer: '/paths/~1tasks/get/responses/200/schema/items',
      message: /not a parameter of operation 'ListTasks'/,
      count: 2,
    },
    {
      name: 'on a reference of the type of the one operation of two alike whose parameter has another type',
      edit: definitionList('taskId', copyTask({ type: 'integer' })),
      pointer: `${STATUS_LIST}/parameters/project`,
      message:
        /^The parameter has type 'string', but operation 'CopyTask' is providing a parameter of type 'integer'\.$/,
    },
    {
      name: 'once for an operation that both sends and returns the definition, counting the others that show it',
      edit: edits(taskSchema('projct'), (s) => {
        s.paths['/tasks'].post.parameters[0].schema = { $ref: '#/definitions/Task' };
      }),
      pointer: '/definitions/Task/properties/extra/x-ms-dynamic-schema/parameters/project/parameter',
      message:
        /^The parameter reference 'projct' is not a parameter of operation 'ListTasks'.* Nor is it one in the 2 other operations that show it\.$/,
    },
    {
      // UpdateTask reaches TaskInput through TaskPatch: its kind is met before CreateTask's.
      name: "naming the document's first operation that shows the definition, before one reaching it through another",
      edit: definitionList('projct', updateTask()),
      pointer: `${STATUS_LIST}/parameters/project/parameterReference`,
      message:
        /^The parameter reference 'projct' is not a parameter of operation 'CreateTask'.* Nor is it one in the other operation that shows it\.$/,
    },
    {
      name: 'on a reference the operations lack that reach the definition through the second of two other definitions',
      edit: definitionList('taskId', edits(updateTask(), archiveTask)),
      pointer: '/paths/~1tasks~1archive/post/parameters/0/schema',
      message: /not a parameter of operation 'ArchiveTask'/,
      count: 2,
    },
    {
      // ArchiveTask and CreateTask list one body parameter each: their bodies' names set them apart.
      name: 'on a reference the body of one of two operations alike in their parameters lacks',
      edit: definitionList('project', archiveTask),
      pointer: '/paths/~1tasks~1archive/post/parameters/0/schema',
      message: /^The parameter reference 'project' is not a parameter of operation 'ArchiveTask'/,
    },
    {
      // The payload is an output of the path item's triggers only: ListHooks does not show it.
      name: "on a dynamic schema in a webhook's payload definition, at the trigger that lacks the input",
      edit: edits(taskSchema('taskId'), webhookBeside),
      pointer: '/paths/~1hooks/post',
      message: /not a parameter of operation 'OnTaskCreated'/,
      count: 3,
    },
    {
      name: "on a definition's misspelt reference, though a $ref met before the one that sends it leads nowhere",
      edit: definitionList('projct', (s) => {
        s.paths['/tasks'].get.responses['200'].schema.items = { $ref: '#/definitions/Missing' };
      }),
      pointer: `${STATUS_LIST}/parameters/project/parameterReference`,
      message: /not a parameter of operation 'CreateTask'/,
    },
    {
      name: 'on a dynamic schema in a definition that references itself',
      edit: edits(taskSchema('taskId'), (s) => {
        s.definitions.Task.properties.subtasks = { type: 'array', items: { $ref: '#/definitions/Task' } };
      }),
      pointer: '/paths/~1tasks/get/responses/200/schema/items',
      count: 2,
    },
  ],
  [
    { name: 'on references every operation that sends the definition has', edit: definitionList('project') },
    {
      name: 'on a reference each operation has, one reaching the definition through another',
      edit: definitionList('taskId', edits(updateTask(), given('taskId', createTask))),
    },
    {
      name: 'on a misspelt reference in a definition that no operation reaches',
      edit: definitionList('projct', (s) => {
        s.paths['/tasks'].post.parameters[0].schema = { type: 'object', properties: {} };
      }),
    },
    {
      // A dropdown is opened in an input's form only: one in an output is never called.
      name: 'on a dropdown in a definition that operations reach from their responses only',
      edit: definitionList('projct', (s) => {
        s.paths['/tasks'].post.parameters[0].schema = { type: 'object', properties: {} };
        s.paths['/tasks/{taskId}'].get.responses['200'].schema = { $ref: '#/definitions/TaskInput' };
      }),
    },
    {
      name: 'on a dropdown written inline in a response, an output no form opens',
      edit: definitionList('projct', (s) => {
        s.paths['/tasks'].post.parameters[0].schema = { type: 'object', properties: {} };
        s.paths['/tasks'].post.responses['201'].schema = structuredClone(s.definitions.TaskInput);
      }),
    },
    {
      name: 'on a reference only an internal operation that reaches the definition lacks',
      edit: definitionList('taskId', edits(updateTask(), internal(createTask))),
    },
    {
      name: 'on a dynamic schema in a response definition whose reference each operation has',
      edit: edits(taskSchema('project'), given('project', createTask), given('project', getTask)),
    },
  ],
);

describeRule(
  'SWG-DYN-INTERNAL-SRC',
  [
    {
      name: "on a definition's reference to a parameter internal in the operation that sends it",
      edit: definitionList('taskId', (s) => {
        updateTask({ 'x-ms-visibility': 'internal' })(s);
        s.paths['/tasks'].post.parameters[0].schema = { type: 'object', properties: {} };
      }),
      pointer: `${STATUS_LIST}/parameters/project`,
      message: /'taskId' in the source operation 'UpdateTask' is internal/,
    },
    {
      name: 'on a reference internal in the one operation of two alike whose parameter is internal',
      edit: definitionList('taskId', copyTask({ 'x-ms-visibility': 'internal' })),
      pointer: `${STATUS_LIST}/parameters/project`,
      message: /'taskId' in the source operation 'CopyTask' is internal/,
    },
  ],
  [
    {
      name: "on a definition's reference to a parameter visible in the operation that sends it",
      edit: definitionList('taskId', updateTask()),
    },
  ],
);

/**
 * A path `/tasks/<name>` whose path item lists a body parameter sending Task, with one POST operation
 * (`operation`) answering `response`.
 */
function pathItemBody(name: string, operation: string, response: Json): SwaggerEdit {
  return (s) => {
    s.paths[`/tasks/${name}`] = {
      parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Task' } }],
      post: { operationId: operation, responses: { '200': { description: 'Done.', ...response } } },
    };
  };
}

it("SWG-DYN-PARAMS tells a definition's reference that some operations lack at each one's own $ref, else at the operation", async () => {
  // Task's dynamic schema passes 'taskId', which only GetTask has. SearchTasks sends Task from its
  // path item and answers it by its own $ref; ExportTasks, the last, only sends it from its path item.
  const findings = await swaggerFindings(
    'SWG-DYN-PARAMS',
    edits(
      taskSchema('taskId'),
      pathItemBody('search', 'SearchTasks', { schema: { $ref: '#/definitions/Task' } }),
      pathItemBody('export', 'ExportTasks', {}),
    ),
  );
  expect(findings.map((f) => [f.pointer, /operation '(\w+)'/.exec(f.message)?.[1]])).toEqual([
    ['/paths/~1tasks/get/responses/200/schema/items', 'ListTasks'],
    ['/paths/~1tasks/post/responses/201/schema', 'CreateTask'],
    ['/paths/~1tasks~1search/post/responses/200/schema', 'SearchTasks'],
    ['/paths/~1tasks~1export/post', 'ExportTasks'],
  ]);
});
