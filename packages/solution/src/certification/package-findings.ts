import type { PackageRuleId } from './package-rules.js';

/** A rule of the package check (package-rules.ts) that a certification package breaks. */
export interface PackageFinding {
  ruleId: PackageRuleId;
  /** The validator's message, so that what we say matches what the certification team sees. */
  message: string;
  hint?: string;
}

export interface PackageCheckResult {
  ok: boolean;
  findings: PackageFinding[];
  /** What may trip up tools other than the validator; these do not fail the check. */
  warnings: PackageFinding[];
  /** Solution zips found in PkgAssets, with what each was classified as. */
  solutions: Array<{ name: string; kind: SolutionKind }>;
}

export type SolutionKind = 'connector' | 'flow' | 'plugin' | 'other';
