import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
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
  const root = temporaryFolder('connector-alm-');
  const top = {
    certified: 'certified-connectors',
    'independent-publisher': 'independent-publisher-connectors',
    custom: 'custom-connectors',
  }[profile];
  const folder = path.join(root, top, name);
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

/** The corpus of real connectors beside the project, when it is there. */
export const CORPUS_DIR = path.resolve(__dirname_of(import.meta.url), '../../../../../shared/corpus');
export const corpusAvailable = existsSync(CORPUS_DIR);

function __dirname_of(url: string): string {
  return path.dirname(fileURLToPath(url));
}
