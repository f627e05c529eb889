/**
 * Whether a name of SECRET_NAMES (rules/general-secrets/patterns.ts) may end right before a
 * separator. The colon search (json/colons.ts) asks it at every colon, while the text is in the
 * cache, and keeps the few colons it passes for GEN-SECRETS' screen (rules/general-secrets/screen.ts),
 * which also asks it at every `=`. A pure text predicate, so it lives below both: the JSON layer
 * reads no rule's code. The screen's tests check it with every name of SECRET_NAMES, against
 * SECRET_ASSIGNMENT itself.
 */

const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/**
 * Whether a secret name's ending (any case) is right before the separator at `separator`. Going
 * back from it over `\s` characters, then over one quote, lands on the name's last letter, since
 * neither a quote nor a letter is `\s`. Every name of SECRET_NAMES ends with `secret`, `key`,
 * `token`, `wd` (passwd, pwd) or `word` (password), in any case: SECRET_ASSIGNMENT's `i` flag,
 * without `u`, matches an ASCII letter only with its other case, which `| 0x20` folds the same way.
 */
export function secretNameBefore(text: string, separator: number): boolean {
  let end = separator;
  let code = text.charCodeAt(end - 1);
  // A JSON key's quote first: it is before nearly every colon of a swagger.
  if (code === QUOTE) {
    end--;
  } else {
    while (end > 0 && isRegExpSpace(code)) code = text.charCodeAt(--end - 1);
    if (code === QUOTE || code === APOSTROPHE) end--;
  }
  return secretNameEndsAt(text, end);
}

/** Whether a secret name's ending (any case) ends right before `end`. */
export function secretNameEndsAt(text: string, end: number): boolean {
  // Two letters first: they turn away almost every key of a swagger (`description`, `summary`).
  const last = text.charCodeAt(end - 1) | 0x20;
  const beforeLast = text.charCodeAt(end - 2) | 0x20;
  if (beforeLast === 0x65 /* e */) {
    if (last === 0x74 /* t */) return endsWithFolded(text, end, 'secret');
    if (last === 0x79 /* y */) return endsWithFolded(text, end, 'key');
    return last === 0x6e /* n */ && endsWithFolded(text, end, 'token');
  }
  // `wd` (passwd, pwd) or `word` (password).
  if (last !== 0x64 /* d */) return false;
  return beforeLast === 0x77 /* w */ || (beforeLast === 0x72 /* r */ && endsWithFolded(text, end, 'word'));
}

/** Whether `text` ends at `end` with `lowercase` in any ASCII case. */
function endsWithFolded(text: string, end: number, lowercase: string): boolean {
  const start = end - lowercase.length;
  if (start < 0) return false;
  for (let index = 0; index < lowercase.length; index++) {
    if ((text.charCodeAt(start + index) | 0x20) !== lowercase.charCodeAt(index)) return false;
  }
  return true;
}

/** `\s` of a regular expression: ASCII blanks, and the Unicode spaces, line ends and BOM. */
function isRegExpSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
