import { attribute, childElements, firstChild, textOf, type XmlElement } from '../xml/xml-tree.js';

/** What a solution's manifest says of the solution and its publisher: build-solution's settings. */
export interface ManifestSettings {
  uniqueName: string;
  /** The English (1033) name, or the first one; empty when the manifest has none. */
  displayName: string;
  version: string;
  publisher: {
    uniqueName: string;
    displayName: string;
    prefix: string;
    /** Undefined when the manifest has none, or not a number. */
    optionValuePrefix?: number;
  };
}

/** The `description` of the English LocalizedName of `parent`, else of its first one. */
function localizedName(parent: XmlElement | undefined): string {
  const list = parent && firstChild(parent, 'LocalizedNames');
  const names = list ? childElements(list, 'LocalizedName') : [];
  const english = names.find((name) => attribute(name, 'languagecode') === '1033') ?? names[0];
  return (english && attribute(english, 'description')?.trim()) ?? '';
}

/**
 * The settings of `manifest` (the <SolutionManifest> of solution.xml, as readManifest found it).
 * Fields it lacks are empty: the settings are defaults, and buildSolution checks what it is given.
 */
export function manifestSettings(manifest: XmlElement): ManifestSettings {
  const text = (parent: XmlElement | undefined, name: string): string => {
    const node = parent && firstChild(parent, name);
    return node ? textOf(node).trim() : '';
  };
  const publisher = firstChild(manifest, 'Publisher');
  const optionValue = text(publisher, 'CustomizationOptionValuePrefix');
  return {
    uniqueName: text(manifest, 'UniqueName'),
    displayName: localizedName(manifest),
    version: text(manifest, 'Version'),
    publisher: {
      uniqueName: text(publisher, 'UniqueName'),
      displayName: localizedName(publisher),
      prefix: text(publisher, 'CustomizationPrefix'),
      ...(/^\d+$/.test(optionValue) ? { optionValuePrefix: Number(optionValue) } : {}),
    },
  };
}
