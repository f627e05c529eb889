import path from 'node:path';
import {
  editorLeftover,
  folderNamedLike,
  intendedConnectorFileName,
  isMisnamedSwagger,
  isTopFolderName,
  isYamlSwagger,
} from '@connector-alm/core';
import {
  CANONICAL_NAMES,
  hasNameToAskFor,
  isReadUnderMeantName,
  kindOfFileName,
} from '../loader/connector-folder.js';
import type { ConnectorFolder, FolderEntry } from '../loader/connector-folder.js';
import { isProposal } from '../loader/proposal.js';
import type { FileKind, Finding } from '../model/finding.js';
import { certificationLevels, sameLevels, type RuleContext, type RuleDefinition } from '../model/rule.js';
import { asObject, asString } from '../swagger/json-values.js';
import { MAX_TITLE } from './swagger/info-text.js';
import { titleName } from './swagger/independent-publisher-title.js';
import { titleAsRequired } from './swagger/restricted-title-words.js';
import { checkedMeanwhile } from './checked-meanwhile.js';
import { fileRename } from './file-rename-fix.js';
import { nameExcerpt } from '../text/message-values.js';

const WINDOWS_ILLEGAL = /[<>:"|?*\\]/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const IMAGE = /\.(png|jpe?g|gif|svg|bmp|webp|ico|tiff?)$/i;

/** Why an entry does not belong in a connector folder, or undefined when it does. */
function extraReason(entry: FolderEntry, hasScript: boolean): string | undefined {
  const lower = entry.name.toLowerCase();
  if (entry.type === 'directory')
    return 'a nested folder: connector files sit directly in the connector folder';
  if (kindOfFileName(entry.name) || isMisnamedSwagger(entry.name) || lower.endsWith('.csx')) return undefined;
  if (intendedConnectorFileName(entry.name, hasScript)) return undefined;
  if (IMAGE.test(lower)) return 'an image: reviewers ask to remove images from pull requests (PR #1117)';
  if (lower === 'intro.md')
    return 'the intro.md of the certification package, which does not belong in the repository';
  if (lower.endsWith('.pdf')) return 'a PDF document';
  if (lower.endsWith('.msapp')) return 'a Power Apps package';
  if (lower.endsWith('.cs')) return 'C# source: custom code goes in script.csx only';
  if (lower.endsWith('.zip')) return 'an archive';
  return 'not a connector file';
}

/**
 * Why a required file is missing, when the folder shows it: a swagger written in YAML (convert it), or
 * the only nested folder when it holds a swagger or apiProperties.json, which probably makes it the
 * connector's (move its files up). A nested folder of images only (Snowflake v2's
 * ConnectorArtifacts/assets), or of docs with a readme, is not.
 */
function missingFileMessage(canonical: string, entries: readonly FolderEntry[]): string {
  const missing = missingFileStart(canonical);
  const yaml = canonical === CANONICAL_NAMES.swagger ? entries.find(isYamlSwaggerFile) : undefined;
  if (yaml) return `${missing}; ${yamlConversion(yaml)}`;
  const folders = entries.filter((entry) => entry.type === 'directory');
  if (folders.length !== 1 || folders[0]!.holdsConnectorFile !== true) return `${missing}.`;
  return `${missing}. If its files are in the nested folder "${nameExcerpt(folders[0]!.name)}", move them up into the connector folder: nothing in a nested folder is validated.`;
}

/**
 * What REPO-REQUIRED-FILES says of the swagger or apiProperties.json read under a name only meant as
 * it (apiProperty.json, swagger.json; isReadUnderMeantName): the connector has no file of that name
 * all the same, so the rename is asked for as an error, and its content is checked meanwhile. The
 * first such name listed is read and asked for; REPO-FILENAMES says nothing of it, so that one rename
 * is asked for once, by the rule that fails the run.
 */
function meantFileMessage(canonical: string, read: string): string {
  const shown = nameExcerpt(read);
  return `${missingFileStart(canonical)}; rename ${shown} to ${canonical}. ${checkedMeanwhile(canonical)}`;
}

/** What to do with a swagger written in YAML where the folder has no swagger read: convert it. */
function yamlConversion(yaml: FolderEntry): string {
  const [shown, canonical] = [nameExcerpt(yaml.name), CANONICAL_NAMES.swagger];
  if (yaml.declaredSpecification === 'openapi-3')
    return `${shown} is an OpenAPI 3 definition, and a connector's is Swagger 2.0 (OpenAPI 2.0) in JSON: convert ${shown} to Swagger 2.0 and save it as ${canonical}. ${notCheckedUntil(shown)}`;
  return `convert ${shown} to JSON as ${canonical}: the platform and paconn read the swagger as JSON only. ${notCheckedUntil(shown)}`;
}

function isYamlSwaggerFile(entry: FolderEntry): boolean {
  return isFileLike(entry) && isYamlSwagger(entry.name);
}

/**
 * Said of a swagger written in YAML, which is not read: the findings on its content come only once it
 * is converted, and a flood of them then is no surprise. (A file only misnamed is read: checkedMeanwhile.)
 */
function notCheckedUntil(shown: string): string {
  return `Until it is converted, nothing checks the content of ${shown}: expect findings on it then.`;
}

/** How every REPO-REQUIRED-FILES message about the missing `canonical` begins, whatever follows. */
function missingFileStart(canonical: string): string {
  return `The connector has no ${canonical}`;
}

/**
 * Whether a finding is REPO-REQUIRED-FILES's report of a folder without `canonical` (one of
 * CANONICAL_NAMES): `validate --base` lets it stand for the deletion of apiProperties.json or of the
 * swagger, when the run reported it (compare-with-base.ts).
 */
export function reportsMissingFile(finding: Pick<Finding, 'ruleId' | 'message'>, canonical: string): boolean {
  return finding.ruleId === 'REPO-REQUIRED-FILES' && finding.message.startsWith(missingFileStart(canonical));
}

/**
 * The name of the file the loader reads for `kind` when it is not `name` but differs from it only in
 * case (`README.md` beside `readme.md`): `name` is then never read. On Windows and macOS the two are
 * one file, and which one a checkout keeps is arbitrary; the portal and the reviewer may see the other.
 * The loader reads the one with the canonical name when there is one, else the first of them in the
 * folder's sorted listing (upper case first).
 */
function readCaseTwin(
  connector: ConnectorFolder,
  kind: Exclude<FileKind, 'folder'>,
  name: string,
): string | undefined {
  const read = connector.files[kind]?.name;
  if (read === undefined || read === name) return undefined;
  return read.toLowerCase() === name.toLowerCase() ? read : undefined;
}

/** Whether `name` is the file read for its kind while another entry differs from it only in case. */
function hasUnreadCaseTwin(entries: readonly FolderEntry[], name: string): boolean {
  const lower = name.toLowerCase();
  return entries.some(
    (entry) => entry.name !== name && entry.name.toLowerCase() === lower && isFileLike(entry),
  );
}

function isFileLike(entry: FolderEntry): boolean {
  return entry.type === 'file' || entry.type === 'symlink';
}

/**
 * The advice on the twin not read: merge it into the one read and delete it, and rename the one read
 * when its name is not the one REPO-FILENAMES asks for (neither twin has it), so that a single round
 * of edits leaves the folder clean.
 */
function caseTwinMessage(unread: string, read: string, kind: Exclude<FileKind, 'folder'>): string {
  const [shown, other] = [nameExcerpt(unread), nameExcerpt(read)];
  const rename = hasNameToAskFor(read, kind) ? '' : `, then rename ${other} to ${CANONICAL_NAMES[kind]}`;
  return `${shown} and ${other} differ only in case: on Windows and macOS they are one file, and a checkout keeps either. ${other} is the one read and validated; merge what ${shown} adds into it and delete ${shown}${rename}.`;
}

/**
 * What REPO-FILENAMES says of a file named like the connector file `intended` without being it:
 * rename it so that it is used (`rename`), unless that would put it over what the folder has. A
 * backup or lock file an editor, git or Office left (`apiDefinition.swagger.json.bak`, `~$Readme.md`,
 * `script.csx.orig`) is removed, and so is a copy beside the file it is named after (the maker merges
 * what it adds first): renamed as told, the backup or the lock file replaced the real file.
 */
function misnamedFileMessage(
  connector: ConnectorFolder,
  name: string,
  intended: string,
  rename: string,
): string {
  const shown = nameExcerpt(name);
  const leftover = editorLeftover(name);
  if (leftover !== undefined)
    return `${shown} is ${leftover}, not a connector file; remove it from the connector folder.`;
  const kind = kindOfFileName(intended)!;
  const read = connector.files[kind];
  if (read === undefined) return rename;
  if (read.name === name)
    return isReadUnderMeantName(read) ? `${rename} ${checkedMeanwhile(intended)}` : rename;
  const readShown = nameExcerpt(read.name);
  if (isReadUnderMeantName(read))
    return `${shown} and ${readShown} both look like ${intended}, which the folder lacks; ${readShown} is the one read and validated. Merge what ${shown} adds into it, remove ${shown}, and rename ${readShown} to ${intended}.`;
  if (kindOfFileName(read.name) !== kind) return rename;
  return `${shown} looks like a copy of ${intended}, which the folder has (${readShown} is the one read and validated); merge what ${shown} adds into ${readShown} and remove ${shown}.`;
}

/**
 * Whether REPO-REQUIRED-FILES asks for `entry` to be renamed to `intended`, which the folder lacks
 * (missingFileMessage, meantFileMessage), or README-PRESENT for a readme: REPO-FILENAMES leaves the
 * rename to it. Not when that rule is off: no rule told the rename then, and a misnamed swagger.json
 * went unreported.
 */
function isRenameAskedFor(context: RuleContext, entry: FolderEntry, intended: string): boolean {
  const { connector } = context;
  const kind = kindOfFileName(intended);
  if (kind === 'readme') return isReadmeRenameAskedFor(context, entry);
  if (kind !== 'swagger' && kind !== 'apiProperties') return false;
  if (!context.isRuleOn('REPO-REQUIRED-FILES')) return false;
  const read = connector.files[kind];
  return read !== undefined && isReadUnderMeantName(read) && read.name === entry.name;
}

/**
 * The rename `validate --fix` makes of `name` to its kind's canonical name, when `name` is the file
 * read for that kind: one not read is a copy or a twin, which the maker merges, or a second file meant
 * as it. Not an icon under another extension (Icon.jpg): renamed, a JPEG would still be no PNG.
 */
function renameOfRead(
  connector: ConnectorFolder,
  kind: Exclude<FileKind, 'folder'>,
  name: string,
): ReturnType<typeof fileRename> | undefined {
  if (connector.files[kind]?.name !== name) return undefined;
  if (kind === 'icon' && !name.toLowerCase().endsWith('.png')) return undefined;
  return fileRename(name, CANONICAL_NAMES[kind]);
}

/**
 * Whether REPO-FILENAMES leaves the rename of `entry` to README-PRESENT: the readme read under a name
 * only meant as readme.md (Readme.md.txt), which README-PRESENT reports as missing and asks to rename.
 */
function isReadmeRenameAskedFor(context: RuleContext, entry: FolderEntry): boolean {
  const read = context.connector.files.readme;
  return (
    read !== undefined &&
    read.name === entry.name &&
    isReadUnderMeantName(read) &&
    context.isRuleOn('README-PRESENT')
  );
}

/**
 * Whether the folder has a script.csx (in any case): beside it, Script.cs is C# source of its own,
 * and without it the script misnamed, which the loader reads as the script.
 */
function hasScriptCsx(connector: ConnectorFolder): boolean {
  const script = connector.files.script;
  return script !== undefined && !isReadUnderMeantName(script);
}

/**
 * What REPO-EXTRA-FILES says of a swagger written in YAML beside the swagger read: perhaps the source
 * it is made from, so not "remove it", but kept apart from the files submitted and edited in.
 */
function yamlBesideSwagger(connector: ConnectorFolder, entry: FolderEntry): string {
  const [shown, read] = [nameExcerpt(entry.name), nameExcerpt(connector.files.swagger!.name)];
  return `${shown} is a swagger written in YAML, which nothing reads: ${read} is the swagger read and validated. If ${shown} is its source, keep it outside the connector folder; either way, make the changes in ${read}.`;
}

function hasControlCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) < 0x20) return true;
  return false;
}

