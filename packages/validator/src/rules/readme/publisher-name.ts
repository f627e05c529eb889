import type { Profile } from '../../model/finding.js';
import type { ReadmeHeading, ReadmeOutline } from './outline.js';

/**
 * What to write on the Publisher heading, as the readme templates ask: the certified one a company
 * or organization, the independent publishers' one the first and last name of each (or a company),
 * comma-separated. The examples are names the rules accept.
 */
export function publisherAdvice(profile: Profile): string {
  return profile === 'independent-publisher'
    ? 'write your first and last name after "Publisher:" (or your company\'s name; several, comma-separated), as in "## Publisher: Jane Doe"'
    : 'write the name of the company or organization after "Publisher:", as in "## Publisher: Contoso Ltd"';
}

/**
 * The words of a template's stand-in for the publisher's name: "<name>", "<Company>", "[Publisher]",
 * "Your Name", "First Last", "Company Name". "Publisher's Name", the template's own, is a placeholder
 * of its own (placeholders.ts), and "TODO" the extraction's (extraction-todos.ts): left out, so that
 * each is reported once.
 */
const STAND_IN_WORDS = new Set([
  'your',
  'the',
  'first',
  'last',
  'full',
  'name',
  'names',
  'company',
  "company's",
  'organization',
  'organisation',
  "organization's",
  "organisation's",
  'org',
  'publisher',
  'publishers',
  'author',
  'person',
  'here',
  'and',
  'or',
]);

/** A Publisher heading and what follows "Publisher" on it, for README-PLACEHOLDER (see publisherStandIn). */
export const PUBLISHER_HEADING = /^#{1,6}[ \t]+Publishers?(?:\(s\))?([^\r\n\u2028\u2029]*)$/gim;

/**
 * The stand-in a Publisher heading names in place of the publisher (`after` is what follows
 * "Publisher" on it), bare or in <>, [] or {}: "<name>", "Your Name", "[Company]". Undefined for a
 * name, also one with a stand-in word in it ("Contoso Name Services"), and for a link
 * ("[Contoso](https://contoso.com)").
 */
export function publisherStandIn(after: string): string | undefined {
  let standIn = after.replace(/^[ \t]*[:\-\u2013\u2014]?/, '').trim();
  // The closing #s of an ATX heading ("## Publisher: <name> ##"), without a pattern that backtracks.
  let end = standIn.length;
  while (end > 0 && standIn.charCodeAt(end - 1) === 0x23) end--;
  standIn = standIn.slice(0, end).trim();
  const inner = /^([<[{])(.*)([>\]}])$/.exec(standIn);
  if (inner && '<[{'.indexOf(inner[1]!) !== '>]}'.indexOf(inner[3]!)) return undefined;
  const words = (inner ? inner[2]! : standIn)
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .split(/[\s,/&-]+/)
    .filter((word) => word !== '');
  return words.length > 0 && words.every((word) => STAND_IN_WORDS.has(word)) ? standIn : undefined;
}

/** Letters or digits: a name, however short ("## Publisher: 3M"). */
const NAME_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Whether the Publisher heading names no one: nothing but punctuation after "Publisher" ("## Publisher:",
 * "## Publisher :"), and no name in its section either (merged readmes write it on the next line,
 * "## Publisher\nEntrust Netherlands B.V.", or as a sub-heading, "## Publisher\n### Ahmad Najjar").
 * HTML comments say nothing on the page. A stand-in (publisherStandIn) is README-PLACEHOLDER's.
 */
export function namesNoPublisher(readme: ReadmeOutline, heading: ReadmeHeading): boolean {
  const named = heading.text.replace(/^\s*publishers?(?:\(s\))?/i, '');
  if (NAME_CHARACTER.test(named)) return false;
  const line = readme.text.slice(heading.offset, heading.offset + heading.length);
  PUBLISHER_HEADING.lastIndex = 0;
  const written = PUBLISHER_HEADING.exec(line);
  if (written && publisherStandIn(written[1]!) !== undefined) return false;
  const body = readme.text.slice(heading.bodyStart, heading.bodyEnd).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  return !NAME_CHARACTER.test(body);
}
