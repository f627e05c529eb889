/**
 * The warnings Node.js itself printed on stderr ("(node:1234) [DEP0040] DeprecationWarning: …",
 * "(node:1234) ExperimentalWarning: …"). The runner copies stderr into the job log, where such a line
 * reaches every user of the action as noise they can do nothing about.
 */
export function nodeWarnings(stderr: string): string[] {
  return stderr.split(/\r?\n/).filter((line) => /^\(node:\d+\) (?:\[[A-Z]+\d+\] )?\w*Warning: /.test(line));
}
