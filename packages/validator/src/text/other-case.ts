/**
 * The candidate that is `name` written in another case, if any: `basepath` for `basePath`, an
 * operationId `Listforms` for `ListForms`, a key `oauthSettings` for `oAuthSettings`. Such a slip is
 * the commonest, and names are read exactly as written (JSON keys, operationIds, enum values), so a
 * message that names the spelling meant is one the maker can act on at once. `name` itself is not
 * another case of itself, so the candidates may include it.
 *
 * `spacesAround` also takes a candidate with spaces around it (" PropertyName"), where such a key is
 * as plainly meant as one in another case.
 */
export function inOtherCase(
  name: string,
  candidates: Iterable<string>,
  options: { spacesAround?: boolean } = {},
): string | undefined {
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const written = options.spacesAround ? candidate.trim() : candidate;
    if (written.toLowerCase() === lower) return candidate;
  }
  return undefined;
}
