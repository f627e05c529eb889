/**
 * The hint for two commits that git finds no merge base of. In a shallow clone (actions/checkout's
 * default depth of one commit) the commit both come from is most likely in the history the clone
 * lacks, which fetching the rest brings. In a full clone the histories never meet: an orphan branch,
 * or another repository's history fetched in. The hint advised fetch-depth: 0 in both, which sent a
 * checkout that had it already after a setting that could not help.
 */
export function noCommonHistoryHint(shallow: boolean): string {
  if (shallow)
    return (
      'This clone is shallow: the commit both come from may be in the history it lacks. ' +
      'Fetch the rest (git fetch --unshallow), then compare again; in GitHub Actions, check out with fetch-depth: 0.'
    );
  return (
    "Their histories never meet (an orphan branch, or another repository's history): " +
    'compare with the branch this one was made from.'
  );
}
