/**
 * A value from the user's files as a message may show it: with every secret GEN-SECRETS sees in it
 * masked as that rule masks it (`Zq8v****** (24 characters)`), the rest as written. Messages quote
 * values (a URL a rule suggests, an enum, the value `validate --fix` writes, a diff's old and new
 * default), and "no secret is ever printed" held only for GEN-SECRETS' own findings: SWG-META-URL
 * printed the `?access_token=` of the URL it corrected in the same run that masked it. Pure: the
 * secrets are the rule's own (text-secrets.ts), read from the value alone.
 */

import { findColons } from '../../json/colons.js';
import { maskSecret } from './placeholders.js';
import { findTextSecrets } from './text-secrets.js';

/**
 * No text shorter holds a secret: a password in a URL's user information is 8 characters or more,
 * every other secret 12, each with a name or a scheme before it. Most values quoted are shorter
 * (labels, types, names), and return here unread.
 */
const SHORTEST_SECRET_TEXT = 8;

/**
 * How far beyond the characters a message shows the text is read, so that a secret that starts
 * among them is found whole: far longer than any format, key or query value GEN-SECRETS knows. A
 * hostile value of megabytes, of which a message shows 100 characters, is not read to its end.
 */
const READ_BEYOND_SHOWN = 4096;

/**
 * `text` with each secret in it masked in place: a URL keeps its host, path and other parameters,
 * `https://contoso.com/?apikey=Mj5N****** (16 characters)`. `shown` is how many characters the
 * message shows of the result; the text is read that far and READ_BEYOND_SHOWN further.
 */
export function withSecretsMasked(text: string, shown = Infinity): string {
  if (text.length < SHORTEST_SECRET_TEXT) return text;
  const read = text.length - shown > READ_BEYOND_SHOWN ? text.slice(0, shown + READ_BEYOND_SHOWN) : text;
  const secrets = findTextSecrets(read, findColons(read).afterSecretName, { fileLinks: false });
  if (secrets.length === 0) return text;
  let masked = '';
  let from = 0;
  // Formats are found before assignments and URLs: in text order, one inside another is masked with it.
  for (const secret of secrets.sort((a, b) => a.offset - b.offset)) {
    if (secret.offset < from) continue;
    masked += `${read.slice(from, secret.offset)}${maskSecret(secret.value)}`;
    from = secret.offset + secret.length;
  }
  return `${masked}${text.slice(from)}`;
}
