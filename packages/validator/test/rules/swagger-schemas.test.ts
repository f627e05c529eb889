import { describe, expect, it } from '@jest/globals';
import { describeRuleCases, editableConnector, findingsOf, type Loose } from './swagger/rule-cases.js';

const createBody = (c: { swagger: Loose }): Loose => c.swagger.paths['/tasks'].post.parameters[0].schema;
const task = (c: { swagger: Loose }): Loose => c.swagger.definitions.Task;

describeRuleCases([
  {
    id: 'SWG-REF-SCHEMA',
    fires: 'fires on a reference to a missing definition',
    breaks: (c) =>
      (c.swagger.paths['/tasks/{taskId}'].get.responses['200'].schema.$ref = '#/definitions/Taks'),
    pointer: '/paths/~1tasks~1{taskId}/get/responses/200/schema/$ref',
    message: /The schema reference '#\/definitions\/Taks' could not be found in the swagger document\./,
  },
  {
    id: 'SWG-REF-SCHEMA',
    fires: 'fires on a reference to another file',
    breaks: (c) => (c.swagger.paths['/tasks/{taskId}'].get.responses['200'].schema.$ref = 'task.json#/Task'),
    pointer: '/paths/~1tasks~1{taskId}/get/responses/200/schema/$ref',
    message: /must start with '#\/definitions\/'/,
  },
  {
    id: 'SWG-REF-RESPONSE',
    fires: 'fires on a reference to a missing response',
    breaks: (c) => (c.swagger.paths['/tasks'].get.responses['404'] = { $ref: '#/responses/NotFound' }),
    pointer: '/paths/~1tasks/get/responses/404/$ref',
  },
  {
    id: 'SWG-REF-LOOP',
    fires: 'fires on a definition that only aliases another',
    breaks: (c) => (c.swagger.definitions.Item = { $ref: '#/definitions/Task' }),
    pointer: '/definitions/Item/$ref',
  },
  {
    id: 'SWG-REF-LOOP',
    fires: 'fires on a loop of required properties',
    breaks: (c) => {
      c.swagger.definitions.A = {
        type: 'object',
        required: ['b'],
        properties: { b: { $ref: '#/definitions/B' } },
      };
      c.swagger.definitions.B = {
        type: 'object',
        required: ['a'],
        properties: { a: { $ref: '#/definitions/A' } },
      };
    },
    pointer: '/definitions/A/required',
    message: /A → B → A/,
  },
  {
    id: 'SWG-REF-LOOP',
    fires: 'fires on a loop of required properties written in allOf members',
    breaks: (c) => {
      c.swagger.definitions.A = {
        allOf: [{ type: 'object' }, { required: ['b'], properties: { b: { $ref: '#/definitions/B' } } }],
      };
      c.swagger.definitions.B = { required: ['a', 'c'], properties: { a: { $ref: '#/definitions/A' } } };
    },
    pointer: '/definitions/A/required',
    message: /A → B → A/,
  },
  {
    id: 'SWG-REF-LOOP',
    fires: 'fires on a loop whose every required list is in an allOf member',
    breaks: (c) => {
      c.swagger.definitions.A = {
        allOf: [{ required: ['b'], properties: { b: { $ref: '#/definitions/B' } } }],
      };
      c.swagger.definitions.B = {
        allOf: [{}, { required: ['a'], properties: { a: { $ref: '#/definitions/A' } } }],
      };
    },
    pointer: '/definitions/A/required',
    message: /A → B → A/,
  },
  {
    id: 'SWG-REF-LOOP',
    fires: 'fires on a loop of required properties met through definitions that require no reference',
    breaks: (c) => {
      c.swagger.definitions.Start = {
        required: ['leaf', 'a'],
        properties: { leaf: { $ref: '#/definitions/Leaf' }, a: { $ref: '#/definitions/A' } },
      };
      c.swagger.definitions.Leaf = { type: 'object', properties: { id: { type: 'string' } } };
      c.swagger.definitions.A = { required: ['b'], properties: { b: { $ref: '#/definitions/B' } } };
      c.swagger.definitions.B = { required: ['a'], properties: { a: { $ref: '#/definitions/A' } } };
    },
    pointer: '/definitions/A/required',
    message: /A → B → A/,
  },
  {
    id: 'SWG-REF-SCHEMA',
    fires: 'fires on a reference inside a definition',
    breaks: (c) =>
      (c.swagger.paths['/tasks/{taskId}'].get.responses['200'].schema.$ref =
        '#/definitions/Task/properties/id'),
    pointer: '/paths/~1tasks~1{taskId}/get/responses/200/schema/$ref',
    message: /Point at a schema definition itself, not inside one\./,
  },
  {
    id: 'SWG-REF-ADJACENT',
    fires: 'warns on a description beside a $ref, telling to write it in the definition',
    breaks: (c) => (c.swagger.paths['/tasks/{taskId}'].get.responses['200'].schema.description = 'The task.'),
    pointer: '/paths/~1tasks~1{taskId}/get/responses/200/schema/description',
    severity: 'warning',
    message:
      /^When '\$ref' is defined, no other properties may be specified\. Found: description\. Swagger 2\.0 ignores it: remove it\. A description worth keeping belongs in '#\/definitions\/Task', where it is read\.$/,
  },
  {
    id: 'SWG-REF-ADJACENT',
    fires: 'warns on a type beside a $ref, telling to remove it',
    breaks: (c) => (c.swagger.paths['/tasks/{taskId}'].get.responses['200'].schema.type = 'object'),
    pointer: '/paths/~1tasks~1{taskId}/get/responses/200/schema/type',
    severity: 'warning',
    message: /Found: type\. Swagger 2\.0 ignores it: remove it\.$/,
  },
  {
    id: 'SWG-JSONPOINTER',
    fires: 'fires on a reference without the slash after #',
    breaks: (c) =>
      (c.swagger.paths['/tasks/{taskId}'].get.responses['200'].schema.$ref = '#definitions/Task'),
    pointer: '/paths/~1tasks~1{taskId}/get/responses/200/schema/$ref',
  },
  {
    id: 'SWG-REQ-EMPTY',
    fires: 'fires on "required": []',
    breaks: (c) => (task(c).required = []),
    pointer: '/definitions/Task/required',
  },
  {
    id: 'SWG-REQ-UNDEFINED',
    fires: 'fires on a required name that is not a property',
    breaks: (c) => (createBody(c).required = ['titel']),
    pointer: '/paths/~1tasks/post/parameters/0/schema/required/0',
    message: /The required property 'titel' is not defined in the object schema\./,
  },
  {
    id: 'SWG-REQ-NONOBJECT',
    fires: 'fires on required in a string schema',
    breaks: (c) => (task(c).properties.title.required = ['x']),
    pointer: '/definitions/Task/properties/title/required',
  },
  {
    id: 'SWG-REQ-READONLY',
    fires: 'fires on a read-only required input property',
    breaks: (c) => (createBody(c).properties.title.readOnly = true),
    pointer: '/paths/~1tasks/post/parameters/0/schema/properties/title/readOnly',
  },
  {
    id: 'SWG-ARRAY-ITEMS',
    fires: 'fires on an array without items',
    breaks: (c) => (task(c).properties.tags = { type: 'array' }),
    pointer: '/definitions/Task/properties/tags/type',
  },
  {
    id: 'SWG-NUMERIC',
    fires: 'fires on a minimum above the maximum',
    breaks: (c) => (task(c).properties.rank = { type: 'integer', minimum: 10, maximum: 1 }),
    pointer: '/definitions/Task/properties/rank/minimum',
    message: /The 'minimum' value should be less than or equal to the 'maximum' value\./,
  },
  {
    id: 'SWG-NUMERIC',
    fires: 'fires on exclusiveMaximum without maximum',
    breaks: (c) => (task(c).properties.rank = { type: 'integer', exclusiveMaximum: true }),
    pointer: '/definitions/Task/properties/rank/exclusiveMaximum',
  },
  {
    id: 'SWG-PATTERN',
    fires: 'fires on a pattern that does not compile',
    breaks: (c) => (task(c).properties.id.pattern = '^[A-Z'),
    pointer: '/definitions/Task/properties/id/pattern',
  },
  {
    id: 'SWG-DISCRIMINATOR',
    fires: 'fires on a discriminator that is not required',
    breaks: (c) => (task(c).discriminator = 'status'),
    pointer: '/definitions/Task/discriminator',
  },
  {
    id: 'SWG-BINARY-POS',
    fires: 'warns on binary content nested in a request object',
    breaks: (c) => (createBody(c).properties.file = { type: 'string', format: 'binary' }),
    pointer: '/paths/~1tasks/post/parameters/0/schema/properties/file/format',
    severity: 'warning',
  },
  {
    id: 'SWG-EDITOR',
    fires: 'fires on the dictionary editor on a string',
    breaks: (c) => (task(c).properties.title['x-ms-editor'] = 'dictionary'),
    pointer: '/definitions/Task/properties/title/x-ms-editor',
  },
  {
    id: 'SWG-FILTERFUNCTIONS',
    fires: 'fires on an empty filterFunctions list',
    breaks: (c) => (task(c).properties.title['x-ms-capabilities'] = { filterFunctions: [] }),
    pointer: '/definitions/Task/properties/title/x-ms-capabilities/filterFunctions',
  },
  {
    id: 'SWG-FILTERFUNCTIONS',
    fires: 'fires on an unknown function',
    breaks: (c) => (task(c).properties.title['x-ms-capabilities'] = { filterFunctions: ['eq', 'like'] }),
    pointer: '/definitions/Task/properties/title/x-ms-capabilities/filterFunctions/1',
  },
]);

