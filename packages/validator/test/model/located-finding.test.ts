import { describe, expect, it } from '@jest/globals';
import type { Change } from '../../src/diff/change.js';
import { connectorDeletedFinding } from '../../src/git/deleted-connectors.js';
import { changeToFinding } from '../../src/git/validate-against-base.js';
import { locatedFinding, type Finding } from '../../src/model/finding.js';
import { MAX_MESSAGE_LENGTH } from '../../src/text/message-length.js';

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
  return {
    ruleId: 'BRK-X',
    breaking: true,
    severity: 'error',
    message: 'm'.repeat(length),
    file: fields.file,
    pointer: '/paths',
    line: 7,
    column: 3,
    side,
    impact: 'breaking',
  };
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
    const change = longChange(LONG);
    const finding = changeToFinding({ ...change, valuePath: 'operation/o' }, connector, {}, {});
    expectCut(finding.message, LONG + ' ValuePath: operation/o'.length);
    expect([finding.file, finding.line, finding.column]).toEqual([fields.file, 7, 3]);
  });

  it("bounds a deleted connector's finding, whose change message and base path may both be long", () => {
    // The path is quoted as a name excerpt (1,000 characters at most); the change's own message is
    // not cut before locatedFinding, which must bound the whole.
    const path = `0123456789ab:certified-connectors/${'d'.repeat(LONG)}/apiDefinition.swagger.json`;
    const change = { ...longChange(LONG, 'old'), file: path };
    const finding = connectorDeletedFinding(change, 'certified-connectors/A');
    expect(finding.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(finding.message).toMatch(/\(Message cut: it had [\d,]+ characters;/);
    expect(finding.message.startsWith(change.message.slice(0, 100))).toBe(true);
  });

  it('is the only way to make one: a finding built as an object literal does not type-check', () => {
    // `npm run typecheck` fails here if Finding.message took a plain string again: the directive
    // below would then be unused. At run time the object is what the literal says.
    // @ts-expect-error a message must pass through locatedFinding, which bounds it
    const literal: Finding = { ...fields, message: 'x'.repeat(LONG) };
    expect(literal.message).toHaveLength(LONG);
  });
});
