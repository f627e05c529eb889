/**
 * An Azure Function's key travels as `?code=`, in a URL or as the default of an internal `code` query
 * parameter (Weavo Liquid Loom's swagger had one in each of its nine operations, until upstream
 * #3269 removed them). Elsewhere `code` is an OAuth authorization code, which documentation shows in
 * sample redirects and which expires within minutes: so only a Function app's host counts.
 */
export const FUNCTION_KEY_PARAMETER = 'code';

/** A Function app's address in a text: its host name, then a port or the path (`/`, JSON's `\/`). */
export const FUNCTION_APP_ADDRESS = /\.azurewebsites\.net(?::|\\?\/)/i;

/** Whether a swagger's `host` (a name, and maybe a port) is a Function app's. */
export function isFunctionAppHost(host: string): boolean {
  return FUNCTION_APP_ADDRESS.test(`${host}/`);
}
