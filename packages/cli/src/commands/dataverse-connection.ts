import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { fileReadError, optionWords, UsageError, type SaySetting } from '@connector-alm/core';
import {
  AUTHORITY_HOST,
  CLOUD_NAMES,
  resolveCredential,
  type ClientCredential,
  type ConnectionSettings,
  type CredentialInputs,
} from '@connector-alm/dataverse';
import type { CliIo } from '../io.js';
import { choiceInAnyCase, optionDefaultingTo } from '../option-help.js';
import {
  refuseClientSecretOption,
  secretFromEnvironment,
  type SecretFromEnvironment,
} from './client-secret.js';

export interface ConnectionOptions {
  environmentUrl?: string;
  tenantId?: string;
  appId?: string;
  clientCertificate?: string;
  cloud: string;
  authorityHost?: string;
}

/**
 * The connection options of the Dataverse commands. The client secret is read from the environment
 * (CONNECTOR_ALM_CLIENT_SECRET, else AZURE_CLIENT_SECRET), never from the command line, where other
 * users could see it in ps: --client-secret is refused, saying so.
 */
export function addConnectionOptions(command: Command): Command {
  return refuseClientSecretOption(command)
    .addOption(
      optionDefaultingTo(
        '--environment-url <url>',
        'the environment URL, e.g. https://contoso.crm.dynamics.com',
        '$DATAVERSE_ENVIRONMENT_URL',
      ),
    )
    .addOption(optionDefaultingTo('--tenant-id <id>', 'the directory (tenant) ID', '$AZURE_TENANT_ID'))
    .addOption(optionDefaultingTo('--app-id <id>', 'the application (client) ID', '$AZURE_CLIENT_ID'))
    .option(
      '--client-certificate <file>',
      "sign in with the certificate and private key of this PEM file instead of the client secret in $CONNECTOR_ALM_CLIENT_SECRET or $AZURE_CLIENT_SECRET (an encrypted key's password in $CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD)",
    )
    .addOption(
      choiceInAnyCase('--cloud <cloud>', "the environment's cloud, in any case", CLOUD_NAMES).default(
        'Public',
      ),
    )
    .addOption(
      optionDefaultingTo(
        '--authority-host <url>',
        "the Entra ID login host to sign in at, e.g. the dev-server's",
        "$AZURE_AUTHORITY_HOST, else the cloud's",
      ),
    );
}

/**
 * The variable the login host falls back on, named as the Azure Identity SDKs name it: dev-server's
 * banner exports it with the environment URL, tenant and app, which alone sent export to
 * login.microsoftonline.com with the dev app's id and secret unless --authority-host was typed too.
 */
const AUTHORITY_HOST_VARIABLE = 'AZURE_AUTHORITY_HOST';

/** The login host given: the option, else the variable (empty counts as not set); none: the cloud's. */
function authorityHostOf(options: ConnectionOptions, io: CliIo): string | undefined {
  return options.authorityHost ?? (io.env[AUTHORITY_HOST_VARIABLE] || undefined);
}

/**
 * How the advice of a failed sign-in names the settings: by their options, but the login host by
 * AZURE_AUTHORITY_HOST when that gave it. A variable left set after a dev-server session sends a later
 * export to a login host on 127.0.0.1, and "check --authority-host" would name nothing that was typed.
 */
export function connectionWords(options: ConnectionOptions, io: CliIo): SaySetting {
  const fromVariable = options.authorityHost === undefined && authorityHostOf(options, io) !== undefined;
  return (setting) =>
    fromVariable && setting === AUTHORITY_HOST ? AUTHORITY_HOST_VARIABLE : optionWords(setting);
}

export function readConnection(options: ConnectionOptions, io: CliIo): ConnectionSettings {
  const environmentUrl = options.environmentUrl ?? io.env.DATAVERSE_ENVIRONMENT_URL;
  const tenantId = options.tenantId ?? io.env.AZURE_TENANT_ID;
  const appId = options.appId ?? io.env.AZURE_CLIENT_ID;
  if (!environmentUrl) throw new UsageError('Give --environment-url (or set DATAVERSE_ENVIRONMENT_URL).');
  if (!tenantId) throw new UsageError('Give --tenant-id (or set AZURE_TENANT_ID).');
  if (!appId) throw new UsageError('Give --app-id (or set AZURE_CLIENT_ID).');
  const authorityHost = authorityHostOf(options, io);
  const secret = secretFromEnvironment(io.env, {
    appId: options.appId,
    certificate: options.clientCertificate !== undefined,
  });
  let clientCertificate: string | undefined;
  if (options.clientCertificate) {
    try {
      clientCertificate = readFileSync(path.resolve(io.cwd, options.clientCertificate), 'utf8');
    } catch (error) {
      // Located at the path as given (or at the file in the way of it, which is what to move or
      // rename); the file's content (a private key) is never part of the error.
      throw fileReadError(options.clientCertificate, error, {
        cwd: io.cwd,
        hint: 'Give --client-certificate the PEM file that holds the certificate and its private key.',
        subject: 'The certificate file',
        missing: 'The certificate file does not exist.',
        folder: 'is a folder, not a certificate file.',
      });
    }
  }
  return {
    environmentUrl,
    tenantId,
    appId,
    cloud: options.cloud,
    ...(authorityHost ? { authorityHost } : {}),
    credential: credentialFrom(secret, {
      clientCertificate,
      clientCertificatePassword: io.env.CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD,
      idTokenRequestUrl: io.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      idTokenRequestToken: io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      sources: {
        secret: { variable: secret.variable },
        certificate: {
          option: '--client-certificate',
          ...(options.clientCertificate ? { file: options.clientCertificate } : {}),
        },
        certificatePassword: { variable: 'CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD' },
      },
    }),
  };
}

/**
 * The credential resolveCredential picks. When it finds none while AZURE_CLIENT_SECRET is set, its
 * refusal says why that secret was not used: "No credential" alone reads as if it had not been seen.
 */
function credentialFrom(
  secret: SecretFromEnvironment,
  inputs: Omit<CredentialInputs, 'clientSecret'>,
): ClientCredential {
  try {
    return resolveCredential({ ...inputs, clientSecret: secret.secret });
  } catch (error) {
    if (!(error instanceof UsageError) || secret.unused === undefined) throw error;
    throw new UsageError(error.message, { hint: [secret.unused, error.hint].filter(Boolean).join(' ') });
  }
}

export function positiveMinutes(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0)
    throw new UsageError(`--max-wait must be a positive number of minutes; got '${value}'.`);
  return Number(value);
}