describe('circular $refs', () => {
  it('end every schema rule on self- and mutually-recursive definitions', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.Node = {
      type: 'object',
      required: ['value'],
      properties: {
        value: { type: 'string', readOnly: true },
        parent: { $ref: '#/definitions/Node' },
        children: { type: 'array', items: { $ref: '#/definitions/Other' } },
      },
    };
    connector.swagger.definitions.Other = {
      type: 'object',
      properties: { node: { $ref: '#/definitions/Node' } },
    };
    connector.swagger.definitions.Self = { $ref: '#/definitions/Self' };
    connector.swagger.paths['/tasks'].post.parameters[0].schema = { $ref: '#/definitions/Node' };
    const ids = ['SWG-REF-SCHEMA', 'SWG-REF-LOOP', 'SWG-REQ-READONLY', 'SWG-BINARY-POS', 'SWG-SCHEMA-DEPTH'];
    const findings = (await Promise.all(ids.map((id) => findingsOf(id, connector)))).flat();
    expect(findings.map((finding) => [finding.ruleId, finding.pointer])).toEqual([
      ['SWG-REF-LOOP', '/definitions/Self/$ref'],
      ['SWG-REQ-READONLY', '/definitions/Node/properties/value/readOnly'],
    ]);
  });

  it('does not report optional recursion as a required loop', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.A = {
      type: 'object',
      required: ['b'],
      properties: { b: { $ref: '#/definitions/B' } },
    };
    connector.swagger.definitions.B = { type: 'object', properties: { a: { $ref: '#/definitions/A' } } };
    expect(await findingsOf('SWG-REF-LOOP', connector)).toEqual([]);
  });
});

