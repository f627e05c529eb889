import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { loadConfig } from '../../src/config/index.js';
import { unmatchedOverrideFindings } from '../../src/config/unmatched-override-globs.js';

// An override's glob is matched as `ignore` matches folders: without regard to case on the
// case-insensitive file systems of Windows and macOS. Both of its checks take the platform, so that
// one run's verdict never mixes two case rules.

const CONFIG = [
  'ignore:',
  '  - certified-connectors/legacy*',
  'overrides:',
  '  - files: [certified-connectors/Legacy*]',
  '    profile: custom',
  '',
].join('\n');

async function findingsOn(platform: NodeJS.Platform) {
  const root = temporaryFolder('connector-alm-override-case-');
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, '.connector-alm.yml'), CONFIG);
  const config = await loadConfig({ cwd: root, ruleIds: ['REPO-CONFIG-OVERRIDE-UNMATCHED'] });
  const found = [path.join(root, 'certified-connectors', 'legacy-tasks')];
  return unmatchedOverrideFindings(found, [root], root, config, platform).map(
    (finding) => `${finding.line}: ${finding.message}`,
  );
}

describe('an override glob in another case than the folder it means', () => {
  it('matches it on macOS and Windows, where ignore skips it: the override applies to nothing', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(await findingsOn(platform)).toEqual([
        "4: The files pattern 'certified-connectors/Legacy*' in overrides[0] matches only connector folders that the file's ignore patterns skip ('certified-connectors/legacy-tasks'), so it applies overrides[0] to no folder that is validated.",
      ]);
    }
  });

  it('matches nothing on Linux, where the names differ', async () => {
    const [finding, ...others] = await findingsOn('linux');
    expect(others).toEqual([]);
    expect(finding).toMatch(
      /^4: The files pattern 'certified-connectors\/Legacy\*' in overrides\[0\] matches no connector folder under the file's folder/,
    );
  });
});
