import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mcpServerSwagger, validApiProperties } from '@connector-alm/validator/testing';

/** Where writeMcpConnector() puts its folder in a workspace. */
export const MCP_FOLDER = 'certified-connectors/Contoso Tickets MCP';

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

/** Writes the MCP server connector into `workspace` at MCP_FOLDER, with `swagger` (mcpServerSwagger() unless given). */
export function writeMcpConnector(workspace: string, swagger = mcpServerSwagger()): void {
  const folder = path.join(workspace, MCP_FOLDER);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2) + '\n');
  writeFileSync(
    path.join(folder, 'apiProperties.json'),
    JSON.stringify(validApiProperties(), null, 2) + '\n',
  );
  writeFileSync(path.join(folder, 'readme.md'), README);
}
