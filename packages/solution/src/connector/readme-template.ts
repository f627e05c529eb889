/**
 * A readme in the shape of the PowerPlatformConnectors template (Title, Publisher, Prerequisites,
 * Supported Operations, Obtaining Credentials, Getting Started, Known Issues and Limitations, FAQ,
 * Deployment Instructions). Only what the definition says is filled in; the rest is left for a
 * person, marked so that `connector-alm validate` points at it.
 */
export function readmeFromTemplate(swagger: unknown, displayName: string): string {
  const info = (isObject(swagger) && isObject(swagger.info) ? swagger.info : {}) as Record<string, unknown>;
  const title = typeof info.title === 'string' && info.title.trim() !== '' ? info.title : displayName;
  const description = typeof info.description === 'string' ? info.description.trim() : '';
  const operations = visibleOperations(swagger);
  const lines = [
    `# ${title}`,
    '',
    description || 'TODO: describe the service and what the connector does.',
    '',
    '## Publisher: TODO',
    '',
    '## Prerequisites',
    '',
    'TODO: what a user needs (an account, a plan, a licence) before using the connector.',
    '',
    '## Supported Operations',
    '',
    ...operations.flatMap((operation) => [
      `### ${operation.summary}`,
      '',
      operation.description || 'TODO: describe the operation.',
      '',
    ]),
    '## Obtaining Credentials',
    '',
    'TODO: how to get the credentials the connection asks for.',
    '',
    '## Getting Started',
    '',
    'TODO: the first steps with the connector.',
    '',
    '## Known Issues and Limitations',
    '',
    'TODO: known issues, or "None".',
    '',
    '## Deployment Instructions',
    '',
    'Deploy the connector as a custom connector with the `paconn` command-line tool: https://docs.microsoft.com/connectors/custom-connectors/paconn-cli',
    '',
  ];
  return lines.join('\n');
}

interface Operation {
  summary: string;
  description: string;
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
      if (operation['x-ms-visibility'] === 'internal') continue;
      const summary =
        typeof operation.summary === 'string'
          ? operation.summary
          : typeof operation.operationId === 'string'
            ? operation.operationId
            : '';
      if (summary === '') continue;
      operations.push({
        summary,
        description: typeof operation.description === 'string' ? operation.description.trim() : '',
      });
    }
  }
  return operations;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
