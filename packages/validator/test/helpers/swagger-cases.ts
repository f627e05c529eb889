import { describe, expect, it } from '@jest/globals';
import type { Finding, Profile, Severity } from '../../src/model/finding.js';
import { runRules } from './fixture.js';
import { validConnectorFiles, validSwagger } from './valid-connector.js';

/** Loosely typed JSON, so tests can reach into the swagger without casts. */

export type Json = Record<string, any>;

/** Changes the valid swagger in place to break (or keep) one thing. */
export type SwaggerEdit = (swagger: Json) => void;

/** Findings of one rule on the valid connector with `edit` applied to its swagger. */
export async function swaggerFindings(
  ruleId: string,
  edit: SwaggerEdit = () => {},
  profile: Profile = 'certified',
): Promise<Finding[]> {
  const swagger = validSwagger();
  edit(swagger);
  return runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger }, [ruleId], profile);
}

export interface FiringCase {
  name: string;
  edit: SwaggerEdit;
  /** The pointer of the (first) finding. */
  pointer: string;
  severity?: Severity;
  message?: RegExp;
  count?: number;
  profile?: Profile;
}

export interface QuietCase {
  name: string;
  edit?: SwaggerEdit;
  profile?: Profile;
}

/**
 * One `describe` per rule: each firing case asserts the rule id, severity, pointer and a line in the
 * swagger file; each quiet case asserts no finding.
 */
export function describeRule(ruleId: string, fires: FiringCase[], quiet: QuietCase[]): void {
  describe(ruleId, () => {
    for (const firing of fires) {
      it(`fires: ${firing.name}`, async () => {
        const findings = await swaggerFindings(ruleId, firing.edit, firing.profile);
        expect(findings).toHaveLength(firing.count ?? 1);
        const finding = findings.find((f) => f.pointer === firing.pointer) ?? findings[0]!;
        expect(finding).toMatchObject({
          ruleId,
          severity: firing.severity ?? 'error',
          pointer: firing.pointer,
        });
        expect(finding.line).toBeGreaterThan(1);
        expect(finding.file).toMatch(/apiDefinition\.swagger\.json$/);
        if (firing.message) expect(finding.message).toMatch(firing.message);
      });
    }
    for (const silent of quiet) {
      it(`stays quiet: ${silent.name}`, async () => {
        expect(await swaggerFindings(ruleId, silent.edit, silent.profile)).toEqual([]);
      });
    }
  });
}

/** The valid connector, unchanged. */
export const VALID: QuietCase = { name: 'on the valid connector' };
