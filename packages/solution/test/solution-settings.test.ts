import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describeUserError, UsageError } from '@connector-alm/core';
import {
  buildSolution,
  optionValuePrefixFrom,
  packSolution,
  SolutionSettingError,
  unpackSolution,
  type BuildSolutionOptions,
  type SolutionSetting,
} from '../src/index.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('settings-');
afterAll(() => temp.cleanup());

const OPTIONS: BuildSolutionOptions = {
  uniqueName: 'ContosoConnectors',
  version: '1.2.0.0',
  publisher: { uniqueName: 'Contoso', prefix: 'contoso' },
};

async function refusal(work: () => Promise<unknown>): Promise<SolutionSettingError> {
  const error = await work().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SolutionSettingError);
  return error as SolutionSettingError;
}

describe('a solution setting Dataverse would refuse names the setting, for the caller to name as its user does', () => {
  it.each<[string, BuildSolutionOptions, SolutionSetting, string]>([
    [
      'solution unique name',
      { ...OPTIONS, uniqueName: 'has space' },
      'uniqueName',
      "'has space' is not a solution unique name. Use letters, digits and underscores, starting with a letter or an underscore.",
    ],
    [
      'version',
      { ...OPTIONS, version: '1' },
      'version',
      "'1' is not a solution version. Use two to four numbers separated by dots, e.g. 1.0.0.0.",
    ],
    // Dataverse versions are System.Version, whose parts are Int32.
    [
      'version part above Int32',
      { ...OPTIONS, version: '1.0.4294967296.0' },
      'version',
      "'1.0.4294967296.0' has a part above 2147483647, the highest a Dataverse version holds (its parts are 32-bit numbers). Use parts of at most 2147483647, e.g. a date as 2026.12.1.0 rather than 1.0.20261201093000.0.",
    ],
    // Read as numbers by Dataverse, so the environment would name another version than the zip.
    [
      'version with leading zeros',
      { ...OPTIONS, version: '01.002' },
      'version',
      "'01.002' has a part with a leading zero, which Dataverse reads as a number, so the environment names it otherwise. Write it as 1.2.",
    ],
    // A date written with its month as two digits: one part of two with a leading zero is enough.
    [
      'version with a leading zero in one part',
      { ...OPTIONS, version: '2026.01.15.3' },
      'version',
      "'2026.01.15.3' has a part with a leading zero, which Dataverse reads as a number, so the environment names it otherwise. Write it as 2026.1.15.3.",
    ],
    [
      'publisher unique name',
      { ...OPTIONS, publisher: { ...OPTIONS.publisher, uniqueName: '9lives' } },
      'publisher.uniqueName',
      "'9lives' is not a publisher unique name. Use letters, digits and underscores, starting with a letter or an underscore, as the publisher is named in the target environment.",
    ],
    [
      'customization prefix',
      { ...OPTIONS, publisher: { ...OPTIONS.publisher, prefix: 'mscrmx' } },
      'publisher.prefix',
      "'mscrmx' is not a customization prefix. Use 2 to 8 letters or digits, starting with a letter (not mscrm), as in the publisher of the target environment.",
    ],
    [
      'option value prefix',
      { ...OPTIONS, publisher: { ...OPTIONS.publisher, optionValuePrefix: 100.5 } },
      'publisher.optionValuePrefix',
      "'100.5' is not an option value prefix. Use a whole number from 10000 to 99999: the publisher's option value prefix in the target environment.",
    ],
  ])('buildSolution: the %s, before any folder is read', async (_what, options, setting, described) => {
    const out = temp.make();
    // The folder does not exist: the setting is refused before it is looked at.
    const error = await refusal(() =>
      buildSolution([path.join(out, 'missing')], path.join(out, 'out.zip'), options),
    );
    expect(error.setting).toBe(setting);
    expect(describeUserError(error)).toBe(described);
    expect(readdirSync(out)).toEqual([]);
  });

  it('packSolution: the version, before the folder is read', async () => {
    const out = temp.make();
    const error = await refusal(() =>
      packSolution(path.join(out, 'missing'), path.join(out, 'out.zip'), { version: '1.2.3.4.5' }),
    );
    expect(error).toMatchObject({ setting: 'version', value: '1.2.3.4.5' });
    expect(readdirSync(out)).toEqual([]);
  });

  it('unpackSolution: the version to reset to, before the zip is read or the folder made', async () => {
    const out = temp.make();
    const error = await refusal(() =>
      unpackSolution(path.join(out, 'missing.zip'), path.join(out, 'src'), { resetVersion: '0' }),
    );
    expect(error).toMatchObject({ setting: 'resetVersion', value: '0' });
    expect(readdirSync(out)).toEqual([]);
  });

  it('namedAs says the same problem and advice of the name the caller gives, as a usage error', async () => {
    const error = await refusal(() =>
      packSolution(temp.make(), path.join(temp.make(), 'out.zip'), { version: 'y' }),
    );
    const named = error.namedAs('--solution-version');
    expect(named).toBeInstanceOf(UsageError);
    expect(named).not.toBeInstanceOf(SolutionSettingError);
    expect(describeUserError(named)).toBe(
      "--solution-version 'y' is not a solution version. Use two to four numbers separated by dots, e.g. 1.0.0.0.",
    );
  });

  it('takes an option value prefix from 10000 to 99999, both included, and refuses one beyond either end', () => {
    expect(optionValuePrefixFrom('10000')).toBe(10000);
    expect(optionValuePrefixFrom('99999')).toBe(99999);
    for (const text of ['9999', '100000']) {
      expect(() => optionValuePrefixFrom(text)).toThrow(
        expect.objectContaining({ setting: 'publisher.optionValuePrefix', value: text }),
      );
    }
  });
});
