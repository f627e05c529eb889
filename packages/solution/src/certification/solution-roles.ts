import path from 'node:path';
import { joinedList } from '@connector-alm/core';
import type { PackageCheckResult, PackageFinding, SolutionKind } from './package-findings.js';

/** What each option of `package build` gives: `connector solution` and the zip given for it. */
export type SolutionRole = [role: string, file: string];

const KIND_OF_ROLE: Record<string, SolutionKind> = {
  'connector solution': 'connector',
  'flow solution': 'flow',
  'plugin solution': 'plugin',
};

/**
 * `package build` given the solutions the other way round (the flow solution as the connector
 * solution, and the reverse): Microsoft's validator tells them apart by what they hold, so the
 * package passes, and so does the check here, but the options given say otherwise, and the package's
 * ImportConfig.xml lists the solutions in the order given. Said only when the check found each
 * solution the package needs: otherwise its own findings say what is missing.
 */
export function swappedRolesWarning(
  roles: readonly SolutionRole[],
  solutions: PackageCheckResult['solutions'],
): PackageFinding | undefined {
  const given = roles.map(([role, file]) => ({
    role,
    name: path.basename(file),
    kind: solutions.find((solution) => path.posix.basename(solution.name) === path.basename(file))?.kind,
  }));
  const misplaced = given.filter((each) => each.kind !== undefined && each.kind !== KIND_OF_ROLE[each.role]);
  if (misplaced.length === 0) return undefined;
  if (!given.every(({ role }) => given.some((each) => each.kind === KIND_OF_ROLE[role]))) return undefined;
  const said = misplaced.map(
    (each) => `${each.name}, given as the ${each.role}, is the ${each.kind} solution`,
  );
  return {
    ruleId: 'PKG-SOL-ROLES',
    message: `${joinedList(said)}, by what ${misplaced.length === 1 ? 'it holds' : 'they hold'}.`,
    hint: "The package passes all the same, as Microsoft's validator tells the solutions apart by what they hold, but its ImportConfig.xml lists them in the order given. Give each zip to its own option: --connector-solution the one with the connector alone, --flow-solution the one with the connector and a flow.",
  };
}
