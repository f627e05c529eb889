import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';

describe('diffPaths', () => {
  it('compares two connector folders, readme and icon included', async () => {
    const before = writeConnector({ ...validConnectorFiles(), 'icon.png': Buffer.from([1, 2, 3]) });
    const after = writeConnector({
      ...validConnectorFiles(),
      'icon.png': Buffer.from([1, 2, 4]),
      'readme.md': '# Contoso Tasks\nEdited.\n',
    });
    const result = await diffPaths(before, after);
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'CHG-ICON-CHANGED',
      'CHG-README-EDITED',
    ]);
    expect(result.classification).toBe('minor-update');
  });

  it('compares a folder with a swagger file, naming the files relative to cwd', async () => {
    const before = writeConnector(validConnectorFiles());
    const swagger = validSwagger();
    delete swagger.paths['/tasks/{taskId}'];
    const after = writeConnector({ 'apiDefinition.swagger.json': swagger });
    const cwd = path.dirname(path.dirname(path.dirname(after)));
    const result = await diffPaths(before, path.join(after, 'apiDefinition.swagger.json'), cwd);
    const [deleted] = result.changes.filter((change) => change.ruleId === 'BRK-OP-DELETED');
    expect(deleted!.file).toBe(path.relative(cwd, path.join(before, 'apiDefinition.swagger.json')));
    expect(result.classification).toBe('breaking');
  });

  it('refuses a path that does not exist, located at the path as given', async () => {
    const error = await diffPaths('no/such/a', validConnectorPath()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe('no/such/a: does not exist.');
  });
});

function validConnectorPath(): string {
  return writeConnector(validConnectorFiles());
}
