import { describe, expect, it } from '@jest/globals';
import { compareFindings, type Finding } from '../../src/model/finding.js';

function findingOf(connector: string, separator: string): Finding {
  const folder = connector.split('/').join(separator);
  return {
    ruleId: 'REPO-REQUIRED-FILES',
    severity: 'error',
    message: 'The connector has no apiProperties.json.',
    file: folder,
    line: 1,
    column: 1,
    connector: folder,
  };
}

// validate --base sorts all findings by compareFindings. Its localeCompare puts '/' and '\' side by
// side, before every other character a folder name can hold: a Windows runner's findings come in the
// order of a Linux runner's. A comparison by code unit would not (Contoso\v2 after Contoso2).
describe('the order of findings of several connectors', () => {
  it('is the same with Windows separators as with /', () => {
    const connectors = [
      'Contoso2',
      'Contoso/v2',
      'ContosoB',
      'Contoso-x',
      'contoso/a',
      'Contoso&x',
      'Contoso_x',
    ];
    const order = (separator: string): string[] =>
      connectors
        .map((connector) => findingOf(connector, separator))
        .sort(compareFindings)
        .map((finding) => finding.connector.split(separator).join('/'));
    expect(order('/')).toEqual(order('\\'));
    expect(order('/').indexOf('Contoso/v2')).toBeLessThan(order('/').indexOf('Contoso2'));
  });
});
