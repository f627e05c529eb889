import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@connector-alm/testing';

// dev-server runs until Ctrl+C (or a kill), then closes its servers and exits 0: its end is the
// normal one, not an interrupted command. The signal clean-up that every command installs ends other
// commands by the signal; dev-server asks for the signal instead (nextSignal). The built CLI is run.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');

async function endedBy(
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [CLI, 'dev-server'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, ended) => resolve({ code, signal: ended })),
  );
  // Signalled once it serves: the banner, which ends so, is printed after both servers listen.
  let stdout = '';
  await new Promise<void>((resolve) =>
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('Press Ctrl+C to stop.')) resolve();
    }),
  );
  child.kill(signal);
  return closed;
}

describe('dev-server on a signal', () => {
  it('closes its servers and exits 0 on Ctrl+C (SIGINT)', async () => {
    expect(await endedBy('SIGINT')).toEqual({ code: 0, signal: null });
  }, 30_000);

  it('closes its servers and exits 0 on SIGTERM', async () => {
    expect(await endedBy('SIGTERM')).toEqual({ code: 0, signal: null });
  }, 30_000);
});
