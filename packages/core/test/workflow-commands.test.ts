import { describe, expect, it } from '@jest/globals';
import { parseWorkflowCommands } from '@connector-alm/testing';
import { inertToRunner } from '../src/index.js';

describe('inertToRunner', () => {
  it('fences text that could hold a command, so the runner carries out none of it', () => {
    const hostile = 'Contoso\n::error file=README.md::pwned\r::stop-commands::\n##[add-mask]x';
    const printed = inertToRunner(hostile);
    expect(printed).toContain(hostile);
    const carriedOut = parseWorkflowCommands(printed).commands.map((command) => command.command);
    // Only the fence itself: stop-commands and the resume token.
    expect(carriedOut).toEqual(['stop-commands', expect.stringMatching(/^connector-alm-/)]);
  });

  it('leaves other text as it is, and ends fenced text with a line break', () => {
    expect(inertToRunner('plain text')).toBe('plain text');
    expect(inertToRunner('a ::b', () => 'T')).toBe('::stop-commands::T\na ::b\n::T::\n');
    // The resume token on a line of its own, whatever line breaks the text has at either end.
    expect(inertToRunner('a ::b\n', () => 'T')).toBe('::stop-commands::T\na ::b\n::T::\n');
    expect(inertToRunner('\na ::b', () => 'T')).toBe('::stop-commands::T\n\na ::b\n::T::\n');
  });
});
