/**
 * The cheap screen run on every text before the exact secret scans (patterns.ts): it answers "maybe"
 * for every text that an exact pattern can match (a necessary condition, never a sufficient one), so
 * a "no" proves that the exact scan would find nothing, which is the answer for almost every text.
 *
 * Why loops over `indexOf` of one character rather than a regular expression: `indexOf` of one
 * character runs memchr over the text (~1.2 ms for the corpus's 32 M characters, plus ~15 ns at each
 * occurrence), while irregexp steps through every position (0.5-1.2 ns a character: the former
 * one-regex screen cost ~28 ms a corpus run). So for every shape the screen picks a character that
 * each match contains, rare in connector files where it can (`=` 0.25‰, `J` 0.15‰, `_` 1.3‰, `A`
 * 1.8‰, `-` 4‰, `:` 19‰), and looks at the few characters around each occurrence. Keep it in step
 * with SECRET_FORMATS and SECRET_ASSIGNMENT: general-secrets-screen.test.ts has a sample of every shape.
 */

import { secretNameBefore } from '../../text/secret-name.js';
import { credentialParameterBefore, userInfoStart } from './url-credentials.js';

/** What a text may hold, as far as the screen can tell; each false is proven. */
export interface SecretScreen {
  /** Whether one of SECRET_FORMATS may match. */
  formats: boolean;
  /** Whether SECRET_ASSIGNMENT may match. */
  assignments: boolean;
  /** Whether a URL may carry a credential (url-credentials.ts): in its query or its user information. */
  urls: boolean;
}

/**
 * Screens `text` for both kinds of secret; undefined when neither can match, the usual answer.
 *
 * Formats: every match of SECRET_FORMATS contains one of these anchors, each checked in place:
 * - `AKIA…`, `ASIA…` (AWS), `AIza…` (Google): an `A` followed by `KIA`, `SIA` or `Iza`;
 * - `gh[pousr]_…`, `github_pat_…` (GitHub), `[sr]k_live_…` (Stripe): an `_` after `gh[pousr]`,
 *   `github` or `k`, followed by `live_` in Stripe's case;
 * - `xox[abprs]-…` (Slack), `sk-` then 40 characters of `[A-Za-z0-9_-]` (OpenAI: its optional `proj-`
 *   is made of such characters too), `-----BEGIN ` (private keys): a `-` after `xox[abprs]` or `sk`,
 *   or before `BEGIN `;
 * - `AccountKey=…` (Azure storage), `sig=` then 30 characters of `[A-Za-z0-9%]` (SAS): an `=`;
 * - `eyJ` then 10 characters of `[A-Za-z0-9_-]` (JSON Web Token): a `J` after `ey`.
 *
 * Assignments: every match of SECRET_ASSIGNMENT is a secret name, `["']?`, `\s*`, a `:` or `=`, then
 * `\s*["'][^"'\r\n]{8,200}["']`; so each `:` and `=` after a secret name's ending is tried as that
 * separator (see `secretNameBefore`), and what follows it is matched with the pattern's own tail.
 * The colons are given: `colonsAfterSecretName` holds every `:` of `text` that `secretNameBefore`
 * passes (`Colons.afterSecretName`), which a JSON document has found once, in the search that also
 * serves the duplicate-key screen (see `JsonDocument.colons`).
 *
 * URLs: a credential-named query parameter ends before an `=` (`credentialParameterBefore`, the exact
 * finder's own test), and a password in a user information is between a `://` and an `@`.
 */
export function screenForSecrets(
  text: string,
  colonsAfterSecretName: readonly number[],
): SecretScreen | undefined {
  let formats =
    someJwtStart(text) || someUnderscoreToken(text) || someAwsOrGoogleKey(text) || someDashToken(text);
  let assignments = someAssignmentAtColon(text, colonsAfterSecretName);
  let urls = someUserInfo(text);
  // `=` serves all three: one loop over it.
  for (
    let at = text.indexOf('=');
    at !== -1 && !(formats && assignments && urls);
    at = text.indexOf('=', at + 1)
  ) {
    formats ||= formatBeforeEquals(text, at);
    assignments ||= assignmentAt(text, at);
    urls ||= credentialParameterBefore(text, at) !== undefined;
  }
  return formats || assignments || urls ? { formats, assignments, urls } : undefined;
}

/** Whether some `@` ends a user information with a `:` (see `userInfoStart`). */
function someUserInfo(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (userInfoStart(text, at) !== -1) return true;
  }
  return false;
}

