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
    expect(locatedMessage(error)).toBe(
      'settings.json:1:28: invalid JSON: the file ends with 2 brackets open: it looks cut off (an interrupted save or copy); restore its end.',
    );
  });
});

/** The refusal of a settings file that is JSON but not of the shape pac solution create-settings writes. */
function refusal(text: string): UserError {
  try {
    componentParametersFromSettings(text, 'settings.json');
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('a deployment settings file of the wrong shape', () => {
  const SHAPE_HINT =
    'pac solution create-settings writes this file: {"EnvironmentVariables": [{"SchemaName": "…", "Value": "…"}], "ConnectionReferences": [{"LogicalName": "…", "ConnectionId": "…", "ConnectorId": "…"}]}.';

  it('with one variable written as an object, not a list, is refused at that object (it failed unexpectedly)', () => {
    const error = refusal(
      '{\n  "EnvironmentVariables": { "SchemaName": "cat_HitlHostUrl", "Value": "https://x" }\n}\n',
    );
    expect(locatedMessage(error)).toBe(
      'settings.json:2:27: EnvironmentVariables must be a list ([…]) of entries, not an object.',
    );
    expect(error.hint).toBe(SHAPE_HINT);
  });

  it('holding no object (text, null, a list) is refused at the file, saying what it must hold', () => {
    for (const text of ['"settings"', 'null', '[]']) {
      const error = refusal(text);
      expect([text, locatedMessage(error)]).toEqual([
        text,
        'settings.json: The deployment settings file must hold an object with EnvironmentVariables and ConnectionReferences.',
      ]);
      expect(error.hint).toBe(SHAPE_HINT);
    }
  });

  it('with ConnectionReferences written as text is refused at that text', () => {
    const error = refusal('{ "ConnectionReferences": "cat_conn" }');
    expect(locatedMessage(error)).toBe(
      'settings.json:1:27: ConnectionReferences must be a list ([…]) of entries, not a string.',
    );
  });

  it('with an entry that names no variable is refused at that entry, saying what to write', () => {
    const error = refusal(
      '{\n  "EnvironmentVariables": [\n    { "SchemaName": "a_B", "Value": "1" },\n    { "Name": "cat_HitlHostUrl", "Value": "x" }\n  ]\n}\n',
    );
    expect(locatedMessage(error)).toBe('settings.json:4:5: EnvironmentVariables[1] has no SchemaName.');
    expect(error.hint).toBe(SHAPE_HINT);
  });

  it('with a connection reference that names none is refused at that entry', () => {
    const error = refusal('{"ConnectionReferences": [null]}');
    expect(locatedMessage(error)).toBe('settings.json:1:27: ConnectionReferences[0] has no LogicalName.');
  });
});

describe('a variable Value that is not a string', () => {
  it('takes a number written without quotes as its JSON text, as a Number variable holds it', () => {
    const parameters = componentParametersFromSettings(
      '{"EnvironmentVariables": [{"SchemaName": "a_Timeout", "Value": 30}, {"SchemaName": "a_Rate", "Value": 0.5}]}',
      'settings.json',
    );
    expect(parameters).toEqual([
      {
        '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue',
        schemaname: 'a_Timeout',
        value: '30',
      },
      {
        '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue',
        schemaname: 'a_Rate',
        value: '0.5',
      },
    ]);
  });

  it('refuses a boolean at that value, rather than guess the text a Yes/No variable holds', () => {
    const error = refusal(
      '{\n  "EnvironmentVariables": [\n    { "SchemaName": "a_Enabled", "Value": true }\n  ]\n}\n',
    );
    expect(locatedMessage(error)).toBe(
      'settings.json:3:43: EnvironmentVariables[0].Value (a_Enabled) is a boolean; Dataverse holds every environment variable value as text.',
    );
    expect(error.hint).toBe(
      'Write the value in quotes, as pac solution create-settings does ("Value": "…"); a Yes/No variable takes "yes" or "no".',
    );
  });

  it('refuses an object at that value', () => {
    const error = refusal('{"EnvironmentVariables": [{"SchemaName": "a_Json", "Value": {"a": 1}}]}');
    expect(locatedMessage(error)).toMatch(
      /^settings\.json:1:\d+: EnvironmentVariables\[0\]\.Value \(a_Json\) is an object;/,
    );
  });

  it('skips a variable left empty and still takes the ones after it', () => {
    expect(
      componentParametersFromSettings(
        '{"EnvironmentVariables": [{"SchemaName": "a_A", "Value": ""}, {"SchemaName": "a_B", "Value": "x"}]}',
        's.json',
      ),
    ).toEqual([
      { '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue', schemaname: 'a_B', value: 'x' },
    ]);
  });

  it('skips a null Value as an empty one, as pac leaves the template', () => {
    expect(
      componentParametersFromSettings(
        '{"EnvironmentVariables": [{"SchemaName": "a_B", "Value": null}]}',
        's.json',
      ),
    ).toEqual([]);
  });
});

describe('a connection reference whose ConnectionId or ConnectorId is not a string', () => {
  // Skipped without a word before: the import went ahead without the connection, and its flows
  // were left off until someone connected them by hand.
  it('refuses a ConnectionId written as a number at that value, saying what to write', () => {
    const error = refusal(
      '{\n  "ConnectionReferences": [\n    { "LogicalName": "cat_conn", "ConnectionId": 4711, "ConnectorId": "/providers/Microsoft.PowerApps/apis/shared_x" }\n  ]\n}\n',
    );
    expect(locatedMessage(error)).toBe(
      'settings.json:3:50: ConnectionReferences[0].ConnectionId (cat_conn) is a number; Dataverse names a connection with text.',
    );
    expect(error.hint).toBe(
      'Write it in quotes, as pac solution create-settings does ("ConnectionId": "…").',
    );
  });

  it('refuses a ConnectorId written as an object, even when the reference is left without a connection', () => {
    const error = refusal(
      '{"ConnectionReferences": [{"LogicalName": "cat_conn", "ConnectionId": "", "ConnectorId": {"id": "shared_x"}}]}',
    );
    expect(locatedMessage(error)).toBe(
      'settings.json:1:90: ConnectionReferences[0].ConnectorId (cat_conn) is an object; Dataverse names a connector with text.',
    );
    expect(error.hint).toBe(
      'Write it in quotes, as pac solution create-settings does ("ConnectorId": "/providers/Microsoft.PowerApps/apis/…").',
    );
  });

  it('skips a null ConnectionId and leaves out a null ConnectorId, as empty ones', () => {
    expect(
      componentParametersFromSettings(
        '{"ConnectionReferences": [{"LogicalName": "a", "ConnectionId": null}, {"LogicalName": "b", "ConnectionId": "c1", "ConnectorId": null}]}',
        's.json',
      ),
    ).toEqual([
      {
        '@odata.type': 'Microsoft.Dynamics.CRM.connectionreference',
        connectionreferencelogicalname: 'b',
        connectionid: 'c1',
      },
    ]);
  });
});
