import { describe, expect, it } from '@jest/globals';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';
import { isInternalVisibility } from '../../src/swagger/visibility.js';
import { diffEdited, withRule } from '../diff/diff-fixture.js';
import { swaggerFindings, type Json } from '../helpers/swagger-cases.js';
import { validSwagger } from '../helpers/valid-connector.js';

/** ListTasks hidden with the value in capitals, its summaries and its parameter's label removed. */
function hideListTasks(value: string) {
  return (swagger: Json): void => {
    const list = swagger.paths['/tasks'].get;
    list['x-ms-visibility'] = value;
    delete list.summary;
    delete list.parameters[0]['x-ms-summary'];
  };
}

describe('x-ms-visibility internal in any capitalization', () => {
  it('is internal for the one function the model, the rules and the diff share', () => {
    expect(['internal', 'Internal', 'INTERNAL', 'iNtErNaL'].map(isInternalVisibility)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['important', 'internal ', '', undefined, 1, { internal: true }].map(isInternalVisibility),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('makes the model call the operation, its parameters and a parameter of a visible one internal', () => {
    const swagger = validSwagger();
    swagger.paths['/tasks'].get['x-ms-visibility'] = 'INTERNAL';
    swagger.paths['/tasks/{taskId}'].get.parameters[0]['x-ms-visibility'] = 'INTERNAL';
    const model = new SwaggerModel(swagger);
    const list = model.operations.find((operation) => operation.operationId === 'ListTasks')!;
    const get = model.operations.find((operation) => operation.operationId === 'GetTask')!;
    expect({
      operation: list.isInternal,
      inheritedParameter: list.parameters[0]!.isInternal,
      ownParameter: get.parameters[0]!.isInternal,
      visibleOperation: get.isInternal,
    }).toEqual({ operation: true, inheritedParameter: true, ownParameter: true, visibleOperation: false });
  });

  it('exempts the operation from the rules that skip internal ones, as it does when written in lower case', async () => {
    // Visible, the same edit is reported by both: what the exemption takes away is there to take.
    expect((await swaggerFindings('SWG-OP-SUMMARY-REQ', hideListTasks('important'))).length).toBe(1);
    expect((await swaggerFindings('SWG-PARAM-XMS-SUMMARY', hideListTasks('important'))).length).toBe(1);
    for (const value of ['INTERNAL', 'internal']) {
      expect(await swaggerFindings('SWG-OP-SUMMARY-REQ', hideListTasks(value))).toEqual([]);
      expect(await swaggerFindings('SWG-PARAM-XMS-SUMMARY', hideListTasks(value))).toEqual([]);
    }
  });

  it('still has SWG-VISIBILITY-ENUM ask for the lowercase value', async () => {
    const findings = await swaggerFindings('SWG-VISIBILITY-ENUM', hideListTasks('INTERNAL'));
    expect(findings.map((finding) => [finding.severity, finding.message])).toEqual([
      [
        'warning',
        "Write x-ms-visibility in lower case: 'internal' instead of 'INTERNAL'. `connector-alm validate --fix` writes \"internal\".",
      ],
    ]);
  });

  it('has the diff report the operation hidden, as for the lowercase value', () => {
    const result = diffEdited((swagger) => (swagger.paths['/tasks'].get['x-ms-visibility'] = 'INTERNAL'));
    expect(withRule(result, 'BRK-VISIBILITY-INTERNAL').map((change) => change.operationId)).toEqual([
      'ListTasks',
    ]);
    expect(withRule(result, 'CHG-OTHER')).toEqual([]);
  });

  it('has the diff see no change of visibility between two spellings of internal, either way', () => {
    // INTERNAL → internal was a breaking BRK-VISIBILITY-INTERNAL while the model read INTERNAL as visible.
    for (const [before, after] of [
      ['internal', 'INTERNAL'],
      ['INTERNAL', 'internal'],
    ]) {
      const result = diffEdited(
        (swagger) => (swagger.paths['/tasks'].get['x-ms-visibility'] = after),
        hiddenSwagger(before!),
      );
      expect(withRule(result, 'BRK-VISIBILITY-INTERNAL')).toEqual([]);
      expect(withRule(result, 'CHG-OTHER').map((change) => change.operationId)).toEqual(['ListTasks']);
    }
  });
});

function hiddenSwagger(value: string): Json {
  const swagger = validSwagger();
  swagger.paths['/tasks'].get['x-ms-visibility'] = value;
  return swagger;
}
