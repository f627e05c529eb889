import { describe, expect, it } from '@jest/globals';
import { structureOf } from '../../src/rules/swagger/structure.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';
import { HolderKey } from '../../src/rules/operations/holder-key-bits.js';

function structure(definitions: Record<string, unknown>) {
  return structureOf(
    new SwaggerModel({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {}, definitions }),
  );
}

describe('structureOf', () => {
  it('descends into the children of a schema that have the right type, and reports the others', () => {
    const { schemas, typeIssues, byKind } = structure({
      Good: {
        properties: { id: { type: 'string' } },
        items: { type: 'string' },
        additionalProperties: { type: 'integer' },
        allOf: [{ type: 'object' }],
        xml: { name: 'good' },
        externalDocs: { url: 'https://example.com' },
      },
      Bad: { properties: [], items: [{ type: 'string' }], additionalProperties: 'yes', allOf: {}, xml: [] },
    });
    expect(schemas.map((node) => node.pointer)).toEqual([
      '/definitions/Good',
      '/definitions/Good/properties/id',
      '/definitions/Good/items',
      '/definitions/Good/additionalProperties',
      '/definitions/Good/allOf/0',
      '/definitions/Bad',
    ]);
    expect(
      [...byKind.values()]
        .flat()
        .filter((node) => node.kind !== 'schema')
        .map((node) => `${node.kind} ${node.pointer}`),
    ).toEqual([
      'root ',
      'info /info',
      'xml /definitions/Good/xml',
      'externalDocs /definitions/Good/externalDocs',
    ]);
    expect(typeIssues.map((issue) => `${issue.pointer} ${issue.expected} ${issue.actual}`)).toEqual([
      '/definitions/Bad/properties Object Array',
      '/definitions/Bad/items Object Array',
      '/definitions/Bad/additionalProperties Object String',
      '/definitions/Bad/allOf Array Object',
      '/definitions/Bad/xml Object Array',
      // Once by the type check of the field, once as the Swagger 2.0 form of a tuple.
      '/definitions/Bad/items Object Array',
    ]);
  });

  it('lists the keys beside a $ref only when asked', () => {
    const { refs } = structure({
      Plain: { $ref: '#/definitions/Other' },
      Described: { description: 'x', $ref: '#/definitions/Other', title: 'y' },
      Other: { type: 'string' },
    });
    expect(refs.map((use) => [use.pointer, use.hasSiblings, use.siblings])).toEqual([
      ['/definitions/Plain', false, []],
      ['/definitions/Described', true, ['description', 'title']],
    ]);
  });

  it('checks each field against the JSON types Swagger 2.0 allows for it', () => {
    const { typeIssues } = structure({
      Fine: {
        maximum: 1.5,
        minimum: 2,
        maxLength: 3,
        default: null,
        example: [1],
        additionalProperties: false,
        readOnly: true,
      },
      Wrong: {
        maximum: '10',
        maxLength: 1.5,
        readOnly: null,
        additionalProperties: 1,
        required: {},
        title: 7,
        enum: 'a',
      },
    });
    expect(typeIssues.map((issue) => `${issue.pointer} ${issue.expected} ${issue.actual}`)).toEqual([
      '/definitions/Wrong/maximum Float String',
      '/definitions/Wrong/maxLength Integer Float',
      '/definitions/Wrong/readOnly Boolean Null',
      '/definitions/Wrong/additionalProperties Object Integer',
      '/definitions/Wrong/required Array Object',
      '/definitions/Wrong/title String Integer',
      '/definitions/Wrong/enum Array String',
    ]);
  });

  it("records a schema's $ref, and a $ref that is not a string as a type issue", () => {
    const { refs, typeIssues } = structure({
      Named: { $ref: '#/definitions/Other' },
      Numbered: { $ref: 5 },
      Other: { type: 'object', properties: { inner: { $ref: '#/definitions/Named' } } },
    });
    expect(refs.map((use) => `${use.pointer} ${use.ref}`)).toEqual([
      '/definitions/Named #/definitions/Other',
      '/definitions/Other/properties/inner #/definitions/Named',
    ]);
    // Once by the type check of the schema's field, once as the reference it cannot be.
    expect(typeIssues.map((issue) => `${issue.pointer} ${issue.expected} ${issue.actual}`)).toEqual([
      '/definitions/Numbered/$ref String Integer',
      '/definitions/Numbered/$ref String Integer',
    ]);
  });

  it('descends into the fields of every kind that have the right type, each into its own', () => {
    const { byKind, typeIssues } = structureOf(
      new SwaggerModel({
        swagger: '2.0',
        info: { title: 't', version: '1', contact: { name: 'c' }, license: [] },
        externalDocs: { url: 'https://example.com' },
        tags: [{ name: 'a', externalDocs: { url: 'https://example.com' } }, 'b'],
        paths: {
          '/a': {
            parameters: [{ name: 'p', in: 'query', type: 'array', items: { type: 'string' } }],
            put: [],
            post: {
              externalDocs: 'no',
              parameters: [{ name: 'b', in: 'body', schema: { type: 'string' } }],
              responses: {
                '200': { schema: [], headers: { h: { type: 'array', items: { type: 'string' } } } },
              },
              security: [{ auth: [] }, { auth: 'read' }],
            },
            get: { parameters: {}, responses: [], security: {} },
          },
        },
        securityDefinitions: { auth: { type: 'oauth2', scopes: { read: 'r', write: 1 } } },
      }),
    );
    expect([...byKind.values()].flat().map((node) => `${node.kind} ${node.pointer}`)).toEqual([
      'root ',
      'info /info',
      'contact /info/contact',
      'externalDocs /externalDocs',
      'externalDocs /tags/0/externalDocs',
      'tag /tags/0',
      'pathItem /paths/~1a',
      'parameter /paths/~1a/parameters/0',
      'parameter /paths/~1a/post/parameters/0',
      'items /paths/~1a/parameters/0/items',
      'items /paths/~1a/post/responses/200/headers/h/items',
      'operation /paths/~1a/get',
      'operation /paths/~1a/post',
      'response /paths/~1a/post/responses/200',
      'header /paths/~1a/post/responses/200/headers/h',
      'securityScheme /securityDefinitions/auth',
      'schema /paths/~1a/post/parameters/0/schema',
    ]);
    expect(typeIssues.map((issue) => `${issue.pointer} ${issue.expected} ${issue.actual}`)).toEqual([
      '/info/license Object Array',
      '/tags/1 Object String',
      '/paths/~1a/put Object Array',
      '/paths/~1a/get/parameters Array Object',
      '/paths/~1a/get/responses Object Array',
      '/paths/~1a/get/security Array Object',
      '/paths/~1a/post/externalDocs Object String',
      '/paths/~1a/post/responses/200/schema Object Array',
      '/paths/~1a/post/security/1/auth Array String',
      '/securityDefinitions/auth/scopes/write String Integer',
    ]);
  });

  it('walks only the keys an object owns, even when Object.prototype has an enumerable one', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.inherited = { type: 'string' };
    try {
      const { schemas, keys } = structure({ A: { properties: { own: { type: 'string' } } } });
      expect(schemas.map((node) => node.pointer)).toEqual([
        '/definitions/A',
        '/definitions/A/properties/own',
      ]);
      expect(keys.unknown).toEqual([]);
    } finally {
      delete prototype.inherited;
    }
  });

  it('gives each document only its own nodes, though the walks share their working lists', () => {
    const first = structure({ A: { properties: { a: { type: 'string' }, b: { type: 'string' } } } });
    const second = structure({ B: { type: 'string' } });
    expect(first.schemas.map((node) => node.pointer)).toEqual([
      '/definitions/A',
      '/definitions/A/properties/a',
      '/definitions/A/properties/b',
    ]);
    expect(second.schemas.map((node) => node.pointer)).toEqual(['/definitions/B']);
    expect(second.byKind.get('schema')).toBe(second.schemas);
    expect([...second.byKind.keys()]).toEqual(['root', 'info', 'schema']);
  });
});

