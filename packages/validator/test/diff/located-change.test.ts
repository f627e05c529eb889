import { describe, expect, it } from '@jest/globals';
import { locatedChange, type Change, type ChangeFields } from '../../src/diff/change.js';
import { ChangeCap } from '../../src/diff/change-cap.js';
import { connectorDeletedChange } from '../../src/git/deleted-connectors.js';
import { MAX_FINDINGS_PER_RULE } from '../../src/model/unlisted-message.js';
import { MAX_MESSAGE_LENGTH } from '../../src/text/message-length.js';
import { toJsonChange } from '../../src/reporters/json-change.js';

/*
 * Every change is made by locatedChange, as every finding is by locatedFinding: a rule's located
 * change (change-locator.ts), the summary of a capped rule's unlisted ones (change-cap.ts) and a
 * deleted connector (git/deleted-connectors.ts). diff/long-names.test.ts holds the diff to the
 * bound end to end.
 */

const LONG = 20_000;

const fields: ChangeFields = {
  ruleId: 'BRK-X',
  severity: 'error',
  message: 'The thing changed.',
  file: 'apiDefinition.swagger.json',
  pointer: '/paths/~1a/get',
  line: 7,
  column: 3,
  side: 'new',
  impact: 'breaking',
};

describe('locatedChange: the one constructor of a change', () => {
  it('writes every key in the documented order, one shape for all; the JSON leaves out those unset', () => {
    expect(
      JSON.stringify(locatedChange({ ...fields, operationId: 'GetA', valuePath: 'operation/GetA' })),
    ).toBe(
      '{"ruleId":"BRK-X","breaking":true,"severity":"error","message":"The thing changed.",' +
        '"operationId":"GetA","file":"apiDefinition.swagger.json","pointer":"/paths/~1a/get","line":7,' +
        '"column":3,"side":"new","impact":"breaking","valuePath":"operation/GetA"}',
    );
    const bare = locatedChange({ ...fields, operationId: undefined, valuePath: undefined });
    // The same keys whether set or not: changes of one shape keep their readers monomorphic.
    expect(Object.keys(bare)).toEqual(
      Object.keys(locatedChange({ ...fields, operationId: 'GetA', valuePath: 'v' })),
    );
    expect(JSON.stringify(toJsonChange(bare))).toBe(
      '{"ruleId":"BRK-X","breaking":true,"severity":"error","message":"The thing changed.",' +
        '"file":"apiDefinition.swagger.json","pointer":"/paths/~1a/get","line":7,' +
        '"column":3,"side":"new","impact":"breaking"}',
    );
  });

  it('says breaking exactly when the impact is', () => {
    expect(locatedChange(fields).breaking).toBe(true);
    expect(locatedChange({ ...fields, impact: 'major' }).breaking).toBe(false);
    expect(locatedChange({ ...fields, impact: 'minor' }).breaking).toBe(false);
  });

  it('keeps a message within the bound whole, and cuts a longer one', () => {
    const within = 'm'.repeat(MAX_MESSAGE_LENGTH);
    expect(locatedChange({ ...fields, message: within }).message).toBe(within);
    const cut = locatedChange({ ...fields, message: 'x'.repeat(LONG) });
    expect(cut.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(cut.message).toContain(`(Message cut: it had ${LONG.toLocaleString('en-US')} characters;`);
    expect({ ...cut, message: undefined }).toEqual({ ...locatedChange(fields), message: undefined });
  });

  it("gives a capped rule's rest and a deleted connector the keys, in order, of a located change", () => {
    const keys = (change: Change) => Object.keys(change).join(',');
    const cap = new ChangeCap((a, b) => a.line - b.line);
    for (let index = 0; index <= MAX_FINDINGS_PER_RULE; index++)
      cap.add(locatedChange({ ...fields, line: index }));
    const summary = cap.result().at(-1)!;
    expect(summary.message).toMatch(/^1 more change of this rule is not listed/);
    const deleted = connectorDeletedChange(
      {
        repositoryPath: 'certified-connectors/A',
        swaggerPath: 'certified-connectors/A/apiDefinition.swagger.json',
      },
      '0123456789abcdef',
    );
    expect(keys(summary)).toBe(keys(locatedChange(fields)));
    expect(keys(deleted)).toBe(keys(locatedChange(fields)));
    expect(deleted).toMatchObject({ breaking: true, impact: 'breaking', side: 'old', line: 1, column: 1 });
  });

  it('is the only way to make one: a change built as an object literal does not type-check', () => {
    // `npm run typecheck` fails here if Change.message took a plain string again: the directive
    // below would then be unused. At run time the object is what the literal says.
    // @ts-expect-error a message must pass through locatedChange, which bounds it
    const literal: Change = { ...fields, breaking: true, message: 'x'.repeat(LONG) };
    expect(literal.message).toHaveLength(LONG);
  });
});
