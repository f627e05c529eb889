import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { locatedFinding, type Finding, type FindingFields } from '../../src/model/finding.js';
import { toAnnotations } from '../../src/reporters/index.js';
import { lineOf, sampleResult } from './sample-result.js';

function finding(ruleId: string, line: number, extra: Partial<FindingFields> = {}): Finding {
  return locatedFinding({
    ruleId,
    severity: 'error',
    message: `${ruleId} at ${line}`,
    file: 'Contoso/apiDefinition.swagger.json',
    line,
    column: 3,
    connector: 'Contoso',
    ...extra,
  });
}

describe('toAnnotations', () => {
  it('turns real findings into annotations on their lines', async () => {
    const { root, result } = await sampleResult();
    const { annotations, omitted } = toAnnotations(result.findings, {
      cwd: root,
      baseDir: path.dirname(root),
    });
    const file = 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json';
    const line = lineOf(root, file, '"title": "Contoso Tasks API"');
    expect(annotations).toContainEqual({
      level: 'error',
      message: "The value 'Contoso Tasks API' contains at least one of the restricted words: 'api'.",
      title: 'TEST-TITLE-WORDS (TitleHasRestrictedWords)',
      file: `${path.basename(root)}/${file}`,
      startLine: line,
      endLine: line,
      startColumn: 5,
      endColumn: 12,
    });
    expect(annotations.find((annotation) => annotation.title === 'TEST-README-TODO')!.level).toBe('notice');
    expect(omitted).toEqual({ error: 0, warning: 0, notice: 0 });
  });

  it("keeps GitHub's 10 per level and counts the rest", () => {
    const findings = [
      ...Array.from({ length: 25 }, (_, i) => finding('A', i + 1)),
      ...Array.from({ length: 12 }, (_, i) => finding('W', i + 100, { severity: 'warning' })),
      finding('I', 200, { severity: 'info' }),
    ];
    const { annotations, omitted } = toAnnotations(findings);
    expect(annotations.filter((annotation) => annotation.level === 'error')).toHaveLength(10);
    expect(annotations.filter((annotation) => annotation.level === 'warning')).toHaveLength(10);
    expect(omitted).toEqual({ error: 15, warning: 2, notice: 0 });
  });

  it('shows one finding of each rule before a second of any', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('A', i + 1)),
      finding('B', 50),
      finding('C', 60),
    ];
    const { annotations } = toAnnotations(findings, { maxPerSeverity: 4 });
    expect(annotations.map((annotation) => annotation.startLine)).toEqual([1, 2, 50, 60]);
  });

  it('takes the connectors in turn, so that the first ones do not take every annotation', () => {
    // Alpha has twelve different errors, Beta three and Gamma one (Beta's first rule is Alpha's too).
    const of = (connector: string, ruleId: string, line: number) =>
      finding(ruleId, line, { connector, file: `${connector}/apiDefinition.swagger.json` });
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => of('Alpha', `A${i}`, i + 1)),
      of('Beta', 'A0', 101),
      of('Beta', 'B1', 102),
      of('Beta', 'B2', 103),
      of('Gamma', 'G', 201),
    ];
    const { annotations, omitted } = toAnnotations(findings, { maxPerSeverity: 7 });
    // Round one: each connector's first; round two: Alpha's and Beta's second; then Alpha's third
    // and Beta's third, in report order.
    expect(annotations.map((annotation) => annotation.startLine)).toEqual([1, 2, 3, 101, 102, 103, 201]);
    expect(omitted.error).toBe(9);
    // One connector alone keeps one finding of each rule before a second, then report order.
    const alone = toAnnotations(
      findings.filter((f) => f.connector === 'Beta').concat(of('Beta', 'B1', 104)),
      { maxPerSeverity: 3 },
    );
    expect(alone.annotations.map((annotation) => annotation.startLine)).toEqual([101, 102, 103]);
  });

  it('within a round, shows a rule no connector showed before a rule shown again', () => {
    const of = (connector: string, ruleId: string, line: number) =>
      finding(ruleId, line, { connector, file: `${connector}/apiDefinition.swagger.json` });
    // Alpha's and Beta's first errors are of rule A, Gamma's of rule C: all three are round one.
    const findings = [of('Alpha', 'A', 1), of('Alpha', 'X', 2), of('Beta', 'A', 11), of('Gamma', 'C', 21)];
    const { annotations } = toAnnotations(findings, { maxPerSeverity: 2 });
    expect(annotations.map((annotation) => annotation.startLine)).toEqual([1, 21]);
  });

  it('prefers new findings to existing ones', () => {
    const findings = [
      finding('A', 1, { baseline: 'existing' }),
      finding('A', 2, { baseline: 'existing' }),
      finding('B', 3, { baseline: 'new' }),
    ];
    const { annotations, omitted } = toAnnotations(findings, { maxPerSeverity: { error: 1 } });
    expect(annotations.map((annotation) => annotation.startLine)).toEqual([3]);
    expect(omitted.error).toBe(2);
  });

  it('says which findings the base version already had, as the text report and the job summary do', () => {
    // On the pull request page an annotation of an untouched line must not read as the change's fault.
    const { annotations } = toAnnotations([
      finding('A', 1, { baseline: 'existing' }),
      finding('B', 2, { baseline: 'new' }),
      finding('C', 3),
    ]);
    expect(annotations.map((annotation) => annotation.message)).toEqual([
      'A at 1 (existing)',
      'B at 2',
      'C at 3',
    ]);
  });

  it('leaves out columns when the range spans lines, as GitHub ignores them there', () => {
    const [annotation] = toAnnotations([finding('A', 4, { endLine: 9, endColumn: 2 })]).annotations;
    expect(annotation).toEqual({
      level: 'error',
      message: 'A at 4',
      title: 'A',
      file: 'Contoso/apiDefinition.swagger.json',
      startLine: 4,
      endLine: 9,
    });
  });

  // GitHub shows an annotation only on a file: one with file=<folder> showed on no file of the pull request.
  it('puts a finding on a folder or outside the repository on no file, its text naming the path', () => {
    const onFolder = finding('REPO-ONE-PER-PR', 1, { file: 'Contoso', column: 1, message: 'One per PR.' });
    const nested = finding('REPO-EXTRA-FILES', 1, { file: 'Contoso/src', column: 1, message: 'Nested.' });
    const outside = finding('A', 2, { file: '../elsewhere/apiDefinition.swagger.json', message: 'Out.' });
    const onFile = finding('B', 3);
    const { annotations } = toAnnotations([onFolder, nested, outside, onFile], {
      cwd: '/repo',
      isFile: (file) => file !== 'Contoso/src',
    });
    expect(annotations).toEqual([
      { level: 'error', message: 'Contoso: One per PR.', title: 'REPO-ONE-PER-PR' },
      { level: 'error', message: 'Contoso/src: Nested.', title: 'REPO-EXTRA-FILES' },
      // By its absolute path: relative to the repository it read as ../../_temp/… in an action.
      {
        level: 'error',
        message: `${path.resolve('/repo', '../elsewhere/apiDefinition.swagger.json')}: Out.`,
        title: 'A',
      },
      expect.objectContaining({ file: 'Contoso/apiDefinition.swagger.json', startLine: 3 }),
    ]);
    // Without a way to ask, the connector folder itself is still known to be a folder.
    expect(toAnnotations([onFolder]).annotations[0]).not.toHaveProperty('file');
  });

  // actions/checkout checks out the merge commit; GitHub shows the annotations on the head's files.
  it("puts findings on the pull request head's lines, and one the head does not have on its file", () => {
    // The base inserted 5 lines above line 10 and changed line 20; the head has neither change.
    const headLine = (file: string, line: number) =>
      file !== 'Contoso/apiDefinition.swagger.json' || line < 10 ? line : line === 20 ? undefined : line - 5;
    const { annotations } = toAnnotations(
      [
        finding('A', 3),
        finding('B', 12, { column: 7, endColumn: 9 }),
        finding('C', 14, { endLine: 20, endColumn: 2 }),
        finding('D', 20, { baseline: 'existing' }),
        finding('E', 30, { file: 'Contoso/apiProperties.json' }),
      ],
      { headLine },
    );
    expect(annotations).toEqual([
      expect.objectContaining({ title: 'A', startLine: 3, endLine: 3, startColumn: 3 }),
      expect.objectContaining({ title: 'B', startLine: 7, endLine: 7, startColumn: 7, endColumn: 9 }),
      // Its end is a line the head does not have: its first line alone, without the end's column.
      {
        level: 'error',
        message: 'C at 14',
        title: 'C',
        file: 'Contoso/apiDefinition.swagger.json',
        startLine: 9,
        endLine: 9,
      },
      {
        level: 'error',
        message:
          "D at 20 (existing) (line 20 of the checked merge with the base branch: a line the base branch changed, which the pull request's head does not have)",
        title: 'D',
        file: 'Contoso/apiDefinition.swagger.json',
      },
      expect.objectContaining({ title: 'E', file: 'Contoso/apiProperties.json', startLine: 30 }),
    ]);
  });

  // A pull request of twelve connectors: REPO-ONE-PER-PR on each took nine of the ten warning
  // annotations, and the warnings on the lines it changed got none.
  it("annotates a pull request's own problem once, not once per connector it is reported on", () => {
    const names = Array.from({ length: 12 }, (_, i) => `certified-connectors/C${i}`);
    const onePerPr = (connector: string) =>
      finding('REPO-ONE-PER-PR', 1, {
        severity: 'warning',
        file: connector,
        column: 1,
        connector,
        message: `You can only submit one connector per pull request: this change also touches ${names
          .filter((name) => name !== connector)
          .slice(0, 3)
          .map((name) => `"${name}"`)
          .join(', ')} and 8 more.`,
      });
    const summaryEnd = (connector: string, line: number) =>
      finding('SWG-OP-SUMMARY-END', line, {
        severity: 'warning',
        file: `${connector}/apiDefinition.swagger.json`,
        connector,
        baseline: 'new',
      });
    const findings = names.flatMap((name, i) => [onePerPr(name), summaryEnd(name, 10 + i)]);
    const { annotations, omitted } = toAnnotations(findings, { cwd: '/repo' });
    expect(annotations.filter((annotation) => annotation.title === 'REPO-ONE-PER-PR')).toEqual([
      {
        level: 'warning',
        title: 'REPO-ONE-PER-PR',
        message:
          'certified-connectors/C0: You can only submit one connector per pull request: this change also touches "certified-connectors/C1", "certified-connectors/C2", "certified-connectors/C3" and 8 more. (also on 11 more connectors)',
      },
    ]);
    expect(annotations.filter((annotation) => annotation.title === 'SWG-OP-SUMMARY-END')).toHaveLength(9);
    expect(omitted.warning).toBe(24 - 10);
  });

  it('puts parse errors first, then new findings on lines before those on folders and existing ones', () => {
    const connector = 'Contoso';
    const findings = [
      finding('OLD', 1, { baseline: 'existing' }),
      finding('FOLDER', 1, { file: connector, baseline: 'new' }),
      finding('OLD-2', 2, { baseline: 'existing' }),
      finding('NEW', 5, { baseline: 'new' }),
      finding('NEW-2', 6, { baseline: 'new' }),
      finding('GEN-JSON-PARSE', 3, { file: 'Contoso/apiProperties.json', baseline: 'new' }),
    ];
    const titles = (max: number) =>
      toAnnotations(findings, { maxPerSeverity: max }).annotations.map((annotation) => annotation.title);
    expect(titles(1)).toEqual(['GEN-JSON-PARSE']);
    expect(titles(3)).toEqual(['NEW', 'NEW-2', 'GEN-JSON-PARSE']);
    expect(titles(4)).toEqual(['FOLDER', 'NEW', 'NEW-2', 'GEN-JSON-PARSE']);
    expect(titles(5)).toEqual(['OLD', 'FOLDER', 'NEW', 'NEW-2', 'GEN-JSON-PARSE']);
  });
});
