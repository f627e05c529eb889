import { describe, expect, it } from '@jest/globals';
import { runRules } from '../helpers/fixture.js';
import { validApiProperties, validConnectorFiles } from '../helpers/valid-connector.js';

const GOOD_SCRIPT = `using System.Net.Http;
// new HttpClient() in a comment is not code
public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        if (this.Context.OperationId == "ListTasks") { await Task.Delay(100); }
        switch (this.Context.OperationId)
        {
            case "GetTask": break;
        }
        if ("CreateTask".Equals(this.Context.OperationId, StringComparison.OrdinalIgnoreCase)) { }
        var note = "using Foo.Bar; new HttpClient()";
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);
    }
}
`;

const withScript = (script: string) => ({ ...validConnectorFiles(), 'script.csx': script });
const ALL = [
  'CSX-CLASS',
  'CSX-EXECUTE',
  'CSX-SIZE',
  'CSX-NAMESPACES',
  'CSX-HTTPCLIENT',
  'CSX-TIMEOUT',
  'CSX-OPIDS',
  'CSX-NO-GATEWAY',
  'CSX-ONE',
];

describe('a good script', () => {
  it('passes every script rule (comments and strings are not code)', async () => {
    expect(await runRules(withScript(GOOD_SCRIPT), ALL)).toEqual([]);
  });
});

describe('CSX-CLASS', () => {
  it('fails without the Script class', async () => {
    const findings = await runRules(
      withScript(GOOD_SCRIPT.replace('class Script : ScriptBase', 'class Helper')),
      ['CSX-CLASS'],
    );
    expect(findings).toMatchObject([{ severity: 'error', line: 1 }]);
  });
  it('only warns on a lower-case class name, at it', async () => {
    const findings = await runRules(
      withScript(GOOD_SCRIPT.replace('class Script : ScriptBase', 'class script: ScriptBase')),
      ['CSX-CLASS'],
    );
    expect(findings).toMatchObject([{ severity: 'warning', line: 3, column: 8 }]);
  });
  it('fails at a ScriptBase class of another name, and says to rename it', async () => {
    const findings = await runRules(
      withScript(GOOD_SCRIPT.replace('class Script : ScriptBase', 'class MyScript : ScriptBase')),
      ['CSX-CLASS'],
    );
    expect(findings).toMatchObject([
      {
        severity: 'error',
        line: 3,
        column: 8,
        message: 'The class "MyScript" derives from ScriptBase; name it Script, the class the platform runs.',
      },
    ]);
  });
  it('warns at a Script class that is not public', async () => {
    for (const declaration of ['class Script : ScriptBase', 'internal class Script : ScriptBase']) {
      const findings = await runRules(
        withScript(GOOD_SCRIPT.replace('public class Script : ScriptBase', declaration)),
        ['CSX-CLASS'],
      );
      expect(findings).toMatchObject([
        {
          severity: 'warning',
          line: 3,
          message: 'Declare the Script class public: "public class Script : ScriptBase".',
        },
      ]);
    }
  });
  it('fails at a Script class that derives from nothing or from another class, saying what is missing', async () => {
    const cases: [string, string][] = [
      [
        'public class Script',
        'The class "Script" derives from nothing: add ": ScriptBase", as in "public class Script : ScriptBase", the class the platform runs.',
      ],
      [
        'public class Script : Helper',
        'The class "Script" derives from Helper, not ScriptBase: write "public class Script : ScriptBase", the class the platform runs.',
      ],
    ];
    for (const [declaration, message] of cases) {
      const findings = await runRules(
        withScript(GOOD_SCRIPT.replace('public class Script : ScriptBase', declaration)),
        ['CSX-CLASS'],
      );
      expect(findings).toMatchObject([{ severity: 'error', line: 3, column: 8, message }]);
    }
  });
  it('quotes the whole declaration, public too, for a lower-case class that is not public', async () => {
    const findings = await runRules(
      withScript(GOOD_SCRIPT.replace('public class Script : ScriptBase', 'class script: ScriptBase')),
      ['CSX-CLASS'],
    );
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        line: 3,
        column: 1,
        message:
          'Write "public class Script : ScriptBase" with this case (found "class script: ScriptBase").',
      },
    ]);
  });
  it('accepts other modifiers beside public', async () => {
    const script = GOOD_SCRIPT.replace(
      'public class Script : ScriptBase',
      'public sealed partial class Script : ScriptBase',
    );
    expect(await runRules(withScript(script), ['CSX-CLASS'])).toEqual([]);
  });
});

