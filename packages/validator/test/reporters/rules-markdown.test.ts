import { describe, expect, it } from '@jest/globals';
import { ALL_CHANGE_RULES } from '../../src/diff/documented-change-rules.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { renderRulesMarkdown, ruleAnchor, toSarif } from '../../src/reporters/index.js';
import { levelText } from '../../src/reporters/rules-markdown.js';
import { SAMPLE_RULES } from './sample-result.js';
import { tasksFinding } from '../helpers/one-connector-result.js';

describe('renderRulesMarkdown', () => {
  it('has a heading and an index link for every rule of the catalog', () => {
    const page = renderRulesMarkdown(ALL_RULES);
    for (const rule of ALL_RULES) {
      expect(page).toContain(`\n### ${rule.id}\n`);
      expect(page).toContain(`[${rule.id}](#${ruleAnchor(rule.id)})`);
    }
  });

  it('links the same anchors that SARIF help links point at', () => {
    // A finding of each rule: a SARIF report describes only the rules that have results.
    const findings = SAMPLE_RULES.map((rule) => tasksFinding(rule.id, 'warning'));
    const log = toSarif(
      { connectors: [], findings, counts: { error: 0, warning: findings.length, info: 0 } },
      { rules: SAMPLE_RULES },
    );
    expect(log.runs[0]!.tool.driver.rules).toHaveLength(SAMPLE_RULES.length);
    for (const rule of log.runs[0]!.tool.driver.rules!) {
      // GitHub's anchor of "### TEST-TITLE-WORDS" is the lower-cased heading text.
      expect(rule.helpUri!.split('#')[1]).toBe(rule.id.toLowerCase());
    }
  });

  it('shows levels per profile, Microsoft code and message, description and example', () => {
    const page = renderRulesMarkdown(SAMPLE_RULES);
    const entry = page.slice(page.indexOf('### TEST-TITLE-WORDS'), page.indexOf('### TEST-OP-SUMMARY'));
    expect(entry).toContain('**Keep "API" out of the title.**');
    expect(entry).toContain(
      '| Profile | certified | independent-publisher | custom |\n| --- | --- | --- | --- |\n| Level | error | error | warning |',
    );
    expect(entry).toContain('- Microsoft code: `TitleHasRestrictedWords`');
    expect(entry).toContain(
      "- Microsoft message: `The value '{0}' contains at least one of the restricted words: '{1}'.`",
    );
    // Our prose keeps its code spans, but a <placeholder> must not vanish as an HTML tag.
    expect(entry).toContain('titles with `API` in them; see &lt;the catalog&gt; \\| GEN-RESTRICTED-WORDS.');
    expect(entry).toContain('Fires on:\n\n```json\n{ "info": { "title": "Contoso API" } }\n```');
    expect(entry).toContain('Passes:\n\n```json\n{ "info": { "title": "Contoso" } }\n```');
  });

  it("names the cases milder than a rule's level beside it, in the index and the rule's table", () => {
    // GEN-ENCODING is an error, but a readme's is a warning (general.ts's warningOnly, which the
    // engine's reportSeverity applies): "error" alone told every reader the readme's fails the run.
    const page = renderRulesMarkdown(ALL_RULES);
    const level = 'error (in readme.md: warning)';
    expect(page).toContain(
      `| [GEN-ENCODING](#gen-encoding) | Files must be UTF-8. | ${level} | ${level} | ${level} |`,
    );
    const entry = page.slice(page.indexOf('### GEN-ENCODING\n')).split('\n### ')[0]!;
    expect(entry).toContain(`| Level | ${level} | ${level} | ${level} |`);
    // A case is only lowered: under a level as mild as its own, or off, it is not named.
    const cases = [{ when: 'in readme.md', atMost: 'warning' as const }];
    expect(levelText('warning', cases)).toBe('warning');
    expect(levelText('info', cases)).toBe('info');
    expect(levelText('off', cases)).toBe('off');
    expect(levelText('error', [...cases, { when: 'on a sample', atMost: 'info' }])).toBe(
      'error (in readme.md: warning; on a sample: info)',
    );
  });

  it('groups rules by file in catalog order, with readme examples as markdown', () => {
    const page = renderRulesMarkdown(SAMPLE_RULES);
    expect(page.indexOf('## All files')).toBeLessThan(page.indexOf('### GEN-JSON-PARSE'));
    expect(page).toContain('Fires on:\n\n```markdown\n# Contoso\nTODO: write this\n```');
    expect(page.endsWith('\n')).toBe(true);
    expect(page).not.toMatch(/\n\n\n/);
  });

  it("says where an example goes when the rule places it, before its fix's own place", () => {
    const page = renderRulesMarkdown([
      {
        id: 'X-1',
        title: 'T',
        file: 'apiProperties',
        example: {
          placement: 'oauthSettings',
          bad: '"scopes": "read"',
          goodPlacement: 'connectionParameter',
          good: '"type": "oauthSetting"',
        },
      },
      { id: 'X-2', title: 'T', file: 'swagger', example: { bad: '{ "host": "" }', good: '{ "host": "a" }' } },
    ]);
    expect(page).toContain(
      'Example, in apiProperties.json, an OAuth connection parameter\'s oAuthSettings. Fires on:\n\n```json\n"scopes": "read"\n```',
    );
    expect(page).toContain(
      'Passes, in apiProperties.json, a connection parameter:\n\n```json\n"type": "oauthSetting"\n```',
    );
    // A fragment that says where it goes is shown as it is.
    expect(page).toContain('### X-2\n\n**T**\n\nFires on:\n\n```json\n{ "host": "" }\n```\n\nPasses:\n');
  });

  it('does not say a fix passes when the rule still notes it, but what the note is about', () => {
    const page = renderRulesMarkdown(ALL_RULES);
    const entry = page.slice(page.indexOf('### PROP-OAUTH-REDIRECT\n')).split('\n### ')[0]!;
    expect(entry).toContain(
      'Example, in apiProperties.json, an OAuth connection parameter\'s oAuthSettings. Fires on:\n\n```json\n"redirectMode": "Global"\n```',
    );
    expect(entry).toMatch(
      /\nThe fix \(noted at info: Microsoft's apiProperties pipeline rejects the value[^)]*\):\n\n```json\n"redirectMode": "GlobalPerConnector"\n```/,
    );
    expect(entry).not.toContain('Passes');
  });

  it("shows an example told in words as text, not in the code block of the rule's file", () => {
    const page = renderRulesMarkdown(ALL_RULES);
    const entry = (id: string) => page.slice(page.indexOf(`### ${id}\n`)).split('\n### ')[0]!;
    expect(entry('CSX-SIZE')).toContain('Fires on:\n\n```text\na 1.2 MB script.csx with embedded data\n```');
    expect(entry('SWG-OPS-MAX')).toContain('Fires on:\n\n```text\nA swagger with 300 operations.\n```');
  });

  it('fences examples that contain fences', () => {
    const page = renderRulesMarkdown([{ id: 'X-1', title: 'T', example: { bad: '```\ncode\n```' } }]);
    expect(page).toContain('````text\n```\ncode\n```\n````');
  });

  it('adds a section of the change rules: impact, severity, message, when it fires, an example', () => {
    const page = renderRulesMarkdown(ALL_RULES, { changeRules: ALL_CHANGE_RULES });
    expect(page).toContain('[breaking-change check](#breaking-change-check)');
    const section = page.slice(page.indexOf('\n## Breaking-change check\n'));
    for (const rule of ALL_CHANGE_RULES) {
      expect(section).toContain(`\n### ${rule.id}\n`);
      expect(section).toContain(`[${rule.id}](#${ruleAnchor(rule.id)})`);
    }
    const entry = (id: string) => section.slice(section.indexOf(`### ${id}\n`)).split('\n### ')[0]!;
    // Microsoft's own text is called so; ours is not passed off as Microsoft's.
    expect(entry('BRK-OP-DELETED')).toContain(
      '- Microsoft message: `The operation has been deleted. This change breaks existing flows.`',
    );
    expect(entry('BRK-PARAM-DELETED')).toContain('- Impact: breaking; severity: warning');
    expect(entry('BRK-PARAM-DELETED')).toMatch(/- Message \(ours[^)]*\): `The input has been deleted\./);
    expect(entry('CHG-TEXT-EDITED')).toContain('- Impact: minor; severity: info');
    expect(entry('BRK-PARAM-DELETED')).toMatch(
      /Base version:\n\n```json\n[^`]+```\n\nFires on:\n\n```json\n/,
    );
    // The advice of a case that the rule's own does not fit is listed under it.
    expect(entry('BRK-PARAM-DELETED')).toContain(
      "- Told after the message and its detail, as what to do: `Keep it, even if the API now ignores it; or add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one.`\n- Told instead for a path parameter, which cannot be kept without its placeholder in the path: `Add the change",
    );
    expect(entry('BRK-OUTPUT-DELETED')).toContain(
      "- Told instead when the response no longer has a body: `Keep the response's schema while the API returns a body;",
    );
    // A fragment such as `"enum": [...]` does not say what it belongs to: the entry does.
    expect(entry('BRK-PARAM-LOCATION')).toContain(
      'Example, in a query parameter of an operation. Base version:',
    );
  });

  it('leaves the change rules out when none are given', () => {
    expect(renderRulesMarkdown(ALL_RULES)).not.toContain('Breaking-change check');
  });
});
