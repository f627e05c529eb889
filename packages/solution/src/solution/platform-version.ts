/**
 * The attributes of `<ImportExportXml>` that name the Dataverse build the solution was exported
 * from. They change with every service update of the environment, not with the solution.
 */
const PLATFORM_VERSION_ATTRIBUTES = ['version', 'OrganizationVersion', 'CRMServerServiceabilityVersion'];

// `[^<>]`, not `[^>]`: a start tag holds no '<', so each try stops at the next tag; with `[^>]*` every
// unclosed `<ImportExportXml` read on to the end of the text (100,000 of them took minutes).
const ROOT_START_TAG = /<ImportExportXml\b[^<>]*>/;

/**
 * The committed text of `Other/Solution.xml` or `Other/Customizations.xml` when the new export
 * differs from it only in the platform version attributes of the root element; otherwise undefined.
 *
 * Why: a scheduled snapshot of an unchanged solution would otherwise commit (and open a pull
 * request for) a one-line change after every Dataverse service update. Keeping the older build
 * number is safe: Dataverse refuses solutions exported from a newer build than its own, never from
 * an older one. When anything else changed, the new export is taken whole, build number included.
 * A checkout with CR LF line endings counts as the same text.
 */
export function unchangedButPlatformVersion(exported: string, committed: string): string | undefined {
  const committedRoot = ROOT_START_TAG.exec(committed)?.[0];
  const exportedRoot = ROOT_START_TAG.exec(exported)?.[0];
  if (committedRoot === undefined || exportedRoot === undefined || exported === committed) return undefined;
  let root = exportedRoot;
  for (const name of PLATFORM_VERSION_ATTRIBUTES) {
    const value = attributeValue(committedRoot, name);
    if (value !== undefined) root = withAttributeValue(root, name, value);
  }
  const adopted = exported.replace(exportedRoot, () => root);
  return adopted === committed.replace(/\r\n/g, '\n') ? committed : undefined;
}

function attributePattern(name: string): RegExp {
  return new RegExp(`(\\s${name}=")([^"]*)(")`);
}

function attributeValue(tag: string, name: string): string | undefined {
  return attributePattern(name).exec(tag)?.[2];
}

function withAttributeValue(tag: string, name: string, value: string): string {
  return tag.replace(
    attributePattern(name),
    (_all, before: string, _old: string, after: string) => `${before}${value}${after}`,
  );
}
