import { describe, expect, it } from '@jest/globals';
import { dynamicStatus, statusCall } from '../helpers/dynamic-status.js';
import { describeRule, swaggerFindings, VALID, type SwaggerEdit } from '../helpers/swagger-cases.js';

const STATUS = '/paths/~1tasks/get/parameters/0';
const BODY = '/paths/~1tasks/post/parameters/0';
const VALUES = `${STATUS}/x-ms-dynamic-values`;

/** A second `project` parameter of ListTasks, in a header: the name a call to ListStatuses reads is then in two locations. */
const projectInHeader = (type = 'string') => ({
  name: 'project',
  in: 'header',
  type,
  'x-ms-summary': 'Project',
  description: 'The project.',
});

describeRule(
  'SWG-DYN-ON-BODY',
  [
    {
      name: 'on x-ms-dynamic-schema on the body parameter',
      edit: (s) => (s.paths['/tasks'].post.parameters[0]['x-ms-dynamic-schema'] = { operationId: 'GetTask' }),
      pointer: `${BODY}/x-ms-dynamic-schema`,
    },
  ],
  [
    VALID,
    {
      name: 'on x-ms-dynamic-values of a header parameter',
      edit: dynamicStatus({}, (s) => (s.paths['/tasks'].get.parameters[0].in = 'header')),
    },
    {
      name: 'on x-ms-dynamic-schema in the body schema',
      edit: (s) =>
        (s.paths['/tasks'].post.parameters[0].schema['x-ms-dynamic-schema'] = { operationId: 'GetTask' }),
    },
  ],
);

describeRule(
  'SWG-DYN-LIST-AMBIG',
  [
    {
      name: 'on a reference to a property inside a parameter',
      edit: dynamicStatus({ parameters: { project: { parameter: 'body/project' } } }),
      pointer: `${VALUES}/parameters`,
      message: /references properties within parameters/,
    },
    {
      // Either kind makes the call ambiguous; properties are what the message names.
      name: 'on a reference to a property beside a name in two locations, naming the properties',
      edit: dynamicStatus(
        { parameters: { project: { parameter: 'body/project' }, owner: { parameter: 'project' } } },
        (s) => s.paths['/tasks'].get.parameters.push(projectInHeader()),
      ),
      pointer: `${VALUES}/parameters`,
      message: /^The 'x-ms-dynamic-values' extension references properties within parameters\./,
    },
  ],
  [
    { name: 'on plain references', edit: dynamicStatus() },
    {
      name: 'when x-ms-dynamic-list is defined',
      edit: dynamicStatus(
        { parameters: { project: { parameter: 'body/project' } } },
        (s) => (s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-list'] = { operationId: 'ListStatuses' }),
      ),
    },
  ],
);

describeRule(
  'SWG-DYN-PROPS-AMBIG',
  [
    {
      name: 'on a name used in two locations',
      edit: dynamicStatus({}, (s) => {
        s.paths['/tasks'].get.parameters.push(projectInHeader());
        s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-schema'] = {
          operationId: 'ListStatuses',
          parameters: { project: { parameter: 'project' } },
          'value-path': 'value',
        };
      }),
      pointer: `${STATUS}/x-ms-dynamic-schema/parameters`,
      message: /ambiguous parameter references/,
    },
  ],
  [
    {
      name: 'on an unambiguous name',
      edit: dynamicStatus(
        {},
        (s) =>
          (s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-schema'] = {
            operationId: 'ListStatuses',
            parameters: { project: { parameter: 'project' } },
          }),
      ),
    },
  ],
);

const schemaAndProperties =
  (itemValuePath: string): SwaggerEdit =>
  (s) => {
    const schema = s.paths['/tasks'].post.parameters[0].schema;
    schema['x-ms-dynamic-schema'] = {
      operationId: 'GetTask',
      parameters: {},
      'value-path': 'schema/properties',
    };
    schema['x-ms-dynamic-properties'] = { operationId: 'GetTask', parameters: {}, itemValuePath };
  };
