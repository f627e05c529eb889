import { alternatives, joinWithin, nameExcerpt } from '../text/message-values.js';
import { README_TODO } from '@connector-alm/core';
import type { Profile } from '../model/finding.js';
import type { RuleContext, RuleDefinition } from '../model/rule.js';
import { asString, entriesOf, asObject } from '../swagger/json-values.js';
import { hasParameterType } from './api-properties/connection-parameters.js';
import {
  closestOperationName,
  type OperationCandidate,
  type OperationName,
} from './readme/closest-operation.js';
import { normalizeTitle } from '../text/normalize-title.js';
import { outlineOf, type ReadmeHeading, type ReadmeOutline } from './readme/outline.js';
import { oldProductNames } from './readme/product-names.js';
import {
  CREDENTIALS_HEADING,
  findSection,
  SUPPORTED_OPERATIONS_HEADING,
  TEMPLATE_SECTIONS,
} from './readme/sections.js';

/**
 * Template text left in place (18 merged readmes still say "Publisher's Name"), and the TODOs of the
 * readme extract-connectors writes. `contains`: text that every match contains, searched first
 * because the engine finds a plain string far faster than it tries a pattern at every line start
 * (the "# Title" pattern: 1.1 ms a corpus run, 0.1 ms with it). `message` says what to write instead.
 */
/** The line ends of a pattern with the m flag, in a character class: CR, LF, LS and PS. */
const LINE_END = '\\r\\n\\u2028\\u2029';

