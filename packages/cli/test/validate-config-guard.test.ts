import { describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runGit, temporaryFolder } from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

const git = (cwd: string, ...args: string[]): string => runGit(cwd, args);

/**
 * dev has a connector and `baseConfig`; the branch `feature` makes the connector's title too long for
 * SWG-INFO-TITLE-LEN and writes `headConfig`.
 */
function repository(baseConfig: string, headConfig: string): string {
  const root = temporaryFolder('cli-config-guard-');
  const folder = path.join(root, 'certified-connectors', 'Contoso Tasks');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(validSwagger(), null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  writeFileSync(path.join(root, '.connector-alm.yml'), baseConfig);
  git(root, 'init', '-q', '-b', 'dev');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  git(root, 'checkout', '-qb', 'feature');
  const swagger = validSwagger();
  swagger.info.title = 'Contoso Tasks for every team';
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(root, '.connector-alm.yml'), headConfig);
  git(root, 'commit', '-qam', 'a longer title, and its rule off');
  return root;
}

describe('connector-alm validate --base and the configuration file', () => {
  it('lists what the branch loosened under the file, and exits 0 on the warning alone', async () => {
    const root = repository('ignore: []\n', 'ignore: []\nrules:\n  SWG-INFO-TITLE-LEN: off\n');
    const io = memoryIo(root);

    expect(await runCli(['validate', '.', '--base', 'dev'], io)).toBe(0);
    expect(io.out()).toContain(
      '.connector-alm.yml [configuration]: 0 errors, 1 warning, 0 info\n' +
        '.connector-alm.yml:3:3 warning REPO-CONFIG-LOOSENED This change to the configuration file turns SWG-INFO-TITLE-LEN off (error → off for certified and independent-publisher, info → off for custom; base → this change).',
    );
    expect(io.err()).toBe('');
  });

  // A link out of the repository reads as the defaults: the change loosened the file as if deleting it.
  (process.platform === 'win32' ? it.skip : it)(
    'reports a branch that turns the file into a link to /dev/null',
    async () => {
      const root = repository(
        'rules:\n  README-SECTIONS-CERT: error\n',
        'rules:\n  README-SECTIONS-CERT: error\n',
      );
      rmSync(path.join(root, '.connector-alm.yml'));
      symlinkSync('/dev/null', path.join(root, '.connector-alm.yml'));
      git(root, 'add', '-A');
      git(root, 'commit', '-qm', 'no configuration to speak of');
      const io = memoryIo(root);

      expect(await runCli(['validate', '.', '--base', 'dev'], io)).toBe(0);
      expect(io.out()).toContain(
        '.connector-alm.yml:1:1 warning REPO-CONFIG-LOOSENED This change to the configuration file (now a symbolic link to /dev/null, outside the repository) lowers README-SECTIONS-CERT (error → warning for certified, error → off for independent-publisher and custom; base → this change).',
      );
    },
  );

  it('says on stderr that a base file it cannot read was not compared', async () => {
    const root = repository('rules:\n  RETIRED-RULE-X1: off\n', 'rules:\n  SWG-INFO-TITLE-LEN: off\n');
    const io = memoryIo(root);

    expect(await runCli(['validate', '.', '--base', 'dev'], io)).toBe(0);
    expect(io.out()).not.toContain('REPO-CONFIG-LOOSENED');
    expect(io.err()).toMatch(
      /^note: The configuration file at the base \([0-9a-f]{12}:\.connector-alm\.yml\) is not a valid configuration \(line 2: Unknown rule 'RETIRED-RULE-X1'\.[^)]*\), so this change's configuration was not compared with it\.\n$/,
    );
  });
});
