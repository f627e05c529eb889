import { chmodSync, cpSync, mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporaryFolder } from '@connector-alm/testing';
import { findRule } from '../../src/rules/index.js';
import { validateFolder } from '../../src/validate.js';
import type { Finding, Profile } from '../../src/model/finding.js';

/** File contents: objects are written as pretty JSON, strings and buffers as they are. */
export type FixtureFiles = Record<string, string | Buffer | object>;

/**
 * Writes a real connector folder in a temporary directory, under the top folder of the profile
 * (certified-connectors/…), and returns its path.
 */
export function writeConnector(
  files: FixtureFiles,
  profile: Profile = 'certified',
  name = 'Contoso',
): string {
  const top = {
    certified: 'certified-connectors',
    'independent-publisher': 'independent-publisher-connectors',
    custom: 'custom-connectors',
  }[profile];
  return writeConnectorUnder(files, top, name);
}

/** Writes a real connector folder under `top` (any folder, in the layout or not) in a temporary directory. */
export function writeConnectorUnder(files: FixtureFiles, top: string, name = 'Contoso'): string {
  const folder = path.join(temporaryFolder('connector-alm-'), top, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(folder, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(
      target,
      typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2),
    );
  }
  return folder;
}

/** Validates a fixture folder with only the named rules (all rules when none are named). */
export async function runRules(
  files: FixtureFiles,
  ruleIds: string[],
  profile: Profile = 'certified',
): Promise<Finding[]> {
  const folder = writeConnector(files, profile);
  const rules = ruleIds.map((id) => {
    const rule = findRule(id);
    if (!rule) throw new Error(`No rule ${id}`);
    return rule;
  });
  const result = await validateFolder(folder, { rules, cwd: path.dirname(folder) });
  return result.findings;
}

/**
 * Validates a fixture folder kept outside the PowerPlatformConnectors layout (connectors/Contoso, as
 * a company's own repository holds them) with only the named rules: the custom rules apply.
 */
export async function runRulesInHouse(files: FixtureFiles, ruleIds: string[]): Promise<Finding[]> {
  const folder = writeConnectorUnder(files, 'connectors');
  const rules = ruleIds.map((id) => findRule(id)!);
  return (await validateFolder(folder, { rules, cwd: path.dirname(folder) })).findings;
}

/** The corpus of real connectors beside the project, when it is there. */
export const CORPUS_DIR = path.resolve(__dirname_of(import.meta.url), '../../../../../shared/corpus');
export const corpusAvailable = existsSync(CORPUS_DIR);

function __dirname_of(url: string): string {
  return path.dirname(fileURLToPath(url));
}

/**
 * Copies `source` (a corpus folder, or the whole corpus) to `destination` with every file writable:
 * the shared corpus may be read-only, and `validate --fix` leaves read-only files alone.
 */
export function writableCopy(source: string, destination: string): void {
  cpSync(source, destination, { recursive: true });
  for (const entry of readdirSync(destination, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) chmodSync(path.join(entry.parentPath, entry.name), 0o644);
  }
}
