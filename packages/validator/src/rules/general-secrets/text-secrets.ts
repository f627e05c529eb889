/**
 * The secrets a text shows by itself, without knowing where it is written: token formats, quoted
 * secret-named values and credentials in URLs. GEN-SECRETS reports them in each file, and the
 * messages of every rule mask them wherever they quote a value (masked-secrets.ts): both read them
 * here, so that no message prints what the rule calls a secret.
 */

import { isPlaceholderSecret } from './placeholders.js';
import { SECRET_ASSIGNMENT, SECRET_FORMATS, secretFormatMatches } from './patterns.js';
import { screenForSecrets } from './screen.js';
import { findUrlCredentials } from './url-credentials.js';

/** Where a secret is written in the text, and the value itself (never printed). */
interface TextSecretPlace {
  readonly offset: number;
  /** The length in the text, which differs from the value's where the text escapes it (`%2B`, `\/`). */
  readonly length: number;
  readonly value: string;
}

/** A secret of a text, by what told it: its format's name, its key, or the URL's parameter. */
export type TextSecret = TextSecretPlace &
  (
    | { readonly kind: 'format'; readonly format: string }
    | { readonly kind: 'assignment'; readonly key: string }
    /** `parameter` is undefined for a password in the user information. */
    | { readonly kind: 'url'; readonly parameter: string | undefined }
  );

export interface TextSecretOptions {
  /** Whether a readme's link that shares one file keeps its token unreported (url-credentials.ts). */
  readonly fileLinks: boolean;
  /** Keys whose quoted values another rule reports (apiProperties' clientSecret is PROP-OAUTH-SECRET's). */
  readonly skipsKey?: (key: string) => boolean;
}

/**
 * The secrets of `text`, each place once: a token format inside a URL (`?key=AIza…`) or a quoted
 * value (`"api_key": "ghp_…"`) is its format's, told once. Formats first, then assignments, then URLs,
 * as GEN-SECRETS has always reported them. `colonsAfterSecretName` are the colons a secret name may
 * end before (json/colons.ts), which a JSON document has found already.
 */
export function findTextSecrets(
  text: string,
  colonsAfterSecretName: readonly number[],
  options: TextSecretOptions,
): TextSecret[] {
  // Almost every text fails this cheap screen, and then none of the exact scans below can match.
  const screen = screenForSecrets(text, colonsAfterSecretName);
  if (screen === undefined) return [];
  const found: TextSecret[] = [];
  const placed = new Set<number>();
  for (const format of screen.formats ? SECRET_FORMATS : []) {
    for (const match of secretFormatMatches(text, format)) {
      // A private key's header is no placeholder, whatever words it holds (`PRIVATE KEY`).
      if (isPlaceholderSecret(match.text) && !match.text.startsWith('-----')) continue;
      placed.add(match.index);
      const place = { offset: match.index, length: match.text.length, value: match.text };
      found.push({ ...place, kind: 'format', format: format.name });
    }
  }
  for (const match of screen.assignments ? text.matchAll(SECRET_ASSIGNMENT) : []) {
    const [, key, value] = match as unknown as [string, string, string];
    if (options.skipsKey?.(key) || isPlaceholderSecret(value)) continue;
    const offset = match.index + match[0].lastIndexOf(value);
    if (placed.has(offset)) continue;
    placed.add(offset);
    found.push({ offset, length: value.length, value, kind: 'assignment', key });
  }
  const urlCredentials = screen.urls ? findUrlCredentials(text, { fileLinks: options.fileLinks }) : [];
  for (const credential of urlCredentials) {
    if (placed.has(credential.offset)) continue;
    const { offset, length, value, parameter } = credential;
    found.push({ offset, length, value, kind: 'url', parameter });
  }
  return found;
}
