import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/model/finding.js';
import { runRules } from '../helpers/fixture.js';
import { validConnectorFiles, validReadme } from '../helpers/valid-connector.js';

// A merge conflict left in a readme or a script passed the check (session 41): GEN-JSON-PARSE says
// one only in the JSON files. A script with its markers does not compile, and certification fails
// it; a readme ships both sides to the documentation page.

const RULE = 'GEN-MERGE-CONFLICT';

/** A script whose ExecuteAsync compares Context.OperationId with `operationId` (line 5). */
function script(
  operationIdLine: string[] = ['        if (this.Context.OperationId == "ListTasks")'],
): string {
  return [
    'public class Script : ScriptBase',
    '{',
    '    public override async Task<HttpResponseMessage> ExecuteAsync()',
    '    {',
    ...operationIdLine,
    '            return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);',
    '        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);',
    '    }',
    '}',
    '',
  ].join('\n');
}

/** The valid readme with its "### Create a task" line (line 12) replaced by `lines`. */
function readme(lines: string[], eol = '\n'): string {
  return validReadme()
    .replace('### Create a task\n', lines.map((line) => `${line}\n`).join(''))
    .replaceAll('\n', eol);
}

const TWO_HEADINGS = [
  '<<<<<<< HEAD',
  '### Create a task',
  '=======',
  '### Add a task',
  '>>>>>>> feature/add',
];

async function findingsOf(files: Record<string, string>, rules = [RULE]): Promise<Finding[]> {
  return runRules({ ...validConnectorFiles(), ...files }, rules);
}

const places = (findings: Finding[]) =>
  findings.map(({ ruleId, file, line, endLine, message }) => ({
    ruleId,
    file: file.replace(/^.*[\\/]/, ''),
    line,
    endLine,
    message,
  }));

const conflict = (file: string, line: number, endLine: number) => ({
  ruleId: RULE,
  file,
  line,
  endLine,
  message: `An unresolved merge conflict starts here and ends with '>>>>>>>' at line ${endLine}: keep one side (or combine the two) and remove the marker lines (<<<<<<<, =======, >>>>>>>, and ||||||| if any). Until then the rest of the file is checked as the first side has it.`,
});

const leftover = (file: string, line: number, marker: string) => ({
  ruleId: RULE,
  file,
  line,
  endLine: line,
  message: `A merge-conflict marker left over (${marker}) outside any complete conflict: remove this line, and check that the lines around it are the ones you meant to keep.`,
});

describe('GEN-MERGE-CONFLICT', () => {
  it('is one error per conflict of the readme, on its <<<<<<< line, naming the line of its >>>>>>>', async () => {
    expect(places(await findingsOf({ 'readme.md': readme(TWO_HEADINGS) }))).toEqual([
      conflict('readme.md', 12, 16),
    ]);
  });

  it('is one error for a diff3 conflict of the script, with its ||||||| base', async () => {
    const diff3 = [
      '<<<<<<< ours',
      '        if (this.Context.OperationId == "ListTasks")',
      '||||||| base',
      '        if (this.Context.OperationId == "ListTask")',
      '=======',
      '        if (string.Equals(this.Context.OperationId, "ListTasks"))',
      '>>>>>>> theirs',
    ];
    expect(places(await findingsOf({ 'script.csx': script(diff3) }))).toEqual([
      conflict('script.csx', 5, 11),
    ]);
  });

  it('places the error on its lines in a CR LF file', async () => {
    expect(places(await findingsOf({ 'readme.md': readme(TWO_HEADINGS, '\r\n') }))).toEqual([
      conflict('readme.md', 12, 16),
    ]);
  });

  it('reports each marker line left outside a complete conflict, in the readme and the script', async () => {
    const unclosed = readme(['<<<<<<< HEAD', '### Create a task']);
    const stray = readme(['### Create a task', '>>>>>>> feature/add']);
    expect(places(await findingsOf({ 'readme.md': unclosed }))).toEqual([
      leftover('readme.md', 12, '<<<<<<<'),
    ]);
    expect(places(await findingsOf({ 'readme.md': stray }))).toEqual([leftover('readme.md', 13, '>>>>>>>')]);
    // A lone ======= is no C#: the compiler stops there as at any marker.
    const separator = script(['        if (this.Context.OperationId == "ListTasks")', '=======']);
    expect(places(await findingsOf({ 'script.csx': separator }))).toEqual([
      leftover('script.csx', 6, '======='),
    ]);
  });

  it("does not report a readme's ======= outside a complete conflict: under a line of text it underlines a heading", async () => {
    const setext = validReadme().replace('# Contoso Tasks\n', 'Contoso Tasks\n=======\n');
    expect(await findingsOf({ 'readme.md': setext })).toEqual([]);
    // Left after keeping a side by hand, and in a conflict that never closes: its <<<<<<< alone is said.
    const keptSide = readme(['### Create a task', '=======']);
    expect(await findingsOf({ 'readme.md': keptSide })).toEqual([]);
    const unclosed = readme(['<<<<<<< HEAD', '### Create a task', '=======', '### Add a task']);
    expect(places(await findingsOf({ 'readme.md': unclosed }))).toEqual([
      leftover('readme.md', 12, '<<<<<<<'),
    ]);
  });

  it('does not report markers that are not at the start of their line, or longer than git writes them', async () => {
    const notMarkers = [
      '  <<<<<<< HEAD',
      '### Create a task',
      'Text ======= more text',
      '    =======',
      '>>>>>>>> eight',
      '<<<<<<<<',
    ];
    expect(await findingsOf({ 'readme.md': readme(notMarkers) })).toEqual([]);
    const indented = script(['        <<<<<<< HEAD', '        if (this.Context.OperationId == "ListTasks")']);
    expect(await findingsOf({ 'script.csx': indented })).toEqual([]);
  });

  it('leaves the JSON files to GEN-JSON-PARSE', async () => {
    const swagger = JSON.stringify(validConnectorFiles()['apiDefinition.swagger.json'], null, 2).replace(
      /\n( +"title": .*\n)/,
      '\n<<<<<<< HEAD\n$1=======\n$1>>>>>>> b\n',
    );
    const findings = await findingsOf({ 'apiDefinition.swagger.json': swagger }, [RULE, 'GEN-JSON-PARSE']);
    expect(findings.map(({ ruleId }) => ruleId)).toEqual(['GEN-JSON-PARSE']);
  });
});

describe('the readme and script rules on a file with a conflict', () => {
  it("read the readme as the conflict's first side has it: the other side's heading is not listed", async () => {
    const files = { 'readme.md': readme(TWO_HEADINGS) };
    // Read with both sides, "Add a task" was an operation no swagger operation has.
    expect(places(await findingsOf(files, [RULE, 'README-OPS-MATCH']))).toEqual([
      conflict('readme.md', 12, 16),
    ]);
  });

  it("read the script as the conflict's first side has it: the other side's operationId is not compared", async () => {
    const conflicting = [
      '<<<<<<< HEAD',
      '        if (this.Context.OperationId == "ListTasks")',
      '=======',
      '        if (this.Context.OperationId == "ListAllTasks")',
      '>>>>>>> feature/all',
    ];
    const findings = await findingsOf({ 'script.csx': script(conflicting) }, [
      RULE,
      'CSX-OPIDS',
      'CSX-CLASS',
    ]);
    expect(places(findings)).toEqual([conflict('script.csx', 5, 9)]);
  });
});
