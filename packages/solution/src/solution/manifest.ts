import { firstChild, setText, textOf, type XmlElement } from '../xml/xml-tree.js';
import { UserError } from '@connector-alm/core';
import { lineAndColumn } from '../text/decode.js';
import { solutionError } from './solution-errors.js';
import { isUniqueName } from './solution-settings.js';

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
  const version = field('Version');
  if (!checkVersion(version))
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
  const match = start < 0 ? null : new RegExp(`<${name}[\\s>]`).exec(text.slice(start));
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

/** Dataverse accepts two to four dot-separated numbers (1.0, 1.23091.1, 1.0.0.3), each an Int32. */
export function checkVersion(version: string): boolean {
  return (
    /^\d+(\.\d+){1,3}$/.test(version) && version.split('.').every((part) => Number(part) <= MAX_VERSION_PART)
  );
}