describe('required properties that are not defined', () => {
  it('are reported by index, unless the properties can come from elsewhere', async () => {
    const connector = editableConnector();
    const required = ['id', 7, 'missing'];
    connector.swagger.definitions.Task.properties = {
      closed: { type: 'object', required, properties: { id: { type: 'string' } } },
      noProperties: { type: 'object', required },
      oddProperties: { type: 'object', required, properties: ['id'] },
      allOf: { type: 'object', required, allOf: [] },
      ref: { required, $ref: '#/definitions/Task' },
      dynamic: { type: 'object', required, 'x-ms-dynamic-schema': {} },
      dynamicProperties: { type: 'object', required, 'x-ms-dynamic-properties': {} },
    };
    const findings = await findingsOf('SWG-REQ-UNDEFINED', connector);
    const at = '/definitions/Task/properties/';
    expect(findings.map((finding) => finding.pointer!.slice(at.length))).toEqual([
      'closed/required/2',
      'noProperties/required/0',
      'noProperties/required/2',
      'oddProperties/required/0',
      'oddProperties/required/2',
    ]);
  });

  it('are left to SWG-REQ-NONOBJECT in a schema typed other than object', async () => {
    // E-goi's body: an array schema listing its items' properties as required. The fix is to move
    // or remove the list (SWG-REQ-NONOBJECT says so), not to define the names in the array schema.
    const connector = editableConnector();
    connector.swagger.definitions.Task.properties = {
      list: { type: 'array', required: ['to', 'from'], items: { type: 'object', properties: { to: {} } } },
      untyped: { required: ['to'] },
    };
    const at = '/definitions/Task/properties/';
    const undefinedNames = await findingsOf('SWG-REQ-UNDEFINED', connector);
    expect(undefinedNames.map((finding) => finding.pointer!.slice(at.length))).toEqual([
      'untyped/required/0',
    ]);
    const nonObject = await findingsOf('SWG-REQ-NONOBJECT', connector);
    expect(nonObject.map((finding) => [finding.pointer!.slice(at.length), finding.message])).toEqual([
      [
        'list/required',
        "The property 'required' is applicable to schemas with 'object' type only and should be removed. To require properties of the array's items, list them in the 'required' of 'items'.",
      ],
    ]);
  });

  it("tell SWG-REQ-NONOBJECT's 'items' in an array schema to make the array required where it is", async () => {
    // TranslatorV3's and IN-D's body: an array whose items list their own required properties, and
    // "required": ["items"] beside them, meant for the array. Listing 'items' in the items' own
    // 'required' would require a property that does not exist.
    const connector = editableConnector();
    const itemsSchema = { type: 'object', required: ['Text'], properties: { Text: { type: 'string' } } };
    const post = connector.swagger.paths['/tasks'].post;
    post.parameters[0].schema = { type: 'array', items: itemsSchema, required: ['items'] };
    connector.swagger.definitions.Task.properties = {
      list: { type: 'array', required: ['items'], items: itemsSchema },
      both: { type: 'array', required: ['Text', 'items'], items: itemsSchema },
    };
    connector.swagger.definitions.Lists = { type: 'array', required: ['items'], items: itemsSchema };
    const findings = await findingsOf('SWG-REQ-NONOBJECT', connector);
    const removed =
      "The property 'required' is applicable to schemas with 'object' type only and should be removed.";
    const keyword = "'items' is not a property here but the array's own keyword:";
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        '/paths/~1tasks/post/parameters/0/schema/required',
        `${removed} ${keyword} to make the array required, set "required": true on the body parameter.`,
      ],
      [
        '/definitions/Task/properties/list/required',
        `${removed} ${keyword} to make the array required, list 'list' in the 'required' of the object that holds it.`,
      ],
      [
        '/definitions/Task/properties/both/required',
        `${removed} To require properties of the array's items, list them in the 'required' of 'items'. ${keyword} to make the array required, list 'both' in the 'required' of the object that holds it.`,
      ],
      ['/definitions/Lists/required', `${removed} ${keyword} remove it.`],
    ]);
  });
});

