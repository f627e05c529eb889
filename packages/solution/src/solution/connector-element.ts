import { findEntryNameProblem } from '../zip/entry-name.js';
import { childElements, firstChild, textOf, type XmlElement } from '../xml/xml-tree.js';
import { solutionError } from './solution-errors.js';

/** Columns stored as a file beside the element; the element holds `/Connector/<file>`. */
export const FILE_COLUMNS = [
  'openapidefinition',
  'connectionparameters',
  'connectionparametersets',
  'policytemplateinstances',
  'customcodeblobcontent',
  'iconblob',
] as const;
export type FileColumn = (typeof FILE_COLUMNS)[number];

/** The child order seen in every real export; elements we build follow it. */
export const CONNECTOR_CHILD_ORDER = [
  'connectorid',
  'description',
  'displayname',
  'iconbrandcolor',
  'name',
  'connectortype',
  'scriptoperations',
  ...FILE_COLUMNS,
] as const;

/**
 * The connector's Dataverse `name` (e.g. `cat_human-2din-2dthe-2dloop`). It names files, so it must
 * be one plain path segment.
 */
export function connectorName(connector: XmlElement, file: string): string {
  const node = firstChild(connector, 'name');
  const name = node ? textOf(node).trim() : '';
  if (name === '') throw solutionError(file, 'has a <Connector> without a <name>.');
  if (findEntryNameProblem(name) || name.includes('/') || name === '.' || name.startsWith('.')) {
    throw solutionError(file, `has a connector named '${name}', which cannot be a file name.`);
  }
  return name;
}

export function connectorText(connector: XmlElement, column: string): string | undefined {
  const node = firstChild(connector, column);
  return node ? textOf(node) : undefined;
}

export interface FileReference {
  column: FileColumn;
  /** The zip entry, e.g. `Connector/x_openapidefinition.json`. */
  zipName: string;
}

/** Each file column's reference as a zip entry name; a reference that leaves Connector/ is refused. */
export function fileReferences(connector: XmlElement, file: string): FileReference[] {
  const references: FileReference[] = [];
  for (const child of childElements(connector)) {
    if (!(FILE_COLUMNS as readonly string[]).includes(child.name)) continue;
    const value = textOf(child).trim();
    if (value === '') continue;
    const zipName = value.replace(/^\//, '');
    if (
      !zipName.startsWith('Connector/') ||
      zipName.slice('Connector/'.length).includes('/') ||
      findEntryNameProblem(zipName)
    ) {
      throw solutionError(
        file,
        `has <${child.name}>${value}</${child.name}>, which is not a file in /Connector/.`,
      );
    }
    references.push({ column: child.name as FileColumn, zipName });
  }
  return references;
}
