import { describe, expect, it } from '@jest/globals';
import { reachOf } from '../../src/swagger/internal-only-reach.js';

const sorted = (entries: Set<string>): string[] => [...entries].sort();

describe('reachOf', () => {
  it('takes what internal operations reach through other entries, and not what a visible one reaches', () => {
    const edges = new Map([
      ['/definitions/History', ['/definitions/Entry', '/definitions/Task']],
      ['/definitions/Entry', ['/definitions/Author']],
      ['/definitions/Task', ['/definitions/Label']],
    ]);
    const { internalOnly: hidden, visible } = reachOf({
      edges,
      visibleSeeds: ['/definitions/Task'],
      internalSeeds: ['/definitions/History'],
    });
    expect(sorted(hidden)).toEqual(['/definitions/Author', '/definitions/Entry', '/definitions/History']);
    expect(sorted(visible)).toEqual(['/definitions/Label', '/definitions/Task']);
  });

  it('ends on reference loops, and leaves out entries that nothing reaches', () => {
    const edges = new Map([
      ['/definitions/Node', ['/definitions/Child']],
      ['/definitions/Child', ['/definitions/Node']],
      ['/definitions/Unused', ['/definitions/Node']],
    ]);
    const hidden = reachOf({ edges, visibleSeeds: [], internalSeeds: ['/definitions/Child'] }).internalOnly;
    expect(sorted(hidden)).toEqual(['/definitions/Child', '/definitions/Node']);
  });

  it('keeps an entry visible when a visible operation reaches it only at the end of a chain', () => {
    const edges = new Map([
      ['/responses/Page', ['/definitions/Page']],
      ['/definitions/Page', ['/definitions/Item']],
    ]);
    const hidden = reachOf({
      edges,
      visibleSeeds: ['/responses/Page'],
      internalSeeds: ['/definitions/Item', '/parameters/Secret'],
    }).internalOnly;
    expect(sorted(hidden)).toEqual(['/parameters/Secret']);
  });
});
