import { describe, expect, it } from '@jest/globals';
import { dagSwagger, lastLevel } from '../helpers/reference-graph.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { validateEditAgainstDev } from './pull-request-edit.js';

const FOLDER = 'certified-connectors/Dag Probe';

/**
 * `validate --base` runs the breaking-change diff on what a pull request changed: a swagger whose
 * 30 levels of definitions each reference the next twice made it die of "heap out of memory".
 */
describe('validateAgainstBase on a pull request that edits a DAG of definitions', () => {
  it('reports a field retyped at the bottom of 30 levels by its first 50 paths each way, with the count', async () => {
    const base = { ...validConnectorFiles(), 'apiDefinition.swagger.json': dagSwagger(30) };
    const { result } = await validateEditAgainstDev(
      FOLDER,
      (files) => (lastLevel(files['apiDefinition.swagger.json']).properties.leaf.type = 'integer'),
      base,
    );
    const diff = result.diffs[0]!.diff!;
    expect(diff.classification).toBe('breaking');
    expect(diff.changes).toHaveLength(100);
    const counted = result.findings.filter((finding) => finding.message.includes('more ValuePaths'));
    expect(counted.map((finding) => [finding.ruleId, finding.line, finding.baseline])).toEqual([
      ['BRK-INPUT-TYPE', expect.any(Number), 'new'],
      ['BRK-OUTPUT-TYPE', expect.any(Number), 'new'],
    ]);
    expect(counted[0]!.message).toMatch(
      /The same field is reached by 536870862 more ValuePaths under 'operation\/Op\/parameter\/body\/schema', not listed\. .* ValuePath: operation\/Op\/parameter\/body\/schema(\/[ab]){29}\/leaf\/type$/,
    );
    expect(counted[0]!.file).toBe(`${FOLDER}/apiDefinition.swagger.json`);
  });
});
