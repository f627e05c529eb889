import { describe, expect, it } from '@jest/globals';
import { readmeFromTemplate } from '../src/connector/readme-template.js';

describe('the readme extract-connectors writes', () => {
  const swagger = {
    info: { title: 'Contoso Tasks', description: 'Plan and track Contoso tasks.' },
    paths: {
      '/tasks': { get: { operationId: 'ListTasks', summary: 'List tasks', description: 'Lists tasks.' } },
    },
  };

  it('points the deployment instructions at the paconn page on learn.microsoft.com, not the retired docs site', () => {
    const readme = readmeFromTemplate(swagger, 'Contoso Tasks');
    expect(readme).toContain('https://learn.microsoft.com/connectors/custom-connectors/paconn-cli');
    expect(readme).not.toContain('docs.microsoft.com');
  });
});

describe('what the readme takes from the API definition', () => {
  const TAIL = [
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
    'Deploy the connector as a custom connector with the `paconn` command-line tool: https://learn.microsoft.com/connectors/custom-connectors/paconn-cli',
    '',
  ];

  it('lists each operation users see under its summary, else its operationId, with its description or a TODO', () => {
    const swagger = {
      info: { title: 'Contoso Tasks', description: '  Plan and track Contoso tasks.\n' },
      paths: {
        '/ping': null,
        '/tasks': {
          parameters: [{ name: 'tenant', in: 'header', type: 'string' }],
          // A path-level extension is no operation, even with a summary.
          'x-ms-notification-content': { summary: 'Task changed', description: 'Sent when a task changes.' },
          get: {
            operationId: 'ListTasks',
            summary: 'List tasks',
            description: ' Lists the tasks of a plan.\n',
          },
          post: { operationId: 'CreateTask' },
          put: { operationId: 'ReplaceTasks', summary: 'Replace tasks' },
          patch: { operationId: 'UpdateTasks', summary: 'Update tasks' },
        },
        // Neither a summary nor an operationId: nothing to list it by.
        '/later': { get: {}, post: { operationId: 'ScheduleTask', summary: 'Schedule a task' } },
        '/tasks/{id}': {
          get: { operationId: 'GetTask', summary: 'Get a task', 'x-ms-visibility': 'internal' },
          delete: { operationId: 'ArchiveTask', summary: 'Archive a task', 'x-ms-visibility': 'advanced' },
          head: { operationId: 'CheckTask', summary: 'Check a task' },
          options: { summary: 'Task options', description: 'What a task allows.' },
        },
      },
    };
    const todo = 'TODO: what the operation does.';
    expect(readmeFromTemplate(swagger, 'Contoso Tasks').split('\n')).toEqual([
      '# Contoso Tasks',
      '',
      'Plan and track Contoso tasks.',
      '',
      '## Publisher: TODO',
      '',
      '## Prerequisites',
      '',
      'TODO: what a user needs (an account, a plan, a licence) before using the connector.',
      '',
      '## Supported Operations',
      '',
      ...['### List tasks', '', 'Lists the tasks of a plan.', ''],
      ...['### CreateTask', '', todo, ''],
      ...['### Replace tasks', '', todo, ''],
      ...['### Update tasks', '', todo, ''],
      ...['### Schedule a task', '', todo, ''],
      ...['### Archive a task', '', todo, ''],
      ...['### Check a task', '', todo, ''],
      ...['### Task options', '', 'What a task allows.', ''],
      ...TAIL,
    ]);
  });

  it('leaves deprecated operations out, as internal ones: README-OPS-MATCH asks for neither', () => {
    const swagger = {
      paths: {
        '/tasks': {
          get: { operationId: 'ListTasks', summary: 'List tasks (deprecated)', deprecated: true },
          post: { operationId: 'CreateTask', summary: 'Create a task', deprecated: false },
        },
      },
    };
    const headings = readmeFromTemplate(swagger, 'Contoso Tasks')
      .split('\n')
      .filter((line) => line.startsWith('### '));
    expect(headings).toEqual(['### Create a task']);
  });

  it('writes each heading on one line, trimmed, and a blank summary as the operationId', () => {
    const swagger = {
      info: { title: '  Contoso\n Tasks ' },
      paths: {
        '/tasks': {
          get: { operationId: 'ListTasks', summary: 'List the tasks\r\n  of a plan ' },
          post: { operationId: 'CreateTask', summary: '  ' },
        },
      },
    };
    const lines = readmeFromTemplate(swagger, 'Contoso Tasks').split('\n');
    expect(lines[0]).toBe('# Contoso Tasks');
    expect(lines.filter((line) => line.startsWith('### '))).toEqual([
      '### List the tasks of a plan',
      '### CreateTask',
    ]);
    // The display name is a title too, when the definition has none.
    expect(readmeFromTemplate({}, ' Contoso  Tasks\n').split('\n')[0]).toBe('# Contoso Tasks');
  });

  it('is titled by the definition, or by the display name where the definition has no title', () => {
    const titled = (swagger: unknown) => readmeFromTemplate(swagger, 'Contoso Tasks').split('\n')[0];
    expect(titled({ info: { title: 'Contoso Tasks API' }, paths: {} })).toBe('# Contoso Tasks API');
    for (const title of ['', '  ', 42, undefined])
      expect([title, titled({ info: { title }, paths: {} })]).toEqual([title, '# Contoso Tasks']);
  });

  it('is the template alone for a definition without info or paths, or that is no object', () => {
    for (const swagger of [null, 'swagger', {}, { info: 'Contoso', paths: [] }])
      expect([swagger, readmeFromTemplate(swagger, 'Contoso Tasks').split('\n')]).toEqual([
        swagger,
        [
          '# Contoso Tasks',
          '',
          'TODO: what the service is and what the connector does.',
          '',
          '## Publisher: TODO',
          '',
          '## Prerequisites',
          '',
          'TODO: what a user needs (an account, a plan, a licence) before using the connector.',
          '',
          '## Supported Operations',
          '',
          ...TAIL,
        ],
      ]);
  });
});
