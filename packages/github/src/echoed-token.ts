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
  const text = withoutEchoedSecrets(JSON.stringify(data), [token]);
  // Redacting inside a JSON string keeps the JSON whole, but a token that holds what JSON's syntax
  // has (a quote, a key's text and its quote) can take part of that syntax with it: then the answer
  // is read as the text it has become, rather than failing on it.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
