import { describe, it } from '@jest/globals';
import { runActionBundle } from '@connector-alm/testing';
import { workspaceWithConnector } from './helpers/pull-request-repo.js';
import { expectFailedWith } from './helpers/step-failure.js';
import { UNANSWERED_SIGN_IN } from './helpers/unanswered-sign-in.js';

// A connection input the library refuses was told in the CLI's words, naming no input: "Environment
// URL 'contoso.crm.dynamics.com' is not a URL." The step's with: block has environment-url, tenant-id,
// authority-host and cloud, and that is what its annotation names now. (The CLI's words are unchanged:
// packages/cli/test/connection-settings.test.ts.)

describe('a connection input the library refuses is named as the input', () => {
  const workspace = workspaceWithConnector();

  it.each<[string, Record<string, string>, string]>([
    [
      'environment-url without https://',
      { 'environment-url': 'contoso.crm.dynamics.com' },
      "Input 'environment-url': 'contoso.crm.dynamics.com' is not a URL. Give the full URL, e.g. https://contoso.crm.dynamics.com.",
    ],
    [
      'environment-url over plain http',
      { 'environment-url': 'http://contoso.crm.dynamics.com' },
      "Input 'environment-url': 'http://contoso.crm.dynamics.com' must use https. Plain http is accepted only for loopback hosts (localhost, 127.0.0.1, ::1).",
    ],
    [
      'environment-url with a user name',
      { 'environment-url': 'https://ann@contoso.crm.dynamics.com' },
      "Input 'environment-url' must not contain a user name or password.",
    ],
    [
      'authority-host that is no URL (its example was an environment URL)',
      { 'authority-host': 'login.microsoftonline.com' },
      "Input 'authority-host': 'login.microsoftonline.com' is not a URL. Give the full URL, e.g. https://login.microsoftonline.com.",
    ],
    [
      // The CLI's --cloud takes only the known names; the input is free text.
      'cloud that is none of the known clouds',
      { cloud: 'Mars' },
      "Input 'cloud': 'Mars' is unknown. Use one of Public, UsGov, UsGovHigh, UsGovDod, China.",
    ],
    [
      'tenant-id that is neither a GUID nor a domain',
      { 'tenant-id': 'Contoso tenant' },
      "Input 'tenant-id': 'Contoso tenant' is neither a GUID nor a domain name. Use the Directory (tenant) ID from the app registration overview.",
    ],
  ])('export-solution: %s', async (_case, wrong, message) => {
    const run = await runActionBundle('export-solution', {
      workspace,
      inputs: {
        ...UNANSWERED_SIGN_IN,
        'solution-name': 'Contoso',
        'solution-output-file': 'Contoso.zip',
        ...wrong,
      },
    });
    expectFailedWith(run, { level: 'error', message });
  });

  it('import-solution: the same, as it connects the same way', async () => {
    const run = await runActionBundle('import-solution', {
      workspace,
      inputs: { ...UNANSWERED_SIGN_IN, 'solution-file': 'x.zip', 'tenant-id': 'Contoso tenant' },
    });
    expectFailedWith(run, {
      level: 'error',
      message:
        "Input 'tenant-id': 'Contoso tenant' is neither a GUID nor a domain name. Use the Directory (tenant) ID from the app registration overview.",
    });
  });
});
