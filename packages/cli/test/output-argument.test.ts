import { describe, expect, it } from '@jest/globals';
import { Command } from 'commander';
import { outputOptionAdvice, writesToArgument } from '../src/output-argument.js';

/** A program with pack as the CLI declares it: the path it writes is its second argument. */
function program(): Command {
  const root = new Command('connector-alm').option('--debug');
  writesToArgument(root.command('pack'), 'solution.zip')
    .argument('<folder>')
    .argument('<solution.zip>')
    .option('--package-type <type>');
  root.command('validate').argument('<paths...>');
  return root;
}

/** The advice for `argv`, where commander named `flag` as the unknown option (the word as written). */
function advice(argv: string[], flag: string): string | undefined {
  return outputOptionAdvice(program(), argv, flag, 'linux');
}

const SAID = 'pack takes the path it writes as its argument <solution.zip>';

describe('outputOptionAdvice with the path attached to the option', () => {
  // Commander names the whole word of an unknown option ("unknown option '--out=out.zip'"); the
  // advice names the option and puts its path at the argument's place, as for `--out out.zip`.
  it.each([
    [['pack', 'src', '-oout.zip'], '-oout.zip', '-o'],
    [['pack', '-o=out.zip', 'src'], '-o=out.zip', '-o'],
    [['pack', 'src', '--output=out.zip'], '--output=out.zip', '--output'],
    [['pack', '--out=out.zip', 'src'], '--out=out.zip', '--out'],
  ])('%j: the path at the place of <solution.zip>', (argv, flag, option) => {
    expect(advice(argv, flag)).toBe(
      `unknown option '${option}': ${SAID}. Write it without ${option}: connector-alm pack src out.zip`,
    );
  });

  it('keeps the other options, and quotes a path with a space', () => {
    expect(
      advice(['pack', '--output=my out.zip', 'src', '--package-type', 'both'], '--output=my out.zip'),
    ).toBe(
      `unknown option '--output': ${SAID}. Write it without --output: connector-alm pack src 'my out.zip' --package-type both`,
    );
  });

  it('says the argument is given already when it is', () => {
    expect(advice(['pack', 'src', 'a.zip', '--out=b.zip'], '--out=b.zip')).toBe(
      `unknown option '--out': ${SAID}, given already: a.zip. Write it once, without --out: connector-alm pack src a.zip`,
    );
  });

  // `--output=$OUT` with OUT unset: a line with '' at the argument's place would be refused for it.
  it.each([
    [['pack', 'src', '--output='], '--output=', '--output'],
    [['pack', 'src', '-o='], '-o=', '-o'],
    [['pack', 'src', '-o', ''], '-o', '-o'],
  ])('%j: an empty path marks the place of <solution.zip>', (argv, flag, option) => {
    expect(advice(argv, flag)).toBe(
      `unknown option '${option}': ${SAID}. Write it without ${option}: connector-alm pack src <solution.zip>`,
    );
  });

  it.each([
    [['pack', 'src', 'out.zip', '--outfile=x.zip'], '--outfile=x.zip'],
    [['pack', 'src', 'out.zip', '--out-file'], '--out-file'],
    [['validate', 'src', '--output=report.json'], '--output=report.json'],
  ])('%j: none for another option, or a command that takes no such argument', (argv, flag) => {
    expect(advice(argv, flag)).toBeUndefined();
  });
});
