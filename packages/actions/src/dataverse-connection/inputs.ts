import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { missingPathError, unreadablePathError } from '@connector-alm/core';
import { resolveCredential, type ConnectionSettings } from '@connector-alm/dataverse';
import { InputError, readRequiredString, readString } from '../runtime/inputs.js';
import { inputReadRefusal } from '../runtime/read-refused-input.js';
import { workspaceFolder } from '../runtime/workspace-path.js';

/**
 * The connection inputs shared by the Dataverse actions, named as in microsoft/powerplatform-actions
 * (environment-url, app-id, client-secret, tenant-id, cloud) plus authority-host and a certificate.
 * Every secret is masked before anything can print it.
 */
export function readConnectionInputs(): ConnectionSettings {
  const clientSecret = readString('client-secret');
  const clientCertificate = readString('client-certificate');
  const clientCertificatePassword = readString('client-certificate-password');
  for (const secret of [
    clientSecret,
    clientCertificate,
    clientCertificatePassword,
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '',
  ]) {
    if (secret !== '') core.setSecret(secret);
  }
  const appId = readRequiredString('app-id');
  const tenantId = readRequiredString('tenant-id');
  return {
    environmentUrl: readRequiredString('environment-url'),
    tenantId,
    appId,
    cloud: readString('cloud'),
    authorityHost: readString('authority-host'),
    credential: resolveCredential({
      clientSecret,
      clientCertificate,
      clientCertificatePassword,
      idTokenRequestUrl: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      idTokenRequestToken: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      sources: {
        secret: { input: 'client-secret' },
        certificate: { input: 'client-certificate' },
        certificatePassword: { input: 'client-certificate-password' },
      },
    }),
  };
}

/** A path input resolved against working-directory (itself relative to the workspace). */
export function resolveInPath(value: string): string {
  const workspace = workspaceFolder();
  const workingDirectory = path.resolve(workspace, readString('working-directory'));
  return path.resolve(workingDirectory, value);
}

/** A file an input names; one that cannot be read is located at the file, as the input gave it. */
export function readTextFile(file: string, input: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = 'The path is relative to working-directory, itself relative to the workspace.';
    // Not there. Below a file the annotation goes on that file, in the CLI's words ("is a file, not a
    // folder, so settings.json cannot be read inside it."), and the hint names the input to correct.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP')
      throw missingPathError(file, hint, {
        message: `Input '${input}' names a file that does not exist.`,
        // A link to nothing, or round in a loop: "names a symbolic link that leads nowhere (to 'x')."
        linkSubject: `Input '${input}' names`,
        throughFileHint: `Give '${input}' a path that runs through folders only, relative to working-directory (itself relative to the workspace).`,
      });
    if (code === 'EISDIR') throw new InputError(input, 'names a folder, not a file.', hint, { file });
    // A name too long, no permission: said in words, with what to do, of the input (it said only
    // "cannot be read (ENAMETOOLONG).").
    const refused = unreadablePathError(file, error);
    if (refused) throw inputReadRefusal(input, refused);
    throw new InputError(input, `names a file that cannot be read (${code}).`, hint, { file });
  }
}
