import { decodeUtf8Strict } from '../text/decode.js';
import { parseXml } from '../xml/parse-xml.js';
import { childElements, type XmlElement } from '../xml/xml-tree.js';
import type { ZipReader } from '../zip/zip-reader.js';
import type { PackageFinding, SolutionKind } from './package-findings.js';

const REQUIRED = ['[Content_Types].xml', 'customizations.xml', 'solution.xml'];

/** Whether some element `name` anywhere under `node` has content, as the validator's XPath `//name` with a non-empty test. */
function hasNonEmpty(node: XmlElement, name: string): boolean {
  return childElements(node).some(
    (child) =>
      (child.name === name &&
        child.children.some((c) => c.kind === 'element' || (c.kind === 'text' && c.text.trim() !== ''))) ||
      hasNonEmpty(child, name),
  );
}

/**
 * Checks one solution zip of a certification package and classifies it the way the validator does:
 * by the non-empty Connector, Workflows and aicopilot_aiplugin nodes of customizations.xml.
 */
export async function classifySolution(
  reader: ZipReader,
  label: string,
  pluginMode: boolean,
): Promise<{ kind: SolutionKind; findings: PackageFinding[] }> {
  const findings: PackageFinding[] = [];
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
      message: `The solution zip file '${label}' should contain three files namely '[Content_Types].xml', 'customizations.xml', 'solution.xml'.`,
      hint: `Please add the missing '${missing.join("', '")}' to the solution zip file. These files are present in every exported solution.`,
    });
    return { kind: 'other', findings };
  }
  const entry = rootFiles.get('customizations.xml')!;
  const root = parseXml(
    decodeUtf8Strict(await reader.readBuffer(entry), `${label}/${entry.name}`),
    `${label}/${entry.name}`,
  );
  const hasConnector = hasNonEmpty(root, 'Connector');
  const hasWorkflows = hasNonEmpty(root, 'Workflows');
  const hasPlugin = pluginMode && hasNonEmpty(root, 'aicopilot_aiplugin');
  const folder = (name: string): boolean =>
    reader.entries.some((other) => other.name.toLowerCase().startsWith(`${name.toLowerCase()}/`));
  if (hasConnector && !folder('Connector')) {
    findings.push({
      ruleId: 'PKG-SOL-CONNECTOR-DIR',
      message: `The solution zip file '${label}' should contain one folder namely 'Connector'.`,
      hint: 'The folders should match the customizations.xml file; export the correct solution again.',
    });
  }
  if (hasWorkflows && !folder('Workflows')) {
    findings.push({
      ruleId: 'PKG-SOL-WORKFLOWS-DIR',
      message: `The solution zip file '${label}' should contain a folder namely 'Workflows'.`,
      hint: 'Export the flow solution again.',
    });
  }
  if (hasPlugin && !(folder('aiplugins') && folder('aipluginoperations'))) {
    findings.push({
      ruleId: 'PKG-SOL-PLUGIN-DIRS',
      message: `The solution zip file '${label}' should contain the folders 'Connector', 'aiplugins' and 'aipluginoperations'.`,
    });
  }
  const kind: SolutionKind = !hasConnector
    ? 'other'
    : hasPlugin
      ? 'plugin'
      : hasWorkflows
        ? 'flow'
        : 'connector';
  return { kind, findings };
}
