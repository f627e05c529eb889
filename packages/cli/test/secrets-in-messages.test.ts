import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runGit, temporaryFolder } from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

/**
 * "No secret is ever printed" held for GEN-SECRETS' own findings only: the messages of other rules
 * and of the breaking-change check quoted the same secrets whole (an exploratory test, session 77).
 * Each output format of `validate`, `validate --base` and `diff` is searched for every secret here,
 * and the finding or change that quoted it must still be there, with the secret masked.
 */

/** Secrets as a maker pastes them, each of a kind GEN-SECRETS reports. */
const KEYS = {
  oldDefault: 'Zq8vX3kP9mW2rT7yN4bL6hJ1',
  newDefault: 'Rr4tY7uI2oP5aS8dF1gH3jK6',
  gitHubToken: 'ghp_q8ZrT3vX9kL2mN5pQ7sW1yB4dF6hJ0aC2eGxY',
  oldFunctionKey: 'Hj7kL2mN9pQ4rS6tV8wX1yZ3',
  newFunctionKey: 'Tt5gB8nM1kJ4hG7fD2sA9pO6',
  oldCode: 'Wq3eR5tY7uI9oP1aS3dF5gH7',
  newCode: 'Pm2nB4vC6xZ8lK1jH3gF5dS7',
  accessToken: 'Lk8Jh3Gf6Ds1Az9X',
  apiKey: 'Mj5Nk9Lp3Oq7Rs1T',
};

/** Fails naming the secret found, rather than printing the whole output. */
function expectNoSecretIn(output: string): void {
  const shown = Object.entries(KEYS).filter(([, secret]) => output.includes(secret));
  expect(shown.map(([name]) => name)).toEqual([]);
}

type Json = Record<string, any>;

/** The valid connector's files in `folder`, as edited by `edit`. */
function writeConnector(folder: string, edit: (swagger: Json, apiProperties: Json) => void): void {
  const swagger: Json = validSwagger();
  const apiProperties: Json = validApiProperties();
  edit(swagger, apiProperties);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(apiProperties, null, 2));
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
}

/**
 * One version of a connector with a secret in each place the tester found a diff printing one: the
 * default of an internal api_key, an enum of the Authorization header (a GitHub token, the new
 * version only), a setheader policy's x-functions-key and a dynamichosturl's `?code=` on a Function
 * app.
 */
function version(side: 'old' | 'new'): (swagger: Json, apiProperties: Json) => void {
  const old = side === 'old';
  return (swagger, apiProperties) => {
    swagger.paths['/tasks'].get.parameters.push(
      {
        name: 'api_key',
        in: 'query',
        type: 'string',
        required: true,
        default: old ? KEYS.oldDefault : KEYS.newDefault,
        'x-ms-visibility': 'internal',
      },
      {
        name: 'Authorization',
        in: 'header',
        type: 'string',
        required: false,
        ...(old ? {} : { enum: [`Bearer ${KEYS.gitHubToken}`] }),
      },
    );
    apiProperties.properties.policyTemplateInstances = [
      {
        templateId: 'setheader',
        title: 'Function key',
        parameters: {
          'x-ms-apimTemplateParameter.name': 'x-functions-key',
          'x-ms-apimTemplateParameter.value': old ? KEYS.oldFunctionKey : KEYS.newFunctionKey,
          'x-ms-apimTemplateParameter.existsAction': 'override',
        },
      },
      {
        templateId: 'dynamichosturl',
        title: 'Function host',
        parameters: {
          'x-ms-apimTemplateParameter.urlTemplate': `https://contoso-${side}.azurewebsites.net/api?code=${old ? KEYS.oldCode : KEYS.newCode}`,
        },
      },
    ];
  };
}

/** What each breaking change that quoted a secret says now: the change, with the secret masked. */
const MASKED_BREAKING_CHANGES = [
  "Allowed values: 'Bearer ghp_****** (41 characters)'.",
  "went to urlTemplate 'https://contoso-old.azurewebsites.net/api?code=Wq3e****** (24 characters)' and now go to urlTemplate 'https://contoso-new.azurewebsites.net/api?code=Pm2n****** (24 characters)'.",
];
/** The same of the other changes (CHG-OTHER), which validate --base lists in JSON only. */
const MASKED_CHANGES = [
  ...MASKED_BREAKING_CHANGES,
  "Changed: default (from 'Zq8v****** (24 characters)' to 'Rr4t****** (24 characters)').",
  "value 'Hj7k****** (24 characters)' is now 'Tt5g****** (24 characters)'.",
];

