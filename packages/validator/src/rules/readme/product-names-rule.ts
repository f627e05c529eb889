import type { RuleDefinition } from '../../model/rule.js';
import { outline } from './outline.js';
import { oldProductNames } from './product-names.js';

export const productNamesRule: RuleDefinition = {
  id: 'README-PRODUCT-NAMES',
  file: 'readme',
  title: 'Call the products by their current names (Power Automate, Power Apps).',
  description:
    'Certification reviewers ask to update old product names in readmes: "Please change the text from "Microsoft Flow" to "Microsoft Power Automate"" and "from "PowerApps" to "Power Apps"" (PR #140); "there is no word like `MS Automate` in our product. It was renamed as `Power Automate` long back" (PR #909). Reported in prose: Microsoft Flow, MS Flow, MS Automate, PowerApps and PowerAutomate written as one word; not in code, link targets or addresses (make.powerapps.com). The readmes of 16 of the 364 merged certified and independent-publisher connectors have one, so this is a warning.',
  levels: { certified: 'warning', 'independent-publisher': 'warning', custom: 'info' },
  example: {
    bad: 'Use this connector in Microsoft Flow and PowerApps.',
    good: 'Use this connector in Power Automate and Power Apps.',
  },
  check(context) {
    const text = context.connector.files.readme?.document?.firstSideText;
    if (text === undefined) return;
    for (const name of oldProductNames(text, () => outline(context)?.codeBlocks ?? [])) {
      context.report({
        offset: name.offset,
        length: name.length,
        message: `"${name.written}" is an old product name: write "${name.current}".`,
      });
    }
  },
};
