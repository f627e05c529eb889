import { sameLevels, type ConfigurationRuleDefinition } from '../../model/rule.js';

/** The id of the rule whose findings say what a change loosened in the configuration file. */
export const CONFIG_LOOSENED_RULE_ID = 'REPO-CONFIG-LOOSENED';

/** The id of the rule whose findings name the `ignore` patterns that match no connector folder. */
export const CONFIG_IGNORE_UNMATCHED_RULE_ID = 'REPO-CONFIG-IGNORE-UNMATCHED';

/** The id of the rule whose findings name the `files` globs of `overrides` that match no connector folder. */
export const CONFIG_OVERRIDE_UNMATCHED_RULE_ID = 'REPO-CONFIG-OVERRIDE-UNMATCHED';

/** Rules about the configuration file, compared with its version at the base (config/config-loosening.ts). */
export const configurationRules: ConfigurationRuleDefinition[] = [
  {
    id: CONFIG_LOOSENED_RULE_ID,
    scope: 'configuration',
    file: 'folder',
    title: 'Say so when a change loosens the configuration file.',
    description:
      "The configuration file (`.connector-alm.yml`, or the action's `config` input) is read from the change under check, so a pull request, from a fork too, could turn off the rules its own connector breaks and pass quietly. In pull requests and with `validate --base`, the file is compared with its version at the base (the same path there, else the one the search finds there): every rule whose level goes down in some profile (error to warning, info or off; warning to info or off; a removed override whose default is lower), every `ignore` pattern added (with the connector folders the change touches that it skips), a `profile` change that lowers a rule for folders outside the PowerPlatformConnectors layout, and in `overrides` each rule lowered and each `profile` that lowers a rule for the folders of an entry (entries compared by their `files`: one whose files are new is compared with the file's own levels, so narrowing or widening an entry is reported) are reported on the file's line, as is a new file with such settings or a deleted one whose settings were stricter than the defaults. Tightening is never reported. A warning, not an error: loosening a rule can be legitimate, but a reviewer should see it without reading the diff. Its level comes from the configuration at the base, never from the change's (which could turn it off), the strictest of its profiles there. A base configuration that does not parse is not compared (a note says so). A file that is a symbolic link is compared where it is named: one that the change turns into a link out of the repository (to `/dev/null`, read as the defaults) is reported like any other change, and says so; a base file that is a link is read through it while it stays in the repository, and one leading out of it is not compared (a note says so).",
    levels: sameLevels('warning'),
    example: {
      bad: 'rules:\n  SWG-OP-SUMMARY-REQ: off   # in a pull request; the base had no override (error)',
      good: 'the configuration file as it is at the base, or a change a maintainer makes in a pull request of its own',
    },
  },
  {
    id: CONFIG_IGNORE_UNMATCHED_RULE_ID,
    scope: 'configuration',
    file: 'folder',
    title: 'Every `ignore` pattern of the configuration file matches a connector folder.',
    description:
      "`ignore` patterns are globs relative to the configuration file's folder, and one that matches no connector folder skips nothing, silently: most often a file kept elsewhere than the top level (`.github/connector-alm.yml`, given as `--config` or the action's `config` input) whose patterns were written from the top level, or a folder renamed since. Checked when a run proves it, that is when one of its paths holds the file's folder, so that every connector folder a pattern could match was found (`validate` at the top level, the action on a push); a run of some folders, and a pull request, cannot know and say nothing. Reported on the pattern's line, saying from which folder it would match when a folder above the file's is that one, and, for a pattern naming the folder that holds connector folders (`connectors/legacy`, as a .gitignore names a folder), to write `connectors/legacy/*` (or `/**`): patterns name connector folders. A pattern with a typo in one folder name gets a \"did you mean\" with the pattern corrected, its wildcards kept (`certified-connectors/*` for `certifed-connectors/*`, `connectors/Contoso-CRM` for `connectors/contoso-crm` where the file system tells case apart), when one folder name beside it is clearly the closest, and none when two are as close. Under `validate --base` too, marked existing when the change left the file as the base has it and deleted or renamed no connector folder.",
    levels: sameLevels('warning'),
    example: {
      bad: '# .github/connector-alm.yml\nignore:\n  - connectors/legacy-*   # relative to .github/, where no connector is',
      good: '# .github/connector-alm.yml\nignore:\n  - ../connectors/legacy-*',
    },
  },
  {
    id: CONFIG_OVERRIDE_UNMATCHED_RULE_ID,
    scope: 'configuration',
    file: 'folder',
    title: 'Every `files` glob of an override in the configuration file matches a connector folder.',
    description:
      "An override's `files` globs are relative to the configuration file's folder, as `ignore` patterns are, and one that matches no connector folder applies the entry to nothing, silently: a typo (`conectors/**`), a file kept elsewhere than the top level (`.github/connector-alm.yml`) whose globs were written from the top level, or a folder renamed since. The team believes its connectors are held to the entry's profile and rules while they get the defaults, often fewer checks. Each glob is checked on its own: one that matches nothing in an entry whose other globs match is reported too. Checked when a run proves it, that is when one of its paths holds the file's folder (`validate` at the top level, the action on a push); a run of some folders, and a pull request, cannot know and say nothing. Reported on the glob's line, saying from which folder it would match when a folder above the file's is that one, and, for a glob naming the folder that holds connector folders (`connectors`), to write `connectors/*` (or `/**`): globs name connector folders, or, for a typo in one folder name, the glob corrected when one folder name beside it is clearly the closest (\"Did you mean 'connectors/**'?\"; none when two are as close). A glob that matches only folders the file's `ignore` skips applies the entry to no folder validated either, and is reported too, naming them. Under `validate --base` too, marked existing when the change left the file as the base has it and deleted or renamed no connector folder. A rule of its own, apart from REPO-CONFIG-IGNORE-UNMATCHED, so that turning one off keeps the other.",
    levels: sameLevels('warning'),
    example: {
      bad: "# .github/connector-alm.yml\noverrides:\n  - files: ['connectors/**']   # relative to .github/, where no connector is\n    profile: certified",
      good: "# .github/connector-alm.yml\noverrides:\n  - files: ['../connectors/**']\n    profile: certified",
    },
  },
];

/** The ids of the rules that judge the configuration file itself: their level is set by its top-level `rules` alone. */
export const CONFIGURATION_RULE_IDS: ReadonlySet<string> = new Set(configurationRules.map((rule) => rule.id));
