import type { RuleDefinition } from '../../model/rule.js';
import { placeholderMatches } from './placeholder-matches.js';
import { PLACEHOLDERS } from './placeholders.js';

export const placeholderRule: RuleDefinition = {
  id: 'README-PLACEHOLDER',
  file: 'readme',
  title: 'Replace the readme template text.',
  description:
    'Text of the readme template left in place ("Publisher\'s Name" in 18 merged readmes, "Description of operation 1", "Optional. How to get started…", "# Title", a stand-in for the name on the Publisher heading ("## Publisher: <name>", "## Publisher: Your Name", "## Publisher: [Company]"), and the instruction under each heading, such as "Required. Explain the authentication method and how to get the credentials." in 2) ends up on the connector documentation page, and so do the TODOs of the readme extract-connectors writes for a connector folder without one: a line "TODO: <what to write>" and a heading "## Publisher: TODO" (in capitals as written there; "todo" in prose, such as "Todoist" or "To Do lists", is no placeholder). `pr` and the open-pull-request action refuse to send a readme with these TODOs, whatever the level of this rule.',
  levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'info' },
  example: { bad: "## Publisher: Publisher's Name", good: '## Publisher: Contoso Ltd' },
  check(context) {
    const text = context.connector.files.readme?.document?.firstSideText;
    if (text === undefined) return;
    for (const match of placeholderMatches(text, PLACEHOLDERS)) context.report(match);
  },
};
