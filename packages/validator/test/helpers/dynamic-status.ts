import type { SwaggerEdit } from './swagger-cases.js';

/**
 * GET /statuses (ListStatuses) needs a `project` query parameter and returns `{ value: [{ id, name }] }`;
 * the `status` parameter of ListTasks gets its values from it, with `call` merged into the extension.
 */
export function dynamicStatus(call: Record<string, unknown> = {}, more: SwaggerEdit = () => {}): SwaggerEdit {
  return (s) => {
    s.paths['/statuses'] = {
      get: {
        operationId: 'ListStatuses',
        'x-ms-visibility': 'internal',
        parameters: [{ name: 'project', in: 'query', required: true, type: 'string' }],
        responses: {
          '200': {
            description: 'OK',
            schema: {
              type: 'object',
              properties: {
                value: {
                  type: 'array',
                  items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    };
    s.paths['/tasks'].get.parameters.push({
      name: 'project',
      in: 'query',
      type: 'string',
      'x-ms-summary': 'Project',
      description: 'The project.',
    });
    s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values'] = {
      operationId: 'ListStatuses',
      parameters: { project: { parameter: 'project' } },
      'value-collection': 'value',
      'value-path': 'id',
      'value-title': 'name',
      ...call,
    };
    more(s);
  };
}

/**
 * Gives the `status` parameter of ListTasks `extension` (x-ms-dynamic-list, x-ms-dynamic-schema…)
 * calling ListStatuses for its project, with `fields` besides: for use as dynamicStatus's `more`.
 */
export function statusCall(extension: string, fields: Record<string, unknown>): SwaggerEdit {
  return (s) => {
    s.paths['/tasks'].get.parameters[0][extension] = {
      operationId: 'ListStatuses',
      parameters: { project: { parameter: 'project' } },
      ...fields,
    };
  };
}
