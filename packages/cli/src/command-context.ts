import type { CliIo } from './io.js';

// Apart from program.ts, which registers every command, because each command module takes it.

/** A command module adds its subcommand to the program and reports its exit code through `setExit`. */
export interface CommandContext {
  io: CliIo;
  setExit(code: number): void;
}
