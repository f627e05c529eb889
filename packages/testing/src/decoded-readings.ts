/**
 * Every way a text may be read back to what it carries: as it is, percent-decoded (a space as '+' or
 * not), JSON-unescaped, and each of these after another, as one encoding wraps another (a form body
 * quoted in a JSON error). A leak detector searches these for the raw secret rather than listing the
 * forms a secret may take, so that it does not share the blind spots of a redactor that lists them.
 * Lenient: what is not a valid escape stays as it is.
 */
export function decodedReadings(text: string): string[] {
  const decoders = [percentDecoded, formDecoded, jsonUnescaped];
  let readings = new Set([text]);
  // Two rounds: a percent-encoded secret in a JSON string, or a JSON string percent-encoded.
  for (let round = 0; round < 2; round++)
    readings = new Set([
      ...readings,
      ...[...readings].flatMap((reading) => decoders.map((decode) => decode(reading))),
    ]);
  return [...readings];
}

/** %XX runs, hex of either case, read as UTF-8 bytes. */
export function percentDecoded(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) =>
    Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'),
  );
}

/** As application/x-www-form-urlencoded is read: '+' is a space, then percent-decoded. */
function formDecoded(text: string): string {
  return percentDecoded(text.replace(/\+/g, ' '));
}

const SHORT_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** JSON string escapes read: \uXXXX of either case, and \" \\ \/ \b \f \n \r \t. */
export function jsonUnescaped(text: string): string {
  return text.replace(/\\(?:u([0-9a-f]{4})|(.))/gis, (escape, hex: string | undefined, short: string) =>
    hex !== undefined
      ? String.fromCharCode(parseInt(hex, 16))
      : (SHORT_ESCAPES[short] ?? (/["\\/]/.test(short) ? short : escape)),
  );
}
