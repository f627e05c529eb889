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
