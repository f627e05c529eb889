export { runCli } from './program.js';
export type { CliIo } from './io.js';
