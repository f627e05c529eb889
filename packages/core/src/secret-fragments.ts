/**
 * Parts of a secret in a service's answer: a proxy or gateway that quotes the request it got may cut
 * its quote short, and `client_secret=Xy8Q~abcDEF.ghi_jkl-MNOpqrs~tuvWXYZ0` gave 37 of a client
 * secret's 40 characters, which withoutEchoedSecrets, matching the whole secret, left in the log.
 */

/**
 * The fewest consecutive characters of a secret taken out. A part that short tells too little of an
 * Entra ID client secret (40 characters, ~6 bits each) to matter, and 8 of its characters in a row
 * hardly come by chance in an error text (an AADSTS code is 6 letters and digits). Shorter, ordinary
 * words of an answer that a secret happens to hold would be cut out.
 */
export const MIN_FRAGMENT_LENGTH = 8;

/**
 * Secrets longer than this are taken out whole only: those are signed tokens and client assertions
 * (thousands of characters), of which a part cannot be used, and whose every run of 8 would be a
 * search of its own over the answer.
 */
export const MAX_FRAGMENTED_SECRET_LENGTH = 256;

const REDACTED = '***';

/** One character of the text as read through its encodings, and the span of the text it came from. */
interface Unit {
  character: string;
  start: number;
  end: number;
}

/**
 * The text with each run of at least MIN_FRAGMENT_LENGTH consecutive characters of a secret, read
 * through its encodings (a JSON string's escapes, percent-encoding, nested or not), replaced by '***'.
 */
export function withoutSecretFragments(text: string, secrets: readonly string[]): string {
  const fragmented = secrets.filter(
    (secret) => secret.length >= MIN_FRAGMENT_LENGTH && secret.length <= MAX_FRAGMENTED_SECRET_LENGTH,
  );
  if (fragmented.length === 0) return text;
  const windows = new Set<string>();
  for (const secret of fragmented)
    for (let at = 0; at + MIN_FRAGMENT_LENGTH <= secret.length; at++)
      windows.add(secret.slice(at, at + MIN_FRAGMENT_LENGTH));
  const units = readThroughEncodings(text);
  const decoded = units.map((unit) => unit.character).join('');
  // Each unit is one UTF-16 unit of `decoded` (see percentDecoded), so indexes agree.
  const covered = new Uint8Array(units.length);
  for (let at = 0; at + MIN_FRAGMENT_LENGTH <= decoded.length; at++) {
    if (windows.has(decoded.slice(at, at + MIN_FRAGMENT_LENGTH)))
      covered.fill(1, at, at + MIN_FRAGMENT_LENGTH);
  }
  let result = '';
  let copied = 0;
  for (let at = 0; at < units.length; at++) {
    if (!covered[at]) continue;
    let last = at;
    while (last + 1 < units.length && covered[last + 1]) last++;
    result += text.slice(copied, units[at]!.start) + REDACTED;
    copied = units[last]!.end;
    at = last;
  }
  return result + text.slice(copied);
}

/** The text's characters with a JSON string's escapes read, then percent-encoding, up to 4 levels deep. */
function readThroughEncodings(text: string): Unit[] {
  let units = jsonUnescaped(text);
  for (let level = 0; level < 4; level++) {
    const next = percentDecoded(units);
    if (next.length === units.length) break;
    units = next;
  }
  return units;
}

const SHORT_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function jsonUnescaped(text: string): Unit[] {
  const units: Unit[] = [];
  for (let at = 0; at < text.length;) {
    const unicode = text[at] === '\\' ? /^\\u([0-9a-fA-F]{4})/.exec(text.slice(at, at + 6)) : null;
    if (unicode) {
      units.push({ character: String.fromCharCode(parseInt(unicode[1]!, 16)), start: at, end: at + 6 });
      at += 6;
    } else if (text[at] === '\\' && at + 1 < text.length) {
      const escaped = text[at + 1]!;
      units.push({ character: SHORT_ESCAPES[escaped] ?? escaped, start: at, end: at + 2 });
      at += 2;
    } else {
      units.push({ character: text[at]!, start: at, end: at + 1 });
      at += 1;
    }
  }
  return units;
}

/**
 * One level of percent-decoding. Only bytes below 0x80: a secret beyond ASCII is taken out whole
 * (withoutEchoedSecrets) and keeps one unit per character here. A '+' stays a '+', not the space of
 * a form: a client secret may hold '+', and has no space.
 */
function percentDecoded(units: readonly Unit[]): Unit[] {
  const decoded: Unit[] = [];
  for (let at = 0; at < units.length;) {
    const unit = units[at]!;
    const hex = at + 2 < units.length ? units[at + 1]!.character + units[at + 2]!.character : '';
    if (unit.character === '%' && /^[0-7][0-9a-fA-F]$/.test(hex)) {
      decoded.push({
        character: String.fromCharCode(parseInt(hex, 16)),
        start: unit.start,
        end: units[at + 2]!.end,
      });
      at += 3;
    } else {
      decoded.push(unit);
      at += 1;
    }
  }
  return decoded;
}
