import { describe, expect, it } from '@jest/globals';
import { describeRule, swaggerFindings, VALID, type SwaggerEdit } from '../helpers/swagger-cases.js';

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

/** Adds a copy of ListTasks as it is now, under another operationId, at GET `path`. */
function activeCopy(path: string, operationId: string): SwaggerEdit {
  return (s) => void (s.paths[path] = { get: { ...structuredClone(s.paths['/tasks'].get), operationId } });
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
    {
      name: 'on an empty api',
      edit: annotate({ replacement: { ...replacement, api: '' } }, true),
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
    {
      name: 'on an operationId that is no string',
      edit: annotate({ replacement: { ...replacement, operationId: 2 } }, true),
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
    {
      // Missing or 0, a revision is empty: SWG-FAMILY-EMPTY-REV's.
      name: 'on two members without revision',
      edit: both(annotate({ family: 'ListTasks' }), addRevision(undefined)),
    },
    {
      name: 'on two members of revision 0',
      edit: both(annotate({ family: 'ListTasks', revision: 0 }), addRevision(0)),
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
      name: 'on one active Production revision beside a Preview one',
      edit: both(
        annotate({ family: 'ListTasks', revision: 1, status: 'Production' }),
        addRevision(2, { 'x-ms-api-annotation': { family: 'ListTasks', revision: 2, status: 'Preview' } }),
      ),
    },
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
    {
      // Revision 0 is the service's unset integer: empty, like a missing one.
      name: 'on a member of revision 0 beside one without revision',
      edit: both(annotate({ family: 'ListTasks' }), addRevision(0)),
      pointer: '/paths/~1v0~1tasks/get/x-ms-api-annotation/family',
    },
  ],
  [
    { name: 'on one member without revision', edit: both(annotate({ family: 'ListTasks' }), addRevision(2)) },
    {
      name: 'on one member without revision beside revision 1',
      edit: both(annotate({ family: 'ListTasks' }), addRevision(1)),
    },
  ],
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
    {
      name: 'on a fractional revision',
      edit: annotate({ family: 'ListTasks', revision: 1.5 }),
      pointer: `${ANNOTATION}/revision`,
    },
    {
      name: 'on a negative revision',
      edit: annotate({ family: 'ListTasks', revision: -1 }),
      pointer: `${ANNOTATION}/revision`,
    },
  ],
  [
    VALID,
    { name: 'on revision 1', edit: annotate({ family: 'ListTasks', revision: 1 }) },
    { name: 'on revision 0', edit: annotate({ family: 'ListTasks', revision: 0 }) },
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
  [
    VALID,
    { name: 'on ListTasks_V2', edit: addRevision(2) },
    { name: 'on revision 1 without a suffix', edit: annotate({ family: 'ListTasks', revision: 1 }) },
  ],
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
      // Deprecated as meant: SWG-JSONTYPE tells the string (and --fix writes true).
      name: 'on an operation deprecated "true", without the label',
      edit: (s) => (s.paths['/tasks'].get.deprecated = 'true'),
      pointer: `${LIST}/summary`,
      severity: 'warning',
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
    {
      name: 'naming the summary alone when the description has the label in capitals',
      edit: (s) => {
        s.paths['/tasks'].get.deprecated = true;
        s.paths['/tasks'].get.description = 'Lists the tasks (Deprecated).';
      },
      pointer: `${LIST}/summary`,
      severity: 'warning',
      message: /to its summary\.$/,
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
      name: 'on "(Deprecated)" in capitals',
      edit: (s) => {
        s.paths['/tasks'].get.deprecated = true;
        s.paths['/tasks'].get.summary = 'List tasks (Deprecated)';
      },
    },
    {
      name: 'on a deprecated operation without a summary',
      edit: (s) => {
        s.paths['/tasks'].get.deprecated = true;
        delete s.paths['/tasks'].get.summary;
      },
    },
  ],
);

