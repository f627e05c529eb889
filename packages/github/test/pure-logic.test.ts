import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { inputWords } from '@connector-alm/core';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  branchNameFor,
  refuseUnfitBranchPrefix,
  diffConnectorFiles,
  executableBitsKnown,
  gitBlobSha,
  isValidBranchName,
  normaliseTargetFolder,
  pullRequestTitle,
  readConnectorFiles,
  sameFiles,
  targetFolderFor,
  type LocalFile,
} from '../src/index.js';
import { withUpstreamLineEndings } from '../src/line-endings.js';
import { draftNotice } from '../src/pull-request.js';
import {
  filesToSend,
  leftOutDifferences,
  leftOutLines,
  upstreamFilesToMatch,
  withoutIgnoredFindings,
  withoutLeftOutFindings,
  type LeftOutFile,
} from '../src/sent-files.js';
import { locatedFinding, type Finding } from '@connector-alm/validator';
import { folderNameKey } from '../src/upstream-namesake.js';

const file = (path: string, content: string): LocalFile => ({
  path,
  mode: '100644',
  sha: gitBlobSha(Buffer.from(content)),
  content: Buffer.from(content),
});

/** What git itself says of a branch name: the rules isValidBranchName restates. */
function gitAcceptsBranch(name: string): boolean {
  return spawnSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore' }).status === 0;
}

