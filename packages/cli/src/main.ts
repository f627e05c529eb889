import { runCli } from './program.js';
import { processIo } from './io.js';

// The bundle's entry point: dist/cli/index.cjs.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
