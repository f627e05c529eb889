import { lookup } from 'node:dns/promises';

let answer: Promise<boolean> | undefined;

/**
 * Whether this machine's DNS resolver answers that a name under .invalid does not exist (RFC 6761
 * reserves the name for that). Without a reachable resolver getaddrinfo says EAI_AGAIN, "try again",
 * even for .invalid, and a mistyped host cannot be told from a passing failure: tests of the
 * "no such host" messages skip there, and this says why once.
 */
export function resolverSaysNoSuchHost(): Promise<boolean> {
  answer ??= lookup('probe.invalid')
    .then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === 'ENOTFOUND',
    )
    .then((answers) => {
      if (!answers) {
        console.warn(
          'skipped: no DNS resolver answers here, so a name under .invalid does not fail with ENOTFOUND',
        );
      }
      return answers;
    });
  return answer;
}
