import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload, type CryptoKey } from 'jose';

/** Entra ID's v1 issuer form, which Dataverse access tokens carry. */
export function tokenIssuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/** An app-only access token for a resource, signed RS256 by the local Entra ID. */
export async function issueAccessToken(options: {
  key: CryptoKey;
  tenantId: string;
  clientId: string;
  resource: string;
  nowMs: number;
  lifetimeSeconds: number;
}): Promise<string> {
  const issuedAt = Math.floor(options.nowMs / 1000);
  return new SignJWT({
    appid: options.clientId,
    tid: options.tenantId,
    oid: randomUUID(),
    idtyp: 'app',
    ver: '1.0',
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'local-entra' })
    .setIssuer(tokenIssuer(options.tenantId))
    .setAudience(options.resource)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + options.lifetimeSeconds)
    .setJti(randomUUID())
    .sign(options.key);
}

/** Verifies signature, issuer, audience and lifetime; returns the claims or the reason it is refused. */
export async function verifyAccessToken(
  token: string,
  options: { key: CryptoKey; tenantId: string; resource: string; nowMs: number },
): Promise<{ ok: true; claims: JWTPayload & { appid?: string } } | { ok: false; reason: string }> {
  try {
    const { payload } = await jwtVerify(token, options.key, {
      issuer: tokenIssuer(options.tenantId),
      audience: options.resource,
      algorithms: ['RS256'],
      currentDate: new Date(options.nowMs),
    });
    return { ok: true, claims: payload };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED') return { ok: false, reason: 'The access token has expired.' };
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
      return {
        ok: false,
        reason: `The access token is not for this environment (${(error as Error).message}).`,
      };
    return { ok: false, reason: 'The access token is not valid.' };
  }
}