describe('CSX-EXECUTE', () => {
  it('fails without ExecuteAsync', async () => {
    const findings = await runRules(withScript(GOOD_SCRIPT.replace('ExecuteAsync()', 'RunAsync()')), [
      'CSX-EXECUTE',
    ]);
    expect(findings).toMatchObject([{ severity: 'error', line: 1 }]);
  });
  it('fails at an ExecuteAsync that is not declared override, saying to add it', async () => {
    const script = GOOD_SCRIPT.replace('public override async', 'public async');
    expect(await runRules(withScript(script), ['CSX-EXECUTE'])).toMatchObject([
      {
        severity: 'error',
        line: 5,
        column: 44,
        endColumn: 56,
        message:
          'ExecuteAsync is not declared override, so the platform does not call it: add `override`, as in "public override async Task<HttpResponseMessage> ExecuteAsync()".',
      },
    ]);
  });
  it('fails at an ExecuteAsync override that takes parameters', async () => {
    const script = GOOD_SCRIPT.replace('ExecuteAsync()', 'ExecuteAsync(int attempt)');
    expect(await runRules(withScript(script), ['CSX-EXECUTE'])).toMatchObject([
      { line: 5, column: 53, message: expect.stringMatching(/^ExecuteAsync must take no parameters/) },
    ]);
  });
});

describe('CSX-SIZE', () => {
  it('fails over 1 MB', async () => {
    const findings = await runRules(withScript(GOOD_SCRIPT + `// ${'x'.repeat(1024 * 1024)}\n`), [
      'CSX-SIZE',
    ]);
    // As the title says, and as the check counts: exactly 1 MB passes.
    expect(findings).toMatchObject([
      {
        severity: 'error',
        message: expect.stringMatching(
          /^script\.csx is over the 1 MB \(1048576 bytes\) custom code may have\. It is 1049185 bytes\.$/,
        ),
      },
    ]);
  });
  it('measures the script as the repository has it, whatever the line endings of the checkout', async () => {
    // Under 1 MB with LF, over it with the CRLF of a Windows checkout.
    const lf = GOOD_SCRIPT + '// a comment of a few words\n'.repeat(36_500);
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(Buffer.byteLength(lf)).toBeLessThan(1024 * 1024);
    expect(Buffer.byteLength(crlf)).toBeGreaterThan(1024 * 1024);
    expect(await runRules(withScript(crlf), ['CSX-SIZE'])).toEqual([]);
  });
  it('accepts a script of exactly 1 MB', async () => {
    const padding = 1024 * 1024 - Buffer.byteLength(GOOD_SCRIPT) - '// \n'.length;
    const script = GOOD_SCRIPT + `// ${'x'.repeat(padding)}\n`;
    expect(Buffer.byteLength(script)).toBe(1024 * 1024);
    expect(await runRules(withScript(script), ['CSX-SIZE'])).toEqual([]);
  });
});

