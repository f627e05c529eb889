import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, corpusAvailable, writeConnector, type FixtureFiles } from './helpers/fixture.js';
import { inflatedFindings, quotesWhole, type FolderInflation } from './helpers/inflate-folder.js';
import { inflateJson, inflateReadme, inflateScript, inflateText } from './helpers/inflate.js';
import { locatedFinding } from '../src/model/finding.js';
import {
  addWebhook,
  validApiProperties,
  validConnectorFiles,
  validReadme,
  validSettings,
  validSwagger,
} from './helpers/valid-connector.js';

/*
 * No finding quotes a value whole, proven by input rather than by reading the rules: each connector
 * is copied with every value, key, readme line and script literal made long (helpers/inflate.ts), and
 * no finding of the copy may have a message that boundedMessage cut, that runs past 6,000
 * characters, or that holds more of one padded value than a name excerpt (MAX_NAME_LENGTH).
 */

const EXAMPLE = fileURLToPath(
  new URL('../../../examples/certified-connectors/Contoso Tasks', import.meta.url),
);

/** The placements and key paddings each connector is inflated with. */
const VARIANTS: FolderInflation[] = [
  { placement: 'end', keys: 'names' },
  { placement: 'start', keys: 'none' },
  // Paths padded before their segments, which stay apart: literal routes still overlap variable ones.
  { placement: 'start', keys: 'names' },
  { placement: 'inside', keys: 'every', identifiers: true },
  { placement: 'end', keys: 'every', stride: 2, offset: 1, identifiers: true },
  // Every other string, so that a value is long where its neighbour, which a rule looks for first
  // (a metadata entry's propertyName), is not.
  { placement: 'end', keys: 'none', stride: 2, offset: 0 },
];

interface Outcome {
  /** `ruleId: why` for each finding that quotes a value whole, once each. */
  defects: string[];
  /** Every rule that reported on an inflated copy. */
  rules: Set<string>;
}

async function inflateAll(folders: readonly string[]): Promise<Outcome> {
  const defects = new Set<string>();
  const rules = new Set<string>();
  for (const folder of folders) {
    for (const [index, variant] of VARIANTS.entries()) {
      for (const finding of await inflatedFindings(folder, variant)) {
        rules.add(finding.ruleId);
        const why = quotesWhole(finding);
        if (why) defects.add(`${finding.ruleId}: ${why} (variant ${index}, ${path.basename(folder)})`);
      }
    }
  }
  return { defects: [...defects].sort(), rules };
}

/**
 * The valid connector with what makes the rules that quote names and values fire: a readme that
 * lists none of the operations, overlapping paths, a webhook beside an unrelated DELETE, undefined
 * references and requirements, unknown keys, settings.json naming a file that is not there. Inflated,
 * each of them quotes something long.
 */
