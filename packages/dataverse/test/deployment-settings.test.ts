import { describe, expect, it } from '@jest/globals';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { componentParametersFromSettings } from '../src/index.js';

/** A deployment settings file the user wrote by hand: its mistakes are located where they are. */
describe('a deployment settings file that is not valid JSON', () => {
  it('is located at the line and column of the mistake, with advice for settings, not connectors', () => {
    const text = '{\n  "EnvironmentVariables": [\n    { "SchemaName": "cr1a6_ApiHost", },\n  ]\n}\n';
    const error = (() => {
      try {
        return componentParametersFromSettings(text, 'settings.json');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe('settings.json:3:38: invalid JSON: property name expected.');
    expect((error as UserError).hint).toBe(
      'Fix the JSON, or write the file again with pac solution create-settings.',
    );
  });

  it('is located at its end when it stops short, after a byte order mark', () => {
    const error = (() => {
      try {
        return componentParametersFromSettings('\uFEFF{ "EnvironmentVariables": [', 'settings.json');
      } catch (e) {
        return e;
      }
    })();
    expect(locatedMessage(error)).toBe('settings.json:1:28: invalid JSON: close bracket expected.');
  });
});
