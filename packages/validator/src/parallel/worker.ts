import type { MessagePort } from 'node:worker_threads';
import { validateFolder } from '../validate.js';
import type { FolderTask, WorkerReply } from './protocol.js';

/**
 * The worker side of a parallel run: validates each folder it is sent and replies with the result,
 * or with the failure's message (an Error itself does not survive the structured clone intact).
 */
export function serveValidation(port: MessagePort): void {
  port.on('message', ({ index, folder, setup }: FolderTask) => {
    void validateFolder(folder, { profile: setup.profile }, setup.config, setup.cwd).then(
      (result) => port.postMessage({ index, result } satisfies WorkerReply),
      (error: unknown) =>
        port.postMessage({
          index,
          failure: { message: error instanceof Error ? error.message : String(error) },
        } satisfies WorkerReply),
    );
  });
}
