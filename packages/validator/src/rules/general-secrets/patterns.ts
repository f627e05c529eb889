/**
 * Secret formats worth a finding wherever they appear (the CredScan step of the security pipeline
 * breaks the build on them). Each format is specific enough that a match is almost never prose.
 * screen.ts screens texts for them: keep it in step.
 */
export interface SecretFormat {
  name: string;
  /** A match is the group `lead`, where the pattern has one (matched behind its start), then the match. */
  pattern: RegExp;
}

/**
 * The matches of a format in a text, left to right, as a forward search finds them: each with its
 * lead, and none starting inside the match before (where a lead read backwards may reach).
 */
export function* secretFormatMatches(
  text: string,
  format: SecretFormat,
): Generator<{ index: number; text: string }> {
  const pattern = new RegExp(format.pattern.source, 'g');
  let searchedTo = 0;
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    const lead = found.groups?.lead ?? '';
    const index = found.index - lead.length;
    if (index < searchedTo) {
      // A start after the match before may still use a later '.': search on from this one's.
      pattern.lastIndex = found.index + 1;
      continue;
    }
    searchedTo = found.index + found[0].length;
    yield { index, text: lead + found[0] };
  }
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
  /*
   * The header (`eyJ…`) is matched backwards from the '.' after it, as the group `lead`: matched
   * forwards from each `eyJ`, every start ran to the end of its run of token characters, so a long
   * run with many `eyJ` and no '.' took quadratic time (200,000 characters: 12 s). Each run is now
   * read once, from the '.' that ends it; the token found is the same.
   */
  {
    name: 'a JSON Web Token',
    pattern: /\.(?<=(?<lead>\beyJ[A-Za-z0-9_-]{10,})\.)eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/g,
  },
];

/**
 * The names a credential goes by, as words: `client_secret` is ['client', 'secret']. SECRET_ASSIGNMENT
 * looks for them as keys in a text, the parameter-default check (parameter-defaults.ts) in the names
 * of parameters. text/secret-name.ts's quick test, which the screen asks at every colon and `=`,
 * knows how they end: general-secrets-screen.test.ts checks it with every name of this list.
 */
export const SECRET_NAMES: readonly (readonly string[])[] = [
  ['client', 'secret'],
  ['api', 'key'],
  ['access', 'token'],
  ['auth', 'token'],
  ['refresh', 'token'],
  ['secret', 'key'],
  ['password'],
  ['passwd'],
  ['pwd'],
];

/**
 * A secret-named key with a quoted value: `"client_secret": "…"`, `apiKey = "…"`. The key is a whole
 * name of SECRET_NAMES, its words joined by an underscore or nothing. The value is only reported when
 * it does not look like a placeholder. screen.ts screens texts for it: keep it in step.
 */
// No optional opening quote before the key: it changed no match but made every position costlier.
export const SECRET_ASSIGNMENT = new RegExp(
  `\\b(${SECRET_NAMES.map((words) => words.join('_?')).join('|')})\\b["']?\\s*[:=]\\s*["']([^"'\\r\\n]{8,200})["']`,
  'gi',
);
