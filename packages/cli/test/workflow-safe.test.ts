import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseWorkflowCommands, temporaryFolder } from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';
import { runCli } from '../src/program.js';
import { inertToWorkflowCommands } from '../src/workflow-safe.js';
import { memoryIo } from './memory-io.js';

const root = temporaryFolder('cli-workflow-safe-');

/**
 * A connector from a stranger's pull request: its title is reported by SWG-INFO-TITLE-LEN and its
 * operation is deleted in the new version, so both texts reach the reports.
 */
function hostileConnector(name: string, withOperation: boolean): string {
  const folder = path.join(root, name, 'certified-connectors', 'Contoso Tasks');
  mkdirSync(folder, { recursive: true });
  const swagger = validSwagger();
  swagger.info.title = 'Tasks ##[error]pwned by the title, which is long';
  const operations = swagger.paths['/tasks/{taskId}'] as Record<string, { operationId?: string }>;
  operations.get!.operationId = 'x\n::error::pwned by an operation';
  if (!withOperation) delete swagger.paths['/tasks/{taskId}'];
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  return folder;
}

const IN_ACTIONS = { GITHUB_ACTIONS: 'true' };

describe('the CLI in a GitHub Actions run: step', () => {
  it('prints reports that the runner does not carry out as workflow commands', async () => {
    const before = hostileConnector('old', true);
    const after = hostileConnector('new', false);
    for (const argv of [
      ['validate', after],
      ['validate', after, '--format', 'json'],
      ['validate', after, '--format', 'sarif'],
      ['diff', before, after],
      ['diff', before, after, '--format', 'json'],
    ]) {
      const io = memoryIo(root, IN_ACTIONS);
      await runCli(argv, io);
      if (argv[0] === 'validate') expect(io.out()).toContain('pwned');
      const carriedOut = parseWorkflowCommands(io.out()).commands.filter(
        (command) => command.command !== 'stop-commands' && !command.command.startsWith('connector-alm-'),
      );
      expect({ argv: argv.join(' '), carriedOut }).toEqual({ argv: argv.join(' '), carriedOut: [] });
    }
  });

  it('prints what the solution commands report inert too: a connector title is its display name there', async () => {
    const connector = hostileConnector('solution', true);
    const zip = path.join(root, 'solution', 'Hostile.zip');
    const solutionCommands = [
      [
        'build-solution',
        connector,
        '--out',
        zip,
        '--unique-name',
        'Hostile',
        '--publisher',
        'contoso',
        '--prefix',
        'contoso',
      ],
      [
        'build-solution',
        connector,
        '--out',
        zip,
        '--unique-name',
        'Hostile',
        '--publisher',
        'contoso',
        '--prefix',
        'contoso',
        '--format',
        'json',
      ],
      ['extract-connectors', zip, path.join(root, 'solution', 'text')],
      ['extract-connectors', zip, path.join(root, 'solution', 'json'), '--format', 'json'],
      ['unpack', zip, path.join(root, 'solution', 'unpacked'), '--format', 'json'],
      [
        'pack',
        path.join(root, 'solution', 'unpacked'),
        path.join(root, 'solution', 'Packed.zip'),
        '--format',
        'json',
      ],
    ];
    for (const argv of solutionCommands) {
      const io = memoryIo(root, IN_ACTIONS);
      expect({ argv: argv.join(' '), exitCode: await runCli(argv, io), err: io.err() }).toEqual({
        argv: argv.join(' '),
        exitCode: 0,
        err: '',
      });
      if (argv[0] !== 'unpack' && argv[0] !== 'pack') expect(io.out()).toContain('pwned');
      const carriedOut = parseWorkflowCommands(io.out()).commands.filter(
        (command) => command.command !== 'stop-commands' && !command.command.startsWith('connector-alm-'),
      );
      expect({ argv: argv.join(' '), carriedOut }).toEqual({ argv: argv.join(' '), carriedOut: [] });
    }
  });

  it('keeps JSON the same to a JSON reader', async () => {
    const io = memoryIo(root, IN_ACTIONS);
    await runCli(['validate', hostileConnector('json', true), '--format', 'json'], io);
    const messages = (JSON.parse(io.out()) as { findings: { message: string }[] }).findings.map(
      (finding) => finding.message,
    );
    expect(messages.some((message) => message.includes('##[error]pwned'))).toBe(true);
  });
});

describe('inertToWorkflowCommands', () => {
  it('fences text only in GitHub Actions, and only when it could hold a command', () => {
    const token = () => 'T';
    expect(inertToWorkflowCommands('a\n::error::b\n', 'text', IN_ACTIONS, token)).toBe(
      '::stop-commands::T\na\n::error::b\n::T::\n',
    );
    expect(inertToWorkflowCommands('a\n::error::b\n', 'text', {}, token)).toBe('a\n::error::b\n');
    expect(inertToWorkflowCommands('plain\n', 'text', IN_ACTIONS, token)).toBe('plain\n');
    expect(inertToWorkflowCommands('{"a":"##[error]"}', 'json', {}, token)).toBe('{"a":"#\\u0023[error]"}');
  });
});
