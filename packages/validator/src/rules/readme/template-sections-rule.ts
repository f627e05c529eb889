import type { Profile } from '../../model/finding.js';
import type { RuleContext, RuleDefinition } from '../../model/rule.js';
import { nameExcerpt } from '../../text/message-values.js';
import { headingLookalikes, type HeadingLookalike } from './heading-lookalikes.js';
import { hasMcpServer } from './mcp-server.js';
import { misspeltHeadings, type MisspeltHeading } from './misspelt-heading.js';
import { outline } from './outline.js';
import { namesNoPublisher, publisherAdvice } from './publisher-name.js';
import { CREDENTIALS_SECTION, findSection, TEMPLATE_SECTIONS } from './sections.js';
import { usesOAuth } from './uses-oauth.js';
import { explainsRegistrationUnderAppHeading } from './oauth-steps-rule.js';
import { enclosingBlock, type EnclosingBlock } from './enclosing-block.js';

export function sectionsRule(
  id: string,
  profile: Profile,
  level: 'warning',
  template: string,
): RuleDefinition {
  return {
    id,
    file: 'readme',
    title: `The readme follows the ${template} readme template.`,
    description: `The ${template} readme template has the sections ${TEMPLATE_SECTIONS.map((section) => `${section.heading}${section.requiredIn.includes(profile) ? '' : ' (optional)'}`).join(', ')}. Reviewers ask for them; usual variants ("How to get credentials", "Supported Actions") are accepted, and an MCP server connector may list its tools, or what they can do, under a heading of their own ("## Available Tools", "## Supported Capabilities") in place of Supported Operations. The Publisher heading names the publisher, on it or on the lines under it: "## Publisher:" with no name is reported (a stand-in such as "<name>" or "Your Name" is README-PLACEHOLDER's). A missing section whose heading is there but misspelt ("## Prerequisities", "## Supproted Operations": the same first letter, then one edit, a swap of two letters counted as one, or one in eight letters of a longer name) is reported on that heading, with the spelling to write. Merged readmes: ${profile === 'certified' ? 'certified readmes vary a lot (Publisher 45%, Obtaining Credentials 44%, Deployment 52%)' : 'independent publishers follow the template closely (Publisher, Prerequisites and Supported Operations 98%, Obtaining Credentials 85%, Known Issues 93%)'}.`,
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
      // Read only when a section is missing, as the lookalikes are.
      let misspelt: readonly MisspeltHeading[] | undefined;
      for (const section of TEMPLATE_SECTIONS) {
        if (!section.requiredIn.includes(context.profile)) continue;
        const found = findSection(readme.headings, section.matches);
        if (found) {
          // "## Publisher:" with no name, on it or under it: the section is there, but says nothing.
          if (section.namesPublisher && namesNoPublisher(readme, found)) {
            context.report({
              offset: found.offset,
              length: found.length,
              message: `The heading "${nameExcerpt(readme.text.slice(found.offset, found.offset + found.length).trim())}" names no publisher, which the ${template} readme template asks for: ${publisherAdvice(context.profile)}.`,
              matchedAs: 'README-SECTIONS\u0000The Publisher heading names no publisher.',
            });
          }
          continue;
        }
        if (section.mcpMatches && hasMcpServer(context) && findSection(readme.headings, section.mcpMatches))
          continue;
        const missing = (by: string) =>
          `The readme has no "${section.heading}" section, which ${by} requires.`;
        // The twin rule of the other profile says the same but for the template's name: a connector
        // moved between the trees still lacks the section, which is no new problem, nor one fixed.
        const matchedAs = `README-SECTIONS\u0000${missing('the readme template')}`;
        /** Reports the missing section, then `more` of it, and `advice` in the message only, at `at`. */
        const report = (at: { offset: number; length: number } | { line: number }, more = '', advice = '') =>
          context.report({
            ...at,
            message: `${missing(`the ${template} readme template`)}${more}${advice}`,
            matchedAs: `${matchedAs}${more}`,
          });
        lookalikes ??= headingLookalikes(readme.text);
        const lookalike = lookalikes.find((line) => section.matches.test(line.normalized));
        if (lookalike) {
          // The maker sees the heading in the file: say why Markdown (and GitHub) does not.
          const why =
            lookalike.after === 'space'
              ? whyNoHeading(enclosingBlock(readme.text, readme.codeBlocks, lookalike.offset), (offset) =>
                  lineOf(context, offset),
                )
              : lookalike.after === 'no-break space'
                ? `the space after "${lookalike.marker}" is a no-break space; type a normal space`
                : `Markdown needs a space after "${lookalike.marker}"`;
          report(
            { offset: lookalike.offset, length: lookalike.text.length },
            ` "${nameExcerpt(lookalike.text)}" is no heading: ${why}.`,
          );
          continue;
        }
        misspelt ??= misspeltHeadings(readme.headings);
        const slip = misspelt.find((entry) => entry.section === section);
        if (slip) {
          report(
            { offset: slip.heading.offset, length: slip.heading.length },
            ` The heading "${nameExcerpt(slip.heading.text)}" looks misspelt: write "${nameExcerpt(slip.written)}".`,
          );
          continue;
        }
        // README-OAUTH-STEPS leaves a readme without the section to this rule: ask for its steps here,
        // unless the readme gives them under the app's own heading (Office 365 Users).
        const oauthSteps =
          section.matches === CREDENTIALS_SECTION &&
          usesOAuth(context) &&
          !explainsRegistrationUnderAppHeading(readme)
            ? ' The connector uses OAuth: give there the steps to register the OAuth app and its redirect URL, which the certification team follows.'
            : '';
        // What to write on the Publisher heading, which its template form "<name>" does not say: in the
        // message only, so that the finding stays the one a base has.
        report(
          firstHeading ? { offset: firstHeading.offset, length: firstHeading.length } : { line: 1 },
          oauthSteps,
          section.namesPublisher ? ` To add it, ${publisherAdvice(context.profile)}.` : '',
        );
      }
    },
  };
}

/**
 * Why a line written as a heading is none, from the block around it: the hint was "look for a ```
 * above it that is not closed" also for a heading in an HTML comment or in a fence closed below it.
 */
function whyNoHeading(block: EnclosingBlock, lineAt: (offset: number) => number): string {
  if (block.kind === 'comment')
    return `it is inside an HTML comment (the <!-- at line ${lineAt(block.start)}), which the page does not show`;
  if (block.kind === 'other')
    return 'Markdown reads it as part of the block around it (HTML or a code block), not as a heading';
  if (block.fence === undefined) return `it is inside a code block indented from line ${lineAt(block.start)}`;
  const fence = block.fence.slice(0, 3);
  return block.closed
    ? `it is inside the code block from the ${fence} at line ${lineAt(block.start)} to line ${lineAt(block.end - 1)}`
    : `it is inside a code block: the ${fence} at line ${lineAt(block.start)} opens one that is never closed`;
}

/** The line of an offset of the readme, as its findings are placed. */
function lineOf(context: RuleContext, offset: number): number {
  return context.connector.files.readme?.document?.position(offset).line ?? 1;
}