describeRule(
  'SWG-DYN-PROPS-PATH',
  [
    {
      name: 'on a different path',
      edit: schemaAndProperties('data'),
      pointer: `${BODY}/schema/x-ms-dynamic-properties/itemValuePath`,
      message: /The expected path is 'schema'/,
    },
    {
      name: "on a value-path that is 'properties' alone, expecting the response itself",
      edit: (s) => {
        schemaAndProperties('data')(s);
        s.paths['/tasks'].post.parameters[0].schema['x-ms-dynamic-schema']['value-path'] = 'properties';
      },
      pointer: `${BODY}/schema/x-ms-dynamic-properties/itemValuePath`,
      message: /The expected path is ''\.$/,
    },
  ],
  [
    VALID,
    { name: "on the value-path without 'properties'", edit: schemaAndProperties('schema') },
    {
      // Only a last step 'properties' is dropped.
      name: "on a value-path that goes on past 'properties'",
      edit: (s) => {
        schemaAndProperties('properties/schema')(s);
        s.paths['/tasks'].post.parameters[0].schema['x-ms-dynamic-schema']['value-path'] =
          'properties/schema';
      },
    },
    {
      name: 'on a dynamic schema without a value-path',
      edit: (s) => {
        schemaAndProperties('data')(s);
        delete s.paths['/tasks'].post.parameters[0].schema['x-ms-dynamic-schema']['value-path'];
      },
    },
  ],
);

/** The status parameter's dynamic values (ListStatuses) with a dynamic list beside them, `list` merged in. */
const valuesAndList =
  (list: Record<string, unknown> = {}): SwaggerEdit =>
  (s) =>
    dynamicStatus({}, (swagger) => {
      swagger.paths['/statuses2'] = { get: { ...swagger.paths['/statuses'].get, operationId: 'ListStates' } };
      swagger.paths['/tasks'].get.parameters[0]['x-ms-dynamic-list'] = {
        operationId: 'ListStatuses',
        parameters: { project: { parameterReference: 'project' } },
        itemsPath: 'value',
        itemValuePath: 'id',
        itemTitlePath: 'name',
        ...list,
      };
    })(s);
const schemaAndPropertiesCalling =
  (propertiesOperation: string): SwaggerEdit =>
  (s) => {
    schemaAndProperties('schema')(s);
    s.paths['/tasks'].post.parameters[0].schema['x-ms-dynamic-properties'].operationId = propertiesOperation;
  };
describeRule(
  'SWG-DYN-FORMS-AGREE',
  [
    {
      name: 'on x-ms-dynamic-list calling another operation than x-ms-dynamic-values',
      edit: valuesAndList({ operationId: 'ListStates' }),
      pointer: `${STATUS}/x-ms-dynamic-list/operationId`,
      severity: 'warning',
      message:
        /^x-ms-dynamic-list calls 'ListStates', but x-ms-dynamic-values beside it calls 'ListStatuses'\. .*: call the same operation in both\.$/,
    },
    {
      name: 'on x-ms-dynamic-list taking the item value from another property',
      edit: valuesAndList({ itemValuePath: 'name' }),
      pointer: `${STATUS}/x-ms-dynamic-list/itemValuePath`,
      severity: 'warning',
      message: /from 'name', but x-ms-dynamic-values beside it from 'id' \(value-path\)/,
    },
    {
      name: 'on x-ms-dynamic-properties calling another operation than x-ms-dynamic-schema',
      edit: schemaAndPropertiesCalling('ListTasks'),
      pointer: `${BODY}/schema/x-ms-dynamic-properties/operationId`,
      severity: 'warning',
      message: /x-ms-dynamic-properties calls 'ListTasks', but x-ms-dynamic-schema beside it calls 'GetTask'/,
    },
    {
      // The other operation's items are another question: their value path is not compared.
      name: 'once, at the operationId, on a list that calls another operation and takes another value',
      edit: valuesAndList({ operationId: 'ListStates', itemValuePath: 'name' }),
      pointer: `${STATUS}/x-ms-dynamic-list/operationId`,
      severity: 'warning',
    },
  ],
  [
    VALID,
    { name: 'on both list forms calling the same operation for the same value', edit: valuesAndList() },
    {
      name: 'on x-ms-dynamic-list alone',
      edit: (s) => {
        valuesAndList({ operationId: 'ListStates' })(s);
        delete s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values'];
      },
    },
    { name: 'on both schema forms calling the same operation', edit: schemaAndPropertiesCalling('GetTask') },
    { name: 'on a list without operationId', edit: valuesAndList({ operationId: undefined }) },
    {
      name: 'on values without operationId beside a list',
      edit: (s) => {
        valuesAndList()(s);
        delete s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values'].operationId;
      },
    },
    { name: 'on a list without itemValuePath', edit: valuesAndList({ itemValuePath: undefined }) },
    {
      name: 'on values without value-path beside a list',
      edit: (s) => {
        valuesAndList()(s);
        delete s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values']['value-path'];
      },
    },
  ],
);

