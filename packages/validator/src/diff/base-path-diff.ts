import { CHANGE_RULES } from './change-rules.js';
import type { ChangeRule } from './change-rule-type.js';
import { operationPairs } from './operation-diff.js';
import { basePathPrefix, type SwaggerDiffContext } from './diff-context.js';
import { operationLabel } from '../swagger/operation-label.js';
import { setsHostUrl, swaggerAddress } from './request-address.js';
import { quoted, quoteList } from '../text/message-values.js';

/** What a new base path is reported as, located by the caller on the new version's basePath. */
export interface BasePathChange {
  rule: ChangeRule;
  detail: string;
  /** The operation it moves, when it moves one only. */
  operationId?: string;
}

/**
 * A new base path, told by the operations it moves: those of both versions that kept their method
 * and path template and go below the swagger's base path in both (the others' moves are their path
 * template's, BRK-PATH-CHANGED, or a policy's, BRK-POLICY-REROUTE). Aranda Service Management
 * (PowerPlatformConnectors 4428106b) moved '/asms' from its base path into most path templates:
 * only TestConnection, whose template stayed '/connection', calls another address. The caller
 * handles a base path that dynamichosturl policies leave unused.
 */
export function basePathChange(context: SwaggerDiffContext, before: unknown, after: unknown): BasePathChange {
  const change = `The basePath changed from ${describe(before)} to ${describe(after)}`;
  const { moved, kept, compared } = basePathMoves(context);
  if (compared === 0 && basePathPrefix(context.old) !== basePathPrefix(context.new)) {
    // No operation of both versions to tell by: any that flows could still use would move.
    return { rule: CHANGE_RULES.hostChanged, detail: `${change}.` };
  }
  if (moved.length > 0) {
    const one = moved.length === 1 ? moved[0]! : undefined;
    const which =
      moved.length === compared
        ? 'moving every operation'
        : one
          ? `moving ${quoted(one.label)}, whose path template stayed: it calls ${quoted(one.is)}, not ${quoted(one.was)}`
          : `moving the operations whose path template stayed: ${quoteList(moved.map((move) => move.label))}`;
    return { rule: CHANGE_RULES.hostChanged, detail: `${change}, ${which}.`, operationId: one?.operationId };
  }
  return {
    rule: CHANGE_RULES.other,
    detail:
      kept === compared
        ? 'Changed: basePath, with every operation at its address.'
        : 'Changed: basePath, moving no operation on its own: each path template took the moved prefix, or changed itself (BRK-PATH-CHANGED).',
  };
}

/** One operation that a new base path alone sends to another address. */
interface BasePathMove {
  label: string;
  operationId: string | undefined;
  was: string;
  is: string;
}

/**
 * The operations of both versions that a new base path moves, how many of them kept their address,
 * and how many were compared. A base path written another way ('/' for none, a trailing '/') moves
 * none.
 */
function basePathMoves(context: SwaggerDiffContext): {
  moved: BasePathMove[];
  kept: number;
  compared: number;
} {
  const policies = { old: context.routes?.old ?? [], new: context.routes?.new ?? [] };
  const moved: BasePathMove[] = [];
  let kept = 0;
  let compared = 0;
  for (const [before, after] of operationPairs(context).pairs) {
    compared++;
    const was = swaggerAddress(context.old, policies.old, before);
    const is = swaggerAddress(context.new, policies.new, after);
    if (was === is) {
      kept++;
      continue;
    }
    const sameTemplate = before.method === after.method && before.path === after.path;
    const belowBasePath =
      !setsHostUrl(context.old, policies.old, before) && !setsHostUrl(context.new, policies.new, after);
    if (sameTemplate && belowBasePath) {
      moved.push({ label: operationLabel(after), operationId: after.operationId, was, is });
    }
  }
  return { moved, kept, compared };
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : quoted(value);
}
