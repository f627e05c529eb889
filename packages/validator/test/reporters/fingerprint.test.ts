import { describe, expect, it } from '@jest/globals';
import { locatedFinding, type Finding, type FindingFields } from '../../src/model/finding.js';
import { namePlaces } from '../../src/model/other-places.js';
import { unlistedMessage } from '../../src/model/unlisted-message.js';
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
const printOf = (fields: Partial<FindingFields>) => fingerprints([inReadme(fields)], (file) => file)[0];

describe('fingerprints of a file without pointers', () => {
  it('stay the same when the other places a message names move, or some are cleaned', () => {
    const first = printOf(withPlaces([7, 7, 20]));
    expect(printOf({ line: 5, ...withPlaces([9, 22]) })).toBe(first);
    expect(printOf({ message: leak })).toBe(first);
  });

  it('leave out the identity that tells secrets apart: it is never output', () => {
    expect(printOf({ identity: 'one key' })).toBe(printOf({ identity: 'another key' }));
  });

  it('stay the same while the parts of a problem that a message names are fixed', () => {
    const missing = (names: string[]) => ({
      ruleId: 'README-OPS-MATCH',
      message: `${names.length} operations are not listed under Supported Operations: ${names.join(', ')}.`,
      parts: { problem: 'Operations are not listed under Supported Operations.', names },
    });
    expect(printOf(missing(['B']))).toBe(printOf(missing(['A', 'B'])));
    expect(printOf(missing(['B']))).not.toBe(printOf({ ...missing(['B']), parts: undefined }));
  });

  it('still tell findings of other messages apart', () => {
    expect(printOf({ message: leak.replace('AWS', 'Slack') })).not.toBe(printOf({}));
  });
});

// The finding that counts a rule's unlisted findings says the count, and stands where the first
// unlisted one is: hashed on its message, each finding fixed or added gave it a new fingerprint, and
// code scanning opened a new alert for it and closed the old one.
describe('fingerprints of the finding that counts the unlisted ones', () => {
  const connector = 'certified-connectors/A';
  const countOf = (count: number, per: 'connector' | 'file', fields: Partial<FindingFields> = {}) =>
    locatedFinding({
      ruleId: per === 'file' ? 'GEN-JSON-PARSE' : 'README-TODO',
      severity: 'warning',
      message: unlistedMessage(count, 'finding', per === 'file' ? '20 JSON syntax errors' : undefined),
      file: per === 'file' ? `${connector}/apiProperties.json` : `${connector}/readme.md`,
      line: 1001,
      column: 1,
      connector,
      unlisted: { count, per },
      ...fields,
    });
  const printOf = (finding: Finding) => fingerprints([finding], (file) => file)[0];

  it('stay the same when the count changes, on a file without pointers', () => {
    expect(printOf(countOf(1500, 'connector', { line: 990 }))).toBe(printOf(countOf(1499, 'connector')));
    expect(printOf(countOf(5, 'file'))).toBe(printOf(countOf(4, 'file', { line: 40 })));
  });

  it("stay the same when the first unlisted finding is another one: another file's, another pointer", () => {
    const inReadme = countOf(1500, 'connector');
    const inScript = countOf(1499, 'connector', { file: `${connector}/script.csx` });
    expect(printOf(inScript)).toBe(printOf(inReadme));
    const onPointer = (pointer: string) =>
      countOf(1500, 'connector', { file: `${connector}/apiDefinition.swagger.json`, pointer });
    expect(printOf(onPointer('/paths/~1a/get'))).toBe(printOf(onPointer('/paths/~1b/get')));
  });

  it("tell apart the counts of another connector's listing, or another file's", () => {
    const other = 'certified-connectors/B';
    expect(printOf(countOf(1500, 'connector', { connector: other, file: `${other}/readme.md` }))).not.toBe(
      printOf(countOf(1500, 'connector')),
    );
    expect(printOf(countOf(5, 'file', { file: `${connector}/apiDefinition.swagger.json` }))).not.toBe(
      printOf(countOf(5, 'file')),
    );
  });
});