describeRule(
  'SWG-DYN-TREE',
  [
    {
      name: 'on a file picker without x-ms-dynamic-tree',
      edit: dynamicStatus({ capability: 'file-picker' }),
      pointer: VALUES,
    },
  ],
  [
    { name: 'on dynamic values without file picker', edit: dynamicStatus() },
    {
      name: 'on a file picker with x-ms-dynamic-tree',
      edit: dynamicStatus(
        { capability: 'file-picker' },
        (s) =>
          (s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-tree'] = {
            settings: { canSelectFolders: false },
          }),
      ),
    },
    {
      // Only x-ms-dynamic-values is asked for a tree; x-ms-dynamic-list has its own forms.
      name: 'on a file picker written in x-ms-dynamic-list',
      edit: dynamicStatus({}, (s) => {
        const parameter = s.paths['/tasks'].get.parameters[0];
        delete parameter['x-ms-dynamic-values'];
        parameter['x-ms-dynamic-list'] = { operationId: 'ListStatuses', capability: 'file-picker' };
      }),
    },
  ],
);

describeRule(
  'SWG-DYN-OPID',
  [
    {
      name: 'on x-ms-dynamic-values calling a missing operation',
      edit: dynamicStatus({ operationId: 'ListStatus' }),
      pointer: `${VALUES}/operationId`,
      message: /'ListStatus' is not the operationId of any operation\. Did you mean 'ListStatuses'\?$/,
    },
    {
      name: 'on a missing operation close to none, without a guess',
      edit: dynamicStatus({ operationId: 'GetWeather' }),
      pointer: `${VALUES}/operationId`,
      message: /'GetWeather' is not the operationId of any operation\.$/,
    },
    {
      name: 'on x-ms-notification calling a missing operation',
      edit: (s) => (s.paths['/tasks'].get['x-ms-notification'] = { operationId: 'OnTask' }),
      pointer: '/paths/~1tasks/get/x-ms-notification/operationId',
    },
    {
      name: 'on a file-picker capability calling a missing operation',
      edit: (s) => (s['x-ms-capabilities'] = { 'file-picker': { open: { operationId: 'Browse' } } }),
      pointer: '/x-ms-capabilities/file-picker/open/operationId',
    },
  ],
  [VALID, { name: 'on an existing operation', edit: dynamicStatus() }],
);

