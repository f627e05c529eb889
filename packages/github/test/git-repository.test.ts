import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from '@jest/globals';
import { runGit, temporaryFolder } from '@connector-alm/testing';
import { GitRepository, startLocalGitHub } from '../src/local-server/index.js';
import { isRunning, logGitProcesses } from './helpers/git-process-log.js';

const opened: GitRepository[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((git) => git.close()));
});

/** A new empty repository, closed after the test. */
async function emptyRepository(): Promise<GitRepository> {
  const git = await GitRepository.init(`${temporaryFolder('git-repository-')}/r.git`);
  opened.push(git);
  return git;
}

const who = { name: 'Ana', email: 'ana@example.com', date: '2024-05-01T10:00:00Z' };

/** A repository with one commit on main: two files at the top, a folder of two, and a submodule. */
async function repositoryWithCommit(): Promise<{ git: GitRepository; commit: string }> {
  const git = await emptyRepository();
  const blob = (text: string) => git.writeBlob(Buffer.from(text));
  const tree = await git.writeTree(undefined, [
    { path: 'readme.md', mode: '100644', sha: await blob('# Read me\n') },
    { path: 'run.sh', mode: '100755', sha: await blob('echo hi\n') },
    { path: 'folder/a b.json', mode: '100644', sha: await blob('{}') },
    { path: 'folder/deeper/é.txt', mode: '100644', sha: await blob('accent') },
    { path: 'module', mode: '160000', sha: '1'.repeat(40) },
  ]);
  const commit = await git.writeCommit(tree, [], 'First\n', who, who);
  await git.updateRef('refs/heads/main', commit);
  return { git, commit };
}

/** `git ls-tree -l -z [-r -t]` as git prints it, parsed: what listTree must give. */
async function lsTree(git: GitRepository, name: string, recursive: boolean) {
  const output = await git.git(['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), name]);
  return output
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [mode, type, sha, size] = line.slice(0, line.indexOf('\t')).split(/\s+/);
      return {
        mode,
        type,
        sha,
        path: line.slice(line.indexOf('\t') + 1),
        ...(size === '-' ? {} : { size: Number(size) }),
      };
    });
}

