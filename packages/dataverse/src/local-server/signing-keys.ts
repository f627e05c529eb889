import { generateKeyPair, type GenerateKeyPairResult } from 'jose';

export interface SigningKeys {
  /** Signs the access tokens the local Entra ID hands out; Dataverse checks them with its public key. */
  tokens: GenerateKeyPairResult;
  /** Signs the ID tokens of the local GitHub OIDC endpoint; the token endpoint checks them. */
  github: GenerateKeyPairResult;
}

let generated: Promise<SigningKeys> | undefined;

/**
 * The local server's RSA key pairs, made once a process and shared by every server it starts. Each
 * pair took 0.2-0.5 s to generate, and test suites start a server per test (a suite of 20 spent
 * 15 s on them). Sharing changes nothing a client sees: an access token names the Dataverse origin
 * it is for, which each server checks, and GitHub too signs every runner's ID tokens with one key.
 */
export function signingKeys(): Promise<SigningKeys> {
  generated ??= (async () => ({
    tokens: await generateKeyPair('RS256', { extractable: false }),
    github: await generateKeyPair('RS256', { extractable: false }),
  }))().catch((error: unknown) => {
    // A failed generation is not kept: the next server tries again.
    generated = undefined;
    throw error;
  });
  return generated;
}
