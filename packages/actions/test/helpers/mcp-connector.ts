import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where mcpConnector() puts its folder in a workspace. */
export const MCP_FOLDER = 'certified-connectors/Contoso Tickets MCP';

/**
 * The swagger of an MCP server connector, as a maker writes one from Copilot Studio's template:
 * POST /mcp marked with `x-ms-agentic-protocol`, an API key, nothing else. `protocol` null leaves
 * the extension out (the connector is then no MCP server).
 */
export function mcpSwagger(protocol: string | null = 'mcp-streamable-1.0'): Record<string, unknown> {
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

const API_PROPERTIES = {
  properties: {
    connectionParameters: {
      api_key: {
        type: 'securestring',
        uiDefinition: {
          displayName: 'API Key',
          description: 'The API key of your Contoso help desk',
          tooltip: 'Provide your Contoso API key',
          constraints: { tabIndex: 2, clearText: false, required: 'true' },
        },
      },
    },
    iconBrandColor: '#0b6a0b',
    capabilities: [],
    publisher: 'Contoso Ltd',
    stackOwner: 'Contoso Ltd',
  },
};

// The server's tools under a heading of their own: no swagger operation has their names.
const README = `# Contoso Tickets MCP
Contoso Tickets MCP is a Model Context Protocol server for the tickets of a Contoso help desk.

## Publisher: Contoso Ltd

## Prerequisites
A Contoso help desk.

## Available Tools
### find_tickets
Finds tickets by text, queue or state.
### open_ticket
Opens a ticket in a queue.

## Obtaining Credentials
Create an API key in the Contoso admin centre.

## Known Issues and Limitations
None known.

## Deployment Instructions
Run \`paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json\`.
`;

/** Writes the MCP server connector into `workspace` at MCP_FOLDER, with `swagger` (mcpSwagger() unless given). */
export function writeMcpConnector(workspace: string, swagger = mcpSwagger()): void {
  const folder = path.join(workspace, MCP_FOLDER);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2) + '\n');
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(API_PROPERTIES, null, 2) + '\n');
  writeFileSync(path.join(folder, 'readme.md'), README);
}
