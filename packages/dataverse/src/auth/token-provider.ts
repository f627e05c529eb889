import type { Clock } from '../clock.js';
import type { TokenResponse } from './token-endpoint.js';

/** Hands out a valid access token; callers ask before every request and never keep one. */
export interface AccessTokenSource {
  getToken(): Promise<string>;
  /** Drops the cached token, after the service rejected it (revoked, or clocks disagree). */
  invalidate(): void;
}

/** Refresh this long before expiry: five minutes, or a quarter of a short lifetime. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(5 * 60_000, Math.floor(lifetimeMs / 4));
}

/**
 * Caches the token and fetches a new one before the old one expires, so that a wait of several hours
 * for an async import never sends an expired token (powerplatform-actions#85). Concurrent callers share
 * one request. A renewal that fails while the token in hand is still valid (Entra ID's transient
 * AADSTS90033, a dropped connection) keeps that token, and the next call tries again, as MSAL does with
 * refresh_in; so such a renewal is one attempt (`retry: false`), while a request with no valid token
 * in hand (the first, or after expiry or invalidate) retries transient failures before it gives up.
 * A renewal that fails only after the token in hand has expired is followed by such a request.
 * Every token is passed to `onSecret` so that logs mask it.
 */
export class CachedTokenSource implements AccessTokenSource {
  private cached?: { token: string; refreshAtMs: number; expiresAtMs: number };
  /** The request under way, shared by concurrent callers; `retry`: whether it retries transient failures. */
  private pending?: { token: Promise<string>; retry: boolean };

  constructor(
    private readonly acquire: (options: { retry: boolean }) => Promise<TokenResponse>,
    private readonly clock: Clock,
    private readonly onSecret: (value: string) => void = () => {},
  ) {}

  async getToken(): Promise<string> {
    const cached = this.cached;
    if (cached && this.clock.now() < cached.refreshAtMs) return cached.token;
    const pending = (this.pending ??= this.startRefresh());
    try {
      return await pending.token;
    } catch (error) {
      if (cached && this.cached === cached && this.clock.now() < cached.expiresAtMs) return cached.token;
      // A renewal tried once while the token in hand was valid, which failed only once it had expired
      // (a login host that hung for the sign-in timeout): no valid token is left, so this is a sign-in
      // like the first, with retries, not the end of the run after one attempt.
      if (!pending.retry) return this.getToken();
      throw error;
    }
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private startRefresh(): { token: Promise<string>; retry: boolean } {
    const issuedAt = this.clock.now();
    const retry = !(this.cached !== undefined && issuedAt < this.cached.expiresAtMs);
    const pending = {
      token: this.refresh(issuedAt, retry).finally(() => {
        if (this.pending === pending) this.pending = undefined;
      }),
      retry,
    };
    return pending;
  }

  private async refresh(issuedAt: number, retry: boolean): Promise<string> {
    const response = await this.acquire({ retry });
    this.onSecret(response.accessToken);
    const lifetimeMs = response.expiresInSeconds * 1000;
    this.cached = {
      token: response.accessToken,
      refreshAtMs: issuedAt + lifetimeMs - refreshMarginMs(lifetimeMs),
      expiresAtMs: issuedAt + lifetimeMs,
    };
    return response.accessToken;
  }
}
