import { firstChild, setText, textOf, type XmlElement } from '../xml/xml-tree.js';
import { UserError } from '@connector-alm/core';
import { lineAndColumn } from '../text/decode.js';
import { solutionError } from './solution-errors.js';
import { isUniqueName } from './unique-name.js';

/** `<Managed>` in solution.xml: 0 unmanaged, 1 managed, 2 an unpacked folder holding both. */
export type ManagedFlag = '0' | '1' | '2';

export interface ManifestSummary {
  uniqueName: string;
  version: string;
  managed: ManagedFlag;
}

function manifestOf(root: XmlElement, file: string): XmlElement {
  const manifest = root.name === 'ImportExportXml' ? firstChild(root, 'SolutionManifest') : undefined;
  if (!manifest)
    throw solutionError(
      file,
      'has no <ImportExportXml><SolutionManifest> element.',
      'Is this a Dataverse solution manifest?',
    );
  return manifest;
}

/**
 * The manifest's unique name, version and managed flag, each refused when Dataverse would never write
 * it. `text`, the file's text, places a refused value at its line (a caller that parsed bytes in
 * pieces may leave it out: the file is still named).
 */
export function readManifest(root: XmlElement, file: string, text?: string): ManifestSummary {
  const manifest = manifestOf(root, file);
  const field = (name: string): string => {
    const node = firstChild(manifest, name);
    if (!node) throw solutionError(file, `has no <${name}> in <SolutionManifest>.`);
    return textOf(node).trim();
  };
  const refused = (name: string, value: string, problem: string, hint: string): UserError =>
    new UserError(`has <${name}>${value}</${name}>, which is no ${problem}.`, {
      location: { file, ...(text === undefined ? {} : manifestLine(text, name)) },
      hint: `${hint}: fix it in the file, or export the solution again.`,
    });
  const managed = field('Managed');
  if (managed !== '0' && managed !== '1' && managed !== '2')
    throw solutionError(file, `has <Managed>${managed}</Managed>; expected 0, 1 or 2.`);
  // Refused here, where every command reads them: a name and a version go on into log lines, action
  // outputs and folder names, where a line break starts a workflow command and '../' leaves a folder.
  const uniqueName = field('UniqueName');
  if (!isUniqueName(uniqueName))
    throw refused(
      'UniqueName',
      uniqueName,
      'Dataverse unique name',
      'A unique name is letters, digits and underscores, starting with a letter or an underscore',
    );
  // As read, not as a user should write it (versionFault): Dataverse takes a leading zero.
  const version = field('Version');
  if (versionAsRead(version) === undefined)
    throw refused(
      'Version',
      version,
      'solution version',
      `A version is two to four numbers of at most ${MAX_VERSION_PART}, separated by dots (1.0.0.3)`,
    );
  return { uniqueName, version, managed };
}

/**
 * Where `<name>` of <SolutionManifest> starts in `text`: the first such tag after <SolutionManifest>
 * (its children come before <Publisher>, which has a <UniqueName> of its own), or no line if none is.
 */
function manifestLine(text: string, name: string): { line?: number } {
  const start = text.indexOf('<SolutionManifest');
  const match = start < 0 ? null : new RegExp(`<${name}[\\s/>]`).exec(text.slice(start));
  return match ? { line: lineAndColumn(text, start + match.index).line } : {};
}

export function setManaged(root: XmlElement, file: string, managed: ManagedFlag): void {
  const node = firstChild(manifestOf(root, file), 'Managed');
  if (node) setText(node, managed);
}

export function setVersion(root: XmlElement, file: string, version: string): void {
  const node = firstChild(manifestOf(root, file), 'Version');
  if (node) setText(node, version);
}

/** The highest part of a solution version: Dataverse keeps versions as .NET System.Version, of Int32 parts. */
export const MAX_VERSION_PART = 2147483647;

/** Why Dataverse would not take `version` as it is written, and what to write instead. */
export interface VersionFault {
  problem: string;
  hint: string;
}

/**
 * What is wrong with `version` as a solution version, or undefined when Dataverse takes it as written:
 * two to four dot-separated numbers (1.0, 1.23091.1, 1.0.0.3), each at most MAX_VERSION_PART. A
 * leading zero (01.002) is refused: Dataverse reads the parts as numbers, so the environment would
 * name it 1.2, and the zip, the folder and the log another version than the environment does.
 */
export function versionFault(version: string): VersionFault | undefined {
  if (!/^\d+(\.\d+){1,3}$/.test(version))
    return {
      problem: 'is not a solution version',
      hint: 'Use two to four numbers separated by dots, e.g. 1.0.0.0.',
    };
  const parts = version.split('.');
  if (parts.some((part) => Number(part) > MAX_VERSION_PART))
    return {
      problem: `has a part above ${MAX_VERSION_PART}, the highest a Dataverse version holds (its parts are 32-bit numbers)`,
      hint: `Use parts of at most ${MAX_VERSION_PART}, e.g. a date as 2026.12.1.0 rather than 1.0.20261201093000.0.`,
    };
  if (parts.some((part) => part.length > 1 && part.startsWith('0')))
    return {
      problem:
        'has a part with a leading zero, which Dataverse reads as a number, so the environment names it otherwise',
      hint: `Write it as ${versionAsRead(version)}.`,
    };
  return undefined;
}

/**
 * `version` as Dataverse reads it, each part a number (2026.01.15.3 is 2026.1.15.3), or undefined
 * when Dataverse would not take it at all (not two to four numbers, or a part above
 * MAX_VERSION_PART). For a version read from a zip or a folder, which is what an environment has or
 * will have: only a version the user gives is held to the written form (versionFault).
 */
export function versionAsRead(version: string): string | undefined {
  if (!/^\d+(\.\d+){1,3}$/.test(version)) return undefined;
  const parts = version.split('.').map(Number);
  return parts.some((part) => part > MAX_VERSION_PART) ? undefined : parts.join('.');
}