describe('SWG-DEPRECATED-LABEL of an internal operation', () => {
  /** Gives GetTask a `kind` parameter whose values an x-ms-dynamic-values call to `operationId` lists. */
  const valuesFrom = (s: Record<string, any>, operationId: string): void => {
    s.paths['/tasks/{taskId}'].get.parameters.push({
      name: 'kind',
      in: 'query',
      type: 'string',
      'x-ms-dynamic-values': { operationId, 'value-path': 'id' },
    });
  };

  // 11 corpus findings (3 certified connectors): no new flow picks it, but the flows built on it
  // before it was hidden show its card, summary included.
  it('is info, and says why', async () => {
    const findings = await swaggerFindings('SWG-DEPRECATED-LABEL', (s) => {
      s.paths['/tasks'].get.deprecated = true;
      s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
    });
    expect(findings.map(({ severity, pointer, message }) => ({ severity, pointer, message }))).toEqual([
      {
        severity: 'info',
        pointer: `${LIST}/summary`,
        message:
          'The operation \'ListTasks\' is deprecated; append "(deprecated)" to its summary and description. Hidden as it is, the flows that use it still show its summary.',
      },
    ]);
  });

  // 8 of those 11 corpus operations are dropdown or schema helpers, which no flow shows as a card.
  it('is quiet on one that an x-ms-dynamic-values call targets', async () => {
    const helper: SwaggerEdit = (s) => {
      s.paths['/tasks'].get.deprecated = true;
      s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      valuesFrom(s, 'ListTasks');
    };
    expect(await swaggerFindings('SWG-DEPRECATED-LABEL', helper)).toEqual([]);
  });

  it('is still info on one beside a dynamic call that targets another operation', async () => {
    const findings = await swaggerFindings('SWG-DEPRECATED-LABEL', (s) => {
      s.paths['/tasks'].get.deprecated = true;
      s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      valuesFrom(s, 'CreateTask');
    });
    expect(findings.map(({ severity, pointer }) => ({ severity, pointer }))).toEqual([
      { severity: 'info', pointer: `${LIST}/summary` },
    ]);
  });

  // A visible one keeps its card, whatever else calls it.
  it('is a warning on a visible one that an x-ms-dynamic-values call targets', async () => {
    const findings = await swaggerFindings('SWG-DEPRECATED-LABEL', (s) => {
      s.paths['/tasks'].get.deprecated = true;
      valuesFrom(s, 'ListTasks');
    });
    expect(findings.map(({ severity, pointer }) => ({ severity, pointer }))).toEqual([
      { severity: 'warning', pointer: `${LIST}/summary` },
    ]);
  });

  it('is quiet once labelled', async () => {
    const labelled = await swaggerFindings('SWG-DEPRECATED-LABEL', (s) => {
      const operation = s.paths['/tasks'].get;
      operation.deprecated = true;
      operation['x-ms-visibility'] = 'internal';
      operation.summary += ' (deprecated)';
      operation.description += ' (deprecated)';
    });
    expect(labelled).toEqual([]);
  });
});

/** ListTasks with `annotation`, and ListTasks_V2 (GET /v2/tasks) with `v2Annotation`; none where undefined. */
function withV2(
  annotation: Record<string, unknown> | undefined,
  v2Annotation: Record<string, unknown> | undefined,
  v2Id = 'ListTasks_V2',
): SwaggerEdit {
  return (s) => {
    const operation = structuredClone(s.paths['/tasks'].get);
    if (annotation) s.paths['/tasks'].get['x-ms-api-annotation'] = annotation;
    operation.operationId = v2Id;
    if (v2Annotation) operation['x-ms-api-annotation'] = v2Annotation;
    s.paths['/v2/tasks'] = { get: operation };
  };
}

const V2_ANNOTATION = '/paths/~1v2~1tasks/get/x-ms-api-annotation';