describeRule(
  'SWG-DYN-PARAMS',
  [
    {
      name: 'when a required target parameter is not passed',
      edit: dynamicStatus({ parameters: {} }),
      pointer: `${VALUES}/parameters`,
      message: /The target operation requires parameter 'project'/,
    },
    {
      // Required as meant: SWG-JSONTYPE tells the string (and --fix writes true).
      name: 'when a target parameter required "true" is not passed',
      edit: dynamicStatus(
        { parameters: {} },
        (s) => (s.paths['/statuses'].get.parameters[0].required = 'true'),
      ),
      pointer: `${VALUES}/parameters`,
      message: /The target operation requires parameter 'project'/,
    },
    {
      name: 'when a call without parameters leaves a required one out, at its operationId',
      edit: dynamicStatus({ parameters: undefined }),
      pointer: `${VALUES}/operationId`,
      message: /The target operation requires parameter 'project'/,
    },
    {
      name: 'on an unknown parameter',
      edit: dynamicStatus({ parameters: { project: 'p1', folder: 'x' } }),
      pointer: `${VALUES}/parameters/folder`,
      message: /could not be found in operation 'ListStatuses'/,
    },
    {
      name: 'on a static value of another type',
      edit: dynamicStatus({ parameters: { project: { value: true } } }),
      pointer: `${VALUES}/parameters/project`,
      message: /has type 'string', but a static value is provided of type 'boolean'/,
    },
    {
      name: 'on a source parameter of another type',
      edit: dynamicStatus({}, (s) => (s.paths['/tasks'].get.parameters[1].type = 'integer')),
      pointer: `${VALUES}/parameters/project`,
      message: /operation 'ListTasks' is providing a parameter of type 'integer'/,
    },
    {
      name: 'on a reference to no input of the operation it is written in, with the closest one',
      edit: dynamicStatus({ parameters: { project: { parameter: 'projct' } } }),
      pointer: `${VALUES}/parameters/project/parameter`,
      message:
        /^The parameter reference 'projct' is not a parameter of operation 'ListTasks', nor a property of its body: the designer sends nothing for it\. Did you mean 'project'\?$/,
    },
    {
      name: "on a dynamic list's body path whose first step is no input",
      edit: dynamicStatus({}, (s) => {
        s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-list'] = {
          operationId: 'ListStatuses',
          parameters: { project: { parameterReference: 'payload/project' } },
          itemsPath: 'value',
          itemValuePath: 'id',
          itemTitlePath: 'name',
        };
      }),
      pointer: `${STATUS}/x-ms-dynamic-list/parameters/project/parameterReference`,
      message: /'payload\/project' \(its first step 'payload'\) is not a parameter of operation 'ListTasks'/,
    },
    {
      name: 'on an unknown parameter of a target that has a body',
      edit: dynamicStatus({ operationId: 'CreateTask', parameters: { folder: 'x' } }),
      pointer: `${VALUES}/parameters/folder`,
      message: /could not be found in operation 'CreateTask'\. 'folder' is not one of its parameters\.$/,
    },
    {
      // A path starts after its first character: '/project' has no first step '' to name.
      name: 'on a reference that starts with a slash, told whole',
      edit: dynamicStatus({ parameters: { project: { parameter: '/project' } } }),
      pointer: `${VALUES}/parameters/project/parameter`,
      message:
        /^The parameter reference '\/project' is not a parameter of operation 'ListTasks', nor a property/,
    },
    {
      name: 'on a reference that starts with a dot, told whole',
      edit: dynamicStatus({ parameters: { project: { parameter: '.project' } } }),
      pointer: `${VALUES}/parameters/project/parameter`,
      message:
        /^The parameter reference '\.project' is not a parameter of operation 'ListTasks', nor a property/,
    },
  ],
  [
    { name: 'on matching parameters', edit: dynamicStatus() },
    {
      // A path names a property inside one of the target's inputs, which the rule does not follow.
      name: 'on a call parameter named by a path',
      edit: dynamicStatus({ parameters: { project: 'p1', 'body/title': 'x' } }),
    },
    {
      name: "on a call parameter named by a property of the target's body",
      edit: dynamicStatus({ operationId: 'CreateTask', parameters: { title: 'x' } }),
    },
    {
      name: 'on a reference passed to a target parameter of no type',
      edit: dynamicStatus({}, (s) => delete s.paths['/statuses'].get.parameters[0].type),
    },
    {
      name: 'on a static value of the parameter type',
      edit: dynamicStatus(
        { parameters: { project: { value: 5 } } },
        (s) => (s.paths['/statuses'].get.parameters[0].type = 'integer'),
      ),
    },
    {
      // A string may be an expression the platform evaluates: it is not judged by its type.
      name: 'on a static string for an integer parameter',
      edit: dynamicStatus(
        { parameters: { project: { value: 'five' } } },
        (s) => (s.paths['/statuses'].get.parameters[0].type = 'integer'),
      ),
    },
    {
      name: 'on an optional target parameter left out',
      edit: dynamicStatus(
        { parameters: {} },
        (s) => (s.paths['/statuses'].get.parameters[0].required = false),
      ),
    },
    {
      name: 'on a required target parameter with a default left out',
      edit: dynamicStatus({ parameters: {} }, (s) => (s.paths['/statuses'].get.parameters[0].default = 'p1')),
    },
    {
      name: 'on a required internal target parameter left out',
      edit: dynamicStatus(
        { parameters: {} },
        (s) => (s.paths['/statuses'].get.parameters[0]['x-ms-visibility'] = 'internal'),
      ),
    },
    {
      name: 'on a source parameter of no type',
      edit: dynamicStatus({}, (s) => delete s.paths['/tasks'].get.parameters[1].type),
    },
    {
      name: 'on an integer source for a number',
      edit: dynamicStatus({}, (s) => {
        s.paths['/tasks'].get.parameters[1].type = 'integer';
        s.paths['/statuses'].get.parameters[0].type = 'number';
      }),
    },
    {
      // Which one is sent is unclear (SWG-DYN-LIST-AMBIG's): neither's type is held against the call.
      name: 'on a reference to a name in two locations of its operation, one of another type',
      edit: dynamicStatus({}, (s) => s.paths['/tasks'].get.parameters.push(projectInHeader('integer'))),
    },
    {
      // The older form names a body property plainly, the newer one by its path from the body.
      name: 'on references to a property of the body, plain, dotted and by path',
      edit: dynamicStatus({}, (s) => {
        const due = s.paths['/tasks'].post.parameters[0].schema.properties.due;
        due['x-ms-dynamic-values'] = {
          operationId: 'ListStatuses',
          parameters: { project: { parameter: 'title' } },
          'value-collection': 'value',
          'value-path': 'id',
        };
        due['x-ms-dynamic-list'] = {
          operationId: 'ListStatuses',
          parameters: { project: { parameterReference: 'body/title' } },
          itemsPath: 'value',
          itemValuePath: 'id',
        };
        s.paths['/tasks'].post.parameters[0].schema.properties.title['x-ms-dynamic-values'] = {
          operationId: 'ListStatuses',
          parameters: { project: { parameter: 'due.date' } },
          'value-collection': 'value',
          'value-path': 'id',
        };
      }),
    },
    {
      name: 'on a reference where the body lists no properties',
      edit: dynamicStatus({ parameters: { project: { parameter: 'anything' } } }, (s) =>
        s.paths['/tasks'].get.parameters.push({ name: 'body', in: 'body', schema: { type: 'object' } }),
      ),
    },
    { name: 'on a static string value', edit: dynamicStatus({ parameters: { project: { value: 'p1' } } }) },
  ],
);

