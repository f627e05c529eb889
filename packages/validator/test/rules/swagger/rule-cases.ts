import { describe, expect, it } from '@jest/globals';
import { runRules } from '../../helpers/fixture.js';
import { validConnectorFiles } from '../../helpers/valid-connector.js';
import type { Profile, Severity } from '../../../src/model/finding.js';

/** Fixture JSON that tests edit freely; a loose type keeps each edit one short line. */

export type Loose = Record<string, any>;

/** The files of a connector as a test edits them: the swagger and apiProperties as objects. */
export interface EditableConnector {
  swagger: Loose;
  apiProperties: Loose;
  files: Record<string, object | string>;
}

export interface RuleCase {
  id: string;
  /** What the test proves, e.g. "fires on a title of 31 characters". */
  fires: string;
  /** Breaks the valid connector in exactly one way. */
  breaks: (connector: EditableConnector) => void;
  pointer: string;
  severity?: Severity;
  message?: RegExp;
  profile?: Profile;
  /** The finding sits on line 1 (a missing root property is shown on the root). */
  onFirstLine?: boolean;
}

export function editableConnector(): EditableConnector {
  const files = validConnectorFiles();
  return {
    swagger: files['apiDefinition.swagger.json'] as Loose,
    apiProperties: files['apiProperties.json'] as Loose,
    files,
  };
}

export async function findingsOf(
  ruleId: string,
  connector: EditableConnector,
  profile: Profile = 'certified',
) {
  return runRules(connector.files, [ruleId], profile);
}

/**
 * One describe per rule: the case breaks the valid connector and the rule must fire exactly there,
 * and the untouched valid connector must pass it.
 */
export function describeRuleCases(cases: RuleCase[]): void {
  const byId = new Map<string, RuleCase[]>();
  for (const ruleCase of cases) byId.set(ruleCase.id, [...(byId.get(ruleCase.id) ?? []), ruleCase]);
  for (const [id, list] of byId) {
    describe(id, () => {
      for (const ruleCase of list) {
        it(ruleCase.fires, async () => {
          const connector = editableConnector();
          ruleCase.breaks(connector);
          const findings = await findingsOf(id, connector, ruleCase.profile);
          expect(findings.map((finding) => finding.pointer)).toContain(ruleCase.pointer);
          const finding = findings.find((candidate) => candidate.pointer === ruleCase.pointer)!;
          expect(finding.ruleId).toBe(id);
          expect(finding.severity).toBe(ruleCase.severity ?? 'error');
          if (ruleCase.onFirstLine) expect(finding.line).toBe(1);
          else expect(finding.line).toBeGreaterThan(1);
          if (ruleCase.message) expect(finding.message).toMatch(ruleCase.message);
        });
      }
      it('stays quiet on a valid connector', async () => {
        expect(await findingsOf(id, editableConnector(), list[0]!.profile)).toEqual([]);
      });
    });
  }
}
