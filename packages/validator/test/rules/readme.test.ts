import { describe, expect, it } from '@jest/globals';
import { runRules, runRulesInHouse } from '../helpers/fixture.js';
import {
  validApiProperties,
  validConnectorFiles,
  validReadme,
  validSwagger,
} from '../helpers/valid-connector.js';

const withReadme = (readme: string) => ({ ...validConnectorFiles(), 'readme.md': readme });

describe('README-PRESENT', () => {
  it('fires without a readme, and names a misnamed one', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'Readme.md.txt': validReadme(),
    };
    delete files['readme.md'];
    const findings = await runRules(files, ['README-PRESENT']);
    expect(findings).toMatchObject([{ ruleId: 'README-PRESENT', severity: 'error' }]);
    expect(findings[0]!.message).toMatch(/rename Readme\.md\.txt/);
  });
  // "Start from the readme template of the repository" named no template, and makers outside the
  // repository could not find it.
  it("links the template of the folder's profile to start from", async () => {
    const files: Record<string, object | string> = { ...validConnectorFiles() };
    delete files['readme.md'];
    const messages: Record<string, string> = {};
    for (const profile of ['certified', 'independent-publisher', 'custom'] as const) {
      messages[profile] = (await runRules(files, ['README-PRESENT'], profile))[0]!.message;
    }
    expect(messages).toEqual({
      certified:
        'The connector has no readme.md. Start from the readme template of PowerPlatformConnectors: https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/certified-connectors/readme.md',
      'independent-publisher':
        'The connector has no readme.md. Start from the readme template of PowerPlatformConnectors: https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/Independent%20Publisher/readme.md',
      custom:
        'The connector has no readme.md. Start from the readme template of PowerPlatformConnectors: https://github.com/microsoft/PowerPlatformConnectors/blob/dev/templates/readme.md',
    });
  });
  // A company's own connector never goes through PowerPlatformConnectors, whose template it was told to start from.
  it('says what the readme is for, without the upstream template, for a connector outside the layout', async () => {
    const files: Record<string, object | string> = { ...validConnectorFiles() };
    delete files['readme.md'];
    expect(await runRulesInHouse(files, ['README-PRESENT'])).toMatchObject([
      {
        severity: 'warning',
        message:
          'The connector has no readme.md. Add one for those who use and maintain it: what it is for, how to get access and sign in, and what its operations do.',
      },
    ]);
  });
  it('accepts any case', async () => {
    const files: Record<string, object | string> = { ...validConnectorFiles(), 'README.MD': validReadme() };
    delete files['readme.md'];
    expect(await runRules(files, ['README-PRESENT'])).toEqual([]);
  });
});

describe('README-SECTIONS-CERT', () => {
  it('fires on a missing Deployment Instructions section', async () => {
    const findings = await runRules(
      withReadme(validReadme().replace('## Deployment Instructions', '## Notes')),
      ['README-SECTIONS-CERT'],
    );
    expect(findings).toMatchObject([{ severity: 'warning', line: 1 }]);
    expect(findings[0]!.message).toMatch(/Deployment Instructions/);
  });
  it('points at a section heading that Markdown does not read as one, and says why', async () => {
    // Zoho ZeptoMail's "##Deployment Instructions", Rainbird's "##\u00a0Prerequisites".
    const readme = validReadme()
      .replace('## Deployment Instructions', '##Deployment Instructions')
      .replace('## Prerequisites', '##\u00a0Prerequisites');
    const findings = await runRules(withReadme(readme), ['README-SECTIONS-CERT']);
    expect(findings.map((f) => [f.line, f.column, f.endColumn, f.message])).toEqual([
      [
        6,
        1,
        17,
        'The readme has no "## Prerequisites" section, which the certified readme template requires. "##\u00a0Prerequisites" is no heading: the space after "##" is a no-break space; type a normal space.',
      ],
      [
        23,
        1,
        26,
        'The readme has no "## Deployment Instructions" section, which the certified readme template requires. "##Deployment Instructions" is no heading: Markdown needs a space after "##".',
      ],
    ]);
  });
  it('points at a section heading inside a code block', async () => {
    // Tesseron ASM Basic Data: a lone ``` above the sections makes the rest of the readme code.
    const readme = validReadme().replace('## Deployment Instructions', '```\n## Deployment Instructions');
    const findings = await runRules(withReadme(readme), ['README-SECTIONS-CERT']);
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [
        24,
        'The readme has no "## Deployment Instructions" section, which the certified readme template requires. "## Deployment Instructions" is no heading: it is inside a code block: the ``` at line 23 opens one that is never closed.',
      ],
    ]);
  });
  it('says which block hides a section heading: a closed fence of either kind, or an HTML comment', async () => {
    // Each was told to look for a ``` above it that is not closed.
    const hidden = async (before: string, after: string) => {
      const readme = validReadme().replace(
        '## Deployment Instructions',
        `${before}\n## Deployment Instructions\n${after}`,
      );
      const findings = await runRules(withReadme(readme), ['README-SECTIONS-CERT']);
      return findings.map((f) => f.message.replace(/^.* is no heading: /, ''));
    };
    expect(await hidden('~~~~', '~~~~')).toEqual([
      'it is inside the code block from the ~~~ at line 23 to line 25.',
    ]);
    expect(await hidden('```text', '```')).toEqual([
      'it is inside the code block from the ``` at line 23 to line 25.',
    ]);
    expect(await hidden('<!-- draft', '-->')).toEqual([
      'it is inside an HTML comment (the <!-- at line 23), which the page does not show.',
    ]);
  });
  it('accepts the usual variants', async () => {
    const readme = validReadme().replace('## Obtaining Credentials', '## How to get credentials');
    expect(await runRules(withReadme(readme), ['README-SECTIONS-CERT'])).toEqual([]);
    // Sections on getting the API key or token (tyntec, Pdfless, Farsight Security, Enate…).
    for (const heading of [
      '## How to get API key',
      '### Obtaining an API Key',
      '## Access Your API Key',
      '## Obtaining Token',
      '## Authentication',
    ]) {
      const variant = validReadme().replace('## Obtaining Credentials', heading);
      expect(await runRules(withReadme(variant), ['README-SECTIONS-CERT'])).toEqual([]);
    }
  });
});

