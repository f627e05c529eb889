import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { locatedMessage, temporaryFolder } from '@connector-alm/testing';
import { DEFAULT_CONFIG } from '../../src/config/config-types.js';
import {
  discoverConnectorFolders,
  discoverConnectorTree,
  profileFromPath,
  sortFolderPaths,
} from '../../src/loader/discover.js';
import { loadConnectorFolder } from '../../src/loader/connector-folder.js';
import { resolveProfile } from '../../src/validate.js';

describe('the profile of a folder from its place in the tree', () => {
  it('comes from the nearest top folder', () => {
    expect(profileFromPath('/repo/certified-connectors/Contoso')).toBe('certified');
    expect(profileFromPath('/repo/Custom-Connectors/x/independent-publisher-connectors/Contoso')).toBe(
      'independent-publisher',
    );
    expect(profileFromPath('/repo/Contoso')).toBe('custom');
    expect(profileFromPath('/repo//certified-connectors/')).toBe('certified');
    expect(profileFromPath('/custom-connectors')).toBe('custom');
    expect(profileFromPath('/')).toBe('custom');
    expect(profileFromPath(path.join(path.relative(process.cwd(), '/'), 'custom-connectors', 'x'))).toBe(
      'custom',
    );
    expect(resolveProfile('/repo/Contoso', undefined, { ...DEFAULT_CONFIG, profile: 'certified' })).toBe(
      'certified',
    );
    expect(resolveProfile('/repo/custom-connectors/Contoso', 'certified', DEFAULT_CONFIG)).toBe('certified');
  });

  it('is not taken from a folder named like a property every object has', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(profileFromPath(`/home/${name}/Contoso`)).toBe('custom');
      expect(resolveProfile(`/home/${name}/Contoso`, undefined, DEFAULT_CONFIG)).toBe('custom');
    }
  });
});

describe('discoverConnectorFolders', () => {
  it('takes every child of a top folder, and searches other folders for swaggers', async () => {
    const root = temporaryFolder('connector-alm-discover-');
    mkdirSync(path.join(root, 'certified-connectors', 'Empty'), { recursive: true });
    mkdirSync(path.join(root, 'certified-connectors', 'Contoso', 'nested'), { recursive: true });
    mkdirSync(path.join(root, 'constructor', 'Fabrikam'), { recursive: true });
    mkdirSync(path.join(root, 'constructor', 'Nothing'), { recursive: true });
    writeFileSync(path.join(root, 'constructor', 'Fabrikam', 'apiDefinition.swagger.json'), '{}');
    const found = await discoverConnectorFolders([root]);
    expect(found).toEqual([
      path.join(root, 'certified-connectors', 'Contoso'),
      path.join(root, 'certified-connectors', 'Empty'),
      path.join(root, 'constructor', 'Fabrikam'),
    ]);
  });
});

describe('the listings discovery keeps for the loader', () => {
  it('are the listings of the connector folders it told by them, which the loader then reads', async () => {
    const root = temporaryFolder('connector-alm-discover-');
    mkdirSync(path.join(root, 'certified-connectors', 'Contoso'), { recursive: true });
    mkdirSync(path.join(root, 'other', 'Fabrikam'), { recursive: true });
    writeFileSync(path.join(root, 'certified-connectors', 'Contoso', 'readme.md'), '# Contoso');
    writeFileSync(path.join(root, 'other', 'Fabrikam', 'apiDefinition.swagger.json'), '{}');
    const tree = await discoverConnectorTree([root]);
    const names = (folder: string) =>
      tree.listings
        .get(folder)
        ?.map((dirent) => dirent.name)
        .sort();
    for (const folder of tree.folders) expect(names(folder)).toEqual(readdirSync(folder).sort());
    expect([...tree.listings.keys()].sort()).toEqual(tree.folders);
    // What the listing holds is read, not listed again: a file written after it is not there.
    const fabrikam = path.join(root, 'other', 'Fabrikam');
    writeFileSync(path.join(fabrikam, 'apiProperties.json'), '{}');
    const loaded = await loadConnectorFolder(fabrikam, root, undefined, tree.listings.get(fabrikam));
    expect(loaded.entries.map((entry) => entry.name)).toEqual(['apiDefinition.swagger.json']);
    expect((await loadConnectorFolder(fabrikam, root)).entries).toHaveLength(2);
  });
});

