import { optionWords, THE_RUN, type SaySetting } from '@connector-alm/core';

/**
 * What to say when a request to export a solution failed after it may have reached the service: no
 * answer in time, a connection broken after sending, a 5xx (a gateway's 502 or 504 comes after the
 * service took the request; nothing documents any 5xx of the Web API as "not processed").
 *
 * Such a request is not sent again. ExportSolutionAsync starts a system job that runs for minutes on a
 * big solution, and a synchronous ExportSolution goes on in the service after its connection is cut;
 * a second one would run beside the first, and Dataverse runs few exports at once. Nor does the client
 * look for the job it may have started and attach to it: the Web API offers no key of ours to find it
 * by (ExportSolutionAsync takes none, unlike ImportSolutionAsync's ImportJobId), and an export of the
 * same solution started at the same time by another run, managed where ours is unmanaged, would look
 * the same. So the user is told where to look and when running again is safe.
 */
export interface UnconfirmedExport {
  solutionName: string;
  environment: URL;
  /** When the request was sent, to find the job among the environment's others. */
  sentAtMs: number;
  asynchronous: boolean;
  /** "no answer within 30 s", "the connection broke (UND_ERR_SOCKET)", "HTTP 502". */
  happened: string;
  /** Said last: "Large solutions need the asynchronous mode…" after a synchronous export. */
  moreHint?: string;
}

/** `say` names what to run again, as the CLI's user or an action's knows it. */
export function unconfirmedExport(
  unconfirmed: UnconfirmedExport,
  say: SaySetting = optionWords,
): { message: string; hint: string } {
  const { solutionName, environment, asynchronous, happened, moreHint } = unconfirmed;
  const at = new Date(unconfirmed.sentAtMs).toISOString().slice(0, 16).replace('T', ' ');
  const where = `Look for it in the solution's history (Power Apps > Solutions > ${solutionName} > See history) or in the environment's system jobs; once it has ended, it is safe to run ${say(THE_RUN)} again.`;
  if (asynchronous) {
    return {
      message: `Export of solution '${solutionName}': an export job may have started in ${environment.origin} at about ${at} UTC, but its start was not confirmed: ${happened}.`,
      hint: `It was not started again, so as not to run two exports at once. ${where}`,
    };
  }
  return {
    message: `Export of solution '${solutionName}': the export may still be running in ${environment.origin} since about ${at} UTC, but its end was not confirmed: ${happened}.`,
    hint: `It was not sent again, so as not to run two exports at once. ${where}${moreHint ? ` ${moreHint}` : ''}`,
  };
}
