import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { plural } from '@connector-alm/core';
import { startLocalServer } from '@connector-alm/dataverse';
import { refuseNonFolder } from '@connector-alm/solution';
import type { CommandContext } from '../program.js';

interface DevServerOptions {
  solutions?: string;
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
    .option('--solutions <folder>', 'folder of solution zips to serve; imports are written back to it')
    .option('--login-port <port>', 'port of the login host', port, 0)
    .option('--dataverse-port <port>', 'port of the environment', port, 0)
    .action(async (options: DevServerOptions) => {
      const { io } = context;
      const folder = options.solutions ? path.resolve(io.cwd, options.solutions) : undefined;
      if (folder) {
        // A file, or a path through one, is a usage error (exit code 2), not a failed mkdir.
        await refuseNonFolder(folder);
        await mkdir(folder, { recursive: true });
      }
      const appId = randomUUID();
      const secret = randomBytes(18).toString('base64url');
      const server = await startLocalServer({
        apps: [{ clientId: appId, secret }],
        ...(folder ? { solutionsFolder: folder } : {}),
        loginPort: options.loginPort,
        dataversePort: options.dataversePort,
        onRequest: (entry) =>
          io.stderr.write(`${entry.service} ${entry.method} ${entry.path.split('?')[0]} ${entry.status}\n`),
      });
      io.stdout.write(
        [
          `Local Dataverse: ${server.environmentUrl} (${plural(server.store.list().length, 'solution')}${folder ? ` from ${folder}` : ', in memory'})`,
          `Local Entra ID:  ${server.authorityHost}`,
          '',
          'In another shell (this app and secret exist only in this dev server):',
          `  export DATAVERSE_ENVIRONMENT_URL=${server.environmentUrl} AZURE_TENANT_ID=${server.tenantId} AZURE_CLIENT_ID=${appId}`,
          `  export CONNECTOR_ALM_CLIENT_SECRET=${secret}`,
          `  npx connector-alm export <solution> --authority-host ${server.authorityHost}`,
          '',
          'Press Ctrl+C to stop.',
          '',
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
    });
}