const PLACEHOLDERS: { pattern: RegExp; message: (match: RegExpExecArray) => string; contains?: string }[] = [
  { pattern: /Publisher's Name/g, message: () => upstreamText("Publisher's Name") },
  /*
   * The template's two sentences in one pattern: a case-insensitive scan of the corpus readmes costs
   * ~0.7 ms a run for each sentence, and ~0.85 ms for both at once. They start with different
   * letters, so at most one matches at a position, and neither can start again inside itself, so
   * searching on from one character after each match's start finds each sentence where its own
   * pattern would, also where one starts with the other's last letter ("…get starteDescription…").
   */
  {
    pattern: /Description of operation \d|Optional\. How to get started/gi,
    message: ([match]) =>
      upstreamText(/^d/i.test(match) ? 'Description of operation N' : 'Optional. How to get started…'),
  },
  // Spaces and tabs only: \s would take the CR of a CRLF line ending, or run into the next line.
  { pattern: /^#[ \t]*Title[ \t]*$/gm, message: () => upstreamText('# Title'), contains: 'Title' },
  /*
   * The instruction under each heading of the repository readme templates, left in place under
   * a filled-in heading: "Required. Explain the authentication method and how to get the
   * credentials." is in two merged readmes. Only the templates' own sentences, so that prose that
   * starts with "Required." is not taken; the line is marked up to its last visible character (the
   * templates end some lines with a zero-width space).
   */
  {
    pattern:
      /^Required(?:\.[ \t]+| for )(?:One paragraph, two to three sentences|Any plans or licenses|Describe actions, triggers|Explain the authentication method|Include any known issues|Add instructions on how to deploy|It should be the company or organization|For Independent-Publisher-Connector|Independent-Publisher-Connector)(?:[^\r\n]*[^\s\u200b])?/gm,
    message: ([line]) => upstreamText(templateInstruction(line)),
    contains: 'Required',
  },
  {
    pattern:
      /^Optional\.[ \t]+(?:Include frequently asked questions|Add instructions on how to deploy)(?:[^\r\n]*[^\s\u200b])?/gm,
    message: ([line]) => upstreamText(templateInstruction(line)),
    contains: 'Optional.',
  },
  /*
   * The TODOs of extract-connectors' readme, in capitals where it writes them, so that "Todoist" or
   * "To Do lists" in prose is no placeholder: a line "TODO: <what to write>", the whole line marked.
   */
  {
    /*
     * The note's first character cannot be a space or tab, so the spaces before it are taken one way
     * only, and it stops at every line end `^` starts after (LS and PS too): `[ \t]*([^\r\n]*\S)`
     * took quadratic time on a line of spaces and tabs (100,000 of them: 13 s).
     */
    pattern: new RegExp(`^${README_TODO}:[ \\t]*((?:[^ \\t${LINE_END}][^${LINE_END}]*)?[^\\s])`, 'gm'),
    message: ([line, what]) =>
      `The readme still says "${nameExcerpt(line)}": replace the line with ${nameExcerpt(what)}${/[.!?]$/.test(what!) ? '' : '.'}`,
    contains: `${README_TODO}:`,
  },
  // A heading "## Publisher: TODO", the whole heading marked.
  {
    // As for the note above: the label starts with no space or tab, and stops at every line end.
    pattern: new RegExp(
      `^#{1,6}[ \\t]+((?:[^ \\t${LINE_END}:][^${LINE_END}:]*)?[^\\s:])[ \\t]*:[ \\t]*${README_TODO}[ \\t]*$`,
      'gm',
    ),
    message: ([heading, label]) =>
      `The readme still says "${nameExcerpt(heading.trim())}": replace ${README_TODO} with the ${nameExcerpt(label!.toLowerCase())}.`,
    contains: README_TODO,
  },
];

const upstreamText = (text: string) => `"${text}" is text of the readme template; replace it.`;

/** The first five words of a template instruction line, enough to recognize it. */
const templateInstruction = (line: string) => `${line.split(/\s+/).slice(0, 5).join(' ')}…`;

/** Headings of operation sections README-OPS-MATCH names; the corpus's readmes have at most three. */
const MAX_LISTED_SECTIONS = 3;

/** Sub-headings of Supported Operations that group operations rather than name one. */
const GROUPING_HEADING = /^(actions?|triggers?|operations?|supportedoperations|webhooks?|deprecated.*)$/;

/**
 * Other sections of the readme template (and "Getting Started", "Frequently Asked Questions"), nested
 * in Supported Operations by a heading level too deep (monday's "### Obtaining Credentials"): they
 * name no operation, stale or not.
 */
const TEMPLATE_SECTION_HEADING =
  /^(publisher.*|prerequisites?|obtainingcredentials|gettingstarted|knownissues(andlimitations)?|limitations|frequentlyaskedquestions|faqs?|deploymentinstructions|(further)?support(anddocumentation)?|documentation|contactus)$/;

function outline(context: RuleContext): ReadmeOutline | undefined {
  const document = context.connector.files.readme?.document;
  return document === undefined ? undefined : outlineOf(document);
}

function sectionsRule(id: string, profile: Profile, level: 'warning', template: string): RuleDefinition {
  return {
    id,
    file: 'readme',
    title: `The readme follows the ${template} readme template.`,
    description: `The ${template} readme template has the sections ${TEMPLATE_SECTIONS.map((section) => `${section.heading}${section.requiredIn.includes(profile) ? '' : ' (optional)'}`).join(', ')}. Reviewers ask for them; usual variants ("How to get credentials", "Supported Actions") are accepted, and an MCP server connector may list its tools, or what they can do, under a heading of their own ("## Available Tools", "## Supported Capabilities") in place of Supported Operations. Merged readmes: ${profile === 'certified' ? 'certified readmes vary a lot (Publisher 45%, Obtaining Credentials 44%, Deployment 52%)' : 'independent publishers follow the template closely (Publisher, Prerequisites and Supported Operations 98%, Obtaining Credentials 85%, Known Issues 93%)'}.`,
    levels: { certified: 'off', 'independent-publisher': 'off', custom: 'off', [profile]: level },
    example: {
      bad: '# Contoso\nA connector.',
      // Every section the template requires: a readme with only some of them still fires the rule.
      good: [
        '# Contoso',
        ...TEMPLATE_SECTIONS.filter((section) => section.requiredIn.includes(profile)).map((section) =>
          section.heading.replace('<name>', 'Contoso Ltd'),
        ),
      ].join('\n'),
    },
    check(context) {
      const readme = outline(context);
      if (!readme) return;
      const firstHeading = readme.headings[0];
      let lookalikes: HeadingLookalike[] | undefined;
      for (const section of TEMPLATE_SECTIONS) {
        if (!section.requiredIn.includes(context.profile)) continue;
        if (findSection(readme.headings, section.matches)) continue;
        if (section.mcpMatches && hasMcpServer(context) && findSection(readme.headings, section.mcpMatches))
          continue;
        const message = `The readme has no "${section.heading}" section, which the ${template} readme template requires.`;
        lookalikes ??= headingLookalikes(readme.text);
        const lookalike = lookalikes.find((line) => section.matches.test(line.normalized));
        if (lookalike) {
          // The maker sees the heading in the file: say why Markdown (and GitHub) does not.
          const why =
            lookalike.after === 'space'
              ? 'it is inside a code block (look for a ``` above it that is not closed)'
              : lookalike.after === 'no-break space'
                ? `the space after "${lookalike.marker}" is a no-break space; type a normal space`
                : `Markdown needs a space after "${lookalike.marker}"`;
          context.report({
            offset: lookalike.offset,
            length: lookalike.text.length,
            message: `${message} "${nameExcerpt(lookalike.text)}" is no heading: ${why}.`,
          });
          continue;
        }
        context.report({
          ...(firstHeading ? { offset: firstHeading.offset, length: firstHeading.length } : { line: 1 }),
          message,
        });
      }
    },
  };
}

/** A line that reads as a heading to a person but not to Markdown: "##Deployment", "##\u00a0Prerequisites". */
interface HeadingLookalike {
  text: string;
  offset: number;
  /** The number signs, "##". */
  marker: string;
  /**
   * What follows the marker. A space: the line would be a heading, so it is in a code block (the
   * section would have been found otherwise), as after Tesseron ASM Basic Data's lone ```.
   */
  after: 'space' | 'no-break space' | 'text';
  /** The text after the marker, normalized like a heading's. */
  normalized: string;
}

/** One to three number signs (the depths template sections are found at), then anything but another sign. */
const HEADING_LOOKALIKE = /^ {0,3}(#{1,3})(?=[^\s#]|[ \t\u00a0])[^\r\n]*/gm;

function afterMarker(code: number): HeadingLookalike['after'] {
  if (code === 0x20 || code === 0x09) return 'space';
  return code === 0xa0 ? 'no-break space' : 'text';
}

/** Read only when a template section is missing: 7 merged readmes have such a line. */
function headingLookalikes(text: string): HeadingLookalike[] {
  const lines: HeadingLookalike[] = [];
  HEADING_LOOKALIKE.lastIndex = 0;
  for (let match = HEADING_LOOKALIKE.exec(text); match !== null; match = HEADING_LOOKALIKE.exec(text)) {
    const marker = match[1]!;
    const line = match[0].trimEnd();
    const offset = match.index + match[0].indexOf('#');
    lines.push({
      text: line.trimStart(),
      offset,
      marker,
      after: afterMarker(text.charCodeAt(offset + marker.length)),
      normalized: normalizeTitle(text, offset + marker.length, match.index + line.length),
    });
  }
  return lines;
}

/** What the Supported Operations cross-check learns from the swagger's operations, in one pass. */
interface OperationNames {
  /** Summaries users see (not internal, not deprecated) that the section's text does not contain. */
  missing: string[];
  /** Every operation's summary, normalized: the name operations are mostly listed under. */
  summaries: Set<string>;
}

/**
 * Where a name occurs in the section, searched after `from` first and from the start only when it is
 * not there, or -1. Sections mostly list operations in the swagger's order, so each search mostly
 * goes from one operation to the next rather than through the section from its start (searching the
 * corpus sections for their summaries: 5.4 -> 3.4 ms a run).
 */
function indexInSection(section: string, name: string, from: number): number {
  const at = section.indexOf(name, from);
  if (at !== -1 || from === 0) return at;
  // Only what starts before `from` is left to search: a name the section misses (a quarter of the
  // corpus summaries) is no longer searched for twice after `from` (2.05 -> 1.76 ms a run).
  return section.slice(0, from + name.length - 1).indexOf(name);
}

/**
 * The Supported Operations section, asked for the names it lists (all names normalized).
 *
 * A sub-heading whose text stands as written in its line is a piece of the section's text, and
 * normalizing keeps or drops each character on its own, so the section contains that heading's name:
 * such names answer without the section being normalized and searched. Sections mostly list
 * operations as such sub-headings (2,185 of the corpus's 4,573 visible summaries), and 108 of its 327
 * sections list every visible summary so, which are then never normalized: the rule over the corpus
 * takes 9.2-9.45 ms of CPU instead of 9.8-10.3 (fastest of 100, 3 interleaved pairs).
 */
class SectionText {
  /** Each sub-heading's text, with its name: a summary written the same has the same name. */
  private readonly headingNames = new Map<string, string>();
  /** The names of the sub-headings written as is: the section's text contains them. */
  private readonly writtenNames = new Set<string>();
  private normalized: string | undefined;
  /** Just after the name the search found last. */
  private from = 0;
  constructor(
    private readonly readme: ReadmeOutline,
    private readonly section: ReadmeHeading,
    subHeadings: readonly ReadmeHeading[],
  ) {
    for (const heading of subHeadings) {
      this.headingNames.set(heading.text, heading.normalized);
      if (isWrittenAsIs(readme, heading)) this.writtenNames.add(heading.normalized);
    }
  }

  /**
   * A summary's name: a summary that reads as a sub-heading (2,081 of the corpus's 5,174) has its
   * name already, and is not normalized again.
   */
  nameOf(summary: string): string {
    return this.headingNames.get(summary) ?? normalizeTitle(summary);
  }

  /**
   * Whether the section lists an operation by its operationId instead of its summary: as a
   * sub-heading ("### SendSMS" in SMS Wireless Services), or written as is in its text when the id is
   * a compound one (`TimeCard_Get`, **GetAccount**). A one-word id ("Board", "Assign") written in a
   * sentence is only a word, so it does not count.
   */
  listsOperationId(operationId: string): boolean {
    const normalized = normalizeTitle(operationId);
    for (const name of this.headingNames.values()) if (name === normalized) return true;
    if (!COMPOUND_IDENTIFIER.test(operationId)) return false;
    const text = this.readme.text;
    const end = this.section.bodyEnd;
    for (
      let at = text.indexOf(operationId, this.section.bodyStart);
      at !== -1;
      at = text.indexOf(operationId, at + 1)
    ) {
      if (at + operationId.length > end) return false;
      if (
        !isIdentifierChar(text.charCodeAt(at - 1)) &&
        !isIdentifierChar(text.charCodeAt(at + operationId.length))
      ) {
        return true;
      }
    }
    return false;
  }

  contains(name: string): boolean {
    if (this.writtenNames.has(name)) return true;
    this.normalized ??= normalizeTitle(this.readme.text, this.section.bodyStart, this.section.bodyEnd);
    const at = indexInSection(this.normalized, name, this.from);
    if (at === -1) return false;
    this.from = at + name.length;
    return true;
  }
}

/** An identifier of several parts: a lower-case letter before a capital, an underscore or a digit. */
const COMPOUND_IDENTIFIER = /[a-z][A-Z]|_|\d/;

/** A letter, digit or underscore (NaN, before or after the text, is none). */
function isIdentifierChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/**
 * Whether a heading's text is written as is in its line, so that the section holding it contains it;
 * not a heading whose markup is dropped from its text (`&amp;` displays "&", a link its text only).
 */
function isWrittenAsIs(readme: ReadmeOutline, heading: ReadmeHeading): boolean {
  const at = readme.text.indexOf(heading.text, heading.offset);
  return at !== -1 && at + heading.text.length <= heading.offset + heading.length;
}

/**
 * Each summary is normalized once, and checked against the section as it is read: no list of every
 * visible summary (README-OPS-MATCH allocated 3.7-4.0 MB a corpus run with it, 3.4-3.5 MB without).
 */
function operationNames(context: RuleContext, sections: readonly SectionText[]): OperationNames {
  const missing: string[] = [];
  const summaries = new Set<string>();
  const first = sections[0]!;
  for (const operation of context.swagger?.operations ?? []) {
    const summary = asString(operation.operation.summary);
    // Trimming changes no normalized name: spaces are dropped anyway.
    const normalized = summary ? first.nameOf(summary) : '';
    if (summary) summaries.add(normalized);
    // An MCP server's operation stands for the server's tools, which the readme may list in its place.
    if (operation.isInternal || operation.isDeprecated || operation.isMcp || !normalized) continue;
    if (isListed(sections, normalized, operation.operationId)) continue;
    missing.push(summary!.trim());
  }
  return { missing, summaries };
}

/**
 * Whether a section lists the operation, by its summary's name or its operationId. Plain loops: a
 * callback per operation and section cost the rule ~0.4 MB a corpus run.
 */
function isListed(sections: readonly SectionText[], name: string, operationId: string | undefined): boolean {
  for (let index = 0; index < sections.length; index++) if (sections[index]!.contains(name)) return true;
  if (!operationId) return false;
  for (let index = 0; index < sections.length; index++) {
    if (sections[index]!.listsOperationId(operationId)) return true;
  }
  return false;
}

/**
 * The sections that list operations: the first, and others beside it rather than in it (Calendly's
 * "## Supported Triggers" and "## Supported Actions"), where a readme splits them.
 */
function operationSections(headings: readonly ReadmeHeading[]): ReadmeHeading[] {
  const sections: ReadmeHeading[] = [];
  for (const heading of headings) {
    if (heading.depth > 3 || !SUPPORTED_OPERATIONS_HEADING.test(heading.normalized)) continue;
    const last = sections[sections.length - 1];
    if (last && heading.offset < last.bodyEnd) continue;
    sections.push(heading);
  }
  return sections;
}

/**
 * Every operationId, normalized: the other name an operation may be listed under. Only read for a
 * sub-heading that is no summary, which most sections do not have (normalizing every operationId up
 * front: README-OPS-MATCH allocated 3.4-3.6 MB a corpus run with it, 2.9-3.1 MB without).
 */
function normalizedOperationIds(context: RuleContext): Set<string> {
  const operationIds = new Set<string>();
  for (const operation of context.swagger?.operations ?? []) {
    if (operation.operationId) operationIds.add(normalizeTitle(operation.operationId));
  }
  return operationIds;
}

/**
 * Every operation, by the names a heading may list it under, for the operation a stale heading
 * means. Internal and deprecated ones too: a heading may name them, and a stale heading closer to
 * one of them than to any other is no clear hint at another.
 */
function operationCandidates(context: RuleContext, headingNames: ReadonlySet<string>): OperationCandidate[] {
  const candidates: OperationCandidate[] = [];
  for (const { operation, operationId } of context.swagger?.operations ?? []) {
    const names: OperationName[] = [];
    for (const written of [asString(operation.summary)?.trim(), operationId]) {
      const normalized = written ? normalizeTitle(written) : '';
      // An operationId spelling the summary (GetTimeAndBillingEntryAccounts, "Get time and billing
      // entry accounts": 2,483 of the 8,812 names stale headings are compared with) is no other name.
      if (normalized === '' || normalized === names[0]?.normalized) continue;
      names.push({ written: written!, normalized });
    }
    candidates.push({
      names,
      // The summary when it has one (it comes first), else the operationId.
      shownAs: names[0]?.written ?? '',
      hasHeading: names.some((name) => headingNames.has(name.normalized)),
    });
  }
  return candidates;
}

/** Words of the steps that register an OAuth app. */
const REGISTRATION_STEPS = /redirect|regist|client\s*id|create\s+an?\s+(oauth\s+)?app|app\s+registration/i;

/** A heading about the app or its sign-in (normalized): "createazureadapp", "aadauthentication". */
const APP_HEADING = /app|oauth|auth/;

function explainsRegistration(readme: ReadmeOutline, heading: ReadmeHeading): boolean {
  if (heading.depth > 3 || !APP_HEADING.test(heading.normalized)) return false;
  return REGISTRATION_STEPS.test(readme.text.slice(heading.bodyStart, heading.bodyEnd));
}

/** The swagger has an MCP server operation (`x-ms-agentic-protocol`). */
function hasMcpServer(context: RuleContext): boolean {
  for (const operation of context.swagger?.operations ?? []) if (operation.isMcp) return true;
  return false;
}

function usesOAuth(context: RuleContext): boolean {
  if (hasParameterType(context.apiProperties, 'oauthSetting')) return true;
  return entriesOf(context.swagger?.root.securityDefinitions).some(
    ([, definition]) => asObject(definition)?.type === 'oauth2',
  );
}

export const readmeRules: RuleDefinition[] = [
  {
    id: 'README-PRESENT',
    file: 'readme',
    title: 'The connector folder has a readme.md.',
    description:
      'Every connector needs a readme.md (repository README; certification step 4; policy 5000.1.1.2 "Missing readme file"). Any case of the name works (readme.md, README.md, Readme.md…). 8 certified and 2 IP merged folders have none.',
    levels: { certified: 'error', 'independent-publisher': 'error', custom: 'warning' },
    example: {
      bad: 'a folder with only apiDefinition.swagger.json and apiProperties.json',
      good: 'readme.md beside them',
    },
    check(context) {
      if (context.connector.files.readme) return;
      const misnamed = context.connector.entries.find(
        (entry) => entry.type === 'file' && /^readme(\.|$)/i.test(entry.name),
      );
      context.report({
        file: 'folder',
        message: misnamed
          ? `The connector has no readme.md; rename ${misnamed.name} to readme.md.`
          : 'The connector has no readme.md. Start from the readme template of the repository.',
      });
    },
  },
  sectionsRule('README-SECTIONS-CERT', 'certified', 'warning', 'certified'),
  sectionsRule('README-SECTIONS-IP', 'independent-publisher', 'warning', 'independent publisher'),
  {
    id: 'README-PLACEHOLDER',
    file: 'readme',
    title: 'Replace the readme template text.',
    description:
      'Text of the readme template left in place ("Publisher\'s Name" in 18 merged readmes, "Description of operation 1", "Optional. How to get started…", "# Title", and the instruction under each heading, such as "Required. Explain the authentication method and how to get the credentials." in 2) ends up on the connector documentation page, and so do the TODOs of the readme extract-connectors writes for a connector folder without one: a line "TODO: <what to write>" and a heading "## Publisher: TODO" (in capitals as written there; "todo" in prose, such as "Todoist" or "To Do lists", is no placeholder).',
    levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'info' },
    example: { bad: "## Publisher: Publisher's Name", good: '## Publisher: Contoso Ltd' },
    check(context) {
      const text = context.connector.files.readme?.document?.text;
      if (text === undefined) return;
      for (const { pattern, message, contains } of PLACEHOLDERS) {
        if (contains !== undefined && !text.includes(contains)) continue;
        // An exec loop on the pattern itself: matchAll copies the pattern on every call.
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
          context.report({ offset: match.index, length: match[0].length, message: message(match) });
          pattern.lastIndex = match.index + 1;
        }
      }
    },
  },
  {
    id: 'README-PRODUCT-NAMES',
    file: 'readme',
    title: 'Call the products by their current names (Power Automate, Power Apps).',
    description:
      'Certification reviewers ask to update old product names in readmes: "Please change the text from "Microsoft Flow" to "Microsoft Power Automate"" and "from "PowerApps" to "Power Apps"" (PR #140); "there is no word like `MS Automate` in our product. It was renamed as `Power Automate` long back" (PR #909). Reported in prose: Microsoft Flow, MS Flow, MS Automate, PowerApps and PowerAutomate written as one word; not in code, link targets or addresses (make.powerapps.com). 17 of 367 merged readmes have one, so this is a warning.',
    levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'info' },
    example: {
      bad: 'Use this connector in Microsoft Flow and PowerApps.',
      good: 'Use this connector in Power Automate and Power Apps.',
    },
    check(context) {
      const text = context.connector.files.readme?.document?.text;
      if (text === undefined) return;
      for (const name of oldProductNames(text, () => outline(context)?.codeBlocks ?? [])) {
        context.report({
          offset: name.offset,
          length: name.length,
          message: `"${name.written}" is an old product name: write "${name.current}".`,
        });
      }
    },
  },
  {
    id: 'README-OAUTH-STEPS',
    file: 'readme',
    title: 'For OAuth, the readme explains how to create the OAuth app.',
    description:
      'With OAuth, the readme must give detailed steps to register the OAuth app, including the redirect URL ("The Microsoft Certification Team will use those instructions"; PR template, independent-publisher certification). Checked: an "Obtaining Credentials" section that mentions registering an app or the redirect URL, or, without one, a section named for the app, OAuth or authentication that does.',
    levels: { certified: 'info', 'independent-publisher': 'warning', custom: 'off' },
    example: {
      bad: '## Obtaining Credentials\nSign in with your account.',
      good: '## Obtaining Credentials\nRegister an app at https://developer.contoso.com with the redirect URL https://global.consent.azure-apim.net/redirect …',
    },
    check(context) {
      const readme = outline(context);
      if (!readme || !usesOAuth(context)) return;
      const section = findSection(readme.headings, CREDENTIALS_HEADING);
      const body = section ? readme.text.slice(section.bodyStart, section.bodyEnd) : '';
      if (REGISTRATION_STEPS.test(body)) return;
      // Without a credentials section, the steps may stand under the app's own heading ("Registering
      // an Azure Active Directory application" in Office 365 Users, "Create Azure AD app").
      if (!section && readme.headings.some((heading) => explainsRegistration(readme, heading))) return;
      const where = section ?? readme.headings[0];
      context.report({
        ...(where ? { offset: where.offset, length: where.length } : { line: 1 }),
        message: section
          ? 'The connector uses OAuth, but "Obtaining Credentials" does not explain how to register the OAuth app and its redirect URL (https://global.consent.azure-apim.net/redirect). The certification team follows these steps.'
          : 'The connector uses OAuth, but the readme has no "Obtaining Credentials" section with the steps to register the OAuth app and its redirect URL.',
      });
    },
  },
  {
    id: 'README-OPS-MATCH',
    file: 'readme',
    title: 'Supported Operations lists every visible operation, and only those.',
    description:
      "Beyond Microsoft's checks: the readme's Supported Operations section should name every operation users see (by its summary, or by its operationId as a sub-heading or a compound identifier such as `GetTask`) and no operation that no longer exists, so the documentation matches the connector. Sub-headings that group listed operations, and template sections nested in it, are no operations. A stale heading that is clearly closest to one operation without a heading of its own (at most one edit per five letters, every other operation twice as far and three edits more) is told that operation's summary, the name makers see (its operationId when it has none), whichever name it resembles: \"Did you mean 'Send mail'?\" for \"Send email\", \"Did you mean 'Get time and billing entry accounts'?\" for \"TimeAndBillingEntryAccounts\". In an MCP server connector (`x-ms-agentic-protocol`) the server's operation need not be listed, and headings that name no operation are not reported: they may be the server's tools, which only the server knows.",
    levels: { certified: 'info', 'independent-publisher': 'warning', custom: 'off' },
    example: {
      bad: '## Supported Operations\n### List tasks',
      good: '## Supported Operations\n### List tasks\n### Create a task\n### Get a task',
    },
    check(context) {
      const readme = outline(context);
      if (!readme || !context.swagger) return;
      const sections = operationSections(readme.headings);
      if (sections.length === 0) return;
      const texts = sections.map((section) => {
        const subHeadings = readme.headings.filter((heading) => isSubHeading(heading, section));
        return { section, subHeadings, text: new SectionText(readme, section, subHeadings) };
      });
      const { missing, summaries } = operationNames(
        context,
        texts.map((entry) => entry.text),
      );
      if (missing.length > 0) {
        // Each name an excerpt, as many as fit (joinWithin), and at most a few headings: a readme
        // and a swagger can make both lists as long as they like.
        const names = joinWithin(missing.map((summary) => `"${nameExcerpt(summary)}"`));
        const headings = [...new Set(sections.map((section) => section.text))];
        const where = alternatives(headings, MAX_LISTED_SECTIONS);
        context.report({
          offset: sections[0]!.offset,
          length: sections[0]!.length,
          message:
            missing.length === 1
              ? `The operation ${names} is not listed under ${where}.`
              : `${missing.length} operations are not listed under ${where}: ${names}.`,
        });
      }
      // Built only when a sub-heading is not a summary (most are), or not a name as such.
      let operationIds: Set<string> | undefined;
      let knownNames: string[] | undefined;
      const namesOperation = (heading: ReadmeHeading): boolean => {
        if (summaries.has(heading.normalized)) return true;
        operationIds ??= normalizedOperationIds(context);
        if (operationIds.has(heading.normalized)) return true;
        knownNames ??= [...summaries, ...operationIds].filter((name) => name !== '');
        return knownNames.some((name) => heading.normalized.includes(name));
      };
      // Built for the first stale heading only: most sections have none.
      let candidates: OperationCandidate[] | undefined;
      const meant = (heading: ReadmeHeading): string => {
        candidates ??= operationCandidates(
          context,
          new Set(texts.flatMap((entry) => entry.subHeadings.map((subHeading) => subHeading.normalized))),
        );
        const name = closestOperationName(heading.normalized, candidates);
        return name === undefined ? '' : ` Did you mean '${nameExcerpt(name)}'?`;
      };
      // The tools of an MCP server live on the server, not in the swagger: a heading that names no
      // operation may be one of them, so none is called stale.
      if (hasMcpServer(context)) return;
      for (const { section, subHeadings } of texts) {
        // A heading that names no operation: a group of listed ones (over sub-headings or a list
        // of summaries), or else a stale operation.
        const isGroup = (index: number): boolean => {
          const heading = subHeadings[index]!;
          if (
            GROUPING_HEADING.test(heading.normalized) ||
            TEMPLATE_SECTION_HEADING.test(heading.normalized)
          ) {
            return true;
          }
          const next = subHeadings[index + 1];
          return (
            introducesOnly(readme.text, heading, next) ||
            groupsListedOperations(subHeadings, index, namesOperation) ||
            listsSummaries(readme.text, heading, next, summaries)
          );
        };
        for (let index = 0; index < subHeadings.length; index++) {
          const heading = subHeadings[index]!;
          if (heading.normalized === '' || namesOperation(heading) || isGroup(index)) continue;
          // Under an operation's heading, listed or stale, a heading describes that operation
          // (bitskout's "### Input" and "### Output"); under a group it can be a stale operation.
          const parent = parentIndex(subHeadings, index);
          if (parent !== -1 && (namesOperation(subHeadings[parent]!) || !isGroup(parent))) continue;
          context.report({
            offset: heading.offset,
            length: heading.length,
            message: `"${nameExcerpt(heading.text)}" is listed under ${nameExcerpt(section.text)}, but no operation of the swagger has this summary or operationId.${meant(heading)}`,
          });
        }
      }
    },
  },
];

