import { scriptOperationIds, scriptOperationsOf } from '@connector-alm/core';
import { nameExcerpt } from '../text/message-values.js';
import { inOtherCase } from '../text/other-case.js';
import type { RuleContext, RuleDefinition } from '../model/rule.js';
import { sameLevels } from '../model/rule.js';
import { repositoryBytes } from '../loader/connector-folder.js';
import { hasParameterType, propertiesOf } from './api-properties/connection-parameters.js';
import { ALLOWED_NAMESPACES, KNOWN_OTHER_NAMESPACES } from './script/allowed-namespaces.js';
import { scannedScript, type ScannedCSharp } from './script/csharp-scan.js';
import { usingDirectives } from './script/using-directives.js';
import { operationIdNames, operationIdPatterns } from './script/operation-id-names.js';

const MAX_SCRIPT_BYTES = 1024 * 1024;
/** Custom code must finish within 5 seconds (write-code FAQ). */
const MAX_WAIT_MS = 5000;

const SCRIPT_CLASS = /\bclass\s+(\w+)\s*:\s*(\w+)/gi;
/*
 * `override … ExecuteAsync()`, found from the `ExecuteAsync()` and checked backwards: `(` ends the
 * run of `[\w\s<>.]` that the lookbehind reads, so each run is read once. Searched forwards from
 * each `override`, every one ran to the end of its run, quadratic on a script of `override`s.
 */
const EXECUTE_OVERRIDE = /\bExecuteAsync\s*\(\s*\)(?<=\boverride\b[\w\s<>.]*\bExecuteAsync\s*\(\s*\))/;
/*
 * `new HttpClient(…)`, `new HttpClient { Timeout = … }` (the usual way to set a timeout) and the
 * target-typed `new()` of an `HttpClient c = new();` declaration, reported from its `new`.
 */
