import { withoutSecretFragments } from './secret-fragments.js';

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
  // Longest first: a secret that holds another (a token and a longer one that starts with it) goes
  // whole, not as '***' and the rest of it.
  const distinct = [...new Set(secrets.filter((secret) => secret !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  for (const secret of distinct) result = withoutSecret(result, secret);
  // A part of the secret too: an echo cut short (a proxy that cuts its quote) left all but its end.
  return withoutSecretFragments(result, distinct);
}

/**
 * The text with each place the secret shows, in any of its forms, as REDACTED. The secret is matched
 * one character at a time, each in any of its forms (see characterForms), so that forms mix as they
 * do when one encoding wraps another. Not one regular expression for the whole secret: V8 cannot
 * compile one for a secret of some thousands of characters (a client assertion), and one with
 * backtracking takes time exponential in a run of '\' or '%', whose forms start alike.
 */
function withoutSecret(text: string, secret: string): string {
  const formsOf = new Map<string, RegExp>();
  const characters = [...secret].map((character) => {
    if (!formsOf.has(character)) formsOf.set(character, characterForms(character));
    return formsOf.get(character)!;
  });
  // Where a form of the first character can start: the character itself, '%', '\' or '+'.
  const starts = new Set([secret[0], '%', '\\', '+']);
  let result = '';
  let copied = 0;
  for (let start = 0; start < text.length; start++) {
    if (!starts.has(text[start])) continue;
    // The raw secret too: read one character at a time, a secret whose own text reads as an escape
    // ('\n' raw) would be taken as that escape and missed.
    const end =
      matchedEnd(text, start, characters) ??
      (text.startsWith(secret, start) ? start + secret.length : undefined);
    if (end === undefined) continue;
    result += text.slice(copied, start) + REDACTED;
    copied = end;
    start = end - 1;
  }
  return result + text.slice(copied);
}

/** Where the secret ends if it starts at `start`, taking each character's first form that matches. */
function matchedEnd(text: string, start: number, characters: readonly RegExp[]): number | undefined {
  let at = start;
  for (const forms of characters) {
    forms.lastIndex = at;
    const match = forms.exec(text);
    if (match === null) return undefined;
    at += match[0].length;
  }
  return at;
}

/**
 * One character in every form it may travel or come back in, matched where the search stands (sticky):
 * raw (a header); percent-encoded, any character, with hex digits of either case (encodeURIComponent
 * and URLSearchParams write upper-case, .NET's HttpUtility.UrlEncode lower-case, and Entra ID and
 * Dataverse are .NET services), a space also as '+'; and inside a JSON string, where any character
 * may be written `\uXXXX` (System.Text.Json writes `+ < > & ' "` so) or with its short escape
 * (`\"`, `\\`, `\/`, `\n`…).
 */
function characterForms(character: string): RegExp {
  // Longer forms first: at one place in the text the encoded character goes whole ('%25' for '%',
  // not '%' and then '25' left in the text).
  const forms = [percentEncoded(character), jsonEscaped(character), ...shortEscape(character)];
  if (character === ' ') forms.push('\\+');
  forms.push(literal(character));
  return new RegExp(forms.join('|'), 'y');
}

/**
 * The UTF-8 bytes as %XX, of either case, with the '%' itself perhaps JSON-escaped, and perhaps
 * percent-encoded again, once or more (`%257E` for `~`): a host that quotes the form body it got
 * encoded as a URL gave the whole secret back so.
 */
function percentEncoded(character: string): string {
  return [...Buffer.from(character, 'utf8')]
    .map((byte) => `(?:%|\\\\u0025)(?:25)*${anyCaseHex(byte.toString(16).padStart(2, '0'))}`)
    .join('');
}

/** `\uXXXX` for each UTF-16 unit (a surrogate pair beyond the BMP), hex of either case. */
function jsonEscaped(character: string): string {
  return Array.from({ length: character.length }, (_, unit) =>
    character.charCodeAt(unit).toString(16).padStart(4, '0'),
  )
    .map((hex) => `\\\\u${anyCaseHex(hex)}`)
    .join('');
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
};

function shortEscape(character: string): string[] {
  const escape = SHORT_ESCAPES[character];
  return escape === undefined ? [] : [`\\\\${literal(escape)}`];
}

function anyCaseHex(hex: string): string {
  return [...hex]
    .map((digit) => (/[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit))
    .join('');
}

function literal(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
