import { describe, expect, it } from '@jest/globals';
import { fixJsonText } from '../../../src/fix/json-fix.js';
import { JsonDocument } from '../../../src/json/json-document.js';
import { diagnoseAndRepair, MAX_ISSUES, MAX_SLIPS } from '../../../src/json/syntax/diagnosis.js';
import { findMergeMarkers } from '../../../src/text/merge-conflicts.js';
import { runRules } from '../../helpers/fixture.js';
import { validConnectorFiles, validSwagger } from '../../helpers/valid-connector.js';

// Git's conflict markers in a swagger gave 13 GEN-JSON-PARSE errors of wrong advice (`write "="`,
// "write ':' instead of '='") and `validate --fix` gave up (walk s39, F6). Each conflict is now one
// finding on its first marker line, the cascade is gone, and slips elsewhere are still reported.

const noDescription = (characters: readonly number[]) => characters.map(String).join(' ');

/** A swagger laid out as editors write it, its title line replaced by `conflict` (lines 4-8 for five lines). */
function swaggerWithConflict(conflict: string[], eol = '\n'): string {
  const lines = JSON.stringify(validSwagger(), null, 2).split('\n');
  const title = lines.findIndex((line) => line.includes('"title"'));
  lines.splice(title, 1, ...conflict);
  return lines.join(eol);
}

const TWO_TITLES = [
  '<<<<<<< HEAD',
  '    "title": "Contoso Tasks",',
  '=======',
  '    "title": "Contoso Work Items",',
  '>>>>>>> feature',
];

function messagesAndLines(text: string): [number, string][] {
  const document = JsonDocument.parse(text);
  return document.syntaxIssues.map((issue) => [document.position(issue.offset).line, issue.message]);
}

const CONFLICT_MESSAGE = expect.stringMatching(
  /^An unresolved merge conflict starts here and ends with '>>>>>>>': keep one side \(or combine the two\) and remove the marker lines/,
);

describe('a merge conflict in a JSON file', () => {
  it('is one issue on its first marker line, and the file is read as the first side has it', () => {
    const text = swaggerWithConflict(TWO_TITLES);
    expect(messagesAndLines(text)).toEqual([[4, CONFLICT_MESSAGE]]);
    const document = JsonDocument.parse(text);
    expect((document.value as { info: { title: string } }).info.title).toBe('Contoso Tasks');
  });

  it("is one issue with diff3's base section too, and with CR LF line endings", () => {
    const diff3 = [
      '<<<<<<< ours',
      '    "title": "Contoso Tasks",',
      '||||||| base',
      '    "title": "Contoso",',
      '=======',
      '    "title": "Contoso Work Items",',
      '>>>>>>> theirs',
    ];
    expect(messagesAndLines(swaggerWithConflict(diff3))).toEqual([[4, CONFLICT_MESSAGE]]);
    expect(messagesAndLines(swaggerWithConflict(TWO_TITLES, '\r\n'))).toEqual([[4, CONFLICT_MESSAGE]]);
  });

  it('spans the whole conflict, and gives the closing marker as its other place', () => {
    const text = swaggerWithConflict(TWO_TITLES);
    const [conflict] = findMergeMarkers(text).conflicts;
    const [issue] = JsonDocument.parse(text).syntaxIssues;
    expect(text.slice(issue!.offset, issue!.offset + issue!.length)).toBe(TWO_TITLES.join('\n'));
    expect(issue!.others).toEqual({ offsets: [conflict!.closer], wording: 'line', at: expect.any(Number) });
  });

  it('is one issue each, and leaves the slips elsewhere in the file to be reported', () => {
    const host = [
      '<<<<<<< HEAD',
      '  "host": "api.contoso.com",',
      '=======',
      '  "host": "tasks.contoso.com",',
    ];
    const conflicts = swaggerWithConflict(TWO_TITLES).replace(
      '  "host": "api.contoso.com",',
      [...host, '>>>>>>> b'].join('\n'),
    );
    // A trailing comma after the conflicts, and a comma missing before them.
    const text = conflicts
      .replace('"swagger": "2.0",', '"swagger": "2.0"')
      .replace('"schemes": [\n    "https"\n  ]', '"schemes": [\n    "https",\n  ]');
    const issues = messagesAndLines(text);
    expect(issues.map(([, message]) => message)).toEqual([
      expect.stringMatching(/comma/),
      CONFLICT_MESSAGE,
      CONFLICT_MESSAGE,
      expect.stringMatching(/trailing comma/i),
    ]);
    expect(issues.map(([line]) => line)).toEqual([2, 4, 17, 24]);
  });

  it('is no conflict when a marker is missing or longer than git writes it: its other markers are leftovers', () => {
    for (const conflict of [
      TWO_TITLES.filter((line) => !line.startsWith('=')),
      TWO_TITLES.map((line) => (line.startsWith('<') ? `<${line}` : line)),
    ]) {
      const text = swaggerWithConflict(conflict);
      const { conflicts, leftovers } = findMergeMarkers(text);
      expect(conflicts).toEqual([]);
      expect(leftovers.map(({ start, end }) => text.slice(start, end))).toEqual(
        conflict.filter((line) => /^(<{7}|={7}|>{7}) ?/.test(line) && !line.startsWith('<<<<<<<<')),
      );
    }
  });

  it('counts toward the issues listed, and past them toward the count of the rest', () => {
    const many = Array.from({ length: MAX_ISSUES + 2 }, (_, index) =>
      ['<<<<<<< HEAD', `"a${index}": 1,`, '=======', `"a${index}": 2,`, '>>>>>>> b'].join('\n'),
    );
    const { issues, slips } = diagnoseAndRepair(`{\n${many.join('\n')}\n"z": 0\n}`, noDescription);
    expect(slips).toBe(MAX_ISSUES + 2);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.at(-1)).toMatchObject({ unlisted: 2 });
  });

  it('counts a conflict with the slips after it past the 20 listed, from the first slip it pushed out', () => {
    // A conflict and 21 single-quoted keys: the conflict is listed first, so the 20th key is no
    // longer listed either, and the count is of both keys, at the 20th, not the rest's own count.
    const members = Array.from({ length: MAX_ISSUES + 1 }, (_, i) => `\n    'k${i}': ${i},`).join('');
    const text = `{\n${TWO_TITLES.join('\n')}\n  "x": {${members}\n    "z": 0\n  }\n}\n`;
    const { issues, slips } = diagnoseAndRepair(text, noDescription);
    expect(slips).toBe(MAX_ISSUES + 2);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.at(-1)).toMatchObject({ unlisted: 2, offset: text.indexOf(`'k${MAX_ISSUES - 1}'`) });
  });

  it('leaves the refusal of a text of too many slips last, not a count of the rest', () => {
    // The refusal carries no count: read as one more listed issue, it was sorted among the others,
    // cut with those past the 20th, and replaced by "982 more findings … are not listed".
    const members = Array.from({ length: MAX_SLIPS + 1 }, (_, i) => `\n    'k${i}': ${i},`).join('');
    const text = `{\n${TWO_TITLES.join('\n')}\n  "x": {${members}\n    "z": 0\n  }\n}\n`;
    const { issues, slips, refused } = diagnoseAndRepair(text, noDescription);
    expect({ slips, refused }).toEqual({ slips: MAX_SLIPS + 2, refused: true });
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[0]!.message).toEqual(CONFLICT_MESSAGE);
    expect(issues.at(-1)!.message).toMatch(/^The file has more than 1,000 JSON syntax errors/);
    expect(issues.at(-1)!.unlisted).toBeUndefined();
  });
});

