/**
 * A small connector that passes every certification rule: tests start from it and break one thing.
 * Each call returns fresh objects, so a test may change them freely.
 */
export function validSwagger(): Record<string, any> {
  return {
    swagger: '2.0',
    info: {
      title: 'Contoso Tasks',
      description: 'Contoso Tasks lets teams plan, assign and track their work items from anywhere.',
      version: '1.0',
      contact: { name: 'Contoso Support', url: 'https://support.contoso.com', email: 'support@contoso.com' },
    },
    host: 'api.contoso.com',
    basePath: '/v1',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/tasks': {
        get: {
          summary: 'List tasks',
          description: 'Lists the tasks of the current user.',
          operationId: 'ListTasks',
          parameters: [
            {
              name: 'status',
              in: 'query',
              type: 'string',
              required: false,
              enum: ['open', 'done'],
              'x-ms-summary': 'Status',
              description: 'Only tasks with this status.',
            },
          ],
          responses: {
            '200': {
              description: 'The tasks.',
              schema: { type: 'array', items: { $ref: '#/definitions/Task' } },
            },
          },
        },
        post: {
          summary: 'Create a task',
          description: 'Creates a task for the current user.',
          operationId: 'CreateTask',
          parameters: [
            {
              name: 'body',
              in: 'body',
              required: true,
              schema: {
                type: 'object',
                required: ['title'],
                properties: {
                  title: { type: 'string', 'x-ms-summary': 'Title', description: 'The title of the task.' },
                  due: {
                    type: 'string',
                    format: 'date-time',
                    'x-ms-summary': 'Due',
                    description: 'When it is due.',
                  },
                },
              },
            },
          ],
          responses: { '201': { description: 'The new task.', schema: { $ref: '#/definitions/Task' } } },
        },
      },
      '/tasks/{taskId}': {
        get: {
          summary: 'Get a task',
          description: 'Gets one task by its identifier.',
          operationId: 'GetTask',
          parameters: [
            {
              name: 'taskId',
              in: 'path',
              type: 'string',
              required: true,
              'x-ms-url-encoding': 'single',
              'x-ms-summary': 'Task ID',
              description: 'The identifier of the task.',
            },
          ],
          responses: { '200': { description: 'The task.', schema: { $ref: '#/definitions/Task' } } },
        },
      },
    },
    definitions: {
      Task: {
        type: 'object',
        properties: {
          id: { type: 'string', 'x-ms-summary': 'Task ID', description: 'The identifier of the task.' },
          title: { type: 'string', 'x-ms-summary': 'Title', description: 'The title of the task.' },
          status: { type: 'string', 'x-ms-summary': 'Status', description: 'open or done.' },
        },
      },
    },
    securityDefinitions: {
      API_Key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    },
    security: [{ API_Key: [] }],
    tags: [],
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: 'https://www.contoso.com' },
      { propertyName: 'Privacy policy', propertyValue: 'https://www.contoso.com/privacy' },
      { propertyName: 'Categories', propertyValue: 'Productivity;Collaboration' },
    ],
  };
}

export function validApiProperties(): Record<string, any> {
  return {
    properties: {
      connectionParameters: {
        api_key: {
          type: 'securestring',
          uiDefinition: {
            displayName: 'API Key',
            description: 'The API key of your Contoso account.',
            tooltip: 'Find it under Settings, API keys.',
            constraints: { tabIndex: 2, clearText: false, required: 'true' },
          },
        },
      },
      iconBrandColor: '#3b5bdb',
      capabilities: [],
      publisher: 'Contoso Ltd',
      stackOwner: 'Contoso Ltd',
    },
  };
}

export function validReadme(): string {
  return `# Contoso Tasks
Contoso Tasks lets teams plan, assign and track their work items.

## Publisher: Contoso Ltd

## Prerequisites
A Contoso account with an API key.

## Supported Operations
### List tasks
Lists the tasks of the current user.
### Create a task
Creates a task for the current user.
### Get a task
Gets one task by its identifier.

## Obtaining Credentials
Sign in to Contoso, open Settings, API keys, and create a key.

## Known Issues and Limitations
None known.

## Deployment Instructions
Run \`paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json\`.
`;
}