describe('the HolderKey bits of the walks’ schemas', () => {
  /** A document of `count` definitions, each with a format or an enum by its index. */
  function definitions(count: number, offset: number): SwaggerModel {
    const written: Record<string, unknown> = {};
    for (let index = 0; index < count; index++)
      written[`D${index}`] = (index + offset) % 3 === 0 ? { format: 'date' } : { enum: ['a'] };
    return new SwaggerModel({ swagger: '2.0', paths: {}, definitions: written });
  }

  /** How many of a walk's bits are not those its definitions earn. */
  function wrongBits(bits: Uint16Array, count: number, offset: number): number {
    expect(bits.length).toBe(count);
    let wrong = 0;
    for (let index = 0; index < count; index++) {
      const expected = (index + offset) % 3 === 0 ? HolderKey.format : HolderKey.enum;
      if (bits[index] !== expected) wrong++;
    }
    return wrong;
  }

  it('keeps each document’s bits, though the walks keep them one after the other in shared pools', () => {
    // Three walks of 30,000 schemas run past the end of a pool of 65,536; a fourth is larger alone.
    const walked = [0, 1, 2].map((offset) => structureOf(definitions(30_000, offset)).schemaHolderKeys);
    const large = structureOf(definitions(70_000, 1)).schemaHolderKeys;
    const small = structureOf(definitions(5, 2)).schemaHolderKeys;
    expect(walked.map((bits, offset) => wrongBits(bits, 30_000, offset))).toEqual([0, 0, 0]);
    expect(wrongBits(large, 70_000, 1)).toBe(0);
    expect(wrongBits(small, 5, 2)).toBe(0);
  });
});