describeRule(
  'SWG-OPID-SUFFIX-FAMILY',
  [
    {
      name: 'on a misspelt family',
      edit: withV2({ family: 'ListTasks', revision: 1 }, { family: 'ListTask', revision: 2 }),
      pointer: V2_ANNOTATION,
      severity: 'warning',
      message:
        /^The operation 'ListTasks_V2' is named as a new version of 'ListTasks', but is in the family 'ListTask', not in 'ListTasks': set "family": "ListTasks" and "revision": 2 in its "x-ms-api-annotation", so that the designer offers it as the newer version\.$/,
    },
    {
      name: 'on the revision of the earlier one, kept (an empty revision is 1)',
      edit: withV2({ family: 'ListTasks' }, { family: 'ListTasks', revision: 1 }),
      pointer: V2_ANNOTATION,
      severity: 'warning',
      message:
        /has revision 1 of the family 'ListTasks', not one above 1: set "family": "ListTasks" and "revision": 2/,
    },
    {
      name: 'on an annotation without a family, the earlier one in the family of its operationId',
      edit: withV2(undefined, { status: 'Preview' }),
      pointer: V2_ANNOTATION,
      severity: 'warning',
      message: /has no family in its x-ms-api-annotation: set "family": "ListTasks" and "revision": 2/,
    },
    {
      name: 'at info for a custom connector',
      edit: withV2(undefined, { family: 'Tasks', revision: 2 }),
      pointer: V2_ANNOTATION,
      severity: 'info',
      profile: 'custom',
    },
  ],
  [
    VALID,
    {
      name: 'on the version in the family at its revision',
      edit: withV2({ family: 'ListTasks', revision: 1 }, { family: 'ListTasks', revision: 2 }),
    },
    {
      name: 'on a version linked by the default family of the earlier one (its operationId)',
      edit: withV2(undefined, { family: 'ListTasks', revision: 2 }),
    },
    // monday's GetTags_V2 (merged): maybe a new operation of a like name; the diff asks for the link.
    {
      name: 'on a version without any annotation',
      edit: withV2({ family: 'ListTasks', revision: 1 }, undefined),
    },
    // PDF4me's CreateThumbnail_V3 (merged): SWG-OPID-REV-SUFFIX tells the suffix and revision apart.
    {
      name: 'on a revision that disagrees with the suffix',
      edit: withV2({ family: 'ListTasks', revision: 1 }, { family: 'Thumbnails', revision: 3 }),
    },
    {
      name: 'on a newer revision of another family with an earlier member',
      edit: (s) => {
        withV2({ family: 'ListTasks', revision: 1 }, { family: 'Tasks', revision: 2 })(s);
        s.paths['/tasks'].post['x-ms-api-annotation'] = { family: 'Tasks', revision: 1 };
      },
    },
    {
      name: "on a revision that is no number (SWG-REV-EMPTY's)",
      edit: withV2({ family: 'ListTasks', revision: 1 }, { revision: '' }),
    },
    {
      name: "on revision 2 named as version 3 (SWG-OPID-REV-SUFFIX's)",
      edit: withV2(
        { family: 'ListTasks', revision: 1 },
        { family: 'Thumbnails', revision: 2 },
        'ListTasks_V3',
      ),
    },
    {
      name: 'when the earlier one already has the revision of the suffix',
      edit: withV2({ family: 'ListTasks', revision: 2 }, { family: 'Thumbnails', revision: 2 }),
    },
    {
      name: "when the earlier one's revision is no number",
      edit: withV2({ family: 'ListTasks', revision: '' }, { family: 'Thumbnails', revision: 2 }),
    },
    {
      name: 'on a name without an earlier version',
      edit: withV2(undefined, { family: 'Lists', revision: 2 }, 'ListLists_V2'),
    },
  ],
);