describe('README-SECTIONS: a Publisher heading that names no publisher', () => {
  const withPublisher = (publisher: string) =>
    withReadme(validReadme().replace('## Publisher: Contoso Ltd', publisher));
  const rules = ['README-SECTIONS-CERT', 'README-SECTIONS-IP', 'README-PLACEHOLDER'];
  // "## Publisher:" met the section rules: the heading was there, with no one on it.
  it("fires the profile's sections rule on an empty one, at the heading, saying what to write", async () => {
    for (const heading of [
      '## Publisher:',
      '## Publisher',
      '## Publisher :',
      '### Publisher: -',
      '## Publisher: <!-- name -->',
    ]) {
      expect(await runRules(withPublisher(heading), rules)).toMatchObject([
        {
          ruleId: 'README-SECTIONS-CERT',
          severity: 'warning',
          line: 4,
          column: 1,
          message: `The heading "${heading}" names no publisher, which the certified readme template asks for: write the name of the company or organization after "Publisher:", as in "## Publisher: Contoso Ltd".`,
        },
      ]);
    }
    expect(await runRules(withPublisher('## Publisher:'), rules, 'independent-publisher')).toMatchObject([
      {
        ruleId: 'README-SECTIONS-IP',
        message:
          'The heading "## Publisher:" names no publisher, which the independent publisher readme template asks for: write your first and last name after "Publisher:" (or your company\'s name; several, comma-separated), as in "## Publisher: Jane Doe".',
      },
    ]);
  });
  it('fires README-PLACEHOLDER alone on a stand-in for the name', async () => {
    for (const [heading, standIn] of [
      ['## Publisher: <name>', '<name>'],
      ['## Publisher: <Company>', '<Company>'],
      ['## Publisher: Your Name', 'Your Name'],
      ['## Publisher: [Publisher]', '[Publisher]'],
      ['## Publisher - {Company Name}', '{Company Name}'],
      ['### Publishers: First Last, First Last', 'First Last, First Last'],
      ['## Publisher: YOUR NAME', 'YOUR NAME'],
    ] as const) {
      const findings = await runRules(withPublisher(heading), rules);
      expect([heading, findings]).toMatchObject([
        heading,
        [
          {
            ruleId: 'README-PLACEHOLDER',
            line: 4,
            column: 1,
            message: `The heading "${heading}" names no publisher: "${standIn}" stands for the name; write the publisher's name in its place (the company's, or an independent publisher's first and last name), as in "## Publisher: Contoso Ltd".`,
          },
        ],
      ]);
    }
    // The template's own "Publisher's Name" and the extraction's TODO are reported once, as before.
    for (const heading of [
      "## Publisher: Publisher's Name",
      "## Publisher: <Publisher's Name>",
      '## Publisher: TODO',
    ]) {
      expect((await runRules(withPublisher(heading), rules)).map((f) => f.ruleId)).toEqual([
        'README-PLACEHOLDER',
      ]);
    }
  });
  it('accepts a publisher written in the forms merged readmes use', async () => {
    for (const heading of [
      '## Publisher: Contoso, Inc.',
      '## Publisher - Contoso',
      '## Publisher : Kevin Comba Gatimu, Denis Wachira Kathuri',
      '## Publisher: 3M',
      '## Publisher: Contoso Name Services',
      '## Publisher: [Contoso](https://contoso.com)',
      '## Publisher: Priyaranjan KS, Vidya Sagar Alti [Tata Consultancy Services]',
      '### Publishers: Lucas Titus, Kin Cheung',
      '## Publisher\nEntrust Netherlands B.V.',
      '### Publisher: \nKnowledgeone Corporation',
      '## Publisher\n### Ahmad Najjar',
      '# Publisher\n**Name**: Bitskout',
      '## Publisher\n\nRepfabric',
    ]) {
      expect([heading, await runRules(withPublisher(heading), rules)]).toEqual([heading, []]);
      expect([heading, await runRules(withPublisher(heading), rules, 'independent-publisher')]).toEqual([
        heading,
        [],
      ]);
    }
  });
  // "The readme has no "## Publisher: <name>" section" said to write "<name>", which README-PLACEHOLDER rejects.
  it('says what to write when the section is missing', async () => {
    const findings = await runRules(withPublisher(''), ['README-SECTIONS-CERT']);
    expect(findings.map((f) => f.message)).toEqual([
      'The readme has no "## Publisher: <name>" section, which the certified readme template requires. To add it, write the name of the company or organization after "Publisher:", as in "## Publisher: Contoso Ltd".',
    ]);
  });
});

describe('README-SECTIONS-IP', () => {
  it('does not require Deployment Instructions', async () => {
    const readme = validReadme().replace('## Deployment Instructions', '## Notes');
    expect(await runRules(withReadme(readme), ['README-SECTIONS-IP'], 'independent-publisher')).toEqual([]);
  });
  it('requires Known Issues', async () => {
    const readme = validReadme().replace('## Known Issues and Limitations', '## Other');
    expect(await runRules(withReadme(readme), ['README-SECTIONS-IP'], 'independent-publisher')).toMatchObject(
      [{ severity: 'warning' }],
    );
  });
});

describe('README-PRODUCT-NAMES', () => {
  const sentence = (text: string) =>
    withReadme(validReadme().replace('Lists the tasks of the current user.', text));

  it('marks old product names in prose, each with the name to write (PR #140, #909)', async () => {
    const findings = await runRules(
      sentence('Use it in Microsoft Flow, MS Automate and Microsoft PowerApps, or PowerAutomate.'),
      ['README-PRODUCT-NAMES'],
    );
    expect(findings.map((f) => [f.severity, f.line, f.column, f.endColumn, f.message])).toEqual([
      ['warning', 11, 11, 25, '"Microsoft Flow" is an old product name: write "Power Automate".'],
      ['warning', 11, 27, 38, '"MS Automate" is an old product name: write "Power Automate".'],
      ['warning', 11, 43, 62, '"Microsoft PowerApps" is an old product name: write "Power Apps".'],
      ['warning', 11, 67, 80, '"PowerAutomate" is an old product name: write "Power Automate".'],
    ]);
  });

  it('marks a name after inline code closed on its line, and one that only opens a quotation', async () => {
    const findings = await runRules(
      sentence('Run `tasks list` in Microsoft Flow. The notice says "MS Flow is now Power Automate.'),
      ['README-PRODUCT-NAMES'],
    );
    expect(findings.map((f) => f.message)).toEqual([
      '"Microsoft Flow" is an old product name: write "Power Automate".',
      '"MS Flow" is an old product name: write "Power Automate".',
    ]);
  });

  it('leaves addresses, code, link targets and quoted labels of other services alone', async () => {
    const readme = [
      'Sign in at https://make.powerapps.com or [the portal](https://powerapps.microsoft.com/PowerApps).',
      'The resource is Microsoft.PowerApps/apis; call `PowerApps.Run()`.',
      'Pick the trigger type "Microsoft Flow" in the service.',
      '```',
      'PowerAutomate --login',
      '```',
      'Use it in Power Automate and Power Apps.',
    ].join('\n');
    expect(await runRules(sentence(readme), ['README-PRODUCT-NAMES'])).toEqual([]);
    expect(await runRules(validConnectorFiles(), ['README-PRODUCT-NAMES'])).toEqual([]);
  });

  it('leaves code blocks alone as markdown reads them: indented, in a list, with a BOM', async () => {
    const readme = [
      'An example:',
      '',
      '    PowerAutomate --login',
      '',
      '- In a list:',
      '',
      '  ~~~',
      '  Microsoft Flow',
      '  ~~~',
      '',
      'After the blocks, in prose: PowerApps.',
    ].join('\n');
    const findings = await runRules(sentence(readme), ['README-PRODUCT-NAMES']);
    expect(findings.map((f) => f.message)).toEqual([
      '"PowerApps" is an old product name: write "Power Apps".',
    ]);
    const withBom = sentence(readme);
    withBom['readme.md'] = `\uFEFF${withBom['readme.md']}`;
    const bomFindings = await runRules(withBom, ['README-PRODUCT-NAMES']);
    expect(bomFindings.map((f) => [f.line, f.column])).toEqual(findings.map((f) => [f.line, f.column]));
  });
});

