import { describe, expect, it } from '@jest/globals';
import { compareWithBaseline, markBaseline } from '../../src/diff/baseline.js';
import { locatedFinding, type Finding, type FindingFields } from '../../src/model/finding.js';
import { unlistedMessage } from '../../src/model/unlisted-message.js';
import { namePlaces } from '../../src/model/other-places.js';

function finding(connector: string, overrides: Partial<FindingFields>): Finding {
  return locatedFinding({
    ruleId: 'SWG-X',
    severity: 'error',
    message: 'Bad.',
    file: `${connector}/apiDefinition.swagger.json`,
    line: 1,
    column: 1,
    connector,
    ...overrides,
  });
}

/**
 * A message with the lines of its other places written in, as the engine writes them, and the
 * finding's fields that go with it. Each offset stands for the line of its number.
 */
function withPlaces(message: string, lines: number[]): Partial<FindingFields> {
  return namePlaces(message, { offsets: lines, wording: 'repeated' }, (line) => ({ line, column: 1 }));
}

/** A finding of a problem of parts, as README-OPS-MATCH names the operations a readme does not list. */
const missing = (names: string[], pointer = '/paths/~1a') => ({
  ruleId: 'README-OPS-MATCH',
  pointer,
  message: `${names.length} operations are not listed: ${names.join(', ')}.`,
  parts: { problem: 'Operations are not listed.', names },
});

const current = (overrides: Partial<FindingFields>) => finding('certified-connectors/A', overrides);
const base = (overrides: Partial<FindingFields>) => finding('/tmp/base-1/certified-connectors/A', overrides);