/**
 * Whether the sub-heading at `index` has a deeper sub-heading that names an operation: it groups
 * operations ("### Tasks" over "#### Fetch list of tasks" in Toggl Plan). One that has only deeper
 * headings naming none ("#### Inputs") can still be a stale operation.
 */
function groupsListedOperations(
  subHeadings: readonly ReadmeHeading[],
  index: number,
  namesOperation: (heading: ReadmeHeading) => boolean,
): boolean {
  const group = subHeadings[index]!;
  for (let next = index + 1; next < subHeadings.length; next++) {
    const heading = subHeadings[next]!;
    if (heading.offset >= group.bodyEnd) return false;
    if (heading.depth > group.depth && namesOperation(heading)) return true;
  }
  return false;
}

/** The index of the nearest sub-heading above the one at `index` that holds it, or -1. */
function parentIndex(subHeadings: readonly ReadmeHeading[], index: number): number {
  const heading = subHeadings[index]!;
  for (let above = index - 1; above >= 0; above--) {
    if (subHeadings[above]!.depth < heading.depth) return above;
  }
  return -1;
}

/** A list item's marker: "*", "-", "+" or "1." / "1)". */
const LIST_ITEM = /^[ \t]*(?:[*+-]|\d+[.)])[ \t]+/gm;

