/**
 * Credentials carried by a URL, which no quoted assignment or token format sees: a secret-named query
 * parameter (`https://api.example.com/v1?api_key=3f9a…`) and a password in the user information
 * (`https://svc:Wq7rT2!vLp@host/`). Both are found from one character of the URL that connector
 * files rarely hold (`=`, `@`), so the search costs one `indexOf` loop over each.
 *
 * In the corpus (373 connectors) every such URL holds a placeholder (`client_secret={clientSecret}`,
 * `apikey=z`, `key=`): the checks below keep placeholders quiet and fire on generated values only,
 * and, in a readme, not on the token of a link that shares one file (file-link.ts).
 */

import { oneOf, trimEndWhere } from '@connector-alm/core';
import {
  characterClasses,
  hasPlaceholderMark,
  isPlaceholderSecret,
  looksGenerated,
  looksLikeDocumentationValue,
} from './placeholders.js';
import { SECRET_NAMES } from './patterns.js';
import { isFileLinkToken } from './file-link.js';
import { FUNCTION_APP_ADDRESS, FUNCTION_KEY_PARAMETER } from './function-key.js';

/** A credential found in a URL: where its value is, what names it, and the value itself (never printed). */
export interface UrlCredential {
  offset: number;
  length: number;
  /** The query parameter's name as written, or undefined for a password in the user information. */
  parameter?: string;
  value: string;
}

/**
 * Query parameters that carry a credential, compared without case, `_`, `-` and `.`: every secret name
 * of the quoted-assignment scan (SECRET_NAMES), and the names only a query uses for one. Exact names
 * only: `pageToken`, `skiptoken`, `continuationToken` carry paging state, not a credential. `sig` is
 * left to the shared-access-signature format (patterns.ts), which reports it already.
 */
const CREDENTIAL_PARAMETERS = new Set([
  ...SECRET_NAMES.map((words) => words.join('')),
  'xapikey',
  'key',
  'apitoken',
  'token',
  'privatetoken',
  'auth',
  'secret',
  'appkey',
  'subscriptionkey',
  'ocpapimsubscriptionkey',
]);

/** Whether a character code is one of a query parameter's name: `[A-Za-z0-9_.-]`. */
function isNameCharacter(code: number): boolean {
  const folded = code | 0x20;
  return (
    (folded >= 0x61 && folded <= 0x7a) || // a-z, A-Z
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f /* _ */ ||
    code === 0x2e /* . */ ||
    code === 0x2d /* - */
  );
}

/**
 * A query value ends at the next parameter, fragment, space, quote or markup. A backslash stops the
 * plain run: it starts a JSON escape, which `queryValueAt` reads.
 */
const QUERY_VALUE = /[^&#\s"'<>`()[\]{}\\|,;]*/y;
/** Whether a character, once unescaped, continues a query value (QUERY_VALUE's class, one character). */
const VALUE_CHARACTER = /^[^&#\s"'<>`()[\]{}\\|,;]$/;

/**
 * The escapes a JSON file writes a URL's characters with: `\/` (PHP's json_encode, and .NET's
 * JavaScriptSerializer) and `\uXXXX` (System.Text.Json and Newtonsoft's EscapeHtml write `&` as
 * `\u0026`, `+` as `\u002B`). The rule reads the raw text, where each is several characters.
 */
const JSON_ESCAPE = /\\(?:\/|u([0-9A-Fa-f]{4}))/y;

/** `\u0026`: the `&` between query parameters, as .NET serializers write it in JSON. */
const ESCAPED_AMPERSAND = 'u0026';

/** Prose around a URL: a full stop or colon right after it is the sentence's, not the value's. */
const isTrailingPunctuation = oneOf('.:!?');

/** Where a URL's user information may start: the `//` after its scheme, at most this far before the `@`. */
const USER_INFO_REACH = 256;

/** Characters that cannot be in a URL's user information as written in a file. */
const NOT_USER_INFO = new Set([...' \t\r\n"\'<>`/\\?#()[]{}|,;'].map((character) => character.charCodeAt(0)));

/**
 * Where the user information `user:password` that the `@` at `at` ends starts, right after a `://`
 * (or JSON's `:\/\/`), or -1 when that `@` ends none: an e-mail address, an `@odata` key, a `:`
 * missing. GEN-SECRETS' screen asks it at each `@` (a necessary condition of `userInfoPasswordAt`).
 */
export function userInfoStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < USER_INFO_REACH && !NOT_USER_INFO.has(text.charCodeAt(start - 1))) start--;
  if (!text.endsWith('://', start) && !text.endsWith(':\\/\\/', start)) return -1;
  const colon = text.indexOf(':', start);
  return colon > start && colon < at ? start : -1;
}

/** How `findUrlCredentials` reads a file's links. */
export interface UrlCredentialOptions {
  /**
   * Whether a shared file's own token is let off (file-link.ts): in a readme, whose links are for
   * people to follow. A script's or a swagger's link is a call to the service, with a credential.
   */
  fileLinks: boolean;
}