describe('markBaseline', () => {
  it('matches on rule, connector-relative file, pointer and message, whatever the line', () => {
    const marked = markBaseline(
      [current({ pointer: '/info', line: 40 }), current({ pointer: '/host', line: 2 })],
      [base({ pointer: '/info', line: 4 })],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['existing', 'new']);
  });

  it('matches a file whose name changed case only: the same connector file', () => {
    const marked = compareWithBaseline(
      [current({ pointer: '/info', file: 'certified-connectors/A/apiDefinition.Swagger.json' })],
      [base({ pointer: '/info' })],
    );
    expect(marked.findings.map((f) => f.baseline)).toEqual(['existing']);
    expect(marked.fixed).toEqual([]);
  });

  it('falls back to rule, file and message when the pointer moved (a parameter inserted before it)', () => {
    const message = "The parameter 'x' has no summary.";
    const marked = markBaseline(
      [current({ pointer: '/paths/~1a/get/parameters/1', message })],
      [base({ pointer: '/paths/~1a/get/parameters/0', message })],
    );
    expect(marked[0]!.baseline).toBe('existing');
  });

  it('falls back to rule, file and message when the pointer moved elsewhere (a path renamed)', () => {
    // Without a view of the current version, every base place counts as gone.
    const message = "The operation 'List' has no description.";
    const marked = markBaseline(
      [current({ pointer: '/paths/~1v2~1items/get', message })],
      [base({ pointer: '/paths/~1items/get', message })],
    );
    expect(marked[0]!.baseline).toBe('existing');
  });

  it('matches a message that quotes its connector folder, checked out elsewhere at the base', () => {
    const marked = markBaseline(
      [current({ message: 'See certified-connectors/A/readme.md.' })],
      [base({ message: 'See /tmp/base-1/certified-connectors/A/readme.md.' })],
    );
    expect(marked[0]!.baseline).toBe('existing');
  });

  it('counts: a problem that now occurs twice is once existing and once new', () => {
    const readme = { file: 'certified-connectors/A/readme.md', message: 'TODO left.' };
    const marked = markBaseline(
      [current({ ...readme, line: 3 }), current({ ...readme, line: 9 })],
      [base({ ...readme, file: '/tmp/base-1/certified-connectors/A/readme.md', line: 3 })],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['existing', 'new']);
  });

  it('does not let a loose match steal a base finding matched exactly', () => {
    const marked = markBaseline(
      [current({ pointer: '/b' }), current({ pointer: '/a' })],
      [base({ pointer: '/a' })],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['new', 'existing']);
  });

  it('matches a finding that names the other places of its problem whatever those places now are', () => {
    // GEN-SECRETS: one key in ten places is one finding. Lines inserted above, three places cleaned:
    // the same leak, not a new one. Another key is new.
    const leak = 'This URL carries its api_key in the query (9f8c****** (32 characters)).';
    const readme = { ruleId: 'GEN-SECRETS', file: 'certified-connectors/A/readme.md' };
    const inBase = { ...readme, file: '/tmp/base-1/certified-connectors/A/readme.md' };
    const marked = markBaseline(
      [
        current({ ...readme, line: 8, ...withPlaces(leak, [12, 12, 30, 31, 40, 41]) }),
        current({ ...readme, line: 9, message: leak.replace('9f8c', '7c1e') }),
      ],
      [base({ ...inBase, line: 5, ...withPlaces(leak, [9, 9, 9, 27, 28, 37, 38, 39, 50]) })],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['existing', 'new']);
    // Cleaned down to one place, it is still the base's finding.
    expect(
      markBaseline(
        [current({ ...readme, message: leak })],
        [base({ ...inBase, ...withPlaces(leak, [9]) })],
      )[0]!.baseline,
    ).toBe('existing');
  });

  it('tells apart problems whose messages read alike but whose identities differ', () => {
    // GEN-SECRETS masks a secret: another key of the same kind and length reads the same.
    const leak = {
      ruleId: 'GEN-SECRETS',
      message: 'The api_key 9f8c****** (32 characters) looks like a real secret.',
    };
    const marked = markBaseline(
      [current({ ...leak, identity: 'new key' }), current({ ...leak, identity: 'old key', line: 9 })],
      [base({ ...leak, identity: 'old key' })],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['new', 'existing']);
  });

  describe('a finding that says the same at another place', () => {
    const binary = (pointer: string) => ({ ruleId: 'SWG-BINARY-POS', pointer, message: 'Binary is nested.' });
    const kept =
      (...pointers: string[]) =>
      (baseFinding: Finding) =>
        pointers.includes(baseFinding.pointer!);

    it('is new, and the base finding fixed, when the base place is still there', () => {
      const { findings, fixed } = compareWithBaseline(
        [current(binary('/definitions/B/properties/file'))],
        [base(binary('/definitions/A/properties/file'))],
        kept('/definitions/A/properties/file'),
      );
      expect(findings.map((f) => f.baseline)).toEqual(['new']);
      expect(fixed.map((f) => f.pointer)).toEqual(['/definitions/A/properties/file']);
    });

    it('is existing when the base place is gone (a definition renamed)', () => {
      const { findings, fixed } = compareWithBaseline(
        [current(binary('/definitions/B/properties/file'))],
        [base(binary('/definitions/A/properties/file'))],
        kept(),
      );
      expect(findings.map((f) => f.baseline)).toEqual(['existing']);
      expect(fixed).toEqual([]);
    });

    it('is existing when only array entries on the way moved, though the base place is there', () => {
      const { findings } = compareWithBaseline(
        [current(binary('/paths/~1a/post/parameters/2/schema'))],
        [base(binary('/paths/~1a/post/parameters/1/schema'))],
        kept('/paths/~1a/post/parameters/1/schema'),
      );
      expect(findings.map((f) => f.baseline)).toEqual(['existing']);
    });

    it('is existing when the entries that moved are numbered past nine', () => {
      // A parameter inserted before the tenth: /parameters/9 is now /parameters/10, and an index of
      // two digits is an array entry on the way as much as one of one digit.
      const { findings } = compareWithBaseline(
        [current(binary('/paths/~1a/post/parameters/10/schema'))],
        [base(binary('/paths/~1a/post/parameters/9/schema'))],
        kept('/paths/~1a/post/parameters/9/schema'),
      );
      expect(findings.map((f) => f.baseline)).toEqual(['existing']);
    });

    it('pairs each with the base finding at its own place, before one at another', () => {
      // Two paths each had a parameter inserted, and both base places are still there (other
      // parameters now): each is the same finding moved by the insert, not one fixed and one new.
      const summary = (pointer: string) => ({ ruleId: 'SWG-END-ALNUM', pointer, message: 'Ends badly.' });
      const { findings, fixed } = compareWithBaseline(
        [
          current(summary('/paths/~1entity/post/parameters/4')),
          current(summary('/paths/~1children/post/parameters/6')),
        ],
        [
          base(summary('/paths/~1children/post/parameters/5')),
          base(summary('/paths/~1entity/post/parameters/3')),
        ],
        kept('/paths/~1children/post/parameters/5', '/paths/~1entity/post/parameters/3'),
      );
      expect(findings.map((f) => f.baseline)).toEqual(['existing', 'existing']);
      expect(fixed).toEqual([]);
    });
  });

  describe('a problem of parts, which one finding names (the operations a readme does not list)', () => {
    it('is the same problem while its parts are fixed, whatever the message now says', () => {
      const { findings, fixed } = compareWithBaseline(
        [current(missing(['B', 'C']))],
        [base(missing(['A', 'B', 'C']))],
      );
      expect(findings.map((f) => f.baseline)).toEqual(['existing']);
      expect(fixed).toEqual([]);
    });

    it('names the parts the change fixed, and marks the finding fixed in part', () => {
      const { findings } = compareWithBaseline(
        [current(missing(['B', 'D']))],
        [base(missing(['A', 'B', 'C', 'D']))],
      );
      expect(findings.map((f) => [f.baseline, f.message, f.partsFixed])).toEqual([
        ['existing', "2 operations are not listed: B, D. Fixed since the base: 'A', 'C'.", ['A', 'C']],
      ]);
    });

    it('adds no note to a finding that kept every part', () => {
      const { findings } = compareWithBaseline([current(missing(['A', 'B']))], [base(missing(['B', 'A']))]);
      expect(findings.map((f) => [f.baseline, f.message, f.partsFixed])).toEqual([
        ['existing', '2 operations are not listed: A, B.', undefined],
      ]);
    });

    it('names the parts as the message writes them, where it names them otherwise', () => {
      // README-OPS-MATCH tells operations apart by operationId and lists them by summary.
      const bySummary = (ids: string[]) => ({
        ...missing(ids.map((id) => `"${id.toLowerCase()}"`)),
        parts: {
          problem: 'Operations are not listed.',
          names: ids,
          shown: ids.map((id) => `"${id.toLowerCase()}"`),
        },
      });
      const { findings } = compareWithBaseline(
        [current(bySummary(['GetA', 'GetC'])), current({ ...bySummary(['GetX']), pointer: '/x' })],
        [base(bySummary(['GetA', 'GetB', 'GetC'])), base({ ...bySummary(['GetY', 'GetZ']), pointer: '/x' })],
      );
      expect(findings.map((f) => f.message)).toEqual([
        '2 operations are not listed: "geta", "getc". Fixed since the base: "getb".',
        '1 operations are not listed: "getx".',
      ]);
      const grown = compareWithBaseline([current(bySummary(['GetA', 'GetB']))], [base(bySummary(['GetA']))]);
      expect(grown.findings.map((f) => f.message)).toEqual([
        '2 operations are not listed: "geta", "getb". New since the base: "getb".',
      ]);
    });

    // PDF4me's bdea84c7 gave an operation another summary and a new operation the old one.
    it('tells a part added and a part fixed that the message writes alike apart by their names', () => {
      const listed = (ids: string[], shown: string[]) => ({
        ...missing(shown),
        parts: { problem: 'Operations are not listed.', names: ids, shown },
      });
      const { findings } = compareWithBaseline(
        [current(listed(['GetA', 'FillForm2'], ['"Get a"', '"Fill a form"']))],
        [base(listed(['GetA', 'FillForm'], ['"Get a"', '"Fill a form"']))],
      );
      expect(findings.map((f) => f.message)).toEqual([
        '2 operations are not listed: "Get a", "Fill a form". New since the base: "Fill a form" (FillForm2). Fixed since the base: "Fill a form" (FillForm).',
      ]);
    });

    it('is the same problem when the part it was placed at is fixed (its place moved)', () => {
      const marked = markBaseline(
        [current(missing(['B'], '/paths/~1b'))],
        [base(missing(['A', 'B'], '/paths/~1a'))],
      );
      expect(marked[0]!.baseline).toBe('existing');
    });

    it('is new with a part the base did not have, which it names; the base finding is not fixed', () => {
      const { findings, fixed } = compareWithBaseline(
        [current(missing(['A', 'B', 'D']))],
        [base(missing(['A', 'B']))],
      );
      expect(findings.map((f) => [f.baseline, f.message])).toEqual([
        ['new', "3 operations are not listed: A, B, D. New since the base: 'D'."],
      ]);
      expect(fixed).toEqual([]);
    });

    it('names the parts a swap added and fixed: the finding is new and fixed in part, the base finding not fixed', () => {
      const { findings, fixed } = compareWithBaseline(
        [current(missing(['A', 'D']))],
        [base(missing(['A', 'B']))],
      );
      expect(findings.map((f) => [f.baseline, f.message, f.partsFixed])).toEqual([
        [
          'new',
          "2 operations are not listed: A, D. New since the base: 'D'. Fixed since the base: 'B'.",
          ['B'],
        ],
      ]);
      expect(fixed).toEqual([]);
    });

    it('gives a base finding to the finding that shares the most parts with it, not the first that shares any', () => {
      // Upstream's 7c2cd17a: a response tree's properties split in two schemas, each with one added.
      const { findings, fixed } = compareWithBaseline(
        [current(missing(['K', 'I', 'J'], '/x')), current(missing(['A', 'B', 'C', 'D', 'Z'], '/y'))],
        [base(missing(['A', 'B', 'C', 'D', 'I', 'J']))],
      );
      expect(findings.map((f) => [f.baseline, f.message, f.partsFixed])).toEqual([
        ['new', "3 operations are not listed: K, I, J. New since the base: 'K'.", undefined],
        [
          'new',
          "5 operations are not listed: A, B, C, D, Z. New since the base: 'Z'. Fixed since the base: 'I', 'J'.",
          ['I', 'J'],
        ],
      ]);
      expect(fixed).toEqual([]);
    });

    it('adds no note when no part is shared: every part is new, and the base finding is fixed', () => {
      const { findings, fixed } = compareWithBaseline([current(missing(['D']))], [base(missing(['A']))]);
      expect(findings.map((f) => [f.baseline, f.message])).toEqual([
        ['new', '1 operations are not listed: D.'],
      ]);
      expect(fixed).toHaveLength(1);
    });

    it("takes the base finding that shares the most parts: the other one's problem is fixed", () => {
      const { findings, fixed } = compareWithBaseline(
        [current(missing(['A', 'B', 'D']))],
        [base(missing(['C'], '/paths/~1c')), base(missing(['A', 'B'], '/paths/~1b'))],
      );
      expect(findings.map((f) => f.message)).toEqual([
        "3 operations are not listed: A, B, D. New since the base: 'D'.",
      ]);
      expect(fixed.map((f) => f.message)).toEqual(['1 operations are not listed: C.']);
    });

    it('matches each finding with a base finding that had its parts, not the first that reads alike', () => {
      // Two schemas of one file, each with descriptions that repeat names: the same problem twice.
      const repeats = (names: string[], pointer: string) => ({
        ruleId: 'SWG-DESC-IS-NAME',
        pointer,
        message: `The descriptions of ${names.length} properties only repeat their names.`,
        parts: { problem: 'The descriptions of properties only repeat their names.', names },
      });
      // Both moved (their first property was fixed or renamed): matched loosely, by their parts.
      const marked = markBaseline(
        [current(repeats(['name'], '/definitions/A/name')), current(repeats(['id'], '/definitions/B/x'))],
        [base(repeats(['id', 'name'], '/definitions/A/id')), base(repeats(['id'], '/definitions/B/id'))],
      );
      expect(marked.map((f) => f.baseline)).toEqual(['existing', 'existing']);
    });
  });

  it('tells other files and rules apart', () => {
    const marked = markBaseline(
      [current({ file: 'certified-connectors/A/apiProperties.json' }), current({ ruleId: 'SWG-Y' })],
      [base({})],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['new', 'new']);
  });

  describe('a rule whose findings were capped (1,000 listed, one finding for the rest)', () => {
    const readme = (text: string) => ({ ruleId: 'README-PLACEHOLDER', file: 'readme.md', message: text });
    /** `total` placeholder findings as the engine lists them: the first 1,000, then the rest counted. */
    function capped(
      make: (overrides: Partial<FindingFields>) => Finding,
      total: number,
      skip = -1,
    ): Finding[] {
      const findings: Finding[] = [];
      for (let line = 0; findings.length < 1000 && line < total + 1; line++) {
        if (line !== skip) findings.push(make({ ...readme(`TODO ${line}`), line }));
      }
      const rest = total - 1000;
      if (rest > 0) {
        const unlisted = { count: rest, per: 'connector' } as const;
        findings.push(make({ ...readme(unlistedMessage(rest, 'finding')), line: 2000, unlisted }));
      }
      return findings;
    }
    const connector = 'certified-connectors/A';
    const inBase = (overrides: Partial<FindingFields>) =>
      base({ ...overrides, file: `/tmp/base-1/${connector}/${overrides.file}` });
    const now = (overrides: Partial<FindingFields>) =>
      current({ ...overrides, file: `${connector}/${overrides.file}` });

    it('has all its findings existing when one of 1,500 was fixed (the 1,001st, now listed, too)', () => {
      const marked = markBaseline(capped(now, 1499, 3), capped(inBase, 1500));
      expect(marked.filter((finding) => finding.baseline === 'new')).toEqual([]);
      expect(marked).toHaveLength(1001);
    });

    it('has all its findings existing when one was fixed and another made: its total the same', () => {
      // The 1,001st, listed now, may be one of the base's unlisted ones: nothing got worse.
      const marked = markBaseline(capped(now, 1500, 3), capped(inBase, 1500));
      expect(marked.filter((finding) => finding.baseline === 'new')).toEqual([]);
    });

    it('is matched finding by finding once its total grew, its count of the rest new', () => {
      const marked = markBaseline(capped(now, 1501), capped(inBase, 1500));
      expect(
        marked.filter((finding) => finding.baseline === 'new').map((finding) => finding.message),
      ).toEqual([unlistedMessage(501, 'finding')]);
    });

    it('takes the count from the finding that carries it, not from words that say one', () => {
      // A message that reads as the count of the rest (a readme could quote one) is one finding.
      const quoted = readme(unlistedMessage(1500, 'finding'));
      const marked = markBaseline([now(readme('TODO 1'))], [inBase(quoted)]);
      expect(marked[0]!.baseline).toBe('new');
    });

    it('counts none of its base findings fixed while it still lists some: which are gone cannot be told', () => {
      expect(compareWithBaseline(capped(now, 1200), capped(inBase, 1500)).fixed).toEqual([]);
    });

    it('counts all of its listed base findings fixed once none is left', () => {
      expect(compareWithBaseline([], capped(inBase, 1500)).fixed).toHaveLength(1001);
    });

    it('leaves other rules to the matching', () => {
      const marked = markBaseline(
        [...capped(now, 1499), current({ pointer: '/host' })],
        capped(inBase, 1500),
      );
      expect(marked.at(-1)!.baseline).toBe('new');
    });
  });

  describe('a rule that lists at most 20 findings for a file (GEN-JSON-PARSE), then counts the rest', () => {
    const connector = 'certified-connectors/A';
    const PER_FILE = '20 JSON syntax errors';
    /** `total` syntax errors of `file` as they are listed: the first 20, then the rest counted. */
    function listed(
      make: (overrides: Partial<FindingFields>) => Finding,
      root: string,
      file: string,
      total: number,
    ) {
      const at = { ruleId: 'GEN-JSON-PARSE', file: `${root}${connector}/${file}` };
      const findings = Array.from({ length: Math.min(total, 20) }, (_, line) =>
        make({ ...at, line, message: `Remove the trailing comma ${line}.` }),
      );
      if (total > 20) {
        const message = unlistedMessage(total - 20, 'finding', PER_FILE);
        findings.push(make({ ...at, line: 99, message, unlisted: { count: total - 20, per: 'file' } }));
      }
      return findings;
    }
    const inBase = (file: string, total: number) => listed(base, '/tmp/base-1/', file, total);
    const now = (file: string, total: number) => listed(current, '', file, total);

    it('settles the capped file alone: errors of another file are new, however many the capped one lost', () => {
      const marked = markBaseline(
        [...now('apiDefinition.swagger.json', 20), ...now('apiProperties.json', 3)],
        inBase('apiDefinition.swagger.json', 25),
      );
      expect(marked.map((finding) => finding.baseline)).toEqual([
        ...Array(20).fill('existing'),
        ...Array(3).fill('new'),
      ]);
    });

    it('counts a listed error of the settled file fixed, but not the count of the rest', () => {
      // The file's listing is settled (25 errors, now 22), so the count of its rest tells nothing;
      // its listed errors are matched on their place, and the one gone from it is fixed.
      const nowListed = now('apiDefinition.swagger.json', 22);
      const edited = current({ ...nowListed[0]!, message: 'Remove the comment 0.' });
      const { fixed } = compareWithBaseline(
        [edited, ...nowListed.slice(1)],
        inBase('apiDefinition.swagger.json', 25),
      );
      expect(fixed.map((finding) => finding.message)).toEqual(['Remove the trailing comma 0.']);
    });

    it('has all the findings of the file existing when its total did not grow', () => {
      const marked = markBaseline(
        now('apiDefinition.swagger.json', 24),
        inBase('apiDefinition.swagger.json', 25),
      );
      expect(marked.filter((finding) => finding.baseline === 'new')).toEqual([]);
    });
  });
});

