/**
 * Secret formats worth a finding wherever they appear (the CredScan step of the security pipeline
 * breaks the build on them). Each format is specific enough that a match is almost never prose.
 */
export interface SecretFormat {
  name: string;
  pattern: RegExp;
}

export const SECRET_FORMATS: SecretFormat[] = [
  { name: 'an AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  {
    name: 'a GitHub token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/g,
  },
  { name: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { name: 'a Stripe live key', pattern: /\b[sr]k_live_[0-9a-zA-Z]{24,}\b/g },
  { name: 'an OpenAI API key', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{40,}\b/g },
  {
    name: 'a private key',
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY-----/g,
  },
  {
    name: 'an Azure storage account key',
    pattern: /\bAccountKey=[A-Za-z0-9+/]{40,}={0,2}/g,
  },
  { name: 'a shared access signature', pattern: /\bsig=[A-Za-z0-9%]{30,}/g },
  {
    name: 'a JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/g,
  },
];

/**
 * What every match of every format starts with (a necessary condition, not a sufficient one): one scan
 * of a file with this tells that none of the ten formats can match, which is the case of almost all
 * files. Keep it in step with SECRET_FORMATS.
 */
export const ANY_SECRET_FORMAT =
  /\b(?:AKIA|ASIA|gh[pousr]_|github_pat_|xox[abprs]-|AIza|[sr]k_live_|sk-|AccountKey=|sig=|eyJ)|-----BEGIN /;

/**
 * A secret-named key with a quoted value: `"client_secret": "…"`, `apiKey = "…"`. The value is only
 * reported when it does not look like a placeholder.
 */
// No optional opening quote before the key: it changed no match but made every position costlier.
export const SECRET_ASSIGNMENT =
  /\b(client_?secret|api_?key|access_?token|auth_?token|refresh_?token|secret_?key|password|passwd|pwd)\b["']?\s*[:=]\s*["']([^"'\r\n]{8,200})["']/gi;

/**
 * A necessary condition for any match of SECRET_FORMATS or SECRET_ASSIGNMENT, tested once per text
 * before either: almost no text passes it, and it costs about a third of the two scans it saves.
 *
 * Why it is cheaper: the regular expression engine tries every position whose character can start a
 * match. The exact patterns start with common letters (`s`, `e`, `r`, `p`, `a`, either case), so they
 * try almost every position; here each alternative starts at a rarer character of the same match,
 * with its leading letters and `\b` dropped (`sk-` becomes `k-`, `eyJ` becomes `yJ`, `password`
 * becomes `word`), and a short tail keeps common words such as `task-` from passing. Dropping a
 * prefix or shortening a tail only widens the set of texts that pass, so no secret is skipped.
 * Keep it in step with SECRET_FORMATS and SECRET_ASSIGNMENT.
 */
export const MAYBE_SECRET = new RegExp(
  [
    // AKIA…, ASIA…, AIza…, AccountKey=…
    'A(?:KIA|SIA|Iza|ccountKey=)',
    // ghp_…, github_pat_…, sig=…
    'g(?:h[pousr]_|ithub_pat_|=[A-Za-z0-9%]{30})',
    'xox[abprs]-',
    // sk_live_…, rk_live_…, sk-…
    'k(?:_live_|-[A-Za-z0-9_-]{40})',
    // eyJ… (a JSON Web Token)
    'yJ[A-Za-z0-9_-]{10}',
    // -----BEGIN … PRIVATE KEY-----
    'BEGIN ',
    // The ends of the secret-named keys (…key, …token, password, passwd, pwd, …secret), any case,
    // followed by an assigned quoted value. Spelled with classes: the `i` flag would also widen the
    // formats above and let far more texts pass.
    String.raw`(?:[Kk][Ee][YyNn]|[Ww](?:[Oo][Rr])?[Dd]|[Cc][Rr][Ee][Tt])["']?\s*[:=]\s*["'][^"'\r\n]{8}`,
  ].join('|'),
);
