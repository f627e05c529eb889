/**
 * Secret formats worth a finding wherever they appear (the CredScan step of the security pipeline
 * breaks the build on them). Each format is specific enough that a match is almost never prose.
 * screen.ts screens texts for them: keep it in step.
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
 * A secret-named key with a quoted value: `"client_secret": "…"`, `apiKey = "…"`. The value is only
 * reported when it does not look like a placeholder. screen.ts screens texts for it: keep it in step.
 */
// No optional opening quote before the key: it changed no match but made every position costlier.
export const SECRET_ASSIGNMENT =
  /\b(client_?secret|api_?key|access_?token|auth_?token|refresh_?token|secret_?key|password|passwd|pwd)\b["']?\s*[:=]\s*["']([^"'\r\n]{8,200})["']/gi;