describe('numeric limits', () => {
  it('are reported keyword by keyword, and a bound of any type counts as written', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.Task.properties = {
      all: {
        type: 'integer',
        multipleOf: -1,
        maxLength: -1,
        minLength: 5,
        maxItems: -3,
        minItems: -1,
        maxProperties: 1,
        minProperties: 2,
        minimum: 3,
        maximum: 1,
      },
      flags: { type: 'integer', exclusiveMaximum: true, exclusiveMinimum: false, minimum: 'low' },
      typed: { type: 'integer', exclusiveMaximum: true, maximum: 'ten', minimum: 0, multipleOf: 0.5 },
    };
    const findings = await findingsOf('SWG-NUMERIC', connector);
    const at = '/definitions/Task/properties/';
    expect(findings.map((finding) => [finding.pointer!.slice(at.length), finding.message])).toEqual([
      ['all/multipleOf', "The 'multipleOf' value must be greater than zero."],
      ['all/maxLength', "The 'maxLength' value must be greater than or equal to zero."],
      ['all/minLength', "The 'minLength' value should be less than or equal to the 'maxLength' value."],
      ['all/maxItems', "The 'maxItems' value must be greater than or equal to zero."],
      ['all/minItems', "The 'minItems' value must be greater than or equal to zero."],
      ['all/minItems', "The 'minItems' value should be less than or equal to the 'maxItems' value."],
      [
        'all/minProperties',
        "The 'minProperties' value should be less than or equal to the 'maxProperties' value.",
      ],
      ['all/minimum', "The 'minimum' value should be less than or equal to the 'maximum' value."],
      [
        'flags/exclusiveMaximum',
        "The 'exclusiveMaximum' keyword can only be specified if the 'maximum' keyword is also specified.",
      ],
    ]);
  });
});

