import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { isIgnored } from '../../src/config/ignore.js';

const root = path.resolve('/repository');
const config = {
  path: path.join(root, '.connector-alm.yml'),
  rules: {},
  ignore: ['certified-connectors/Legacy*', '**/.drafts/**'],
};

describe('isIgnored', () => {
  it("matches folders against the globs relative to the configuration file's folder", () => {
    expect(isIgnored(path.join(root, 'certified-connectors', 'Legacy Tasks'), config)).toBe(true);
    expect(isIgnored(path.join(root, 'custom-connectors', '.drafts', 'Notes'), config)).toBe(true);
    expect(isIgnored(path.join(root, 'certified-connectors', 'Contoso Tasks'), config)).toBe(false);
    // The same name below another folder is not the one the glob names.
    expect(isIgnored(path.join(root, 'archive', 'certified-connectors', 'Legacy Tasks'), config)).toBe(false);
  });

  it('ignores nothing without globs or without a configuration file', () => {
    const folder = path.join(root, 'certified-connectors', 'Legacy Tasks');
    expect(isIgnored(folder, { ...config, ignore: [] })).toBe(false);
    expect(isIgnored(folder, { rules: {}, ignore: config.ignore })).toBe(false);
  });

  // On those systems `contoso` and `Contoso` name one folder, and a path typed in either case reaches
  // it: the folder is skipped whichever way it was named, as `validate .` (the name on disk) skips it.
  it('matches without regard to case on the case-insensitive file systems of Windows and macOS', () => {
    const typed = path.join(root, 'certified-connectors', 'legacy tasks');
    expect(isIgnored(typed, config, 'win32')).toBe(true);
    expect(isIgnored(typed, config, 'darwin')).toBe(true);
    // Elsewhere `legacy tasks` is another folder than `Legacy Tasks`.
    expect(isIgnored(typed, config, 'linux')).toBe(false);
    expect(isIgnored(path.join(root, 'Certified-Connectors', 'Legacy Tasks'), config, 'linux')).toBe(false);
  });
});
