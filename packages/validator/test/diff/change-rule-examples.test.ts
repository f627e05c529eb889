import { describe, expect, it } from '@jest/globals';
import { ALL_CHANGE_RULES } from '../../src/diff/change-rules.js';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { writeConnector } from '../helpers/fixture.js';
import { exampleConnectors } from './example-connector.js';

// docs/rules.md shows a base version and a pull request for every change rule. Each is put into the
// valid connector at its placement and compared as the CLI's `diff` does: a reader who copies the
// example must see its rule, and no other breaking one.

describe('the rule reference examples of the breaking-change check', () => {
  it.each(ALL_CHANGE_RULES.map((rule) => [rule.id, rule] as const))(
    '%s fires on its example',
    async (id, rule) => {
      const { before, after } = exampleConnectors(rule);
      const result = await diffPaths(writeConnector(before), writeConnector(after));
      const fired = result.changes.map((change) => change.ruleId);
      const otherBreaking = result.changes
        .filter((change) => change.breaking && change.ruleId !== id)
        .map((change) => `${change.ruleId} at ${change.pointer}`);
      // All that fired is shown when the rule is missing from it.
      expect({ fired, otherBreaking }).toEqual({ fired: expect.arrayContaining([id]), otherBreaking: [] });
    },
  );
});
