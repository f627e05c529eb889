import { describe, expect, it } from '@jest/globals';
import type { RuleContext } from '../../src/model/rule.js';
import { LooseListing } from '../../src/rules/readme/loose-listing.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

/** `count` operations "Get item number N" (GetItemNumberN on /itemsN/sub), N from 0. */
function swaggerOf(count: number): SwaggerModel {
  const paths: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    paths[`/items${index}/sub`] = {
      get: {
        operationId: `GetItemNumber${index}`,
        summary: `Get item number ${index}`,
        responses: { '200': { description: 'ok' } },
      },
    };
  }
  return new SwaggerModel({ swagger: '2.0', info: { title: 'Items', version: '1.0' }, paths });
}

/**
 * A LooseListing of the swagger's operations, and how many times an operation was taken from their
 * list: a question about a key takes each operation whose letters it may have.
 */
function listingOf(model: SwaggerModel, listed: readonly string[] = []) {
  const taken = { count: 0 };
  const operations = new Proxy(model.operations, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) taken.count++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  const context = { swagger: { operations } } as unknown as RuleContext;
  return { listing: new LooseListing(context, () => new Set(listed)), taken };
}

describe("README-OPS-MATCH's loose names of operations", () => {
  it("tell a heading that names an operation's loose name from one that names none", () => {
    const { listing } = listingOf(swaggerOf(3));
    expect(listing.names('Get an item number 2')).toBe(true);
    expect(listing.namesOwn('Get the Item Number 1')).toBe(true);
    // A short name is shared, not an operation's own.
    expect(listing.names('Item number 1')).toBe(true);
    expect(listing.namesOwn('Item number 1')).toBe(false);
    expect(listing.names('Get item number 3')).toBe(false);
    expect(listing.names('Delete item number 1')).toBe(false);
  });

  it('tell whether the sections list an operation by a short name only it has', () => {
    const model = swaggerOf(3);
    const { listing } = listingOf(model, ['itemnumber1', 'getitemnumber2']);
    expect(model.operations.map((operation) => listing.lists(operation))).toEqual([false, true, true]);
  });

  it('take each operation a few times, not once for each heading asked about', () => {
    // 2,000 stale headings over 2,000 operations that have their letters: every question went
    // through every operation (with 20,000 of each, validate took 38 s).
    const count = 2_000;
    const { listing, taken } = listingOf(swaggerOf(count));
    for (let index = 0; index < count; index++) {
      expect(listing.names(`Get item ${index}`)).toBe(false);
      expect(listing.namesOwn(`Get item ${index}`)).toBe(false);
    }
    expect(taken.count).toBeGreaterThanOrEqual(count);
    // Read for the letters, for the first questions (INDEX_AFTER, 64) and for the index: 49,250
    // times here, where each question reading every operation whose letters it has took 993,566.
    expect(taken.count).toBeLessThanOrEqual(70 * count);
  });
});
