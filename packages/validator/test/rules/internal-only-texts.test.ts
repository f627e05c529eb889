import { describe, expect, it } from '@jest/globals';
import { editableConnector, findingsOf, type EditableConnector, type Loose } from './swagger/rule-cases.js';

/**
 * The valid connector with an internal operation that a visible one never calls (a dynamic-values
 * source, say): `GET /tasks/{taskId}/history`, whose response is `#/responses/History`, whose
 * schema is `History`, whose entries are `Entry`, which holds an `Author`, which holds an `Entry`
 * again. None of them is shown in any designer.
 */
function withInternalOperation(): EditableConnector {
  const connector = editableConnector();
  const swagger = connector.swagger;
  swagger.paths['/tasks/{taskId}/history'] = {
    parameters: [{ $ref: '#/parameters/TaskId' }],
    get: {
      operationId: 'GetHistory',
      'x-ms-visibility': 'internal',
      parameters: [{ name: 'top', in: 'query', type: 'integer', description: 'top' }],
      responses: { '200': { $ref: '#/responses/History' } },
    },
  };
  swagger.parameters = {
    TaskId: { name: 'taskId', in: 'path', type: 'string', required: true, description: 'The task.' },
  };
  swagger.responses = { History: { description: 'The history.', schema: { $ref: '#/definitions/History' } } };
  Object.assign(swagger.definitions, {
    History: {
      type: 'object',
      properties: { entries: { type: 'array', items: { $ref: '#/definitions/Entry' } } },
    },
    Entry: {
      type: 'object',
      properties: { when: { type: 'string' }, author: { $ref: '#/definitions/Author' } },
    },
    Author: {
      type: 'object',
      properties: { name: { type: 'string' }, last: { $ref: '#/definitions/Entry' } },
    },
  });
  return connector;
}

const pointers = async (ruleId: string, connector: EditableConnector): Promise<string[]> =>
  (await findingsOf(ruleId, connector)).map((finding) => finding.pointer ?? '').sort();

