import { describe, expect, it } from '@jest/globals';
import { listItemNames } from '../../src/rules/readme/list-item-names.js';
import { listItemsIn } from '../../src/rules/readme/list-items.js';
import { listedKeys } from '../../src/rules/readme/listed-names.js';
import { listedEntries } from '../../src/rules/readme/loose-names.js';
import { listsSummaries } from '../../src/rules/readme/operation-headings.js';
import { outlineOf, type ReadmeHeading } from '../../src/rules/readme/outline.js';

/**
 * How many characters regular expressions read while `run` runs: from where each search starts to
 * the end of its match, or to the end of its text when nothing matches. Every regular expression's
 * search is counted (RegExp.prototype.exec is what each of them calls), whatever the code under test
 * names it: the work, not the time, which depends on the machine.
 */
function regexWork(run: () => void): number {
  const exec = RegExp.prototype.exec;
  let read = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, input);
    read += (match ? match.index + match[0].length : String(input).length) - from;
    return match;
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return read;
}

/** A readme with `count` headings of one line of text each, none with a list: 20,000 took 8 s. */
function flatReadme(count: number): { text: string; headings: ReadmeHeading[] } {
  const body = Array.from(
    { length: count },
    (_, index) => `### Stale operation ${index}\nIt does a thing.\n`,
  );
  const text = `## Supported Operations\n${body.join('')}`;
  return { text, headings: outlineOf({ text }).headings.slice(1) };
}

describe('list items of a heading', () => {
  const { text, headings } = flatReadme(2_000);
  it.each([
    ['listItemNames', (heading: ReadmeHeading, next?: ReadmeHeading) => listItemNames(text, heading, next)],
    [
      'listsSummaries',
      (heading: ReadmeHeading, next?: ReadmeHeading) =>
        listsSummaries(text, heading, next, new Set(['getatask'])),
    ],
  ])(
    '%s reads only the text of each heading for its list items (read on to the end of the readme)',
    (_, read) => {
      const work = regexWork(() => {
        for (let index = 0; index < headings.length; index++) read(headings[index]!, headings[index + 1]);
      });
      // Each heading's own text once at most (less than the readme's 83 KB in all), not the rest of
      // the readme after each heading (83 MB: 1,000 times as much). Read at all: the count counts.
      expect(work).toBeGreaterThan(0);
      expect(work).toBeLessThanOrEqual(text.length);
    },
  );
  it('finds the items in the heading’s own text, and none under the next heading', () => {
    const text =
      '## Supported Operations\r\n### Tasks\r\n* `Find`: A free text search\r\n  2) Get a task - one\r\n' +
      'Not an item: - here\r\n+\tList tasks\r\n#### Details\r\n- Inner: no\r\n';
    const [, tasks, details] = outlineOf({ text }).headings;
    expect(listItemNames(text, tasks!, details).map((name) => name.trim())).toEqual([
      '`Find`',
      'Get a task',
      'List tasks',
    ]);
    expect(listsSummaries(text, tasks!, details, new Set(['getatask', 'listtasks']))).toBe(true);
    expect(listsSummaries(text, tasks!, details, new Set(['listtasks']))).toBe(false);
    expect(listItemNames(text, details!, undefined)).toEqual(['Inner']);
  });
  it('takes the items of the lines that start in the range, whatever ends the line before', () => {
    // From inside a line that is an item: its rest (" - a") is no item, nor is the line.
    // Each item's first line ends at its line ending, whichever it is: with lone CR endings an item's
    // name ran on to the end of the list.
    for (const eol of ['\n', '\r', '\r\n', '\u2028', '\u2029']) {
      const text = `- - a${eol}- b${eol}- c`;
      const items = listItemsIn(text, 1, text.length);
      const starts = items.map((item) => item.start);
      const firstLines = items.map((item) => text.slice(item.textStart, item.lineEnd));
      expect({ eol, starts, firstLines }).toEqual({
        eol,
        starts: [5 + eol.length, 8 + 2 * eol.length],
        firstLines: ['b', 'c'],
      });
    }
    // From the start of the text, where its first line starts.
    expect(listItemsIn('- a\n- b', 0, 7).map((item) => item.start)).toEqual([0, 4]);
  });
  it('reads the names of a readme with lone CR line endings, each from its own line', () => {
    const text = [
      '## Supported Operations',
      '### Tasks',
      '* List tasks',
      '* Get a task',
      'Gets one task.',
      '',
    ].join('\r');
    const [, tasks] = outlineOf({ text }).headings;
    expect(listItemNames(text, tasks!, undefined)).toEqual(['List tasks', 'Get a task']);
  });
  it('reads a name from the first 200 characters of its line only', () => {
    const text = `## Supported Operations\n### Tasks\n* ${'x'.repeat(250)}: too long a lead-in.\n`;
    const [, tasks] = outlineOf({ text }).headings;
    expect(listItemNames(text, tasks!, undefined)).toEqual(['x'.repeat(200)]);
  });
  it('takes one item for a list of summaries only right under the heading (OpenText eDOCS)', () => {
    const lists = (own: string) => {
      const text = `## Supported Operations\n### Item\n${own}### Next\n`;
      const [, item, next] = outlineOf({ text }).headings;
      return listsSummaries(text, item!, next, new Set(['listtasks']));
    };
    expect(lists('\n* List tasks: all of them.\n')).toBe(true);
    expect(lists('Some text first.\n* List tasks: all of them.\n')).toBe(false);
    expect(lists('Some text, no list.\n')).toBe(false);
  });
});

describe('the names a Supported Operations section lists (listedKeys)', () => {
  it("reads the section's and its groups' own list items, not those under a heading of an operation or a detail", () => {
    const text =
      '## Supported Operations\n* Get task: one task.\n### Create Ticket\n* Priority: high or low.\n' +
      '### Tasks\n* List tasks: all of them.\n#### Details\n* Force: yes or no.\n### Delete Task\n';
    const [section, ...subHeadings] = outlineOf({ text }).headings;
    const keys = listedKeys(text, [
      { section: section!, subHeadings, roles: () => ['operation', 'group', 'detail', 'operation'] },
    ]);
    const entries = (name: string) => [...listedEntries(name)];
    for (const listed of ['Get task', 'Create Ticket', 'List tasks', 'Delete Task']) {
      expect(entries(listed).every((entry) => keys.has(entry))).toBe(true);
    }
    // A parameter of Create Ticket, and a detail of the Tasks group.
    for (const unlisted of ['Priority', 'Force']) {
      expect(entries(unlisted).some((entry) => keys.has(entry))).toBe(false);
    }
  });
});
