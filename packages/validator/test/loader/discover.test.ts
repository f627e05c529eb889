import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { DEFAULT_CONFIG } from '../../src/config/config-types.js';
import { discoverConnectorFolders, profileFromPath } from '../../src/loader/discover.js';
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
    const root = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-discover-'));
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

describe('discoverConnectorFolders refuses', () => {
  it('a path that does not exist, located at the path as given', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-discover-'));
    const error = await discoverConnectorFolders(['no/such/folder'], cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe('no/such/folder: does not exist.');
  });

  it('a file outside any connector folder, located at the file as given', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-discover-'));
    writeFileSync(path.join(cwd, 'notes.txt'), 'x');
    const error = await discoverConnectorFolders(['notes.txt'], cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe('notes.txt: is not a file of a connector folder.');
    expect((error as UsageError).hint).toContain('apiDefinition.swagger.json');
  });
});