/**
 * The name of the folder holding `folderPath`: the second-last segment of `folderPath.split(path.sep)`,
 * or '' when there is none. Without splitting the whole path: REPO-TOP-FOLDER asks it of every
 * connector, and nearly every connector's parent is a top folder (0.14 -> 0.03 MB a corpus run).
 */
export function parentFolderName(folderPath: string): string {
  const last = folderPath.lastIndexOf(path.sep);
  if (last === -1) return '';
  const before = last === 0 ? -1 : folderPath.lastIndexOf(path.sep, last - 1);
  return folderPath.slice(before + 1, last);
}

export const folderRules: RuleDefinition[] = [
  {
    id: 'REPO-TOP-FOLDER',
    file: 'folder',
    title: 'The connector folder is a direct child of a top folder.',
    description:
      'In PowerPlatformConnectors a connector folder sits directly in certified-connectors/, independent-publisher-connectors/ or custom-connectors/, with its files at its root ("the artifacts should go within the certified-connectors directory", PR #570; PR #3936). The top folder also decides which rules apply. Not checked outside that layout.',
    levels: sameLevels('error'),
    example: {
      bad: 'certified-connectors/Contoso/v2/apiDefinition.swagger.json',
      good: 'certified-connectors/Contoso/apiDefinition.swagger.json',
    },
    check(context) {
      const absolutePath = context.connector.absolutePath;
      if (isTopFolderName(parentFolderName(absolutePath))) return;
      const top = absolutePath.split(path.sep).slice(0, -1).reverse().find(isTopFolderName);
      if (!top) return;
      context.report({
        message: `The connector folder must be a direct child of ${top}/ (one folder per connector, files at its root); it is nested deeper.`,
      });
    },
  },
  {
    id: 'REPO-FILENAMES',
    file: 'folder',
    title: 'Name connector files exactly as the repository does.',
    description:
      'The canonical names are apiDefinition.swagger.json, apiProperties.json, readme.md (any case), icon.png, script.csx and settings.json. The pipeline matches `apidefinition.swagger.json$` case-insensitively, so a swagger named otherwise (apiDefination.swagger.json, CQC-Connector.swagger.json in merged IP folders, or apiDefinition.json and swagger.json as editors save it) is never validated, and a readme named Readme.md.txt is not a readme. Other case variants work on Windows but not with case-sensitive tools. Two files whose names differ only in case (README.md beside readme.md, a second apiDefinition.swagger.json) are one file on Windows and macOS, and a checkout keeps either: the one with the canonical name is read, and the other is an error to delete. A backup or lock file an editor, git or Office left beside a connector file (apiDefinition.swagger.json.bak, script.csx~, ~$Readme.md, .orig), or a copy beside the file it is named after, is to be removed, not renamed over that file. Where the folder lacks a connector file, the file plainly meant to be it (swagger.json, apiProperty.json, Readme.md.txt, setting.json, Script.cs without a script.csx) is read and checked as that file in the meantime, and its findings are reported on it. The rename of the missing swagger or apiProperties.json is asked for once, by REPO-REQUIRED-FILES, which fails the run, and of the missing readme by README-PRESENT (by REPO-FILENAMES where those rules are off).',
    levels: certificationLevels('error', 'warning'),
    namesFixes: 'fileRenames',
    example: { bad: 'apiDefination.swagger.json', good: 'apiDefinition.swagger.json' },
    check(context) {
      for (const entry of context.connector.entries) {
        if (entry.type !== 'file' && entry.type !== 'symlink') continue;
        const kind = kindOfFileName(entry.name);
        if (kind) {
          const canonical = CANONICAL_NAMES[kind];
          const read = readCaseTwin(context.connector, kind, entry.name);
          if (read !== undefined) {
            context.report({ path: entry.name, message: caseTwinMessage(entry.name, read, kind) });
            continue;
          }
          // Renamed, it would be its unread twin's name: that twin's finding says what to do.
          if (hasUnreadCaseTwin(context.connector.entries, entry.name)) continue;
          if (hasNameToAskFor(entry.name, kind)) continue;
          context.report({
            path: entry.name,
            severity: 'warning',
            message: `Rename ${nameExcerpt(entry.name)} to ${canonical}: tools that compare names case-sensitively will not find it.`,
            ...renameOfRead(context.connector, kind, entry.name),
          });
        } else if (isMisnamedSwagger(entry.name)) {
          context.report({
            path: entry.name,
            message: misnamedFileMessage(
              context.connector,
              entry.name,
              CANONICAL_NAMES.swagger,
              `Rename ${nameExcerpt(entry.name)} to apiDefinition.swagger.json: Microsoft's pipeline only validates files named apiDefinition.swagger.json, so this swagger is never checked.`,
            ),
            ...renameOfRead(context.connector, 'swagger', entry.name),
          });
        } else {
          const intended = intendedConnectorFileName(entry.name, hasScriptCsx(context.connector));
          if (!intended || isRenameAskedFor(context, entry, intended)) continue;
          context.report({
            path: entry.name,
            message: misnamedFileMessage(
              context.connector,
              entry.name,
              intended,
              `${nameExcerpt(entry.name)} looks like a misnamed ${intended}; rename it so that it is used.`,
            ),
            ...renameOfRead(context.connector, kindOfFileName(intended)!, entry.name),
          });
        }
      }
    },
  },
  {
    id: 'REPO-REQUIRED-FILES',
    file: 'folder',
    title: 'The folder has apiDefinition.swagger.json and apiProperties.json.',
    description:
      'A connector is submitted with its swagger, apiProperties.json and readme (repository README, "Files to Include"); the readme is checked by README-PRESENT. An independent-publisher folder with a readme and neither of the two is a proposal ("Proposal - Name (Independent Publisher)", a readme describing the connector to be built; one is merged), which needs no other file. Where a file in the folder is plainly meant to be the missing one (swagger.json, apiProperty.json), the message says to rename it, and the file is checked as the missing one meanwhile, its findings reported on it. Where the swagger is written in YAML (apiDefinition.swagger.yaml, swagger.yml, openapi.yaml), the message says to convert it to JSON, since the platform and paconn read JSON only, or, for an OpenAPI 3 file (`openapi: 3.x` in its first lines), to convert it to Swagger 2.0, the only version a connector takes, and that its content is not checked until then. A folder with a YAML swagger is found as a connector folder for this where it plausibly is one: the file is named apiDefinition.swagger.yaml, or sits beside icon.png, script.csx, settings.json or apiProperties.json (or the folder is a child of a top folder). An openapi.yaml or swagger.yml alone, or with a readme, is as often a service\'s spec or API docs: not a connector folder.',
    levels: sameLevels('error'),
    namesFixes: 'fileRenames',
    example: {
      bad: 'a folder with only apiDefinition.swagger.json',
      good: 'apiDefinition.swagger.json, apiProperties.json, readme.md',
    },
    check(context) {
      const { files } = context.connector;
      if (isProposal(context.profile, context.connector.entries)) return;
      const { entries } = context.connector;
      for (const kind of ['swagger', 'apiProperties'] as const) {
        const read = files[kind];
        const canonical = CANONICAL_NAMES[kind];
        if (read === undefined) context.report({ message: missingFileMessage(canonical, entries) });
        else if (isReadUnderMeantName(read))
          context.report({
            message: meantFileMessage(canonical, read.name),
            ...fileRename(read.name, canonical),
          });
      }
    },
  },
  {
    id: 'REPO-EXTRA-FILES',
    file: 'folder',
    title: 'Commit only connector files.',
    description:
      'Reviewers ask to remove images, documents and other files from connector pull requests ("Please remove the image added to PR", PR #1117; PR #602). Merged folders still hold screenshots, Script.cs files, a PDF, an .msapp and intro.md files, hence a warning. A swagger written in YAML beside apiDefinition.swagger.json is said to be kept outside the folder, as the source it may be; without the JSON, REPO-REQUIRED-FILES says to convert it (REPO-EXTRA-FILES where REPO-REQUIRED-FILES is off).',
    levels: certificationLevels('warning', 'info'),
    example: { bad: 'certified-connectors/Contoso/screenshot.png', good: 'only the connector files' },
    check(context) {
      const hasSwagger = context.connector.files.swagger !== undefined;
      const hasScript = hasScriptCsx(context.connector);
      for (const entry of context.connector.entries) {
        if (entry.type === 'directory' && !hasSwagger) {
          // The connector itself is probably in it: "remove it" would delete the submission.
          context.report({
            path: entry.name,
            message: `${nameExcerpt(entry.name)} is a nested folder, and the connector folder has no swagger of its own. If it holds the connector files, move them directly into the connector folder; otherwise remove it.`,
          });
          continue;
        }
        if (isYamlSwaggerFile(entry)) {
          // Without a swagger of its own, REPO-REQUIRED-FILES says to convert it; said here when it is
          // off, so that the one file the folder has for a swagger is not passed over in silence.
          if (hasSwagger)
            context.report({ path: entry.name, message: yamlBesideSwagger(context.connector, entry) });
          else if (!context.isRuleOn('REPO-REQUIRED-FILES'))
            context.report({
              path: entry.name,
              message: `Nothing reads ${nameExcerpt(entry.name)}, a swagger written in YAML: ${yamlConversion(entry)}`,
            });
          continue;
        }
        const reason = extraReason(entry, hasScript);
        if (reason)
          context.report({
            path: entry.name,
            message: `${nameExcerpt(entry.name)} is ${reason}. Remove it from the connector folder.`,
          });
      }
    },
  },
  {
    id: 'REPO-FOLDER-NAME',
    file: 'folder',
    title: 'Name the folder after the connector, with characters Windows accepts.',
    description:
      'No documented rule, but a folder name with `<>:"|?*` (or a reserved name such as CON) cannot be checked out on Windows. Most merged folders (73% certified, 86% IP) are named exactly like info.title; a different name only gets a note. Spaces, punctuation and case are not compared (`HoneywellForge` for "Honeywell Forge", `LnkBio` for "Lnk.Bio"), nor a status label at the end of the title or the folder name ("(Preview)", "[DEPRECATED]"). Nor is a title noted that is the folder name cut to the 30-character title limit (apostrophes dropped), where renaming the folder to the cut title would be bad advice. An independent publisher\'s trailing "(Independent Publisher)" in the title is left out of the comparison (Tavily, Ticketmaster, … merged in 2025), and a folder named like the title without its restricted words ("Weather Now" for "Weather Now API Connector", the title SWG-INFO-TITLE-WORDS asks for) is named like the title.',
    levels: { certified: 'error', 'independent-publisher': 'error', custom: 'error' },
    example: { bad: 'certified-connectors/Contoso: Tasks?', good: 'certified-connectors/Contoso Tasks' },
    check(context) {
      const name = context.connector.name;
      if (
        WINDOWS_ILLEGAL.test(name) ||
        hasControlCharacter(name) ||
        WINDOWS_RESERVED.test(name) ||
        /[. ]$/.test(name)
      ) {
        context.report({
          message: `The folder name "${nameExcerpt(name)}" cannot be used on Windows (no <>:"|?*\\, control characters, reserved names, or a trailing dot or space).`,
        });
      }
      const title = asString(asObject(context.swagger?.root.info)?.title)?.trim();
      if (context.profile === 'custom' || !title) return;
      // "Tavily" for "Tavily (Independent Publisher)", and "FINRA (Independent Publisher)" too.
      const named = (candidate: string) =>
        [candidate, titleName(candidate, context.profile)].some(
          (each) => folderNamedLike(each, name) || isTitleCutFromName(each, name),
        );
      // "Weather Now" for "Weather Now API Connector": the title SWG-INFO-TITLE-WORDS asks for.
      const required = titleAsRequired(title);
      if (named(title) || (required !== undefined && named(required))) return;
      const without =
        required === undefined ? '' : ` ("${nameExcerpt(required)}" without its restricted words)`;
      context.report({
        severity: 'info',
        message: `The folder "${nameExcerpt(name)}" is not named like the connector's title "${nameExcerpt(title)}"${without}; most connector folders use the title.`,
      });
    },
  },
];

/**
 * Whether the title is the folder name cut to fit the title limit ("Blackbaud Raisers Edge NXT Fun"
 * for the folder "Blackbaud Raiser's Edge NXT Fundraising"): renaming the folder to the cut title
 * would be bad advice. Compared as the rule compares names (trimmed, case-insensitive), without
 * apostrophes, which makers drop when they shorten a title.
 */
export function isTitleCutFromName(title: string, name: string): boolean {
  const comparable = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/['\u2019]/gu, '');
  const folder = comparable(name);
  const cut = comparable(title);
  return name.trim().length > MAX_TITLE && cut.length > 0 && folder.startsWith(cut);
}
