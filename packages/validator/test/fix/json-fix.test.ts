import { describe, expect, it } from '@jest/globals';
import { MAX_JSON_DEPTH, offsetPastDepth } from '@connector-alm/core';
import { fixJsonText } from '../../src/fix/json-fix.js';
import { JsonDocument } from '../../src/json/json-document.js';
import { MAX_JSON_KEY_LENGTH } from '../../src/json/key-length.js';
import { diagnoseAndRepair, MAX_SLIPS, type SyntaxEdits } from '../../src/json/syntax/diagnosis.js';
import { trailingCommaRepair } from '../../src/json/trailing-commas.js';

/** The text `validate --fix` writes for `text`, which must be fixed. */
function fixed(text: string): { text: string; slips: number } {
  const fix = fixJsonText(text);
  if (fix.outcome !== 'fixed') throw new Error(`not fixed: ${JSON.stringify(fix)}`);
  return { text: fix.text, slips: fix.slips };
}

describe('fixJsonText: the edits of GEN-JSON-PARSE written into the text', () => {
  // Each kind of slip the diagnosis names an edit for, with the text it is written as.
  it.each([
    ['a trailing comma', '{\n  "a": 1,\n  "b": [1, 2,],\n}\n', '{\n  "a": 1,\n  "b": [1, 2]\n}\n', 2],
    ['a comment on a line of its own', '{\n  // note\n  "a": 1\n}\n', '{\n  "a": 1\n}\n', 1],
    ['a comment after a value', '{\n  "a": 1, // note\n  "b": 2\n}\n', '{\n  "a": 1,\n  "b": 2\n}\n', 1],
    ['a block comment over lines', '{\n  /* one\n     two */\n  "a": 1\n}\n', '{\n  "a": 1\n}\n', 1],
    ['a block comment before a key', '{\n  /* note */ "a": 1\n}\n', '{\n  "a": 1\n}\n', 1],
    ['a block comment between tokens', '{"a": /* x */ 1}', '{"a": 1}', 1],
    // What a removal leaves on its line goes with it, wherever the line is and however it is indented.
    [
      'two comments side by side on a line of their own',
      '{\n  /* a */// b\n  "a": 1\n}',
      '{\n  "a": 1\n}',
      2,
    ],
    ['a comment on a line indented with a TAB', '{\n\t// note\n\t"a": 1\n}', '{\n\t"a": 1\n}', 1],
    ['a block comment at the start of a line', '{\n/* note */ "a": 1\n}', '{\n"a": 1\n}', 1],
    ['a block comment and blanks at the end of a line', '{\n  "a": 1 /* note */  \n}', '{\n  "a": 1\n}', 1],
    ['a comment at the start of the text', '/* note */ {"a": 1}', '{"a": 1}', 1],
    ['a comment on the first line', '// note\n{"a": 1}', '{"a": 1}', 1],
    ['a comment after the value at the end of the text', '{"a": 1} // note', '{"a": 1}', 1],
    ['two comments after a value', '[\n  1 /* a */ // b\n]', '[\n  1\n]', 2],
    ['a comment with #, as YAML writes one', '{\n  # note: 1\n  "a": 1\n}', '{\n  "a": 1\n}', 1],
    ['single quotes', `{'a': 'it\\'s "so"'}`, '{"a": "it\'s \\"so\\""}', 2],
    ['a key without quotes', '{a: 1, b_c: 2}', '{"a": 1, "b_c": 2}', 2],
    ['a value in backticks', '{"a": `x`}', '{"a": "x"}', 1],
    ['typographic quotes', '{\u201ca\u201d: \u201cb c\u201d}', '{"a": "b c"}', 2],
    // Read as a word (no ',' after its closing quote): the closing quote is no part of the string.
    ['typographic quotes before an item without its comma', '[\u201cabc\u201d 1]', '["abc", 1]', 2],
    // Without its other quote, a key is read as a word; the quote it has is no part of its name.
    ['a key with one typographic quote', '{\n  \u201ca: 1,\n  b\u201d: 2\n}', '{\n  "a": 1,\n  "b": 2\n}', 2],
    ['a ; for a comma', '{"a": 1; "b": true;\n "c": 3}', '{"a": 1, "b": true,\n "c": 3}', 2],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', '{\n  "a": 1,\n  "b": 2\n}', 1],
    // A string right after a number is the next value, not more of a string whose '"' ended it.
    ['a missing comma between a number and a string', '[1"a"]', '[1,"a"]', 1],
    // A key after a value in an object lacks the comma before it: the object is no list to close.
    [
      'a missing comma in an object, and its last closer',
      '{"a": {"b": 1 "c": 2}',
      '{"a": {"b": 1, "c": 2}}',
      2,
    ],
    ['a missing comma before a comment', '{"a": 1 // note\n "b": 2}', '{"a": 1,\n "b": 2}', 2],
    // Right after the key: past it, the ':' went into the value (`"a"1:`).
    ['a missing colon before a value with no space', '{"a"1, "b"[2]}', '{"a":1, "b":[2]}', 2],
    // The rest of the string runs over the ':' after the quote: all of it is the string's.
    [
      'a quote left unescaped in a string, before a colon',
      '{"a": "Note: "b": c", "d": 1}',
      '{"a": "Note: \\"b\\": c", "d": 1}',
      1,
    ],
    // A key's closing quote on the next line, before its ':', closes it as a value's before a ',' does.
    // An escaped quote on the next line is in the string: the one before the ',' closes it.
    [
      'a string broken over two lines, with an escaped quote',
      '{"a": "x\ny\\"z", "b": 1}',
      '{"a": "x\\ny\\"z", "b": 1}',
      1,
    ],
    ['a key broken over two lines', '{"a\nb": 1}', '{"a\\nb": 1}', 1],
    ['a = or => for a colon', '{"a" = 1, "b" => 2}', '{"a" : 1, "b" : 2}', 2],
    ['hexadecimal and JavaScript numbers', '[0x1F, -0x10, +1, .5]', '[31, -16, 1, 0.5]', 4],
    [
      'a date or a ratio that lost its quotes',
      '["2024-01-01", 12/31/2024]',
      '["2024-01-01", "12/31/2024"]',
      1,
    ],
    ['True, False and None', '[True, False, None]', '[true, false, null]', 3],
    ['a word for a string', '{"a": application/json}', '{"a": "application/json"}', 1],
    [
      'a TAB and a stray backslash in a string',
      '{"a": "x\ty", "b": "C:\\dir"}',
      '{"a": "x\\ty", "b": "C:\\\\dir"}',
      2,
    ],
    ['a closing bracket of the wrong kind', '{"a": [1, 2}, "b": 3}', '{"a": [1, 2], "b": 3}', 1],
    // A key after a list's last item: the ']' and the ',' before the key are both missing.
    [
      'a list left open before a key',
      '{\n  "a": [\n    1\n  "b": 2\n}',
      '{\n  "a": [\n    1],\n  "b": 2\n}',
      1,
    ],
    // An item after a comma in an object of a list: the object was not closed before the comma.
    [
      'an object left open before the next item of its list',
      '[\n  {\n    "a": 1,\n  2\n]',
      '[\n  {\n    "a": 1},\n  2\n]',
      1,
    ],
    // One repair closes all four before the ']', and is one slip.
    [
      'four objects left open before a closing bracket',
      '[{"a": {"b": {"c": {"d": 1]',
      '[{"a": {"b": {"c": {"d": 1}}}}]',
      1,
    ],
    ['a bracket left open at the end', '{\n  "a": {"b": 1}\n', '{\n  "a": {"b": 1}}\n', 1],
    ['a closing bracket one too many at the end', '{\n  "a": 1\n}\n}\n', '{\n  "a": 1\n}\n', 1],
    ['closing brackets too many after the value', '{"a": [1, 2]}]}', '{"a": [1, 2]}', 2],
    // Mid-file, found by the indentation; the ',' after it closes up to the value, as written.
    [
      'a closing bracket one too many mid-line',
      '{\n  "a": {\n    "b": 1 },\n    "c": 2\n  }\n}',
      '{\n  "a": {\n    "b": 1,\n    "c": 2\n  }\n}',
      1,
    ],
    ['a block comment before a comma', '{"a": 1 /* x */, "b": 2}', '{"a": 1, "b": 2}', 1],
    // A NUL is removed, not escaped as \u0000, which would keep it in the value; a TAB beside it escaped.
    ['a NUL in a string', '{"a": "x\u0000y", "b": "\tz\u0000"}', '{"a": "xy", "b": "\\tz"}', 2],
    // A '}' after a member on its line is not judged by the indentation of that line.
    [
      'a closer one too many after a value whose closer follows a member',
      '{\n  "a": {\n    "b": 1 }\n}\n}\n',
      '{\n  "a": {\n    "b": 1 }\n}\n',
      1,
    ],
    // The maker typed it for a space: a space it stays.
    ['a no-break space', '{"a":\u00a01}', '{"a": 1}', 1],
    // One that takes no room was never meant: it goes, and no space takes its place.
    ['a zero-width space', '{"a":\u200b1}', '{"a":1}', 1],
    ['a NUL byte between tokens', '{"a": 1\u0000}', '{"a": 1}', 1],
    ['a no-break space beside a zero-width one', '{"a":\u00a0\u200b1}', '{"a":  1}', 1],
  ])('%s', (_kind, text, written, slips) => {
    expect(fixed(text)).toEqual({ text: written, slips });
    // The value the rules read from the broken file, and as many slips as GEN-JSON-PARSE reported.
    const document = JsonDocument.parse(text);
    expect(JSON.parse(written)).toEqual(document.value);
    expect(document.syntaxIssues).toHaveLength(slips);
    // A second --fix finds nothing to do.
    expect(fixJsonText(written)).toEqual({ outcome: 'strict' });
  });

  it('keeps a byte-order mark, CR LF line endings and the indentation', () => {
    const text = '\ufeff{\r\n\t"a": 1,\r\n\t"b": \'x\', // note\r\n}\r\n';
    expect(fixed(text)).toEqual({ text: '\ufeff{\r\n\t"a": 1,\r\n\t"b": "x"\r\n}\r\n', slips: 3 });
    // The edits' offsets count from after the mark, as the loader reads the file.
    expect(fixed('\ufeff{"a": 1,}')).toEqual({ text: '\ufeff{"a": 1}', slips: 1 });
  });

  it('closes a string cut after a backslash at its line end before the line break, CR LF or LF alike', () => {
    // The scanner took the CR of the CR LF for the character the backslash escapes, and the quote
    // went between the CR and the LF; a LF it took the same way, and read the next line into the string.
    for (const eol of ['\r\n', '\n']) {
      const text = ['{', '  "path": "C:\\', '  "b": 1', '}', ''].join(eol);
      expect(fixed(text)).toEqual({
        text: ['{', '  "path": "C:\\\\",', '  "b": 1', '}', ''].join(eol),
        slips: 1,
      });
      // Before a comma at the line's end, the backslash is doubled too: '\"' alone stays open.
      const comma = ['{', '  "path": "C:\\,', '  "b": 1', '}', ''].join(eol);
      expect(fixed(comma)).toEqual({
        text: ['{', '  "path": "C:\\\\",', '  "b": 1', '}', ''].join(eol),
        slips: 1,
      });
    }
  });

  it('leaves the rest of a large document as it was', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `    "key${i}": "value ${i}",`);
    const text = `{\n  "a": {\n${lines.join('\n')}\n  },\n}\n`;
    const written = fixed(text).text;
    expect(written).toBe(`{\n  "a": {\n${lines.join('\n').slice(0, -1)}\n  }\n}\n`);
  });

  it('leaves text alone, and says why, when the edits the findings name still leave it invalid', () => {
    // Three slips that meet: a '[' typed for ']' and a ';' for ','.
    const text = [
      '{',
      '  "a": {',
      '    "b": [1, 2, {"c": "x"}[,',
      '    "d": true',
      '  },',
      '  "e": [',
      '    {"f": null};',
      '    "g"',
      '  ]',
      '}',
      '',
    ].join('\n');
    expect(fixJsonText(text)).toEqual({
      outcome: 'not-fixed',
      reason: 'the edits that the GEN-JSON-PARSE findings name still leave it invalid; make them by hand.',
    });
  });

  it('says nothing to do for strict JSON', () => {
    expect(fixJsonText('{"a": 1}')).toEqual({ outcome: 'strict' });
    expect(fixJsonText('\ufeff{"a": 1}\n')).toEqual({ outcome: 'strict' });
  });

  it('leaves text alone, and says why, when an issue names no single edit', () => {
    // In an object of an object, a value where a key belongs is one too many, and removing it is
    // the maker's to do (`{"b": 1, 2}`): it may as well be a member that lost its key.
    for (const text of [
      '{"a": 1, "b": }',
      '{"a": NaN}',
      '{"a": "x',
      '{"a": 1} {"b": 2}',
      '{"a": 1}} "b"',
      '{"a": {"b": 1, 2}}',
    ]) {
      const fix = fixJsonText(text);
      expect({ text, outcome: fix.outcome }).toEqual({ text, outcome: 'not-fixed' });
      expect(fix.outcome === 'not-fixed' && fix.reason).toMatch(/GEN-JSON-PARSE/);
    }
    expect(fixJsonText('  \n')).toEqual({ outcome: 'not-fixed', reason: expect.stringMatching(/empty/) });
    expect(fixJsonText('['.repeat(300))).toEqual({
      outcome: 'not-fixed',
      reason: expect.stringMatching(/nested more than 256 levels/),
    });
  });

  it('names the line of the first finding that names no single edit', () => {
    // GIPHY's swagger: a missing comma --fix could add, then members after the end of the value.
    const cases: [string, number][] = [
      ['{\n  "a": 1\n  "b": 2\n}\n"c": [1]\n', 5],
      ['{\n  "a": 1,\n  "b": ,\n  "c": [1,]\n}', 3],
      ['{\n  "a": 1,\n  "b": "x', 3],
      ['[\n  1,\n  NaN\n]', 3],
      // Of two such findings, the first: the second's line was named.
      ['[\n  NaN,\n  Infinity\n]', 2],
    ];
    for (const [text, line] of cases) {
      expect({ text, fix: fixJsonText(text) }).toEqual({
        text,
        fix: {
          outcome: 'not-fixed',
          reason: `the GEN-JSON-PARSE finding at line ${line} names no single edit that fixes it, and --fix makes the edits of a file all or none; make that one by hand, then run validate --fix again for the others.`,
        },
      });
    }
  });

  it('leaves text alone, and says where, when a finding names two edits and the maker must choose', () => {
    // `01234` is 1234, or "01234" if the zeros matter (a postal code); `3/4` is 0.75, or the text
    // "3/4" (a ratio). The rules read the first; written, a guess would change the maker's value.
    for (const [slip, line] of [
      ['01234', 3],
      ['-007', 3],
      ['02.5', 3],
      ['3/4', 3],
      ['1024 * 1024', 3],
    ] as const) {
      const text = `{\n  "a": 1,\n  "b": ${slip},\n  "c": [1, 2,],\n}\n`;
      expect({ slip, fix: fixJsonText(text) }).toEqual({
        slip,
        fix: {
          outcome: 'not-fixed',
          reason: `the GEN-JSON-PARSE finding at line ${line} names two edits, which only you can choose between; make the one you mean, then run validate --fix again for the others.`,
        },
      });
    }
  });

  it('writes every slip, at each place it is made in a swagger, as the document its maker meant, without trailing blanks', () => {
    const swagger = JSON.stringify(
      {
        swagger: '2.0',
        info: { title: 'Tasks', version: '1.0' },
        paths: {
          '/tasks': { get: { operationId: 'ListTasks', responses: { '200': { description: 'OK' } } } },
        },
        values: [null, true, 2.5, [], {}, ''],
      },
      null,
      2,
    ).replace(/\n/g, '\r\n');
    const meant = JSON.parse(swagger) as unknown;
    const slips: [RegExp, (match: string) => string][] = [
      [/(["\]}0-9el])(\r\n *[\]}])/g, (m) => m.replace(/\r/, ',\r')],
      [/\r\n/g, (m) => ` // note${m}`],
      [/\r\n/g, (m) => `${m}  /* note */${m}`],
      [/"(Tasks|OK|2\.0)"/g, (m) => `'${m.slice(1, -1)}'`],
      [/"(swagger|title|get)":/g, (m) => m.slice(1, -2) + ':'],
      [/,\r\n/g, (m) => m.replace(',', ';')],
    ];
    let count = 0;
    for (const [pattern, slip] of slips) {
      for (const match of swagger.matchAll(pattern)) {
        const text =
          swagger.slice(0, match.index) + slip(match[0]) + swagger.slice(match.index + match[0].length);
        const written = fixed(text).text;
        expect({ text, value: JSON.parse(written) }).toEqual({ text, value: meant });
        expect({ text, blanks: /[ \t]\r\n/.test(written), bare: /[^\r]\n/.test(written) }).toEqual({
          text,
          blanks: false,
          bare: false,
        });
        count++;
      }
    }
    expect(count).toBeGreaterThan(50);
  });
});

describe('fixJsonText of a file whose end is missing', () => {
  // Closing every open bracket at the end made a file cut off in the middle pass, its lost content
  // hidden. Only a missing last closer after a complete value is taken for a slip.
  it('adds the last closer after a complete value: a slip', () => {
    expect(fixed('{\n  "a": 1,\n  "b": {"c": 2}\n').text).toBe('{\n  "a": 1,\n  "b": {"c": 2}}\n');
  });

  it('adds it at the end where a line inside a misindented closer is indented less than its bracket', () => {
    // "c" at the margin says nothing of where the '}' of "a" belongs: it was put before "b"'s comma.
    const text = '{\n  "a": {\n    "b": "x",\n"c": 1\n    },\n  "d": 2\n';
    expect(fixed(text).text).toBe('{\n  "a": {\n    "b": "x",\n"c": 1\n    },\n  "d": 2}\n');
  });

  it.each([
    ['several brackets open', '{\n  "a": 1,\n  "b": {\n    "c": 2\n'],
    ['after a comma', '{\n  "a": 1,\n'],
    ['inside a list, after a comma', '{\n  "a": [1, 2,\n'],
  ])('leaves a file cut off (%s) alone, saying to restore its end', (_what, text) => {
    const fix = fixJsonText(text);
    expect(fix.outcome).toBe('not-fixed');
    const issues = JsonDocument.parse(text).syntaxIssues.map((issue) => issue.message);
    expect(issues).toEqual([
      expect.stringMatching(
        /it looks cut off; restore its end \(adding '[}\]]+' would close it without what was lost\)\.$/,
      ),
    ]);
  });
});

describe('fixJsonText reads what reading the text found, without diagnosing it again', () => {
  /**
   * What the fix once worked out again from the text, before it read the document: whether JSON.parse
   * reads it, whether it is too deep, and its repair (trailing commas alone, or the diagnosis's).
   */
  function diagnosedAgain(text: string): {
    parsedStrictly: boolean;
    tooDeep: boolean;
    repair: SyntaxEdits | undefined;
  } {
    let parsedStrictly = true;
    try {
      JSON.parse(text);
    } catch {
      parsedStrictly = false;
    }
    return {
      parsedStrictly,
      tooDeep: offsetPastDepth(text, MAX_JSON_DEPTH) !== -1,
      repair: trailingCommaRepair(text, MAX_SLIPS) ?? diagnoseAndRepair(text, () => ''),
    };
  }

  /** What the fix reads of a repair. */
  const editsOf = (repair: SyntaxEdits | undefined) =>
    repair && {
      edits: repair.edits,
      unfixedAt: repair.unfixedAt,
      slips: repair.slips,
      refused: repair.refused,
    };

  it('for thousands of slips made to a swagger, trailing commas alone among them', () => {
    const swagger = JSON.stringify(
      {
        swagger: '2.0',
        info: { title: 'Tasks', version: '1.0', description: 'A "quoted" \\ word, [1, 2,]' },
        paths: {
          '/tasks/{id}': {
            get: {
              parameters: [{ name: 'id', in: 'path', required: true, type: 'string', default: -1.5e3 }],
              responses: { '200': { description: 'OK' }, default: { description: '{"a": 1,}' } },
            },
          },
        },
        values: [null, true, false, 0, 2.5, [[[]]], {}, ''],
      },
      null,
      2,
    );
    const alphabet = [...'{}[],,,:"\'\\/*-+.e019atf \t\n', '\u00a0', 'é', ''];
    let seed = 20261201;
    const random = (below: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % below;
    };
    const kinds = { trailingCommas: 0, diagnosed: 0 };
    for (let run = 0; run < 600; run++) {
      let text = swagger;
      for (let edits = 1 + random(3); edits > 0; edits--) {
        // A comma before a closer half the time: text whose only slips are trailing commas.
        const closer = text.indexOf(random(2) === 0 ? '}' : ']', random(text.length));
        const at = run % 2 === 0 && closer !== -1 ? closer : random(text.length + 1);
        const [character, removed] =
          run % 2 === 0 ? [',', 0] : [alphabet[random(alphabet.length)]!, random(3)];
        text = text.slice(0, at) + character + text.slice(at + removed);
      }
      const document = JsonDocument.parse(text);
      const again = diagnosedAgain(text);
      expect({ text, parsedStrictly: document.parsedStrictly }).toEqual({
        text,
        parsedStrictly: again.parsedStrictly,
      });
      if (again.parsedStrictly) continue;
      expect({ text, tooDeep: document.tooDeep }).toEqual({ text, tooDeep: again.tooDeep });
      expect({ text, repair: editsOf(document.syntaxRepair) }).toEqual({
        text,
        repair: editsOf(again.repair),
      });
      if (trailingCommaRepair(text, MAX_SLIPS)) kinds.trailingCommas++;
      else kinds.diagnosed++;
    }
    // Both ways of reading a broken text were tested, many times each.
    expect(kinds.trailingCommas).toBeGreaterThan(80);
    expect(kinds.diagnosed).toBeGreaterThan(300);
  });

  it('diagnoses text it read without a repair: strict JSON with a key too long', () => {
    const text = `{"${'k'.repeat(MAX_JSON_KEY_LENGTH + 1)}": 1,}`;
    expect(JsonDocument.parse(text).syntaxRepair).toBeUndefined();
    expect(fixJsonText(text)).toEqual({
      outcome: 'fixed',
      text: `{"${'k'.repeat(MAX_JSON_KEY_LENGTH + 1)}": 1}`,
      slips: 1,
    });
  });
});
