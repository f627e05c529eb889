import type { RuleDefinition } from '../../model/rule.js';
import { PLACEHOLDERS } from './placeholders.js';

export const placeholderRule: RuleDefinition = {
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
};
