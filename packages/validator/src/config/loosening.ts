import type { RuleMetadata } from '../model/rule.js';

/** The rules' metadata the comparison reads: their ids and default levels. */
export type RuleLevels = Pick<RuleMetadata, 'id' | 'levels'>;

/** One thing a configuration file loosens compared with the base's. */
export interface Loosening {
  kind: 'rule' | 'ignore' | 'profile';
  /** Where it is said in the file (a path as in a JSON pointer), for locating it on its line. */
  path: string[];
  /** Point at the key rather than the value (a rule's id). */
  atKey: boolean;
  /** What was loosened, as a clause: "turns SWG-OP-SUMMARY off (was error at the base)". */
  message: string;
}
