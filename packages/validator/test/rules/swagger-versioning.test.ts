import { describeRule, VALID, type SwaggerEdit } from '../helpers/swagger-cases.js';

const LIST = '/paths/~1tasks/get';
const ANNOTATION = `${LIST}/x-ms-api-annotation`;

/** Adds revision `revision` of the ListTasks family as GET /v{revision}/tasks. */
function addRevision(revision: number | undefined, extra: Record<string, unknown> = {}): SwaggerEdit {
  return (s) => {
    const operation = structuredClone(s.paths['/tasks'].get);
    operation.operationId = `ListTasks_V${revision ?? 'X'}`;
    operation['x-ms-api-annotation'] = {
      family: 'ListTasks',
      ...(revision === undefined ? {} : { revision }),
    };
    Object.assign(operation, extra);
    s.paths[`/v${revision ?? 'x'}/tasks`] = { get: operation };
  };
}

function annotate(annotation: Record<string, unknown>, deprecated = false): SwaggerEdit {
  return (s) => {
    s.paths['/tasks'].get['x-ms-api-annotation'] = annotation;
    if (deprecated) s.paths['/tasks'].get.deprecated = true;
  };
}

const both =
  (...edits: SwaggerEdit[]): SwaggerEdit =>
  (s) =>
    edits.forEach((edit) => edit(s));

const replacement = { api: 'contoso', operationId: 'ListTasks_V2' };

describeRule(
  'SWG-ANN-REPL-DEPRECATED',
  [
    {
      name: 'on a replacement of an active operation',
      edit: annotate({ replacement }),
      pointer: `${ANNOTATION}/replacement`,
    },
  ],
  [VALID, { name: 'on a deprecated operation', edit: annotate({ replacement }, true) }],
);

describeRule(
  'SWG-ANN-REPL-API',
  [
    {
      name: 'on a replacement without api',
      edit: annotate({ replacement: { operationId: 'ListTasks_V2' } }, true),
      pointer: `${ANNOTATION}/replacement`,
      message: /must specify 'api'/,
    },
  ],
  [VALID, { name: 'on a full replacement', edit: annotate({ replacement }, true) }],
);

describeRule(
  'SWG-ANN-REPL-OPID',
  [
    {
      name: 'on a replacement without operationId',
      edit: annotate({ replacement: { api: 'contoso' } }, true),
      pointer: `${ANNOTATION}/replacement`,
      message: /must specify 'operationId'/,
    },
  ],
  [VALID, { name: 'on a full replacement', edit: annotate({ replacement }, true) }],
);

describeRule(
  'SWG-FAMILY-DUP-REV',
  [
    {
      name: 'on two revision 2s',
      edit: both(
        addRevision(2),
        (s) => (s.paths['/tasks'].get['x-ms-api-annotation'] = { family: 'ListTasks', revision: 2 }),
      ),
      pointer: '/paths/~1v2~1tasks/get/x-ms-api-annotation/family',
    },
  ],
  [
    VALID,
    {
      name: 'on revisions 1 and 2',
      edit: both(annotate({ family: 'ListTasks', revision: 1 }), addRevision(2)),
    },
  ],
);

describeRule(
  'SWG-FAMILY-ACTIVE',
  [
    {
      name: 'on three active operations',
      edit: both(annotate({ family: 'ListTasks', revision: 1 }), addRevision(2), addRevision(3)),
      pointer: '/paths/~1v3~1tasks/get/x-ms-api-annotation/family',
      message: /more than two active operations/,
    },
  ],
  [
    {
      name: 'when the oldest is deprecated',
      edit: both(annotate({ family: 'ListTasks', revision: 1 }, true), addRevision(2), addRevision(3)),
    },
  ],
);

describeRule(
  'SWG-FAMILY-PROD',
  [
    {
      name: 'on two active Production revisions',
      edit: both(
        annotate({ family: 'ListTasks', revision: 1, status: 'Production' }),
        addRevision(2, { 'x-ms-api-annotation': { family: 'ListTasks', revision: 2, status: 'Production' } }),
      ),
      pointer: '/paths/~1v2~1tasks/get/x-ms-api-annotation/family',
    },
  ],
  [
    {
      name: 'when the older one is deprecated',
      edit: both(
        annotate({ family: 'ListTasks', revision: 1, status: 'Production' }, true),
        addRevision(2, { 'x-ms-api-annotation': { family: 'ListTasks', revision: 2, status: 'Production' } }),
      ),
    },
  ],
);

describeRule(
  'SWG-FAMILY-EMPTY-REV',
  [
    {
      name: 'on two members without revision',
      edit: both(annotate({ family: 'ListTasks' }), addRevision(undefined)),
      pointer: '/paths/~1vx~1tasks/get/x-ms-api-annotation/family',
    },
  ],
  [{ name: 'on one member without revision', edit: both(annotate({ family: 'ListTasks' }), addRevision(2)) }],
);

describeRule(
  'SWG-REV-EMPTY',
  [
    {
      name: 'on an empty-string revision',
      edit: annotate({ family: 'ListTasks', revision: '' }),
      pointer: `${ANNOTATION}/revision`,
      message: /'ListTasks' does not specify a revision/,
    },
  ],
  [
    VALID,
    { name: 'on revision 1', edit: annotate({ family: 'ListTasks', revision: 1 }) },
    { name: 'on a family without revision', edit: annotate({ family: 'ListTasks' }) },
  ],
);

describeRule(
  'SWG-OPID-REV-SUFFIX',
  [
    {
      name: 'on revision 2 without _V2',
      edit: addRevision(2, { operationId: 'ListTasksNew' }),
      pointer: '/paths/~1v2~1tasks/get/operationId',
      severity: 'warning',
      message: /should end with revision suffix '_V2'/,
    },
  ],
  [VALID, { name: 'on ListTasks_V2', edit: addRevision(2) }],
);

describeRule(
  'SWG-DEPRECATED-LABEL',
  [
    {
      name: 'on a deprecated operation without the label',
      edit: (s) => (s.paths['/tasks'].get.deprecated = true),
      pointer: `${LIST}/summary`,
      severity: 'warning',
      message:
        /^The operation 'ListTasks' is deprecated; append "\(deprecated\)" to its summary and description\.$/,
    },
    {
      name: 'naming the summary alone when the description has the label',
      edit: (s) => {
        s.paths['/tasks'].get.deprecated = true;
        s.paths['/tasks'].get.description = 'Lists the tasks (deprecated: use Search tasks).';
      },
      pointer: `${LIST}/summary`,
      severity: 'warning',
      message: /^The operation 'ListTasks' is deprecated; append "\(deprecated\)" to its summary\.$/,
    },
  ],
  [
    VALID,
    {
      name: 'on "(deprecated)" in the summary',
      edit: (s) => {
        s.paths['/tasks'].get.deprecated = true;
        s.paths['/tasks'].get.summary = 'List tasks (deprecated)';
      },
    },
    {
      // 11 corpus findings: an internal operation is in no designer, so no maker reads the label.
      name: 'on a deprecated internal operation',
      edit: (s) => {
        s.paths['/tasks'].get.deprecated = true;
        s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      },
    },
  ],
);