describe('pure pieces of the pull request flow', () => {
  it('computes the blob SHA git computes', () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(gitBlobSha(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('takes a text file that differs from the upstream only in line endings for the same file', () => {
    const upstream = (content: string) => ({
      path: 'a.json',
      mode: '100644',
      sha: gitBlobSha(Buffer.from(content)),
    });
    expect(diffConnectorFiles([file('a.json', '{\r\n}\r\n')], [upstream('{\n}\n')]).upserts).toEqual([]);
    expect(diffConnectorFiles([file('a.json', '{\n}\n')], [upstream('{\r\n}\r\n')]).upserts).toEqual([]);
    // A lone CR makes it no text for git, which then converts nothing.
    expect(diffConnectorFiles([file('a.json', '{\r\n}\r')], [upstream('{\n}\r')]).upserts).toHaveLength(1);
    expect(diffConnectorFiles([file('a.json', '{\r\n}\r\n')], [upstream('{\n }\n')]).upserts).toHaveLength(1);
  });

  it('takes a text file that differs from the upstream only in its final newline for the same file', () => {
    const upstream = (content: string) => ({
      path: 'a.json',
      mode: '100644',
      sha: gitBlobSha(Buffer.from(content)),
    });
    // extract-connectors writes LF and a final newline; the upstream file has CRLF and none.
    expect(diffConnectorFiles([file('a.json', '{\n}\n')], [upstream('{\r\n}')]).upserts).toEqual([]);
    expect(diffConnectorFiles([file('a.json', '{\r\n}')], [upstream('{\n}\n')]).upserts).toEqual([]);
    expect(diffConnectorFiles([file('a.json', '{\n}\n\n')], [upstream('{\n}')]).upserts).toHaveLength(1);
    // A blank line added at the end is more than a final newline: a change, sent.
    expect(diffConnectorFiles([file('a.json', 'abc\n\n')], [upstream('abc\n')]).upserts).toHaveLength(1);
    expect(diffConnectorFiles([file('a.json', 'abc\r\n\r\n')], [upstream('abc\r\n')]).upserts).toHaveLength(
      1,
    );
    expect(diffConnectorFiles([file('a.json', 'abc\n')], [upstream('abc')]).upserts).toEqual([]);
    expect(diffConnectorFiles([file('a.json', 'abc')], [upstream('abc\n')]).upserts).toEqual([]);
    // A last line of one letter is a line like any other: its line ending is the only difference.
    expect(diffConnectorFiles([file('a.json', 'a\nb')], [upstream('a\r\nb')]).upserts).toEqual([]);
    // A file of two empty lines against one of one: an empty line added, not a final newline.
    expect(diffConnectorFiles([file('a.json', '\n\n')], [upstream('\n')]).upserts).toHaveLength(1);
  });

  it("gives a changed text file the upstream version's line endings and final newline", async () => {
    const remote = (content: string) => ({
      path: 'a.json',
      mode: '100644' as const,
      sha: gitBlobSha(Buffer.from(content)),
    });
    const sent = async (local: string, there: string | undefined) => {
      const blobs = new Map(
        there === undefined ? [] : [[gitBlobSha(Buffer.from(there)), Buffer.from(there)]],
      );
      const [result] = await withUpstreamLineEndings(
        [file('a.json', local)],
        there === undefined ? [] : [remote(there)],
        async (sha) => blobs.get(sha)!,
      );
      expect(result!.sha).toBe(gitBlobSha(result!.content));
      return result!.content.toString();
    };
    expect(await sent('{\n "a": 2\n}\n', '{\r\n "a": 1\r\n}')).toBe('{\r\n "a": 2\r\n}');
    expect(await sent('{\r\n "a": 2\r\n}', '{\n "a": 1\n}\n')).toBe('{\n "a": 2\n}\n');
    expect(await sent('{\n "a": 2\n}', '{\r\n "a": 1\r\n}\r\n')).toBe('{\r\n "a": 2\r\n}\r\n');
    // A new file goes up as git commits it: LF, its final newline as it is.
    expect(await sent('{\r\n "a": 2\r\n}', undefined)).toBe('{\n "a": 2\n}');
    // A lone CR is no text for git: sent as it is.
    expect(await sent('{\r "a": 2\n}', '{\r\n "a": 1\r\n}')).toBe('{\r "a": 2\n}');
    // An upstream version with both CRLF and LF lines has no one style: a checkout of it, one line
    // edited, is sent as it is, so that only that line changes.
    expect(await sent('a\r\nb\nc\r\nd\n', 'a\r\nb\nc\r\nX\n')).toBe('a\r\nb\nc\r\nd\n');
    expect(await sent('a\nb\r\nd', 'a\nb\r\nX\n')).toBe('a\nb\r\nd');
    // An empty upstream file has no final newline to copy: the file goes as git commits it.
    expect(await sent('{\r\n "a": 2\r\n}\r\n', '')).toBe('{\n "a": 2\n}\n');
    // An empty file gets no final newline from its upstream version, and one of a lone newline keeps it.
    expect(await sent('', '{\n "a": 1\n}\n')).toBe('');
    expect(await sent('\r\n', '{\n "a": 1\n}\n')).toBe('\n');
  });

  it('sends a binary file as it is, even when each CR in it comes before a LF', async () => {
    // A NUL byte makes a file binary for git, as a PNG's header has CR LF: converted, the image breaks.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x0a]);
    const icon: LocalFile = { path: 'icon.png', mode: '100644', sha: gitBlobSha(png), content: png };
    const [sent] = await withUpstreamLineEndings([icon], [], async () => Buffer.alloc(0));
    expect(sent).toEqual(icon);
  });

  it('judges a file binary as git does, by a NUL byte in its first 8000 bytes', async () => {
    const sentAsNew = async (content: Buffer) => {
      const local: LocalFile = { path: 'a.bin', mode: '100644', sha: gitBlobSha(content), content };
      const [result] = await withUpstreamLineEndings([local], [], async () => Buffer.alloc(0));
      return result!.content;
    };
    const withNulAt = (at: number) => {
      const content = Buffer.alloc(8002, 'a');
      content.write('\r\n', 8000 - 4);
      content[at] = 0;
      return content;
    };
    // Binary: sent as it is, its CR LF kept.
    expect(await sentAsNew(Buffer.from('\0a\r\nb'))).toEqual(Buffer.from('\0a\r\nb'));
    expect(await sentAsNew(withNulAt(7999))).toEqual(withNulAt(7999));
    // Past the first 8000 bytes a NUL makes no binary: text, sent with LF as git commits it.
    expect((await sentAsNew(withNulAt(8000))).length).toBe(8001);
  });

  it('names the branch after the target folder, the same every time, safe for git', () => {
    expect(branchNameFor('independent-publisher-connectors/Contoso Tasks (Beta)')).toBe(
      'connector-alm/independent-publisher-connectors/contoso-tasks-beta',
    );
    expect(() => branchNameFor('x', 'bad..prefix/')).toThrow('is not a valid branch name');
  });

  it('refuses a branch prefix that would make a branch nobody means', () => {
    // `connector-alm` made connector-almcertified-connectors/…, a second pull request for the connector.
    expect(() => refuseUnfitBranchPrefix('connector-alm', 'dev')).toThrow(
      'The branch prefix "connector-alm" would be glued to the connector\'s folder',
    );
    expect(() => refuseUnfitBranchPrefix('refs/heads/x/', 'dev')).toThrow('starts with "refs/"');
    // `dev/…` beside the fork's `dev`: GitHub refused the branch, and the error blamed GitHub.
    expect(() => refuseUnfitBranchPrefix('dev/', 'dev')).toThrow("starts with the base branch's name");
    expect(() => refuseUnfitBranchPrefix('Main/x/', 'main')).toThrow("starts with the base branch's name");
    for (const prefix of ['', 'connector-alm/', 'contoso-', 'pr_', 'developer/', 'dev-', 'connector-alm/2/'])
      expect(() => refuseUnfitBranchPrefix(prefix, 'dev')).not.toThrow();
  });

  it('tells apart folders whose names differ only in letters a branch name cannot hold', () => {
    const apfel = branchNameFor('certified-connectors/Äpfel');
    const opfel = branchNameFor('certified-connectors/Öpfel');
    expect(apfel).toMatch(/^connector-alm\/certified-connectors\/pfel-[0-9a-f]{8}$/);
    expect(opfel).not.toBe(apfel);
    expect(branchNameFor('certified-connectors/Äpfel')).toBe(apfel);
    expect(branchNameFor('certified-connectors/日本語')).toMatch(
      /^connector-alm\/certified-connectors\/[0-9a-f]{8}$/,
    );
  });

  it("gives a folder named in punctuation alone a branch of its own, not the top folder's", () => {
    // Its slug is empty: without a hash of its own, every such folder would share one branch, and
    // so overwrite the pull request of the others.
    const plus = branchNameFor('custom-connectors/+++');
    const dashes = branchNameFor('custom-connectors/---');
    expect(plus).toMatch(/^connector-alm\/custom-connectors\/[0-9a-f]{8}$/);
    expect(dashes).toMatch(/^connector-alm\/custom-connectors\/[0-9a-f]{8}$/);
    expect(plus).not.toBe(dashes);
  });

  it('gives a folder whose name git would take for a lock file a branch git accepts', () => {
    // git refuses any part of a ref that ends in `.lock` (GitHub answers 422): the folder's part
    // becomes `-lock`, as other punctuation becomes `-`, wherever the folder sits in the path.
    expect(branchNameFor('custom-connectors/Contoso.lock')).toBe(
      'connector-alm/custom-connectors/contoso-lock',
    );
    expect(branchNameFor('certified-connectors/Contoso.LOCK/Tasks')).toBe(
      'connector-alm/certified-connectors/contoso-lock/tasks',
    );
    expect(branchNameFor('custom-connectors/Contoso.locked')).toBe(
      'connector-alm/custom-connectors/contoso.locked',
    );
    // A prefix is the user's to mend: it is refused as given.
    expect(() => branchNameFor('custom-connectors/Contoso', 'mine.lock/')).toThrow(
      'is not a valid branch name',
    );
  });

  it('judges branch names as git check-ref-format does, and makes only names it accepts', () => {
    const names = [
      'connector-alm/custom-connectors/contoso',
      'connector-alm/custom-connectors/contoso.lock',
      'connector-alm/contoso.lock/tasks',
      'connector-alm/custom-connectors/contoso.locked',
      'connector-alm/custom-connectors/contoso.',
      'connector-alm/custom-connectors/contoso./tasks',
      'connector-alm/.contoso/tasks',
      'connector-alm//contoso',
      'connector-alm/contoso..tasks',
      'connector-alm/contoso@{1}',
      'connector-alm/contoso@tasks',
      'connector-alm/contoso tasks',
      'connector-alm/contoso:tasks',
      'connector-alm/contoso/',
    ];
    for (const name of names) expect([name, isValidBranchName(name)]).toEqual([name, gitAcceptsBranch(name)]);
    const folders = [
      'custom-connectors/Contoso.lock',
      'certified-connectors/A.lock.lock/B..C',
      'certified-connectors/.lock/...',
      'independent-publisher-connectors/Contoso (Beta).',
      'custom-connectors/@{u}',
      'custom-connectors/Äpfel.lock',
    ];
    for (const folder of folders) {
      const branch = branchNameFor(folder);
      expect([folder, branch, gitAcceptsBranch(branch)]).toEqual([folder, branch, true]);
    }
  });

  it('titles independent publisher connectors as the upstream asks, once', () => {
    expect(pullRequestTitle('Contoso Tasks', 'independent-publisher')).toBe(
      'Contoso Tasks (Independent Publisher)',
    );
    expect(pullRequestTitle('Contoso Tasks (Independent Publisher)', 'independent-publisher')).toBe(
      'Contoso Tasks (Independent Publisher)',
    );
    expect(pullRequestTitle('Contoso Tasks', 'certified')).toBe('Contoso Tasks');
  });

  it('derives the target folder from the profile and refuses one that climbs out', () => {
    expect(targetFolderFor('/work/Contoso Tasks', 'independent-publisher', undefined, '/work')).toBe(
      'independent-publisher-connectors/Contoso Tasks',
    );
    expect(() => targetFolderFor('/work/x', 'custom', 'custom-connectors/../.github', '/work')).toThrow(
      'Invalid target folder',
    );
  });

  it('refuses a target folder that names a .git folder, which no commit can hold', () => {
    expect(() => normaliseTargetFolder('certified-connectors/.git')).toThrow(
      "Invalid target folder 'certified-connectors/.git'.",
    );
    expect(normaliseTargetFolder('certified-connectors/.github-tools')).toBe(
      'certified-connectors/.github-tools',
    );
  });

  it('reads the top folder of a nested connector folder in any case, keeping the path below it', () => {
    // Checked out on Windows or macOS, the top folder may be cased otherwise: the upstream's is lower case.
    expect(
      targetFolderFor(
        path.join('/work', 'Certified-Connectors', 'Contoso', 'Tasks'),
        'certified',
        undefined,
        '/work',
      ),
    ).toBe('certified-connectors/Contoso/Tasks');
  });

  it('keeps the path below the top folder of a checkout, for a connector folder nested in another', () => {
    // Upstream keeps Snowflake v2's connector in certified-connectors/Snowflake v2/ConnectorArtifacts.
    const checkout = path.join('/work', 'PowerPlatformConnectors');
    const nested = path.join(checkout, 'certified-connectors', 'Snowflake v2', 'ConnectorArtifacts');
    expect(targetFolderFor(nested, 'certified', undefined, checkout)).toBe(
      'certified-connectors/Snowflake v2/ConnectorArtifacts',
    );
    // The top folder as upstream spells it, whatever case the checkout has it in (Windows, macOS).
    expect(
      targetFolderFor(path.join('/work', 'Certified-Connectors', 'Contoso'), 'certified', undefined, '/work'),
    ).toBe('certified-connectors/Contoso');
    // Outside the layout, or under the top folder of another profile than the one it gets: the name.
    expect(targetFolderFor(path.join('/work', 'src', 'Contoso'), 'certified', undefined, '/work')).toBe(
      'certified-connectors/Contoso',
    );
    expect(
      targetFolderFor(
        path.join('/work', 'custom-connectors', 'Contoso', 'v2'),
        'certified',
        undefined,
        '/work',
      ),
    ).toBe('certified-connectors/v2');
  });

  it('reads the layout from the checkout down only, not from folders above it', () => {
    // A maker's repository named certified-connectors, checked out as Actions does: its own folder is
    // no top folder of upstream's, and connectors/ below it is no connector of upstream's.
    const checkout = path.join('/home', 'runner', 'work', 'certified-connectors', 'certified-connectors');
    expect(
      targetFolderFor(path.join(checkout, 'connectors', 'Contoso'), 'certified', undefined, checkout),
    ).toBe('certified-connectors/Contoso');
    // A workspace that groups connectors by team below a folder named as a top folder.
    const grouped = path.join('/srv', 'custom-connectors', 'connector-workspace');
    expect(targetFolderFor(path.join(grouped, 'team-a', 'Contoso'), 'custom', undefined, grouped)).toBe(
      'custom-connectors/Contoso',
    );
    // The checkout's top folder itself, or a folder outside the checkout: the name.
    expect(
      targetFolderFor(path.join(checkout, 'certified-connectors'), 'certified', undefined, checkout),
    ).toBe('certified-connectors/certified-connectors');
    expect(
      targetFolderFor(
        path.join('/elsewhere', 'certified-connectors', 'Contoso', 'v2'),
        'certified',
        undefined,
        checkout,
      ),
    ).toBe('certified-connectors/v2');
  });

  it('sends only changed files and deletes the ones the connector lost', () => {
    const remote = [file('a.json', 'same'), file('b.json', 'old'), file('gone.md', 'x')].map(
      ({ path, mode, sha }) => ({ path, mode, sha }),
    );
    const changes = diffConnectorFiles(
      [file('a.json', 'same'), file('b.json', 'new'), file('c.png', 'added')],
      remote,
    );
    expect(changes.upserts.map((f) => f.path)).toEqual(['b.json', 'c.png']);
    expect(changes.deletions).toEqual(['gone.md']);
  });

  it("keeps an executable upstream file's mode where the file system has no executable bit (Windows)", () => {
    // Node reads every file on Windows as mode 0o666: the local file is 100644 whatever git has.
    const script = file('script.csx', 'same');
    const remote = [{ path: script.path, mode: '100755', sha: script.sha }];
    expect(executableBitsKnown('win32')).toBe(false);
    expect(diffConnectorFiles([script], remote, false)).toEqual({
      additions: [],
      upserts: [],
      deletions: [],
    });
    const edited = file('script.csx', 'edited');
    expect(diffConnectorFiles([edited], remote, false).upserts).toEqual([{ ...edited, mode: '100755' }]);
    // Where modes are read (Linux, macOS), the local 100644 is a change of mode as it always was.
    expect(executableBitsKnown('linux')).toBe(true);
    expect(diffConnectorFiles([script], remote, true).upserts).toEqual([script]);
  });
});

describe('sameFiles', () => {
  const blob = (path: string, sha: string, mode = '100644') => ({ path, mode, sha });

  it('takes two listings of the same blobs, in any order, for the same folder', () => {
    expect(sameFiles([blob('a', '1'), blob('b/c', '2')], [blob('b/c', '2'), blob('a', '1')])).toBe(true);
    expect(sameFiles([], [])).toBe(true);
  });

  it('tells a changed, added, removed, renamed or newly executable file', () => {
    const before = [blob('a', '1'), blob('b', '2')];
    expect(sameFiles(before, [blob('a', '1'), blob('b', '3')])).toBe(false);
    expect(sameFiles(before, [...before, blob('c', '4')])).toBe(false);
    expect(sameFiles(before, [blob('a', '1')])).toBe(false);
    expect(sameFiles(before, [blob('a', '1'), blob('B', '2')])).toBe(false);
    expect(sameFiles(before, [blob('a', '1'), blob('b', '2', '100755')])).toBe(false);
  });
});

describe('draftNotice', () => {
  const pull = { number: 7, html_url: 'https://github.com/o/r/pull/7', title: 't', body: null };

  it('says nothing when the draft input matches the open pull request, or GitHub does not say', () => {
    expect(draftNotice({ ...pull, draft: true }, true)).toBeUndefined();
    expect(draftNotice({ ...pull, draft: false }, false)).toBeUndefined();
    expect(draftNotice(pull, true)).toBeUndefined();
  });

  it('says the draft state of an open pull request is left as is, either way, in the words of the caller', () => {
    expect(draftNotice({ ...pull, draft: false }, true)).toBe(
      'Pull request #7 is ready for review, which --draft leaves as is on an open pull request (it applies when one is opened). Convert it to a draft on GitHub if you want one.',
    );
    expect(draftNotice({ ...pull, draft: true }, false)).toBe(
      'Pull request #7 is a draft, which a run without --draft leaves as is on an open pull request. Mark it Ready for review on GitHub when it is.',
    );
    expect(draftNotice({ ...pull, draft: false }, true, inputWords)).toMatch(
      /^Pull request #7 is ready for review, which draft: true leaves as is on an open pull request /,
    );
    expect(draftNotice({ ...pull, draft: true }, false, inputWords)).toMatch(
      /^Pull request #7 is a draft, which draft: false leaves as is /,
    );
  });
});

describe('the files of a connector folder', () => {
  it('take the executable bit from the file system, as git does where it keeps one', async () => {
    // An upstream script committed as 100755 is no change; read as 100644 it would be one every run.
    const folder = mkdtempSync(path.join(os.tmpdir(), 'connector-files-'));
    try {
      writeFileSync(path.join(folder, 'apiProperties.json'), 'x');
      writeFileSync(path.join(folder, 'build.sh'), '#!/bin/sh\n');
      chmodSync(path.join(folder, 'build.sh'), 0o755);
      const { files } = await readConnectorFiles(folder);
      expect(files.map(({ path: name, mode }) => [name, mode])).toEqual([
        ['apiProperties.json', '100644'],
        ['build.sh', '100755'],
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('leave out what Windows Explorer and macOS Finder put in folders, in any case', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'connector-files-'));
    try {
      for (const name of ['apiProperties.json', 'Thumbs.db', 'desktop.ini', '.DS_Store']) {
        writeFileSync(path.join(folder, name), 'x');
      }
      mkdirSync(path.join(folder, 'images'));
      writeFileSync(path.join(folder, 'images', 'thumbs.db'), 'x');
      writeFileSync(path.join(folder, 'images', 'Desktop.ini'), 'x');
      expect((await readConnectorFiles(folder)).files.map((file) => file.path)).toEqual([
        'apiProperties.json',
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("name the nested repositories, a cloned one's .git folder and a submodule's .git file, and read none of their files", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'connector-files-'));
    try {
      writeFileSync(path.join(folder, 'apiProperties.json'), 'x');
      for (const sub of ['tools/.git', 'lib/sub', 'images'])
        mkdirSync(path.join(folder, sub), { recursive: true });
      writeFileSync(path.join(folder, 'tools', 'notes.md'), 'x');
      writeFileSync(path.join(folder, 'lib', 'sub', '.git'), 'gitdir: ../../.git/modules/sub\n');
      writeFileSync(path.join(folder, 'lib', 'sub', 'code.cs'), 'x');
      writeFileSync(path.join(folder, 'images', 'a.png'), 'x');
      const contents = await readConnectorFiles(folder);
      expect(contents.files.map((file) => file.path)).toEqual(['apiProperties.json', 'images/a.png']);
      expect(contents.nestedRepositories).toEqual(['lib/sub/', 'tools/']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the files a pull request leaves out', () => {
  it('leave out the file git ignores alone, not the files whose names start with its name', () => {
    // An ignored secret beside its committed example: the example is what the upstream should get.
    const { sent, leftOut } = filesToSend(
      [
        file('apiDefinition.swagger.json', '{}'),
        file('secrets.json', '{}'),
        file('secrets.json.example', '{}'),
      ],
      new Set(['secrets.json']),
    );
    expect(sent.map((sentFile) => sentFile.path)).toEqual([
      'apiDefinition.swagger.json',
      'secrets.json.example',
    ]);
    expect(leftOut).toEqual([{ path: 'secrets.json', reason: 'git-ignored' }]);
  });

  it('take a nested repository git does not ignore as left out whole, and one it ignores once, as ignored', () => {
    const { sent, leftOut } = filesToSend([file('apiDefinition.swagger.json', '{}')], new Set(['ignored/']), [
      'ignored/',
      'lib/sub/',
      'tools/',
    ]);
    expect(sent.map((sentFile) => sentFile.path)).toEqual(['apiDefinition.swagger.json']);
    expect(leftOut).toEqual([
      { path: 'ignored/', reason: 'git-ignored' },
      { path: 'lib/sub/', reason: 'nested-repository' },
      { path: 'tools/', reason: 'nested-repository' },
    ]);
    expect(leftOutLines(leftOut, 'Contoso')).toEqual([
      'Left out of the pull request: ignored/, which git ignores (.gitignore); no commit would carry it either.',
      'Left out of the pull request: lib/sub/ and tools/, which are git repositories of their own: a commit carries a link to each, not its files. Move them out of the connector folder, or list them in .gitignore.',
    ]);
  });

  it('tell the repositories git tracks as links apart, with the command that untracks them', () => {
    const { leftOut } = filesToSend(
      [file('apiDefinition.swagger.json', '{}')],
      new Set(),
      ['lib/sub/', 'tools/', 'vendor/'],
      new Set(['lib/sub/', 'tools/']),
    );
    expect(leftOut).toEqual([
      { path: 'lib/sub/', reason: 'linked-repository' },
      { path: 'tools/', reason: 'linked-repository' },
      { path: 'vendor/', reason: 'nested-repository' },
    ]);
    expect(leftOutLines(leftOut, path.join('connectors', 'Contoso'))).toEqual([
      'Left out of the pull request: vendor/, which is a git repository of its own: a commit carries a link to it, not its files. Move it out of the connector folder, or list it in .gitignore.',
      `Left out of the pull request: lib/sub/ and tools/, which git tracks as links to other repositories (submodules, or clones that \`git add\` met), not as files. Listing them in .gitignore does nothing while git tracks them: run \`git rm --cached ${path.join('connectors', 'Contoso', 'lib', 'sub')} ${path.join('connectors', 'Contoso', 'tools')}\` first (for a submodule, remove its entry from .gitmodules too) and commit, or move them out of the connector folder (git mv).`,
    ]);
  });

  it("take a folder git lists whole (an ignored nested repository, `nested/`) as the files under it, upstream's too", () => {
    const { sent, leftOut } = filesToSend(
      [
        file('apiDefinition.swagger.json', '{}'),
        file('nested/notes.md', 'Mine.'),
        file('nestedfile.md', 'x'),
      ],
      new Set(['nested/']),
    );
    expect(sent.map((sentFile) => sentFile.path)).toEqual(['apiDefinition.swagger.json', 'nestedfile.md']);
    expect(leftOut).toEqual([{ path: 'nested/', reason: 'git-ignored' }]);
    const upstream = [{ path: 'nested/notes.md', mode: '100644', sha: 'a' }];
    expect(upstreamFilesToMatch(upstream, leftOut)).toEqual([]);
    expect(leftOutDifferences([], upstream, leftOut)).toEqual(['nested/notes.md']);
  });

  it("take a left-out file's copy on the branch for another when only its mode differs from the upstream's", () => {
    const leftOut: LeftOutFile[] = [{ path: 'settings.json', reason: 'settings' }];
    const upstream = [{ path: 'settings.json', mode: '100644', sha: 'a' }];
    expect(leftOutDifferences([{ ...upstream[0]!, mode: '100755' }], upstream, leftOut)).toEqual([
      'settings.json',
    ]);
    expect(leftOutDifferences(upstream, upstream, leftOut)).toEqual([]);
  });

  describe('take the findings of what is left out away', () => {
    const finding = (file: string, paths: path.PlatformPath = path) =>
      locatedFinding({
        ruleId: 'REPO-EXTRA-FILES',
        severity: 'warning',
        message: `${file} is no connector file.`,
        file: paths.join('connectors', 'Contoso', file),
        line: 1,
        column: 1,
        connector: paths.join('connectors', 'Contoso'),
      });
    const validation = (files: string[], paths: path.PlatformPath = path) => ({
      path: paths.join('connectors', 'Contoso'),
      name: 'Contoso',
      profile: 'independent-publisher' as const,
      findings: files.map((each) => finding(each, paths)),
    });
    const filesOf = (result: { path: string; findings: Finding[] }, paths: path.PlatformPath = path) =>
      result.findings.map((each) => paths.relative(result.path, each.file).split(paths.sep).join('/'));
    const sent = [
      file('apiDefinition.swagger.json', '{}'),
      file('nestedfile.md', 'x'),
      file('docs/a.md', 'a'),
    ];

    it('under a left-out folder and on the folder itself, not on a file whose name starts with its name', () => {
      const all = validation(['nested', 'nested/notes.md', 'nestedfile.md', '']);
      const kept = withoutLeftOutFindings(all, [{ path: 'nested/', reason: 'git-ignored' }], sent);
      expect(filesOf(kept)).toEqual(['nestedfile.md', '']);
    });

    it('on a folder that holds left-out files and none sent, as git keeps no empty folder', () => {
      const all = validation(['tmp', 'tmp/a.txt', 'docs', 'docs/b.md']);
      const leftOut: LeftOutFile[] = [
        { path: 'tmp/a.txt', reason: 'git-ignored' },
        { path: 'docs/b.md', reason: 'git-ignored' },
      ];
      expect(filesOf(withoutLeftOutFindings(all, leftOut, sent))).toEqual(['docs']);
      expect(filesOf(withoutIgnoredFindings(all, leftOut, sent))).toEqual(['docs']);
    });

    it("of a checkout, keeping a nested repository's folder, which its link makes, and settings.json's", () => {
      const all = validation(['tools', 'tools/notes.md', 'settings.json']);
      const leftOut: LeftOutFile[] = [
        { path: 'tools/', reason: 'nested-repository' },
        { path: 'settings.json', reason: 'settings' },
      ];
      expect(filesOf(withoutIgnoredFindings(all, leftOut, sent))).toEqual(['tools', 'settings.json']);
      // The pull request sends neither.
      expect(filesOf(withoutLeftOutFindings(all, leftOut, sent))).toEqual([]);
    });

    it('with the paths Windows writes', () => {
      const all = validation(['nested', 'nested\\notes.md', 'tmp\\a.txt', 'nestedfile.md'], path.win32);
      const leftOut: LeftOutFile[] = [
        { path: 'nested/', reason: 'git-ignored' },
        { path: 'tmp/a.txt', reason: 'git-ignored' },
      ];
      expect(filesOf(withoutLeftOutFindings(all, leftOut, sent, path.win32), path.win32)).toEqual([
        'nestedfile.md',
      ]);
    });
  });
});

describe('folderNameKey', () => {
  it.each([
    ['Airtable [DEPRECATED]', 'airtable'],
    ['Airtable', 'airtable'],
    ['Atlassian Jira (Independent Publisher)', 'atlassianjira'],
    ['Contoso-Tasks', 'contosotasks'],
    ['Contoso_Tasks', 'contosotasks'],
    ['Snowflake v2', 'snowflakev2'],
    ['Zoho Café', 'zohocafé'],
  ])('makes %j %j', (name, key) => {
    expect(folderNameKey(name)).toBe(key);
  });
});
