import { describe, expect, it } from '@jest/globals';
import { devServerBanner, type DevServerSettings } from '../src/commands/dev-server-banner.js';

const SETTINGS: DevServerSettings = {
  environmentUrl: 'http://127.0.0.1:50100',
  authorityHost: 'http://127.0.0.1:50101',
  tenantId: '00000000-0000-4000-8000-000000000001',
  appId: '00000000-0000-4000-8000-000000000002',
  secret: 'dev-secret',
  solutions: [],
  certificateFile: 'C:\\Users\\maker\\dev certs\\cert.pem',
};

/** The lines to paste into another shell: those after the line that says so, up to the blank line. */
function pasteLines(banner: string): string[] {
  const lines = banner.split('\n');
  const start = lines.indexOf('In another shell (this app and secret exist only in this dev server):');
  return lines.slice(start + 1, lines.indexOf('', start));
}

describe("dev-server's banner", () => {
  // The walkthrough's Windows maker got `export …` and `unset …`, which PowerShell does not run.
  it('sets and removes the variables as PowerShell does on Windows, and quotes the certificate path for it', () => {
    expect(pasteLines(devServerBanner(SETTINGS, 'win32'))).toEqual([
      "  $env:DATAVERSE_ENVIRONMENT_URL = 'http://127.0.0.1:50100'; $env:AZURE_TENANT_ID = '00000000-0000-4000-8000-000000000001'; $env:AZURE_CLIENT_ID = '00000000-0000-4000-8000-000000000002'",
      "  $env:AZURE_AUTHORITY_HOST = 'http://127.0.0.1:50101'; $env:CONNECTOR_ALM_CLIENT_SECRET = 'dev-secret'",
      '  npx connector-alm import <solution.zip>',
      '  npx connector-alm export <solution>',
      'Or sign in with the certificate instead of the secret:',
      '  Remove-Item Env:CONNECTOR_ALM_CLIENT_SECRET',
      "  npx connector-alm export <solution> --client-certificate 'C:\\Users\\maker\\dev certs\\cert.pem'",
    ]);
  });

  it('exports and unsets them elsewhere, as before', () => {
    expect(
      pasteLines(devServerBanner({ ...SETTINGS, certificateFile: '/home/maker/cert.pem' }, 'linux')),
    ).toEqual([
      '  export DATAVERSE_ENVIRONMENT_URL=http://127.0.0.1:50100 AZURE_TENANT_ID=00000000-0000-4000-8000-000000000001 AZURE_CLIENT_ID=00000000-0000-4000-8000-000000000002',
      '  export AZURE_AUTHORITY_HOST=http://127.0.0.1:50101 CONNECTOR_ALM_CLIENT_SECRET=dev-secret',
      '  npx connector-alm import <solution.zip>',
      '  npx connector-alm export <solution>',
      'Or sign in with the certificate instead of the secret:',
      '  unset CONNECTOR_ALM_CLIENT_SECRET',
      '  npx connector-alm export <solution> --client-certificate /home/maker/cert.pem',
    ]);
  });
});