/**
 * Whether the text under a heading, up to the next heading, is a list of listed operations: two
 * items or more that start with a summary ("### Booking" over "* `Get Booking`: …" in StarRez), or
 * a list right under the heading whose every item does (OpenText eDOCS's "### Item" over its one
 * trigger). Only items that start with one: an operation's description may name others (QPP
 * NextGen's "Download File (Blob)" names two in its list of parameters).
 */
function listsSummaries(
  text: string,
  heading: ReadmeHeading,
  next: ReadmeHeading | undefined,
  summaries: ReadonlySet<string>,
): boolean {
  const end = next && next.offset < heading.bodyEnd ? next.offset : heading.bodyEnd;
  let items = 0;
  let found = 0;
  let rightUnder = true;
  LIST_ITEM.lastIndex = heading.bodyStart;
  for (let item = LIST_ITEM.exec(text); item !== null && item.index < end; item = LIST_ITEM.exec(text)) {
    if (items++ === 0) rightUnder = normalizeTitle(text, heading.bodyStart, item.index) === '';
    const lineEnd = text.indexOf('\n', LIST_ITEM.lastIndex);
    const name = normalizeTitle(text, LIST_ITEM.lastIndex, Math.min(lineEnd === -1 ? end : lineEnd, end));
    for (const summary of summaries) {
      if (summary !== '' && name.startsWith(summary)) {
        if (++found === 2) return true;
        break;
      }
    }
  }
  return rightUnder && items > 0 && found === items;
}

/** Sub-headings that describe one operation rather than name one. */
const DETAIL_HEADING =
  /^(inputs?|outputs?|(path|query|header|body)?parameters?|requestbody.*|responses?|returns|examples?|notes?|usage)$/;

/** A request line as a sub-heading: "POST `/{apiVersion}/models`" (Google Gemini). */
const HTTP_REQUEST_HEADING = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+`?\//;

/**
 * Whether the heading has no text of its own before its first sub-heading, which names something
 * other than a detail of an operation: a group's title (Taqnyat SMS's "### Balance" over
 * "#### Get Balance"), not an operation described under "#### Inputs".
 */
function introducesOnly(text: string, heading: ReadmeHeading, next: ReadmeHeading | undefined): boolean {
  if (!next || next.offset >= heading.bodyEnd || next.depth <= heading.depth) return false;
  if (DETAIL_HEADING.test(next.normalized) || HTTP_REQUEST_HEADING.test(next.text)) return false;
  return normalizeTitle(text, heading.bodyStart, next.offset) === '';
}

function isSubHeading(heading: ReadmeHeading, section: ReadmeHeading): boolean {
  return heading.offset > section.offset && heading.offset < section.bodyEnd && heading.depth > section.depth;
}