describe('discoverConnectorFolders in a project that keeps its connector one level down', () => {
  /**
   * The shape of upstream's certified-connectors/Snowflake v2: a .NET solution whose connector files
   * sit in ConnectorArtifacts/ (apidefinition.swagger.json, icon.png, intro.md, connector-config-*.json,
   * no apiProperties.json), beside the projects' sources and their build output.
   */
  function projectLayout(): { root: string; project: string } {
    const root = temporaryFolder('connector-alm-discover-');
    const project = path.join(root, 'certified-connectors', 'Snowflake v2');
    const files: Record<string, string> = {
      'dirs.sln': '',
      'SolutionDocumentation.md': '# Snowflake v2\n',
      'ConnectorArtifacts/apidefinition.swagger.json': '{}',
      'ConnectorArtifacts/icon.png': 'png',
      'ConnectorArtifacts/intro.md': '# Intro\n',
      'ConnectorArtifacts/connector-config-cli.json': '{}',
      'ConnectorArtifacts/assets/redirect-uri.png': 'png',
      'Contracts/Models/Item.cs': 'class Item {}',
      // A swagger in build output is no connector's: bin/ and obj/ are never searched.
      'SnowflakeV2CoreLogic/bin/Debug/apiDefinition.swagger.json': '{}',
      // A misnamed swagger or an apiProperties.json alone is nothing the pipeline checks.
      'SnowflakeTestApp/Fixtures/sample.swagger.json': '{}',
      'SnowflakeTestApp/Settings/apiProperties.json': '{}',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
      writeFileSync(path.join(project, name), text);
    }
    return { root, project };
  }

  it('takes the folder that holds its swagger, not the project folder', async () => {
    const { root, project } = projectLayout();
    mkdirSync(path.join(root, 'certified-connectors', 'Proposal'));
    writeFileSync(path.join(root, 'certified-connectors', 'Proposal', 'readme.md'), '# Proposal\n');
    expect(await discoverConnectorFolders([root])).toEqual([
      path.join(root, 'certified-connectors', 'Proposal'),
      path.join(project, 'ConnectorArtifacts'),
    ]);
    // Given itself, the project folder is searched alike.
    expect(await discoverConnectorFolders([project])).toEqual([path.join(project, 'ConnectorArtifacts')]);
  });

  it('takes the project folder itself where no folder below holds a swagger', async () => {
    const { root, project } = projectLayout();
    rmSync(path.join(project, 'ConnectorArtifacts', 'apidefinition.swagger.json'));
    expect(await discoverConnectorFolders([root])).toEqual([project]);
  });
});

