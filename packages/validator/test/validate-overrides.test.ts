import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { loadConfig } from '../src/config/load-config.js';
import { fixJsonSlips } from '../src/fix/fix-folders.js';
import { profileFallbackFolders } from '../src/profile-fallback.js';
import { validatePaths } from '../src/validate.js';
import { validConnectorFiles, validSwagger } from './helpers/valid-connector.js';

// A team keeps ~25 connectors in one repository: connectors/** held to the certified rules,
// integrations/legacy/** relaxed, and one legacy connector exempt from a rule the file raised.

/** A repository (with `.git`) of three connectors that each lack x-ms-url-encoding on a path parameter. */
function teamRepository(config: string, change: (swagger: Record<string, any>) => void = () => {}): string {
  const root = temporaryFolder('connector-alm-team-');
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, '.connector-alm.yml'), config);
  for (const folder of ['connectors/Tasks', 'integrations/legacy/Payroll', 'integrations/legacy/Hr']) {
    const swagger = validSwagger();
    delete swagger.paths['/tasks/{taskId}'].get.parameters[0]['x-ms-url-encoding'];
    change(swagger);
    const files = { ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger };
    mkdirSync(path.join(root, folder), { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(
        path.join(root, folder, name),
        typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2),
      );
    }
  }
  return root;
}

const CONFIG = [
  'profile: custom',
  'rules:',
  '  SWG-PATH-PARAM-ENCODING: error',
  'overrides:',
  "  - files: ['connectors/**']",
  '    profile: certified',
  "  - files: ['integrations/legacy/**']",
  '    rules:',
  '      SWG-PATH-PARAM-ENCODING: warning',
  '  - files: [integrations/legacy/Payroll]',
  '    rules:',
  '      SWG-PATH-PARAM-ENCODING: off',
  '',
].join('\n');

describe('validate with overrides in the configuration file', () => {
  it('gives each folder the profile and levels of the overrides that match it', async () => {
    const root = teamRepository(CONFIG);
    const config = await loadConfig({ cwd: root, paths: ['.'] });
    const result = await validatePaths(['.'], { cwd: root, config, concurrency: 'off' });

    const byFolder = result.connectors.map((connector) => [
      connector.path,
      connector.profile,
      connector.findings
        .filter((finding) => finding.ruleId === 'SWG-PATH-PARAM-ENCODING')
        .map((finding) => finding.severity),
    ]);
    expect(byFolder).toEqual([
      ['connectors/Tasks', 'certified', ['error']],
      ['integrations/legacy/Hr', 'custom', ['warning']],
      ['integrations/legacy/Payroll', 'custom', []],
    ]);
    // The certified profile is the override's choice: no note that the folder fell back to custom.
    expect(profileFallbackFolders(result.connectors, { cwd: root, config })).toEqual([]);
  });

  it('note only the folders that have the custom rules because nothing chose them, no override either', async () => {
    const config = `${CONFIG.replace('profile: custom\n', '')}  - files: [integrations/legacy/Payroll]\n    profile: custom\n`;
    const root = teamRepository(config);
    const loaded = await loadConfig({ cwd: root, paths: ['.'] });
    const result = await validatePaths(['.'], { cwd: root, config: loaded, concurrency: 'off' });
    expect(profileFallbackFolders(result.connectors, { cwd: root, config: loaded })).toEqual([
      'integrations/legacy/Hr',
    ]);
  });

  it('give validate --fix the levels of each folder: a rule off for one renames no key there', async () => {
    const misspelt = (swagger: Record<string, any>) => {
      swagger.basepath = swagger.basePath;
      delete swagger.basePath;
    };
    const root = teamRepository(
      "overrides:\n  - files: ['integrations/legacy/Hr']\n    rules:\n      SWG-ADDL-PROP: off\n",
      misspelt,
    );
    const config = await loadConfig({ cwd: root, paths: ['.'] });
    const report = await fixJsonSlips(['.'], { cwd: root, config });
    expect(report.fixed.map((fixed) => fixed.file)).toEqual([
      'connectors/Tasks/apiDefinition.swagger.json',
      'integrations/legacy/Payroll/apiDefinition.swagger.json',
    ]);
    const hr = readFileSync(path.join(root, 'integrations/legacy/Hr/apiDefinition.swagger.json'), 'utf8');
    expect(hr).toContain('"basepath"');
  });
});
