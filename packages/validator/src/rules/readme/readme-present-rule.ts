import { README_TEMPLATES } from './readme-templates.js';
import type { RuleDefinition } from '../../model/rule.js';
import { isInHouseConnector } from '../in-house-connector.js';
import { checkedMeanwhile } from '../checked-meanwhile.js';
import { fileRename } from '../file-rename-fix.js';
import { isReadUnderMeantName } from '../../loader/connector-folder.js';

export const readmePresentRule: RuleDefinition = {
  id: 'README-PRESENT',
  file: 'readme',
  title: 'The connector folder has a readme.md.',
  description:
    'Every connector needs a readme.md (repository README; certification step 4; policy 5000.1.1.2 "Missing readme file"). Any case of the name works (readme.md, README.md, Readme.md…). A readme under another name (Readme.md.txt, readme.txt) is said to be renamed, and is checked as the readme meanwhile. 8 certified and 2 IP merged folders have none. The message links the readme template to start from: PowerPlatformConnectors\' templates/certified-connectors/readme.md, templates/Independent Publisher/readme.md, or templates/readme.md for a custom connector; for a custom connector outside the PowerPlatformConnectors layout (a company\'s own repository), what the readme should say instead.',
  levels: { certified: 'error', 'independent-publisher': 'error', custom: 'warning' },
  namesFixes: 'fileRenames',
  example: {
    bad: 'a folder with only apiDefinition.swagger.json and apiProperties.json',
    good: 'readme.md beside them',
  },
  check(context) {
    const read = context.connector.files.readme;
    if (read && !isReadUnderMeantName(read)) return;
    // Read under a name only meant as the readme's (Readme.md.txt): REPO-FILENAMES leaves the rename
    // to this rule, which says that it was checked. Else a name like it that nothing reads (readme.rst).
    const misnamed =
      read?.name ??
      context.connector.entries.find((entry) => entry.type === 'file' && /^readme(\.|$)/i.test(entry.name))
        ?.name;
    const checked = read ? ` ${checkedMeanwhile('readme.md')}` : '';
    context.report({
      file: 'folder',
      message: misnamed
        ? `The connector has no readme.md; rename ${misnamed} to readme.md.${checked}`
        : isInHouseConnector(context)
          ? 'The connector has no readme.md. Add one for those who use and maintain it: what it is for, how to get access and sign in, and what its operations do.'
          : `The connector has no readme.md. Start from the readme template of PowerPlatformConnectors: ${README_TEMPLATES[context.profile]}`,
      ...(read ? fileRename(read.name, 'readme.md') : {}),
    });
  },
};
