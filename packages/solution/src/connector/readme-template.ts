import { isObject, readmeTodoHeading, readmeTodoLine, withoutByteOrderMark } from '@connector-alm/core';

/**
 * A readme in the shape of the PowerPlatformConnectors template (Title, Publisher, Prerequisites,
 * Supported Operations, Obtaining Credentials, Getting Started, Known Issues and Limitations, FAQ,
 * Deployment Instructions), with Available Tools for an MCP server connector. Only what the
 * definition says is filled in; the rest is left for a person, marked TODO, which validate reports
 * (README-PLACEHOLDER) until it is filled in. Each TODO says what to write in its place.
 */
export function readmeFromTemplate(swagger: unknown, displayName: string): string {
  const info = (isObject(swagger) && isObject(swagger.info) ? swagger.info : {}) as Record<string, unknown>;
  const title = headingText(info.title) || headingText(displayName);
  const description = typeof info.description === 'string' ? info.description.trim() : '';
  const visible = visibleOperations(swagger);
  const operations = visible.filter((operation) => !operation.mcpServer);
  const servers = visible.filter((operation) => operation.mcpServer);
  const lines = [
    `# ${title}`,
    '',
    description || readmeTodoLine('what the service is and what the connector does.'),
    '',
    readmeTodoHeading('## Publisher'),
    '',
    '## Prerequisites',
    '',
    readmeTodoLine('what a user needs (an account, a plan, a licence) before using the connector.'),
    '',
    // An MCP server connector alone documents its tools in place of operations (the readme rules
    // accept "## Available Tools" there): no empty Supported Operations section for it.
    ...(operations.length > 0 || servers.length === 0
      ? [
          '## Supported Operations',
          '',
          ...operations.flatMap((operation) => [
            `### ${operation.summary}`,
            '',
            operation.description || readmeTodoLine('what the operation does.'),
            '',
          ]),
        ]
      : []),
    ...(servers.length > 0
      ? [
          '## Available Tools',
          '',
          ...servers.flatMap((server) => (server.description ? [server.description, ''] : [])),
          readmeTodoLine('each tool of the MCP server under a ### heading, with what it does.'),
          '',
        ]
      : []),
    '## Obtaining Credentials',
    '',
    readmeTodoLine('how to get the credentials the connection asks for.'),
    '',
    '## Getting Started',
    '',
    readmeTodoLine('the first steps with the connector.'),
    '',
    '## Known Issues and Limitations',
    '',
    readmeTodoLine('known issues, or "None".'),
    '',
    '## Deployment Instructions',
    '',
    'Deploy the connector as a custom connector with the `paconn` command-line tool: https://learn.microsoft.com/connectors/custom-connectors/paconn-cli',
    '',
  ];
  return lines.join('\n');
}

/**
 * Whether a folder's readme (`text`) is still `template` as extraction wrote it: byte for byte, or
 * with CRLF line endings or a byte-order mark. Git with core.autocrlf on Windows checks the LF
 * readme out with CRLF, and Windows editors save it with a BOM, neither a word of the maker's: read
 * byte for byte, such a readme counted as "yours", was carried into a renamed connector's new
 * folder, and kept a left connector's folder from being removed. False when there is no template
 * (an earlier definition that does not parse).
 */
export function isTemplateReadme(text: string, template: string | undefined): boolean {
  if (template === undefined) return false;
  return text === template || withoutByteOrderMark(text).replace(/\r\n/g, '\n') === template;
}

interface Operation {
  summary: string;
  description: string;
  /**
   * It carries `x-ms-agentic-protocol`: an MCP server, whose users see the server's tools, which
   * the swagger does not name, rather than the operation (as the validator's readme rules read it).
   */
  mcpServer: boolean;
}

function visibleOperations(swagger: unknown): Operation[] {
  if (!isObject(swagger) || !isObject(swagger.paths)) return [];
  const operations: Operation[] = [];
  for (const item of Object.values(swagger.paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (
        !['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method) ||
        !isObject(operation)
      )
        continue;
      // Neither is one users see, and README-OPS-MATCH asks for neither: listed, they were a
      // section the maker had to delete again.
      if (operation['x-ms-visibility'] === 'internal' || operation.deprecated === true) continue;
      const summary = headingText(operation.summary) || headingText(operation.operationId);
      if (summary === '') continue;
      operations.push({
        summary,
        description: typeof operation.description === 'string' ? operation.description.trim() : '',
        mcpServer: 'x-ms-agentic-protocol' in operation,
      });
    }
  }
  return operations;
}

/**
 * A name as one heading line: trimmed, and its line breaks and runs of white space one space each. A
 * summary written over two lines made a heading of its first line and a paragraph of the rest.
 */
function headingText(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
}
