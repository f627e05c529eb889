import { randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { fileReadError, missingPathError, nextSignal, printable, UsageError } from '@connector-alm/core';
import { startLocalServer, type LocalServer } from '@connector-alm/dataverse';
import type { CliIo } from '../io.js';
import type { CommandContext } from '../command-context.js';
import { devServerBanner } from './dev-server-banner.js';
import { selfCommand } from '../self-command.js';

export interface DevServerOptions {
  solutions?: string;
  clientCertificate?: string;
  loginPort: number;
  dataversePort: number;
}

/** Commander puts the option and the value before this text, so the message names what was wrong. */
function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('Use a port number from 1 to 65535, or 0 for any free port.');
  return Number(value);
}

/**
 * `connector-alm dev-server`: the local Entra ID + Dataverse on 127.0.0.1, to try export and import
 * without an environment. It prints the settings to use; its app and secret exist only in this process.
 */
export function registerDevServerCommand(program: Command, context: CommandContext): void {
  program
    .command('dev-server')
    .description('run a local Entra ID + Dataverse server on 127.0.0.1 for trying export and import')
    .option(
      '--solutions <folder>',
      'folder of solution zips to serve; imports are written back to it (a folder that does not exist is refused, not made)',
    )
    .option(
      '--client-certificate <file>',
      'PEM file of a certificate the app also accepts, to try export and import with --client-certificate (the private key may be in it; it is not needed)',
    )
    .option('--login-port <port>', 'the port of the login host; 0 takes a free one', port, 0)
    .option('--dataverse-port <port>', 'the port of the environment; 0 takes a free one', port, 0)
    .action(async (options: DevServerOptions) => {
      const { server, banner } = await startDevServer(options, context.io);
      // Ctrl+C ends the command here, exit 0, once the servers are closed; a second one ends it at once.
      // Asked for before the banner says to press it: the signal is left to the system until then.
      const stopped = nextSignal();
      context.io.stdout.write(banner);
      await stopped;
      await server.close();
    });
}

/** Starts the servers of `dev-server` and says how to use them; the caller closes the server. */
export async function startDevServer(
  options: DevServerOptions,
  io: CliIo,
): Promise<{ server: LocalServer; banner: string }> {
  if (options.loginPort !== 0 && options.loginPort === options.dataversePort) {
    throw new UsageError(
      `--login-port and --dataverse-port are both ${options.loginPort}: the login host and the environment each need a port of their own.`,
      { hint: 'Give two ports, or leave one out to take a free one.' },
    );
  }
  const folder = options.solutions ? path.resolve(io.cwd, options.solutions) : undefined;
  const certificateFile = options.clientCertificate
    ? path.resolve(io.cwd, options.clientCertificate)
    : undefined;
  const certificate = options.clientCertificate
    ? readCertificate(options.clientCertificate, io.cwd)
    : undefined;
  if (folder) await refuseMissingSolutionsFolder(folder);
  const appId = randomUUID();
  const secret = randomBytes(18).toString('base64url');
  const server = await startLocalServer({
    apps: [{ clientId: appId, secret, ...(certificate ? { certificates: [certificate] } : {}) }],
    ...(folder ? { solutionsFolder: folder } : {}),
    loginPort: options.loginPort,
    dataversePort: options.dataversePort,
    onRequest: (entry) =>
      io.stderr.write(`${entry.service} ${entry.method} ${entry.path.split('?')[0]} ${entry.status}\n`),
    onNote: (note) => io.stderr.write(`note: ${printable(note)}\n`),
  }).catch((error: unknown) => {
    throw portRefusal(error, options) ?? error;
  });
  const banner = devServerBanner({
    environmentUrl: server.environmentUrl,
    authorityHost: server.authorityHost,
    tenantId: server.tenantId,
    appId,
    secret,
    solutions: server.store.list(),
    skipped: server.store.skipped,
    ...(folder ? { folder } : {}),
    ...(certificateFile ? { certificateFile } : {}),
    command: selfCommand(io.script, io.cwd),
  });
  return { server, banner };
}

