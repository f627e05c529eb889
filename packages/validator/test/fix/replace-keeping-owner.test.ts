import { describe, expect, it } from '@jest/globals';
import {
  canReplaceKeepingOwner,
  processUser,
  type ProcessUser,
} from '../../src/fix/replace-keeping-owner.js';

// validate --fix replaces a file (a rename of a new one over it) only when the new file can be
// given the old one's owner and group; otherwise it writes the file in place. Both ways are run for
// real in fix-folders.test.ts (as root) and packages/cli/test/fix-permissions-bundle.test.ts (as nobody).
describe('canReplaceKeepingOwner', () => {
  const FILE = { uid: 1000, gid: 100, nlink: 1 };
  it.each<[string, ProcessUser, boolean]>([
    ['root, who may give a file to anyone', { uid: 0, groups: [0] }, true],
    ['the owner, a member of its group', { uid: 1000, groups: [1000, 100] }, true],
    ['the owner, not of its group (the new file could not have it)', { uid: 1000, groups: [1000] }, false],
    [
      'another user of its group, who may write it but not give a file away',
      { uid: 2000, groups: [100] },
      false,
    ],
    ['Windows, where there are no owners to keep', { uid: undefined, groups: [] }, true],
  ])('%s', (_case, user, replaces) => {
    expect(canReplaceKeepingOwner(FILE, user)).toBe(replaces);
  });

  it('never replaces a file with other names (hard links): the rename would leave them the old text', () => {
    for (const user of [
      { uid: 0, groups: [0] },
      { uid: 1000, groups: [1000, 100] },
      { uid: undefined, groups: [] },
    ]) {
      expect(canReplaceKeepingOwner({ ...FILE, nlink: 2 }, user)).toBe(false);
    }
  });
});

describe('processUser', () => {
  // Its groups decide whether the owner may give the new file the old one's group: its effective
  // group and its supplementary groups alike (a file of a team's group, its owner a member of it).
  it('is the effective user, a member of its effective group and of its supplementary groups', () => {
    const groups = process.geteuid ? [process.getegid!(), ...process.getgroups!()] : [];
    expect(processUser()).toEqual({ uid: process.geteuid?.(), groups });
  });
});
