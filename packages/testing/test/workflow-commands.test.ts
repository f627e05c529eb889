import { describe, expect, it } from '@jest/globals';
import { parseFileCommands, parseWorkflowCommands } from '../src/workflow-commands.js';

describe('parseWorkflowCommands, as the runner reads a step', () => {
  it('reads escaped data and properties', () => {
    const { annotations } = parseWorkflowCommands(
      '::error file=a%2Cb.json,line=3,title=T%3A1::one%0Atwo %25\n',
    );
    expect(annotations).toEqual([
      { level: 'error', file: 'a,b.json', line: 3, title: 'T:1', message: 'one\ntwo %' },
    ]);
  });

  it('ends a line at CR as well as LF, and takes a command after leading white space, in any case', () => {
    const { annotations, masks } = parseWorkflowCommands(
      'text\r::warning::after CR\n   \t::ERROR::indented\n\u00a0::add-mask::secret\n',
    );
    expect(annotations.map((a) => [a.level, a.message])).toEqual([
      ['warning', 'after CR'],
      ['error', 'indented'],
    ]);
    expect(masks).toEqual(['secret']);
  });

  it('takes the legacy ##[command] form anywhere in a line', () => {
    const { commands, annotations } = parseWorkflowCommands(
      'Operation x ##[error]pwned\nname ##[set-output name=result]success\n',
    );
    expect(annotations).toEqual([{ level: 'error', message: 'pwned' }]);
    expect(commands[1]).toEqual({ command: 'set-output', properties: { name: 'result' }, data: 'success' });
  });

  it('ignores unknown commands and lines without a command', () => {
    expect(parseWorkflowCommands('::nothing::x\na :: b\n##[nothing]x\n').commands).toEqual([]);
  });

  it('carries out nothing between stop-commands and its token, and nothing ever after an empty token', () => {
    const stopped = parseWorkflowCommands(
      '::stop-commands::t0k3n\n::error::inside\n::T0K3N::\n::error::after\n',
    );
    expect(stopped.annotations.map((a) => a.message)).toEqual(['after']);
    const forever = parseWorkflowCommands('::stop-commands::\n::error::inside\n::::\n::error::after\n');
    expect(forever.annotations).toEqual([]);
  });

  it('shares the stop between stdout and stderr, as one command manager reads both', () => {
    expect(parseWorkflowCommands('::stop-commands::x\n', '::error::on stderr\n').annotations).toEqual([]);
    expect(parseWorkflowCommands('', '::error::on stderr\n').annotations).toHaveLength(1);
  });
});

describe('parseFileCommands', () => {
  it('reads name=value lines and heredoc blocks', () => {
    expect(parseFileCommands('a=1\nb<<EOF\nx\ny\nEOF\n')).toEqual({ a: '1', b: 'x\ny' });
  });
});