describe('the keywords noted by the structure walk', () => {
  it('lists the schemas, parameters, items and headers that carry each checked keyword', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      // Not a keyword kind: its unknown keys and extensions are not noted.
      maxProperties: -1,
      'x-ms-editor': 'dictionary',
      paths: {
        '/a': {
          get: {
            parameters: [
              { name: 'q', in: 'query', type: 'string', pattern: '^a', required: true },
              { name: 'n', in: 'query', type: 'integer', maxProperties: -1 },
              {
                name: 'l',
                in: 'query',
                type: 'array',
                items: { type: 'string', enum: ['x'], minLength: 1, 'x-ms-editor': 'x' },
              },
            ],
            responses: {
              '200': { description: 'ok', headers: { h: { type: 'string', enum: ['a'], pattern: 'b' } } },
            },
          },
        },
      },
      definitions: {
        Plain: { type: 'object', properties: { id: { type: 'string' } } },
        Full: {
          type: 'object',
          required: ['id'],
          'x-ms-editor': 'dictionary',
          properties: { id: { type: 'string', pattern: 'c', multipleOf: 2, enum: ['a'] } },
        },
        // A keyword of the wrong type is noted all the same: the rules check the type.
        Odd: { required: true, exclusiveMinimum: 'yes' },
      },
    });
    const { keywords } = structureOf(model);
    const pointers = (nodes: readonly { pointer: string }[]) => nodes.map((node) => node.pointer);
    expect(pointers(keywords.pattern)).toEqual([
      '/definitions/Full/properties/id',
      '/paths/~1a/get/parameters/0',
      '/paths/~1a/get/responses/200/headers/h',
    ]);
    expect(pointers(keywords.enum)).toEqual([
      '/definitions/Full/properties/id',
      '/paths/~1a/get/parameters/2/items',
      '/paths/~1a/get/responses/200/headers/h',
    ]);
    expect(pointers(keywords.numeric)).toEqual([
      '/definitions/Full/properties/id',
      '/definitions/Odd',
      '/paths/~1a/get/parameters/1',
      '/paths/~1a/get/parameters/2/items',
    ]);
    expect(pointers(keywords.required)).toEqual(['/definitions/Full', '/definitions/Odd']);
    expect(pointers(keywords['x-ms-editor'])).toEqual([
      '/definitions/Full',
      '/paths/~1a/get/parameters/2/items',
    ]);
  });
});

