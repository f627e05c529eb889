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

const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** What a text may hold, as far as the screen can tell; each false is proven. */
export interface SecretScreen {
  /** Whether one of SECRET_FORMATS may match. */
  formats: boolean;
  /** Whether SECRET_ASSIGNMENT may match. */
  assignments: boolean;
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
 * `\s*["'][^"'\r\n]{8,200}["']`; so each `:` and `=` is tried as that separator (see
 * `secretNameBefore`), and what follows it is matched with the pattern's own tail. The colons are
 * given: `colons` holds the offset of every `:` of `text` (`findColons`), which a JSON document
 * has found once for this screen and the duplicate-key screen (see `JsonDocument.colonOffsets`).
 */
export function screenForSecrets(text: string, colons: Int32Array): SecretScreen | undefined {
  let formats =
    someJwtStart(text) || someUnderscoreToken(text) || someAwsOrGoogleKey(text) || someDashToken(text);
  let assignments = someAssignmentAtColon(text, colons);
  // `=` serves both: one loop over it.
  for (let at = text.indexOf('='); at !== -1 && !(formats && assignments); at = text.indexOf('=', at + 1)) {
    formats ||= formatBeforeEquals(text, at);
    assignments ||= assignmentAt(text, at);
  }
  return formats || assignments ? { formats, assignments } : undefined;
}

function someAssignmentAtColon(text: string, colons: Int32Array): boolean {
  for (let index = 0; index < colons.length; index++) {
    if (assignmentAt(text, colons[index]!)) return true;
  }
  return false;
}

/** The tail of SECRET_ASSIGNMENT after its separator, tried where a separator is. */
const ASSIGNED_VALUE = /\s*["'][^"'\r\n]{8,200}["']/y;

/** Whether a secret name ends before the separator at `separator` and a quoted value follows it. */
function assignmentAt(text: string, separator: number): boolean {
  if (!secretNameBefore(text, separator)) return false;
  ASSIGNED_VALUE.lastIndex = separator + 1;
  return ASSIGNED_VALUE.test(text);
}

/**
 * Whether a secret name's ending (any case) is right before the separator at `separator`. Going
 * back from it over `\s` characters, then over one quote, lands on the name's last letter, since
 * neither a quote nor a letter is `\s`. Every name of SECRET_ASSIGNMENT ends with `secret`, `key`,
 * `token`, `wd` (passwd, pwd) or `word` (password), in any case: its `i` flag, without `u`, matches
 * an ASCII letter only with its other case, which `| 0x20` folds the same way.
 */
function secretNameBefore(text: string, separator: number): boolean {
  let end = separator;
  let code = text.charCodeAt(end - 1);
  // A JSON key's quote first: it is before nearly every colon of a swagger.
  if (code === QUOTE) {
    end--;
  } else {
    while (end > 0 && isRegExpSpace(code)) code = text.charCodeAt(--end - 1);
    if (code === QUOTE || code === APOSTROPHE) end--;
  }
  // Two letters first: they turn away almost every key of a swagger (`description`, `summary`).
  const last = text.charCodeAt(end - 1) | 0x20;
  const beforeLast = text.charCodeAt(end - 2) | 0x20;
  if (beforeLast === 0x65 /* e */) {
    if (last === 0x74 /* t */) return endsWithFolded(text, end, 'secret');
    if (last === 0x79 /* y */) return endsWithFolded(text, end, 'key');
    return last === 0x6e /* n */ && endsWithFolded(text, end, 'token');
  }
  // `wd` (passwd, pwd) or `word` (password).
  if (last !== 0x64 /* d */) return false;
  return beforeLast === 0x77 /* w */ || (beforeLast === 0x72 /* r */ && endsWithFolded(text, end, 'word'));
}

/** Whether `text` ends at `end` with `lowercase` in any ASCII case. */
function endsWithFolded(text: string, end: number, lowercase: string): boolean {
  const start = end - lowercase.length;
  if (start < 0) return false;
  for (let index = 0; index < lowercase.length; index++) {
    if ((text.charCodeAt(start + index) | 0x20) !== lowercase.charCodeAt(index)) return false;
  }
  return true;
}

/** `\s` of a regular expression: ASCII blanks, and the Unicode spaces, line ends and BOM. */
function isRegExpSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
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
    if (isSlackTokenKind(before) && text.startsWith('xox', at - 4)) return true;
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
