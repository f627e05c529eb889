/**
 * The rules of `package check` (and of the check `package build` runs), each once: its title, its
 * level, where it comes from and what to do about it. `connector-alm rules <id>` and docs/rules.md
 * say them from here, and a finding's ruleId must be one of these ids (PackageRuleId), so that every
 * id a user reads in a finding can be looked up. Most are the structure rules of Microsoft's
 * ConnectorPackageValidator.ps1, whose messages the findings repeat; three are ours.
 */
export interface PackageRule {
  id: PackageRuleId;
  title: string;
  /** `error` fails the check (exit code 1); `warning` is said and does not. */
  level: 'error' | 'warning';
  source: string;
  /** What the rule checks, and what to do when it fires. */
  description: string;
}

const VALIDATOR = "Microsoft's ConnectorPackageValidator.ps1";
const OURS = 'connector-alm';

const RULES = {
  'PKG-ZIP-NAME': {
    title: "The package's file name ends in .zip",
    level: 'error',
    source: VALIDATOR,
    description:
      'The validator takes only a file whose name ends in .zip, and stops there. Rename the package so that its name ends in .zip.',
  },
  'PKG-ZIP-UNREADABLE': {
    title: 'Every zip of the package can be read',
    level: 'error',
    source: `${OURS} (the validator stops with an internal error)`,
    description:
      'The package zip or a solution zip in it is not a zip archive, is truncated or damaged, or is refused as unsafe (a zip bomb, a path that leaves its folder). Build the package again (connector-alm package build), or export the solution again; for names in an unknown code page, give --zip-name-encoding.',
  },
  'PKG-L1-NOFOLDER': {
    title: 'The package has no folder at its root',
    level: 'error',
    source: VALIDATOR,
    description:
      'The certification package holds intro.md and the package zip at its root, and no folder. Zip the files themselves, not the folder that holds them, or build the package with connector-alm package build.',
  },
  'PKG-L1-FILES': {
    title: 'The package holds one intro.md and one package zip',
    level: 'error',
    source: VALIDATOR,
    description:
      'The validator wants exactly one .md file (intro.md) and one .zip file (the Package Deployer package) at the root. Add the one missing, or keep only one of each.',
  },
  'PKG-L2-ASSETS': {
    title: 'The package zip holds one assets folder',
    level: 'error',
    source: VALIDATOR,
    description:
      'The Package Deployer zip holds exactly one folder, ideally named PkgAssets, with the solution zips in it. Put the solution zips in one folder, or build the package with connector-alm package build.',
  },
  'PKG-L3-NOFOLDER': {
    title: 'The assets folder has no folder inside',
    level: 'error',
    source: VALIDATOR,
    description: 'The solution zips lie directly in the assets folder. Remove the folders inside it.',
  },
  'PKG-L3-ZIPCOUNT': {
    title: 'The assets folder holds the connector and flow solution zips (and the plugin one with --plugin)',
    level: 'error',
    source: VALIDATOR,
    description:
      'Two solution zips, the connector solution and the flow solution, or three for an AI plugin (--plugin). Add the one missing, or keep only those.',
  },
  'PKG-SOL-FILES': {
    title: 'Each solution zip holds [Content_Types].xml, customizations.xml and solution.xml',
    level: 'error',
    source: VALIDATOR,
    description:
      'An exported solution has the three at its root. Use the zip that Power Apps exported (Solutions > Export), unchanged; a flow exported with Export > Package (.zip) is no solution: export the flow inside a solution.',
  },
  'PKG-SOL-CONNECTOR-DIR': {
    title: 'A solution whose customizations.xml has the connector holds the Connector folder',
    level: 'error',
    source: VALIDATOR,
    description:
      'The folders match customizations.xml in an exported solution. Export the solution again rather than editing the zip.',
  },
  'PKG-SOL-WORKFLOWS-DIR': {
    title: 'A solution whose customizations.xml has a flow holds the Connector and Workflows folders',
    level: 'error',
    source: VALIDATOR,
    description:
      'The folders match customizations.xml in an exported solution. Export the flow solution again rather than editing the zip.',
  },
  'PKG-SOL-PLUGIN-DIRS': {
    title: 'A plugin solution holds the Connector, aiplugins and aipluginoperations folders',
    level: 'error',
    source: VALIDATOR,
    description:
      'With --plugin, a solution whose customizations.xml has the AI plugin holds the three folders. Export the plugin solution again rather than editing the zip.',
  },
  'PKG-HAS-CONNECTOR-SOL': {
    title: 'The package has a connector solution: the connector, and no flow',
    level: 'error',
    source: VALIDATOR,
    description:
      'The validator tells the solutions apart by their customizations.xml: the connector solution has the custom connector and no cloud flow. One that also holds a flow counts as a flow solution: remove the flow from it and export it again. The hint lists the solutions found and what each counts as.',
  },
  'PKG-HAS-FLOW-SOL': {
    title: 'The package has a flow solution: the connector and a flow',
    level: 'error',
    source: VALIDATOR,
    description:
      'The flow solution has the custom connector and a cloud flow that uses it. One without the connector is no flow solution: add the custom connector to it (Add existing > Automation > Custom connector) and export it again. The hint lists the solutions found and what each counts as.',
  },
  'PKG-HAS-PLUGIN-SOL': {
    title: 'With --plugin, the package has a plugin solution: the connector and the AI plugin',
    level: 'error',
    source: VALIDATOR,
    description:
      'An AI plugin connector needs a third solution with the custom connector and the AI plugin, and no flow. Add it to the assets folder, exported from Power Apps.',
  },
  'PKG-SOL-UNIQUE-NAME': {
    title: 'Each solution of the package has a unique name of its own',
    level: 'warning',
    source: OURS,
    description:
      "Package Deployer imports the package's solutions one after the other into one environment, where a solution with the unique name of one imported before it is taken for an update of that one. A flow solution made by adding a flow to the exported connector solution keeps the connector solution's name. Make each one a solution of its own in Power Apps (New solution, with its own unique name) and export it again.",
  },
  'PKG-SOL-ROLES': {
    title: 'package build is given each solution under its own option',
    level: 'warning',
    source: OURS,
    description:
      "package build only: the zip given as --connector-solution holds a flow, and the one given as --flow-solution none (or the like). Microsoft's validator tells the solutions apart by what they hold, so the package passes, but its ImportConfig.xml lists the solutions in the order given. Give the connector-only solution to --connector-solution and the one with the flow to --flow-solution.",
  },
  'PKG-ZIP-BACKSLASH': {
    title: "A zip of the package separates folders with '/'",
    level: 'warning',
    source: OURS,
    description:
      "PowerShell 5.1's Compress-Archive writes '\\' between folders. The validator reads such a zip on Windows, so the check passes, but tools on Linux and macOS may not. Build the package with connector-alm package build, or zip with PowerShell 7's Compress-Archive or connector-alm pack, which write '/'.",
  },
  'PKG-ZIP-NAME-ENCODING': {
    title: 'A zip of the package has UTF-8 entry names',
    level: 'warning',
    source: OURS,
    description:
      'Entry names in a code page (no UTF-8 flag), as Windows zips them in a language such as Japanese: whether Package Deployer reads them in the same code page is not known. Build the package with connector-alm package build, and use the solution zips that Power Apps exported, or unpack and pack them with connector-alm, which write UTF-8 names.',
  },
} as const satisfies Record<string, Omit<PackageRule, 'id'>>;

/** The id of a rule of `package check`, as its findings name it. */
export type PackageRuleId = keyof typeof RULES;

/** Every rule of `package check`, in the order the check applies them, for `rules` and docs/rules.md. */
export const ALL_PACKAGE_RULES: readonly PackageRule[] = (Object.keys(RULES) as PackageRuleId[]).map(
  (id) => ({ id, ...RULES[id] }),
);