describeRule(
  'SWG-ANN-REPL-TARGET',
  [
    {
      name: "on an operationId of no operation, while the api is the folder's name",
      edit: annotate({ replacement: { api: 'contoso', operationId: 'GetTasks' } }, true),
      pointer: `${ANNOTATION}/replacement/operationId`,
      message:
        /^The replacement of the operation 'ListTasks' names 'GetTasks', which is no operation of this swagger: set its operationId to 'GetTask'\.$/,
    },
    {
      name: "on one while the api is the title's name",
      edit: annotate({ replacement: { api: 'contosotasks', operationId: 'SearchTasks' } }, true),
      pointer: `${ANNOTATION}/replacement/operationId`,
      message:
        /names 'SearchTasks', which is no operation of this swagger: set its operationId to that of the operation that replaces it\.$/,
    },
    {
      name: 'on one without an api: it can only be here',
      edit: annotate({ replacement: { operationId: 'GetTasks' } }, true),
      pointer: `${ANNOTATION}/replacement/operationId`,
    },
    {
      name: 'on the deprecated operation itself',
      edit: annotate({ replacement: { api: 'contoso', operationId: 'ListTasks' } }, true),
      pointer: `${ANNOTATION}/replacement/operationId`,
      message:
        /^The replacement of the operation 'ListTasks' names 'ListTasks', which is the operation itself: set its operationId to that of the operation that replaces it\.$/,
    },
    {
      name: 'on the deprecated operation itself, advising its newer revision over a closer name',
      edit: both(
        // Copies first: they copy ListTasks as it is before it is deprecated.
        addRevision(2),
        activeCopy('/task-list', 'ListTask'),
        annotate(
          { family: 'ListTasks', revision: 1, replacement: { api: 'contoso', operationId: 'ListTasks' } },
          true,
        ),
      ),
      pointer: `${ANNOTATION}/replacement/operationId`,
      message: /names 'ListTasks', which is the operation itself: set its operationId to 'ListTasks_V2'\.$/,
    },
    {
      name: 'on the deprecated operation itself, advising the later version named as one',
      edit: both(
        activeCopy('/v3/tasks', 'ListTasks_V3'),
        activeCopy('/task-list', 'ListTask'),
        annotate({ replacement: { api: 'contoso', operationId: 'ListTasks' } }, true),
      ),
      pointer: `${ANNOTATION}/replacement/operationId`,
      message: /which is the operation itself: set its operationId to 'ListTasks_V3'\.$/,
    },
    {
      name: 'on another deprecated operation, advising the newer version of the one named',
      edit: both(
        addRevision(2, { deprecated: true }),
        addRevision(3),
        // Closer to 'ListTasks_V2' by name than 'ListTasks_V3' is.
        activeCopy('/task-v2', 'ListTasks_v2'),
        annotate(
          { family: 'ListTasks', revision: 1, replacement: { api: 'contoso', operationId: 'ListTasks_V2' } },
          true,
        ),
      ),
      pointer: `${ANNOTATION}/replacement/operationId`,
      message: /names 'ListTasks_V2', which is deprecated too: set its operationId to 'ListTasks_V3'\.$/,
    },
    {
      name: 'on another deprecated operation',
      edit: both(annotate({ replacement: { api: 'contoso', operationId: 'GetTask' } }, true), (s) => {
        s.paths['/tasks/{taskId}'].get.deprecated = true;
      }),
      pointer: `${ANNOTATION}/replacement/operationId`,
      message:
        /names 'GetTask', which is deprecated too: set its operationId to that of the operation that replaces it\.$/,
    },
    {
      name: 'as a warning for a custom connector',
      edit: annotate({ replacement: { api: 'Contoso', operationId: 'GetTasks' } }, true),
      pointer: `${ANNOTATION}/replacement/operationId`,
      severity: 'warning',
      profile: 'custom',
    },
  ],
  [
    VALID,
    {
      name: 'on an operation of the swagger',
      edit: annotate({ replacement: { api: 'contoso', operationId: 'GetTask' } }, true),
    },
    {
      name: "on another connector's operation",
      edit: annotate({ replacement: { api: 'contosoplanner', operationId: 'GetPlannerTask' } }, true),
    },
    // SWG-ANN-REPL-OPID's.
    {
      name: 'on a replacement without operationId',
      edit: annotate({ replacement: { api: 'contoso' } }, true),
    },
  ],
);
