import { describe, expect, it } from '@jest/globals';
import { Git } from '../../src/git/git.js';
import {
  lineAfterChanges,
  parseLineChanges,
  unquoteC,
  type FileLineChanges,
} from '../../src/git/line-changes.js';
import { createRepository } from './repository-fixture.js';

const hunks = (...list: [number, number, number, number][]): FileLineChanges => ({
  binary: false,
  hunks: list.map(([oldStart, oldCount, newStart, newCount]) => ({ oldStart, oldCount, newStart, newCount })),
});

describe('lineAfterChanges', () => {
  it('keeps a line that no hunk comes before', () => {
    expect(lineAfterChanges(hunks([10, 2, 10, 5]), 9)).toBe(9);
    expect(lineAfterChanges(hunks(), 9)).toBe(9);
  });

  it('shifts a line by what the hunks before it added and took away', () => {
    // 5 lines inserted after line 3, then line 20 deleted.
    const changes = hunks([3, 0, 4, 5], [20, 1, 24, 0]);
    expect(lineAfterChanges(changes, 3)).toBe(3);
    expect(lineAfterChanges(changes, 4)).toBe(9);
    expect(lineAfterChanges(changes, 19)).toBe(24);
    expect(lineAfterChanges(changes, 21)).toBe(25);
  });

  it('has no line for one the new version changed or deleted', () => {
    const changes = hunks([3, 2, 3, 1], [20, 1, 19, 0]);
    expect(lineAfterChanges(changes, 3)).toBeUndefined();
    expect(lineAfterChanges(changes, 4)).toBeUndefined();
    expect(lineAfterChanges(changes, 5)).toBe(4);
    expect(lineAfterChanges(changes, 20)).toBeUndefined();
    expect(lineAfterChanges(changes, 21)).toBe(19);
  });

  it('has no line in a binary file', () => {
    expect(lineAfterChanges({ binary: true }, 1)).toBeUndefined();
  });
});

describe('parseLineChanges', () => {
  it('reads the hunks of each file, a count of one left out as git leaves it out', () => {
    const patch = [
      'diff --git a/Contoso Tasks/apiDefinition.swagger.json b/Contoso Tasks/apiDefinition.swagger.json',
      'index 1111111..2222222 100644',
      '--- a/Contoso Tasks/apiDefinition.swagger.json',
      '+++ b/Contoso Tasks/apiDefinition.swagger.json',
      '@@ -3,0 +4,5 @@ "info": {',
      '+a',
      '+diff --git a/x b/x',
      '+@@ -1 +1 @@',
      '+d',
      '+e',
      '@@ -20 +24,0 @@',
      '-gone',
      "diff --git a/Africa's Talking/readme.md b/Africa's Talking/readme.md",
      'old mode 100644',
      'new mode 100755',
      'diff --git a/icon.png b/icon.png',
      'index 3333333..4444444 100644',
      'Binary files a/icon.png and b/icon.png differ',
      '',
    ].join('\n');
    expect(parseLineChanges(patch)).toEqual(
      new Map<string, FileLineChanges>([
        ['Contoso Tasks/apiDefinition.swagger.json', hunks([3, 0, 4, 5], [20, 1, 24, 0])],
        ["Africa's Talking/readme.md", hunks()],
        ['icon.png', { binary: true }],
      ]),
    );
  });

  it('reads a path that git quotes, and one whose name holds " b/"', () => {
    const patch = [
      'diff --git "a/say \\"hi\\"\\tnow/caf\\303\\251.json" "b/say \\"hi\\"\\tnow/caf\\303\\251.json"',
      '@@ -1 +1 @@',
      'diff --git a/x b/y b/x b/y',
      '@@ -2 +2 @@',
    ].join('\n');
    expect([...parseLineChanges(patch).keys()]).toEqual(['say "hi"\tnow/café.json', 'x b/y']);
  });

  it('unquotes C-style names, and refuses what is not one', () => {
    expect(unquoteC('"a\\\\b\\"c\\n"')).toBe('a\\b"c\n');
    expect(unquoteC('"\\342\\202\\254 é"')).toBe('€ é');
    expect(unquoteC('plain')).toBeUndefined();
    expect(unquoteC('"bad \\q"')).toBeUndefined();
  });
});

describe('Git.lineChanges', () => {
  it("follows lines from one commit to another with git's own diff, whatever the user's diff settings", async () => {
    const repo = createRepository();
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    repo.write({ 'Contoso "Tasks"/a.json': `${lines.join('\n')}\n`, 'same.json': 'x\n' });
    const from = repo.commitAll('from');
    const edited = [...lines.slice(0, 3), 'new 1', 'new 2', ...lines.slice(3, 19), ...lines.slice(20)];
    // Lines 24 and 27 changed: two hunks with two unchanged lines between them.
    edited[24] = 'changed 24';
    edited[27] = 'changed 27';
    repo.write({ 'Contoso "Tasks"/a.json': `${edited.join('\n')}\n` });
    const to = repo.commitAll('to');
    repo.git('config', 'diff.noprefix', 'true');
    repo.git('config', 'diff.renames', 'copies');
    repo.git('config', 'diff.interHunkContext', '5');
    const changes = await new Git(repo.dir).lineChanges(from, to, ['Contoso "Tasks"/a.json', 'same.json']);
    expect([...changes.keys()]).toEqual(['Contoso "Tasks"/a.json']);
    const file = changes.get('Contoso "Tasks"/a.json')!;
    expect(lineAfterChanges(file, 3)).toBe(3);
    expect(lineAfterChanges(file, 4)).toBe(6);
    expect(lineAfterChanges(file, 20)).toBeUndefined();
    expect(lineAfterChanges(file, 21)).toBe(22);
    expect(edited[22 - 1]).toBe('line 21');
    expect(lineAfterChanges(file, 24)).toBeUndefined();
    expect(lineAfterChanges(file, 25)).toBe(26);
    expect(lineAfterChanges(file, 26)).toBe(27);
    expect(edited[27 - 1]).toBe('line 26');
    expect(lineAfterChanges(file, 27)).toBeUndefined();
  });
});
