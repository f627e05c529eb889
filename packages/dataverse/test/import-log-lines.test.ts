import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { temporaryFolder } from '@connector-alm/testing';
import { createMemoryLogger } from '@connector-alm/core';
import { importSolution, startLocalServer, type LocalServer } from '../src/index.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { importOptions } from './helpers/import-options.js';
import { solutionZipIn } from './helpers/solution-zip.js';

// The console logger keeps line breaks (some messages are several lines on purpose), so a value put
// in a line of import's log that held one would start a line of its own: in a `run:` step, a
// workflow command (`::error::…`). The zip's name and version are refused when read; the
// environment's version is escaped where it is printed, as the group title is.
let server: LocalServer;
let folder: string;
beforeAll(async () => {
  server = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }] });
  folder = temporaryFolder('import-log-lines-');
});
afterAll(() => server.close());

it("escapes a line break in the environment's version in the Skipped line", async () => {
  const file = solutionZipIn(folder, { uniqueName: 'Contoso', version: '1.0.0.1' });
  const installed = {
    solutionid: '5f1c2a3e-0000-4000-8000-000000000001',
    uniquename: 'Contoso',
    friendlyname: 'Contoso',
    version: '2.0.0.0\n::error title=pwned::from the environment',
    ismanaged: false,
  };
  server.faults.inject(
    { kind: 'status', status: 200, body: { value: [installed] } },
    { operation: 'solutions' },
  );
  const logger = createMemoryLogger();
  const result = await importSolution(
    connectToLocal(server).client,
    importOptions(file, { skipLowerVersion: true }),
    logger,
  );
  expect(result.result).toBe('skipped');
  expect(
    logger.lines
      .join('\n')
      .split('\n')
      .filter((line) => line.startsWith('::')),
  ).toEqual([]);
  expect(logger.lines.join('\n')).toContain(
    'Skipped: Contoso 2.0.0.0\\n::error title=pwned::from the environment is installed, the file has 1.0.0.1.',
  );
});
