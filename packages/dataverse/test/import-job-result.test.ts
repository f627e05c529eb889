import { describe, expect, it } from '@jest/globals';
import { solutionImportResult } from '../src/web-api/import-job-result.js';

/** The import log of Microsoft's "Work with solutions" sample, shortened; logs often declare utf-16. */
const log = (result: string): string =>
  `<?xml version="1.0" encoding="utf-16"?>
<importexportxml start="634224017519682730" stop="634224017609764033" progress="80" processed="true">
 <solutionManifests>
  <solutionManifest languagecode="1033" id="samplesolutionforImport" LocalizedName="Sample Solution for Import" processed="true">
   <UniqueName>samplesolutionforImport</UniqueName>
   <Version>1.0</Version>
   <Managed>1</Managed>
   <results />
   ${result}
  </solutionManifest>
 </solutionManifests>
 <optionSets>
  <optionSet id="sample_tempsampleglobaloptionsetname" LocalizedName="Example Option Set" Description="" processed="true">
   <result result="failure" errorcode="0x80044182" errortext="A component failed." datetime="20:49:16.10" datetimeticks="634224269561025400" />
  </optionSet>
 </optionSets>
</importexportxml>`;

describe('solutionImportResult', () => {
  it('reads the solution-level result, not a component one', () => {
    expect(
      solutionImportResult(
        log(
          '<result result="success" errorcode="0" errortext="" datetime="20:49:12.08" datetimeticks="634224269520845122" />',
        ),
      ),
    ).toEqual({ result: 'success' });
  });

  it("gives the failure with Dataverse's text and code", () => {
    expect(
      solutionImportResult(
        log(
          '<result result="failure" errorcode="0x80048033" errortext="Required components are missing." />',
        ),
      ),
    ).toEqual({ result: 'failure', text: 'Required components are missing.', code: '0x80048033' });
  });

  it.each([
    [
      'without a text or a code of its own',
      'errorcode="0" errortext=""',
      { text: 'the import log gives no reason' },
    ],
    ['without a code attribute', 'errortext=" Spaced. "', { text: 'Spaced.' }],
    ['with code 0 and a text', 'errorcode="0" errortext="Refused."', { text: 'Refused.' }],
    [
      'with a code and no text',
      'errorcode=" 0x80048033 "',
      { text: 'the import log gives no reason', code: '0x80048033' },
    ],
  ])('gives a failure %s as the log has it, trimmed', (_, attributes, failure) => {
    expect(solutionImportResult(log(`<result result="failure" ${attributes} />`))).toEqual({
      result: 'failure',
      ...failure,
    });
  });

  it('passes on a warning', () => {
    expect(
      solutionImportResult(log('<result result="warning" errorcode="0" errortext="Deprecated." />')),
    ).toEqual({ result: 'warning', text: 'Deprecated.' });
  });

  it.each([
    ['when there is no log yet', null, 'the import job has no import log yet'],
    ['when the log is empty', '', 'the import job has no import log yet'],
    ['when the log is only white space', ' \r\n ', 'the import job has no import log yet'],
    [
      'when the result is none of the three',
      log('<result result="partial" />'),
      'its import log says result="partial"',
    ],
    ['when the result says nothing', log('<result errorcode="0" />'), 'its import log says result=""'],
    ['when the solution has no result yet', log(''), 'its import log has no result for the solution'],
  ])('has no verdict %s', (_when, data, why) => {
    expect(solutionImportResult(data)).toEqual({ result: 'unknown', why });
  });

  it('has no verdict when the log is not XML, and says where in words (the log is in no file)', () => {
    expect(solutionImportResult('<html>Sign in</html')).toEqual({
      result: 'unknown',
      why: expect.stringMatching(/^its import log is not XML \(line 1, column \d+: invalid XML: [^)]*\)$/),
    });
  });
});