/** Whether a quoted value follows one of the colons after a secret name. */
function someAssignmentAtColon(text: string, colonsAfterSecretName: readonly number[]): boolean {
  for (let index = 0; index < colonsAfterSecretName.length; index++) {
    if (valueAfter(text, colonsAfterSecretName[index]!)) return true;
  }
  return false;
}

/** The tail of SECRET_ASSIGNMENT after its separator, tried where a separator is. */
const ASSIGNED_VALUE = /\s*["'][^"'\r\n]{8,200}["']/y;

/** Whether a secret name ends before the separator at `separator` and a quoted value follows it. */
function assignmentAt(text: string, separator: number): boolean {
  return secretNameBefore(text, separator) && valueAfter(text, separator);
}

/** Whether a quoted value of SECRET_ASSIGNMENT follows the separator at `separator`. */
function valueAfter(text: string, separator: number): boolean {
  ASSIGNED_VALUE.lastIndex = separator + 1;
  return ASSIGNED_VALUE.test(text);
}

const SAS_SIGNATURE = /[A-Za-z0-9%]{30}/y;

/** `AccountKey=` or `sig=` and 30 signature characters, the `=` at `at`. */
function formatBeforeEquals(text: string, at: number): boolean {
  if (text.startsWith('AccountKey', at - 10)) return true;
  if (!text.startsWith('sig', at - 3)) return false;
  SAS_SIGNATURE.lastIndex = at + 1;
  return SAS_SIGNATURE.test(text);
}

const JWT_PART = /[A-Za-z0-9_-]{10}/y;

function someJwtStart(text: string): boolean {
  for (let at = text.indexOf('J'); at !== -1; at = text.indexOf('J', at + 1)) {
    if (text.charCodeAt(at - 1) !== 0x79 || text.charCodeAt(at - 2) !== 0x65) continue; // `ey`
    JWT_PART.lastIndex = at + 1;
    if (JWT_PART.test(text)) return true;
  }
  return false;
}

function someUnderscoreToken(text: string): boolean {
  for (let at = text.indexOf('_'); at !== -1; at = text.indexOf('_', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before === 0x6b /* k */ && text.startsWith('live_', at + 1)) return true;
    if (isGitHubTokenKind(before) && text.startsWith('gh', at - 3)) return true;
    if (before === 0x62 /* b */ && text.startsWith('github_pat_', at - 6)) return true;
  }
  return false;
}

/** `p`, `o`, `u`, `s` or `r`: the kinds of GitHub token (`ghp_`, `gho_`, …). */
function isGitHubTokenKind(code: number): boolean {
  return code === 0x70 || code === 0x6f || code === 0x75 || code === 0x73 || code === 0x72;
}

const LETTER_K = 0x4b;
const LETTER_S = 0x53;
const LETTER_I = 0x49;

function someAwsOrGoogleKey(text: string): boolean {
  for (let at = text.indexOf('A'); at !== -1; at = text.indexOf('A', at + 1)) {
    // One character first, a call to startsWith only then: 57,000 `A`s a corpus run.
    const next = text.charCodeAt(at + 1);
    if ((next === LETTER_K || next === LETTER_S) && text.startsWith('IA', at + 2)) return true;
    if (next === LETTER_I && text.startsWith('za', at + 2)) return true;
  }
  return false;
}

const OPENAI_KEY_BODY = /[A-Za-z0-9_-]{40}/y;

function someDashToken(text: string): boolean {
  for (let at = text.indexOf('-'); at !== -1; at = text.indexOf('-', at + 1)) {
    const before = text.charCodeAt(at - 1);
    // The `x` before the kind first: a third of the corpus's 128,000 `-`s follow an `s` (`x-ms-`).
    if (text.charCodeAt(at - 2) === 0x78 /* x */ && isSlackTokenKind(before) && text.startsWith('xo', at - 4))
      return true;
    if (text.charCodeAt(at + 1) === 0x42 /* B */ && text.startsWith('EGIN ', at + 2)) return true;
    if (before === 0x6b /* k */ && text.charCodeAt(at - 2) === 0x73 /* s */) {
      OPENAI_KEY_BODY.lastIndex = at + 1;
      if (OPENAI_KEY_BODY.test(text)) return true;
    }
  }
  return false;
}

/** `a`, `b`, `p`, `r` or `s`: the kinds of Slack token (`xoxb-`, …). */
function isSlackTokenKind(code: number): boolean {
  return code === 0x61 || code === 0x62 || code === 0x70 || code === 0x72 || code === 0x73;
}
