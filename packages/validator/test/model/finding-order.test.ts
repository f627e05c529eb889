import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { compareFolderPaths } from '@connector-alm/core';
import { sortFolderPaths } from '../../src/loader/discover.js';
import { compareFindings, locatedFinding, type Finding } from '../../src/model/finding.js';

function findingOf(connector: string, separator: string): Finding {
  const folder = connector.split('/').join(separator);
  return locatedFinding({
    ruleId: 'REPO-REQUIRED-FILES',
    severity: 'error',
    message: 'The connector has no apiProperties.json.',
    file: folder,
    line: 1,
    column: 1,
    connector: folder,
  });
}

// validate --base sorts all findings by compareFindings, and must list the connectors as validate
// does: in discovery's order, by their '/'-separated form, so that a Windows runner lists them as a
// Linux runner does (Contoso/v2 before Contoso2, where '\\' by code unit would put it after).
describe('the order of findings of several connectors', () => {
  const connectors = [
    'Contoso2',
    'Contoso/v2',
    'ContosoB',
    'Contoso-x',
    'contoso/a',
    'Contoso&x',
    'Contoso_x',
    'Zeta',
    'alpha',
  ];

  it('is the order discovery lists their folders in', () => {
    const order = connectors
      .map((connector) => findingOf(connector, '/'))
      .sort(compareFindings)
      .map((finding) => finding.connector);
    expect(order).toEqual(sortFolderPaths(connectors));
    expect(order.indexOf('Contoso/v2')).toBeLessThan(order.indexOf('Contoso2'));
    expect(order.indexOf('Zeta')).toBeLessThan(order.indexOf('alpha'));
  });

  it('is the same with Windows separators as with / on Windows', () => {
    const order = (separator: string): string[] =>
      connectors
        .map((connector) => connector.split('/').join(separator))
        .sort((a, b) => compareFolderPaths(a, b, separator === '/' ? path.posix : path.win32))
        .map((connector) => connector.split(separator).join('/'));
    expect(order('\\')).toEqual(order('/'));
  });
});