describe('CSX-NAMESPACES', () => {
  it('warns on an unsupported namespace, at its name', async () => {
    const findings = await runRules(withScript(`using System.Data.SqlClient;\n${GOOD_SCRIPT}`), [
      'CSX-NAMESPACES',
    ]);
    expect(findings).toMatchObject([{ severity: 'warning', line: 1, column: 7 }]);
  });
  it('accepts a static or alias directive naming a type of an allowed namespace', async () => {
    const usings = [
      'using static System.Text.Encoding;',
      'using JObj = Newtonsoft.Json.Linq.JObject;',
      'using Json = Newtonsoft.Json;',
      'using static System.Data.SqlClient.SqlHelper;',
      'using Sql = System.Data.SqlClient.SqlConnection;',
      'using System.Text.Encoding;',
      '',
    ].join('\n');
    const findings = await runRules(withScript(usings + GOOD_SCRIPT), ['CSX-NAMESPACES']);
    expect(findings.map(({ line, column }) => [line, column])).toEqual([
      [4, 14],
      [5, 13],
      [6, 7],
    ]);
  });
  it('reports an alias or static directive naming a namespace it knows to be unsupported', async () => {
    // An alias may name a namespace: its allowed parent (System) does not make it a type.
    const usings = [
      'using Refl = System.Reflection;',
      'using static System.Reflection.Assembly;',
      'using Json = Newtonsoft.Json.Bson;',
      'using static System.Globalization;',
      'using Linq = System.Xml.Linq;',
      '',
    ].join('\n');
    const findings = await runRules(withScript(usings + GOOD_SCRIPT), ['CSX-NAMESPACES']);
    expect(findings.map(({ line, column, message }) => [line, column, message])).toEqual([
      [1, 14, expect.stringContaining('System.Reflection ')],
      [2, 14, expect.stringContaining('System.Reflection.Assembly ')],
      [3, 14, expect.stringContaining('Newtonsoft.Json.Bson ')],
      [4, 14, expect.stringContaining('System.Globalization ')],
    ]);
  });
  it('checks the first line of a script saved with a byte-order mark, at the same columns', async () => {
    // As Visual Studio saves (24 of the corpus's 39 scripts); the first line went unchecked.
    const usings = 'using System.Data;\n  using System.Data.SqlClient;\n';
    for (const script of [usings + GOOD_SCRIPT, '\uFEFF' + usings + GOOD_SCRIPT]) {
      const findings = await runRules(withScript(script), ['CSX-NAMESPACES']);
      expect(findings).toMatchObject([
        { line: 1, column: 7, endColumn: 18, message: expect.stringContaining('System.Data ') },
        { line: 2, column: 9 },
      ]);
    }
  });
});

describe('CSX-HTTPCLIENT', () => {
  it('warns on new HttpClient', async () => {
    const script = GOOD_SCRIPT.replace('var note', 'var client = new HttpClient(); var note');
    expect(await runRules(withScript(script), ['CSX-HTTPCLIENT'])).toMatchObject([
      { severity: 'warning', line: 13 },
    ]);
  });
  it('warns on an HttpClient made with an object initializer or a target-typed new()', async () => {
    const script = GOOD_SCRIPT.replace(
      'var note',
      [
        'using var timed = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };',
        '        var bare = new HttpClient',
        '        { };',
        '        HttpClient typed = new();',
        '        List<HttpClient> others = new();',
        '        var note',
      ].join('\n'),
    );
    const findings = await runRules(withScript(script), ['CSX-HTTPCLIENT']);
    expect(findings.map(({ line, column }) => [line, column])).toEqual([
      [13, 27],
      [14, 20],
      [16, 28],
    ]);
  });
});

describe('CSX-TIMEOUT', () => {
  it('warns on a wait over 5 seconds', async () => {
    const script = GOOD_SCRIPT.replace('Task.Delay(100)', 'Task.Delay(TimeSpan.FromSeconds(10))');
    const findings = await runRules(withScript(script), ['CSX-TIMEOUT']);
    expect(findings).toMatchObject([{ severity: 'warning', line: 7 }]);
    expect(findings[0]!.message).toMatch(/10 s/);
  });
  // A wait is often given the script's CancellationToken as well.
  it('warns on a long wait given a cancellation token', async () => {
    const script = GOOD_SCRIPT.replace('Task.Delay(100)', 'Task.Delay(10000, this.CancellationToken)');
    expect(await runRules(withScript(script), ['CSX-TIMEOUT'])).toMatchObject([{ line: 7 }]);
  });
  it('accepts a wait of exactly 5 seconds', async () => {
    const script = GOOD_SCRIPT.replace('Task.Delay(100)', 'Task.Delay(5000)');
    expect(await runRules(withScript(script), ['CSX-TIMEOUT'])).toEqual([]);
  });
  it('reads a number written with digit separators', async () => {
    const script = GOOD_SCRIPT.replace('Task.Delay(100)', 'Thread.Sleep(10_000)');
    const findings = await runRules(withScript(script), ['CSX-TIMEOUT']);
    expect(findings).toMatchObject([
      { message: 'Thread.Sleep waits 10 s, but custom code must finish within 5 seconds.' },
    ]);
  });
});

