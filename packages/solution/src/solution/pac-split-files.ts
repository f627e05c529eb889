import path from 'node:path';
import type { UserError } from '@connector-alm/core';
import { FOLDER_CUSTOMIZATIONS, managedBaseOf } from './layout.js';
import { solutionError } from './solution-errors.js';

/**
 * The files that `pac solution unpack` (SolutionPackager) writes for the components it splits out of
 * customizations.xml, leaving `<Entities />`, `<Roles />`, … empty behind. No export zip has them:
 * an export keeps these components inline in customizations.xml, and so does our unpack. Pack would
 * put such a file into the zip as an ordinary entry that Dataverse ignores, and the import would lack
 * the table, role or app without a word, so pack refuses a folder that holds one.
 *
 * From Microsoft's "Solution component file reference (SolutionPackager)" and the folders pac writes
 * for newer components (canvas apps, model-driven apps, code components, field security). What pac
 * copies from the zip as it is (the .msapp of a canvas app, a flow's .json, a web resource's
 * content, a plug-in's .dll, a report's .rdl, environmentvariabledefinitions/, botcomponents/, …)
 * is not among them.
 */
const SPLIT_FOLDERS: ReadonlyArray<[prefix: string, component: string]> = [
  ['Entities/', 'a table (entity), or its forms, views or ribbon'],
  ['Roles/', 'a security role'],
  ['OptionSets/', 'a global choice (option set)'],
  ['Dashboards/', 'a dashboard'],
  ['SdkMessageProcessingSteps/', 'a plug-in step'],
  ['AppModules/', 'a model-driven app'],
  ['AppModuleSiteMaps/', 'the site map of a model-driven app'],
  ['Other/Relationships/', 'table relationships'],
  // With --processCanvasApps, pac unpacks each .msapp into source files here.
  ['CanvasApps/src/', 'the source of a canvas app'],
  // Every export keeps <Templates /> in customizations.xml; pac writes the templates out to these.
  ['Templates/EmailDocuments/', 'the body and subject of an email template'],
  ['Templates/KBArticleTemplates/', 'a knowledge article template'],
  ['Templates/MailMergeDocuments/', 'a mail merge document'],
];

/** Files pac writes at fixed names outside Other/, each holding all components of one kind. */
const SPLIT_NAMED_FILES = new Map<string, string>([
  ['Templates/EmailTemplates.xml', 'email templates'],
  ['Templates/ContractTemplates.xml', 'contract templates'],
  ['Templates/KBArticleTemplates.xml', 'knowledge article templates'],
  ['Templates/MailMergeTemplates.xml', 'mail merge templates'],
  ['Reports/ReportLinks.xml', 'the links between reports'],
  ['Reports/ReportSignatureIdMappings.xml', 'the signatures of reports'],
  ['PluginAssemblies/ServiceEndpoints.xml', 'service endpoints'],
]);

/**
 * pac puts each report in Reports/<LCID>/{<GUID>}/<name>.rdl with its .data.xml beside it; an export
 * has it as /Reports/<name>{<GUID>}.rdl, which pac and we copy as it is.
 */
const SPLIT_REPORT = /^Reports\/\d+\/\{[0-9a-f-]{36}\}\//i;

/** Other/ holds only the manifest and the customizations in an unpack of ours (and our notes). */
const SPLIT_OTHER_FILES = new Map<string, string>([
  ['Other/Relationships.xml', 'table relationships'],
  ['Other/EntityMaps.xml', 'column mappings (entity maps)'],
  ['Other/RibbonCustomizations.xml', 'the application ribbon'],
  ['Other/SiteMap.xml', 'the site map'],
  ['Other/ConnectionRoles.xml', 'connection roles'],
  ['Other/FieldSecurityProfiles.xml', 'column security profiles'],
]);

/**
 * pac keeps the metadata of a component whose content is a file in "<file>.data.xml" beside it; an
 * export names such files without dots (WebResources/new_scriptjs<GUID>), so never so.
 */
const METADATA_FILES: ReadonlyArray<[prefix: string, component: string]> = [
  ['WebResources/', 'a web resource'],
  ['Workflows/', 'a flow or workflow'],
  ['PluginAssemblies/', 'a plug-in assembly'],
  ['Controls/', 'a code component (PCF control)'],
  ['Reports/', 'a report'],
];

/** A file of pac's split layout and what it holds, e.g. `a security role`. */
export interface PacSplitFile {
  file: string;
  component: string;
}

/** The component `folderPath` holds in pac's split layout, or undefined when it is not such a file. */
export function pacSplitComponent(folderPath: string): string | undefined {
  // Both package types unpacked: pac and we both name the managed copy <name>_managed.<ext>.
  const file = managedBaseOf(folderPath) ?? folderPath;
  const folder = SPLIT_FOLDERS.find(([prefix]) => file.startsWith(prefix));
  if (folder) return folder[1];
  const named = SPLIT_OTHER_FILES.get(file) ?? SPLIT_NAMED_FILES.get(file);
  if (named) return named;
  if (file.startsWith('CanvasApps/') && file.endsWith('.meta.xml')) return 'the metadata of a canvas app';
  if (file.endsWith('.data.xml'))
    return `the metadata of ${METADATA_FILES.find(([prefix]) => file.startsWith(prefix))?.[1] ?? 'a component'}`;
  if (SPLIT_REPORT.test(file)) return 'a report';
  return undefined;
}

/** The files of `files` (folder paths, `/`-separated) that belong to pac's split layout, in order. */
export function pacSplitFiles(files: readonly string[]): PacSplitFile[] {
  return files.flatMap((file) => {
    const component = pacSplitComponent(file);
    return component === undefined ? [] : [{ file, component }];
  });
}

/**
 * Why pack refuses `folder`: its first split file, what that holds, a few files of the other kinds
 * found, and the two ways to a complete package.
 */
export function pacSplitLayoutError(folder: string, found: readonly PacSplitFile[]): UserError {
  const [first] = found;
  const others = found.filter(
    (split, index) =>
      split.component !== first!.component &&
      found.findIndex((earlier) => earlier.component === split.component) === index,
  );
  const examples = others.slice(0, 3).map((split) => split.file);
  const more =
    found.length === 1
      ? ''
      : ` The folder has ${found.length} such files${examples.length > 0 ? `, e.g. ${examples.join(', ')}` : ''}.`;
  return solutionError(
    path.join(folder, first!.file),
    `holds ${first!.component}, in a file of its own as pac solution unpack (SolutionPackager) splits it out of the customizations. ` +
      `Pack would not put it into the solution: this tool keeps components inline in ${FOLDER_CUSTOMIZATIONS} ` +
      `and does not merge pac's split files back into it, so the imported solution would lack them.${more}`,
    'Unpack the solution zip with connector-alm unpack instead of pac (it keeps these components in ' +
      `${FOLDER_CUSTOMIZATIONS}) and pack that folder, or pack this folder with pac solution pack.`,
  );
}
