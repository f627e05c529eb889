/**
 * The most characters of a rule's `fullDescription.text` that code scanning takes: "The max number of
 * characters is limited to 1000" ("SARIF support for code scanning", reportingDescriptor object,
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#reportingdescriptor-object).
 * A few reference texts are longer (the breaking-change rules that explain the versioning process,
 * REPO-CONFIG-LOOSENED); the rule's help, which code scanning shows below it, keeps the whole text.
 */
export const FULL_DESCRIPTION_LIMIT = 1000;

const ELLIPSIS = '…';

/**
 * The text as a fullDescription: as it is when it fits; else its whole sentences that fit, then an
 * ellipsis, so that the alert page reads a complete thought and the help goes on with the rest. A
 * text whose first sentence alone does not fit is cut at a space. Counted in UTF-16 code units, as
 * JavaScript and the SARIF schema's string lengths count, which is never fewer than the characters.
 */
export function fullDescriptionText(text: string, limit = FULL_DESCRIPTION_LIMIT): string {
  if (text.length <= limit) return text;
  // Room for " …" after the last sentence kept.
  const room = limit - ELLIPSIS.length - 1;
  const head = text.slice(0, room + 1);
  const sentenceEnd = lastSentenceEnd(head);
  if (sentenceEnd > 0) return `${text.slice(0, sentenceEnd)} ${ELLIPSIS}`;
  const space = head.lastIndexOf(' ');
  const cut = space > 0 ? text.slice(0, space) : text.slice(0, limit - ELLIPSIS.length);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** The offset just after the last `.`, `!` or `?` that a space follows in the text, or 0. */
function lastSentenceEnd(text: string): number {
  let end = 0;
  for (const match of text.matchAll(/[.!?](?=\s)/g)) end = match.index + 1;
  return end;
}