describeRule(
  'SWG-DYN-RESULT',
  [
    {
      // DocuSign's 'recipientTypes', where the response has 'tabTypes'.
      name: 'on a value-collection the response lacks, naming the array there',
      edit: dynamicStatus({ 'value-collection': 'items' }),
      pointer: `${VALUES}/value-collection`,
      severity: 'warning',
      message:
        /expects an array on the specified path 'items' which should be defined in the successful response of the invoked operation 'ListStatuses'\. The response's array there is 'value'\.$/,
    },
    {
      // JIRA's 'value', where the response has 'values'.
      name: 'on a value-collection one slip from a property, asking whether it was meant',
      edit: dynamicStatus({ 'value-collection': 'values' }),
      pointer: `${VALUES}/value-collection`,
      severity: 'warning',
      message: /path 'values' .* 'ListStatuses'\. Did you mean 'value'\?$/,
    },
    {
      name: 'without a value-collection, saying that the response itself is then read as the array',
      edit: dynamicStatus({ 'value-collection': undefined }),
      pointer: VALUES,
      severity: 'warning',
      message:
        /path '' which should be defined in the successful response of the invoked operation 'ListStatuses'\. Without 'value-collection' the response itself must be the array: name the property that holds the list in 'value-collection'\. The response's array there is 'value'\.$/,
    },
    {
      name: 'on a value-title the items lack, naming their properties',
      edit: dynamicStatus({ 'value-title': 'label' }),
      pointer: `${VALUES}/value-title`,
      severity: 'warning',
      message:
        /expects a property on the specified path 'label' .* 'ListStatuses'\. The response's properties there are 'id' and 'name'\.$/,
    },
    {
      name: 'on a value-collection that is not an array',
      edit: dynamicStatus(
        {},
        (s) => (s.paths['/statuses'].get.responses['200'].schema.properties.value = { type: 'string' }),
      ),
      pointer: `${VALUES}/value-collection`,
      severity: 'warning',
    },
    {
      name: 'on an item path of a dynamic list the items lack',
      edit: dynamicStatus(
        {},
        statusCall('x-ms-dynamic-list', { itemsPath: 'value', itemValuePath: 'id', itemTitlePath: 'label' }),
      ),
      pointer: `${STATUS}/x-ms-dynamic-list/itemTitlePath`,
      severity: 'warning',
      message: /expects a property on the specified path 'label'/,
    },
    {
      name: 'on a value-path of a dynamic schema the response lacks',
      edit: dynamicStatus({}, statusCall('x-ms-dynamic-schema', { 'value-path': 'schema' })),
      pointer: `${STATUS}/x-ms-dynamic-schema/value-path`,
      severity: 'warning',
      message: /expects a property on the specified path 'schema'/,
    },
    {
      name: 'on an itemsPath the response lacks, at it',
      edit: dynamicStatus({}, statusCall('x-ms-dynamic-list', { itemsPath: 'items' })),
      pointer: `${STATUS}/x-ms-dynamic-list/itemsPath`,
      severity: 'warning',
      message: /expects an array on the specified path 'items'/,
    },
    {
      name: "on an item path of a dynamic tree's browse call the items lack",
      edit: dynamicStatus({}, (s) => {
        s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-tree'] = {
          browse: {
            operationId: 'ListStatuses',
            parameters: { project: { parameter: 'project' } },
            itemsPath: 'value',
            itemValuePath: 'label',
          },
        };
      }),
      pointer: `${STATUS}/x-ms-dynamic-tree/browse/itemValuePath`,
      severity: 'warning',
      message: /expects a property on the specified path 'label'/,
    },
    {
      name: 'on a dynamic list without an itemsPath, saying that the response itself is then read as the array',
      edit: dynamicStatus({}, statusCall('x-ms-dynamic-list', { itemValuePath: 'id' })),
      pointer: `${STATUS}/x-ms-dynamic-list`,
      severity: 'warning',
      message:
        /path ''.* Without 'itemsPath' the response itself must be the array: name the property that holds the list in 'itemsPath'\./,
    },
    {
      name: 'on a second step the response lacks, asking for the path with its first step',
      edit: dynamicStatus({ 'value-collection': 'data/valeus' }, (s) => {
        const schema = s.paths['/statuses'].get.responses['200'].schema;
        schema.properties = { data: { type: 'object', properties: { values: schema.properties.value } } };
      }),
      pointer: `${VALUES}/value-collection`,
      severity: 'warning',
      message: /'ListStatuses'\. Did you mean 'data\/values'\?$/,
    },
    {
      name: 'on a first step the items lack, asking for a name two slips from that step alone, not from the steps after it',
      edit: dynamicStatus({ 'value-title': 'nomen/first' }),
      pointer: `${VALUES}/value-title`,
      severity: 'warning',
      message: /'ListStatuses'\. Did you mean 'name'\?$/,
    },
    {
      name: 'on a second step the response lacks and nothing is close to, naming only the arrays there, with the first step',
      edit: dynamicStatus({ 'value-collection': 'data/items' }, (s) => {
        const schema = s.paths['/statuses'].get.responses['200'].schema;
        schema.properties = {
          data: {
            type: 'object',
            properties: { value: schema.properties.value, total: { type: 'integer' } },
          },
        };
      }),
      pointer: `${VALUES}/value-collection`,
      severity: 'warning',
      message: /'ListStatuses'\. The response's array there is 'data\/value'\.$/,
    },
    {
      // An array is a schema of type 'array', or one with items; a property that is no schema is none.
      name: 'without a value-collection, naming three arrays by their type or items, and no other property',
      edit: dynamicStatus({ 'value-collection': undefined }, (s) => {
        const properties = s.paths['/statuses'].get.responses['200'].schema.properties;
        properties.entries = { items: { type: 'string' } };
        properties.tags = { type: 'array' };
        properties.total = { type: 'integer' };
        properties.owner = 'string';
      }),
      pointer: VALUES,
      severity: 'warning',
      message: /in 'value-collection'\. The response's arrays there are 'value', 'entries' and 'tags'\.$/,
    },
    {
      name: 'without a value-collection, naming no arrays where there are four',
      edit: dynamicStatus({ 'value-collection': undefined }, (s) => {
        const properties = s.paths['/statuses'].get.responses['200'].schema.properties;
        for (const name of ['entries', 'tags', 'users']) properties[name] = properties.value;
      }),
      pointer: VALUES,
      severity: 'warning',
      message: /in 'value-collection'\.$/,
    },
    {
      name: 'without a value-collection on a response with no array, naming none',
      edit: dynamicStatus({ 'value-collection': undefined }, (s) => {
        s.paths['/statuses'].get.responses['200'].schema.properties = { total: { type: 'integer' } };
      }),
      pointer: VALUES,
      severity: 'warning',
      message: /in 'value-collection'\.$/,
    },
    {
      // Gravity Forms' 'entries', here in a page schema the response is made of.
      name: 'without a value-collection, naming an array of a member of allOf',
      edit: dynamicStatus({ 'value-collection': undefined }, (s) => {
        const value = s.paths['/statuses'].get.responses['200'].schema.properties.value;
        s.definitions.Page = { type: 'object', properties: { entries: value } };
        s.paths['/statuses'].get.responses['200'].schema = {
          type: 'object',
          allOf: [{ $ref: '#/definitions/Page' }],
        };
      }),
      pointer: VALUES,
      severity: 'warning',
      message: /in 'value-collection'\. The response's array there is 'entries'\.$/,
    },
  ],
  [
    { name: 'on paths the response has', edit: dynamicStatus() },
    { name: 'on an empty value-title', edit: dynamicStatus({ 'value-title': '' }) },
    { name: 'on names that differ only by case', edit: dynamicStatus({ 'value-title': 'Name' }) },
    {
      name: 'on an open response schema',
      edit: dynamicStatus(
        { 'value-collection': 'items' },
        (s) => (s.paths['/statuses'].get.responses['200'].schema = { type: 'object' }),
      ),
    },
  ],
);

