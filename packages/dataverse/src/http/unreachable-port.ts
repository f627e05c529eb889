import { isLoopbackHost } from '../environment-url.js';
import { isBadPort, isConnectionRefused } from './network-error.js';

/** Why no attempt at this URL can pass, and what to check, given the input that chose the URL. */
export interface UnreachablePort {
  /** "127.0.0.1:8080 refused the connection (nothing listens there)". */
  reason: string;
  hint: string;
}

/**
 * Failures that no attempt can mend, so that the user hears at once instead of after the whole
 * budget of retries (two minutes): a port fetch will never connect to, and a refused connection on
 * this machine, where nothing listens on that port (the local server not started, a mistyped port).
 * A remote host that refuses may be restarting, or a proxy may: that stays a passing failure, and
 * this answers undefined. Shared by sign-in and the Web API, so both say it alike.
 */
export function unreachablePort(error: unknown, url: URL, urlInput: string): UnreachablePort | undefined {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (isBadPort(error))
    return {
      reason: `fetch refuses port ${port} ("bad port"), which belongs to another protocol`,
      hint: `Check the port in ${urlInput}.`,
    };
  if (isConnectionRefused(error) && isLoopbackHost(url.hostname))
    return {
      reason: `${url.host === url.hostname ? `${url.host}:${port}` : url.host} refused the connection (nothing listens there)`,
      hint: `If it is the local server, start it (connector-alm dev-server) and use the port it prints; else check ${urlInput}.`,
    };
  return undefined;
}