describe('diff masks the secrets that validate masks', () => {
  const root = temporaryFolder('cli-diff-secrets-');
  writeConnector(path.join(root, 'old'), version('old'));
  writeConnector(path.join(root, 'new'), version('new'));

  it('in text', async () => {
    const io = memoryIo(root);
    expect(await runCli(['diff', 'old', 'new'], io)).toBe(1);
    expectNoSecretIn(io.out() + io.err());
    for (const change of MASKED_CHANGES) expect(io.out()).toContain(change);
  });

  it('in JSON', async () => {
    const io = memoryIo(root);
    expect(await runCli(['diff', 'old', 'new', '--format', 'json'], io)).toBe(1);
    expectNoSecretIn(io.out() + io.err());
    const messages = (JSON.parse(io.out()).changes as { message: string }[]).map((change) => change.message);
    for (const change of MASKED_CHANGES)
      expect(messages.filter((message) => message.includes(change))).toHaveLength(1);
  });
});

describe('validate --base masks the secrets of the base changes', () => {
  const root = temporaryFolder('cli-base-secrets-');
  const folder = path.join(root, 'certified-connectors', 'Contoso Tasks');
  writeConnector(folder, version('old'));
  const git = (...args: string[]) => runGit(root, args);
  git('init', '-q', '-b', 'dev');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
  writeConnector(folder, version('new'));
  git('commit', '-qam', 'change');

  it.each(['text', 'json', 'sarif'])('in %s', async (format) => {
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev', '--format', format], io)).toBe(1);
    expectNoSecretIn(io.out() + io.err());
    // Text and SARIF list the breaking changes among the findings; JSON lists every change too.
    const changes = format === 'json' ? MASKED_CHANGES : MASKED_BREAKING_CHANGES;
    for (const change of changes) expect(io.out()).toContain(change);
  });
});

describe('validate masks the secrets of the URLs that SWG-META-URL corrects', () => {
  const root = temporaryFolder('cli-meta-url-secrets-');
  const folder = path.join(root, 'custom-connectors', 'Q');
  writeConnector(folder, (swagger) => {
    swagger.info.contact.url = `www.contoso.com/support?access_token=${KEYS.accessToken}`;
    swagger['x-ms-connector-metadata'] = [
      { propertyName: 'Website', propertyValue: `hhttps://contoso.com/?apikey=${KEYS.apiKey}` },
    ];
  });
  const corrected = [
    "Did you mean 'https://www.contoso.com/support?access_token=Lk8J****** (16 characters)'?",
    "The 'Website' value 'hhttps://contoso.com/?apikey=Mj5N****** (16 characters)' must be a valid absolute URL",
    "Did you mean 'https://contoso.com/?apikey=Mj5N****** (16 characters)'?",
  ];

  it.each(['text', 'json', 'sarif'])('in %s', async (format) => {
    const io = memoryIo(root);
    expect(await runCli(['validate', 'custom-connectors/Q', '--format', format], io)).toBe(1);
    expectNoSecretIn(io.out() + io.err());
    for (const message of corrected) expect(io.out()).toContain(message);
  });

  it("in the note of what --fix writes, while --fix writes the URL's own key", async () => {
    const io = memoryIo(root);
    await runCli(['validate', 'custom-connectors/Q'], io);
    expectNoSecretIn(io.out() + io.err());
    expect(io.out()).toContain(
      '`connector-alm validate --fix` writes "https://www.contoso.com/support?access_token=Lk8J****** (16 characters)".',
    );
    const fix = memoryIo(root);
    await runCli(['validate', 'custom-connectors/Q', '--fix'], fix);
    expectNoSecretIn(fix.out() + fix.err());
    const swagger = JSON.parse(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8'));
    expect(swagger.info.contact.url).toBe(`https://www.contoso.com/support?access_token=${KEYS.accessToken}`);
    expect(swagger['x-ms-connector-metadata'][0].propertyValue).toBe(
      `https://contoso.com/?apikey=${KEYS.apiKey}`,
    );
  });
});
