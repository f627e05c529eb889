import { withoutByteOrderMark } from '@connector-alm/core';
import {
  attribute,
  childElements,
  EXPORT_STYLE,
  firstChild,
  parseXml,
  serializeXml,
  textOf,
  type XmlElement,
} from '@connector-alm/solution';
import { strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';

/**
 * The parts of a solution zip that describe its components; every other entry is a component's file
 * (`CanvasApps/…_DocumentUri.msapp`, `Connector/…_openapidefinition.json`, `Workflows/….json`,
 * `environmentvariabledefinitions/…`).
 */
const SOLUTION_XML = 'solution.xml';
const CUSTOMIZATIONS_XML = 'customizations.xml';
const CONTENT_TYPES_XML = '[Content_Types].xml';
const DESCRIBING_PARTS = new Set([SOLUTION_XML, CUSTOMIZATIONS_XML, CONTENT_TYPES_XML]);

/**
 * The solution an unmanaged import of `incoming` over the installed unmanaged `installed` leaves, as a
 * zip: Dataverse adds and updates the components the import brings and removes none (Learn, Power
 * Platform ALM: an unmanaged solution is a container of customizations, and an import only adds to
 * them), so its next export holds the installed components the import lacked. The import's components
 * win where both have one: its entries in solution.xml and customizations.xml, and its files. What
 * the import lacks comes from the installed zip: its root components, its elements of each
 * customizations.xml section (a canvas app, a flow, a table) and the files no entry of the import
 * replaces. `incoming` is returned as it is when it lacks nothing.
 */
export function mergeUnmanagedImport(installed: Uint8Array, incoming: Uint8Array): Uint8Array {
  const before = unzipSync(installed);
  const after = unzipSync(incoming);
  const keptFiles = Object.keys(before).filter((name) => !DESCRIBING_PARTS.has(name) && !(name in after));
  const merged: Unzipped = { ...after };
  let changed = keptFiles.length > 0;
  for (const name of keptFiles) merged[name] = before[name]!;
  for (const [part, merge] of [
    [SOLUTION_XML, mergeRootComponents],
    [CUSTOMIZATIONS_XML, mergeSections],
    [CONTENT_TYPES_XML, appendMissing(contentTypeKey)],
  ] as const) {
    const installedPart = readPart(before, part);
    const incomingPart = readPart(after, part);
    if (!installedPart || !incomingPart || !merge(installedPart, incomingPart)) continue;
    merged[part] = strToU8(serializeXml(incomingPart, EXPORT_STYLE));
    changed = true;
  }
  return changed ? zipSync(merged) : incoming;
}

/** A part of the zip as a tree of its own, which the merge adds to. */
function readPart(entries: Unzipped, part: string): XmlElement | undefined {
  const bytes = entries[part];
  return bytes && parseXml(withoutByteOrderMark(new TextDecoder('utf-8').decode(bytes)), part);
}

/**
 * Adds to `incoming` the element children of `installed` whose key none of its own has, after its
 * own and in their order; says whether it added any.
 */
function appendMissing(key: (child: XmlElement) => string) {
  return (installed: XmlElement, incoming: XmlElement): boolean => {
    const present = new Set(childElements(incoming).map(key));
    const kept = childElements(installed).filter((child) => !present.has(key(child)));
    if (kept.length > 0) incoming.children = [...incoming.children, ...kept];
    return kept.length > 0;
  };
}

/** solution.xml: the import's root components, then the installed ones it lacks. */
function mergeRootComponents(installed: XmlElement, incoming: XmlElement): boolean {
  const installedList = rootComponentsOf(installed);
  const incomingList = rootComponentsOf(incoming);
  return (
    installedList !== undefined &&
    incomingList !== undefined &&
    appendMissing(rootComponentKey)(installedList, incomingList)
  );
}

function rootComponentsOf(manifestXml: XmlElement): XmlElement | undefined {
  const manifest = firstChild(manifestXml, 'SolutionManifest');
  return manifest && firstChild(manifest, 'RootComponents');
}

/** `<RootComponent type="372" schemaName="contoso_5fcontoso">`, or one named by its id. */
function rootComponentKey(component: XmlElement): string {
  return `${attribute(component, 'type')}:${attribute(component, 'schemaName') ?? attribute(component, 'id')}`;
}

/** [Content_Types].xml: a `<Default Extension>` or an `<Override PartName>`. */
function contentTypeKey(type: XmlElement): string {
  return `${type.name}:${attribute(type, 'Extension') ?? attribute(type, 'PartName')}`;
}

/**
 * customizations.xml: each section (`<CanvasApps>`, `<Workflows>`, `<Entities>`, …) with the import's
 * components, then the installed ones it lacks; a section only the installed solution has is put where
 * it stood among the sections.
 */
function mergeSections(installed: XmlElement, incoming: XmlElement): boolean {
  let changed = false;
  const installedSections = childElements(installed);
  installedSections.forEach((section, index) => {
    const imported = firstChild(incoming, section.name);
    if (imported) {
      if (appendMissing(componentKey)(section, imported)) changed = true;
      return;
    }
    // Before the first section the import has that followed this one in the installed file.
    const later = new Set(installedSections.slice(index + 1).map((next) => next.name));
    const children = [...incoming.children];
    const next = children.findIndex((node) => node.kind === 'element' && later.has(node.name));
    children.splice(next === -1 ? children.length : next, 0, section);
    incoming.children = children;
    changed = true;
  });
  return changed;
}

/**
 * Attributes that name a component: `<Workflow WorkflowId>`, `<Role id>`, `<optionset Name>`,
 * `<connectionreference connectionreferencelogicalname>`.
 */
const KEY_ATTRIBUTE = /^(workflowid|id|name|schemaname|\w*logicalname|\w*uniquename)$/i;
/**
 * Child elements that name one, the likeliest first: `<CanvasApp><Name>`, `<Entity><Name>`,
 * `<Connector><name>` (before its `<connectorid>`, which a rebuilt connector may not keep),
 * `<SiteMap><SiteMapUniqueName>`.
 */
const KEY_CHILDREN = [
  /^name$/i,
  /^(schemaname|\w*logicalname|\w*uniquename)$/i,
  /^(connectorid|webresourceid)$/i,
];

/**
 * What names a component among its section's: the first attribute or child element Dataverse keys it
 * by, else its whole text (a `<Language>1033</Language>` is its number).
 */
function componentKey(component: XmlElement): string {
  const named = component.attributes.find(([name]) => KEY_ATTRIBUTE.test(name));
  if (named) return `${component.name}@${named[0]}=${named[1].toLowerCase()}`;
  const children = childElements(component);
  for (const key of KEY_CHILDREN) {
    const child = children.find((each) => key.test(each.name));
    if (child) return `${component.name}/${child.name}=${textOf(child).toLowerCase()}`;
  }
  return serializeXml(component, EXPORT_STYLE);
}