describe('CSX-OPIDS', () => {
  it('warns on an operation id that does not exist', async () => {
    const findings = await runRules(withScript(GOOD_SCRIPT.replace('case "GetTask"', 'case "GetTasks"')), [
      'CSX-OPIDS',
    ]);
    expect(findings).toMatchObject([{ severity: 'warning', line: 10 }]);
    expect(findings[0]!.message).toMatch(/"GetTasks"/);
  });

  it('checks switch cases however far from OperationId, and comparisons on either side', async () => {
    const far = `            // ${'padding '.repeat(15)}\n`.repeat(2);
    const script = GOOD_SCRIPT.replace(
      '            case "GetTask": break;\n',
      `${far}            case "FarCase": break;\n${far}`,
    ).replace(
      'var note = "using Foo.Bar; new HttpClient()";',
      'if ("Left" == this.Context.OperationId) { }\n        var other = "Unrelated";',
    );
    const findings = await runRules(withScript(script), ['CSX-OPIDS']);
    expect(findings.map((f) => f.message.match(/^"(\w+)"/)?.[1])).toEqual(['FarCase', 'Left']);
  });

  it('reads ids compared through a variable that holds the operation id, and in a switch expression', async () => {
    // Consumer Complaints, Veterans Affairs Facilities and DocuSignDemo compare a variable: unseen.
    const script = GOOD_SCRIPT.replace(
      'var note = "using Foo.Bar; new HttpClient()";',
      [
        'var op = this.Context.OperationId;',
        '        if (op == "ListTask") { }',
        '        string current = Context.OperationId;',
        '        if (current.Equals("GetTasks", StringComparison.Ordinal)) { }',
        '        var n = this.Context.OperationId switch { "CreateTasks" => 1, "ListTasks" or "Nope" => 2, _ => 0 };',
        '        var unrelated = stop == "NotCompared";',
      ].join('\n'),
    );
    const findings = await runRules(withScript(script), ['CSX-OPIDS']);
    expect(findings.map((f) => f.message.match(/^"(\w+)"/)?.[1])).toEqual([
      'ListTask',
      'GetTasks',
      'CreateTasks',
      'Nope',
    ]);
  });

  it('names the operationId a literal differs from only in case, unless the comparison ignores case', async () => {
    const script = GOOD_SCRIPT.replace('== "ListTasks"', '== "listTasks"').replace(
      '"CreateTask".Equals',
      '"createtask".Equals',
    );
    const findings = await runRules(withScript(script), ['CSX-OPIDS']);
    expect(findings).toMatchObject([
      {
        line: 7,
        message:
          '"listTasks" is compared with Context.OperationId, but the operationId is "ListTasks" (the comparison is case-sensitive).',
      },
    ]);
  });
});

