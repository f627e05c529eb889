import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { serveValidation } from '../../src/parallel/worker.js';
import { secretIdentityKey } from '../../src/rules/general-secrets/secret-identity.js';
import type { FolderTask, WorkerReply, WorkerSetup } from '../../src/parallel/protocol.js';
import { validateFolder } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

/** A certified folder whose swagger lacks a description: SWG-INFO-DESC-REQ reports it unless off. */
function undescribedConnector(name: string): string {
  const swagger = validSwagger();
  swagger.info.title = name;
  delete swagger.info.description;
  return writeConnector(
    { 'apiDefinition.swagger.json': swagger, 'apiProperties.json': validApiProperties() },
    'certified',
    name,
  );
}

/** Sends tasks to serveValidation over a real message channel and collects its replies by index. */
async function serve(tasks: FolderTask[]): Promise<Map<number, WorkerReply>> {
  const { port1, port2 } = new MessageChannel();
  serveValidation(port2);
  const replies = new Map<number, WorkerReply>();
  try {
    await new Promise<void>((resolve) => {
      port1.on('message', (reply: WorkerReply) => {
        replies.set(reply.index, reply);
        if (replies.size === tasks.length) resolve();
      });
      for (const task of tasks) port1.postMessage(task);
    });
  } finally {
    port1.close();
  }
  return replies;
}

describe('the validation worker', () => {
  it("validates a task sent without a setup with the setup of the run's earlier task", async () => {
    const first = undescribedConnector('Contoso First');
    const second = undescribedConnector('Contoso Second');
    const cwd = path.dirname(path.dirname(first));
    const setup: WorkerSetup = {
      cwd,
      profile: 'custom',
      config: { rules: { 'SWG-INFO-DESC-REQ': 'off' }, ignore: [] },
      secretIdentityKey: secretIdentityKey(),
    };
    const replies = await serve([
      { index: 0, folder: first, setup },
      { index: 1, folder: second },
    ]);
    const expected = await validateFolder(second, { profile: 'custom' }, setup.config, cwd);
    expect(expected.findings.length).toBeGreaterThan(0);
    expect(expected.findings.some((finding) => finding.ruleId === 'SWG-INFO-DESC-REQ')).toBe(false);
    expect(replies.get(1)).toEqual({ index: 1, result: expected });
    // Without that setup the folder has another profile and the finding.
    const unconfigured = await validateFolder(second, {});
    expect(unconfigured.findings.some((finding) => finding.ruleId === 'SWG-INFO-DESC-REQ')).toBe(true);
  });

  it('answers a task with a failure when no setup has come yet', async () => {
    const folder = undescribedConnector('Contoso Early');
    const replies = await serve([{ index: 0, folder }]);
    expect(replies.get(0)).toEqual({
      index: 0,
      failure: { message: expect.stringMatching(/no setup/) },
    });
  });
});
