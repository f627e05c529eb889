import { describe, expect, it } from '@jest/globals';
import type { ValidatorConfig } from '../../src/config/config-types.js';
import { folderSettings, mergeRuleOverrides } from '../../src/config/folder-settings.js';
import { resolveProfile } from '../../src/validate.js';

const config: ValidatorConfig = {
  path: '/repo/.connector-alm.yml',
  profile: 'custom',
  rules: { 'SWG-FORMAT': 'warning', 'SWG-CONSUMES': { custom: 'info' } },
  ignore: [],
  overrides: [
    { files: ['connectors/**', 'certified-connectors/Legacy'], profile: 'certified' },
    {
      files: ['integrations/legacy/**'],
      rules: { 'SWG-FORMAT': 'off', 'SWG-CONSUMES': { certified: 'off' } },
    },
    {
      files: ['integrations/legacy/payroll'],
      profile: 'independent-publisher',
      rules: { 'SWG-FORMAT': 'error' },
    },
  ],
};

describe('folderSettings', () => {
  it("gives a folder no override's settings when none matches it", () => {
    expect(folderSettings('/repo/other/Contoso', config, 'linux')).toEqual({ rules: config.rules });
    expect(resolveProfile('/repo/other/Contoso', undefined, config)).toBe('custom');
  });

  it('applies every override that matches, later ones winning, rule by rule and profile by profile', () => {
    expect(folderSettings('/repo/integrations/legacy/hr-api', config, 'linux')).toEqual({
      rules: { 'SWG-FORMAT': 'off', 'SWG-CONSUMES': { custom: 'info', certified: 'off' } },
    });
    expect(folderSettings('/repo/integrations/legacy/payroll', config, 'linux')).toEqual({
      profile: 'independent-publisher',
      rules: { 'SWG-FORMAT': 'error', 'SWG-CONSUMES': { custom: 'info', certified: 'off' } },
    });
  });

  it('gives the folders it names its profile, in the PowerPlatformConnectors layout too; --profile still wins', () => {
    expect(resolveProfile('/repo/connectors/Etsy', undefined, config)).toBe('certified');
    const legacy = {
      ...config,
      overrides: [{ files: ['certified-connectors/Legacy'], profile: 'custom' as const }],
    };
    expect(resolveProfile('/repo/certified-connectors/Legacy', undefined, legacy)).toBe('custom');
    expect(resolveProfile('/repo/certified-connectors/Other', undefined, legacy)).toBe('certified');
    expect(resolveProfile('/repo/certified-connectors/Legacy', 'independent-publisher', legacy)).toBe(
      'independent-publisher',
    );
  });

  it('is the same object for every folder the same overrides match, so the engine works out their rules once', () => {
    expect(folderSettings('/repo/integrations/legacy/a', config, 'linux')).toBe(
      folderSettings('/repo/integrations/legacy/b', config, 'linux'),
    );
  });

  it('matches nothing without a file to be relative to, as ignore', () => {
    expect(folderSettings('/repo/connectors/Etsy', { ...config, path: undefined }, 'linux')).toEqual({
      rules: config.rules,
    });
  });
});

describe('mergeRuleOverrides', () => {
  it('lets a level for every profile replace, and a level for some keep the others', () => {
    expect(
      mergeRuleOverrides(
        { A: 'warning', B: { custom: 'off' }, C: 'error', D: { custom: 'info' } },
        { A: { custom: 'off' }, B: { certified: 'info' }, C: 'off', E: 'error' },
      ),
    ).toEqual({
      A: { certified: 'warning', 'independent-publisher': 'warning', custom: 'off' },
      B: { custom: 'off', certified: 'info' },
      C: 'off',
      D: { custom: 'info' },
      E: 'error',
    });
  });
});