/** Every credential in a URL of `text` whose value looks real, in the order of the text. */
export function findUrlCredentials(text: string, options: UrlCredentialOptions): UrlCredential[] {
  const found: UrlCredential[] = [];
  for (let at = text.indexOf('='); at !== -1; at = text.indexOf('=', at + 1)) {
    const credential = queryCredentialAt(text, at, options);
    if (credential !== undefined) found.push(credential);
  }
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const credential = userInfoPasswordAt(text, at);
    if (credential !== undefined) found.push(credential);
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * The credential-named query parameter whose `=` is at `at`, if any, whatever its value: what
 * GEN-SECRETS' screen asks at each `=` (a necessary condition of `queryCredentialAt`).
 */
export function credentialParameterBefore(text: string, at: number): string | undefined {
  let start = at;
  // Character codes, not a regular expression: this runs at each of the corpus's 8,000 `=`.
  while (start > 0 && start > at - 40 && isNameCharacter(text.charCodeAt(start - 1))) start--;
  // `\u0026api_key=`: the scan took the escape's `u0026` for the start of the name.
  const afterEscapedAmpersand =
    text.charCodeAt(start - 1) === 0x5c /* \ */ && text.startsWith(ESCAPED_AMPERSAND, start);
  if (afterEscapedAmpersand) start += ESCAPED_AMPERSAND.length;
  if (start >= at || !(afterEscapedAmpersand || startsQueryParameter(text, start))) return undefined;
  const name = text.slice(start, at);
  // `obj?.Token=`, `a&&key==b`: code, not a URL's query.
  if (name.startsWith('.') || text.charAt(at + 1) === '=') return undefined;
  const folded = name.toLowerCase().replace(/[_.-]/g, '');
  if (CREDENTIAL_PARAMETERS.has(folded)) return name;
  if (folded === FUNCTION_KEY_PARAMETER && FUNCTION_APP_ADDRESS.test(urlBefore(text, start))) return name;
  return undefined;
}

/**
 * Whether a query parameter starts at `start`: after `?`, `&` (not code's `&&`), or `&amp;` as HTML
 * and markdown write it (JSON's `\u0026` is told by `credentialParameterBefore`).
 */
function startsQueryParameter(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === '&') return text[start - 2] !== '&';
  return before === '?' || (before === ';' && text.endsWith('&amp', start - 1));
}

/** The stretch of text before `end` back to the last space or quote: the URL a parameter is in. */
function urlBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 2048 && !/[\s"'<>`]/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

function queryCredentialAt(
  text: string,
  at: number,
  options: UrlCredentialOptions,
): UrlCredential | undefined {
  const parameter = credentialParameterBefore(text, at);
  if (parameter === undefined) return undefined;
  const { length, value } = queryValueAt(text, at + 1);
  if (isPlaceholderSecret(value)) return undefined;
  if (options.fileLinks && isFileLinkToken(parameter, urlBefore(text, at - parameter.length)))
    return undefined;
  return { offset: at + 1, length, parameter, value };
}

/**
 * The query value written from `start`: its length in the text, and the value itself, with JSON
 * escapes and percent-encoding undone. An escape of a character that ends a value (`\u0026`,
 * `\u0023`, `\"`) ends it, as the character would.
 */
function queryValueAt(text: string, start: number): { length: number; value: string } {
  let end = start;
  let unescaped = '';
  for (;;) {
    QUERY_VALUE.lastIndex = end;
    const run = QUERY_VALUE.exec(text)![0];
    unescaped += run;
    end += run.length;
    JSON_ESCAPE.lastIndex = end;
    const escape = JSON_ESCAPE.exec(text);
    if (escape === null) break;
    const character = escape[1] === undefined ? '/' : String.fromCharCode(parseInt(escape[1], 16));
    if (!VALUE_CHARACTER.test(character)) break;
    unescaped += character;
    end += escape[0].length;
  }
  // Punctuation the text ends the value with is written as it is, so it ends the unescaped value too.
  const candidate = text.slice(start, end);
  const trailing = candidate.length - trimEndWhere(candidate, isTrailingPunctuation).length;
  return {
    length: end - start - trailing,
    value: percentDecoded(unescaped.slice(0, unescaped.length - trailing)),
  };
}

/** `%2B` and `%3D` are how a URL writes a key's `+` and `=`; a malformed escape leaves the value as written. */
function percentDecoded(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The password of `scheme://user:password@host` whose `@` is at `at`, if it looks real. A password
 * may be shorter than a generated key, so it is not held to `isPlaceholderSecret`'s twelve
 * characters; placeholders (`user:password@`, `user:<password>@`, `user:****@`) stay quiet.
 */
function userInfoPasswordAt(text: string, at: number): UrlCredential | undefined {
  const start = userInfoStart(text, at);
  if (start === -1) return undefined;
  const colon = text.indexOf(':', start);
  const written = text.slice(colon + 1, at);
  const value = percentDecoded(written);
  if (!looksLikePassword(value)) return undefined;
  return { offset: colon + 1, length: written.length, value };
}

/** Words that make a password a placeholder, on top of hasPlaceholderMark's. */
const PASSWORD_PLACEHOLDER = /pass|pwd|user|admin|login|changeit|letmein|qwerty/i;

/** A generated password, or one of 8 characters or more that mixes three kinds of character. */
function looksLikePassword(value: string): boolean {
  if (value.length < 8 || hasPlaceholderMark(value) || PASSWORD_PLACEHOLDER.test(value)) return false;
  if (looksLikeDocumentationValue(value)) return false;
  return looksGenerated(value) || characterClasses(value) >= 3;
}
