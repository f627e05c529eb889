import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals';
import { startScenario, type Scenario } from './scenario.js';

/**
 * A scenario started before each test of the block this is called in, and disposed after it. The
 * test fails when the local GitHub saw a request GitHub would have refused (its violations).
 */
export function scenarioForEachTest(): Scenario {
  return scenarioAround(beforeEach, afterEach);
}

/** As scenarioForEachTest, but one scenario for all the tests of the block, in their order. */
export function scenarioForAllTests(): Scenario {
  return scenarioAround(beforeAll, afterAll);
}

/**
 * The hooks run the tests' scenario in and out; the object returned stands for the scenario of the
 * test that runs, so that a test file can name it once, outside its tests.
 */
function scenarioAround(before: typeof beforeAll, after: typeof afterAll): Scenario {
  let current: Scenario | undefined;
  before(async () => {
    current = await startScenario();
  });
  after(async () => {
    const scenario = running();
    current = undefined;
    // Disposed first, so that a violation does not leave the server and its folders behind.
    await scenario.dispose();
    expect(scenario.github.violations).toEqual([]);
  });
  function running(): Scenario {
    if (!current) throw new Error('The scenario is there only while a test of its block runs.');
    return current;
  }
  return {
    get github() {
      return running().github;
    },
    get upstream() {
      return running().upstream;
    },
    get contributor() {
      return running().contributor;
    },
    get workspace() {
      return running().workspace;
    },
    dispose: () => running().dispose(),
  };
}