describe('compareWithBaseline: what the change fixed', () => {
  it('gives the base findings that no current finding matches, exactly or loosely', () => {
    const { findings, fixed } = compareWithBaseline(
      [current({ pointer: '/info' }), current({ pointer: '/paths/1', message: 'Moved.' })],
      [
        base({ pointer: '/info' }),
        base({ pointer: '/paths/0', message: 'Moved.' }),
        base({ pointer: '/host', message: 'Gone.', line: 7 }),
      ],
    );
    expect(findings.map((f) => f.baseline)).toEqual(['existing', 'existing']);
    expect(fixed.map((f) => [f.pointer, f.line])).toEqual([['/host', 7]]);
  });

  it('counts: a problem that the base had twice and now has once is fixed once', () => {
    const readme = { file: 'certified-connectors/A/readme.md', message: 'TODO left.' };
    const inBase = { ...readme, file: '/tmp/base-1/certified-connectors/A/readme.md' };
    const { fixed } = compareWithBaseline(
      [current({ ...readme, line: 3 })],
      [base({ ...inBase, line: 3 }), base({ ...inBase, line: 9 })],
    );
    expect(fixed).toHaveLength(1);
  });

  it('counts a problem of parts fixed though a finding of the same problem is still there', () => {
    // Two readmes' worth of one problem at the base; the finding at /a stands as it was, and the one
    // at /b is gone: an existing finding takes no other base finding as a grown one would.
    const { findings, fixed } = compareWithBaseline(
      [current(missing(['A', 'B'], '/a'))],
      [base(missing(['A', 'B'], '/a')), base(missing(['A', 'C'], '/b'))],
      (baseFinding) => baseFinding.pointer === '/a',
    );
    expect(findings.map((f) => f.baseline)).toEqual(['existing']);
    expect(fixed.map((f) => f.pointer)).toEqual(['/b']);
  });

  it('fixes nothing when every base finding is still there', () => {
    expect(compareWithBaseline([current({}), current({ pointer: '/x' })], [base({})]).fixed).toEqual([]);
  });
});
