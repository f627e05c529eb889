import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { validateFolder } from '../src/validate.js';
import { writeConnector } from './helpers/fixture.js';
import { validApiProperties, validReadme, validSwagger } from './helpers/valid-connector.js';

// A value under a misspelled key whose finding names the right spelling is judged in the same run,
// at the key as written: the maker learns that the value is wrong too before renaming the key, not
// in the run after it (issue #3: every problem in one round).

/** The findings of a real certified folder, as `rule line message`. */
async function findingsOf(swagger: object, apiProperties: object = validApiProperties()): Promise<string[]> {
  const folder = writeConnector({
    'apiDefinition.swagger.json': swagger,
    'apiProperties.json': apiProperties,
    'readme.md': validReadme(),
  });
  const { findings } = await validateFolder(folder, { cwd: path.dirname(folder) });
  return findings.map((finding) => `${finding.ruleId} ${finding.line} ${finding.message}`);
}

describe('values under misspelled keys', () => {
  it('judges the value of a misspelled Swagger field, and of a misspelled extension, at the key as written', async () => {
    const swagger = validSwagger();
    // `"basepath": "v1"`: SWG-ADDL-PROP names 'basePath', whose value misses its '/'.
    delete swagger.basePath;
    swagger.basepath = 'v1';
    // `"x-ms-visibilty": "hidden"`: SWG-XMS-UNKNOWN names 'x-ms-visibility', which takes no 'hidden'.
    swagger.paths['/tasks'].get.parameters[0]['x-ms-visibilty'] = 'hidden';
    const findings = await findingsOf(swagger);
    const basepathLine = Number(
      findings.find((finding) => finding.startsWith('SWG-ADDL-PROP'))!.split(' ')[1],
    );
    const visibilityLine = Number(
      findings.find((finding) => finding.startsWith('SWG-XMS-UNKNOWN'))!.split(' ')[1],
    );
    expect(findings).toContain(
      // The value --fix writes, after it renames the key (fix-values.test.ts).
      `SWG-BASEPATH ${basepathLine} The 'basePath' property, if present, must start with a '/' character. Write '/v1'. \`connector-alm validate --fix\` writes "/v1".`,
    );
    expect(findings).toContain(
      `SWG-VISIBILITY-ENUM ${visibilityLine} The property value must be one of the following: important, advanced, internal. 'hidden' is ignored by the platform.`,
    );
  });

  it('judges the value of a misspelled apiProperties key, and says a problem the first reading said of its object only once', async () => {
    const apiProperties = validApiProperties();
    delete apiProperties.properties.iconBrandColor;
    apiProperties.properties.iconBrandColour = '#007ee5';
    delete apiProperties.properties.publisher;
    apiProperties.properties.Publisher = '';
    const findings = await findingsOf(validSwagger(), apiProperties);
    expect(findings.filter((finding) => finding.startsWith('PROP-BRAND-FORBIDDEN'))).toEqual([
      expect.stringContaining('The iconBrandColor #007ee5 is not allowed'),
    ]);
    // "Please add the 'publisher' property" is said at its object, and not again at 'Publisher'.
    expect(findings.filter((finding) => finding.startsWith('PROP-PUBLISHER'))).toHaveLength(1);
  });

  it('judges it in a file whose syntax slips --fix repairs, as --fix renames the key in the repaired text', async () => {
    const swagger = validSwagger();
    delete swagger.basePath;
    swagger.basepath = 'v1';
    const folder = writeConnector({
      // A trailing comma at the end of the file: read through its repair, the value of basepath is the same.
      'apiDefinition.swagger.json': JSON.stringify(swagger, null, 2).replace(/\n}$/, ',\n}'),
      'apiProperties.json': validApiProperties(),
      'readme.md': validReadme(),
    });
    const { findings } = await validateFolder(folder, { cwd: path.dirname(folder) });
    const said = findings.map((finding) => finding.ruleId);
    expect(said).toEqual(expect.arrayContaining(['GEN-JSON-PARSE', 'SWG-ADDL-PROP', 'SWG-BASEPATH']));
    const at = (id: string) => findings.find((finding) => finding.ruleId === id)!.line;
    expect(at('SWG-BASEPATH')).toBe(at('SWG-ADDL-PROP'));
  });

  it('leaves a key alone whose object has the meant spelling already: its value is judged there', async () => {
    const swagger = validSwagger();
    // --fix renames neither: the maker merges the two. The one value judged is basePath's.
    swagger.basepath = 'v1';
    const findings = await findingsOf(swagger);
    expect(findings.filter((finding) => finding.startsWith('SWG-BASEPATH'))).toEqual([]);
    expect(findings.filter((finding) => finding.startsWith('SWG-ADDL-PROP'))).toHaveLength(1);
  });
});
