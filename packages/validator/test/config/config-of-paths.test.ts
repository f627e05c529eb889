import { describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { UsageError } from '@connector-alm/core';
import { configSearchStart, findConfigFileOfPaths, loadConfig } from '../../src/config/index.js';
import { validatePaths } from '../../src/validate.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';

/** A scratch folder in no repository, with the given files (a `.git` entry marks a repository). */
function scratch(files: Record<string, string | null>): string {
  const root = temporaryFolder('connector-alm-config-paths-');
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    if (content === null) mkdirSync(file, { recursive: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  return root;
}

describe('configSearchStart', () => {
  it("starts at the path's repository's top level when the working directory is outside it", () => {
    const root = scratch({ 'fork/.git': null, 'fork/certified-connectors/Foo': null, home: null });
    expect(configSearchStart('../fork/certified-connectors/Foo', path.join(root, 'home'))).toBe(
      path.join(root, 'fork'),
    );
  });

  it('takes a .git file (a worktree or submodule) for a repository, as git does', () => {
    const root = scratch({ 'wt/.git': 'gitdir: /elsewhere/.git/worktrees/wt\n', 'wt/Foo': null, home: null });
    expect(configSearchStart(path.join(root, 'wt', 'Foo'), path.join(root, 'home'))).toBe(
      path.join(root, 'wt'),
    );
  });

  it('keeps the working directory inside the repository, and for a path in no repository', () => {
    const root = scratch({ 'fork/.git': null, 'fork/certified-connectors/Foo': null, 'loose/Foo': null });
    const inside = path.join(root, 'fork', 'certified-connectors');
    expect(configSearchStart('Foo', inside)).toBe(inside);
    expect(configSearchStart(path.join(root, 'loose', 'Foo'), inside)).toBe(inside);
  });

  it('starts from the repository of a path that no longer exists (a folder the branch deleted)', () => {
    const root = scratch({ 'fork/.git': null, 'fork/certified-connectors': null, home: null });
    expect(configSearchStart('../fork/certified-connectors/Gone', path.join(root, 'home'))).toBe(
      path.join(root, 'fork'),
    );
  });

  // Links that need no privilege to make are of POSIX systems.
  (process.platform === 'win32' ? it.skip : it)(
    'keeps the working directory inside the repository for a path that reaches it through a link',
    () => {
      const root = scratch({ 'fork/.git': null, 'fork/certified-connectors/Foo': null, away: null });
      symlinkSync(path.join(root, 'fork'), path.join(root, 'away', 'link'));
      const inside = path.join(root, 'fork', 'certified-connectors');
      // The link's folder holds `.git` too, and is another name of the working directory's repository:
      // from its top level the search would miss a file in the working directory's folder.
      expect(configSearchStart(path.join(root, 'away', 'link', 'certified-connectors', 'Foo'), inside)).toBe(
        inside,
      );
    },
  );

  (process.platform === 'win32' ? it.skip : it)(
    "names the path's repository as the path does when a link leads to it, for the paths in messages",
    () => {
      const root = scratch({ 'fork/.git': null, 'fork/certified-connectors/Foo': null, home: null });
      symlinkSync(path.join(root, 'fork'), path.join(root, 'home', 'link'));
      expect(
        configSearchStart(path.join('link', 'certified-connectors', 'Foo'), path.join(root, 'home')),
      ).toBe(path.join(root, 'home', 'link'));
    },
  );

  it("starts at the outer repository's top level from a repository nested in it", () => {
    const root = scratch({ 'fork/.git': null, 'fork/vendor/tool/.git': null, 'fork/Foo': null });
    expect(configSearchStart('../../Foo', path.join(root, 'fork', 'vendor', 'tool'))).toBe(
      path.join(root, 'fork'),
    );
  });
});

describe('findConfigFileOfPaths', () => {
  it('finds one file for paths of one repository, and none where no file applies', () => {
    const root = scratch({
      'fork/.git': null,
      'fork/.connector-alm.yml': 'ignore: []\n',
      'fork/a': null,
      'fork/b': null,
      'bare/.git': null,
      'bare/a': null,
      home: null,
    });
    const home = path.join(root, 'home');
    expect(findConfigFileOfPaths(['../fork/a', '../fork/b'], home)).toBe(
      path.join(root, 'fork', '.connector-alm.yml'),
    );
    expect(findConfigFileOfPaths(['../bare/a', home], home)).toBeUndefined();
  });

  it('refuses paths whose files differ, located at the second, naming both files', () => {
    const root = scratch({
      'a/.git': null,
      'a/.connector-alm.yml': 'ignore: []\n',
      'b/.git': null,
      'b/.connector-alm.json': '{}\n',
      home: null,
    });
    const home = path.join(root, 'home');
    let thrown: unknown;
    try {
      findConfigFileOfPaths(['../a', '../b'], home);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).location).toEqual({ file: '../b' });
    expect((thrown as UsageError).message).toBe(
      `takes its configuration from '${path.join('..', 'b', '.connector-alm.json')}', and '../a' from '${path.join('..', 'a', '.connector-alm.yml')}'.`,
    );
  });

  it('is what loadConfig searches with the paths, and --config still wins', async () => {
    const root = scratch({
      'fork/.git': null,
      'fork/.connector-alm.yml': 'profile: custom\n',
      'fork/Foo': null,
      'home/ci.yml': 'profile: certified\n',
    });
    const home = path.join(root, 'home');
    expect(await loadConfig({ cwd: home, paths: ['../fork/Foo'] })).toMatchObject({
      path: path.join(root, 'fork', '.connector-alm.yml'),
      profile: 'custom',
    });
    expect(await loadConfig({ cwd: home, paths: ['../fork/Foo'], explicitPath: 'ci.yml' })).toMatchObject({
      profile: 'certified',
    });
    expect(await loadConfig({ cwd: home })).toEqual({ rules: {}, ignore: [], foundBySearch: true });
  });
});

/** The files of a connector that passes every rule, in `folder` (of a scratch folder's layout). */
function connectorAt(folder: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(validConnectorFiles()).map(([name, content]) => [
      `${folder}/${name}`,
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    ]),
  );
}

/** The UsageError a promise rejects with. */
async function usageErrorOf(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('validatePaths with the configuration the search found: the connector folders found', () => {
  // A workspace repository with a checkout of upstream in it (its own .git): named itself, a folder of
  // the checkout takes the checkout's file (or none), so found under `.` it must take the same one.
  const WORKSPACE_FILE = 'rules:\n  SWG-INFO-TITLE-LEN: off\n';
  const BAR = path.join('upstream', 'certified-connectors', 'Bar');

  function workspace(files: Record<string, string | null>): string {
    return scratch({
      '.git': null,
      'upstream/.git': null,
      ...connectorAt('certified-connectors/Foo'),
      ...connectorAt('upstream/certified-connectors/Bar'),
      ...files,
    });
  }

  it('refuses a folder of a nested repository that takes another file (exit 2), naming it and both files', async () => {
    const root = workspace({ '.connector-alm.yml': WORKSPACE_FILE });
    const config = await loadConfig({ cwd: root, paths: ['.'] });
    const error = await usageErrorOf(validatePaths(['.'], { cwd: root, config, concurrency: 'off' }));
    expect(error.location).toEqual({ file: BAR });
    expect(error.message).toBe(
      "takes its configuration from no configuration file, and the paths it was found under from '.connector-alm.yml'.",
    );
    expect(error.hint).toBe(
      "One run applies one configuration: give the file to apply to every folder (--config, the action's config input), skip the folder's repository with ignore: ['upstream/**'] in '.connector-alm.yml', or run from the folder's repository.",
    );
  });

  it('refuses every nested repository in one run, each once, at its first folder', async () => {
    // A workspace with two checkouts of 2 connectors each: two refusals, not one a run, nor four.
    const root = workspace({
      '.connector-alm.yml': WORKSPACE_FILE,
      ...connectorAt('upstream/certified-connectors/Baz'),
      'vendor/.git': null,
      ...connectorAt('vendor/custom-connectors/One'),
      ...connectorAt('vendor/custom-connectors/Two'),
    });
    const config = await loadConfig({ cwd: root, paths: ['.'] });
    const error = await usageErrorOf(validatePaths(['.'], { cwd: root, config, concurrency: 'off' }));
    const refused = [error, ...(error.also ?? [])].map((each) => each.location?.file);
    expect(refused).toEqual([BAR, path.join('vendor', 'custom-connectors', 'One')]);
    expect(error.also?.[0]?.hint).toContain("ignore: ['vendor/**']");
  });

  it("names the ignore pattern of the nested repository's top level, which skips it when added", async () => {
    // The pattern is relative to the file's folder, and its glob characters are escaped.
    const root = scratch({
      '.git': null,
      'tools/.connector-alm.yml': WORKSPACE_FILE,
      'vendor/up[1]/.git': null,
      ...connectorAt('vendor/up[1]/certified-connectors/Bar'),
    });
    const cwd = path.join(root, 'tools');
    const config = await loadConfig({ cwd, paths: ['..'] });
    const error = await usageErrorOf(validatePaths(['..'], { cwd, config, concurrency: 'off' }));
    expect(error.location).toEqual({
      file: path.join('..', 'vendor', 'up[1]', 'certified-connectors', 'Bar'),
    });
    expect(error.hint).toContain(
      "skip the folder's repository with ignore: ['../vendor/up\\[1\\]/**'] in '.connector-alm.yml',",
    );

    writeFileSync(
      path.join(cwd, '.connector-alm.yml'),
      `${WORKSPACE_FILE}ignore:\n  - '../vendor/up\\[1\\]/**'\n`,
    );
    const ignoring = await loadConfig({ cwd, paths: ['..'] });
    expect((await validatePaths(['..'], { cwd, config: ignoring, concurrency: 'off' })).connectors).toEqual(
      [],
    );
  });

  it("writes the ignore entry in the file's own format, so that it can be copied as it is", async () => {
    // YAML's single quotes escape a quote by doubling it; a .json file wants a JSON member.
    for (const [name, body, entryOf] of [
      [
        '.connector-alm.yml',
        (entry: string) => `${WORKSPACE_FILE}${entry}\n`,
        (hint: string) => /with (ignore: \[.*?\]) in /.exec(hint)?.[1],
      ],
      [
        '.connector-alm.json',
        (entry: string) => `{"rules": {"SWG-INFO-TITLE-LEN": "off"}${entry === '' ? '' : `, ${entry}`}}`,
        (hint: string) => /with ("ignore": \[.*?\]) in /.exec(hint)?.[1],
      ],
    ] as const) {
      const root = scratch({
        '.git': null,
        [name]: body(''),
        "o'neil/.git": null,
        ...connectorAt("o'neil/certified-connectors/Bar"),
      });
      const config = await loadConfig({ cwd: root, paths: ['.'] });
      const error = await usageErrorOf(validatePaths(['.'], { cwd: root, config, concurrency: 'off' }));
      const entry = entryOf(error.hint ?? '');
      expect(entry).toBe(name.endsWith('.json') ? '"ignore": ["o\'neil/**"]' : "ignore: ['o''neil/**']");
      writeFileSync(path.join(root, name), body(entry!));
      const ignoring = await loadConfig({ cwd: root, paths: ['.'] });
      expect(
        (await validatePaths(['.'], { cwd: root, config: ignoring, concurrency: 'off' })).connectors,
      ).toEqual([]);
    }
  });

  it("with no file in use, names the new file at the top level of the paths' repository", async () => {
    const root = workspace({ 'upstream/.connector-alm.yml': WORKSPACE_FILE });
    const cwd = path.join(root, 'certified-connectors');
    const config = await loadConfig({ cwd, paths: ['..'] });
    const error = await usageErrorOf(validatePaths(['..'], { cwd, config, concurrency: 'off' }));
    expect(error.location).toEqual({ file: path.join('..', BAR) });
    expect(error.hint).toBe(
      `One run applies one configuration: give the file to apply to every folder (--config, the action's config input), skip the folder's repository with ignore: ['upstream/**'] in a new file '${path.join('..', '.connector-alm.yml')}', or run from the folder's repository.`,
    );
  });

  it('says to run once for each repository when run from the nested repository already', async () => {
    const root = workspace({ '.connector-alm.yml': WORKSPACE_FILE });
    const cwd = path.join(root, 'upstream');
    const config = await loadConfig({ cwd, paths: ['..'] });
    const error = await usageErrorOf(validatePaths(['..'], { cwd, config, concurrency: 'off' }));
    expect(error.location).toEqual({ file: path.join('certified-connectors', 'Bar') });
    expect(error.hint).toBe(
      `One run applies one configuration: run once for each repository, give the file to apply to every folder (--config, the action's config input), or skip the folder's repository with ignore: ['upstream/**'] in '${path.join('..', '.connector-alm.yml')}'.`,
    );
  });

  it('places the folders as their own search does: a given file, a repository nested twice, a given nested top', async () => {
    const root = workspace({
      '.connector-alm.yml': WORKSPACE_FILE,
      'upstream/.connector-alm.yml': WORKSPACE_FILE,
      'upstream/vendor/.git': null,
      ...connectorAt('upstream/vendor/certified-connectors/Baz'),
    });
    const BAZ = path.join('upstream', 'vendor', 'certified-connectors', 'Baz');
    // Named by a file of it, Bar takes upstream's file, which upstream's vendor does not.
    const swagger = path.join(BAR, 'apiDefinition.swagger.json');
    const ofBar = await loadConfig({ cwd: root, paths: [swagger] });
    expect(ofBar.path).toBe(path.join(root, 'upstream', '.connector-alm.yml'));
    expect(
      (await validatePaths([swagger], { cwd: root, config: ofBar, concurrency: 'off' })).connectors,
    ).toHaveLength(1);
    const error = await usageErrorOf(
      validatePaths(['upstream'], { cwd: root, config: ofBar, concurrency: 'off' }),
    );
    expect(error.location).toEqual({ file: BAZ });
    expect(error.hint).toContain("ignore: ['vendor/**'] in 'upstream/.connector-alm.yml'");
    // The nested top itself given: its folders are in its repository, none nested below.
    const ofVendor = await loadConfig({ cwd: root, paths: [path.join('upstream', 'vendor')] });
    expect(ofVendor.path).toBeUndefined();
    expect(
      (
        await validatePaths([path.join('upstream', 'vendor')], {
          cwd: root,
          config: ofVendor,
          concurrency: 'off',
        })
      ).connectors.map((connector) => connector.path),
    ).toEqual([BAZ]);
  });

  (process.platform === 'win32' ? it.skip : it)(
    'places the folders under a given path through a link in the repositories the link leads into',
    async () => {
      const root = workspace({ '.connector-alm.yml': WORKSPACE_FILE });
      const home = scratch({});
      symlinkSync(root, path.join(home, 'link'));
      const config = await loadConfig({ cwd: home, paths: ['link'] });
      expect(config.path).toBe(path.join(home, 'link', '.connector-alm.yml'));
      const error = await usageErrorOf(validatePaths(['link'], { cwd: home, config, concurrency: 'off' }));
      expect(error.location).toEqual({ file: path.join('link', BAR) });
      expect(error.hint).toContain(`ignore: ['upstream/**'] in '${path.join('link', '.connector-alm.yml')}'`);
    },
  );

  it('refuses a folder of a git submodule the same way: its .git is a file, and it is a repository of its own', async () => {
    const root = scratch({
      '.git': null,
      '.connector-alm.yml': WORKSPACE_FILE,
      'vendor/up/.git': 'gitdir: ../../.git/modules/vendor/up\n',
      ...connectorAt('vendor/up/certified-connectors/Bar'),
    });
    const config = await loadConfig({ cwd: root, paths: ['.'] });
    const error = await usageErrorOf(validatePaths(['.'], { cwd: root, config, concurrency: 'off' }));
    expect(error.location).toEqual({ file: path.join('vendor', 'up', 'certified-connectors', 'Bar') });
    expect(error.hint).toContain("ignore: ['vendor/up/**'] in '.connector-alm.yml'");
  });

  it("refuses it too when the nested repository has the file and the paths' has none", async () => {
    const root = workspace({ 'upstream/.connector-alm.yml': WORKSPACE_FILE });
    const config = await loadConfig({ cwd: root, paths: ['.'] });
    const error = await usageErrorOf(validatePaths(['.'], { cwd: root, config, concurrency: 'off' }));
    expect(error.location).toEqual({ file: BAR });
    expect(error.message).toBe(
      `takes its configuration from '${path.join('upstream', '.connector-alm.yml')}', and the paths it was found under from no configuration file.`,
    );
  });

  it('validates what the configuration does not ignore, a file named for all, and the folder named itself', async () => {
    const root = workspace({ '.connector-alm.yml': `${WORKSPACE_FILE}ignore:\n  - upstream/**\n` });
    const ignoring = await loadConfig({ cwd: root, paths: ['.'] });
    const names = async (paths: string[], config: Awaited<ReturnType<typeof loadConfig>>) =>
      (await validatePaths(paths, { cwd: root, config, concurrency: 'off' })).connectors.map(
        (connector) => connector.path,
      );
    expect(await names(['.'], ignoring)).toEqual([path.join('certified-connectors', 'Foo')]);

    writeFileSync(path.join(root, '.connector-alm.yml'), WORKSPACE_FILE);
    const explicit = await loadConfig({ cwd: root, paths: ['.'], explicitPath: '.connector-alm.yml' });
    expect(await names(['.'], explicit)).toEqual([path.join('certified-connectors', 'Foo'), BAR]);
    // Named itself, the folder takes its own repository's search: none here.
    const own = await loadConfig({ cwd: root, paths: [BAR] });
    expect(own.path).toBeUndefined();
    expect(await names([BAR], own)).toEqual([BAR]);
  });
});
