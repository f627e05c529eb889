import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { parseWorkflowCommands } from '@connector-alm/testing';
import { createConsoleLogger } from '../src/index.js';

/** Everything a console logger writes, info, warnings and group titles alike. */
async function printed(
  runner: boolean,
  log: (logger: ReturnType<typeof createConsoleLogger>) => Promise<void>,
) {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  await log(createConsoleLogger({ progress: stream, diagnostics: stream, runner }));
  return chunks.join('');
}

const hostile = 'Contoso 1.0.0.3\n::error title=pwned::from a solution';
const logAll = async (logger: ReturnType<typeof createConsoleLogger>) => {
  logger.info(`Imported ${hostile}.`);
  logger.warning(`Skipped: ${hostile}.`);
  await logger.group(`Import ##[error]${hostile}`, async () => undefined);
};

describe('the console logger in a run: step of GitHub Actions (runner)', () => {
  it('keeps line breaks, but no line of a message is carried out as a workflow command', async () => {
    const text = await printed(true, logAll);
    expect(text).toContain(`Imported ${hostile}.`);
    const carriedOut = parseWorkflowCommands(text).commands.map((command) => command.command);
    expect(carriedOut.filter((command) => command === 'error')).toEqual([]);
  });

  it('prints a message without a command as it is', async () => {
    expect(await printed(true, async (logger) => logger.info('Imported Contoso 1.0.0.3.'))).toBe(
      'Imported Contoso 1.0.0.3.\n',
    );
  });

  it('outside the runner, prints messages unfenced', async () => {
    expect(await printed(false, async (logger) => logger.info(`Imported ${hostile}.`))).toBe(
      `Imported ${hostile}.\n`,
    );
  });
});

describe('the console logger on a terminal', () => {
  it('writes progress to one stream and warnings, errors and debug lines to the other', async () => {
    const progress = new PassThrough();
    const diagnostics = new PassThrough();
    const logger = createConsoleLogger({ progress, diagnostics, debug: true });
    await logger.group('Exporting Contoso', async () => logger.info('Exported Contoso 1.0.0.3.'));
    logger.warning('Contoso has no connector.');
    logger.error('The environment refused the request.');
    logger.debug('GET /api/data/v9.2/solutions');
    expect(progress.read()?.toString()).toBe('Exporting Contoso\nExported Contoso 1.0.0.3.\n');
    expect(diagnostics.read()?.toString()).toBe(
      'warning: Contoso has no connector.\nerror: The environment refused the request.\ndebug: GET /api/data/v9.2/solutions\n',
    );
  });
});
