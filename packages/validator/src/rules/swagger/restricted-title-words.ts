import { oneOf, trimEndWhere } from '@connector-alm/core';
/**
 * Product names that must not appear in a connector's title or description (CERT: "Copilot Studio,
 * or any of our other Power Platform product names"; STR; PR #3407). Power Pages is one of them
 * since 2022, though the docs only give Power Apps as the example.
 */
export const PRODUCT_NAMES =
  /\b(power ?apps|power ?automate|logic ?apps|microsoft flow|power ?bi|power ?pages|power virtual agents|copilot studio)\b/gi;
/** Words the title must not use besides the product names (CERT; STR). */
const TITLE_WORDS = /\b(apis?|connectors?)\b/gi;

/** Words that joined a restricted word to the rest of a title ("Tasks for Power Apps"). */
const JOINERS = new Set(['for', 'with', 'to', 'and', 'of', 'in', 'on', 'by', '&', '-', '+']);

/**
 * The first group of every match, lower-cased, each once, in the order found. An exec loop on the
 * pattern itself: matchAll builds a new regular expression for every call (with the arrays around
 * it, 1.8 ms of the title and description checks' 2 ms a corpus run). The global pattern's lastIndex
 * is 0 again when the loop ends (exec resets it on a failed search).
 */
export function distinctMatches(text: string, pattern: RegExp): string[] {
  pattern.lastIndex = 0;
  let match = pattern.exec(text);
  // Nearly every text names none (every operation's summary and description is searched): no set.
  if (match === null) return [];
  const found = new Set<string>();
  for (; match !== null; match = pattern.exec(text)) found.add(match[1]!.toLowerCase());
  return [...found];
}

/** The restricted words a title uses ('api', 'connector', product names), lower-cased, each once. */
export function restrictedTitleWords(title: string): string[] {
  return [...distinctMatches(title, TITLE_WORDS), ...distinctMatches(title, PRODUCT_NAMES)];
}

/** The title without its restricted words, as SWG-INFO-TITLE-WORDS's example of the fix ('' when nothing is left). */
export function titleWithoutRestrictedWords(title: string): string {
  const words = title.replace(TITLE_WORDS, ' ').replace(PRODUCT_NAMES, ' ').split(/\s/).filter(Boolean);
  let first = 0;
  let end = words.length;
  while (first < end && JOINERS.has(words[first]!.toLowerCase())) first++;
  while (end > first && JOINERS.has(words[end - 1]!.toLowerCase())) end--;
  // A word joined to a restricted one by punctuation keeps it (`Web-API` leaves `Web-`): a title
  // ending so breaks SWG-INFO-TITLE-END, which the example of the fix must not.
  return trimEndWhere(words.slice(first, end).join(' '), isJoiningPunctuation);
}

/** Punctuation that ends a title when a restricted word after it is taken away; a bracket closes something. */
const isJoiningPunctuation = oneOf(' -\u2013\u2014_/\\:;,.&+|');

/**
 * The title SWG-INFO-TITLE-WORDS asks for, where the rules that compare with the title or suggest
 * one (REPO-FOLDER-NAME, REPO-PR-TITLE-IP) must not contradict it: "Weather Now" for "Weather Now
 * API Connector", whose folder "Weather Now" was said not to be named like the title. Undefined
 * when the title has no restricted word, or nothing but them.
 */
export function titleAsRequired(title: string): string | undefined {
  if (restrictedTitleWords(title).length === 0) return undefined;
  return titleWithoutRestrictedWords(title) || undefined;
}
