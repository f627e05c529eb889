import { describe, expect, it } from '@jest/globals';
import { describeRuleCases, editableConnector, findingsOf, type Loose } from './swagger/rule-cases.js';

const metadata = (c: { swagger: Loose }): Loose[] => c.swagger['x-ms-connector-metadata'];

describeRuleCases([
  {
    id: 'SWG-INFO-TITLE-LEN',
    fires: 'fires on a title of 31 characters',
    breaks: (c) => (c.swagger.info.title = 'Contoso Tasks and Projects Plus'),
    pointer: '/info/title',
    message: /The 'title' value goes over the character limit '30'/,
  },
  {
    id: 'SWG-INFO-TITLE-LEN',
    fires: 'is only advice for custom connectors',
    breaks: (c) => (c.swagger.info.title = 'Contoso Tasks and Projects Plus'),
    pointer: '/info/title',
    severity: 'info',
    profile: 'custom',
  },
  {
    id: 'SWG-INFO-TITLE-WORDS',
    fires: 'fires on "API" in the title',
    breaks: (c) => (c.swagger.info.title = 'Contoso Tasks API'),
    pointer: '/info/title',
    message:
      /^The value 'title' contains at least one of the restricted words: 'api'\. Write the title without it, for example 'Contoso Tasks': the title names the service\.$/,
  },
  {
    id: 'SWG-INFO-TITLE-WORDS',
    fires:
      'suggests no title that ends with the punctuation that joined the word, as SWG-INFO-TITLE-END forbids',
    breaks: (c) => (c.swagger.info.title = 'Contoso Web-API'),
    pointer: '/info/title',
    message:
      /restricted words: 'api'\. Write the title without it, for example 'Contoso Web': the title names/,
  },
  {
    id: 'SWG-INFO-TITLE-WORDS',
    fires: 'fires on a product name in the title',
    breaks: (c) => (c.swagger.info.title = 'Tasks for Power Apps'),
    pointer: '/info/title',
    // The word that joined the product name goes with it.
    message: /'power apps'\. Write the title without it, for example 'Tasks': the title names the service\.$/,
  },
  {
    id: 'SWG-INFO-TITLE-WORDS',
    fires: 'names each restricted word once, lower-cased, in the order found',
    breaks: (c) => (c.swagger.info.title = 'APIs PowerApps api Connector apis'),
    pointer: '/info/title',
    // Nothing is left to suggest: only the advice.
    message:
      /restricted words: 'apis, api, connector, powerapps'\. Write the title without them: the title names the service\.$/,
  },
  {
    id: 'SWG-INFO-TITLE-END',
    fires: 'fires on a title ending with a period',
    breaks: (c) => (c.swagger.info.title = 'Contoso Tasks.'),
    pointer: '/info/title',
    message:
      /^The 'title' value must end with alphanumeric character\. Remove the trailing '\.'\. `connector-alm validate --fix` writes "Contoso Tasks"\.$/,
  },
  {
    id: 'SWG-INFO-TITLE-END',
    fires: 'only warns on a closing bracket, as legacy titles have',
    breaks: (c) => (c.swagger.info.title = 'Contoso (Canada)'),
    pointer: '/info/title',
    severity: 'warning',
    message:
      /^The 'title' value must end with alphanumeric character\. Write the title without the brackets at its end\.$/,
  },
  {
    id: 'SWG-INFO-TITLE-PLACEHOLDER',
    fires: 'fires on "Default title"',
    breaks: (c) => (c.swagger.info.title = 'Default title'),
    pointer: '/info/title',
  },
  {
    id: 'SWG-INFO-DESC-REQ',
    fires: 'fires on a missing description',
    breaks: (c) => delete c.swagger.info.description,
    pointer: '/info/description',
  },
  {
    id: 'SWG-INFO-DESC-LEN',
    fires: 'fires on a description of 29 characters',
    breaks: (c) => (c.swagger.info.description = 'Plan and track Contoso tasks.'),
    pointer: '/info/description',
    message: /between '30' and '500' characters\. It has 29\./,
  },
  {
    id: 'SWG-INFO-DESC-PLACEHOLDER',
    fires: "fires on the repository template's description",
    breaks: (c) =>
      (c.swagger.info.description =
        'Short description of the connecting service, between 30 and 500 characters.'),
    pointer: '/info/description',
    message: /is the template's text; describe the service/,
  },
  {
    id: 'SWG-INFO-DESC-PLACEHOLDER',
    fires: 'fires on a stand-in description',
    breaks: (c) => (c.swagger.info.description = 'Description of the connector'),
    pointer: '/info/description',
  },
  {
    id: 'SWG-INFO-DESC-WORDS',
    fires: 'fires on Power Automate in the description',
    breaks: (c) => (c.swagger.info.description = 'Use Contoso Tasks in your Power Automate flows and apps.'),
    pointer: '/info/description',
    message: /'power automate'/,
  },
  {
    id: 'SWG-INFO-DESC-WORDS',
    fires: 'fires on Power Pages, a Power Platform product too',
    breaks: (c) => (c.swagger.info.description = 'Show Contoso Tasks on your Power Pages sites and portals.'),
    pointer: '/info/description',
    message: /restricted words: 'power pages'\.$/,
  },
  {
    id: 'SWG-INFO-DESC-WORDS',
    fires: 'names each product once, in the order found',
    breaks: (c) =>
      (c.swagger.info.description =
        'Contoso Tasks for Power BI, power bi reports and Logic Apps, and POWER BI.'),
    pointer: '/info/description',
    message: /restricted words: 'power bi, logic apps'\.$/,
  },
  {
    id: 'SWG-INFO-CONTACT',
    fires: 'fires on a missing contact',
    breaks: (c) => delete c.swagger.info.contact,
    pointer: '/info/contact',
    message:
      /^The 'contact' property is required\. Add "contact": \{ "name": …, "url": …, "email": … \} to info: the name, site and e-mail address of your support\.$/,
  },
  {
    id: 'SWG-INFO-CONTACT-FIELDS',
    fires: 'warns on a contact without url',
    breaks: (c) => delete c.swagger.info.contact.url,
    pointer: '/info/contact/url',
    severity: 'warning',
  },
  {
    id: 'SWG-INFO-CONTACT-FIELDS',
    fires: "warns on the template's contact name, as if it were missing",
    breaks: (c) => (c.swagger.info.contact.name = 'Full name'),
    pointer: '/info/contact/name',
    severity: 'warning',
    message: /The contact name 'Full name' is the template's text; give the name of the support team/,
  },
  {
    id: 'SWG-INFO-CONTACT-EMAIL',
    fires: 'fires on an invalid e-mail',
    breaks: (c) => (c.swagger.info.contact.email = 'support at contoso.com'),
    pointer: '/info/contact/email',
  },
  {
    id: 'SWG-INFO-CONTACT-EMAIL',
    fires: 'fires on an e-mail whose host has no dot',
    breaks: (c) => (c.swagger.info.contact.email = 'support@contoso'),
    pointer: '/info/contact/email',
  },
  {
    id: 'SWG-INFO-CONTACT-FIELDS',
    fires: 'warns on a contact without email',
    breaks: (c) => delete c.swagger.info.contact.email,
    pointer: '/info/contact/email',
    severity: 'warning',
  },
  {
    id: 'SWG-META-REQ',
    fires: 'fires on missing x-ms-connector-metadata',
    breaks: (c) => delete c.swagger['x-ms-connector-metadata'],
    pointer: '/x-ms-connector-metadata',
    onFirstLine: true,
    message:
      /^The 'x-ms-connector-metadata' property is required\. Add it at the root: a list of \{ "propertyName": …, "propertyValue": … \} entries for Website, Privacy policy and Categories\.$/,
  },
  {
    id: 'SWG-META-REQ',
    fires: 'names the type of x-ms-connector-metadata that is not a list',
    breaks: (c) => (c.swagger['x-ms-connector-metadata'] = 'https://contoso.com'),
    pointer: '/x-ms-connector-metadata',
    message:
      /^The type of the property is incorrect\. Expected type 'Array', but value is of type 'String'\./,
  },
  {
    id: 'SWG-META-PROPS',
    fires: 'fires on a missing Categories entry',
    breaks: (c) => metadata(c).splice(2, 1),
    pointer: '/x-ms-connector-metadata',
    message: /The connector metadata property 'Categories' is required\./,
  },
  {
    id: 'SWG-META-PROPS',
    fires: 'only warns on "Privacy Policy" in the wrong case, as many merged connectors have',
    breaks: (c) => (metadata(c)[1]!.propertyName = 'Privacy Policy'),
    pointer: '/x-ms-connector-metadata/1/propertyName',
    severity: 'warning',
    message: /spell it exactly 'Privacy policy'/,
  },
  {
    id: 'SWG-META-CATEGORY',
    fires: 'fires on a category in the wrong case, with the right spelling',
    breaks: (c) => (metadata(c)[2]!.propertyValue = 'Social media'),
    pointer: '/x-ms-connector-metadata/2/propertyValue',
    message: /'Social media' must be spelled 'Social Media'/,
  },
  {
    id: 'SWG-META-CATEGORY',
    fires: 'fires on an unknown category, listing the available ones',
    breaks: (c) => (metadata(c)[2]!.propertyValue = 'Productivity;Tasks'),
    pointer: '/x-ms-connector-metadata/2/propertyValue',
    message: /Available categories are: \[AI, Business Management/,
  },
  {
    id: 'SWG-META-CATEGORY-MAX',
    fires: 'fires on three categories',
    breaks: (c) => (metadata(c)[2]!.propertyValue = 'AI;Data;Productivity'),
    pointer: '/x-ms-connector-metadata/2/propertyValue',
  },
  {
    id: 'SWG-META-URL',
    fires: 'fires on a website without scheme',
    breaks: (c) => (metadata(c)[0]!.propertyValue = 'www.contoso.com'),
    pointer: '/x-ms-connector-metadata/0/propertyValue',
    message: /must be a valid absolute URL \(https:\/\/…\)\. Did you mean 'https:\/\/www\.contoso\.com'\?/,
  },
  {
    id: 'SWG-META-URL',
    fires: 'fires on a misspelled scheme in contact.url',
    breaks: (c) => (c.swagger.info.contact.url = 'hhttps://support.contoso.com'),
    pointer: '/info/contact/url',
    message: /Did you mean 'https:\/\/support\.contoso\.com'\?/,
  },
  {
    id: 'SWG-META-URL',
    fires: 'fires on a relative license.url',
    breaks: (c) => (c.swagger.info.license = { name: 'MIT', url: 'license.txt' }),
    pointer: '/info/license/url',
    // A relative file name, not a host: no URL is named.
    message: /^The 'url' property must be a valid absolute URL\.$/,
  },
  {
    id: 'SWG-META-URL',
    fires: 'fires on an externalDocs.url without scheme',
    breaks: (c) => (c.swagger.externalDocs = { url: 'docs.contoso.com' }),
    pointer: '/externalDocs/url',
  },
  {
    id: 'SWG-API-STATUS',
    fires: 'fires on a lower-case status',
    breaks: (c) => (c.swagger.info['x-ms-api-annotation'] = { status: 'production' }),
    pointer: '/info/x-ms-api-annotation/status',
    message: /Did you mean 'Production'\?/,
  },
  {
    id: 'SWG-API-STATUS',
    fires: 'fires on a Production operation in a Preview connector',
    breaks: (c) => {
      c.swagger.info['x-ms-api-annotation'] = { status: 'Preview' };
      c.swagger.paths['/tasks'].get['x-ms-api-annotation'] = { status: 'Production' };
    },
    pointer: '/paths/~1tasks/get/x-ms-api-annotation/status',
    message: /The operation 'ListTasks' cannot be in a Production status ahead of the connector\./,
  },
  {
    id: 'SWG-API-STATUS',
    fires: "fires on an operation's lower-case status, beside operations without one",
    breaks: (c) => {
      c.swagger.paths['/tasks'].get['x-ms-api-annotation'] = { family: 'tasks' };
      c.swagger.paths['/tasks'].post['x-ms-api-annotation'] = { status: 'preview' };
    },
    pointer: '/paths/~1tasks/post/x-ms-api-annotation/status',
    message: /Did you mean 'Preview'\?/,
  },
]);

describe('SWG-API-STATUS against the connector status', () => {
  const statuses = (api: string, operation: string) => {
    const connector = editableConnector();
    connector.swagger.info['x-ms-api-annotation'] = { status: api };
    connector.swagger.paths['/tasks'].get['x-ms-api-annotation'] = { status: operation };
    return connector;
  };
  it('lets an operation be in Production in a Production connector', async () => {
    expect(await findingsOf('SWG-API-STATUS', statuses('Production', 'Production'))).toEqual([]);
  });
  // 'preview' is reported as 'Preview' misspelt, and read as that: the operation is still ahead of it.
  it('reads a connector status in the wrong case as the one meant', async () => {
    const findings = await findingsOf('SWG-API-STATUS', statuses('preview', 'Production'));
    expect(findings.map((finding) => finding.pointer)).toEqual([
      '/info/x-ms-api-annotation/status',
      '/paths/~1tasks/get/x-ms-api-annotation/status',
    ]);
  });
});

describe('SWG-META-PROPS on a property name with a space around it', () => {
  it('says at that entry to spell it exactly', async () => {
    const connector = editableConnector();
    metadata(connector)[0]!.propertyName = 'Website ';
    expect(await findingsOf('SWG-META-PROPS', connector)).toMatchObject([
      {
        pointer: '/x-ms-connector-metadata/0/propertyName',
        message:
          "The connector metadata property 'Website' is required. 'Website ' is not recognized: spell it exactly 'Website'.",
      },
    ]);
  });
});

describe('Categories with an empty entry', () => {
  // "AI;Data;": the trailing semicolon separates no third category.
  it('are neither an invalid category nor one too many', async () => {
    const connector = editableConnector();
    metadata(connector)[2]!.propertyValue = 'AI;Data;';
    expect(await findingsOf('SWG-META-CATEGORY', connector)).toEqual([]);
    expect(await findingsOf('SWG-META-CATEGORY-MAX', connector)).toEqual([]);
  });
});

describe('SWG-INFO-DESC-LEN', () => {
  it('accepts a description of 30 characters and one of 500, the bounds', async () => {
    for (const length of [30, 500]) {
      const connector = editableConnector();
      connector.swagger.info.description = `Contoso ${'x'.repeat(length - 9)}.`;
      expect(connector.swagger.info.description).toHaveLength(length);
      expect(await findingsOf('SWG-INFO-DESC-LEN', connector)).toEqual([]);
    }
  });
});

describe('certification metadata on custom connectors', () => {
  it('does not ask custom connectors for contact or connector metadata', async () => {
    const connector = editableConnector();
    delete connector.swagger.info.contact;
    delete connector.swagger['x-ms-connector-metadata'];
    expect(await findingsOf('SWG-INFO-CONTACT', connector, 'custom')).toEqual([]);
    expect(await findingsOf('SWG-META-REQ', connector, 'custom')).toEqual([]);
  });

  it('names a metadata key written in another case once, at that key, and does not also call its entry missing', async () => {
    // Seen on a merged certified swagger (upstream PR #3551): every entry written
    // { "PropertyName": …, "PropertyValue": … }. The maker was told eight times that 'propertyName'
    // and the three names were required, which they could see in the file.
    const connector = editableConnector();
    for (const entry of metadata(connector)) {
      entry.PropertyName = entry.propertyName;
      entry.PropertyValue = entry.propertyValue;
      delete entry.propertyName;
      delete entry.propertyValue;
    }
    const findings = await findingsOf('SWG-META-PROPS', connector);
    expect(findings.map((finding) => [finding.pointer, finding.severity, finding.message])).toEqual(
      [0, 1, 2].flatMap((index) =>
        ['Name', 'Value'].map((part) => [
          `/x-ms-connector-metadata/${index}/Property${part}`,
          'error',
          `The 'property${part}' property is required. This entry has 'Property${part}': keys are read exactly as written, so rename it to 'property${part}'.`,
        ]),
      ),
    );
  });

  it('still asks for a name that no entry gives in any case', async () => {
    const connector = editableConnector();
    const categories = metadata(connector)[2]!;
    categories.PropertyName = categories.propertyName;
    delete categories.propertyName;
    metadata(connector).splice(0, 1);
    const messages = (await findingsOf('SWG-META-PROPS', connector)).map((finding) => finding.message);
    expect(messages).toContain("The connector metadata property 'Website' is required.");
    expect(messages.filter((message) => message.includes("'Categories'"))).toEqual([]);
  });

  it('accepts a URL with a space, as the platform escapes it', async () => {
    const connector = editableConnector();
    metadata(connector)[1]!.propertyValue = 'https://www.contoso.com/privacy policy.pdf';
    expect(await findingsOf('SWG-META-URL', connector)).toEqual([]);
  });
});

describe('template texts in info', () => {
  it('are not found in real descriptions and contact names that use the same words', async () => {
    const connector = editableConnector();
    connector.swagger.info.description =
      'Contoso Tasks keeps a short description of every task, with its due date.';
    connector.swagger.info.contact.name = 'Contoso Support, full name service';
    expect(await findingsOf('SWG-INFO-DESC-PLACEHOLDER', connector)).toEqual([]);
    expect(await findingsOf('SWG-INFO-CONTACT-FIELDS', connector)).toEqual([]);
  });
});

describe("an independent publisher's '(Independent Publisher)' title label", () => {
  const titled = (title: string) => {
    const connector = editableConnector();
    connector.swagger.info.title = title;
    return connector;
  };
  const ip = 'independent-publisher' as const;

  it('is not counted against the 30-character limit', async () => {
    const name30 = 'Contoso Tasks and Projects Pro';
    expect(await findingsOf('SWG-INFO-TITLE-LEN', titled(`${name30} (Independent Publisher)`), ip)).toEqual(
      [],
    );
    expect(
      await findingsOf('SWG-INFO-TITLE-LEN', titled(`${name30}s (Independent Publisher)`), ip),
    ).toMatchObject([
      {
        message:
          "The 'title' value goes over the character limit '30'. It has 31 before ' (Independent Publisher)'.",
      },
    ]);
  });

  it('does not count as a bracket at the end of the title', async () => {
    expect(
      await findingsOf('SWG-INFO-TITLE-END', titled('Contoso Tasks (Independent Publisher)'), ip),
    ).toEqual([]);
    expect(
      await findingsOf('SWG-INFO-TITLE-END', titled('Contoso Tasks. (Independent Publisher)'), ip),
    ).toMatchObject([{ severity: 'error' }]);
  });

  it('is judged whole on a certified connector, where it does not belong', async () => {
    const title = 'Contoso Tasks and Projects (Independent Publisher)';
    expect(await findingsOf('SWG-INFO-TITLE-LEN', titled(title))).toMatchObject([{ severity: 'error' }]);
    expect(await findingsOf('SWG-INFO-TITLE-END', titled(title))).toMatchObject([{ severity: 'warning' }]);
  });
});

describe('SWG-META-PROPS on a key spelt in another case', () => {
  it('takes a key with spaces around it for the key it spells, at that key', async () => {
    const connector = editableConnector();
    const entries = metadata(connector);
    entries[0] = { ' propertyName': 'Website', 'PropertyValue ': 'https://contoso.com' };
    const messages = (await findingsOf('SWG-META-PROPS', connector)).map((finding) => [
      finding.pointer,
      finding.message,
    ]);
    expect(messages).toEqual([
      [
        '/x-ms-connector-metadata/0/ propertyName',
        "The 'propertyName' property is required. This entry has ' propertyName': keys are read exactly as written, so rename it to 'propertyName'.",
      ],
      [
        '/x-ms-connector-metadata/0/PropertyValue ',
        "The 'propertyValue' property is required. This entry has 'PropertyValue ': keys are read exactly as written, so rename it to 'propertyValue'.",
      ],
    ]);
  });
});

// SWG-META-URL quoted the URL it corrected, `?access_token=` and all, in the same run in which
// GEN-SECRETS masked that token (session 77).
describe('SWG-META-URL never prints a secret of the URL it names', () => {
  it('masks a credential in the value, in the URL meant and in the note of what --fix writes', async () => {
    const connector = editableConnector();
    connector.swagger.info.contact.url = 'www.contoso.com/support?access_token=Lk8Jh3Gf6Ds1Az9X';
    metadata(connector)[0]!.propertyValue = 'hhttps://contoso.com/?apikey=Mj5Nk9Lp3Oq7Rs1T';
    const findings = await findingsOf('SWG-META-URL', connector);
    expect(JSON.stringify(findings.map((finding) => finding.message))).not.toMatch(
      /Lk8Jh3Gf6Ds1Az9X|Mj5Nk9Lp3Oq7Rs1T/,
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      "The 'url' property must be a valid absolute URL. Did you mean 'https://www.contoso.com/support?access_token=Lk8J****** (16 characters)'? `connector-alm validate --fix` writes \"https://www.contoso.com/support?access_token=Lk8J****** (16 characters)\".",
      "The 'Website' value 'hhttps://contoso.com/?apikey=Mj5N****** (16 characters)' must be a valid absolute URL (https://…). Did you mean 'https://contoso.com/?apikey=Mj5N****** (16 characters)'? `connector-alm validate --fix` writes \"https://contoso.com/?apikey=Mj5N****** (16 characters)\".",
    ]);
    // What --fix writes is the URL as written, its key and all: the CLI's secrets-in-messages test.
    expect(findings.map((finding) => finding.fixable)).toEqual([true, true]);
  });
});