describeRule(
  'SWG-DYN-INTERNAL-SRC',
  [
    {
      name: 'on a reference to an internal parameter',
      edit: dynamicStatus({}, (s) => (s.paths['/tasks'].get.parameters[1]['x-ms-visibility'] = 'internal')),
      pointer: `${VALUES}/parameters/project`,
      message: /'project' in the source operation 'ListTasks' is internal/,
    },
  ],
  [{ name: 'on a reference to a visible parameter', edit: dynamicStatus() }],
);

describe('SWG-DYN-RESULT on calls that ask the same question', () => {
  // The rule answers each distinct target and paths once: every call must still get its finding, at
  // its own place (a collection named by a non-string is reported at its key, an absent one at the call).
  it('reports each call at its own pointer', async () => {
    const findings = await swaggerFindings(
      'SWG-DYN-RESULT',
      dynamicStatus({ 'value-collection': 5 }, (s) => {
        const copy = { ...s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values'] };
        delete copy['value-collection'];
        s.paths['/tasks'].get.parameters[1]['x-ms-dynamic-values'] = copy;
        s.paths['/tasks'].post.parameters[0].schema['x-ms-dynamic-values'] = { ...copy };
      }),
    );
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [`${VALUES}/value-collection`, expect.stringMatching(/expects an array on the specified path ''/)],
      [`${STATUS.replace(/0$/, '1')}/x-ms-dynamic-values`, expect.stringMatching(/path '' .*'ListStatuses'/)],
      [`${BODY}/schema/x-ms-dynamic-values`, expect.stringMatching(/path '' .*'ListStatuses'/)],
    ]);
  });
});

