import { removeTemporariesOnSignal } from '@connector-alm/core';
import { runCli } from './program.js';
import { processIo } from './io.js';

// `connector-alm rules | head` closes the pipe before the output ends: the rest has no reader, which
// is no error of ours. Without a listener Node throws the EPIPE with its stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

removeTemporariesOnSignal();

// The bundle's entry point: dist/cli/index.cjs.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
