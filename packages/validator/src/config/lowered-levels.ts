import { joinedList } from '@connector-alm/core';
import { PROFILES, type Level, type Profile } from '../model/finding.js';

/** A lowered level of one rule in one profile. */
export interface Lowered {
  profile: Profile;
  from: Level;
  to: Level;
}

const RANK: Record<Level, number> = { off: 0, info: 1, warning: 2, error: 3 };

/** Whether a level is below another: what a reviewer must notice, as tightening never needs to be. */
export function isLowerLevel(level: Level, than: Level): boolean {
  return RANK[level] < RANK[than];
}

/**
 * `turns X off (was error at the base)`, `lowers X to warning for custom (was error at the base)`,
 * or per profile when the profiles differ; `scope` (" in overrides for 'a/**'") follows the verb.
 */
export function describeLowered(ruleId: string, lowered: readonly Lowered[], scope = ''): string {
  const groups = new Map<string, Lowered[]>();
  for (const entry of lowered) {
    const key = `${entry.from}>${entry.to}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const forProfiles = (entries: readonly Lowered[]) =>
    entries.length === PROFILES.length ? '' : ` for ${joinedList(entries.map((entry) => entry.profile))}`;
  const everyOff = lowered.every((entry) => entry.to === 'off');
  if (groups.size === 1) {
    const { from, to } = lowered[0]!;
    const verb = to === 'off' ? `turns ${ruleId} off` : `lowers ${ruleId} to ${to}`;
    return `${verb}${scope}${forProfiles(lowered)} (was ${from} at the base)`;
  }
  const parts = [...groups.values()].map(
    (entries) => `${entries[0]!.from} → ${entries[0]!.to}${forProfiles(entries)}`,
  );
  return `${everyOff ? `turns ${ruleId} off` : `lowers ${ruleId}`}${scope} (${parts.join(', ')}; base → this change)`;
}
