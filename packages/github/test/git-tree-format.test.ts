import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { temporaryFolder } from '@connector-alm/testing';
import { parseTreeObject } from '../src/local-server/git-tree-format.js';

function git(directory: string, args: readonly string[], input?: string | Buffer): Buffer {
  return execFileSync('git', args, {
    input,
    env: { PATH: process.env.PATH, GIT_DIR: directory, GIT_INDEX_FILE: path.join(directory, 'index') },
  });
}

/** A tree git wrote with a file, an executable, a symlink, a submodule and a subtree, and its bytes. */
function treeWrittenByGit(): { directory: string; sha: string; bytes: Buffer } {
  const directory = temporaryFolder('tree-format-');
  git(directory, ['init', '--bare', '--quiet']);
  const blob = git(directory, ['hash-object', '-w', '--stdin'], 'content').toString().trim();
  const commit = '1'.repeat(40);
  const lines = [
    `100644 ${blob}\tplain file.txt`,
    `100755 ${blob}\trun.sh`,
    `120000 ${blob}\tlink`,
    `160000 ${commit}\tmodule`,
    // "sub.txt" sorts before the subtree "sub", which git compares as "sub/".
    `100644 ${blob}\tsub.txt`,
    `100644 ${blob}\tsub/é ü.md`,
  ];
  git(directory, ['update-index', '-z', '--index-info'], lines.map((line) => `${line}\0`).join(''));
  const sha = git(directory, ['write-tree']).toString().trim();
  return { directory, sha, bytes: git(directory, ['cat-file', 'tree', sha]) };
}

describe('a git tree object read from its bytes', () => {
  it('gives what git ls-tree prints: mode, type, object and name, in its order', () => {
    const tree = treeWrittenByGit();
    const listed = git(tree.directory, ['ls-tree', '-z', tree.sha])
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [mode, type, sha] = line.slice(0, line.indexOf('\t')).split(' ');
        return { mode, type, sha, name: line.slice(line.indexOf('\t') + 1) };
      });

    expect(parseTreeObject(tree.bytes)).toEqual(listed);
    expect(listed.map((entry) => `${entry.mode} ${entry.type} ${entry.name}`)).toEqual([
      '120000 blob link',
      '160000 commit module',
      '100644 blob plain file.txt',
      '100755 blob run.sh',
      '100644 blob sub.txt',
      '040000 tree sub',
    ]);
  });

  it('of an empty tree is no entry', () => {
    expect(parseTreeObject(Buffer.alloc(0))).toEqual([]);
  });

  it('cut short is refused with where the entry began', () => {
    const tree = treeWrittenByGit();
    expect(() => parseTreeObject(tree.bytes.subarray(0, tree.bytes.length - 5))).toThrow(
      /a truncated tree entry at byte \d+/,
    );
  });
});