describe('discoverConnectorFolders refuses', () => {
  it('a path that does not exist, located at the path as given', async () => {
    const cwd = temporaryFolder('connector-alm-discover-');
    const error = await discoverConnectorFolders(['no/such/folder'], cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe('no/such/folder: does not exist.');
  });

  // `validate certified-connectors/airmeet` said only "does not exist"; pr offered the folder.
  it('a folder misspelt or in the wrong case, with the folder beside it that was meant', async () => {
    const cwd = temporaryFolder('connector-alm-discover-');
    mkdirSync(path.join(cwd, 'certified-connectors', 'Airmeet'), { recursive: true });
    // Another case names the folder itself where the file system ignores case (Windows, macOS).
    const caseSensitive = !existsSync(path.join(cwd, 'certified-connectors', 'AIRMEET'));
    const givens = [
      'certified-connectors/Airmet/',
      ...(caseSensitive ? ['certified-connectors/airmeet'] : []),
    ];
    for (const given of givens) {
      const error = await discoverConnectorFolders([given], cwd).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(locatedMessage(error)).toBe(
        `${given}: does not exist. Did you mean '${path.join('certified-connectors', 'Airmeet')}'?`,
      );
      expect((error as UsageError).hint).toBe(
        'Give a connector folder, or a folder that holds connector folders.',
      );
    }
    const none = await discoverConnectorFolders(['certified-connectors/Fabrikam'], cwd).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(none)).toBe('certified-connectors/Fabrikam: does not exist.');
  });

  it('a file outside any connector folder, located at the file as given', async () => {
    const cwd = temporaryFolder('connector-alm-discover-');
    writeFileSync(path.join(cwd, 'notes.txt'), 'x');
    const error = await discoverConnectorFolders(['notes.txt'], cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe('notes.txt: is not a file of a connector folder.');
    expect((error as UsageError).hint).toContain('apiDefinition.swagger.json');
  });

  // Every stat error was "does not exist.", which sent the user looking for a path that may be there.
  it('a name longer than the file system allows, said as such, not as missing', async () => {
    const cwd = temporaryFolder('connector-alm-discover-');
    const long = `${'a'.repeat(300)}/Contoso`;
    const error = await discoverConnectorFolders([long], cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe(
      `${long}: cannot be read: its path is longer than the file system allows (ENAMETOOLONG).`,
    );
    expect((error as UsageError).hint).toBe('Give a path with shorter names.');
  });
});

describe('the order of the folders discovery finds', () => {
  it('is the same on Windows as on Linux and macOS, whose paths have / between folders', () => {
    // In Windows' own form '\' sorts after digits and capitals, '/' before them: Contoso\v2 came
    // after Contoso2 there, and a connector's findings with it, where Linux lists it first.
    const posix = ['/r/Contoso2', '/r/Contoso/v2', '/r/ContosoB', '/r/Contoso-x', '/r/contoso/a'];
    const sorted = sortFolderPaths(posix, path.posix);
    expect(sorted).toEqual(['/r/Contoso-x', '/r/Contoso/v2', '/r/Contoso2', '/r/ContosoB', '/r/contoso/a']);
    const windows = posix.map((folder) => `C:${folder.split('/').join('\\')}`);
    expect(sortFolderPaths(windows, path.win32)).toEqual(
      sorted.map((folder) => `C:${folder.split('/').join('\\')}`),
    );
  });
});

describe('the folders discovery does not search', () => {
  // Build output and dependencies: on Windows and macOS, whose file systems ignore case, Bin and OBJ
  // are the bin and obj folders, and a connector copied into one is not the repository's own.
  function treeWithBuildFolders(): string {
    const root = temporaryFolder('connector-alm-discover-');
    for (const folder of ['Bin/Contoso', 'OBJ/Debug/Contoso', 'Node_Modules/pkg', 'src/Contoso']) {
      mkdirSync(path.join(root, folder), { recursive: true });
      writeFileSync(path.join(root, folder, 'apiDefinition.swagger.json'), '{}');
    }
    return root;
  }

  it.each(['win32', 'darwin'] as const)('are matched ignoring case on %s', async (platform) => {
    const root = treeWithBuildFolders();
    expect(await discoverConnectorFolders([root], root, platform)).toEqual([
      path.join(root, 'src', 'Contoso'),
    ]);
  });

  it('are matched in their own case on Linux, where Bin is not bin', async () => {
    const root = treeWithBuildFolders();
    expect(await discoverConnectorFolders([root], root, 'linux')).toEqual([
      path.join(root, 'Bin', 'Contoso'),
      path.join(root, 'Node_Modules', 'pkg'),
      path.join(root, 'OBJ', 'Debug', 'Contoso'),
      path.join(root, 'src', 'Contoso'),
    ]);
  });
});

// A folder given with its swagger saved as swagger.json, or its apiProperties.json as
// apiProperty.json, was refused as holding no connector folder, without a word of the files it holds.
describe('a folder given that holds a definition under a name only meant as its', () => {
  it('is a connector folder, and so is the folder of a file of it given', async () => {
    const cwd = temporaryFolder('connector-alm-discover-');
    for (const [folder, name] of [
      ['Contoso', 'swagger.json'],
      ['Fabrikam', 'apiProperty.json'],
      ['Northwind', 'openapidefinition.json'],
    ] as const) {
      mkdirSync(path.join(cwd, folder));
      writeFileSync(path.join(cwd, folder, name), '{}');
      expect(await discoverConnectorFolders([folder], cwd)).toEqual([path.join(cwd, folder)]);
      expect(await discoverConnectorFolders([path.join(folder, name)], cwd)).toEqual([
        path.join(cwd, folder),
      ]);
    }
  });

  it('is not one where the folders below it hold connectors, nor where it is searched as part of a tree', async () => {
    const root = temporaryFolder('connector-alm-discover-');
    // A service's own swagger.json at the top of a repository that also keeps a connector.
    writeFileSync(path.join(root, 'swagger.json'), '{}');
    mkdirSync(path.join(root, 'connectors', 'Contoso'), { recursive: true });
    writeFileSync(path.join(root, 'connectors', 'Contoso', 'apiDefinition.swagger.json'), '{}');
    mkdirSync(path.join(root, 'api'));
    writeFileSync(path.join(root, 'api', 'swagger.json'), '{}');
    expect(await discoverConnectorFolders([root])).toEqual([path.join(root, 'connectors', 'Contoso')]);
  });

  it('is not one for a backup an editor left, nor for a readme only meant as one', async () => {
    const cwd = temporaryFolder('connector-alm-discover-');
    mkdirSync(path.join(cwd, 'Contoso'));
    writeFileSync(path.join(cwd, 'Contoso', 'apiProperties.json.bak'), '{}');
    writeFileSync(path.join(cwd, 'Contoso', 'Readme.md.txt'), 'x');
    expect(await discoverConnectorFolders(['Contoso'], cwd)).toEqual([]);
  });
});