describe('the labels and input keywords noted by the structure walk', () => {
  it('lists the nodes with an x-ms-summary, the schemas with readOnly and those of format binary', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      info: { title: 't', version: '1', 'x-ms-summary': 'not a keyword kind' },
      paths: {
        '/a': {
          post: {
            'x-ms-summary': 'an operation: not noted',
            parameters: [
              { name: 'q', in: 'query', type: 'string', 'x-ms-summary': 'Query', format: 'binary' },
              { name: 'b', in: 'body', schema: { type: 'string', format: 'binary', readOnly: false } },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
      definitions: {
        Task: {
          type: 'object',
          properties: {
            id: { type: 'string', readOnly: true, 'x-ms-summary': 'ID' },
            file: { type: 'string', format: 'byte' },
          },
        },
      },
    });
    const { keywords } = structureOf(model);
    const pointers = (nodes: readonly { pointer: string }[]) => nodes.map((node) => node.pointer);
    expect(pointers(keywords['x-ms-summary'])).toEqual([
      '/definitions/Task/properties/id',
      '/paths/~1a/post/parameters/0',
    ]);
    expect(pointers(keywords.readOnly)).toEqual([
      '/definitions/Task/properties/id',
      '/paths/~1a/post/parameters/1/schema',
    ]);
    expect(pointers(keywords.binaryFormat)).toEqual(['/paths/~1a/post/parameters/1/schema']);
  });
});

describe('the values noted by the structure walk', () => {
  it('lists the schemas, items and headers whose type is a string but no Swagger 2.0 type', () => {
    // 'file' is one of them anywhere: SWG-JSONENUM reports it only to say which types are allowed.
    const model = new SwaggerModel({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: {
            // A parameter's type is SWG-PARAM-TYPE's: not noted.
            parameters: [{ name: 'q', in: 'query', type: 'int', items: { type: 'String' } }],
            responses: {
              '200': { description: 'ok', headers: { h: { type: 'File' }, f: { type: 'file' } } },
            },
          },
        },
      },
      definitions: {
        Task: { type: 'object', properties: { id: { type: 'null' }, n: { type: ['string', 'null'] } } },
      },
    });
    const pointers = (nodes: readonly { pointer: string }[]) => nodes.map((node) => node.pointer);
    expect(pointers(structureOf(model).keywords.oddType)).toEqual([
      '/definitions/Task/properties/id',
      '/paths/~1a/get/parameters/0/items',
      '/paths/~1a/get/responses/200/headers/h',
    ]);
  });

  it('lists the root and the operations with a schemes, consumes, produces or tags list of 2 or more', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      schemes: ['https', 'https'],
      // Not a uniqueItems list of the root.
      tags: [{ name: 'a' }, { name: 'b' }],
      paths: {
        '/a': {
          get: { produces: ['application/json'], consumes: 'text/plain', responses: {} },
          post: { tags: ['a', 'b'], responses: {} },
          put: { schemes: ['https'], security: [{ a: [] }, { b: [] }], responses: {} },
        },
      },
    });
    const pointers = (nodes: readonly { pointer: string }[]) => nodes.map((node) => node.pointer);
    expect(pointers(structureOf(model).keywords.uniqueLists)).toEqual(['', '/paths/~1a/post']);
  });

  it('tells the references a definition holds itself from those written inside one or elsewhere', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      parameters: { Body: { name: 'b', in: 'body', schema: { $ref: '#/definitions/Task' } } },
      paths: {
        '/a': {
          get: { responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Task' } } } },
        },
      },
      definitions: {
        Alias: { $ref: '#/definitions/Task' },
        Task: {
          properties: { next: { $ref: '#/definitions/Task' } },
          allOf: [{ $ref: '#/definitions/Alias' }],
        },
      },
    });
    const held = structureOf(model).refs.map((use) => [use.pointer, use.heldByDefinition]);
    expect(held).toEqual([
      ['/definitions/Alias', true],
      ['/definitions/Task/properties/next', false],
      ['/definitions/Task/allOf/0', false],
      ['/parameters/Body/schema', false],
      ['/paths/~1a/get/responses/200/schema', false],
    ]);
  });

  it('lists the arrays, discriminators and x-ms-capabilities that SWG-ARRAY-ITEMS, -DISCRIMINATOR and -FILTERFUNCTIONS check', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: {
            'x-ms-capabilities': { filterFunctions: [] },
            parameters: [
              { name: 'q', in: 'query', type: 'array', items: { type: 'array' }, 'x-ms-capabilities': {} },
              {
                name: 'b',
                in: 'body',
                schema: { type: 'array', discriminator: 1, 'x-ms-capabilities': null },
              },
            ],
            responses: {
              '200': { description: 'ok', headers: { h: { type: 'array' }, s: { type: 'string' } } },
            },
          },
        },
      },
      definitions: {
        Pet: {
          discriminator: 'kind',
          properties: { kind: { type: 'string', 'x-ms-capabilities': { filterFunctions: ['eq'] } } },
          items: { type: ['array'] },
        },
      },
    });
    const { keywords } = structureOf(model);
    const pointers = (nodes: readonly { pointer: string }[]) => nodes.map((node) => node.pointer);
    // A type list of one type is that type, as meant (SWG-JSONTYPE names the list).
    expect(pointers(keywords.arrayType)).toEqual([
      '/definitions/Pet/items',
      '/paths/~1a/get/parameters/0',
      '/paths/~1a/get/parameters/0/items',
      '/paths/~1a/get/parameters/1/schema',
      '/paths/~1a/get/responses/200/headers/h',
    ]);
    // Schemas only: SWG-DISCRIMINATOR and SWG-FILTERFUNCTIONS read no other kind, whatever the value.
    expect(pointers(keywords.discriminator)).toEqual([
      '/definitions/Pet',
      '/paths/~1a/get/parameters/1/schema',
    ]);
    expect(pointers(keywords['x-ms-capabilities'])).toEqual([
      '/definitions/Pet/properties/kind',
      '/paths/~1a/get/parameters/1/schema',
    ]);
  });
});
