const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * True for localhost, 127.0.0.0/8 and ::1: this machine. The Dataverse client talks plain http only
 * to them (the local server), and a refused connection there means nothing listens on the port, which
 * no retry mends, for the Dataverse and the GitHub clients alike.
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
