import { Option, type Command } from 'commander';
import { UsageError } from '@connector-alm/core';
import { emptyMeansNone } from '../empty-values.js';

/** connector-alm's own variable for the client secret: it wins over AZURE_CLIENT_SECRET. */
export const SECRET_VARIABLE = 'CONNECTOR_ALM_CLIENT_SECRET';

/**
 * The Azure Identity SDKs' variable (their EnvironmentCredential reads it with AZURE_TENANT_ID and
 * AZURE_CLIENT_ID, which the Dataverse commands read too). A maker who exported all of them was told
 * "No credential" without a word about the secret they had set.
 */
export const AZURE_SECRET_VARIABLE = 'AZURE_CLIENT_SECRET';

/** The client secret from the environment, and the variable it came from, for messages to name. */
export interface SecretFromEnvironment {
  secret: string | undefined;
  variable: string;
  /** Why AZURE_CLIENT_SECRET, though set, was not used: said when no credential is found. */
  unused?: string;
}

/**
 * The client secret: CONNECTOR_ALM_CLIENT_SECRET, else AZURE_CLIENT_SECRET. The latter is the secret of
 * AZURE_CLIENT_ID's app, so it is not used when --app-id names another app (Entra ID would answer
 * "invalid client secret" of a secret that is right for its own app), nor when --client-certificate
 * is given: an option says what this command is to sign in with, a variable left exported for other
 * tools does not, and giving both is refused only when both are connector-alm's own.
 */
export function secretFromEnvironment(
  env: NodeJS.ProcessEnv,
  given: { appId: string | undefined; certificate: boolean },
): SecretFromEnvironment {
  const own = env[SECRET_VARIABLE];
  if (own) return { secret: own, variable: SECRET_VARIABLE };
  const azure = env[AZURE_SECRET_VARIABLE];
  const none = { secret: undefined, variable: SECRET_VARIABLE };
  if (!azure || given.certificate) return none;
  const azureApp = env.AZURE_CLIENT_ID;
  if (given.appId !== undefined && azureApp && given.appId.toLowerCase() !== azureApp.toLowerCase())
    return {
      ...none,
      unused: `${AZURE_SECRET_VARIABLE} is set, but not used: it goes with AZURE_CLIENT_ID (${azureApp}), and --app-id names another app (${given.appId}). Set ${SECRET_VARIABLE} to a client secret of ${given.appId}, or leave out --app-id.`,
    };
  return { secret: azure, variable: AZURE_SECRET_VARIABLE };
}

/**
 * Why there is no --client-secret: a secret on the command line shows in the process list to every
 * user of the machine and stays in the shell's history. `pr --token` is still taken, with a warning,
 * as scripts pass it so; the Dataverse commands never took a secret there, so it is refused, saying
 * where it goes instead. Commander said "unknown option '--client-secret'", and the action's input of
 * that name made the option look like a slip of ours.
 */
const SECRET_ON_COMMAND_LINE =
  '--client-secret is not taken: a secret on the command line shows to other users of this machine (in the process list) and stays in your shell history, so the client secret is read from the environment only.';

const SECRET_HINT = `Set ${SECRET_VARIABLE} (or ${AZURE_SECRET_VARIABLE}) instead, e.g. read -rs ${SECRET_VARIABLE} && export ${SECRET_VARIABLE}; or sign in with --client-certificate. If you typed the secret, remove it from your shell history.`;

/**
 * Adds the hidden --client-secret that says why it is no option, before the command does anything.
 * Its value is optional so that `--client-secret` alone gets the same answer, and an empty one too
 * (an unset shell variable) rather than "is empty".
 */
export function refuseClientSecretOption(command: Command): Command {
  return command
    .addOption(emptyMeansNone(new Option('--client-secret [secret]').hideHelp()))
    .hook('preAction', (thisCommand) => {
      if (thisCommand.getOptionValue('clientSecret') !== undefined)
        throw new UsageError(SECRET_ON_COMMAND_LINE, { hint: SECRET_HINT });
    });
}
