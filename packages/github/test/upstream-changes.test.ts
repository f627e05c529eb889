import { describe, expect, it } from '@jest/globals';
import { definitionsVersion, type ConnectorResult } from '@connector-alm/validator';
import { validApiProperties, validSwagger } from '@connector-alm/validator/testing';
import { changesToReview, definitionFiles } from '../src/upstream-changes.js';
import { ownerChangeWarning } from '../src/owner-change.js';

const connector: ConnectorResult = { path: 'mine', name: 'mine', profile: 'certified', findings: [] };

/** A version of the connector as pr reads it: files held as bytes, named under `folder`. */
function version(folder: string, files: Record<string, unknown>) {
  return definitionsVersion(
    Object.entries(files).map(([name, content]) => ({
      name,
      displayPath: `${folder}/${name}`,
      content: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content, null, 2)),
    })),
  );
}

const renamed = () => {
  const swagger = validSwagger();
  swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskV2';
  return swagger;
};

describe('the changes to review against the upstream version', () => {
  it("are the findings validate --base reports, on the connector's files", () => {
    const upstream = version('up@dev:certified-connectors/Contoso', {
      'apiDefinition.swagger.json': validSwagger(),
      'apiProperties.json': validApiProperties(),
    });
    const local = version('mine', {
      'apiDefinition.swagger.json': renamed(),
      'apiProperties.json': validApiProperties(),
    });
    const { breaking, warnings } = changesToReview(upstream, local, connector);
    expect(breaking.map((finding) => [finding.ruleId, finding.file])).toEqual([
      ['BRK-OP-DELETED', 'mine/apiDefinition.swagger.json'],
    ]);
    expect(breaking[0]!.message).toContain("It was renamed to 'GetTaskV2'");
    expect(warnings).toEqual([]);
  });

  // pr listed the breaking changes only: a deprecation with its new version missing, which validate
  // --base and the action report as a warning, reached neither the maker nor the reviewers.
  it('list the warnings that break nothing apart, and leave out the other changes', () => {
    const upstream = version('up', { 'apiDefinition.swagger.json': validSwagger() });
    const swagger = validSwagger();
    // A family for a new version that is not there: the versioning process half done.
    swagger.paths['/tasks'].get.deprecated = true;
    swagger.paths['/tasks'].get['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
    swagger.paths['/tasks'].get.summary = 'List tasks (deprecated)';
    const { breaking, warnings } = changesToReview(
      upstream,
      version('mine', { 'apiDefinition.swagger.json': swagger }),
      connector,
    );
    expect(breaking).toEqual([]);
    expect(warnings.map((finding) => [finding.ruleId, finding.severity, finding.file])).toEqual([
      ['BRK-DEPRECATION-PROCESS', 'warning', 'mine/apiDefinition.swagger.json'],
    ]);
  });

  it("are none against an upstream version without a swagger, and leave the connector's syntax errors to validation", () => {
    const local = version('mine', { 'apiDefinition.swagger.json': renamed() });
    expect(
      changesToReview(version('up', { 'apiProperties.json': validApiProperties() }), local, connector),
    ).toEqual({ breaking: [], warnings: [] });
    const broken = version('mine', { 'apiDefinition.swagger.json': '{ "swagger": "2.0", ' });
    const upstream = version('up', { 'apiDefinition.swagger.json': validSwagger() });
    expect(
      changesToReview(upstream, broken, connector).breaking.map((finding) => finding.ruleId),
    ).not.toContain('CHG-JSON-SYNTAX');
  });

  it('read a swagger saved as UTF-16 as validate reads it, and binary data as no swagger', () => {
    const upstream = version('up', { 'apiDefinition.swagger.json': validSwagger() });
    const utf16 = (value: unknown) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(value, null, 2), 'utf16le')]);
    const local = definitionsVersion([
      {
        name: 'apiDefinition.swagger.json',
        displayPath: 'mine/apiDefinition.swagger.json',
        content: utf16(renamed()),
      },
    ]);
    expect(changesToReview(upstream, local, connector).breaking.map((finding) => finding.ruleId)).toEqual([
      'BRK-OP-DELETED',
    ]);
    const binary = definitionsVersion([
      {
        name: 'apiDefinition.swagger.json',
        displayPath: 'mine/apiDefinition.swagger.json',
        content: Buffer.from([0x7b, 0, 0, 0]),
      },
    ]);
    expect(binary.swagger).toBeUndefined();
  });

  it('are read from the swagger and apiProperties.json at the top of the folder only', () => {
    const files = [
      'apiDefinition.swagger.json',
      'APIPROPERTIES.JSON',
      'readme.md',
      'icon.png',
      'docs/apiProperties.json',
    ];
    expect(definitionFiles(files.map((path) => ({ path }))).map((file) => file.path)).toEqual([
      'apiDefinition.swagger.json',
      'APIPROPERTIES.JSON',
    ]);
  });
});

describe('ownerChangeWarning', () => {
  const withOwners = (owners: Record<string, unknown>) => {
    const apiProperties = validApiProperties();
    Object.assign(apiProperties.properties, owners);
    return version('x', { 'apiProperties.json': apiProperties });
  };
  const words = { connector: 'mine', upstream: 'up@dev' };

  it('names each of publisher and stackOwner that the update changes', () => {
    expect(
      ownerChangeWarning(withOwners({}), withOwners({ publisher: 'Jane', stackOwner: 'Jane' }), words),
    ).toBe(
      `mine changes apiProperties.json's publisher from "Contoso Ltd" to "Jane" and stackOwner from "Contoso Ltd" to "Jane", as up@dev has the connector: is it someone else's? Its reviewers will ask; keep the upstream's values unless you are taking the connector over.`,
    );
  });

  it('says nothing when they stay, or when the upstream had none', () => {
    expect(ownerChangeWarning(withOwners({}), withOwners({}), words)).toBeUndefined();
    expect(
      ownerChangeWarning(withOwners({ publisher: undefined }), withOwners({ publisher: 'Jane' }), words),
    ).toBeUndefined();
  });
});
