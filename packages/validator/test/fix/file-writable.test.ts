import { describe, expect, it } from '@jest/globals';
import { readOnlyByOwnerBit } from '../../src/fix/file-writable.js';

// The owner's write bit says "read-only" only to whom it applies; to others, the system's access
// check (group bits, ACLs) says whether they may write. The case of another user is run for real
// in packages/cli/test/fix-permissions-bundle.test.ts, as nobody.
describe('readOnlyByOwnerBit', () => {
  const OWNER = 1000;
  it.each<[string, number, number | undefined, boolean]>([
    ['the owner, the bit clear', 0o444, OWNER, true],
    ['the owner, the bit set', 0o644, OWNER, false],
    ['root, the bit clear (root may write any file)', 0o444, 0, true],
    ['root, the bit set', 0o600, 0, false],
    ["Windows (no uid), the read-only attribute's cleared bit", 0o444, undefined, true],
    ['another user, the group may write (0464)', 0o464, 2000, false],
    ['another user, an ACL may let them (0444 + ACL)', 0o444, 2000, false],
  ])('%s', (_case, mode, processUid, readOnly) => {
    expect(readOnlyByOwnerBit({ mode, uid: OWNER }, processUid)).toBe(readOnly);
  });
});
