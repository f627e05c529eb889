import { minifyJson, parsesAsJson } from './json-text.js';

/**
 * Whether a file of a connector folder holds the JSON that extraction would write in its place,
 * token for token (key order, number literals and string escapes as written), so that only the
 * whitespace differs: indentation, spacing, line endings, a final newline. Such a file is kept as it
 * is, or every extraction of an unchanged connector would rewrite a folder that the maker (or the
 * upstream repository) formatted otherwise, and git would show every line changed. A file with a
 * byte-order mark or that is not strict UTF-8 JSON is not kept: extraction writes it as JSON should be.
 */
export function sameJsonTokens(present: Buffer, written: string): boolean {
  const text = present.toString('utf8');
  // Bytes that read back as they are: a U+FFFD in the text is then one the file holds (as upstream's
  // Luware Nimbus does), not a sign of lost bytes, which isJson takes it for.
  if (!Buffer.from(text, 'utf8').equals(present) || !parsesAsJson(text)) return false;
  const file = 'compared JSON';
  return minifyJson(text, file, '') === minifyJson(written, file, '');
}