describe('CSX-OPIDS and scriptOperations', () => {
  const listing = (...names: string[]) => {
    const apiProperties = validApiProperties() as { properties: Record<string, unknown> };
    apiProperties.properties.scriptOperations = names;
    return { ...withScript(GOOD_SCRIPT), 'apiProperties.json': apiProperties };
  };

  it('warns at a compared operationId that scriptOperations leaves out: the script never runs for it', async () => {
    const findings = await runRules(listing('ListTasks', 'CreateTask'), ['CSX-OPIDS']);
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        line: 10,
        column: 18,
        message:
          '"GetTask" is compared with Context.OperationId, but scriptOperations in apiProperties.json does not list it, so the script never runs for that operation and this branch is dead: add it to scriptOperations, or remove the branch.',
      },
    ]);
  });

  it('names the operationId that a comparison ignoring case stands for', async () => {
    const script = GOOD_SCRIPT.replace('"CreateTask".Equals', '"createtask".Equals');
    const files = { ...listing('ListTasks', 'GetTask'), 'script.csx': script };
    const findings = await runRules(files, ['CSX-OPIDS']);
    expect(findings).toMatchObject([
      { line: 12, message: expect.stringContaining('does not list "CreateTask"') },
    ]);
  });

  it('is silent when scriptOperations lists every compared operation, is empty or is not there', async () => {
    // An empty list is no "none": certified ForceManager CRM has one and a script for 20 operations.
    expect(await runRules(listing(), ['CSX-OPIDS'])).toEqual([]);
    expect(
      await runRules(listing('ListTasks', 'GetTask', 'CreateTask', 'DeleteHook'), ['CSX-OPIDS']),
    ).toEqual([]);
    expect(await runRules(withScript(GOOD_SCRIPT), ['CSX-OPIDS'])).toEqual([]);
  });

  it('reads script.operationIds, the newer form, as scriptOperations', async () => {
    const apiProperties = validApiProperties() as { properties: Record<string, unknown> };
    apiProperties.properties.script = { language: 'CSharpScript', operationIds: ['ListTasks', 'CreateTask'] };
    const files = { ...withScript(GOOD_SCRIPT), 'apiProperties.json': apiProperties };
    expect(await runRules(files, ['CSX-OPIDS'])).toMatchObject([
      {
        line: 10,
        message:
          '"GetTask" is compared with Context.OperationId, but script.operationIds in apiProperties.json does not list it, so the script never runs for that operation and this branch is dead: add it to script.operationIds, or remove the branch.',
      },
    ]);
  });

  it('reports an operationId the swagger lacks once, as not in the swagger', async () => {
    const script = GOOD_SCRIPT.replace('case "GetTask"', 'case "GetTasks"');
    const files = { ...listing('ListTasks', 'CreateTask', 'GetTask'), 'script.csx': script };
    const findings = await runRules(files, ['CSX-OPIDS']);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('no operation of the swagger has this operationId'),
    ]);
  });
});

describe('CSX-NO-GATEWAY', () => {
  it('fails with a gatewaySetting parameter', async () => {
    const apiProperties = validApiProperties();
    apiProperties.properties.connectionParameters.gateway = { type: 'gatewaySetting' };
    const files = { ...withScript(GOOD_SCRIPT), 'apiProperties.json': apiProperties };
    expect(await runRules(files, ['CSX-NO-GATEWAY'])).toMatchObject([{ severity: 'error' }]);
  });
  it('is quiet for a gateway connector without custom code', async () => {
    const apiProperties = validApiProperties();
    apiProperties.properties.connectionParameters.gateway = { type: 'gatewaySetting' };
    const files = { ...validConnectorFiles(), 'apiProperties.json': apiProperties };
    expect(await runRules(files, ['CSX-NO-GATEWAY'])).toEqual([]);
  });
});

describe('CSX-ONE', () => {
  it('warns on a second script file', async () => {
    const files = { ...withScript(GOOD_SCRIPT), 'connector-script.csx': GOOD_SCRIPT };
    const findings = await runRules(files, ['CSX-ONE']);
    expect(findings).toMatchObject([{ severity: 'warning' }]);
    expect(findings[0]!.file).toMatch(/connector-script\.csx$/);
  });
  // Script.csx is the script, read as such: REPO-FILENAMES asks for the name in lower case.
  it('takes the script named in another case for the script, not a second file', async () => {
    const files = { ...validConnectorFiles(), 'Script.csx': GOOD_SCRIPT };
    expect(await runRules(files, ['CSX-ONE'])).toEqual([]);
  });
});

/**
 * The holes of an interpolated string are code with their own literals: a literal in a hole is not
 * code, and code in a hole is. Read as text, a literal in a hole ended the string early and its
 * contents were taken for code.
 */
