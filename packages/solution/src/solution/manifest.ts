import { firstChild, setText, textOf, type XmlElement } from '../xml/xml-tree.js';
import { solutionError } from './solution-errors.js';

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

export function readManifest(root: XmlElement, file: string): ManifestSummary {
  const manifest = manifestOf(root, file);
  const field = (name: string): string => {
    const node = firstChild(manifest, name);
    if (!node) throw solutionError(file, `has no <${name}> in <SolutionManifest>.`);
    return textOf(node).trim();
  };
  const managed = field('Managed');
  if (managed !== '0' && managed !== '1' && managed !== '2')
    throw solutionError(file, `has <Managed>${managed}</Managed>; expected 0, 1 or 2.`);
  return { uniqueName: field('UniqueName'), version: field('Version'), managed };
}

export function setManaged(root: XmlElement, file: string, managed: ManagedFlag): void {
  const node = firstChild(manifestOf(root, file), 'Managed');
  if (node) setText(node, managed);
}

export function setVersion(root: XmlElement, file: string, version: string): void {
  const node = firstChild(manifestOf(root, file), 'Version');
  if (node) setText(node, version);
}

/** Dataverse accepts two to four dot-separated numbers (1.0, 1.23091.1, 1.0.0.3). */
export function checkVersion(version: string): boolean {
  return /^\d+(\.\d+){1,3}$/.test(version);
}
