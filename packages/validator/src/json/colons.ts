import { secretNameBefore, secretNameEndsAt } from '../text/secret-name.js';
import { chars, isEscaped, isWhitespace } from './scan.js';

/** What two screens need to know of a text's colons, found in one pass. */
export interface Colons {
  /**
   * How many colons have an unescaped quote as the nearest non-whitespace character before them,
   * as each key's colon of strict JSON does: the text's half of the duplicate-key screen (see
   * `mayHaveDuplicateKeys`).
   */
  afterQuote: number;
  /**
   * The offset of each colon that a secret name may end before (`secretNameBefore`), in text
   * order: the only colons where GEN-SECRETS' `name: "value"` pattern can match (see
   * `screenForSecrets`). 1,661 of the corpus's ~600,000.
   */
  afterSecretName: number[];
}

const { QUOTE } = chars;
const BACKSLASH = 0x5c;

/**
 * Looks at every colon of `text` once, for two screens: the duplicate-key screen, and GEN-SECRETS'
 * look for `name: "value"`. Finding the colons is most of their cost: a native `indexOf` per colon
 * (~15 ns each, ~600,000 colons in the corpus's JSON texts), so a JSON document does it once
 * (`JsonDocument.colons`). The characters before each colon are read here, while the search has
 * just brought them into the cache, rather than later from a list of every colon's offset, as both
 * screens once did: the duplicate-key count cost ~5 ms more a corpus run that way, and the secret
 * names ~4 ms more. In-process on the corpus's texts, each step over all of them in turn with the
 * cache flushed before it (fastest of 25 interleaved rounds): colon search and secrets screen took
 * 13.1 + 13.8 ms with the list of every colon, 14.5 + 9.4 with the names looked at here; the list
 * itself, 2.4 MB a corpus run, is gone. Counting the colons alone: this loop 9 ms;
 * `text.split(':')`, `text.match(/:/g)` and `text.replaceAll(':', '')` 15-20.
 */
export function findColons(text: string): Colons {
  let afterQuote = 0;
  const afterSecretName: number[] = [];
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    if (text.charCodeAt(at - 1) === QUOTE) {
      // A key's quote right before its colon, nearly every colon of a swagger: read once for both
      // screens (the colon search took ~10% less time than with each screen reading it).
      if (text.charCodeAt(at - 2) !== BACKSLASH || !isEscaped(text, at - 1)) afterQuote++;
      if (secretNameEndsAt(text, at - 1)) afterSecretName.push(at);
    } else {
      if (followsQuote(text, at)) afterQuote++;
      if (secretNameBefore(text, at)) afterSecretName.push(at);
    }
  }
  return { afterQuote, afterSecretName };
}

/** Whether the nearest non-whitespace character before the colon at `colon` is an unescaped quote. */
function followsQuote(text: string, colon: number): boolean {
  let before = colon - 1;
  let code = text.charCodeAt(before);
  // Nearly every colon has its key's quote right before it: the whitespace loop is rarely entered.
  while (isWhitespace(code)) code = text.charCodeAt(--before);
  // A key's closing quote is never escaped, so the `\":` of a JSON example inside a description is
  // not counted (the most common reason the counts disagreed on the corpus without any repeated
  // key). It almost never has a backslash before it: the parity count is left for that case.
  return code === QUOTE && (text.charCodeAt(before - 1) !== BACKSLASH || !isEscaped(text, before));
}