describe('script rules in interpolation holes', () => {
  const inExecute = (lines: string[]) =>
    GOOD_SCRIPT.replace('var note', [...lines, 'var note'].join('\n        '));

  it('CSX-HTTPCLIENT: not on a literal in a hole, in any kind of interpolated string; on code in one', async () => {
    const script = inExecute([
      'var a = $"{x ?? "new HttpClient()"}";',
      'var b = $"{(ok ? "new HttpClient()" : "c")}";',
      'var c = $"{$"{"new HttpClient()"}"}";',
      'var d = $@"{(ok ? @"new HttpClient()" : "")}" + @$"{"new HttpClient()"}";',
      'var e = $"""{x ?? "new HttpClient()"}""" + $"{{new HttpClient()}}" + $"{when:new HttpClient()}";',
      'var f = $"{new HttpClient().Timeout}";',
    ]);
    const findings = await runRules(withScript(script), ['CSX-HTTPCLIENT']);
    expect(findings.map(({ line, column }) => [line, column])).toEqual([[18, 20]]);
  });

  it('CSX-OPIDS: not on a literal in a hole that reads like a comparison; on a comparison in one', async () => {
    const script = inExecute([
      'var label = $"{prefix ?? "OperationId == "}GetWidget";',
      'var kind = $"{(this.Context.OperationId == "GetWidget" ? "widget" : "other")}";',
    ]);
    const findings = await runRules(withScript(script), ['CSX-OPIDS']);
    expect(
      findings.map(({ line, column, message }) => [line, column, message.match(/^"(\w+)"/)?.[1]]),
    ).toEqual([[14, 52, 'GetWidget']]);
  });

  it('CSX-TIMEOUT: not on a literal in a hole; on a wait in one', async () => {
    const script = inExecute([
      'var a = $"{x ?? "Thread.Sleep(10000)"}";',
      'var b = $"{await Task.Delay(10000).ContinueWith(_ => "done")}";',
    ]);
    const findings = await runRules(withScript(script), ['CSX-TIMEOUT']);
    expect(findings.map(({ line, column }) => [line, column])).toEqual([[14, 26]]);
  });

  it('CSX-NAMESPACES: not on a using line in a literal in a hole; on one after a hole whose literal holds "/*"', async () => {
    // A using directive cannot be in a hole: what a hole must not do is hide the code after it.
    const script = inExecute([
      'var sql = $@"{(raw ? @"',
      'using System.Data;',
      '" : "")}";',
      'var path = $"{root ?? "/*"}";',
    ]);
    // After the class, as a directive cannot be in it: only the scan's reading of the holes matters.
    const findings = await runRules(withScript(`${script}using System.Data.SqlClient;\n`), [
      'CSX-NAMESPACES',
    ]);
    expect(findings.map(({ line, message }) => [line, message.match(/namespace (\S+)/)?.[1]])).toEqual([
      [21, 'System.Data.SqlClient'],
    ]);
  });

  it('every rule reads holes nested 20,000 deep (2,000 overflowed the stack: an internal error on each rule)', async () => {
    const depth = 20_000;
    const script = inExecute([
      `var deep = ${'$"{'.repeat(depth)}new HttpClient()${'}"'.repeat(depth)};`,
      'var after = new HttpClient();',
    ]);
    const findings = await runRules(withScript(script), ALL);
    expect(findings.map(({ ruleId, line, column }) => [ruleId, line, column])).toEqual([
      ['CSX-HTTPCLIENT', 13, 20 + 3 * depth],
      ['CSX-HTTPCLIENT', 14, 21],
    ]);
  });

  it('CSX-CLASS: a declaration in a literal in a hole is not the Script class', async () => {
    const script = inExecute(['var text = $"{x ?? "public class Script : ScriptBase"}";']).replace(
      'public class Script : ScriptBase',
      'public class Helper',
    );
    expect(await runRules(withScript(script), ['CSX-CLASS'])).toMatchObject([{ severity: 'error', line: 1 }]);
  });
});
