import { describe, expect, it } from '@jest/globals';
import { locatedChange, type Change } from '../../src/diff/change.js';
import { connectorDeletedFinding } from '../../src/git/deleted-connectors.js';
import { changeToFinding } from '../../src/git/change-finding.js';
import { locatedFinding, type Finding } from '../../src/model/finding.js';
import { MAX_MESSAGE_LENGTH } from '../../src/text/message-length.js';
import { nameExcerpt } from '../../src/text/message-values.js';

/*
 * Every finding is made by locatedFinding, which holds its message to MAX_MESSAGE_LENGTH: the
 * engine's rules, a diff's changes (validate --base), the configuration's loosening and a deleted
 * connector all make theirs through it. engine-locate.test.ts and diff/long-names.test.ts hold the
 * engine and validate --base to the bound end to end.
 */

const LONG = 20_000;

const fields = {
  ruleId: 'SWG-X',
  severity: 'warning' as const,
  file: 'certified-connectors/A/apiDefinition.swagger.json',
  pointer: '/info',
  line: 3,
  column: 5,
  connector: 'certified-connectors/A',
  baseline: 'new' as const,
};

function expectCut(message: string, whole: number): void {
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  expect(message).toContain(`(Message cut: it had ${whole.toLocaleString('en-US')} characters;`);
}

/** A change of the current version whose message a producer made as long as `length`. */
function longChange(length: number, side: Change['side'] = 'new'): Change {
  return locatedChange({
    ruleId: 'BRK-X',
    severity: 'error',
    message: 'm'.repeat(length),
    file: fields.file,
    pointer: '/paths',
    line: 7,
    column: 3,
    side,
    impact: 'breaking',
  });
}

describe('locatedFinding: the one constructor of a finding', () => {
  it('keeps a message within the bound, and every field, as given', () => {
    const message = 'm'.repeat(MAX_MESSAGE_LENGTH);
    expect(locatedFinding({ ...fields, message })).toEqual({ ...fields, message });
  });

  it('cuts a message past the bound, whichever producer made it, and keeps its place', () => {
    const finding = locatedFinding({ ...fields, message: 'x'.repeat(LONG) });
    expectCut(finding.message, LONG);
    expect({ ...finding, message: undefined }).toEqual({ ...fields, message: undefined });
  });

  it("bounds validate --base's finding of a change, which no longer bounds it itself", () => {
    const connector = {
      path: 'certified-connectors/A',
      name: 'A',
      profile: 'certified' as const,
      findings: [],
    };
    // A change's message is bounded too (locatedChange); the finding's adds its ValuePath past that.
    const change = longChange(MAX_MESSAGE_LENGTH);
    const finding = changeToFinding({ ...change, valuePath: 'operation/o' }, connector, {}, {});
    expectCut(finding.message, MAX_MESSAGE_LENGTH + ' ValuePath: operation/o'.length);
    expect([finding.file, finding.line, finding.column]).toEqual([fields.file, 7, 3]);
  });

  it("bounds a deleted connector's finding, which quotes the base version's path of its swagger", () => {
    const path = `0123456789ab:certified-connectors/${'d'.repeat(LONG)}/apiDefinition.swagger.json`;
    // The path is quoted as a name excerpt (deleted-connectors.ts), which holds a short message within the bound.
    const change = { ...longChange(10, 'old'), file: path };
    const finding = connectorDeletedFinding(change, 'certified-connectors/A');
    expect(finding.message.length).toBeLessThan(MAX_MESSAGE_LENGTH);
    expect(finding.message).toBe(`${change.message} (In the base version: ${nameExcerpt(path)}.)`);
    expect(finding.message.startsWith(`${change.message} (In the base version: 0123456789ab:`)).toBe(true);
    // A change's message at the bound and the excerpt past it: locatedFinding cuts the whole.
    const atBound = { ...longChange(MAX_MESSAGE_LENGTH, 'old'), file: path };
    const cut = connectorDeletedFinding(atBound, 'certified-connectors/A');
    expectCut(cut.message, `${atBound.message} (In the base version: ${nameExcerpt(path)}.)`.length);
  });

  it('is the only way to make one: a finding built as an object literal does not type-check', () => {
    // `npm run typecheck` fails here if Finding.message took a plain string again: the directive
    // below would then be unused. At run time the object is what the literal says.
    // @ts-expect-error a message must pass through locatedFinding, which bounds it
    const literal: Finding = { ...fields, message: 'x'.repeat(LONG) };
    expect(literal.message).toHaveLength(LONG);
  });
});
