import { isLoopbackHost } from '../environment-url.js';
import { isBadPort, isConnectionRefused, isNoSuchHost } from './network-error.js';
import { noSuchHostReason } from '@connector-alm/core';

/** Why no attempt at this URL can pass, and what to check. */
export interface HopelessFailure {
  /** "127.0.0.1:8080 refused the connection (nothing listens there)". */
  reason: string;
  hint: string;
}

/** What a service knows of the URL it failed to reach. */
export interface HopelessFailureContext {
  /** The input or variable that chose the URL, named in what to check: "authority-host". */
  urlInput: string;
  /** What to check when the host does not exist. */
  noSuchHostHint: string;
  /**
   * The host has answered in this run: ENOTFOUND is then a resolver's blip, to be tried again like a
   * dropped connection, not a host that does not exist.
   */
  answered: boolean;
}

/**
 * Failures that no attempt can mend, so that the user hears at once instead of after the whole
 * budget of retries (two minutes): a host that DNS says does not exist (a mistyped URL), a port
 * fetch will never connect to, and a refused connection on this machine, where nothing listens on
 * that port (the local server not started, a mistyped port). A remote host that refuses may be
 * restarting, or a proxy may: that stays a passing failure, and this answers undefined. Shared by
 * sign-in and the Web API, so both say it alike.
 */
export function hopelessFailure(
  error: unknown,
  url: URL,
  { urlInput, noSuchHostHint, answered }: HopelessFailureContext,
): HopelessFailure | undefined {
  if (isNoSuchHost(error) && !answered)
    return { reason: noSuchHostReason(url.hostname), hint: noSuchHostHint };
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
