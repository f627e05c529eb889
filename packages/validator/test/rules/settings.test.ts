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
});

describe('SET-NOT-IN-PR', () => {
  it('notes a committed settings.json', async () => {
    expect(await runRules(withSettings(GOOD), ['SET-NOT-IN-PR'])).toMatchObject([{ severity: 'info' }]);
    expect(await runRules(validConnectorFiles(), ['SET-NOT-IN-PR'])).toEqual([]);
  });
});
