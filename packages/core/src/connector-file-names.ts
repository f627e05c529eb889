import { levenshteinDistance } from './edit-distance.js';

/**
 * The canonical file names of a connector folder in microsoft/PowerPlatformConnectors, by kind. Here
 * because the validator (REPO-FILENAMES, REPO-REQUIRED-FILES) and build-solution (which refuses a
 * folder without its swagger) both say which file in a folder was meant to have one of them.
 */
export const CONNECTOR_FILE_NAMES = {
  swagger: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  icon: 'icon.png',
  readme: 'readme.md',
  script: 'script.csx',
  settings: 'settings.json',
} as const;

export type ConnectorFileName = (typeof CONNECTOR_FILE_NAMES)[keyof typeof CONNECTOR_FILE_NAMES];

const CANONICAL = Object.values(CONNECTOR_FILE_NAMES);
const SWAGGER_LOWER = CONNECTOR_FILE_NAMES.swagger.toLowerCase();

/** `X.swagger.json` that is not `apiDefinition.swagger.json`: the pipeline never validates it. */
export function isMisnamedSwagger(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.swagger.json') && lower !== SWAGGER_LOWER;
}

/**
 * The canonical name a file is plainly meant to have, when it has another: a misspelled or
 * mis-extended canonical name (`apiProperty.json`, `apiDefination.swagger.json`, `Readme.md.txt`),
 * or a swagger saved under the name an editor or a download gives it. Undefined for a canonical name
 * in any case, and for a name like none of them. `hasScript`: the folder has a script.csx, beside
 * which Script.cs is C# source of its own (four merged folders have both); without one, Script.cs is
 * the script misnamed. A misnamed `X.swagger.json` (isMisnamedSwagger) is not matched here unless
 * its name is close to the swagger's: callers that want every one ask isMisnamedSwagger too.
 */
export function intendedConnectorFileName(name: string, hasScript: boolean): ConnectorFileName | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.cs'))
    return !hasScript && lower === 'script.cs' ? CONNECTOR_FILE_NAMES.script : undefined;
  if (looksLikeSwaggerJson(lower)) return CONNECTOR_FILE_NAMES.swagger;
  for (const canonical of CANONICAL) {
    const canonicalLower = canonical.toLowerCase();
    if (lower === canonicalLower) return undefined;
    if (
      lower.startsWith(canonicalLower) ||
      (levenshteinDistance(lower, canonicalLower, 3) <= 3 && stemsAlike(lower, canonicalLower))
    )
      return canonical;
  }
  return undefined;
}

/**
 * Whether the names before their first dot differ by at most a third of the canonical one's letters
 * (one at least). Three edits of the whole name are few for `apiDefinition.swagger.json`, but are all
 * of `icon`: a pull request's screenshot Flow.png was told a misnamed icon.png, and so were Item.png,
 * Open.png and Scan.png. `icons.png`, `icon1.png` and `Icon.jpg` still are.
 */
function stemsAlike(lower: string, canonicalLower: string): boolean {
  const stem = canonicalLower.slice(0, canonicalLower.indexOf('.'));
  const allowed = Math.max(1, Math.floor(stem.length / 3));
  const dot = lower.indexOf('.');
  return levenshteinDistance(dot === -1 ? lower : lower.slice(0, dot), stem, allowed) <= allowed;
}

/**
 * A swagger saved under the name an editor or a download gives it (apiDefinition.json, swagger.json,
 * api-definition.json, openapi.json, openapidefinition.json as in upstream's nBold): too far from
 * apiDefinition.swagger.json for the edit distance, and never validated by the pipeline.
 */
function looksLikeSwaggerJson(lower: string): boolean {
  if (!lower.endsWith('.json') || lower.endsWith('.swagger.json')) return false;
  return isSwaggerStem(lower.slice(0, -'.json'.length));
}

/**
 * A swagger written in YAML: `X.swagger.yaml`, or a name a swagger is saved under (swagger, openapi,
 * apiDefinition, …) with `.yaml` or `.yml`, as API designers and `swagger-cli` write it. The platform,
 * paconn and the pipeline read the swagger as JSON only: it is to be converted, not renamed. Which
 * folders holding one are connector folders: isConnectorFolderListing.
 */
export function isYamlSwagger(name: string): boolean {
  // Discovery asks it of every name in every folder it lists: most names end otherwise.
  const extension = YAML_EXTENSION.exec(name);
  if (extension === null) return false;
  const stem = name.slice(0, extension.index).toLowerCase();
  return stem.endsWith('.swagger') || isSwaggerStem(stem);
}

const YAML_EXTENSION = /\.ya?ml$/i;

/**
 * What to do with a connector folder's swagger written in YAML (isYamlSwagger), for the commands that
 * read only the JSON one (diff, build-solution), as validate's REPO-REQUIRED-FILES says it.
 */
export function yamlSwaggerConversion(name: string): string {
  return `Convert ${name} to JSON as ${CONNECTOR_FILE_NAMES.swagger} (an OpenAPI 3 file to Swagger 2.0, the only version a connector takes): the platform and paconn read the swagger as JSON only.`;
}

/**
 * `apiDefinition.swagger.yaml` (or `.yml`, any case): the connector's own file name written in YAML,
 * which only a connector's swagger is given. A folder holding it is a connector folder whatever else
 * it holds; `openapi.yaml` or `swagger.yml` alone is as likely a service's spec or docs (see
 * isConnectorFolderListing).
 */
export function isConnectorYamlSwagger(name: string): boolean {
  const extension = YAML_EXTENSION.exec(name);
  return extension !== null && `${name.slice(0, extension.index)}.json`.toLowerCase() === SWAGGER_LOWER;
}

/** A file name without its extension that names a swagger: swagger, openapi, api-definition, … */
function isSwaggerStem(stem: string): boolean {
  const bare = stem.replace(/[-_ ]/g, '');
  return (
    bare === 'swagger' ||
    bare === 'openapi' ||
    bare.endsWith('apidefinition') ||
    levenshteinDistance(bare, 'apidefinition', 2) <= 2
  );
}
