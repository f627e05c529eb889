import { describe, expect, it } from '@jest/globals';
import {
  checksLocalRunAsSubmission,
  namesPowerPlatformConnectors,
} from '../../src/repository/submission-repository.js';

describe('namesPowerPlatformConnectors', () => {
  it('reads the name at the end of an owner/name, a URL of any kind or a local path, in any case', () => {
    for (const named of [
      'microsoft/PowerPlatformConnectors',
      'https://github.com/microsoft/PowerPlatformConnectors.git',
      'https://github.com/contoso/powerplatformconnectors/',
      'git@github.com:contoso/PowerPlatformConnectors.git',
      'git@github.com:PowerPlatformConnectors',
      'ssh://git@github.com/contoso/PowerPlatformConnectors',
      '/home/me/src/PowerPlatformConnectors',
      'C:\\src\\PowerPlatformConnectors\\',
      // A second fork of the same owner, as GitHub names it, and a fork renamed after it.
      'https://github.com/me/PowerPlatformConnectors-1.git',
      'https://github.com/contoso/PowerPlatformConnectors-archive',
    ])
      expect({ named, names: namesPowerPlatformConnectors(named) }).toEqual({ named, names: true });
    for (const other of [
      'contoso/connectors',
      'https://github.com/PowerPlatformConnectors/connectors.git',
      'https://github.com/me/ppc.git',
      '',
    ])
      expect({ other, names: namesPowerPlatformConnectors(other) }).toEqual({ other, names: false });
  });
});

describe('checksLocalRunAsSubmission', () => {
  const layout = ['certified-connectors', 'custom-connectors', '.github'];

  it('follows the remotes when there are any, as the action follows the base repository', () => {
    const fork = [
      'git@github.com:me/PowerPlatformConnectors.git',
      'https://github.com/microsoft/PowerPlatformConnectors',
    ];
    expect(checksLocalRunAsSubmission({ remoteUrls: fork, topFolders: [] })).toBe(true);
    // A fork renamed 'ppc', cloned with Microsoft's repository as its upstream remote.
    const renamed = ['git@github.com:me/ppc.git', 'https://github.com/microsoft/PowerPlatformConnectors.git'];
    expect(checksLocalRunAsSubmission({ remoteUrls: renamed, topFolders: [] })).toBe(true);
    // A company's repository in the layout (as the snapshot workflow writes custom-connectors/).
    const own = ['https://github.com/contoso/connectors.git'];
    expect(checksLocalRunAsSubmission({ remoteUrls: own, topFolders: layout })).toBe(false);
  });

  it('without a remote, takes the layout at the top level for a PowerPlatformConnectors clone', () => {
    expect(checksLocalRunAsSubmission({ remoteUrls: [], topFolders: layout })).toBe(true);
    expect(
      checksLocalRunAsSubmission({ remoteUrls: [], topFolders: ['Independent-Publisher-Connectors'] }),
    ).toBe(true);
    expect(checksLocalRunAsSubmission({ remoteUrls: [], topFolders: ['connectors', 'integrations'] })).toBe(
      false,
    );
  });
});
