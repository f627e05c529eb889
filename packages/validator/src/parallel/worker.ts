import type { MessagePort } from 'node:worker_threads';
import { validateFolder } from '../validate.js';
import { useSecretIdentityKey } from '../rules/general-secrets/secret-identity.js';
import type { FolderTask, WorkerReply, WorkerSetup } from './protocol.js';

/**
 * The worker side of a parallel run: validates each folder it is sent and replies with the result,
 * or with the failure's message (an Error itself does not survive the structured clone intact).
 *
 * The run's setup comes with the first folder only and is kept for the next ones: the same setup
 * object for every folder lets the engine reuse the rule list it works out per configuration (a
 * fresh clone per folder made it work out every rule's level again for each of them).
 */
export function serveValidation(port: MessagePort): void {
  let setup: WorkerSetup | undefined;
  port.on('message', (task: FolderTask) => {
    if (task.setup) {
      setup = task.setup;
      useSecretIdentityKey(setup.secretIdentityKey);
    }
    void validateTask(task, setup).then(
      (result) => port.postMessage({ index: task.index, result } satisfies WorkerReply),
      (error: unknown) =>
        port.postMessage({
          index: task.index,
          failure: { message: error instanceof Error ? error.message : String(error) },
        } satisfies WorkerReply),
    );
  });
}

async function validateTask(task: FolderTask, setup: WorkerSetup | undefined) {
  if (!setup) throw new Error(`The validation worker got ${task.folder} with no setup before it.`);
  const gitIgnored = task.gitIgnored && { ignored: task.gitIgnored, handling: setup.gitIgnored ?? 'mark' };
  return validateFolder(task.folder, { profile: setup.profile }, setup.config, setup.cwd, gitIgnored);
}