describe('SWG-DYN-RESULT on calls to one target that ask different questions', () => {
  // Answers are shared between calls that ask the same question only: the extension, the list and
  // each item path all tell the questions apart.
  it('reports each call that reads a path the response lacks, at that path', async () => {
    const findings = await swaggerFindings(
      'SWG-DYN-RESULT',
      dynamicStatus({}, (s) => {
        const values = s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values'];
        s.paths['/tasks'].get.parameters[0]['x-ms-dynamic-list'] = {
          operationId: 'ListStatuses',
          parameters: values.parameters,
          itemsPath: 'value',
          itemValuePath: 'id',
          itemTitlePath: 'label',
        };
        s.paths['/tasks'].get.parameters[1]['x-ms-dynamic-values'] = { ...values, 'value-title': 'label' };
        const properties = s.paths['/tasks'].post.parameters[0].schema.properties;
        properties.due['x-ms-dynamic-values'] = { ...values, 'value-path': 'key' };
        properties.title['x-ms-dynamic-values'] = { ...values, 'value-collection': 'items' };
      }),
    );
    const properties = `${BODY}/schema/properties`;
    expect(findings.map((finding) => finding.pointer).sort()).toEqual(
      [
        `${STATUS}/x-ms-dynamic-list/itemTitlePath`,
        `${STATUS.replace(/0$/, '1')}/x-ms-dynamic-values/value-title`,
        `${properties}/due/x-ms-dynamic-values/value-path`,
        `${properties}/title/x-ms-dynamic-values/value-collection`,
      ].sort(),
    );
  });
});
