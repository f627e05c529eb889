import { describe, expect, it } from '@jest/globals';
import { inputSchemaFindings } from '../../src/rules/swagger/input-schemas.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

type Loose = Record<string, unknown>;

/** A swagger whose one operation takes `body` as its body, with the given root keys besides. */
function swaggerWithBody(body: Loose, root: Loose = {}, path = '/tasks'): SwaggerModel {
  return new SwaggerModel({
    swagger: '2.0',
    info: { title: 'Tasks', version: '1.0' },
    paths: {
      [path]: {
        post: {
          parameters: [{ name: 'body', in: 'body', required: true, schema: body }],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    ...root,
  });
}

const requiredReadOnly: Loose = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', readOnly: true } },
};

function pointersOf(model: SwaggerModel) {
  const findings = inputSchemaFindings(model);
  return {
    requiredReadOnly: findings.requiredReadOnly.map((node) => node.pointer),
    nestedBinary: findings.nestedBinary.map((node) => node.pointer),
  };
}

describe('the request-body schemas reported by the input rules', () => {
  it('are none when no schema is read-only or binary', () => {
    const model = swaggerWithBody(
      { $ref: '#/definitions/Task' },
      {
        definitions: { Task: { type: 'object', properties: { id: { type: 'string' } } } },
      },
    );
    expect(pointersOf(model)).toEqual({ requiredReadOnly: [], nestedBinary: [] });
  });

  it("are none when read-only and binary schemas are only a response's, readOnly false, or a body itself", () => {
    const model = swaggerWithBody(
      { type: 'string', format: 'binary' },
      {
        definitions: { Task: { type: 'object', properties: { id: { type: 'string', readOnly: false } } } },
        responses: {
          Task: {
            description: 'ok',
            schema: { ...requiredReadOnly, properties: { file: { format: 'binary' } } },
          },
        },
      },
    );
    expect(pointersOf(model)).toEqual({ requiredReadOnly: [], nestedBinary: [] });
  });

  it("include a response's read-only and binary schemas that a body reaches through a $ref", () => {
    const model = swaggerWithBody(
      { type: 'object', properties: { task: { $ref: '#/responses/Task/schema' } } },
      {
        responses: {
          Task: {
            description: 'ok',
            schema: {
              ...requiredReadOnly,
              properties: {
                ...(requiredReadOnly.properties as Loose),
                file: { type: 'string', format: 'binary' },
              },
            },
          },
        },
      },
    );
    expect(pointersOf(model)).toEqual({
      requiredReadOnly: ['/responses/Task/schema/properties/id'],
      nestedBinary: ['/responses/Task/schema/properties/file'],
    });
  });

  it('include a binary schema nested in a body, and a binary definition a body holds', () => {
    const model = swaggerWithBody(
      {
        type: 'object',
        properties: { file: { type: 'string', format: 'binary' }, doc: { $ref: '#/definitions/Doc' } },
      },
      { definitions: { Doc: { type: 'string', format: 'binary' } } },
    );
    expect(pointersOf(model).nestedBinary).toEqual([
      '/paths/~1tasks/post/parameters/0/schema/properties/file',
      '/definitions/Doc',
    ]);
  });

  it('include a definition met through a $ref, at its own place', () => {
    const model = swaggerWithBody(
      { $ref: '#/definitions/Task' },
      { definitions: { Task: requiredReadOnly } },
    );
    expect(pointersOf(model).requiredReadOnly).toEqual(['/definitions/Task/properties/id']);
  });

  it('include what a schema $ref finds outside the definitions (a parameter read as a schema)', () => {
    const model = swaggerWithBody(
      { type: 'object', properties: { file: { $ref: '#/parameters/File' } } },
      { parameters: { File: { name: 'file', in: 'formData', type: 'string', format: 'binary' } } },
    );
    expect(pointersOf(model).nestedBinary).toEqual(['/parameters/File']);
  });

  it('include what a $ref finds in a definitions list written as an array', () => {
    const model = swaggerWithBody({ $ref: '#/definitions/0' }, { definitions: [requiredReadOnly] });
    expect(pointersOf(model).requiredReadOnly).toEqual(['/definitions/0/properties/id']);
  });

  it('include the body of an operation under an x- path key, which the model lists', () => {
    const model = swaggerWithBody(requiredReadOnly, {}, 'x-tasks');
    expect(pointersOf(model).requiredReadOnly).toEqual([
      '/paths/x-tasks/post/parameters/0/schema/properties/id',
    ]);
  });

  it('include the body of an operation under an x- path key listed after other paths', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      info: { title: 'Tasks', version: '1.0' },
      paths: {
        '/tasks': { get: { responses: { '200': { description: 'ok' } } } },
        'x-notes': 'not a path item',
        'x-tasks': {
          post: {
            parameters: [{ name: 'body', in: 'body', required: true, schema: requiredReadOnly }],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    });
    expect(pointersOf(model).requiredReadOnly).toEqual([
      '/paths/x-tasks/post/parameters/0/schema/properties/id',
    ]);
  });

  it('include the body of a parameter whose $ref is not a string', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      info: { title: 'Tasks', version: '1.0' },
      paths: {
        '/tasks': {
          post: {
            parameters: [{ $ref: 1, name: 'body', in: 'body', schema: requiredReadOnly }],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    });
    expect(pointersOf(model).requiredReadOnly).toEqual([
      '/paths/~1tasks/post/parameters/0/schema/properties/id',
    ]);
  });

  it('include the body of a parameter found through a $ref outside the parameters', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      info: { title: 'Tasks', version: '1.0' },
      paths: {
        '/tasks': {
          post: {
            parameters: [{ $ref: '#/x-shared/body' }],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
      'x-shared': { body: { name: 'body', in: 'body', schema: requiredReadOnly } },
    });
    expect(pointersOf(model).requiredReadOnly).toEqual(['/x-shared/body/schema/properties/id']);
  });
});
