import { describe, expect, it } from '@jest/globals';
import type { Change } from '../../src/diff/change.js';
import { ALL_CHANGE_RULES, type DocumentedChangeRule } from '../../src/diff/documented-change-rules.js';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from '../git/repository-fixture.js';
import { exampleConnectors } from './example-connector.js';

// docs/rules.md shows a base version and a pull request for every change rule. Each is put into the
// valid connector at its placement and compared as the CLI's `diff` does: a reader who copies the
// example must see its rule, and no other breaking one. An example on a whole connector folder is
// played in a real repository, compared as `validate --base` does.

describe('the rule reference examples of the breaking-change check', () => {
  it.each(ALL_CHANGE_RULES.map((rule) => [rule.id, rule] as const))(
    '%s fires on its example',
    async (id, rule) => {
      const changes =
        rule.example.placement === 'connectorFolder'
          ? await folderExampleChanges(rule)
          : (await diffPaths(...examplePaths(rule))).changes;
      const fired = changes.map((change) => change.ruleId);
      const otherBreaking = changes
        .filter((change) => change.breaking && change.ruleId !== id)
        .map((change) => `${change.ruleId} at ${change.pointer}`);
      // All that fired is shown when the rule is missing from it.
      expect({ fired, otherBreaking }).toEqual({ fired: expect.arrayContaining([id]), otherBreaking: [] });
    },
  );
});

function examplePaths(rule: DocumentedChangeRule): [string, string] {
  const { before, after } = exampleConnectors(rule);
  return [writeConnector(before), writeConnector(after)];
}

/**
 * The base version lists a connector folder (its path, then its files); the pull request is the git
 * command that the example gives (removing the folder or one of its files), run on a branch of a
 * repository that holds that folder.
 */
async function folderExampleChanges(rule: DocumentedChangeRule): Promise<Change[]> {
  const [folderLine, ...names] = rule.example.before.split('\n');
  const folder = folderLine!.replace(/\/$/, '');
  const valid = validConnectorFiles();
  const repo = createRepository('dev');
  repo.write(
    connectorFiles(folder, Object.fromEntries(names.map((name) => [name.trim(), valid[name.trim()]!]))),
  );
  repo.commitAll('dev: the base version');
  repo.git('checkout', '--quiet', '-b', 'pr');
  const command = /^git rm (-r )?"([^"]+)"$/.exec(rule.example.after);
  if (!command)
    throw new Error(
      `This test plays 'git rm -r "<folder>"' and 'git rm "<file>"', not: ${rule.example.after}`,
    );
  repo.git('rm', '-r', '--quiet', command[2]!);
  repo.commitAll('pr: the example');
  const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [] });
  return result.diffs.flatMap((entry) => entry.diff?.changes ?? []);
}