const NEW_HTTP_CLIENT =
  /\bnew\s+(?:System\.Net\.Http\.)?HttpClient\s*[({]|\bnew\s*\((?<=\bHttpClient\??\s+\w+\s*=\s*new\s*\()/g;
/** A class named Script in any case, and what it derives from (group 2), when SCRIPT_CLASS finds none. */
const SCRIPT_CLASS_ANY_BASE = /\bclass\s+(script)\b(?:\s*:\s*([\w.]+))?/i;
/** A declaration of ExecuteAsync: after its return type (`Task<HttpResponseMessage>`), not a call. */
const EXECUTE_DECLARATION = /(?:>|\bTask)\s*\bExecuteAsync\s*\(/;
const WAIT_CALL =
  /\b(Thread\.Sleep|Task\.Delay)\s*\(\s*(?:([\d_]+)|TimeSpan\.From(Milliseconds|Seconds|Minutes)\s*\(\s*([\d_.]+)\s*\))\s*[,)]/g;
const EQUALS_OPEN_BEFORE = /Equals\s*\(\s*$/;
const CASE_BEFORE = /\bcase\s*$/;
/** An arm of a switch expression on the operation id: `"X" =>`, or `"X" or "Y" =>`. */
const SWITCH_ARM_AFTER = /^\s*(?:=>|or\b)/;
const UNIT_MS: Record<string, number> = { Milliseconds: 1, Seconds: 1000, Minutes: 60000 };

function script(context: RuleContext): { text: string; scan: ScannedCSharp } | undefined {
  const text = context.connector.files.script?.document?.firstSideText;
  return text === undefined ? undefined : { text, scan: scannedScript(text) };
}

/** The string literals that the code compares with `Context.OperationId` (==, Equals, switch cases). */
function operationIdLiterals(
  scan: ScannedCSharp,
): { value: string; offset: number; length: number; ignoreCase: boolean }[] {
  const patterns = operationIdPatterns(operationIdNames(scan.code));
  const switchRanges: [number, number][] = [];
  for (const match of scan.code.matchAll(patterns.switchStatement)) {
    const open = scan.code.indexOf('{', match.index + match[0].length);
    if (open >= 0) switchRanges.push([open, matchingBrace(scan.code, open)]);
  }
  const armRanges: [number, number][] = [];
  for (const match of scan.code.matchAll(patterns.switchExpression)) {
    const open = match.index + match[0].length - 1;
    armRanges.push([open, matchingBrace(scan.code, open)]);
  }
  const mentions = operationIdMentions(scan.code, patterns.mention);
  let nextMention = 0;
  const found = [];
  for (const literal of scan.strings) {
    // Every comparison below names OperationId within 80 characters of the literal, or is a case of
    // a switch on it: most literals are neither, and need no slices and no patterns (CSX-OPIDS
    // allocated 1.0 MB a corpus run, 0.17 MB now). Literals come in text order, so the mentions
    // before this literal's window are before every later literal's too.
    while (nextMention < mentions.length && mentions[nextMention]! < literal.offset - 80) nextMention++;
    const nearMention = nextMention < mentions.length && mentions[nextMention]! < literal.end + 80;
    const inSwitchRange = isInsideRange(switchRanges, literal.offset);
    const inArmRange = isInsideRange(armRanges, literal.offset);
    if (!inSwitchRange && !inArmRange && !nearMention) continue;
    const before = scan.code.slice(Math.max(0, literal.offset - 80), literal.offset);
    const after = scan.code.slice(literal.end, literal.end + 80);
    const inSwitch =
      (inSwitchRange && CASE_BEFORE.test(before)) || (inArmRange && SWITCH_ARM_AFTER.test(after));
    const afterMatch = patterns.comparedAfter.exec(after);
    // `, OperationId` only compares inside `string.Equals("X", OperationId…)`.
    const comparedAfter =
      afterMatch !== null && (!afterMatch[0].trimStart().startsWith(',') || EQUALS_OPEN_BEFORE.test(before));
    if (inSwitch || patterns.comparedBefore.test(before) || comparedAfter) {
      const statementEnd = after.search(/[;{]/);
      const ignoreCase = /IgnoreCase/.test(statementEnd < 0 ? after : after.slice(0, statementEnd));
      found.push({
        value: literal.value,
        offset: literal.offset,
        length: literal.end - literal.offset,
        ignoreCase,
      });
    }
  }
  return found;
}

// A loop rather than `some` with an arrow function: a closure per literal cost more than it saved.
function isInsideRange(ranges: readonly [number, number][], offset: number): boolean {
  for (const [from, to] of ranges) if (offset > from && offset < to) return true;
  return false;
}

/**
 * Where the code names the operation id (`mention`: OperationId or a variable holding it; comments
 * and literals are blanked, so only code counts).
 */
function operationIdMentions(code: string, mention: RegExp): number[] {
  const mentions: number[] = [];
  for (const match of code.matchAll(mention)) mentions.push(match.index);
  return mentions;
}

function matchingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) return i;
  }
  return code.length;
}

/**
 * Whether a using directive may name a type rather than a namespace: `using static System.Math;` does,
 * and an alias may (`using JObj = Newtonsoft.Json.Linq.JObject;`), or may name a namespace
 * (`using Refl = System.Reflection;`).
 */
function namesType(directive: string, name: string): boolean {
  const head = directive.slice(0, directive.lastIndexOf(name));
  return /\bstatic\b/.test(head) || head.includes('=');
}

/**
 * Whether the target of an alias or `using static` is taken for a type of an allowed namespace: its
 * parent is allowed and it is not itself a namespace we know to be disallowed. Which of a type or a
 * namespace an unknown name is, the text does not say, so an unknown one under an allowed parent is
 * taken for a type (`Newtonsoft.Json.Linq.JObject`), and a known namespace is reported
 * (`System.Reflection`, `Newtonsoft.Json.Bson`), as its plain `using` is.
 */
function isTypeOfAllowedNamespace(name: string): boolean {
  return !KNOWN_OTHER_NAMESPACES.has(name) && ALLOWED_NAMESPACES.has(namespaceOf(name));
}

/** The namespace of a type's full name: `System.Text` of `System.Text.Encoding`. */
function namespaceOf(typeName: string): string {
  const dot = typeName.lastIndexOf('.');
  return dot < 0 ? '' : typeName.slice(0, dot);
}

/**
 * Whether the class declared at `classOffset` has the `public` modifier: the text between the end of
 * the previous statement or block (`;`, `{`, `}`) and the `class` keyword holds its modifiers.
 */
function isPublic(code: string, classOffset: number): boolean {
  return hasModifier(code, classOffset, 'public');
}

/** Whether the declaration of the name at `offset` has `modifier`, written between it and the previous `;`, `{` or `}`. */
function hasModifier(code: string, offset: number, modifier: string): boolean {
  let start = offset;
  while (start > 0 && !';{}'.includes(code[start - 1]!)) start--;
  return new RegExp(`\\b${modifier}\\b`).test(code.slice(start, offset));
}

/**
 * CSX-CLASS when no class derives from ScriptBase: at a Script class deriving from something else or
 * from nothing, saying what is missing; at 1:1 when there is no Script class at all.
 */
function reportScriptClassBase(context: RuleContext, code: string): void {
  const found = SCRIPT_CLASS_ANY_BASE.exec(code);
  if (!found) {
    context.report({ line: 1, message: 'script.csx must define "public class Script : ScriptBase".' });
    return;
  }
  const base = found[2];
  context.report({
    offset: found.index,
    length: found[0].length,
    message: base
      ? `The class "${nameExcerpt(found[1]!)}" derives from ${nameExcerpt(base)}, not ScriptBase: write "public class Script : ScriptBase", the class the platform runs.`
      : `The class "${nameExcerpt(found[1]!)}" derives from nothing: add ": ScriptBase", as in "public class Script : ScriptBase", the class the platform runs.`,
  });
}

export const scriptRules: RuleDefinition[] = [
  {
    id: 'CSX-CLASS',
    file: 'script',
    title: 'script.csx defines `public class Script : ScriptBase`.',
    description:
      'Custom code is a class named Script deriving from ScriptBase (write-code docs); without it the script does not compile in the service. Three merged IP scripts write `class script: ScriptBase` and were deployed, so a different case is only a warning, as is a Script class that is not public (every merged one is). A ScriptBase class of another name is reported at it.',
    levels: sameLevels('error'),
    example: { bad: 'public class Helper { }', good: 'public class Script : ScriptBase { … }' },
    check(context) {
      const source = script(context);
      if (!source) return;
      const code = source.scan.code;
      let nearMiss: RegExpMatchArray | undefined;
      let misnamed: RegExpMatchArray | undefined;
      for (const match of code.matchAll(SCRIPT_CLASS)) {
        if (match[1] === 'Script' && match[2] === 'ScriptBase') {
          if (!isPublic(code, match.index)) {
            context.report({
              offset: match.index,
              length: match[0].length,
              severity: 'warning',
              message: 'Declare the Script class public: "public class Script : ScriptBase".',
            });
          }
          return;
        }
        if (match[2]!.toLowerCase() !== 'scriptbase') continue;
        if (match[1]!.toLowerCase() === 'script') nearMiss ??= match;
        else misnamed ??= match;
      }
      if (nearMiss) {
        // Followed literally, advice without `public` led to the next run's "declare it public".
        const declaration = `${isPublic(code, nearMiss.index!) ? '' : 'public '}class Script : ScriptBase`;
        context.report({
          offset: nearMiss.index,
          length: nearMiss[0].length,
          severity: 'warning',
          message: `Write "${declaration}" with this case (found "${nameExcerpt(nearMiss[0])}").`,
        });
      } else if (misnamed) {
        context.report({
          offset: misnamed.index,
          length: misnamed[0].length,
          message: `The class "${nameExcerpt(misnamed[1])}" derives from ScriptBase; name it Script, the class the platform runs.`,
        });
      } else {
        reportScriptClassBase(context, code);
      }
    },
  },
  {
    id: 'CSX-EXECUTE',
    file: 'script',
    title: 'The Script class overrides `ExecuteAsync()`.',
    description:
      'The platform calls `public override async Task<HttpResponseMessage> ExecuteAsync()`; a script without it does not compile (write-code docs).',
    levels: sameLevels('error'),
    example: {
      bad: 'public class Script : ScriptBase { }',
      good: 'public override async Task<HttpResponseMessage> ExecuteAsync() { … }',
    },
    check(context) {
      const source = script(context);
      if (!source || EXECUTE_OVERRIDE.test(source.scan.code)) return;
      const code = source.scan.code;
      const declared = EXECUTE_DECLARATION.exec(code);
      if (!declared) {
        context.report({
          line: 1,
          message:
            'script.csx must override "public override async Task<HttpResponseMessage> ExecuteAsync()".',
        });
        return;
      }
      const name = declared.index + declared[0].indexOf('ExecuteAsync');
      context.report({
        offset: name,
        length: 'ExecuteAsync'.length,
        message: hasModifier(code, name, 'override')
          ? 'ExecuteAsync must take no parameters: "public override async Task<HttpResponseMessage> ExecuteAsync()" is the method the platform calls.'
          : 'ExecuteAsync is not declared override, so the platform does not call it: add `override`, as in "public override async Task<HttpResponseMessage> ExecuteAsync()".',
      });
    },
  },
  {
    id: 'CSX-SIZE',
    file: 'script',
    title: 'script.csx is at most 1 MB.',
    description: 'The script file must be smaller than 1 MB (write-code FAQ).',
    levels: sameLevels('error'),
    example: { bad: 'a 1.2 MB script.csx with embedded data', inWords: true },
    check(context) {
      const file = context.connector.files.script;
      // Measured as the repository has it: a Windows checkout's CR LF counts as one byte.
      const bytes = file && repositoryBytes(file, MAX_SCRIPT_BYTES);
      if (bytes !== undefined && bytes > MAX_SCRIPT_BYTES) {
        context.report({
          line: 1,
          message: `script.csx is over the 1 MB (${MAX_SCRIPT_BYTES} bytes) custom code may have.`,
          // Apart from the message, which validate --base matches with the base's: the size changes
          // with every edit, and made the finding new (and the base's fixed) at each change.
          transientNote: `It is ${bytes} bytes.`,
        });
      }
    },
  },
  {
    id: 'CSX-NAMESPACES',
    file: 'script',
    title: 'Use only the namespaces custom code supports.',
    description: `Custom code may use only ${[...ALLOWED_NAMESPACES].join(', ')} (write-code docs). Six merged scripts use others (e.g. Microsoft.PowerPlatform.Connectors.CustomCode.CSharp), hence a warning.`,
    levels: sameLevels('warning'),
    example: { bad: 'using System.Data.SqlClient;', good: 'using System.Net.Http;' },
    check(context) {
      const source = script(context);
      if (!source) return;
      for (const match of usingDirectives(source.scan.code)) {
        const namespace = match[1]!;
        if (ALLOWED_NAMESPACES.has(namespace)) continue;
        if (namesType(match[0], namespace) && isTypeOfAllowedNamespace(namespace)) continue;
        context.report({
          offset: match.index + match[0].indexOf(namespace),
          length: namespace.length,
          message: `The namespace ${nameExcerpt(namespace)} is not supported in custom code; the script may fail to compile.`,
        });
      }
    },
  },
  {
    id: 'CSX-HTTPCLIENT',
    file: 'script',
    title: 'Send requests with `this.Context.SendAsync`, not a new HttpClient.',
    description:
      'Creating an HttpClient works today, but Microsoft says it will be blocked ("currently yes, but we\'ll block this in the future", write-code FAQ); `this.Context.SendAsync` is the supported way.',
    levels: sameLevels('warning'),
    example: {
      bad: 'var client = new HttpClient();',
      good: 'var response = await this.Context.SendAsync(request, this.CancellationToken);',
    },
    check(context) {
      const source = script(context);
      if (!source) return;
      for (const match of source.scan.code.matchAll(NEW_HTTP_CLIENT)) {
        context.report({
          offset: match.index,
          length: match[0].length,
          message:
            'Do not create an HttpClient: use this.Context.SendAsync(request, this.CancellationToken). Microsoft plans to block new HttpClient in custom code.',
        });
      }
    },
  },
  {
    id: 'CSX-TIMEOUT',
    file: 'script',
    title: 'Custom code finishes within 5 seconds: no long waits.',
    description:
      'Custom code must complete within 5 seconds (write-code FAQ). A Thread.Sleep or Task.Delay of more than 5 seconds always times out.',
    levels: sameLevels('warning'),
    example: { bad: 'await Task.Delay(10000);', good: 'await Task.Delay(500);' },
    check(context) {
      const source = script(context);
      if (!source) return;
      for (const match of source.scan.code.matchAll(WAIT_CALL)) {
        const milliseconds =
          match[2] !== undefined
            ? Number(match[2].replace(/_/g, ''))
            : Number(match[4]!.replace(/_/g, '')) * UNIT_MS[match[3]!]!;
        if (!(milliseconds > MAX_WAIT_MS)) continue;
        context.report({
          offset: match.index,
          length: match[0].length,
          message: `${match[1]} waits ${milliseconds / 1000} s, but custom code must finish within 5 seconds.`,
        });
      }
    },
  },
  {
    id: 'CSX-OPIDS',
    file: 'script',
    title:
      'Operation ids the script compares with `Context.OperationId` exist in the swagger and are in `scriptOperations`.',
    description:
      "Scripts branch on `this.Context.OperationId` (write-code samples). A string that is not an operationId of the swagger (a typo, a renamed operation) makes that branch dead code, and so does an operation that apiProperties.json's `scriptOperations` (or `script.operationIds`, as PROP-SCRIPTOPS reads them) leaves out: the script never runs for it (paconn README). One merged connector has such a branch, so a warning, as for a missing operationId.",
    levels: sameLevels('warning'),
    example: {
      bad: 'if (this.Context.OperationId == "ListTask")',
      good: 'if (this.Context.OperationId == "ListTasks")',
    },
    check(context) {
      const source = script(context);
      const swagger = context.swagger;
      if (!source || !swagger) return;
      const ids = swagger.operationsById;
      const list = scriptOperationsOf(propertiesOf(context.apiProperties));
      const listed = scriptOperationIds(list);
      for (const literal of operationIdLiterals(source.scan)) {
        const differentCase = ids.has(literal.value) ? undefined : inOtherCase(literal.value, ids.keys());
        const operationId = ids.has(literal.value)
          ? literal.value
          : literal.ignoreCase
            ? differentCase
            : undefined;
        if (operationId !== undefined) {
          if (list && listed && !listed.has(operationId))
            context.report({
              offset: literal.offset,
              length: literal.length,
              message: `"${nameExcerpt(literal.value)}" is compared with Context.OperationId, but ${list.key} in apiProperties.json does not list ${operationId === literal.value ? 'it' : `"${nameExcerpt(operationId)}"`}, so the script never runs for that operation and this branch is dead: add it to ${list.key}, or remove the branch.`,
            });
          continue;
        }
        context.report({
          offset: literal.offset,
          length: literal.length,
          message: differentCase
            ? `"${nameExcerpt(literal.value)}" is compared with Context.OperationId, but the operationId is "${nameExcerpt(differentCase)}" (the comparison is case-sensitive).`
            : `"${nameExcerpt(literal.value)}" is compared with Context.OperationId, but no operation of the swagger has this operationId.`,
        });
      }
    },
  },
  {
    id: 'CSX-NO-GATEWAY',
    file: 'script',
    title: 'Custom code cannot be used with the on-premises data gateway.',
    description:
      'Custom code does not run for connectors that go through the on-premises data gateway (write-code FAQ); a gatewaySetting connection parameter with a script cannot work.',
    levels: sameLevels('error'),
    example: {
      placement: 'connectionParameter',
      bad: 'script.csx with "type": "gatewaySetting" in apiProperties.json',
    },
    check(context) {
      if (!context.connector.files.script || !hasParameterType(context.apiProperties, 'gatewaySetting'))
        return;
      context.report({
        line: 1,
        message:
          'The connector has a gatewaySetting connection parameter, but custom code cannot be used with the on-premises data gateway.',
      });
    },
  },
  {
    id: 'CSX-ONE',
    file: 'folder',
    title: 'Only one script file, named script.csx.',
    description:
      'A connector has one custom code file (write-code FAQ). Other .csx files (e.g. connector-script.csx) are never uploaded, and confuse reviewers.',
    levels: sameLevels('warning'),
    example: { bad: 'script.csx and connector-script.csx', good: 'script.csx' },
    check(context) {
      for (const entry of context.connector.entries) {
        if (entry.type !== 'file' || !entry.name.toLowerCase().endsWith('.csx')) continue;
        if (entry.name.toLowerCase() === 'script.csx') continue;
        context.report({
          path: entry.name,
          message: context.connector.files.script
            ? `${entry.name} is a second script file; only script.csx is used. Merge it into script.csx or remove it.`
            : `${entry.name} is never used as custom code: the script must be named script.csx.`,
        });
      }
    },
  },
];
