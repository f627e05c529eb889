/**
 * How .NET services (Entra ID, Dataverse) write what they send back, where it differs from what
 * Node writes: for the echo faults, so that tests see a secret come back as those services would
 * quote it, not only as the client sent it.
 */

/** HttpUtility.UrlEncode: hex in lower case ('~' as %7e, '+' as %2b), a space as '+'; `-_.!*()` as they are. */
export function httpUtilityUrlEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) => {
      const character = String.fromCharCode(byte);
      if (/[A-Za-z0-9\-_.!*()]/.test(character)) return character;
      if (character === ' ') return '+';
      return `%${byte.toString(16).padStart(2, '0')}`;
    })
    .join('');
}

/** A form body as a .NET service reads it and writes it back with HttpUtility.UrlEncode. */
export function formReEncoded(body: string): string {
  return [...new URLSearchParams(body)]
    .map(([name, value]) => `${httpUtilityUrlEncode(name)}=${httpUtilityUrlEncode(value)}`)
    .join('&');
}

/** A form body as a service reads it, each field decoded: `name=value&…`. */
export function formRead(body: string): string {
  return [...new URLSearchParams(body)].map(([name, value]) => `${name}=${value}`).join('&');
}

/**
 * JSON as System.Text.Json's default encoder (JavaScriptEncoder.Default) writes it: the HTML-sensitive
 * characters `" & ' + < > \`` and all beyond ASCII as \uXXXX, upper-case hex; `\\` and `\n` as JSON does.
 */
export function systemTextJson(value: unknown): string {
  return JSON.stringify(value).replace(/\\u[0-9a-f]{4}|\\.|[&'+<>`]|[^ -~]/g, (part) => {
    if (part === '\\"') return unicodeEscape('"');
    if (part.startsWith('\\u')) return part.toUpperCase().replace('\\U', '\\u');
    if (part.startsWith('\\')) return part;
    return unicodeEscape(part);
  });
}

function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
