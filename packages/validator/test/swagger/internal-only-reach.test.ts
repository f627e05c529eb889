import { describe, expect, it } from '@jest/globals';
import { internalOnlyEntries } from '../../src/swagger/internal-only-reach.js';

const sorted = (entries: Set<string>): string[] => [...entries].sort();

describe('internalOnlyEntries', () => {
  it('takes what internal operations reach through other entries, and not what a visible one reaches', () => {
    const edges = new Map([
      ['/definitions/History', ['/definitions/Entry', '/definitions/Task']],
      ['/definitions/Entry', ['/definitions/Author']],
      ['/definitions/Task', ['/definitions/Label']],
    ]);
    const hidden = internalOnlyEntries({
      edges,
      visibleSeeds: ['/definitions/Task'],
      internalSeeds: ['/definitions/History'],
    });
    expect(sorted(hidden)).toEqual(['/definitions/Author', '/definitions/Entry', '/definitions/History']);
  });

  it('ends on reference loops, and leaves out entries that nothing reaches', () => {
    const edges = new Map([
      ['/definitions/Node', ['/definitions/Child']],
      ['/definitions/Child', ['/definitions/Node']],
      ['/definitions/Unused', ['/definitions/Node']],
    ]);
    const hidden = internalOnlyEntries({ edges, visibleSeeds: [], internalSeeds: ['/definitions/Child'] });
    expect(sorted(hidden)).toEqual(['/definitions/Child', '/definitions/Node']);
  });

  it('keeps an entry visible when a visible operation reaches it only at the end of a chain', () => {
    const edges = new Map([
      ['/responses/Page', ['/definitions/Page']],
      ['/definitions/Page', ['/definitions/Item']],
    ]);
    const hidden = internalOnlyEntries({
      edges,
      visibleSeeds: ['/responses/Page'],
      internalSeeds: ['/definitions/Item', '/parameters/Secret'],
    });
    expect(sorted(hidden)).toEqual(['/parameters/Secret']);
  });
});
