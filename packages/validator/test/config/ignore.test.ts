import path from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
// Where picomatch compiles: its entry point is a wrapper that copied these functions.
import picomatch from 'picomatch/lib/picomatch.js';
import { configLoosening } from '../../src/config/config-loosening.js';
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

// picomatch.isMatch compiled the pattern on each call: 2,000 patterns asked about 2,000 folders took
// `validate --base` a minute. makeRe is where picomatch compiles a glob to a regular expression.
describe('ignore patterns are compiled once', () => {
  const patterns = Array.from({ length: 40 }, (_, index) => `compiled-once/{C*,Z${index}}`);
  const folders = Array.from({ length: 50 }, (_, index) => `compiled-once/C${index}`);

  it('compiles each pattern once however many folders isIgnored asks about', () => {
    const makeRe = jest.spyOn(picomatch, 'makeRe');
    try {
      const many = { ...config, ignore: patterns };
      const skipped = folders.filter((folder) => isIgnored(path.join(root, folder), many, 'linux'));
      expect(skipped).toHaveLength(folders.length);
      expect(isIgnored(path.join(root, 'compiled-once', 'Other'), many, 'linux')).toBe(false);
      expect(makeRe).toHaveBeenCalledTimes(patterns.length);
      // The case-insensitive matchers of Windows are other ones, compiled once each too.
      expect(isIgnored(path.join(root, 'COMPILED-ONCE', 'Other'), many, 'win32')).toBe(false);
      expect(isIgnored(path.join(root, 'COMPILED-ONCE', 'c1'), many, 'win32')).toBe(true);
      expect(makeRe).toHaveBeenCalledTimes(patterns.length + patterns.length);
    } finally {
      makeRe.mockRestore();
    }
  });

  it('compiles each added pattern once when REPO-CONFIG-LOOSENED counts the folders it skips', () => {
    const added = patterns.map((pattern) => pattern.replace('compiled-once', 'compiled-added'));
    const changed = folders.map((folder) => folder.replace('compiled-once', 'compiled-added'));
    const makeRe = jest.spyOn(picomatch, 'makeRe');
    try {
      const loosened = configLoosening({ rules: {}, ignore: [] }, { rules: {}, ignore: added }, [], {
        changedFolders: changed,
        platform: 'linux',
      });
      expect(loosened).toHaveLength(added.length);
      expect(loosened[0]?.message).toContain('which skips 50 connector folders this change touches');
      expect(makeRe).toHaveBeenCalledTimes(added.length);
    } finally {
      makeRe.mockRestore();
    }
  });
});
