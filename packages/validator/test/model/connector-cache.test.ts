import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { ConnectorCache } from '../../src/model/connector-cache.js';
import type { FolderRuleDefinition, RuleContext } from '../../src/model/rule.js';
import { sameLevels } from '../../src/model/rule.js';
import { validateFolder } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';

/** A rule that caches something per swagger, as the shared indexes do, and notes what it saw. */
function cachingRule(
  cache: ConnectorCache<object, string>,
  seen: object[],
  fail = false,
): FolderRuleDefinition {
  return {
    id: 'TEST-CACHE',
    file: 'swagger',
    title: 'Caches an index of the swagger',
    description: 'Test rule.',
    levels: sameLevels('error'),
    check(context: RuleContext) {
      const root = context.swagger!.root;
      if (cache.get(root) === undefined) cache.set(root, 'index');
      seen.push(root);
      // The entry is there for the other rules of the connector.
      if (cache.get(root) !== 'index') context.report({ message: 'the cached index is missing' });
      if (fail) throw new Error('rule bug');
    },
  };
}

async function validateWith(rule: FolderRuleDefinition) {
  const folder = writeConnector(validConnectorFiles());
  return (await validateFolder(folder, { rules: [rule], cwd: path.dirname(folder) })).findings;
}

describe('ConnectorCache', () => {
  it('holds an entry while a connector is validated, and drops it once its rules are done', async () => {
    const cache = new ConnectorCache<object, string>();
    const seen: object[] = [];
    expect(await validateWith(cachingRule(cache, seen))).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(cache.get(seen[0]!)).toBeUndefined();
  });

  it('drops the entries of a connector whose rule threw', async () => {
    const cache = new ConnectorCache<object, string>();
    const seen: object[] = [];
    const findings = await validateWith(cachingRule(cache, seen, true));
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^Internal error in rule TEST-CACHE: rule bug/),
    ]);
    expect(cache.get(seen[0]!)).toBeUndefined();
  });

  it("holds a connector's keys apart, replaces a key's entry, and drops them all, one written before too", async () => {
    const cache = new ConnectorCache<object, string>();
    const seen: object[] = [];
    const earlier = { written: 'before the validation' };
    cache.set(earlier, 'earlier');
    const rule: FolderRuleDefinition = {
      ...cachingRule(cache, []),
      check(context: RuleContext) {
        const root = context.swagger!.root;
        const properties = context.apiProperties!;
        seen.push(root, properties);
        cache.set(root, 'first');
        cache.set(properties, 'properties');
        cache.set(root, 'root');
        cache.set(earlier, 'overwritten');
        const read = [root, properties, earlier].map((key) => cache.get(key));
        if (read.join() !== 'root,properties,overwritten') context.report({ message: read.join() });
      },
    };
    expect(await validateWith(rule)).toEqual([]);
    expect([...seen, earlier].map((key) => cache.get(key))).toEqual([undefined, undefined, undefined]);
  });

  it('keeps entries written outside a validation, as a WeakMap does', () => {
    const cache = new ConnectorCache<object, string>();
    const key = {};
    cache.set(key, 'index');
    expect(cache.get(key)).toBe('index');
    cache.delete(key);
    expect(cache.get(key)).toBeUndefined();
  });

  it('builds an entry from its key once, and again after the connector is released', async () => {
    const cache = new ConnectorCache<object, { builtFrom: object }>();
    const builds: object[] = [];
    const build = (key: object) => {
      builds.push(key);
      return { builtFrom: key };
    };
    const key = {};
    const first = cache.getOrBuild(key, build);
    expect(first.builtFrom).toBe(key);
    expect(cache.getOrBuild(key, build)).toBe(first);
    expect(builds).toEqual([key]);

    // Inside a validation, the entry is dropped with the connector's other entries.
    const rule: FolderRuleDefinition = {
      ...cachingRule(new ConnectorCache(), []),
      check(context: RuleContext) {
        const root = context.swagger!.root;
        if (cache.getOrBuild(root, build) !== cache.getOrBuild(root, build)) {
          context.report({ message: 'built twice' });
        }
      },
    };
    expect(await validateWith(rule)).toEqual([]);
    const root = builds[1]!;
    expect(builds).toHaveLength(2);
    expect(cache.get(root)).toBeUndefined();
  });
});
