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
  type XmlNode,
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
    [CONTENT_TYPES_XML, mergeContentTypes],
  ] as const) {
    const ours = readPart(before, part);
    const theirs = readPart(after, part);
    if (!ours || !theirs) continue;
    const result = merge(ours, theirs);
    if (result === theirs) continue;
    merged[part] = strToU8(serializeXml(result, EXPORT_STYLE));
    changed = true;
  }
  return changed ? zipSync(merged) : incoming;
}

function readPart(entries: Unzipped, part: string): XmlElement | undefined {
  const bytes = entries[part];
  return bytes && parseXml(withoutByteOrderMark(new TextDecoder('utf-8').decode(bytes)), part);
}

/** solution.xml: the import's root components, then the installed ones it lacks. */
function mergeRootComponents(installed: XmlElement, incoming: XmlElement): XmlElement {
  const path = ['ImportExportXml', 'SolutionManifest', 'RootComponents'];
  return mergeListAt(installed, incoming, path, (component) =>
    [attribute(component, 'type'), attribute(component, 'schemaName') ?? attribute(component, 'id')].join(
      ':',
    ),
  );
}

/** [Content_Types].xml: the import's types, then the installed ones for extensions and parts it lacks. */
function mergeContentTypes(installed: XmlElement, incoming: XmlElement): XmlElement {
  const kept = missingChildren(installed, incoming, (type) =>
    [type.name, attribute(type, 'Extension') ?? attribute(type, 'PartName')].join(':'),
  );
  return kept.length === 0 ? incoming : { ...incoming, children: [...incoming.children, ...kept] };
}

/**
 * customizations.xml: each section (`<CanvasApps>`, `<Workflows>`, `<Entities>`, …) with the import's
 * components, then the installed ones it lacks; a section only the installed solution has is put where
 * it stood among the sections.
 */
function mergeSections(installed: XmlElement, incoming: XmlElement): XmlElement {
  if (installed.name !== incoming.name) return incoming;
  const sections = [...incoming.children];
  let changed = false;
  const installedSections = childElements(installed);
  installedSections.forEach((section, index) => {
    const at = sections.findIndex((node) => node.kind === 'element' && node.name === section.name);
    if (at !== -1) {
      const ours = sections[at] as XmlElement;
      const kept = missingChildren(section, ours, componentKey);
      if (kept.length === 0) return;
      sections[at] = { ...ours, children: [...ours.children, ...kept] };
    } else {
      // Before the first section the import has that followed this one in the installed file.
      const later = new Set(installedSections.slice(index + 1).map((next) => next.name));
      const next = sections.findIndex((node) => node.kind === 'element' && later.has(node.name));
      sections.splice(next === -1 ? sections.length : next, 0, section);
    }
    changed = true;
  });
  return changed ? { ...incoming, children: sections } : incoming;
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

/** The element at `path` of `incoming`, with the children of the same element of `installed` it lacks. */
function mergeListAt(
  installed: XmlElement,
  incoming: XmlElement,
  path: readonly string[],
  key: (child: XmlElement) => string,
): XmlElement {
  const [name, ...rest] = path;
  if (installed.name !== name || incoming.name !== name) return incoming;
  if (rest.length === 0) {
    const kept = missingChildren(installed, incoming, key);
    return kept.length === 0 ? incoming : { ...incoming, children: [...incoming.children, ...kept] };
  }
  const ours = firstChild(installed, rest[0]!);
  const theirs = firstChild(incoming, rest[0]!);
  if (!ours || !theirs) return incoming;
  const merged = mergeListAt(ours, theirs, rest, key);
  if (merged === theirs) return incoming;
  return {
    ...incoming,
    children: incoming.children.map((child): XmlNode => (child === theirs ? merged : child)),
  };
}

/** The element children of `installed` whose key no element child of `incoming` has, in their order. */
function missingChildren(
  installed: XmlElement,
  incoming: XmlElement,
  key: (child: XmlElement) => string,
): XmlElement[] {
  const present = new Set(childElements(incoming).map(key));
  return childElements(installed).filter((child) => !present.has(key(child)));
}