describe('validate --fix of a file with a merge conflict', () => {
  it('chooses no side, and says so on the conflict', () => {
    const text = swaggerWithConflict(TWO_TITLES).replace('"2.0",', '"2.0",,');
    expect(fixJsonText(text)).toEqual({
      outcome: 'not-fixed',
      reason:
        'it has an unresolved merge conflict at line 4, and --fix does not choose a side; keep the one you mean and remove the markers, then run validate --fix again for the others.',
    });
  });
});

describe('GEN-JSON-PARSE of a merge conflict', () => {
  it('names the line of the closing marker, and offers no --fix', async () => {
    const files = { ...validConnectorFiles(), 'apiDefinition.swagger.json': swaggerWithConflict(TWO_TITLES) };
    const findings = await runRules(files, ['GEN-JSON-PARSE']);
    expect(findings.map(({ line, endLine, message }) => ({ line, endLine, message }))).toEqual([
      {
        line: 4,
        endLine: 8,
        message:
          "An unresolved merge conflict starts here and ends with '>>>>>>>' at line 8: keep one side (or combine the two) and remove the marker lines (<<<<<<<, =======, >>>>>>>, and ||||||| if any). Until then the rest of the file is checked as the first side has it.",
      },
    ]);
  });
});

// A half-resolved conflict (walk s39 review, R5): one `=======` left after keeping a side gave eight
// errors of wrong edits (`write "="`, "write ':' instead"), an unclosed `<<<<<<<` fourteen.
const LEFTOVER_MESSAGE = expect.stringMatching(
  /^A merge-conflict marker left over \(([=<>]|\|){7}\) outside any complete conflict: remove this line/,
);