describe('README-PLACEHOLDER', () => {
  it("fires on Publisher's Name, at its position", async () => {
    const findings = await runRules(withReadme(validReadme().replace('Contoso Ltd', "Publisher's Name")), [
      'README-PLACEHOLDER',
    ]);
    expect(findings).toMatchObject([{ severity: 'warning', line: 4, column: 15 }]);
  });
  it('is quiet on a real readme', async () => {
    expect(await runRules(validConnectorFiles(), ['README-PLACEHOLDER'])).toEqual([]);
  });
  it('marks "# Title" alone, with LF or with CRLF line endings (a Windows checkout)', async () => {
    const readme = `# Title\n${validReadme()}`;
    const lf = await runRules(withReadme(readme), ['README-PLACEHOLDER']);
    const crlf = await runRules(withReadme(readme.replace(/\n/g, '\r\n')), ['README-PLACEHOLDER']);
    expect(lf).toMatchObject([{ line: 1, column: 1, endLine: 1, endColumn: 8 }]);
    expect(crlf).toEqual(
      lf.map((finding) => ({ ...finding, file: crlf[0]!.file, connector: crlf[0]!.connector })),
    );
  });
  it("marks each template sentence in any case, also where one starts with the other's last letter", async () => {
    const readme = validReadme().replace(
      'Lists the tasks of the current user.',
      'OPTIONAL. how to get starteDescription of operation 1, description OF OPERATION 2',
    );
    const findings = await runRules(withReadme(readme), ['README-PLACEHOLDER']);
    expect(findings.map((f) => [f.line, f.column, f.endColumn, f.message])).toEqual([
      [11, 1, 29, '"Optional. How to get started…" is text of the readme template; replace it.'],
      [11, 28, 54, '"Description of operation N" is text of the readme template; replace it.'],
      [11, 56, 82, '"Description of operation N" is text of the readme template; replace it.'],
    ]);
  });
  it("marks the template's Required. and Optional. instructions left under a filled-in heading", async () => {
    // Two merged readmes (FlowForma V2, Certopus) keep the credentials instruction, with the
    // template's zero-width space at its end, which is not marked.
    const readme = validReadme()
      .replace(
        'Sign in to Contoso, open Settings, API keys, and create a key.',
        'Required. Explain the authentication method and how to get the credentials.\u200b',
      )
      .replace(
        'None known.',
        'None known.\n\n## Frequently Asked Questions\nOptional. Include frequently asked questions by your customer.',
      );
    const findings = await runRules(withReadme(readme), ['README-PLACEHOLDER']);
    expect(findings.map((f) => [f.line, f.column, f.endColumn, f.message])).toEqual([
      [
        18,
        1,
        76,
        '"Required. Explain the authentication method…" is text of the readme template; replace it.',
      ],
      [
        24,
        1,
        63,
        '"Optional. Include frequently asked questions…" is text of the readme template; replace it.',
      ],
    ]);
  });
  it('does not take prose that starts with "Required." for the template', async () => {
    const readme = validReadme().replace('None known.', 'Required. A paid plan is needed for webhooks.');
    expect(await runRules(withReadme(readme), ['README-PLACEHOLDER'])).toEqual([]);
  });
  it('does not take an empty heading before a line "Title" for the template title', async () => {
    expect(await runRules(withReadme(`#\nTitle\n${validReadme()}`), ['README-PLACEHOLDER'])).toEqual([]);
  });
  it("marks each TODO line and heading of extract-connectors' readme, with CRLF too, saying what to write", async () => {
    const readme = validReadme()
      .replace('Contoso Ltd', 'TODO')
      .replace('Lists the tasks of the current user.', 'TODO: what the operation does.');
    const messages = [
      [4, 1, 19, 'The readme still says "## Publisher: TODO": replace TODO with the publisher.'],
      [
        11,
        1,
        31,
        'The readme still says "TODO: what the operation does.": replace the line with what the operation does.',
      ],
    ];
    for (const text of [readme, readme.replace(/\n/g, '\r\n')]) {
      const findings = await runRules(withReadme(text), ['README-PLACEHOLDER']);
      expect(findings.map((f) => [f.line, f.column, f.endColumn, f.message])).toEqual(messages);
    }
    const custom = await runRules(withReadme(readme), ['README-PLACEHOLDER'], 'custom');
    expect(custom.map((finding) => finding.severity)).toEqual(['info', 'info']);
  });
  it('takes no mention of "todo" in prose for a TODO left to fill in', async () => {
    const readme = validReadme().replace(
      'Lists the tasks of the current user.',
      [
        'Lists the tasks of the current user in Todoist, or in Microsoft To Do lists.',
        'ToDo: the status a task starts in. The TODO list of a project is its open tasks.',
        'todo: a task not done yet.',
        '- TODO: a list item of a task, as the API returns it.',
        '## Status: TODO or DONE',
      ].join('\n'),
    );
    expect(await runRules(withReadme(readme), ['README-PLACEHOLDER'])).toEqual([]);
  });
});

describe('README-OAUTH-STEPS', () => {
  const oauthProperties = () => {
    const apiProperties = validApiProperties();
    apiProperties.properties.connectionParameters = {
      token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2' } },
    };
    return apiProperties;
  };
  it('fires when the credentials section does not explain the OAuth app', async () => {
    const files = { ...validConnectorFiles(), 'apiProperties.json': oauthProperties() };
    const findings = await runRules(files, ['README-OAUTH-STEPS'], 'independent-publisher');
    expect(findings).toMatchObject([{ severity: 'warning', line: 17 }]);
  });
  it('is quiet with registration steps', async () => {
    const readme = validReadme().replace(
      'Sign in to Contoso',
      'Register an app with the redirect URL https://global.consent.azure-apim.net/redirect. Sign in to Contoso',
    );
    const files = { ...withReadme(readme), 'apiProperties.json': oauthProperties() };
    expect(await runRules(files, ['README-OAUTH-STEPS'], 'independent-publisher')).toEqual([]);
  });
  // The steps belong in the credentials section, where the certification team looks for them.
  it('fires at a credentials section without the steps, though another section gives them', async () => {
    const readme = validReadme().replace(
      '## Prerequisites\nA Contoso account with an API key.\n',
      '## Prerequisites\nA Contoso account with an API key.\n### Create an OAuth app\nRegister an app with the redirect URL https://global.consent.azure-apim.net/redirect.\n',
    );
    const files = { ...withReadme(readme), 'apiProperties.json': oauthProperties() };
    const findings = await runRules(files, ['README-OAUTH-STEPS'], 'independent-publisher');
    expect(findings).toMatchObject([
      {
        message: expect.stringMatching(
          /^The connector uses OAuth, but "Obtaining Credentials" does not explain/,
        ),
      },
    ]);
  });
  it('is quiet with registration steps in a section named for the app', async () => {
    // Office 365 Users: "### Registering an Azure Active Directory application", no credentials section.
    const steps =
      '### Registering an Azure AD application\nRegister an app with the redirect URL https://global.consent.azure-apim.net/redirect.\n';
    const readme = validReadme()
      .replace(
        '## Obtaining Credentials\nSign in to Contoso, open Settings, API keys, and create a key.\n',
        '',
      )
      .replace(
        '## Prerequisites\nA Contoso account with an API key.\n',
        `## Prerequisites\nA Contoso account.\n${steps}`,
      );
    const files = { ...withReadme(readme), 'apiProperties.json': oauthProperties() };
    expect(await runRules(files, ['README-OAUTH-STEPS'], 'independent-publisher')).toEqual([]);
    // README-SECTIONS-IP still asks for the section, but not for steps the readme gives.
    const sections = await runRules(files, ['README-SECTIONS-IP'], 'independent-publisher');
    expect(sections.map((f) => f.message)).toEqual([
      'The readme has no "## Obtaining Credentials" section, which the independent publisher readme template requires.',
    ]);
    // A section named for an app that gives no steps does not count.
    const noSteps = readme.replace(
      'Register an app with the redirect URL https://global.consent.azure-apim.net/redirect.',
      'Ask your admin.',
    );
    // Nor is it this rule's to say: with no credentials section at all, README-SECTIONS-IP asks for
    // the section and for the steps in it, one finding for one fix.
    const findings = await runRules(
      { ...withReadme(noSteps), 'apiProperties.json': oauthProperties() },
      ['README-OAUTH-STEPS', 'README-SECTIONS-IP'],
      'independent-publisher',
    );
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'README-SECTIONS-IP',
        'The readme has no "## Obtaining Credentials" section, which the independent publisher readme template requires. The connector uses OAuth: give there the steps to register the OAuth app and its redirect URL, which the certification team follows.',
      ],
    ]);
  });
  it('leaves a readme without the credentials section to README-SECTIONS-*, which asks for the steps', async () => {
    // The walk's Witivio: one missing heading reported by both rules, two slots of the action's ten.
    const readme = validReadme().replace(
      '## Obtaining Credentials\nSign in to Contoso, open Settings, API keys, and create a key.\n',
      '',
    );
    const oauth = { ...withReadme(readme), 'apiProperties.json': oauthProperties() };
    for (const [profile, sections] of [
      ['independent-publisher', 'README-SECTIONS-IP'],
      ['certified', 'README-SECTIONS-CERT'],
    ] as const) {
      const findings = await runRules(oauth, ['README-OAUTH-STEPS', sections], profile);
      expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([[sections, 'warning']]);
      expect(findings[0]!.message).toMatch(
        /section, which the .* readme template requires\. The connector uses OAuth: give there the steps to register the OAuth app/,
      );
    }
    // Without OAuth, the sections rule says only that the section is missing.
    const apiKey = await runRules(withReadme(readme), ['README-SECTIONS-IP'], 'independent-publisher');
    expect(apiKey.map((f) => f.message)).toEqual([
      'The readme has no "## Obtaining Credentials" section, which the independent publisher readme template requires.',
    ]);
  });
  it('still fires for a credentials section under another name that gives no steps', async () => {
    // "## Authentication" stands for the section (README-SECTIONS-IP is quiet) but says nothing of the app.
    const readme = validReadme().replace('## Obtaining Credentials', '## Authentication');
    const files = { ...withReadme(readme), 'apiProperties.json': oauthProperties() };
    const findings = await runRules(
      files,
      ['README-OAUTH-STEPS', 'README-SECTIONS-IP'],
      'independent-publisher',
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['README-OAUTH-STEPS']);
  });
  it("names the redirect URL the connector uses: its own under GlobalPerConnector (the walk's Zoho Calendar)", async () => {
    // It named the shared URL whatever apiProperties.json said: an app registered so fails to sign in
    // with the per-connector URL that PROP-OAUTH-REDIRECT asks for.
    const named = async (oAuthSettings: Record<string, unknown>) => {
      const apiProperties = oauthProperties();
      Object.assign(apiProperties.properties.connectionParameters.token.oAuthSettings, oAuthSettings);
      const files = { ...validConnectorFiles(), 'apiProperties.json': apiProperties };
      const findings = await runRules(files, ['README-OAUTH-STEPS'], 'independent-publisher');
      return findings.map((f) => / The redirect URL to explain is (.*)\.$/.exec(f.message)?.[1] ?? '');
    };
    const own = 'https://global.consent.azure-apim.net/redirect/zohocalendar';
    expect(await named({ redirectMode: 'GlobalPerConnector', redirectUrl: own })).toEqual([own]);
    // Not written, or written as the shared one (3E Events), it is the connector's API name's.
    const form =
      "https://global.consent.azure-apim.net/redirect/<API name>, the connector's own, which its Security tab shows once it is created";
    expect(await named({ redirectMode: 'GlobalPerConnector' })).toEqual([form]);
    const shared = 'https://global.consent.azure-apim.net/redirect';
    expect(await named({ redirectMode: 'GlobalPerConnector', redirectUrl: shared })).toEqual([form]);
    expect(await named({ redirectMode: 'Global', redirectUrl: own })).toEqual([shared]);
    expect(await named({})).toEqual([shared]);
    const regional = 'https://logic-apis-westeurope.consent.azure-apim.net/redirect';
    expect(await named({ redirectMode: 'Direct', redirectUrl: regional })).toEqual([regional]);
    expect(await named({ redirectMode: 'Direct' })).toEqual(['']);
  });
  it('names the URL a redirectUrl written as a list holds (PROS AI), not the form of one not written', async () => {
    // PROP-SCHEMA reports the list; the message said the URL was not written, to be found on the
    // connector's Security tab, of a file that writes it.
    const apiProperties = oauthProperties();
    const own = 'https://global.consent.azure-apim.net/redirect/prosaiforsalescopilo';
    Object.assign(apiProperties.properties.connectionParameters.token.oAuthSettings, {
      redirectMode: 'GlobalPerConnector',
      redirectUrl: [own.replace('//global.', '//global-test.'), own],
    });
    const files = { ...validConnectorFiles(), 'apiProperties.json': apiProperties };
    const findings = await runRules(files, ['README-OAUTH-STEPS'], 'independent-publisher');
    expect(findings.map((f) => / The redirect URL to explain is (.*)\.$/.exec(f.message)?.[1])).toEqual([
      own,
    ]);
  });
});

