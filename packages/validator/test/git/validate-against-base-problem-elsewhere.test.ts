import { describe, expect, it } from '@jest/globals';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import type { Json } from '../diff/diff-fixture.js';
import { validateFilesAgainstDev } from './pull-request-edit.js';

// Upstream, a pull request fixed a string/binary property nested in one definition and wrote one in a
// new definition: the two findings say the same, and the new one read as existing, the fixed one not
// counted. `--only-new` let the new problem through.

const FOLDER = 'certified-connectors/Contoso';

/**
 * The valid connector whose definitions `nested` each hold a `file` property of type string/binary,
 * each a property of CreateTask's body (`attachment<name>`), an input schema that reaches it.
 */
function nestedBinary(...nested: string[]): Json {
  const files = validConnectorFiles() as Json;
  const definitions = files['apiDefinition.swagger.json'].definitions;
  for (const name of nested) {
    definitions[name] = {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', description: 'The file.' } },
    };
    files['apiDefinition.swagger.json'].paths['/tasks'].post.parameters[0].schema.properties[
      `attachment${name}`
    ] = {
      $ref: `#/definitions/${name}`,
      description: 'An attachment.',
    };
  }
  return files;
}

async function binaryFindings(base: Json, head: Json) {
  const { result } = await validateFilesAgainstDev(FOLDER, base, head);
  return {
    findings: result.findings
      .filter((finding) => finding.ruleId === 'SWG-BINARY-POS')
      .map((finding) => `${finding.baseline} ${finding.pointer}`),
    fixed: result.diffs
      .flatMap((entry) => entry.fixed ?? [])
      .map((finding) => `${finding.ruleId} ${finding.pointer}`),
  };
}

describe('validate --base: a finding that says the same as a base one at another place', () => {
  it('is new when the base place is still there, and the base finding is fixed', async () => {
    const head = nestedBinary('Upload');
    // Report keeps its place, its property now a plain string.
    head['apiDefinition.swagger.json'].definitions.Report = {
      type: 'object',
      properties: { file: { type: 'string', description: 'The file.' } },
    };
    expect(await binaryFindings(nestedBinary('Report'), head)).toEqual({
      findings: ['new /definitions/Upload/properties/file/format'],
      fixed: ['SWG-BINARY-POS /definitions/Report/properties/file/format'],
    });
  });

  it('is existing when the base place is gone: the definition was renamed', async () => {
    expect(await binaryFindings(nestedBinary('Report'), nestedBinary('Upload'))).toEqual({
      findings: ['existing /definitions/Upload/properties/file/format'],
      fixed: [],
    });
  });
});