describe('a merge-conflict marker left over outside a complete conflict', () => {
  const resolvedBut = (stray: string) => swaggerWithConflict(['    "title": "Contoso Tasks",', stray]);

  it('is one issue on its line, for each marker git writes, and the rest is read without it', () => {
    for (const stray of ['=======', '<<<<<<< HEAD', '>>>>>>> feature', '||||||| base']) {
      const text = resolvedBut(stray);
      expect([stray, messagesAndLines(text)]).toEqual([stray, [[5, LEFTOVER_MESSAGE]]]);
      expect((JsonDocument.parse(text).value as { info: { title: string } }).info.title).toBe(
        'Contoso Tasks',
      );
    }
  });

  it('is one issue per marker of a conflict that never closes, without the cascade', () => {
    const unclosed = TWO_TITLES.filter((line) => !line.startsWith('>'));
    const text = swaggerWithConflict(unclosed).replace('    "title": "Contoso Work Items",\n', '');
    expect(messagesAndLines(text)).toEqual([
      [4, LEFTOVER_MESSAGE],
      [6, LEFTOVER_MESSAGE],
    ]);
  });

  it('is removed by validate --fix, line and all, as it is a fix and no choice of a side', () => {
    const text = resolvedBut('=======');
    expect(fixJsonText(text)).toEqual({
      outcome: 'fixed',
      text: swaggerWithConflict(['    "title": "Contoso Tasks",']),
      slips: 1,
    });
  });
});

// An add/add conflict whose first side is empty said "The file ends before undefined is closed: …
// adding '' would close it" (review R6).
describe('a conflict whose first side is all the file would be', () => {
  it('is the one issue, saying that nothing else is checked', () => {
    expect(messagesAndLines('<<<<<<< HEAD\n=======\n{ "properties": {} }\n>>>>>>> b\n')).toEqual([
      [
        1,
        expect.stringMatching(
          /remove the marker lines .*\. Read as its first side has it, the file is empty, so nothing else in it is checked until then\.$/,
        ),
      ],
    ]);
  });

  it('says the file holds no value where nothing was opened, naming no bracket', () => {
    // Below blank lines, so that the comment's issue is not at the end's place, which drops the latter;
    // the file's is at its start, and issues are listed by place.
    expect(messagesAndLines('\n\n// only a comment\n')).toEqual([
      [1, "The file holds no JSON value: a connector file is one JSON object, '{ … }'."],
      [3, expect.stringMatching(/^Comments are not allowed in JSON/)],
    ]);
  });
});

// A file whose end lies in a conflict, the '}' on its other side only, said "The file ends before
// the '{' at line 1 is closed: add '}' at the end" beside the conflict (session 41): the first side
// read lacks it because of the conflict, and once the other side is kept the '}' is there.
describe('a conflict that ends the file', () => {
  it('is the one issue, without a missing closer that its other side holds', () => {
    for (const text of [
      '{"a":1\n<<<<<<< HEAD\n=======\n}\n>>>>>>> x',
      '{\n  "a": 1\n<<<<<<< HEAD\n=======\n}\n>>>>>>> x\n\n',
      '{\n  "a": {\n    "b": 1\n<<<<<<< HEAD\n  }\n=======\n  }\n}\n>>>>>>> x\n',
    ]) {
      expect([text, messagesAndLines(text).map(([, message]) => message)]).toEqual([
        text,
        [CONFLICT_MESSAGE],
      ]);
      expect(JsonDocument.parse(text).value).toMatchObject({ a: expect.anything() });
    }
  });

  it('is no cut-off file where its first side leaves several brackets open, and its value is read', () => {
    // Two brackets left open by the first side (or a '/*' there that runs to the end) would say the
    // file was cut off, and nothing of its value would be judged; the other side holds the closers.
    const twoOpen = '{"a": {"b": 1\n<<<<<<< HEAD\n=======\n}}\n>>>>>>> x\n';
    const comment = '{"a": {"b": 1\n<<<<<<< HEAD\n/* note\n=======\n}}\n>>>>>>> x\n';
    for (const text of [twoOpen, comment]) {
      expect(diagnoseAndRepair(text, noDescription).cutOffAt).toBeUndefined();
      expect(JsonDocument.parse(text).value).toEqual({ a: { b: 1 } });
    }
    expect(messagesAndLines(twoOpen)).toEqual([[2, CONFLICT_MESSAGE]]);
    expect(messagesAndLines(comment)).toEqual([
      [2, CONFLICT_MESSAGE],
      [3, expect.stringMatching(/^This '\/\*' comment is never closed/)],
    ]);
  });

  it('still lets a missing closer before a conflict in the middle of the file be said', () => {
    const text = '{\n  "a": 1\n<<<<<<< HEAD\n  , "b": 2\n=======\n  , "b": 3\n>>>>>>> x\n  , "c": 4\n';
    expect(messagesAndLines(text)).toEqual([
      [3, CONFLICT_MESSAGE],
      [8, expect.stringMatching(/^The file ends before the '\{' at line 1 is closed: add '\}'/)],
    ]);
  });
});
