import type { OperationInfo } from '../../swagger/operation-info.js';

/** The visible users, when there are both visible and internal ones; else all of them (see holder-users.ts). */
export function shownUsers(users: OperationInfo[]): OperationInfo[] {
  let internal = 0;
  for (let index = 0; index < users.length; index++) if (users[index]!.isInternal) internal++;
  if (internal === 0 || internal === users.length) return users;
  return users.filter((operation) => !operation.isInternal);
}
