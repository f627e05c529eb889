/**
 * Text a service sent back, without the secrets the request carried. A proxy, a gateway or a service
 * in a bad state can answer an error with the request it got: its Authorization header, its form
 * body (a client secret, a client assertion). Quoting that answer would print the secret into a log
 * that more people read than the secret's owner (the log of a public repository's workflow), and the
 * runner masks a secret only as it was given, not in the encodings a request carries it in. So the
 * answer is read without them, wherever it is read: every form the secret travels in, or comes back
 * in, becomes '***', as the runner shows a masked value.
 */
export const REDACTED = '***';

export function withoutEchoedSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  // Longest first: a form that holds another (the form-encoded secret holds its raw prefix) goes whole.
  const forms = [...new Set(secrets.filter((secret) => secret !== '').flatMap(echoedForms))].sort(
    (a, b) => b.length - a.length,
  );
  for (const form of forms) result = result.split(form).join(REDACTED);
  return result;
}

/**
 * The secret as it was sent and as it may come back: raw (a header), percent-encoded (a query, or a
 * form encoded as encodeURIComponent does it), form-encoded (URLSearchParams, which also encodes `~`
 * and `!'()`, and a space as '+'), and inside a JSON string (escaped, and with '/' as '\/').
 */
function echoedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    json,
    json.replace(/\//g, '\\/'),
  ];
}