function flawedConnector(): FixtureFiles {
  const swagger = validSwagger();
  addWebhook(swagger);
  swagger.paths['/hooks/{hookId}'].delete['x-ms-visibility'] = 'important';
  for (const name of ['Archive', 'Export', 'Restore']) {
    swagger.paths[`/tasks/${name.toLowerCase()}`] = {
      get: {
        operationId: `${name}Tasks`,
        summary: `${name} tasks`,
        description: `${name}s the tasks of the current user.`,
        responses: { '200': { description: 'Done.', schema: { $ref: '#/definitions/Missing' } } },
      },
    };
  }
  // Literal routes that the variable /tasks/{taskId} overlaps: SWG-PATH-PARTIAL-DUP lists them all.
  for (let index = 0; index < 60; index++) {
    swagger.paths[`/tasks/view${index}`] = {
      get: {
        operationId: `View${index}`,
        summary: `View ${index}`,
        description: `Shows view ${index}.`,
        responses: { '200': { description: 'Done.', schema: { type: 'object' } } },
      },
    };
  }
  swagger.paths['/empty'] = { get: {} };
  const list = swagger.paths['/tasks'].get;
  list.parameters.push({ $ref: '#/parameters/Missing' }, { $ref: '#/elsewhere/Missing' });
  list.responses['404'] = { $ref: '#/responses/Missing' };
  list['x-ms-visibilty'] = 'important';
  list.unknownProperty = true;
  list.parameters[0].description = 'status';
  list.summmary = 'A lookalike of an extension';
  swagger.definitions.Task.required = ['missing'];
  swagger.definitions.Task.properties.title.description = 'title';
  swagger.definitions.Holder = { $ref: '#/definitions/Task', description: 'A sibling of $ref.' };
  swagger.securityDefinitions.Other_Key = { type: 'apiKey', in: 'query', name: 'key' };
  swagger.security = [{ Undefined_Key: [] }, { API_Key: ['scope'] }];
  swagger['x-ms-capabilities'] = { 'unknown-capability': true };
  swagger['x-ms-connector-metadata'][2].propertyValue = 'Productivity;Unknown Category';
  const apiProperties = validApiProperties();
  apiProperties.properties.iconBrandColor = '#123456';
  apiProperties.properties.unknownKey = true;
  apiProperties.properties.connectionParameters.token = {
    type: 'oauthSetting',
    oAuthSettings: {
      identityProvider: 'aad',
      clientId: 'a',
      scopes: [],
      redirectMode: 'GlobalPerConnector',
      customParameters: { unknownParameter: { value: 'x' }, ResourceUri: { value: 'https://a' } },
      properties: { IsFirstParty: 'Maybe' },
    },
  };
  apiProperties.properties.connectionParameters['token:TenantId'] = {
    type: 'string',
    metadata: { sourceType: 'AzureActiveDirectoryTenant' },
    uiDefinition: { displayName: 'Other', constraints: { hidden: 'false' }, unknownUi: 'x' },
  };
  const readme = validReadme()
    .replace(/### .*\n.*\n/g, '')
    .replace(
      '## Supported Operations',
      '## Supported Operations\n### Delete everything\nNot an operation.\n### List task\nA misspelled summary.\n\nTODO: Describe the known issues\n\n## Publisher: TODO',
    );
  const settings = { ...validSettings(), icon: 'icon.png', unknownSetting: 'x' };
  return {
    'apiDefinition.swagger.json': swagger,
    'apiProperties.json': apiProperties,
    'readme.md': readme,
    'settings.json': settings,
    'script.csx':
      'public class Script : ScriptBase\n{\n    public override Task<HttpResponseMessage> ExecuteAsync()\n    {\n        var name = "Contoso";\n        return Context.SendAsync(Context.Request, CancellationToken);\n    }\n}\n',
  };
}

/** The rules found to quote values whole by inflating the corpus (session 25), each fixed since. */
const FIXED_RULES = [
  'PROP-BRAND-IP',
  'PROP-OAUTH-IDP',
  'PROP-ROOT',
  'PROP-UNKNOWN-KEYS',
  'README-OPS-MATCH',
  'SET-FILES-EXIST',
  'SET-SCHEMA',
  'SWG-ADDL-PROP',
  'SWG-DESC-IS-NAME',
  'SWG-META-CATEGORY',
  'SWG-OP-EMPTY',
  'SWG-PARAM-REF',
  'SWG-PATH-PARTIAL-DUP',
  'SWG-REF-RESPONSE',
  'SWG-REF-SCHEMA',
  'SWG-REQ-UNDEFINED',
  'SWG-SEC-DEFINED',
  'SWG-XMS-UNKNOWN',
];

/** One more, that the fixtures reach and the corpus does not: no corpus readme has a TODO left. */
const FIXED_RULES_OF_THE_FIXTURES = [...FIXED_RULES, 'README-PLACEHOLDER'];

/** More of them, that the corpus sample reaches and the fixtures do not. */
const FIXED_RULES_OF_THE_SAMPLE = [
  ...FIXED_RULES,
  'PROP-TENANTID',
  'SWG-CAPABILITIES',
  'SWG-REF-ADJACENT',
  'SWG-SEC-EMPTY',
  'SWG-SEC-SCOPE',
  'SWG-WH-DELETE',
];

describe('the inflation harness', () => {
  it('pads values, keeping their first characters, and keys that name things within the key limits', () => {
    expect(inflateText('https://a', 20, 'end')).toBe(`https://a${'z'.repeat(11)}`);
    expect(inflateText('ab', 5, 'start')).toBe('zzzab');
    expect(inflateText('ab', 12, 'inside')).toBe('ab \n\tzzzzzzz');
    const swagger = inflateJson(
      { paths: { '/a/{id}': { get: { operationId: 'A' } } }, definitions: { T: { type: 'object' } } },
      { placement: 'end', keys: 'names', valueLength: 50, keyLength: 40 },
    ) as Record<string, Record<string, Record<string, unknown>>>;
    const [pathKey] = Object.keys(swagger.paths!);
    expect(pathKey).toBe(`/a/{id}${'z'.repeat(33)}`);
    expect(Object.keys(swagger.paths![pathKey!]!)).toEqual(['get']);
    expect(swagger.definitions![`T${'z'.repeat(39)}`]).toEqual({ type: `object${'z'.repeat(44)}` });
    expect(inflateReadme('# Title\n\n```\ncode\n```', { placement: 'end', valueLength: 8 })).toBe(
      '# Titlezzz\n\n```\ncodezzzz\n```',
    );
    expect(inflateScript('var a = "b"; // c', { placement: 'end', identifiers: true, length: 3 })).toBe(
      'var azz = "bzz"; // c',
    );
  });

  it('tells a message quoting a padded value whole from one quoting an excerpt', () => {
    const finding = (message: string) =>
      locatedFinding({
        ruleId: 'R',
        severity: 'error',
        message,
        file: 'f',
        line: 1,
        column: 1,
        connector: 'c',
      });
    expect(quotesWhole(finding(`'${'z'.repeat(999)}…' is wrong`))).toBeUndefined();
    expect(quotesWhole(finding(`'${'z'.repeat(1001)}' is wrong`))).toBe('quotes a padded value or key whole');
    expect(quotesWhole(finding('x'.repeat(6001)))).toBe('long (6001)');
    expect(quotesWhole(finding('x'.repeat(9000)))).toBe('cut');
  });
});

describe('inflating every value of the repository fixtures', () => {
  it('leaves every finding with a bounded message, each value quoted as an excerpt', async () => {
    const flawed = writeConnector(flawedConnector(), 'independent-publisher');
    const valid = writeConnector(validConnectorFiles(), 'certified', 'Valid');
    const outcome = await inflateAll([EXAMPLE, valid, flawed]);
    expect(outcome.defects).toEqual([]);
    // The rules that quoted values whole did report on the copies: the test cannot pass by their
    // not firing.
    expect(FIXED_RULES_OF_THE_FIXTURES.filter((rule) => !outcome.rules.has(rule))).toEqual([]);
  }, 60_000);
});

/**
 * Corpus connectors that, inflated, reached every rule fixed: a fixed sample, small swaggers first, to
 * run in seconds (the whole corpus took ~10 minutes).
 */
const CORPUS_SAMPLE: readonly string[] = [
  'certified-connectors/Azure Communication Services Chat',
  'certified-connectors/Huddle',
  'certified-connectors/LnkBio',
  'certified-connectors/PDF4me',
  'certified-connectors/PROS AI',
  'certified-connectors/Seismic Library',
  'certified-connectors/Ubiqod by Skiply (v2)',
  'certified-connectors/WorkPoint',
  'custom-connectors/SAP-ODATA-Demo',
  'independent-publisher-connectors/Google BigQuery',
  'independent-publisher-connectors/Mintlify',
  'independent-publisher-connectors/mondaycom',
];

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) {
  console.warn(
    `Skipping the inflated corpus sample: ${CORPUS_DIR} is absent (it sits beside the project in ../shared).`,
  );
}

describeCorpus('inflating every value of a sample of the corpus', () => {
  it('leaves every finding with a bounded message', async () => {
    const outcome = await inflateAll(CORPUS_SAMPLE.map((folder) => path.join(CORPUS_DIR, folder)));
    expect(outcome.defects).toEqual([]);
    expect(FIXED_RULES_OF_THE_SAMPLE.filter((rule) => !outcome.rules.has(rule))).toEqual([]);
  }, 120_000);
});
