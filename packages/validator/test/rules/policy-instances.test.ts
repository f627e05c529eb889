import { describe, expect, it } from '@jest/globals';
import { policyInstances } from '../../src/rules/api-properties/policy-instances.js';

describe('policyInstances', () => {
  it('reads each entry that names its template, with its index, its id as written and in lower case', () => {
    const parameters = { 'x-ms-apimTemplateParameter.urlTemplate': 'https://@connectionParameters(host)' };
    const apiProperties = {
      properties: {
        policyTemplateInstances: [
          { templateId: 'dynamicHostUrl', parameters },
          'not an object',
          { templateId: 42 },
          { title: 'no templateId' },
          { templateId: 'setheader', parameters: ['not', 'an', 'object'] },
        ],
      },
    };
    expect(policyInstances(apiProperties)).toEqual([
      { index: 0, templateId: 'dynamicHostUrl', template: 'dynamichosturl', parameters },
      { index: 4, templateId: 'setheader', template: 'setheader', parameters: undefined },
    ]);
  });

  it('reads none where apiProperties, its properties or the list are missing or not what they should be', () => {
    for (const apiProperties of [
      undefined,
      {},
      { properties: [] },
      { properties: { policyTemplateInstances: {} } },
    ]) {
      expect(policyInstances(apiProperties)).toEqual([]);
    }
  });
});
