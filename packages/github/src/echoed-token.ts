import { withoutEchoedSecrets } from '@connector-alm/core';

/**
 * The error of a GitHub request without the token in it. A proxy or gateway in front of GitHub
 * Enterprise Server, or a server in a bad state, can answer with the request it got, Authorization
 * header included; Octokit puts the answer's message in the error's message (and so in its stack)
 * and keeps the answer's data, which describeApiFailure quotes. The error is changed in place, once,
 * where every request's error passes (createGitHubClient), so that no later reader sees the token.
 */
export function withoutEchoedToken<T>(error: T, token: string): T {
  if (typeof error !== 'object' || error === null) return error;
  const target = error as { message?: unknown; stack?: unknown; response?: { data?: unknown } };
  if (typeof target.message === 'string') target.message = withoutEchoedSecrets(target.message, [token]);
  if (typeof target.stack === 'string') target.stack = withoutEchoedSecrets(target.stack, [token]);
  const response = target.response;
  if (typeof response === 'object' && response !== null && response.data !== undefined)
    response.data = dataWithout(response.data, token);
  return error;
}

/** An answer's body, text or parsed JSON, without the token; any other (binary) body as it is. */
function dataWithout(data: unknown, token: string): unknown {
  if (typeof data === 'string') return withoutEchoedSecrets(data, [token]);
  if (typeof data !== 'object' || data === null || !(Array.isArray(data) || isPlainObject(data))) return data;
  // Redacting inside a JSON string keeps the JSON whole: the token's forms have no quote unescaped.
  return JSON.parse(withoutEchoedSecrets(JSON.stringify(data), [token])) as unknown;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