describe('loops of required properties', () => {
  const requires = (name: string, target: string): Loose => ({
    required: [name],
    properties: { [name]: { $ref: `#/definitions/${target}` } },
  });
  const loops = async (definitions: Loose): Promise<string[][]> => {
    const connector = editableConnector();
    Object.assign(connector.swagger.definitions, definitions);
    const findings = await findingsOf('SWG-REF-LOOP', connector);
    return findings.map((finding) => [finding.pointer!, finding.message]);
  };

  it('name definitions whose names need escaping in a pointer as written', async () => {
    // A reference names a definition as written after #/definitions/, not decoded.
    expect(await loops({ 'a~1b': requires('c', 'c~d'), 'c~d': requires('a', 'a~1b') })).toEqual([
      [
        '/definitions/a~01b/required',
        'Loops of required schema properties are not allowed: a~1b → c~d → a~1b.',
      ],
    ]);
    expect(await loops({ 'a/b': requires('c', 'C'), C: requires('a', 'a~1b') })).toEqual([]);
  });

  it('search the definitions in the order of their names, integer-like names first', async () => {
    expect(
      await loops({ Zed: requires('one', '10'), '10': requires('two', '2'), '2': requires('z', 'Zed') }),
    ).toEqual([
      ['/definitions/2/required', 'Loops of required schema properties are not allowed: 2 → Zed → 10 → 2.'],
    ]);
  });

  it("follow a definition's own required references before its allOf members', in their order", async () => {
    const found = await loops({
      A: {
        ...requires('b', 'B'),
        allOf: [requires('c', 'C'), { type: 'object' }, requires('d', 'D')],
      },
      B: requires('a', 'A'),
      C: requires('a', 'A'),
      D: { allOf: [{}, requires('a', 'A')] },
    });
    expect(found.map(([, message]) => message)).toEqual([
      'Loops of required schema properties are not allowed: A → B → A.',
      'Loops of required schema properties are not allowed: A → C → A.',
      'Loops of required schema properties are not allowed: A → D → A.',
    ]);
  });

  it('skip required references that are not to a definition, and required lists of nested schemas', async () => {
    expect(
      await loops({
        A: {
          required: ['b', 'x', 'y'],
          properties: {
            b: { $ref: '#/definitions/B/properties/a' },
            x: { $ref: '#/parameters/B' },
            y: { type: 'object', required: ['a'], properties: { a: { $ref: '#/definitions/B' } } },
          },
        },
        B: requires('a', 'A'),
      }),
    ).toEqual([]);
  });
});

describe('response references', () => {
  it('report a response definition that aliases another, not the responses that use it', async () => {
    const connector = editableConnector();
    connector.swagger.responses = {
      NotFound: { description: 'Not found.' },
      Missing: { $ref: '#/responses/NotFound' },
    };
    connector.swagger.paths['/tasks'].get.responses['404'] = { $ref: '#/responses/Missing' };
    const findings = await findingsOf('SWG-REF-RESPONSE', connector);
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        '/responses/Missing/$ref',
        "The response definition may not use a '$ref' to point to another definition.",
      ],
    ]);
  });
});
