import type { RuleDefinition } from '../model/rule.js';
import { oauthStepsRule } from './readme/oauth-steps-rule.js';
import { operationsMatchRule } from './readme/operations-match-rule.js';
import { PLACEHOLDERS } from './readme/placeholders.js';
import { oldProductNames } from './readme/product-names.js';
import { outline } from './readme/rule-context.js';
import { sectionsRule } from './readme/template-sections-rule.js';

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
  oauthStepsRule,
  operationsMatchRule,
];
