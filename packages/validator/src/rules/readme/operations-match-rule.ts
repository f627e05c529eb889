import type { RuleDefinition } from '../../model/rule.js';
import { alternatives, joinWithin, nameExcerpt } from '../../text/message-values.js';
import { closestOperationName, type OperationCandidate } from './closest-operation.js';
import { headingRoles, type HeadingRole, type OperationNaming } from './heading-roles.js';
import {
  missingOperations,
  normalizedOperationIds,
  operationCandidates,
  summaryNames,
} from './listed-operations.js';
import { listedKeys } from './listed-names.js';
import { LooseListing } from './loose-listing.js';
import { lookalikeOperationSections, withLookalikes } from './lookalike-sections.js';
import { operationSections, subHeadingsBySection } from './operation-headings.js';
import { outline, type ReadmeHeading } from './outline.js';
import { hasMcpServer } from './mcp-server.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { misspeltHeadings } from './misspelt-heading.js';
import { findSection, SUPPORTED_OPERATIONS_HEADING } from './sections.js';
import { SectionText } from './section-text.js';

/** Headings of operation sections README-OPS-MATCH names; the corpus's readmes have at most three. */
const MAX_LISTED_SECTIONS = 3;

export const operationsMatchRule: RuleDefinition = {
  id: 'README-OPS-MATCH',
  file: 'readme',
  title: 'Supported Operations lists every visible operation, and no operation the swagger lacks.',
  description:
    'Beyond Microsoft\'s checks: the readme\'s Supported Operations section should name every operation users see (by its summary, or by its operationId as a sub-heading or a compound identifier such as `GetTask`) and no operation that no longer exists, so the documentation matches the connector. Internal and deprecated operations need not be listed, but a heading of one is no stale operation: it names one that exists (the corpus has 13 such headings in 5 merged readmes, helper operations documented and deprecated ones kept). A name a person reads as the operation\'s counts too, as a sub-heading or at the start of a list item where the section lists operations (not under an operation\'s own heading, where they describe it): other articles, case and punctuation ("Get a company" for "Get Company"), without marks such as "(deprecated)" or "(Preview)", or a version such as "V2" where the other name has none ("Create Invoice V1" lists no "Create Invoice V2"; nor does the name of an internal or deprecated operation without one: Zoho Calendar\'s "Get Event list" is its deprecated "Get Event list (deprecated)", and lists no "Get event list (V2)"), a numbering ("2.", "Operation 3") or a "Trigger:" before it, without a last "Operation", "Event" or "Job" ("Find" for "Find Operation"), the summary or operationId without its first word ("Generation" for `GetGeneration`), or its path\'s words ("Regional England" for `/regional/england`); a short name or path several operations share lists none of them. Sub-headings that group listed operations ("Badge Operations" over a list that names one), and template sections nested in it (also "How to get credentials", "… API Documentation", test reports), are no operations. A stale heading that is clearly closest to one operation without a heading of its own (at most one edit per five letters, every other operation twice as far and three edits more) is told that operation\'s summary, the name makers see (its operationId when it has none), whichever name it resembles: "Did you mean \'Send mail\'?" for "Send email", "Did you mean \'Get time and billing entry accounts\'?" for "GetTimeAndBilingEntryAccounts". A heading that misspells the name of an operations section ("## Suported Actions" beside "## Supported Triggers") is read as that section, and the rule names the typo with the spelling to write; where no operations heading is spelt right, README-SECTIONS-* names it instead. So is a line that only looks like the heading ("##Supported Operations" without the space Markdown needs, or with a no-break space), outside code blocks: README-SECTIONS-* asks for the space, and the list under it is checked in the same run. In an MCP server connector (`x-ms-agentic-protocol`) the server\'s operation need not be listed, and headings that name no operation are not reported: they may be the server\'s tools, which only the server knows.',
  levels: { certified: 'info', 'independent-publisher': 'warning', custom: 'off' },
  example: {
    bad: '## Supported Operations\n### List tasks',
    good: '## Supported Operations\n### List tasks\n### Create a task\n### Get a task',
  },
  check(context) {
    const readme = outline(context);
    if (!readme || !context.swagger) return;
    // A misspelt heading lists operations all the same: "## Suported Actions" beside "## Supported
    // Triggers" was read as no section, and its actions as not listed.
    const misspelt = misspeltHeadings(readme.headings).filter(
      ({ section }) => section.matches === SUPPORTED_OPERATIONS_HEADING,
    );
    const misspeltSections = new Set(misspelt.map(({ heading }) => heading));
    let headings = readme.headings;
    let sections = operationSections(headings, misspeltSections);
    if (sections.length === 0) {
      // "##Supported Operations", which README-SECTIONS-* tells to write with a space: its list is
      // checked all the same, lest what it misses come only in the run after the space is added.
      const lookalikes = lookalikeOperationSections(readme);
      if (lookalikes.length === 0) return;
      headings = withLookalikes(headings, lookalikes);
      sections = operationSections(headings, new Set(lookalikes));
    }
    // Said here only beside a section spelt right: without one, README-SECTIONS-* says it, on this line.
    if (findSection(readme.headings, SUPPORTED_OPERATIONS_HEADING)) {
      for (const { heading, written } of misspelt) {
        context.report({
          offset: heading.offset,
          length: heading.length,
          message: `The heading "${nameExcerpt(heading.text)}" looks misspelt: write "${nameExcerpt(written)}".`,
        });
      }
    }
    const subHeadingsOf = subHeadingsBySection(headings, sections);
    const texts = sections.map((section, index) => {
      const subHeadings = subHeadingsOf[index]!;
      // Read by both checks, built when first asked: by the first only when an operation is not
      // found by its summary or operationId.
      let roles: HeadingRole[] | undefined;
      return {
        section,
        subHeadings,
        text: new SectionText(readme, section, subHeadings),
        roles: () => (roles ??= headingRoles(readme.text, subHeadings, naming)),
      };
    });
    const summaryNamesOf = summaryNames(context, texts[0]!.text);
    const summaries = new Set(summaryNamesOf.values());
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
    const loose = new LooseListing(context, () => listedKeys(readme.text, texts));
    // One naming for both checks (headingRoles): by summary or operationId, else by a name a
    // person reads as one operation's own.
    const naming: OperationNaming = {
      summaries,
      namesOperation: (heading) => namesOperation(heading) || loose.namesOwn(heading.text),
      readsAsOperation: (name) => loose.names(name),
    };
    const missing = missingOperations(
      context,
      texts.map((entry) => entry.text),
      summaryNamesOf,
      loose,
    );
    if (missing.length > 0) {
      // Each name an excerpt, as many as fit (joinWithin), and at most a few headings: a readme
      // and a swagger can make both lists as long as they like.
      const shown = missing.map(({ summary }) => `"${nameExcerpt(summary)}"`);
      const names = joinWithin(shown);
      const headings = [...new Set(sections.map((section) => sectionName(section.text)))];
      const where = alternatives(headings, MAX_LISTED_SECTIONS);
      context.report({
        offset: sections[0]!.offset,
        length: sections[0]!.length,
        message:
          missing.length === 1
            ? `The operation ${names} is not listed under ${where}.`
            : `${missing.length} operations are not listed under ${where}: ${names}.`,
        // Listing one of them is no new finding under `validate --base`, adding an operation is. Each
        // part is the operation, not its summary: a summary reworded is no operation newly missing
        // (Morta's "Create a new notification", made "Notification Creation").
        parts: {
          problem: `Operations are not listed under ${where}.`,
          names: missing.map(({ operation }) => operationLabel(operation)),
          shown,
        },
      });
    }
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
    for (const entry of texts) {
      const { section, subHeadings } = entry;
      const roles = entry.roles();
      for (let index = 0; index < subHeadings.length; index++) {
        // A group of listed operations, a template section or what either holds, or a detail under
        // an operation's heading (bitskout's "### Input" and "### Output"): no stale operation.
        if (roles[index] !== 'operation') continue;
        const heading = subHeadings[index]!;
        if (heading.normalized === '' || namesOperation(heading)) continue;
        // A name a person reads as an operation's ("Generation" for GetGeneration) is no stale one.
        if (loose.names(heading.text)) continue;
        context.report({
          offset: heading.offset,
          length: heading.length,
          message: `"${nameExcerpt(heading.text)}" is listed under ${nameExcerpt(sectionName(section.text))}, but no operation of the swagger has this summary or operationId.${meant(heading)}`,
        });
      }
    }
  },
};

/**
 * A section's heading as a message names it, without the colons it may end with: "## Supported
 * actions:" was told as "not listed under Supported actions::" (3 upstream readmes).
 */
function sectionName(heading: string): string {
  // A loop, not /[\s:]+$/, which backtracks quadratically over a long run of colons and spaces.
  let end = heading.length;
  while (end > 0 && (heading[end - 1] === ':' || heading[end - 1]!.trim() === '')) end--;
  return heading.slice(0, end);
}
