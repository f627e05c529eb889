import { UsageError, UserError, type SaySetting, type Setting } from '@connector-alm/core';

/**
 * StageAndUpgradeAsync imports a managed solution as a holding solution and applies the upgrade in the
 * same system job: the components that the new version no longer holds are deleted from the
 * environment, which an update (ImportSolution) never does. Dataverse upgrades managed solutions only,
 * and the holding solution is the action's own first step, so two requests make no sense and are refused
 * before the upload (which takes minutes for a big zip) instead of by Dataverse after it.
 */

export const STAGE_AND_UPGRADE: Setting = { option: '--stage-and-upgrade', input: 'stage-and-upgrade: true' };
const HOLDING: Setting = { option: '--holding', input: 'import-as-holding: true' };
const MANAGED_ZIP: Setting = { option: 'pack --package-type managed', input: 'package-type: managed' };

/** Asked for a holding import and an upgrade at once. */
export function holdingAndUpgradeError(say: SaySetting): UsageError {
  return new UsageError(
    `${say(STAGE_AND_UPGRADE)} and ${say(HOLDING)} cannot be used together: the upgrade imports the holding solution itself and applies it in the same job.`,
    {
      hint: `Use ${say(STAGE_AND_UPGRADE)} alone to import and upgrade, or ${say(HOLDING)} alone and apply the upgrade later with pac solution upgrade.`,
    },
  );
}

/** An upgrade asked for with an unmanaged zip, located at the zip. */
export function unmanagedUpgradeError(file: string, solutionName: string, say: SaySetting): UserError {
  return new UserError(
    `is an unmanaged solution (${solutionName}), and Dataverse upgrades managed solutions only, so nothing was imported.`,
    {
      location: { file },
      hint: `Import the managed zip (${say(MANAGED_ZIP)}) with ${say(STAGE_AND_UPGRADE)}, or import this one without ${say(STAGE_AND_UPGRADE)}.`,
    },
  );
}

/**
 * Said when the environment does not have the solution: there is nothing to upgrade, and Dataverse
 * applies the upgrade "when applicable" only, so StageAndUpgradeAsync installs the solution as a new one.
 */
export function firstInstallNote(solutionName: string, environment: URL): string {
  return `${environment.origin} does not have ${solutionName} yet: there is nothing to upgrade, so it is installed as a new solution.`;
}
