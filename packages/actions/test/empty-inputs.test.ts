import { afterAll, describe, expect, it } from '@jest/globals';
import { runActionBundle, temporaryFolders } from '@connector-alm/testing';
import { expectFailedWith } from './helpers/step-failure.js';

// A workflow that reads an input from ${{ vars.NAME }} or ${{ secrets.NAME }} gives the action ''
// when nothing of that name reaches the job: a variable never created, a secret of another name, or
// one that a workflow calling ours did not pass on. The with: block that holds the expression is then
// often one of our reusable workflows', so "set it in the step's with: block" alone sent the user to
// a file they did not write. These steps fail before any request: no server is needed.

const folders = temporaryFolders('empty-inputs-');
afterAll(() => folders.cleanup());

/** What a caller of the snapshot workflow passes when all its variables exist. */
const CONNECTION = {
  'environment-url': 'https://contoso.crm.dynamics.com',
  'app-id': '3d2c1b0a-1111-4222-8333-944455556666',
  'tenant-id': '7c3b2a10-4d5e-4f60-8a71-92b3c4d5e6f7',
};

describe('an input left empty by a variable or secret that did not reach the job', () => {
  it('says where a required input goes missing, besides the with: block', async () => {
    const run = await runActionBundle('export-solution', {
      workspace: folders.make(),
      inputs: {
        ...CONNECTION,
        'environment-url': '',
        'solution-name': 'ContosoConnectors',
        'solution-output-file': 'ContosoConnectors.zip',
      },
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message:
          "Input 'environment-url' is required but was empty. Set 'environment-url' in the step's with: block. " +
          'A value from ${{ vars.NAME }} or ${{ secrets.NAME }} is empty when nothing of that name reaches the job: ' +
          "create the variable or secret (Settings > Secrets and variables > Actions, or the job's environment), " +
          'and check that a calling workflow passes it on (a secret under secrets:).',
      }),
    );
  });

  it('says that an empty client-secret may be a secret that does not reach the job, besides OIDC', async () => {
    // No ACTIONS_ID_TOKEN_REQUEST_* either: the job has no id-token: write.
    const run = await runActionBundle('import-solution', {
      workspace: folders.make(),
      inputs: { ...CONNECTION, 'client-secret': '', 'solution-file': 'ContosoConnectors.zip' },
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(
          /^No credential for Entra ID: set input 'client-secret' to .*id-token: write.* An input set to \$\{\{ secrets\.NAME \}\} is empty when no secret of that name reaches the job: create it .*, and check that a calling workflow passes it on under secrets:\.$/,
        ),
      }),
    );
  });
});
