import { PassThrough } from 'node:stream';
import type { CliIo } from '../src/io.js';

/** A CliIo over buffers, for running the CLI in-process. */
export function memoryIo(
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { stdout, stderr, cwd, env, out: () => out, err: () => err };
}
