import { legacyFlowPackageHint } from '../solution/solution-errors.js';
import { readPartBytes } from '../solution/part-text.js';
import { EXPORTED_XML_HINT } from '../xml/parse-xml.js';
import { namesWithContent } from './first-elements.js';
import type { ZipReader } from '../zip/zip-reader.js';
import type { PackageFinding, SolutionKind } from './package-findings.js';

const REQUIRED = ['[Content_Types].xml', 'customizations.xml', 'solution.xml'];

/** What the validator says a flow solution lacks, by the folders missing (its wording, quirks included). */
const WORKFLOWS_MISSING: Record<string, string> = {
  Workflows: "folder namely 'Workflows'",
  Connector: "folder namely 'Connector",
  'Connector,Workflows': "folders namely 'Connector', 'Workflows'",
};

/**
 * What the validator says a plugin solution lacks. Its branch for 'aipluginoperations' alone cannot
 * be reached (rules.md §4), so it names all three folders there; this names the one missing.
 */
const PLUGIN_MISSING: Record<string, string> = {
  aiplugins: "folder namely 'aiplugins'",
  Connector: "folder namely 'Connector",
  aipluginoperations: "folder namely 'aipluginoperations",
  'Connector,aiplugins': "folders namely 'Connector', 'aiplugins'",
  'Connector,aipluginoperations': "folders namely 'Connector', 'aipluginoperations'",
  'aiplugins,aipluginoperations': "folders namely 'aiplugins', 'aipluginoperations'",
  'Connector,aiplugins,aipluginoperations': "folders namely 'Connector', 'aiplugins'. 'aipluginoperations'",
};

const FOLDERS_HINT =
  'The folders should match the customization.xml file. They are present by default in an exported solution and should not be modified/removed manually.';

/**
 * Checks one solution zip of a certification package and classifies it the way the validator does:
 * by the non-empty Connector, Workflows and aicopilot_aiplugin nodes of customizations.xml (the
 * connector alone, with a flow, or with the plugin). `zip` is
 * the solution zip's name and `folder` the assets folder it is in, as the validator's messages name
 * them.
 */
export async function classifySolution(
  reader: ZipReader,
  where: { zip: string; folder: string },
  pluginMode: boolean,
): Promise<{ kind: SolutionKind; findings: PackageFinding[] }> {
  const findings: PackageFinding[] = [];
  const solution = `The solution zip file '${where.zip}' in '${where.folder}'`;
  // Names in any case, as the validator compares them on Windows (PowerShell's -eq ignores case).
  const rootFiles = new Map(
    reader.files
      .filter((entry) => !entry.name.includes('/'))
      .map((entry) => [entry.name.toLowerCase(), entry]),
  );
  const missing = REQUIRED.filter((name) => !rootFiles.has(name.toLowerCase()));
  if (missing.length > 0) {
    findings.push({
      ruleId: 'PKG-SOL-FILES',
      message: `${solution} should contain three files namely '[Content_Types].xml', 'customizations.xml', 'solution.xml'.`,
      hint: [
        `Please add the missing '${missing.join(', ')}' to the solution zip file. NOTE: These files are by default present in an exported solution and should not be manually modified/removed. If done, please revert the changes.`,
        legacyFlowPackageHint(reader.entries.map((entry) => entry.name)),
      ]
        .filter(Boolean)
        .join(' '),
    });
    return { kind: 'other', findings };
  }
  const entry = rootFiles.get('customizations.xml')!;
  const file = `${where.folder}/${where.zip}/${entry.name}`;
  const withContent = namesWithContent(await readPartBytes(reader, entry, file), file, EXPORTED_XML_HINT, [
    'Connector',
    'Workflows',
    'aicopilot_aiplugin',
  ]);
  const hasConnector = withContent.has('Connector');
  const hasWorkflows = withContent.has('Workflows');
  const hasPlugin = pluginMode && withContent.has('aicopilot_aiplugin');
  const lacks = (names: readonly string[]): string[] =>
    names.filter(
      (name) =>
        !reader.entries.some((other) => other.name.toLowerCase().startsWith(`${name.toLowerCase()}/`)),
    );
  const connectorLacks = hasConnector ? lacks(['Connector']) : [];
  const flowLacks = hasWorkflows ? lacks(['Connector', 'Workflows']) : [];
  const pluginLacks = hasPlugin ? lacks(['Connector', 'aiplugins', 'aipluginoperations']) : [];
  // The validator stops at the first of these a solution breaks.
  if (connectorLacks.length > 0) {
    findings.push({
      ruleId: 'PKG-SOL-CONNECTOR-DIR',
      // The validator's text, its missing quote included.
      message: `${solution} should contain one folder namely 'Connector.`,
      hint: `${FOLDERS_HINT} Please add the required folder to the solution zip or export the correct solution again.`,
    });
  } else if (flowLacks.length > 0) {
    findings.push({
      ruleId: 'PKG-SOL-WORKFLOWS-DIR',
      message: `${solution} should contain '${WORKFLOWS_MISSING[flowLacks.join(',')]}'.`,
      hint: `${FOLDERS_HINT} Please add the required folder to the solution zip or export the correct solution again.`,
    });
  } else if (pluginLacks.length > 0) {
    findings.push({
      ruleId: 'PKG-SOL-PLUGIN-DIRS',
      message: `${solution} should contain '${PLUGIN_MISSING[pluginLacks.join(',')]}`,
      hint: `${FOLDERS_HINT} Please add the required folders to the solution zip or export the correct solution again.`,
    });
  }
  // A solution with the connector, a flow and the plugin is none of the three for the validator.
  const kind: SolutionKind = !hasConnector
    ? 'other'
    : hasWorkflows && hasPlugin
      ? 'other'
      : hasPlugin
        ? 'plugin'
        : hasWorkflows
          ? 'flow'
          : 'connector';
  return { kind, findings };
}
