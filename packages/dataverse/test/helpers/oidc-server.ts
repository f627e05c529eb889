import { startLocalServer, type LocalServer } from '../../src/index.js';
import { connectToLocal } from './connect.js';

export const OIDC_APP = 'aaaaaaaa-0000-4000-8000-000000000002';
export const SUBJECT = 'repo:contoso/connectors:ref:refs/heads/main';

/**
 * A server of its own whose runner presents `githubSubject`, with an app that trusts GitHub tokens
 * for SUBJECT and `audience`, and a client signing in to it with the runner's ID token.
 */
export async function oidcServer(
  githubSubject: string,
  audience: string,
  options: Omit<Parameters<typeof connectToLocal>[1], 'appId' | 'credential'> = {},
): Promise<{ other: LocalServer } & ReturnType<typeof connectToLocal>> {
  const other = await startLocalServer({
    githubSubject,
    apps: [
      {
        clientId: OIDC_APP,
        federatedCredentials: [
          { issuer: 'https://token.actions.githubusercontent.com', subject: SUBJECT, audience },
        ],
      },
    ],
  });
  const connection = connectToLocal(other, {
    ...options,
    appId: OIDC_APP,
    credential: {
      kind: 'github-oidc',
      requestUrl: other.idTokenRequestUrl,
      requestToken: other.idTokenRequestToken,
    },
  });
  return { other, ...connection };
}