describe('a local GitHub git repository', () => {
  it('lists a tree as git ls-tree does, by tree, by commit, or by path in a commit', async () => {
    const { git, commit } = await repositoryWithCommit();
    const { tree } = await git.readCommit(commit);
    for (const name of [tree, commit, 'refs/heads/main:folder'])
      for (const recursive of [false, true])
        expect(await git.listTree(name, recursive)).toEqual(await lsTree(git, name, recursive));
    const paths = (await git.listTree(tree, true)).map((entry) => entry.path);
    expect(paths.join(' | ')).toBe(
      'folder | folder/a b.json | folder/deeper | folder/deeper/é.txt | module | readme.md | run.sh',
    );
  });

  it('refuses to read an object as what it is not, or that is not there', async () => {
    const { git, commit } = await repositoryWithCommit();
    await expect(git.readBlob(commit)).rejects.toThrow('git cat-file blob');
    await expect(git.readCommit('2'.repeat(40))).rejects.toThrow('Not a valid object name');
    await expect(git.listTree('refs/heads/main:readme.md')).rejects.toThrow('git cat-file tree');
    expect(await git.objectType('2'.repeat(40))).toBeUndefined();
  });

  it('removes a folder and a file from a base tree, keeping the rest and the submodule', async () => {
    const { git, commit } = await repositoryWithCommit();
    const base = (await git.readCommit(commit)).tree;
    const added = await git.writeBlob(Buffer.from('new'));
    const tree = await git.writeTree(base, [
      { path: 'folder/deeper', remove: true },
      { path: 'run.sh', remove: true },
      { path: 'folder/new.txt', mode: '100644', sha: added },
    ]);
    expect((await git.listTree(tree, true)).map((entry) => `${entry.mode} ${entry.path}`)).toEqual([
      '040000 folder',
      '100644 folder/a b.json',
      '100644 folder/new.txt',
      '160000 module',
      '100644 readme.md',
    ]);
  });

  it('reads refs as git has them: after its own writes, a raw git call, a push, and once packed', async () => {
    const { git, commit } = await repositoryWithCommit();
    await git.updateRef('refs/heads/main-2', commit);
    await git.updateRef('refs/heads/topic/one', commit);
    // A name selects itself and what is below it, not a longer name it begins.
    expect([...(await git.listRefs('refs/heads/main')).keys()]).toEqual(['refs/heads/main']);
    expect([...(await git.listRefs('refs/heads/topic')).keys()]).toEqual(['refs/heads/topic/one']);
    expect([...(await git.listRefs('refs/heads/')).keys()]).toEqual([
      'refs/heads/main',
      'refs/heads/main-2',
      'refs/heads/topic/one',
    ]);
    const listed = [...(await git.listRefs('refs/'))];
    expect(listed).toEqual(
      (await git.git(['for-each-ref', '--format=%(refname) %(objectname)']))
        .trim()
        .split('\n')
        .map((line) => line.split(' ')),
    );

    const second = await git.writeCommit((await git.readCommit(commit)).tree, [commit], 'Second\n', who, who);
    await git.updateRef('refs/heads/main', second);
    expect(await git.readRef('refs/heads/main')).toBe(second);

    // Written by git run directly, and by a push from a clone (a test's actions/checkout origin).
    await git.git(['update-ref', 'refs/tags/v1', commit]);
    await git.git(['update-ref', '-d', 'refs/heads/main-2']);
    expect(await git.readRef('refs/tags/v1')).toBe(commit);
    expect(await git.readRef('refs/heads/main-2')).toBeUndefined();
    expect(await git.readRef('HEAD')).toBe(second);
    const clone = temporaryFolder('git-repository-clone-');
    runGit(clone, ['clone', '--quiet', `file://${git.directory}`, '.']);
    runGit(clone, ['commit', '--quiet', '--allow-empty', '-m', 'Pushed']);
    runGit(clone, ['push', '--quiet', 'origin', 'HEAD:refs/heads/pushed']);
    const pushed = runGit(clone, ['rev-parse', 'HEAD']);
    expect(await git.readRef('refs/heads/pushed')).toBe(pushed);
    expect(await git.isAncestor(second, pushed)).toBe(true);

    // Packed as gc packs them, with an annotated tag, which gives the commit it tags.
    runGit(clone, ['tag', '-a', '-m', 'Annotated', 'v2', second]);
    runGit(clone, ['push', '--quiet', 'origin', 'refs/tags/v2']);
    await git.git(['pack-refs', '--all']);
    await git.updateRef('refs/heads/main-3', commit);
    expect(await git.readRef('refs/tags/v2')).toBe(second);
    expect(await git.readRef('refs/heads/pushed')).toBe(pushed);
    expect(await git.readRef('refs/heads/../../config')).toBeUndefined();
    expect([...(await git.listRefs('refs/'))]).toEqual(
      (await git.git(['for-each-ref', '--format=%(refname) %(objectname)']))
        .trim()
        .split('\n')
        .map((line) => line.split(' ')),
    );
  });

  it('reads objects and refs without starting a git process for each read', async () => {
    const { git, commit } = await repositoryWithCommit();
    const processes = logGitProcesses();
    try {
      for (let i = 0; i < 3; i++) {
        const { tree } = await git.readCommit(commit);
        await git.objectType(tree);
        await git.listTree(tree, true);
        await git.readBlob((await git.listTree(tree)).find((entry) => entry.path === 'readme.md')!.sha);
        await git.readRef('refs/heads/main');
        await git.listRefs('refs/');
      }
    } finally {
      processes.restore();
      await git.close();
    }
    // The reader's one process: it had not started, as nothing was read before.
    expect(processes.started().map((process) => process.command)).toEqual(['cat-file']);
  });

  it('counts and orders commits as git does, across a merge', async () => {
    const { git, commit: first } = await repositoryWithCommit();
    const { tree } = await git.readCommit(first);
    const commit = (parents: string[], message: string) => git.writeCommit(tree, parents, message, who, who);
    const second = await commit([first], 'Second\n');
    const onMain = await commit([second], 'Main\n');
    const onTopic = await commit([second], 'Topic\n');
    const merge = await commit([onMain, onTopic], 'Merge\n');
    const all = { first, second, onMain, onTopic, merge };
    for (const base of Object.values(all))
      for (const head of Object.values(all)) {
        expect(await git.countCommitsBetween(base, head)).toBe(
          Number(await git.git(['rev-list', '--count', `${base}..${head}`])),
        );
        const gitSays = await git.git(['merge-base', '--is-ancestor', base, head]).then(
          () => true,
          () => false,
        );
        expect(await git.isAncestor(base, head)).toBe(gitSays);
      }
    expect(await git.countCommitsBetween(first, merge)).toBe(4);
    expect(await git.isAncestor('2'.repeat(40), merge)).toBe(false);
    await expect(git.countCommitsBetween('2'.repeat(40), merge)).rejects.toThrow('Not a valid object name');
  });

  it('refuses a ref to an object it does not have, and updates refs again afterwards', async () => {
    const { git, commit } = await repositoryWithCommit();
    await expect(git.updateRef('refs/heads/lost', '2'.repeat(40))).rejects.toThrow('nonexistent object');
    await expect(git.updateRef('refs/heads/bad\nupdate refs/heads/main 0', commit)).rejects.toThrow();
    await git.updateRef('refs/heads/next', commit);
    expect([...(await git.listRefs('refs/heads/')).keys()]).toEqual(['refs/heads/main', 'refs/heads/next']);
    expect((await git.git(['for-each-ref', '--format=%(refname)'])).trim().split('\n')).toEqual([
      'refs/heads/main',
      'refs/heads/next',
    ]);
  });

  it('writes blobs byte for byte, many at once, with one git process', async () => {
    const git = await emptyRepository();
    const contents = [
      Buffer.from('a\r\n\0b'),
      Buffer.alloc(0),
      Buffer.alloc(300_000, 'x\n'),
      Buffer.from('é'),
    ];
    const processes = logGitProcesses();
    let shas: string[];
    try {
      shas = await Promise.all([...contents, ...contents].map((content) => git.writeBlob(content)));
    } finally {
      processes.restore();
    }
    expect(processes.started().map((process) => process.command)).toEqual(['hash-object']);
    // The ids git gives the same bytes, and the bytes read back.
    for (const [i, content] of contents.entries()) {
      expect(shas[i]).toBe((await git.git(['hash-object', '--stdin'], { input: content })).trim());
      expect(shas[i + contents.length]).toBe(shas[i]);
      expect((await git.readBlob(shas[i]!)).equals(content)).toBe(true);
    }
    await git.close();
    expect(await readdir(git.directory)).not.toContainEqual(expect.stringMatching(/^blob-/));
  });
});

