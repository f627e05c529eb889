import { createServer } from 'node:net';
import os from 'node:os';

/** A port on `host` that nothing listens on: one the system just handed out and took back. */
export async function closedPort(host: string): Promise<number> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, host, resolve));
  const { port } = listener.address() as { port: number };
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  return port;
}

/** An address of this machine that is not loopback, where a closed port refuses as a remote host's would. */
export function nonLoopbackAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
}
