import { describe, expect, it } from '@jest/globals';
import { validateFilesAgainstDev } from './pull-request-edit.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import type { Json } from '../diff/diff-fixture.js';

// A text over its length limit that a change shortens, but not enough, is the problem the base had:
// the count its finding tells ("It has 40.") is a note the baseline of `validate --base` matches
// without. With the count in the message, the title, label and summary edited shorter were new
// findings, which a pull request that only improved them failed on.

const FOLDER = 'certified-connectors/Contoso';

/** The valid connector with its swagger edited by `edit`. */
function withSwagger(edit: (swagger: Json) => void): Json {
  const files = validConnectorFiles() as Json;
  edit(files['apiDefinition.swagger.json']);
  return files;
}

/** The base's and the head's texts over their limits: the title, a parameter's label, a summary. */
function overLimits(length: number): Json {
  return withSwagger((swagger) => {
    swagger.info.title = `Contoso ${'T'.repeat(length - 8)}`;
    swagger.paths['/tasks'].get.parameters[0]['x-ms-summary'] = `Status ${'s'.repeat(length + 50)}`;
    swagger.paths['/tasks'].get.summary = `List tasks ${'t'.repeat(length + 50)}`;
  });
}

const LENGTH_RULES = ['SWG-INFO-TITLE-LEN', 'SWG-PARAM-XMS-SUMMARY-LEN', 'SWG-OP-SUMMARY-LEN'];

async function lengthFindings(base: Json, head: Json): Promise<string[]> {
  const { result } = await validateFilesAgainstDev(FOLDER, base, head);
  return result.findings
    .filter((finding) => LENGTH_RULES.includes(finding.ruleId))
    .map((finding) => `${finding.ruleId} ${finding.baseline}: ${finding.message}`);
}

describe('validate --base: a text shortened but still over its limit', () => {
  it('is an existing finding, its message telling the length it has now', async () => {
    expect(await lengthFindings(overLimits(45), overLimits(40))).toEqual([
      "SWG-INFO-TITLE-LEN existing: The 'title' value goes over the character limit '30'. It has 40.",
      "SWG-OP-SUMMARY-LEN existing: The operation 'summary' should be fewer than 80 characters for improved readablity. It has 101; at most 80 are accepted.",
      "SWG-PARAM-XMS-SUMMARY-LEN existing: The 'x-ms-summary' value goes over the character limit '80'. It has 97.",
    ]);
  });

  it('is new where the base had the text within its limit', async () => {
    const head = overLimits(40);
    const findings = await lengthFindings(validConnectorFiles() as Json, head);
    expect(findings.map((finding) => finding.split(':')[0])).toEqual(
      LENGTH_RULES.map((rule) => `${rule} new`).sort(),
    );
  });
});

describe('validate --base: a redirect mode changed as PROP-OAUTH-REDIRECT asks', () => {
  /** An independent publisher's OAuth connector whose readme does not say how to register the app. */
  const oauthConnector = (redirectMode: string): Json => {
    const files = validConnectorFiles() as Json;
    files['apiProperties.json'].properties.connectionParameters = {
      token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2', redirectMode } },
    };
    return files;
  };

  it("leaves the readme's missing steps existing, its message naming the URL the connector now uses", async () => {
    const { result } = await validateFilesAgainstDev(
      'independent-publisher-connectors/Contoso',
      oauthConnector('Global'),
      oauthConnector('GlobalPerConnector'),
    );
    const steps = result.findings.filter((finding) => finding.ruleId === 'README-OAUTH-STEPS');
    expect(steps.map(({ baseline, message }) => ({ baseline, message }))).toEqual([
      {
        baseline: 'existing',
        message: expect.stringMatching(
          /its redirect URL\. The certification team follows these steps\. The redirect URL to explain is https:\/\/global\.consent\.azure-apim\.net\/redirect\/<API name>, /,
        ),
      },
    ]);
  });
});
