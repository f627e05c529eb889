import { afterAll, expect, it } from '@jest/globals';
import { temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// The CLI's words for a connection setting it refuses, kept as they were when the actions came to
// name their inputs instead (packages/actions/test/connection-inputs-named.test.ts).

const folders = temporaryFolders('cli-connection-');
afterAll(() => folders.cleanup());

const VALID = {
  '--environment-url': 'http://127.0.0.1:9',
  '--tenant-id': '11111111-2222-3333-4444-555555555555',
  '--app-id': '3d2c1b0a-1111-4222-8333-944455556666',
};

it.each<[Record<string, string>, string]>([
  [
    { '--environment-url': 'contoso.crm.dynamics.com' },
    "Environment URL 'contoso.crm.dynamics.com' is not a URL. Give the full URL, e.g. https://contoso.crm.dynamics.com.",
  ],
  [
    { '--environment-url': 'https://ann@contoso.crm.dynamics.com' },
    'Environment URL must not contain a user name or password.',
  ],
  [
    { '--tenant-id': 'Contoso tenant' },
    "Tenant ID 'Contoso tenant' is neither a GUID nor a domain name. Use the Directory (tenant) ID from the app registration overview.",
  ],
  [
    // Its example was an environment URL, which is no login host.
    { '--authority-host': 'login.microsoftonline.com' },
    "Authority host 'login.microsoftonline.com' is not a URL. Give the full URL, e.g. https://login.microsoftonline.com.",
  ],
  [
    { '--authority-host': 'http://login.microsoftonline.com' },
    "Authority host 'http://login.microsoftonline.com' must use https. Plain http is accepted only for loopback hosts (localhost, 127.0.0.1, ::1).",
  ],
])('export %j: refused in the CLI’s words', async (wrong, message) => {
  const options = Object.entries({ ...VALID, ...wrong }).flat();
  const io = memoryIo(folders.make(), { CONNECTOR_ALM_CLIENT_SECRET: 'secret' });
  const code = await runCli(['export', 'Contoso', ...options], io);
  expect(io.err()).toBe(`error: ${message}\n`);
  expect(code).toBe(2);
});
