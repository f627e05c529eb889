import { describe, expect, it } from '@jest/globals';
import { runRules } from '../helpers/fixture.js';
import { validConnectorFiles, validSettings } from '../helpers/valid-connector.js';

const GOOD = validSettings();
const withSettings = (settings: object) => ({ ...validConnectorFiles(), 'settings.json': settings });

describe('SET-SCHEMA', () => {
  it('warns on an unknown key, at it', async () => {
    const findings = await runRules(withSettings({ ...GOOD, apiDefinitions: 'x' }), ['SET-SCHEMA']);
    expect(findings).toMatchObject([{ severity: 'warning', pointer: '/apiDefinitions' }]);
  });
  it('names the setting a misspelt key was meant to be', async () => {
    const findings = await runRules(
      withSettings({ ...GOOD, apiProperty: 'x', apidefinitions: 'y', colour: 'z' }),
      ['SET-SCHEMA'],
    );
    expect(findings.map((finding) => finding.message).sort()).toEqual([
      "Property 'apiProperty' has not been defined and the schema does not allow additional properties. Did you mean 'apiProperties'?",
      "Property 'apidefinitions' has not been defined and the schema does not allow additional properties. Did you mean 'apiDefinition'?",
      "Property 'colour' has not been defined and the schema does not allow additional properties.",
    ]);
  });
  it('accepts paconn settings', async () => {
    expect(await runRules(withSettings(GOOD), ['SET-SCHEMA'])).toEqual([]);
  });
});

describe('SET-ENV', () => {
  it('warns on a name instead of an id', async () => {
    expect(await runRules(withSettings({ ...GOOD, environment: 'My env' }), ['SET-ENV'])).toMatchObject([
      { pointer: '/environment' },
    ]);
  });
  it('accepts Default-<guid>', async () => {
    expect(await runRules(withSettings(GOOD), ['SET-ENV'])).toEqual([]);
  });
});

describe('SET-FILES-EXIST', () => {
  it('warns on an icon that is not committed', async () => {
    expect(await runRules(withSettings({ ...GOOD, icon: 'icon.png' }), ['SET-FILES-EXIST'])).toMatchObject([
      { pointer: '/icon' },
    ]);
  });
  it('is quiet when the files exist', async () => {
    expect(await runRules(withSettings(GOOD), ['SET-FILES-EXIST'])).toEqual([]);
  });
  // A blank value names no file: there is nothing to look for.
  it('is quiet on a file setting left empty or blank', async () => {
    const blank = withSettings({ ...GOOD, icon: '', script: '  ' });
    expect(await runRules(blank, ['SET-FILES-EXIST'])).toEqual([]);
  });
  // A paconn settings.json written on Windows named C:\Users\… and scripts\script.csx, and neither
  // was looked at: every path with a separator was passed over.
  it('warns on an absolute path, which names a file on your machine only, with the name to write', async () => {
    const settings = {
      ...GOOD,
      apiProperties: 'C:\\Users\\maker\\connectors\\airmeet\\apiProperties.json',
      apiDefinition: '\\\\server\\share\\apiDefinition.swagger.json',
      icon: '/home/maker/airmeet/logo.png',
    };
    const findings = await runRules(withSettings(settings), ['SET-FILES-EXIST']);
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      [
        '/apiProperties',
        "settings.json names C:\\Users\\maker\\connectors\\airmeet\\apiProperties.json as apiProperties, an absolute path: `paconn create --settings` fails for anyone else, whose files are elsewhere. Write 'apiProperties.json', the connector folder's file.",
      ],
      [
        '/apiDefinition',
        "settings.json names \\\\server\\share\\apiDefinition.swagger.json as apiDefinition, an absolute path: `paconn create --settings` fails for anyone else, whose files are elsewhere. Write 'apiDefinition.swagger.json', the connector folder's file.",
      ],
      [
        '/icon',
        'settings.json names /home/maker/airmeet/logo.png as icon, an absolute path: `paconn create --settings` fails for anyone else, whose files are elsewhere. Put the file in the connector folder and name it relative to the folder.',
      ],
    ]);
  });
  it('warns on a path out of the connector folder', async () => {
    const findings = await runRules(withSettings({ ...GOOD, icon: '..\\shared\\icon.png' }), [
      'SET-FILES-EXIST',
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'settings.json names ..\\shared\\icon.png as icon, a file outside the connector folder: `paconn create --settings` fails for anyone else, whose files are elsewhere. Put the file in the connector folder and name it relative to the folder.',
    ]);
  });
  it('looks a path into a nested folder up there, with either separator and without case', async () => {
    const files = {
      ...withSettings({ ...GOOD, script: 'scripts\\script.csx', icon: './Assets/ICON.png' }),
      'scripts/script.csx': 'x',
      'assets/icon.png': Buffer.from([1]),
    };
    expect(await runRules(files, ['SET-FILES-EXIST'])).toEqual([]);
    const missing = {
      ...withSettings({ ...GOOD, script: 'scripts\\script.csx', icon: 'assets/sub/../icon.png' }),
    };
    const findings = await runRules(missing, ['SET-FILES-EXIST']);
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      ['/script', 'settings.json names scripts\\script.csx as script, but the folder has no such file.'],
      ['/icon', 'settings.json names assets/sub/../icon.png as icon, but the folder has no such file.'],
    ]);
  });
});

describe('SET-NOT-IN-PR', () => {
  it('notes a committed settings.json', async () => {
    expect(await runRules(withSettings(GOOD), ['SET-NOT-IN-PR'])).toMatchObject([{ severity: 'info' }]);
    expect(await runRules(validConnectorFiles(), ['SET-NOT-IN-PR'])).toEqual([]);
  });
});