describe('SWG-DESC-IS-NAME where only internal operations lead', () => {
  it('leaves the parameters and schemas of an internal operation, and the entries only it reaches', async () => {
    const connector = withInternalOperation();
    const swagger = connector.swagger;
    swagger.definitions.Author.properties.name.description = 'name';
    swagger.definitions.Entry.properties.when.description = 'When';
    swagger.parameters.TaskId.description = 'taskId';
    const internal = swagger.paths['/tasks/{taskId}/history'].get;
    internal.parameters.push({
      name: 'body',
      in: 'body',
      schema: { type: 'object', properties: { filter: { type: 'string', description: 'filter' } } },
    });
    expect(await pointers('SWG-DESC-IS-NAME', connector)).toEqual([]);
  });

  it('leaves the own parameters of a path item whose operations are all internal', async () => {
    const connector = withInternalOperation();
    connector.swagger.paths['/tasks/{taskId}/history'].parameters = [
      { name: 'taskId', in: 'path', type: 'string', required: true, description: 'TaskId' },
    ];
    expect(await pointers('SWG-DESC-IS-NAME', connector)).toEqual([]);
  });

  it('still notes a schema a visible operation reaches too, and one that nothing reaches', async () => {
    const connector = withInternalOperation();
    const swagger = connector.swagger;
    // The visible Task now holds the internal history's Author, through a property.
    swagger.definitions.Task.properties.owner = { $ref: '#/definitions/Author' };
    swagger.definitions.Author.properties.name.description = 'name';
    // Entry is reached back from Author: visible too.
    swagger.definitions.Entry.properties.when.description = 'When';
    swagger.definitions.Unused = {
      type: 'object',
      properties: { code: { type: 'string', description: 'code' } },
    };
    swagger.parameters.TaskId.description = 'taskId';
    expect(await pointers('SWG-DESC-IS-NAME', connector)).toEqual([
      '/definitions/Author/properties/name/description',
      '/definitions/Entry/properties/when/description',
      '/definitions/Unused/properties/code/description',
      // The path item's parameters are its operations', and these are all internal.
    ]);
  });

  it('still notes the parameters and path items of a path with a visible operation beside the internal one', async () => {
    const connector = withInternalOperation();
    const swagger = connector.swagger;
    swagger.parameters.TaskId.description = 'taskId';
    swagger.paths['/tasks/{taskId}/history'].post = {
      operationId: 'AddHistory',
      summary: 'Add a history entry',
      description: 'Adds an entry to the history of a task.',
      responses: { '200': { description: 'Done.' } },
    };
    expect(await pointers('SWG-DESC-IS-NAME', connector)).toEqual(['/parameters/TaskId/description']);
  });

  it("counts what a visible webhook's x-ms-notification-content reaches as seen", async () => {
    const connector = withInternalOperation();
    const swagger = connector.swagger;
    swagger.definitions.Entry.properties.when.description = 'When';
    swagger.paths['/hooks'] = {
      'x-ms-notification-content': { description: 'A new entry.', schema: { $ref: '#/definitions/Entry' } },
      post: {
        operationId: 'OnEntry',
        summary: 'When an entry is added',
        description: 'Triggers when an entry is added to the history of a task.',
        'x-ms-trigger': 'single',
        responses: { '201': { description: 'Created.' } },
      },
    };
    expect(await pointers('SWG-DESC-IS-NAME', connector)).toEqual([
      '/definitions/Entry/properties/when/description',
    ]);
  });

  it("counts a schema inside an internal operation as seen where a visible one's $ref leads into it", async () => {
    const connector = withInternalOperation();
    const swagger = connector.swagger;
    const history = '/paths/~1tasks~1{taskId}~1history/get';
    swagger.paths['/tasks/{taskId}/history'].get.responses['200'] = {
      description: 'The history.',
      schema: {
        type: 'object',
        properties: { code: { type: 'string', description: 'code' }, entry: { $ref: '#/definitions/Entry' } },
      },
    };
    swagger.definitions.Entry.properties.when.description = 'When';
    // A definition that nothing reaches leads into it: still unseen.
    swagger.definitions.Orphan = { $ref: `#${history}/responses/200/schema` };
    expect(await pointers('SWG-DESC-IS-NAME', connector)).toEqual([]);
    // The visible Task holds the internal operation's response schema, and through it an Entry; the
    // internal operation's own parameters stay unseen.
    swagger.definitions.Task.properties.latest = { $ref: `#${history}/responses/200/schema` };
    expect(await pointers('SWG-DESC-IS-NAME', connector)).toEqual([
      '/definitions/Entry/properties/when/description',
      `${history}/responses/200/schema/properties/code/description`,
    ]);
  });

  it('reads an internal visibility written in capitals', async () => {
    const connector = withInternalOperation();
    const internal: Loose = connector.swagger.paths['/tasks/{taskId}/history'].get;
    internal['x-ms-visibility'] = 'Internal';
    connector.swagger.definitions.Author.properties.name.description = 'name';
    expect(await pointers('SWG-DESC-IS-NAME', connector)).toEqual([]);
  });
});

describe('SWG-TEXT-EMPTY where only internal operations lead', () => {
  it('leaves the empty texts of schemas only an internal operation reaches, and notes a shared one', async () => {
    const connector = withInternalOperation();
    const swagger = connector.swagger;
    swagger.definitions.Author.properties.name.description = '';
    swagger.definitions.History.properties.entries.title = ' ';
    expect(await pointers('SWG-TEXT-EMPTY', connector)).toEqual([]);
    swagger.definitions.Task.properties.author = { $ref: '#/definitions/Author' };
    expect(await pointers('SWG-TEXT-EMPTY', connector)).toEqual([
      '/definitions/Author/properties/name/description',
    ]);
  });

  it("notes the empty texts of an internal operation's schema that a visible operation's $ref leads into", async () => {
    const connector = withInternalOperation();
    const swagger = connector.swagger;
    const history = '/paths/~1tasks~1{taskId}~1history/get';
    swagger.paths['/tasks/{taskId}/history'].get.responses['200'] = {
      description: 'The history.',
      schema: { type: 'object', properties: { note: { type: 'string', description: '' } } },
    };
    expect(await pointers('SWG-TEXT-EMPTY', connector)).toEqual([]);
    swagger.paths['/tasks'].get.responses['200'].schema.items = { $ref: `#${history}/responses/200/schema` };
    expect(await pointers('SWG-TEXT-EMPTY', connector)).toEqual([
      `${history}/responses/200/schema/properties/note/description`,
    ]);
  });
});
