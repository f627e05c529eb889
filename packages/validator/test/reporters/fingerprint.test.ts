import { describe, expect, it } from '@jest/globals';
import { locatedFinding, type FindingFields } from '../../src/model/finding.js';
import { namePlaces } from '../../src/model/other-places.js';
import { fingerprints } from '../../src/reporters/fingerprint.js';

const leak = 'This looks like an AWS access key (AKIA****** (20 characters)). Revoke it.';
const inReadme = (fields: Partial<FindingFields>) =>
  locatedFinding({
    ruleId: 'GEN-SECRETS',
    severity: 'error',
    message: leak,
    file: 'certified-connectors/A/readme.md',
    line: 3,
    column: 1,
    connector: 'certified-connectors/A',
    ...fields,
  });
/** The message with the lines of its other places, as the engine writes it: each offset stands for its line. */
const withPlaces = (lines: number[]) =>
  namePlaces(leak, { offsets: lines, wording: 'repeated' }, (line) => ({ line, column: 1 }));
const printOf = (fields: Partial<FindingFields>) =>
  fingerprints([inReadme(fields)], (finding) => finding.file)[0];

describe('fingerprints of a file without pointers', () => {
  it('stay the same when the other places a message names move, or some are cleaned', () => {
    const first = printOf(withPlaces([7, 7, 20]));
    expect(printOf({ line: 5, ...withPlaces([9, 22]) })).toBe(first);
    expect(printOf({ message: leak })).toBe(first);
  });

  it('leave out the identity that tells secrets apart: it is never output', () => {
    expect(printOf({ identity: 'one key' })).toBe(printOf({ identity: 'another key' }));
  });

  it('still tell findings of other messages apart', () => {
    expect(printOf({ message: leak.replace('AWS', 'Slack') })).not.toBe(printOf({}));
  });
});