describe('README-OPS-MATCH', () => {
  it('reports a missing operation and a stale one', async () => {
    const readme = validReadme().replace('### Get a task', '### Delete a task');
    const findings = await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => [f.severity, f.line, f.message])).toEqual([
      ['warning', 9, 'The operation "Get a task" is not listed under Supported Operations.'],
      [
        'warning',
        14,
        '"Delete a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
      ],
    ]);
  });
  it('finds the summaries written in the section in any order, the first at its very start', async () => {
    // Searched for in the swagger's order, each from where the one before was found: a summary written
    // before that place is searched for from the section's start.
    const inProse = (prose: string) =>
      runRules(
        withReadme(
          validReadme().replace(
            /## Supported Operations\n[\s\S]*?\n\n/,
            `## Supported Operations\n${prose}\n\n`,
          ),
        ),
        ['README-OPS-MATCH'],
        'independent-publisher',
      );
    expect(await inProse('Get a task, create a task or list tasks with one connector.')).toEqual([]);
    expect(await inProse('List tasks, create a task or get a task with one connector.')).toEqual([]);
    expect((await inProse('List tasks or create a task with one connector.')).map((f) => f.message)).toEqual([
      'The operation "Get a task" is not listed under Supported Operations.',
    ]);
  });
  it('says which operation a stale heading probably means', async () => {
    // Oodrive Sign's "Vadidate a contract"; Notion's "Retrieve a user" for "Retrieve User": a typo,
    // or a name written in another case and punctuation, is one edit per five characters at most.
    const typo = await runRules(
      withReadme(validReadme().replace('### Get a task', '### Gett a task')),
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(typo.map((f) => [f.line, f.message])).toEqual([
      [9, 'The operation "Get a task" is not listed under Supported Operations.'],
      [
        14,
        `"Gett a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId. Did you mean 'Get a task'?`,
      ],
    ]);
    const variant = await runRules(
      withReadme(validReadme().replace('### Get a task', '### GET A TSK!')),
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(variant.map((f) => f.message)[1]).toMatch(/operationId\. Did you mean 'Get a task'\?$/);
  });
  it('suggests the summary where the heading is closer to the operationId: the name makers see', async () => {
    // Exact Online Time & Billing lists "### TimeAndBillingEntryAccounts" for
    // GetTimeAndBillingEntryAccounts, whose summary is "Get time and billing entry accounts": the
    // heading is matched by the id, and the readme names the operation as the designer shows it.
    const files = validConnectorFiles();
    const swagger = files['apiDefinition.swagger.json'] as Record<string, any>;
    swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskDetailsById';
    // Misspelt: "TaskDetailsById" alone is the operationId without its verb, which names it.
    const readme = validReadme().replace('### Get a task', '### GetTaskDetalsById');
    const findings = await runRules(
      { ...files, 'readme.md': readme },
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(findings.map((f) => f.message)[1]).toMatch(/Did you mean 'Get a task'\?$/);
  });
  it('suggests the operationId of an operation without a summary', async () => {
    const files = validConnectorFiles();
    const swagger = files['apiDefinition.swagger.json'] as Record<string, any>;
    swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskDetailsById';
    delete swagger.paths['/tasks/{taskId}'].get.summary;
    const readme = validReadme().replace('### Get a task', '### GetTaskDetalsById');
    const findings = await runRules(
      { ...files, 'readme.md': readme },
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/Did you mean 'GetTaskDetailsById'\?$/),
    );
  });
  it('suggests nothing when another operation is nearly as close', async () => {
    // "ProjectRestrictionRebillings" is as close to GetProjectRestrictionRebillings as to
    // PutProjectRestrictionRebillings; "Gett a task" is one edit from "Get a task", two from "Set a task".
    const files = validConnectorFiles();
    const swagger = files['apiDefinition.swagger.json'] as Record<string, any>;
    swagger.paths['/tasks'].post.summary = 'Set a task';
    const readme = validReadme()
      .replace('### Create a task', '### Set a task')
      .replace('### Get a task', '### Gett a task');
    const findings = await runRules(
      { ...files, 'readme.md': readme },
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Get a task" is not listed under Supported Operations.',
      '"Gett a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    ]);
    // With the other operation's heading gone, the margin is the same: still nothing.
    const unlisted = await runRules(
      { ...files, 'readme.md': readme.replace('### Set a task', '### Something else') },
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(unlisted.map((f) => f.message).filter((message) => message.includes('Did you mean'))).toEqual([]);
  });
  it('suggests no operation that has its own heading already', async () => {
    // The closest operation is listed: the stale heading is a second one or something else, and
    // the next closest is no better guess.
    const readme = validReadme().replace(
      'Gets one task by its identifier.\n',
      'Gets one task by its identifier.\n### Gett a task\nAlso gets one.\n',
    );
    const findings = await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual([
      '"Gett a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    ]);
  });
  it('is quiet when the list matches', async () => {
    expect(await runRules(validConnectorFiles(), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
  it('reports an operation without an operationId that no heading names', async () => {
    const swagger = validSwagger();
    delete swagger.paths['/tasks/{taskId}'].get.operationId;
    const readme = validReadme().replace('### Get a task\nGets one task by its identifier.\n', '');
    const files = { ...withReadme(readme), 'apiDefinition.swagger.json': swagger };
    const findings = await runRules(files, ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Get a task" is not listed under Supported Operations.',
    ]);
  });
  it('accepts a sub-heading that names an operation by its operationId, or contains a name', async () => {
    const readme = validReadme()
      .replace('### Create a task', '### CreateTask\nCreate a task.')
      .replace('### Get a task', '### Get a task (GetTask)');
    expect(await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
  it('reads every section of operations: Supported Triggers beside Supported Actions', async () => {
    // Calendly, Egnyte, Talkdesk…: the triggers have their own section, after or before the actions.
    // In it, OpenText eDOCS's "### Item" over its one trigger is a group, and SkyPointCloud's nested
    // "Support and documentation" is no operation.
    const readme = validReadme()
      .replace('### Create a task\nCreates a task for the current user.\n', '')
      .replace(
        '## Obtaining Credentials',
        '## Supported Triggers\n### Create a task\nCreates a task.\n### Remove a task\n### Items\n* `Get a task`: one.\n### Support and documentation\nMail us.\n\n## Obtaining Credentials',
      );
    const findings = await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [
        18,
        '"Remove a task" is listed under Supported Triggers, but no operation of the swagger has this summary or operationId.',
      ],
    ]);
    const missing = await runRules(
      withReadme(readme.replace('### Create a task\nCreates a task.\n', '')),
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(missing.map((f) => [f.line, f.message])[0]).toEqual([
      9,
      'The operation "Create a task" is not listed under Supported Operations or Supported Triggers.',
    ]);
  });
  it('names a section whose heading ends with a colon without it', async () => {
    // Data247logic's "## Supported actions:" was told as "not listed under Supported actions::".
    const readme = validReadme()
      .replace('## Supported Operations', '## Supported Operations:')
      .replace('### Create a task\nCreates a task for the current user.\n', '### Remove a task\n');
    const findings = await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Create a task" is not listed under Supported Operations.',
      '"Remove a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    ]);
  });
  it('names a section whose heading ends with a space and a colon without either', async () => {
    const readme = validReadme()
      .replace('## Supported Operations', '## Supported Operations :')
      .replace('### Create a task\nCreates a task for the current user.\n', '');
    const findings = await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Create a task" is not listed under Supported Operations.',
    ]);
  });
  it('names the first three sections of operations an operation is missing from, and counts the others', async () => {
    const sections = ['Supported Triggers', 'Supported Actions', 'Actions', 'Triggers'];
    const readme = validReadme()
      .replace('### Create a task\nCreates a task for the current user.\n', '')
      .replace(
        '## Obtaining Credentials',
        `${sections.map((section) => `## ${section}\n### List tasks\n`).join('\n')}\n## Obtaining Credentials`,
      );
    const findings = await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Create a task" is not listed under Supported Operations or Supported Triggers or Supported Actions or 2 more.',
    ]);
  });
  it('is quiet without a swagger to compare the readme with', async () => {
    const files: Record<string, object | string> = withReadme(
      validReadme().replace('### Get a task', '### Delete a task'),
    );
    delete files['apiDefinition.swagger.json'];
    expect(await runRules(files, ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
  it('reads a Supported Operations heading of level 3 as the section, not one of level 4', async () => {
    // Under "## Usage", its operations one level deeper, "Get a task" listed as "Fetch a task".
    const nested = (depth: number) => {
      const [section, operation] = ['#'.repeat(depth), '#'.repeat(depth + 1)];
      return validReadme()
        .replace('## Supported Operations\n', `## Usage\n${section} Supported Operations\n`)
        .replace(/### (List tasks|Create a task)/g, `${operation} $1`)
        .replace('### Get a task', `${operation} Fetch a task`);
    };
    const findings = await runRules(withReadme(nested(3)), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Get a task" is not listed under Supported Operations.',
      '"Fetch a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    ]);
    expect(await runRules(withReadme(nested(4)), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
  it('takes a heading over its text and a deeper heading that names an operation for a group, not a stale operation', async () => {
    const readme = validReadme().replace(
      '### List tasks\n',
      '### Work items\nWhat you can do with tasks.\n#### List tasks\n',
    );
    expect(await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
  it('counts an operation listed under its operationId alone as listed', async () => {
    // SMS Wireless Services lists "### SendSMS" and a description that is not the summary.
    const readme = validReadme().replace('### Create a task\nCreates', '### CreateTask\nAdds');
    expect(await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
    // Or written as is in a list (InEight: "* `TimeCard_Get`: …"), a compound identifier only.
    const files = validConnectorFiles();
    const swagger = files['apiDefinition.swagger.json'] as Record<string, any>;
    swagger.paths['/tasks/{taskId}'].get.operationId = 'Task';
    const listed = validReadme()
      .replace('### Create a task\nCreates', '* `CreateTask`: adds')
      .replace('### Get a task\nGets one task', 'Each Task has an identifier');
    const findings = await runRules(
      { ...files, 'readme.md': listed },
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Get a task" is not listed under Supported Operations.',
    ]);
    const inWord = validReadme().replace('### Create a task\nCreates', '* `CreateTasks`: adds');
    expect(
      (await runRules(withReadme(inWord), ['README-OPS-MATCH'], 'independent-publisher')).map(
        (f) => f.message,
      ),
    ).toEqual(['The operation "Create a task" is not listed under Supported Operations.']);
  });
  it('takes a sub-heading over listed operations for a group, not a stale operation', async () => {
    // Toggl Plan: "### Tasks" over "#### Fetch list of tasks"; StarRez: "### Booking" over a list
    // of its operations; Taqnyat SMS: "### Balance" over a stale "#### Get Balance" alone, reported.
    // A stale operation's own sub-heading ("#### Inputs") is not reported again, and a description
    // that names operations in a list of parameters (QPP NextGen) is no group.
    const readme = validReadme()
      .replace('### List tasks', '### Task Management\n#### List tasks')
      .replace('### Get a task', '#### Get a task')
      .replace(
        'Gets one task by its identifier.\n',
        'Gets one task.\n### Delete a task\n#### Inputs\nThe task.\n### Tables\n* `List tasks`: all.\n* `Get a task`: one.\n### Archive a task\nUnlike Get a task, it archives.\n- **Task**: from List tasks or Get a task.\n### Reminders\n#### Remind of a task\n### Purge tasks\n#### DELETE `/tasks`\n',
      );
    const findings = await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual([
      '"Delete a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
      '"Archive a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
      '"Remind of a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
      '"Purge tasks" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    ]);
  });
  it("does not take the sub-headings of a listed operation's description for stale operations", async () => {
    // bitskout: "### Input" and "### Output" under "## Run Plugin for a File".
    const readme = validReadme().replace(
      'Creates a task for the current user.\n',
      'Creates a task for the current user.\n#### Input\nA title.\n#### Output\nThe task.\n',
    );
    expect(await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
  it("does not take a heading deeper in a listed operation's description for a stale operation", async () => {
    // "##### Example one" under "#### Examples" under "### Create a task" describes the operation
    // too: until review 2 of session 28, "#### Examples" over it was read as a group's title.
    const readme = validReadme().replace(
      'Creates a task for the current user.\n',
      'Creates a task for the current user.\n#### Examples\n##### Example one\nA title only.\n',
    );
    expect(await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
  it("takes a stale operation over its description's headings for a stale operation, not a group (session 28)", async () => {
    // "### Delete Widget" right over "#### Description" and "#### Request" was read as a group's
    // title: the stale operation went unreported and its detail headings were reported instead.
    const stale = (name: string, details: string) =>
      `### ${name}\n${details
        .split(',')
        .map((detail) => `#### ${detail}\nAbout it.\n`)
        .join('')}`;
    const readme = validReadme().replace(
      'Gets one task by its identifier.\n',
      [
        'Gets one task by its identifier.\n',
        stale('Delete Widget', 'Description,Request'),
        stale('Rename Widget', 'Sample Request,Sample Response'),
        stale('Copy Widget', 'Request Parameters,Response Body'),
        stale('Move Widget', 'Summary,Errors'),
        stale('Hide Widget', 'Example Request,Status Codes'),
      ].join(''),
    );
    const findings = await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual(
      ['Delete Widget', 'Rename Widget', 'Copy Widget', 'Move Widget', 'Hide Widget'].map(
        (name) =>
          `"${name}" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.`,
      ),
    );
  });
  it('does not take a template section nested in Supported Operations for a stale operation', async () => {
    // monday nests "### Obtaining Credentials" and "### Getting Started" in Supported Operations.
    const readme = validReadme().replace(
      'Gets one task by its identifier.\n',
      'Gets one task by its identifier.\n### Obtaining Credentials\nAsk your admin.\n### Getting Started\nSign in.\n### Frequently Asked Questions\nNone.\n',
    );
    expect(await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
  });
  it('finds a summary that starts before the one found last and ends after it', async () => {
    // Normalized, the section reads "…createtasknow…": "task" is found first, and "createtasknow"
    // starts before where the search for the next summary begins, and ends after it. The emphasis
    // keeps the sub-heading's text from reading as written, so that the section is searched for it.
    const files = validConnectorFiles();
    const swagger = files['apiDefinition.swagger.json'] as {
      paths: Record<string, Record<string, { summary: string }>>;
    };
    swagger.paths['/tasks']!.get!.summary = 'Task';
    swagger.paths['/tasks']!.post!.summary = 'Create task now';
    const readme = validReadme()
      .replace('### List tasks\nLists the tasks of the current user.\n', '')
      .replace('### Create a task', '### Create *task* now');
    expect(
      await runRules({ ...files, 'readme.md': readme }, ['README-OPS-MATCH'], 'independent-publisher'),
    ).toEqual([]);
  });
  it('looks for a summary in the section as written, also when a sub-heading displays it', async () => {
    // "### Get &amp; tasks" displays "Get & tasks", the summary, but the section as written reads
    // "getamptasks": the summary is not found in it, and the sub-heading is no stale name. What the
    // heading displays lists it, as a person reads it (loose-names.ts): nothing is reported (until
    // session 28 the operation was reported as not listed, which the reader sees listed).
    // A sub-heading written as is ("### Create a task") lists its summary however it is found.
    const files = validConnectorFiles();
    const swagger = files['apiDefinition.swagger.json'] as {
      paths: Record<string, Record<string, { summary: string }>>;
    };
    swagger.paths['/tasks/{taskId}']!.get!.summary = 'Get & tasks';
    const readme = validReadme().replace('### Get a task', '### Get &amp; tasks');
    const findings = await runRules(
      { ...files, 'readme.md': readme },
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(findings.map((f) => [f.line, f.message])).toEqual([]);
    // Displayed otherwise, it is not listed, and the heading is reported as stale.
    const other = await runRules(
      { ...files, 'readme.md': readme.replace('### Get &amp; tasks', '### Get &amp; tusks') },
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(other.map((f) => [f.line, f.message])[0]).toEqual([
      9,
      'The operation "Get & tasks" is not listed under Supported Operations.',
    ]);
  });
  it('does not take a heading of another section for a listed operation', async () => {
    const readme = validReadme()
      .replace('### Get a task\nGets one task by its identifier.\n', '')
      .replace('None known.', '### Get a task\nNone known.');
    const findings = await runRules(withReadme(readme), ['README-OPS-MATCH'], 'independent-publisher');
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Get a task" is not listed under Supported Operations.',
    ]);
  });
  it('finds operations listed in another order than the swagger has them', async () => {
    // The swagger's order is List tasks, Create a task, Get a task. Emphasis keeps the sub-headings'
    // texts from reading as written, so that the section is searched for each summary.
    const reordered = validReadme().replace(
      /### List tasks\n(.*\n)### Create a task\n(.*\n)### Get a task\n(.*\n)/,
      '### Get a *task*\n$3### List *tasks*\n$1### Create a *task*\n$2',
    );
    expect(reordered).toMatch(/### Get a \*task\*\n.*\n### List \*tasks/);
    expect(await runRules(withReadme(reordered), ['README-OPS-MATCH'], 'independent-publisher')).toEqual([]);
    const findings = await runRules(
      withReadme(reordered.replace('### Create a *task*', '### Add a *task*')),
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    expect(findings.map((f) => f.message)).toEqual([
      'The operation "Create a task" is not listed under Supported Operations.',
      '"Add a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    ]);
  });
});

describe('README-OPS-MATCH: names a person reads as the operation', () => {
  const check = async (readme: string, edit?: (swagger: Record<string, any>) => void) => {
    const files = validConnectorFiles();
    edit?.(files['apiDefinition.swagger.json'] as Record<string, any>);
    const findings = await runRules(
      { ...files, 'readme.md': readme },
      ['README-OPS-MATCH'],
      'independent-publisher',
    );
    return findings.map((f) => f.message);
  };
  const heading = (name: string) => validReadme().replace('### Get a task', `### ${name}`);
  /** "Get a task" listed in the section's own text, before its first sub-heading, instead of under its heading. */
  const inSectionList = (item: string) =>
    validReadme()
      .replace('### Get a task\nGets one task by its identifier.\n', '')
      .replace('## Supported Operations\n', `## Supported Operations\n${item}\n`);
  /**
   * The get operation as "Get a task (V2)" beside its V1 "Get a task (deprecated)" at /v1/tasks/{taskId},
   * which `v1` edits: made deprecated or internal, or given another summary (Zoho Calendar).
   */
  const withVersions =
    (v1: Record<string, unknown>) =>
    (swagger: Record<string, any>): void => {
      const v2 = swagger.paths['/tasks/{taskId}'].get;
      swagger.paths['/v1/tasks/{taskId}'] = { get: { ...v2, summary: 'Get a task (deprecated)', ...v1 } };
      Object.assign(v2, { summary: 'Get a task (V2)', operationId: 'GetTask_V2' });
    };
  /** "### Get the task", a loose name of Get a task, over the detail headings "#### Inputs" and "#### Outputs". */
  const overDetails = heading('Get the task').replace(
    'Gets one task by its identifier.\n',
    'Gets one task by its identifier.\n#### Inputs\nThe id.\n#### Outputs\nThe task.\n',
  );
  /** "### Get the task" over a title of its own, "#### Fetch it". */
  const overTitle = heading('Get the task').replace(
    'Gets one task by its identifier.\n',
    '#### Fetch it\nGets one task by its identifier.\n',
  );

  it('takes the operationId without its first word for the operation (Carbon Intensity)', async () => {
    // "### Generation" for GetGeneration; Exact Online's "### TimeAndBillingEntryAccounts".
    expect(
      await check(heading('TaskDetailsById'), (swagger) => {
        swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskDetailsById';
      }),
    ).toEqual([]);
  });
  it('takes a summary without a last word that says what it is (Ordnance Survey)', async () => {
    // "`Find`" for "Find Operation", "Create Forecast" for "Create forecast job".
    const edit = (swagger: Record<string, any>) => {
      swagger.paths['/tasks/{taskId}'].get.summary = 'Fetch one operation';
    };
    expect(await check(heading('Fetch one'), edit)).toEqual([]);
    const listed = inSectionList('* `Fetch one`: gets a task.');
    expect(await check(listed, edit)).toEqual([]);
  });
  it('takes a summary written with other articles, case and punctuation (AMEE, personr)', async () => {
    // "Get a company" for "Get Company", "Resend notification email" for "Resend the notification email".
    expect(await check(heading('GET THE TASK'))).toEqual([]);
    expect(await check(inSectionList('- **Get task**: one.'))).toEqual([]);
  });
  it('takes a summary without its marks: (deprecated), (Preview), a version (ConsenSys, HubSpot)', async () => {
    const edit = (swagger: Record<string, any>) => {
      swagger.paths['/tasks/{taskId}'].get.summary = 'Get a task (Preview) V2';
    };
    expect(await check(validReadme(), edit)).toEqual([]);
    expect(await check(heading('Get a task (deprecated)'))).toEqual([]);
  });
  it('takes a heading without its numbering or role (WebexIntegration, Krozu PM)', async () => {
    // "Operation 3 Create an invitee", "2. Stream Generate Content", "Action Add Checklist to Card".
    expect(await check(heading('Operation 3 Get the task'))).toEqual([]);
    expect(await check(heading('2. Get the task'))).toEqual([]);
    expect(await check(heading('Trigger: Get the task'))).toEqual([]);
  });
  it("takes a path's words for the operation (Carbon Intensity's Regional England)", async () => {
    const edit = (swagger: Record<string, any>) => {
      swagger.paths['/regional/england'] = swagger.paths['/tasks/{taskId}'];
      delete swagger.paths['/tasks/{taskId}'];
    };
    expect(await check(heading('Regional England'), edit)).toEqual([]);
  });
  it('takes no section of the readme, test report or group of operations for a stale one', async () => {
    // IN-D's "How to get credentials", TPS's "Frequenty Asked Questions", Krozu PM's test reports,
    // Ubiqod's "### Badge Operations" over a list of bold names.
    const readme = validReadme().replace(
      'Gets one task by its identifier.\n',
      'Gets one task by its identifier.\n### How to get credentials\nAsk.\n### Frequenty Asked Questions\nNone.\n### Overall Test Result\nPassed.\n### Test Operations within Contoso\nDone.\n### Product API Documentation\nLink.\n### Task Operations\n- **Get Task**: one.\n- **Make Task**: two.\n',
    );
    expect(await check(readme)).toEqual([]);
  });
  it('still reports an operation the swagger lacks, under any of these names', async () => {
    // Only whole keys match: "Delete a task" is no "Get a task", and the short name "Task" of
    // GetTask does not make "Delete Task" one.
    expect(await check(heading('Delete a task'))).toEqual([
      'The operation "Get a task" is not listed under Supported Operations.',
      '"Delete a task" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    ]);
    expect(await check(heading('2. Archive Task (deprecated)'))).toContain(
      '"2. Archive Task (deprecated)" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    );
    // "Create Job" is no "Create Event": only the operation's name loses its last word.
    const events = await check(heading('Get a job'), (swagger) => {
      swagger.paths['/tasks/{taskId}'].get.summary = 'Get an event';
    });
    expect(events).toContain(
      '"Get a job" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    );
  });
  it("does not take an operation's parameters and detail headings for listed operations", async () => {
    // "* Priority: …" under "### Create a task" is a parameter of it, no "Update Priority" (whose
    // short name is "Priority"); nor is "#### Assignee" under it "Get Assignee". Until the review of
    // session 28 every list item and leaf heading of the section counted.
    const edit = (swagger: Record<string, any>) => {
      const operation = (summary: string, operationId: string) => ({
        summary,
        operationId,
        responses: { '200': { description: 'Done.' } },
      });
      swagger.paths['/tasks/{taskId}/priority'] = { patch: operation('Update Priority', 'UpdatePriority') };
      swagger.paths['/tasks/{taskId}/owner'] = { get: operation('Get Owner', 'GetOwner') };
      swagger.paths['/tasks/{taskId}/assignee'] = { get: operation('Get Assignee', 'GetAssignee') };
    };
    const described = validReadme().replace(
      'Creates a task for the current user.\n',
      'Creates a task for the current user.\n* Priority: how urgent it is.\n* Owner - who asked for it.\n#### Assignee\nWho does it.\n',
    );
    expect(await check(described, edit)).toEqual([
      '3 operations are not listed under Supported Operations: "Update Priority", "Get Owner", "Get Assignee".',
    ]);
    // Listed in the section's own text, or under a heading that groups operations, they list them.
    const grouped = validReadme().replace(
      '## Supported Operations\n',
      '## Supported Operations\n* Priority: how urgent it is.\n### Actions\n* Owner - who asked for it.\n### Task details\n#### Assignee\nWho does it.\n',
    );
    expect(await check(grouped, edit)).toEqual([]);
  });
  it('takes a version mark for no other version (Create Invoice V1 is no V2)', async () => {
    // The readme lists only the deprecated V1: V2 is not listed. Without a mark on one side, the
    // other's is left out ("Get a task" lists "Get a task V2", "Get a task V2" lists "Get a task").
    const edit = (swagger: Record<string, any>) => {
      swagger.paths['/tasks/{taskId}'].get.summary = 'Get a task V2';
      swagger.paths['/v1/tasks/{taskId}'] = {
        get: {
          summary: 'Get a task V1',
          operationId: 'GetTaskV1',
          deprecated: true,
          responses: { '200': { description: 'The task.' } },
        },
      };
    };
    expect(await check(heading('Get a task V1'), edit)).toEqual([
      'The operation "Get a task V2" is not listed under Supported Operations.',
    ]);
    expect(await check(heading('Get a task (v1)'), edit)).toEqual([
      'The operation "Get a task V2" is not listed under Supported Operations.',
    ]);
    expect(await check(heading('Get the task V2'), edit)).toEqual([]);
    expect(await check(heading('Get the task'), edit)).toEqual([]);
    expect(await check(heading('Get the task V2'))).toEqual([]);
    // A heading of another version than any operation's is a stale one.
    expect(await check(heading('Get the task V3'), edit)).toEqual([
      'The operation "Get a task V2" is not listed under Supported Operations.',
      '"Get the task V3" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    ]);
  });
  it("takes a hidden V1's heading for the V1, not for its V2 (the walk's Zoho Calendar)", async () => {
    // "### Get Event list" named the deprecated, internal "Get Event list (deprecated)", and its
    // version left out, "Get event list (V2)" too: a readme that never named a V2 passed.
    const missing = ['The operation "Get a task (V2)" is not listed under Supported Operations.'];
    const deprecated = withVersions({ deprecated: true, 'x-ms-visibility': 'internal' });
    expect(await check(validReadme(), deprecated)).toEqual(missing);
    expect(await check(validReadme(), withVersions({ deprecated: true }))).toEqual(missing);
    expect(await check(validReadme(), withVersions({ 'x-ms-visibility': 'internal' }))).toEqual(missing);
    // Listed as well, the V2 is found; and the V1's heading is never a stale one.
    const both = validReadme().replace('### Get a task\n', '### Get a task\nOld.\n### Get a task (V2)\n');
    expect(await check(both, deprecated)).toEqual([]);
    // A V1 users still see is listed by the heading, and leaves its V2 as it was: "Get a task" lists it.
    expect(await check(validReadme(), withVersions({ summary: 'Get a task' }))).toEqual([]);
  });
  it('still reports stale headings that only resemble a section or a group of operations', async () => {
    // "… Documentation", "How to …", test reports and "… Operations" are no operations only as the
    // corpus has them; "Get Documentation", "How to Reset", "Run Test Results" and a "List
    // Operations" that groups nothing are stale operations.
    const stale = ['Get Documentation', 'List Operations', 'How to Reset', 'Run Test Results'];
    const readme = validReadme().replace(
      'Gets one task by its identifier.\n',
      `Gets one task by its identifier.\n${stale.map((name) => `### ${name}\nDoes it.\n`).join('')}`,
    );
    expect(await check(readme)).toEqual(
      stale.map(
        (name) =>
          `"${name}" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.`,
      ),
    );
    // PaySpace's "### Employee Operations" right over its operations' headings is their title.
    const titled = validReadme().replace('### List tasks\n', '### Task Operations\n\n### List tasks\n');
    expect(await check(titled)).toEqual([]);
  });
  it("reports an '… Operations' heading as stale where it titles no operation: over its own text, or last", async () => {
    const stale = [
      '"Task Operations" is listed under Supported Operations, but no operation of the swagger has this summary or operationId.',
    ];
    const overText = validReadme().replace(
      '### List tasks\n',
      '### Task Operations\nWhat you can do.\n### List tasks\n',
    );
    expect(await check(overText)).toEqual(stale);
    const last = validReadme().replace(
      'Gets one task by its identifier.\n',
      'Gets one task by its identifier.\n### Task Operations\n',
    );
    expect(await check(last)).toEqual(stale);
  });
  it('takes a loosely named heading over its detail headings for a name (review 2 of session 28)', async () => {
    // "### Get the task" over "#### Inputs" and "#### Outputs" lists Get a task, as the stale check
    // reads it: until then a heading with deeper ones was read as no name, and "Get a task" was
    // reported as not listed under a heading the check took for its name.
    expect(await check(overDetails)).toEqual([]);
    // A heading that names an operation is no group, whatever it holds: "#### Fetch it" describes it
    // (until then it was read as a group's title, "Fetch it" as a stale operation).
    expect(await check(overTitle)).toEqual([]);
  });
  it('reads the list of a heading the stale check takes for a group (one definition of a group)', async () => {
    // "### Other" over a list that starts with summaries is a group of listed operations for the
    // stale check: its items list operations too, by the names a person reads as theirs.
    const readme = validReadme()
      .replace('### List tasks\nLists the tasks of the current user.\n', '')
      .replace('### Create a task\nCreates a task for the current user.\n', '')
      .replace(
        '### Get a task\nGets one task by its identifier.\n',
        '### Other\n* List tasks: all of them.\n* Create a task: a new one.\n* Get the task: one.\n',
      );
    expect(await check(readme)).toEqual([]);
  });
  it('takes no sub-heading of a template section nested in Supported Operations for an operation', async () => {
    // docs/rules.md: template sections nested in it are no operations, nor what they hold ("#### Rate
    // limits" under "### Known Issues and Limitations", "#### Step 1" under "### Obtaining Credentials").
    const readme = validReadme().replace(
      'Gets one task by its identifier.\n',
      'Gets one task by its identifier.\n### Known Issues and Limitations\n#### Rate limits\nTen a minute.\n### Obtaining Credentials\n#### Step 1\nSign in.\n#### Step 2\nCopy the key.\n',
    );
    expect(await check(readme)).toEqual([]);
    // Nor do their list items or headings list an operation.
    const listedThere = validReadme()
      .replace('### Get a task\nGets one task by its identifier.\n', '')
      .replace(
        'Creates a task for the current user.\n',
        'Creates a task.\n### Known Issues\n#### Get the task\n* Get the task: slow.\n',
      );
    expect(await check(listedThere)).toEqual([
      'The operation "Get a task" is not listed under Supported Operations.',
    ]);
  });
  it('still reports an operation the readme does not list', async () => {
    // A new operation: its short name "Task" is GetTask's too, so a heading "Task" lists neither
    // for sure; one listed by another operation's name is not listed.
    const edit = (swagger: Record<string, any>) => {
      swagger.paths['/tasks/{taskId}'].delete = {
        summary: 'Delete a task',
        operationId: 'DeleteTask',
        responses: { '204': { description: 'Deleted.' } },
      };
    };
    expect(await check(validReadme(), edit)).toEqual([
      'The operation "Delete a task" is not listed under Supported Operations.',
    ]);
    expect(await check(heading('Task'), edit)).toEqual([
      '2 operations are not listed under Supported Operations: "Get a task", "Delete a task".',
    ]);
    // A group over other headings lists nothing by its name: Toggl Plan's "### Tasks".
    const grouped = validReadme().replace('### List tasks\n', '### Tasks\n#### List all\n');
    expect(await check(grouped)).toContain(
      'The operation "List tasks" is not listed under Supported Operations.',
    );
  });

  /** The valid readme with its Supported Operations section's text replaced by `body`. */
  const withSection = (body: string) =>
    validReadme().replace(
      /## Supported Operations\n[\s\S]*?(?=## Obtaining)/,
      `## Supported Operations\n${body}\n\n`,
    );
  const NOT_LISTED = 'operations are not listed under Supported Operations:';

  it('reports every operation of a section that names none in its prose', async () => {
    expect(await check(withSection('The connector lists, creates and gets tasks.'))).toEqual([
      `3 ${NOT_LISTED} "List tasks", "Create a task", "Get a task".`,
    ]);
  });
  it("takes the one name a section lists for its operation, whose letters are all among the operation's", async () => {
    const findings = await check(withSection('### TaskDetailsById\nGets one task.'), (swagger) => {
      swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskDetailsById';
    });
    expect(findings).toEqual([`2 ${NOT_LISTED} "List tasks", "Create a task".`]);
  });
  /**
   * The findings of `readme` with 70 stale headings first in its Supported Operations, but for
   * theirs: from the 65th question on, the loose names are looked up in an index of every
   * operation's keys, built once, which has to answer as the look-ups before it did.
   */
  const beyondStale = async (readme: string, edit?: (swagger: Record<string, any>) => void) => {
    const stale = Array.from({ length: 70 }, (_, index) => `### Report number ${index + 1}\nA report.`);
    const messages = await check(
      readme.replace('## Supported Operations\n', `## Supported Operations\n${stale.join('\n')}\n`),
      edit,
    );
    const others = messages.filter((message) => !message.startsWith('"Report number '));
    expect(messages.length - others.length).toBe(stale.length);
    return others;
  };
  it('takes a short name for its operation from the index, its summary and operationId giving it alike', async () => {
    // "Get task details by ID" and GetTaskDetailsById both have the short name "TaskDetailsById":
    // the operation is one that has it, not two, or the name would be a group's.
    const findings = await beyondStale(
      withSection('### List tasks\n### Create a task\n### TaskDetailsById'),
      (swagger) => {
        Object.assign(swagger.paths['/tasks/{taskId}'].get, {
          summary: 'Get task details by ID',
          operationId: 'GetTaskDetailsById',
        });
      },
    );
    expect(findings).toEqual([]);
  });
  it('answers from the index as before: a hidden V1, a heading over detail headings or a title', async () => {
    const missing = ['The operation "Get a task (V2)" is not listed under Supported Operations.'];
    expect(await beyondStale(validReadme(), withVersions({ deprecated: true }))).toEqual(missing);
    expect(await beyondStale(validReadme(), withVersions({ 'x-ms-visibility': 'internal' }))).toEqual(
      missing,
    );
    expect(await beyondStale(overDetails)).toEqual([]);
    expect(await beyondStale(overTitle)).toEqual([]);
  });
  it('takes a name for its operation among hundreds listed', async () => {
    // Past 256 listed names no operation is set aside by its letters first: each is looked up.
    const reports = Array.from({ length: 300 }, (_, index) => `- Report number ${index + 1}`);
    expect(await check(withSection([...reports, '- Create Task'].join('\n')))).toEqual([
      `2 ${NOT_LISTED} "List tasks", "Get a task".`,
    ]);
  });
});
