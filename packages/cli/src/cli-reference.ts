import type { Argument, Command, Option } from 'commander';
import { isRequired, optionDefault } from './option-help.js';
import { createProgram } from './program.js';
import { processIo } from './io.js';

/*
 * docs/cli.md lists every command's arguments and options, generated from the commander definitions
 * that --help prints, between markers in each command's section:
 *
 *   <!-- cli:validate:start --> … <!-- cli:validate:end -->
 *
 * `npm run docs` rewrites the blocks (scripts/cli-docs.mjs) and a test fails when they differ from
 * what the CLI would generate, so no option can be added without the reference.
 */

export const blockStart = (name: string): string => `<!-- cli:${name}:start -->`;
export const blockEnd = (name: string): string => `<!-- cli:${name}:end -->`;
const ANY_BLOCK_START = /<!-- cli:([^>]*?):start -->/g;

/** The program whose commands the reference documents; its commands are never run. */
export function referenceProgram(): Command {
  const ignore = (): void => undefined;
  return createProgram(
    { io: processIo(), setExit: ignore },
    { writeOut: ignore, writeErr: ignore, outputError: ignore },
  );
}

/** `-h, --help` is on every command; the reference says so once. */
function documentedOptions(command: Command): Option[] {
  return command.options.filter((option) => !option.hidden);
}

/**
 * Every command with arguments or options to list, by the name of its block: the command's words
 * after the program's (`validate`, `package build`), `connector-alm` for the options the program
 * itself takes. A command with nothing to list (`package`, which only holds subcommands) has none.
 */
export function documentedCommands(program: Command): Map<string, Command> {
  const commands = new Map<string, Command>();
  const visit = (command: Command, words: string[]): void => {
    if (command.registeredArguments.length > 0 || documentedOptions(command).length > 0)
      commands.set(words.length > 0 ? words.join(' ') : program.name(), command);
    for (const sub of command.commands) visit(sub, [...words, sub.name()]);
  };
  visit(program, []);
  return commands;
}

/**
 * Plain text as markdown text: characters that would start code, emphasis, a link or an HTML tag
 * are escaped (`<solution-name>.zip` is no tag that GitHub would drop). An underscore inside a word
 * (shift_jis, $GITHUB_TOKEN) starts no emphasis, so it is left as it reads.
 */
function markdownText(text: string): string {
  return text.replace(/[\\`*<>[\]]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (character) => `\\${character}`);
}

const code = (text: string): string => `\`${text}\``;

function valueList(value: unknown): string {
  return (Array.isArray(value) ? value : [value]).map((each) => code(String(each))).join(', ');
}

function argumentTerm(argument: Argument): string {
  const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

function argumentLine(argument: Argument): string {
  const details: string[] = [];
  if (argument.argChoices) details.push(`One of ${valueList(argument.argChoices)}.`);
  if (argument.defaultValueDescription)
    details.push(`Default: ${markdownText(argument.defaultValueDescription)}.`);
  else if (argument.defaultValue !== undefined) details.push(`Default: ${valueList(argument.defaultValue)}.`);
  return item(argumentTerm(argument), argument.description, details);
}

function optionLine(option: Option): string {
  const details: string[] = isRequired(option) ? ['Required.'] : [];
  if (option.argChoices) details.push(`One of ${valueList(option.argChoices)}.`);
  const fallback = optionDefault(option);
  if (option.defaultValueDescription)
    details.push(`Default: ${markdownText(option.defaultValueDescription)}.`);
  else if (fallback !== undefined) details.push(`Default: ${valueList(option.defaultValue)}.`);
  if (option.envVar !== undefined) details.push(`Environment variable: ${code(option.envVar)}.`);
  return item(option.flags, option.description, details);
}

/** A list item: `- \`--flag <value>\`: description. One of …. Default: ….` */
function item(term: string, description: string | undefined, details: string[]): string {
  const text = description ? markdownText(description) : '';
  const sentences = [text && !/[.!?]$/.test(text) ? `${text}.` : text, ...details].filter(Boolean);
  return sentences.length > 0 ? `- ${code(term)}: ${sentences.join(' ')}` : `- ${code(term)}`;
}

/** The markdown block of one command: its arguments, then its options, as its --help lists them. */
export function renderCommandReference(command: Command): string {
  const parts: string[] = [];
  if (command.registeredArguments.length > 0)
    parts.push('Arguments:', command.registeredArguments.map(argumentLine).join('\n'));
  const options = documentedOptions(command);
  if (options.length > 0) parts.push('Options:', options.map(optionLine).join('\n'));
  return parts.join('\n\n');
}

/**
 * `markdown` with the block of every documented command replaced by the one generated now. Throws
 * when a command has no block (a new command needs its section and markers) or a block names no
 * command (one was renamed or removed).
 */
export function withCliReference(markdown: string, program: Command): string {
  const commands = documentedCommands(program);
  const unknown = [...markdown.matchAll(ANY_BLOCK_START)]
    .map((match) => match[1]!)
    .filter((name) => !commands.has(name));
  if (unknown.length > 0)
    throw new Error(`docs/cli.md has option blocks for no command of the CLI: ${unknown.join(', ')}`);
  let result = markdown;
  for (const [name, command] of commands) {
    const start = result.indexOf(blockStart(name));
    const end = result.indexOf(blockEnd(name));
    if (start === -1 || end < start)
      throw new Error(
        `docs/cli.md needs the markers ${blockStart(name)} and ${blockEnd(name)} in the section of "${name}"`,
      );
    result = `${result.slice(0, start + blockStart(name).length)}\n\n${renderCommandReference(command)}\n\n${result.slice(end)}`;
  }
  return result;
}