/** The settings.json paconn writes: passes every SET-* rule. */
export function validSettings(): Record<string, any> {
  return {
    connectorId: 'shared_contoso-5f',
    environment: 'Default-dd15e603-1234-4b3c-9d6a-1b2c3d4e5f60',
    apiProperties: 'apiProperties.json',
    apiDefinition: 'apiDefinition.swagger.json',
    powerAppsApiVersion: '2016-11-01',
  };
}

/**
 * Adds a webhook trigger to the valid swagger: POST /hooks (OnTaskCreated), registering an internal,
 * required callbackUrl, answering 201 with a Location header, and the internal DELETE that removes it.
 */
export function addWebhook(swagger: Record<string, any>): void {
  swagger.paths['/hooks'] = {
    'x-ms-notification-content': { description: 'A task', schema: { $ref: '#/definitions/Task' } },
    post: {
      operationId: 'OnTaskCreated',
      summary: 'When a task is created',
      description: 'Triggers when a task is created.',
      'x-ms-trigger': 'single',
      parameters: [
        {
          name: 'body',
          in: 'body',
          required: true,
          schema: {
            type: 'object',
            required: ['callbackUrl'],
            properties: {
              callbackUrl: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
            },
          },
        },
      ],
      responses: { '201': { description: 'Created', headers: { Location: { type: 'string' } } } },
    },
  };
  swagger.paths['/hooks/{hookId}'] = {
    delete: {
      operationId: 'DeleteHook',
      'x-ms-visibility': 'internal',
      parameters: [
        { name: 'hookId', in: 'path', required: true, type: 'string', 'x-ms-url-encoding': 'single' },
      ],
      responses: { '200': { description: 'Deleted' } },
    },
  };
}

/**
 * Adds an MCP server to the valid swagger, as Copilot Studio's template writes one: POST /mcp
 * (InvokeMCP) with `x-ms-agentic-protocol` and a 200 response without a schema.
 */
export function addMcpServer(swagger: Record<string, any>, protocol: unknown = 'mcp-streamable-1.0'): void {
  swagger.paths['/mcp'] = {
    post: {
      summary: 'Invoke MCP server',
      description: 'Calls the Contoso Tasks MCP server, whose tools list, create and close tasks.',
      operationId: 'InvokeMCP',
      'x-ms-agentic-protocol': protocol,
      responses: { '200': { description: 'Success' } },
    },
  };
}

/**
 * The swagger of an MCP server connector, as a maker writes one from Copilot Studio's template, standing
 * alone (addMcpServer puts one beside other operations):
 * POST /mcp marked with `x-ms-agentic-protocol`, an API key, nothing else. `protocol` null leaves
 * the extension out (the connector is then no MCP server).
 */
export function mcpServerSwagger(protocol: string | null = 'mcp-streamable-1.0'): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: {
      title: 'Contoso Tickets MCP',
      description: 'Contoso Tickets MCP gives agents the tickets and queues of a Contoso help desk.',
      version: '1.0',
      contact: { name: 'Contoso Support', url: 'https://support.contoso.com', email: 'support@contoso.com' },
    },
    host: 'mcp.contoso.com',
    basePath: '/',
    schemes: ['https'],
    consumes: [],
    produces: [],
    paths: {
      '/mcp': {
        post: {
          summary: 'Contoso Tickets MCP server',
          description: 'Calls the Contoso Tickets MCP server, whose tools find, open and close tickets.',
          operationId: 'InvokeMCP',
          ...(protocol !== null && { 'x-ms-agentic-protocol': protocol }),
          responses: { '200': { description: 'Success' } },
        },
      },
    },
    definitions: {},
    parameters: {},
    responses: {},
    securityDefinitions: { api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    security: [{ api_key: [] }],
    tags: [],
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: 'https://www.contoso.com' },
      { propertyName: 'Privacy policy', propertyValue: 'https://www.contoso.com/privacy' },
      { propertyName: 'Categories', propertyValue: 'AI' },
    ],
  };
}

/** The three files every connector folder has. */
export function validConnectorFiles(): Record<string, object | string> {
  return {
    'apiDefinition.swagger.json': validSwagger(),
    'apiProperties.json': validApiProperties(),
    'readme.md': validReadme(),
  };
}
