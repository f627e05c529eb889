import { removeTemporariesOnSignal } from '@connector-alm/core';
import { runCli } from './program.js';
import { ExitCode, processIo } from './io.js';
import { outputStreamFailureLine } from './output-stream-failure.js';

// `connector-alm rules | head` closes the pipe before the output ends: the rest has no reader, which
// is no error of ours. Without a listener Node throws the EPIPE with its stack trace, as it did for
// output redirected to a file on a full disk, which now ends the run with what to do (exit 1).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    if (stream === process.stdout) {
      try {
        process.stderr.write(outputStreamFailureLine(error));
      } catch {
        // Standard error cannot take it either: the exit code says it.
      }
    }
    process.exit(ExitCode.Failure);
  });
}

removeTemporariesOnSignal();

// The bundle's entry point: dist/cli/index.cjs.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
