import { afterAll, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateFolder } from '@connector-alm/validator';
import { mcpServerSwagger } from '@connector-alm/validator/testing';
import { buildSolution, extractConnectors } from '../src/index.js';
import { temporaryFolders } from './helpers/zips.js';

// An MCP server connector (Copilot Studio: POST /mcp marked with x-ms-agentic-protocol) taken into a
// solution with build-solution and out again with extract-connectors into a new repository, which
// has no readme for it yet: the readme extraction starts it with is to document the server's tools.

const temp = temporaryFolders('mcp-readme-');
afterAll(() => temp.cleanup());

async function extractedReadme(swagger: object): Promise<{ readme: string; folder: string }> {
  const source = path.join(temp.make(), 'Contoso Tickets MCP');
  mkdirSync(source);
  writeFileSync(path.join(source, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  const properties = {
    connectionParameters: { api_key: { type: 'securestring', uiDefinition: { displayName: 'API Key' } } },
    iconBrandColor: '#0b6a0b',
  };
  writeFileSync(path.join(source, 'apiProperties.json'), JSON.stringify({ properties }, null, 2));
  const zip = path.join(temp.make(), 'ContosoMcp.zip');
  await buildSolution([source], zip, {
    uniqueName: 'ContosoMcp',
    version: '1.0.0.0',
    publisher: { uniqueName: 'Contoso', prefix: 'contoso', displayName: 'Contoso Ltd' },
  });
  const root = path.join(temp.make(), 'certified-connectors');
  const [result] = await extractConnectors(zip, root);
  const folder = path.join(root, result!.folder);
  return { readme: readFileSync(path.join(folder, 'readme.md'), 'utf8'), folder };
}

it('starts the readme of an MCP server connector with its tools to list, not its server operation as one', async () => {
  const swagger = mcpServerSwagger();
  const { readme, folder } = await extractedReadme(swagger);
  expect(readme).toContain(
    '\n## Available Tools\n\n' +
      'Calls the Contoso Tickets MCP server, whose tools find, open and close tickets.\n\n' +
      'TODO: each tool of the MCP server under a ### heading, with what it does.\n\n' +
      '## Obtaining Credentials\n',
  );
  expect(readme).not.toContain('## Supported Operations');
  expect(readme).not.toContain('### Contoso Tickets MCP server');
  // The extension made the round trip as written.
  expect(JSON.parse(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8'))).toEqual(swagger);
  // The readme rules take the tools' section in place of Supported Operations; only the TODOs left
  // to fill in are reported, the tools to list among them.
  const validated = await validateFolder(folder, { profile: 'certified' });
  const readmeFindings = validated.findings.filter((finding) => finding.ruleId.startsWith('README-'));
  expect(new Set(readmeFindings.map((finding) => finding.ruleId))).toEqual(new Set(['README-PLACEHOLDER']));
  expect(readmeFindings.map((finding) => finding.message)).toContain(
    'The readme still says "TODO: each tool of the MCP server under a ### heading, with what it does.": replace the line with each tool of the MCP server under a ### heading, with what it does.',
  );
});

it('lists the other operations of a connector that has an MCP server beside them under Supported Operations', async () => {
  const swagger = mcpServerSwagger() as { paths: Record<string, object> };
  swagger.paths['/health'] = {
    get: {
      summary: 'Check health',
      description: 'Tells whether the server is up.',
      operationId: 'CheckHealth',
      responses: { '200': { description: 'Up' } },
    },
  };
  const { readme } = await extractedReadme(swagger);
  expect(readme).toContain(
    '\n## Supported Operations\n\n### Check health\n\nTells whether the server is up.\n\n## Available Tools\n\n',
  );
});