/** What to give --solutions instead of a path that does not exist. */
export const SOLUTIONS_HINT =
  'Give the folder that holds the solution zips to serve, or make it first to start from an empty one (the solutions you import are written to it), or leave --solutions out to keep them in memory.';

/**
 * What to give --solutions instead of a file: most often a solution zip itself, whose folder is what
 * is served. "Make it first" fitted a folder that is missing, not a file that is there.
 */
export const SOLUTIONS_FILE_HINT =
  'Give the folder that holds the solution zips to serve, this file among them if it is one, or leave --solutions out to keep the solutions in memory.';

/**
 * What to do about a file that stands where a folder of the --solutions path must be: the folder
 * cannot be made first while the file is there, so the file is what to move.
 */
export const SOLUTIONS_THROUGH_FILE_HINT =
  'Give --solutions a folder whose path runs through folders only, or move the file out of the way, or leave --solutions out to keep the solutions in memory.';

/**
 * Refuses a --solutions path that is not a folder, missing included: a usage error (exit code 2).
 * A missing one is not made: `--solutions solutons` for `solutions` would serve an empty new folder,
 * and the maker would hear of the typo only from the banner's "0 solutions". One who wants a new
 * folder for the solutions they import makes it first. The message names the option, as that of
 * --client-certificate does: "solutons: error: does not exist." said not which path it was.
 */
async function refuseMissingSolutionsFolder(folder: string): Promise<void> {
  const found = await stat(folder).catch(() => undefined);
  if (found?.isDirectory()) return;
  // Missing: a parent that is a file is named as what to move or rename, as for any path to read.
  if (found === undefined)
    throw missingPathError(folder, SOLUTIONS_HINT, {
      message: 'The --solutions folder does not exist.',
      throughFileHint: SOLUTIONS_THROUGH_FILE_HINT,
    });
  throw new UsageError('The --solutions path is a file, not a folder.', {
    location: { file: folder },
    hint: SOLUTIONS_FILE_HINT,
  });
}

/**
 * A port the user chose that cannot be listened on, as the option that chose it: a usage error
 * (exit 2), not a failure of connector-alm. Port 0 never fails so: the system picks a free one.
 */
export function portRefusal(error: unknown, options: DevServerOptions): UsageError | undefined {
  const { code, port: failed } = error as NodeJS.ErrnoException & { port?: number };
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return undefined;
  const option = failed === options.loginPort ? '--login-port' : '--dataverse-port';
  const why =
    code === 'EADDRINUSE'
      ? 'is in use on 127.0.0.1: another program (or another dev-server) listens on it.'
      : 'cannot be listened on without administrator rights (ports below 1024 need them on most systems).';
  return new UsageError(`${option} ${failed} ${why}`, {
    hint: 'Give another port, or leave the option out to take a free one.',
  });
}

/**
 * The certificate of a PEM file, as Entra ID keeps the one uploaded to an app registration. The file
 * may be the one export signs in with, the private key beside the certificate; the key is not read.
 */
function readCertificate(file: string, cwd: string): string {
  const hint =
    'Give --client-certificate the PEM file that export and import sign in with (a .pfx converts with openssl pkcs12 -in cert.pfx -out cert.pem -nodes).';
  let pem: string;
  try {
    pem = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    // Not there: located at the file in the way of its path, if any, which is what to move or rename.
    throw fileReadError(file, error, {
      cwd,
      hint,
      subject: 'The certificate file',
      missing: 'The certificate file does not exist.',
      folder: 'is a folder, not a certificate file.',
    });
  }
  try {
    new X509Certificate(pem);
  } catch {
    // The text is not quoted: the file may hold a private key. A usage error (exit 2), as export's
    // refusal of a file that is no certificate PEM: the file holds nothing the option reads.
    throw new UsageError('holds no X.509 certificate in PEM (-----BEGIN CERTIFICATE-----).', {
      location: { file },
      hint,
    });
  }
  return pem;
}
