import { describe, expect, it } from '@jest/globals';
import {
  CONNECTOR_FILE_NAMES,
  intendedConnectorFileName,
  isConnectorYamlSwagger,
  isMisnamedSwagger,
  isYamlSwagger,
} from '../src/index.js';

describe('intendedConnectorFileName', () => {
  it('names the canonical file a misspelled or editor-given name is meant to be', () => {
    const meant: Record<string, string> = {
      // Upstream PowerPlatformConnectors: Influenza and Covid-19, nBold.
      'apiDefination.swagger.json': 'apiDefinition.swagger.json',
      'openapidefinition.json': 'apiDefinition.swagger.json',
      'apiDefinition.json': 'apiDefinition.swagger.json',
      'swagger.json': 'apiDefinition.swagger.json',
      'api-definition.json': 'apiDefinition.swagger.json',
      // Two letters swapped, two edits: as far as a swagger's own name may be misspelt.
      'apiDefinitoin.json': 'apiDefinition.swagger.json',
      'apiProperty.json': 'apiProperties.json',
      'api-properties.json': 'apiProperties.json',
      'apiProperties.json.txt': 'apiProperties.json',
      'Readme.md.txt': 'readme.md',
      'icon.PNG.png': 'icon.png',
      'icons.png': 'icon.png',
      'icon1.png': 'icon.png',
      'Icon.jpg': 'icon.png',
      'readme.txt': 'readme.md',
      'setting.json': 'settings.json',
      'scripts.csx': 'script.csx',
    };
    for (const [name, canonical] of Object.entries(meant))
      expect([name, intendedConnectorFileName(name, false)]).toEqual([name, canonical]);
  });
  it('names nothing for a canonical name in any case, nor for a name like none', () => {
    for (const name of [...Object.values(CONNECTOR_FILE_NAMES), 'APIDEFINITION.SWAGGER.JSON', 'README.md'])
      expect(intendedConnectorFileName(name, false)).toBeUndefined();
    for (const name of ['intro.md', 'screenshot.png', 'package.json', 'CQC-Connector.swagger.json'])
      expect(intendedConnectorFileName(name, false)).toBeUndefined();
  });
  it('names nothing for a short name three letters from icon.png: a screenshot, not the icon', () => {
    // Flow.png: a screenshot in an independent publisher's pull request, with no icon.png beside it.
    for (const name of ['Flow.png', 'Item.png', 'Open.png', 'Scan.png', 'header.md'])
      expect([name, intendedConnectorFileName(name, false)]).toEqual([name, undefined]);
  });
  it('takes Script.cs for the script only when the folder has no script.csx', () => {
    expect(intendedConnectorFileName('Script.cs', false)).toBe('script.csx');
    expect(intendedConnectorFileName('Script.cs', true)).toBeUndefined();
  });
});

describe('isMisnamedSwagger', () => {
  it('is any X.swagger.json but apiDefinition.swagger.json, in any case', () => {
    expect(isMisnamedSwagger('CQC-Connector.swagger.json')).toBe(true);
    expect(isMisnamedSwagger('apiDefination.SWAGGER.json')).toBe(true);
    expect(isMisnamedSwagger('ApiDefinition.Swagger.json')).toBe(false);
    expect(isMisnamedSwagger('swagger.json')).toBe(false);
  });
});

describe('isConnectorYamlSwagger', () => {
  it("is the connector's own swagger name written in YAML, in any case, and no other", () => {
    for (const name of [
      'apiDefinition.swagger.yaml',
      'APIDEFINITION.SWAGGER.YML',
      'apiDefinition.swagger.Yaml',
    ])
      expect([name, isConnectorYamlSwagger(name)]).toEqual([name, true]);
    for (const name of [
      'apiDefinition.swagger.json',
      'openapi.yaml',
      'Contoso.swagger.yaml',
      'xapiDefinition.swagger.yaml',
      'apiDefinition.swagger',
    ])
      expect([name, isConnectorYamlSwagger(name)]).toEqual([name, false]);
  });
});

describe('isYamlSwagger', () => {
  it('is a swagger written in YAML under the names a swagger is saved under, in any case', () => {
    for (const name of [
      'apiDefinition.swagger.yaml',
      'apiDefinition.swagger.yml',
      'Contoso.swagger.YAML',
      'swagger.yml',
      'swagger.yaml',
      'openapi.yaml',
      'OpenAPI.yml',
      'api-definition.yaml',
      'apiDefinition.yml',
    ])
      expect([name, isYamlSwagger(name)]).toEqual([name, true]);
  });
  it('is not a JSON swagger, nor another YAML file', () => {
    for (const name of [
      'apiDefinition.swagger.json',
      'swagger.json',
      'openapi.yaml.bak',
      'config.yml',
      '.connector-alm.yml',
      'pipeline.yaml',
      'swagger.yamlx',
    ])
      expect([name, isYamlSwagger(name)]).toEqual([name, false]);
  });
});