describe('the local GitHub server', () => {
  it('answers git reads without a git process for each, and ends its git processes when closed', async () => {
    const processes = logGitProcesses();
    let started;
    try {
      const github = await startLocalGitHub();
      try {
        const ana = github.addAccount('ana');
        const repository = await github.addRepository('ana', 'tasks', {
          files: { 'readme.md': '# Tasks\n' },
        });
        const writes = processes.started().length;
        const get = async (url: string) => {
          const response = await fetch(`${github.url}/repos/ana/tasks/git/${url}`, {
            headers: { authorization: `token ${ana.token}` },
          });
          expect(response.status).toBe(200);
          return (await response.json()) as { object: { sha: string }; tree: { sha: string } };
        };
        for (let i = 0; i < 3; i++) {
          const ref = await get('ref/heads/main');
          const commit = await get(`commits/${ref.object.sha}`);
          await get(`trees/${commit.tree.sha}?recursive=1`);
        }
        expect(
          processes
            .started()
            .slice(writes)
            .map((process) => process.command),
        ).toEqual(['cat-file']);
        expect(repository.git).toBeDefined();
      } finally {
        await github.close();
      }
    } finally {
      started = processes.started();
      processes.restore();
    }
    // The long-lived ones among them: the object reader and the blob writer of each repository.
    expect(new Set(started.map((process) => process.command))).toEqual(
      new Set(['init', 'hash-object', 'update-index', 'write-tree', 'commit-tree', 'update-ref', 'cat-file']),
    );
    expect(started.filter((process) => isRunning(process.pid))).toEqual([]);
  });
});
