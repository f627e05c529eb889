import { CODES, ODataFailure } from './http-kit.js';
import { ALL_PRIVILEGES, type LocalApp } from './scenario.js';

export interface Caller {
  app: LocalApp;
  userId: string;
}

export function requirePrivilege(caller: Caller, privilege: string): void {
  if ((caller.app.privileges ?? ALL_PRIVILEGES).includes(privilege)) return;
  throw new ODataFailure(
    403,
    CODES.privilegeDenied,
    `Principal user (Id=${caller.userId}, type=8, roleCount=1, privilegeCount=${(caller.app.privileges ?? []).length}, accessMode=4), is missing ${privilege} privilege.`,
  );
}
