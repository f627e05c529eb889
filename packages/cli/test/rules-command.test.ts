import { describe, expect, it } from '@jest/globals';
import os from 'node:os';
import { ALL_PACKAGE_RULES } from '@connector-alm/solution';
import { ALL_CHANGE_RULES, ALL_RULES, PROFILES, ruleDocUrl } from '@connector-alm/validator';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

describe('connector-alm rules', () => {
  it('lists every validation rule with its levels, then every change rule with its impact and severity', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['rules'], io)).toBe(0);
    const lines = io.out().split('\n');
    const swaggerTitle = lines.find((line) => line.startsWith('SWG-OPID-UNIQUE '));
    expect(swaggerTitle).toMatch(/^SWG-OPID-UNIQUE +error +error +error +Use each operationId once\.$/);
    const deleted = lines.find((line) => line.startsWith('BRK-OP-DELETED '));
    expect(deleted).toMatch(
      /^BRK-OP-DELETED +breaking\/error +The operation has been deleted\. This change breaks existing flows\.$/,
    );
    const listed = lines.filter((line) => /^[A-Z]+-[A-Z0-9-]+ /.test(line)).map((line) => line.split(' ')[0]);
    expect(listed).toEqual([...ALL_RULES, ...ALL_CHANGE_RULES, ...ALL_PACKAGE_RULES].map((rule) => rule.id));
    expect(lines).toContain(
      'PKG-SOL-FILES          error    Each solution zip holds [Content_Types].xml, customizations.xml and solution.xml',
    );
  });

  it('heads the validation rules with the three profiles, their columns aligned whatever the level', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['rules'], io)).toBe(0);
    const lines = io.out().split('\n');
    const header = lines.find((line) => line.startsWith('Rule '));
    expect(header).toMatch(/^Rule +certified +independent-publisher +custom +Title$/);
    const columns = [...PROFILES, 'Title'].map((name) => header!.indexOf(` ${name}`) + 1);
    for (const rule of ALL_RULES) {
      const row = lines.find((line) => line.startsWith(`${rule.id} `))!;
      const cells = [...PROFILES.map((profile) => rule.levels[profile]), rule.title];
      // Each cell starts at its heading, after a space: "warning" as "off" does.
      cells.forEach((cell, index) => {
        expect(row[columns[index]! - 1]).toBe(' ');
        expect(row.slice(columns[index]!)).toMatch(
          new RegExp(`^${cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`),
        );
      });
    }
    // The list itself is otherwise as it was: the catalog, then the change rules under their header.
    expect(lines.indexOf(header!)).toBe(1);
    expect(lines[0]).toBe('Validation rules (validate): level in each profile');
    expect(lines).toContain(
      'Breaking-change check (validate --base, diff): impact, severity in every profile',
    );
  });

  it('gives both lists in JSON', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['rules', '--format', 'json'], io)).toBe(0);
    const { rules, changeRules, packageRules } = JSON.parse(io.out()) as {
      rules: { id: string; levels: Record<string, string> }[];
      changeRules: { id: string; impact: string; severity: string; message: string; source: string }[];
      packageRules: { id: string; title: string; level: string; source: string }[];
    };
    expect(packageRules.map((rule) => rule.id)).toEqual(ALL_PACKAGE_RULES.map((rule) => rule.id));
    expect(packageRules.find((rule) => rule.id === 'PKG-ZIP-BACKSLASH')).toEqual({
      id: 'PKG-ZIP-BACKSLASH',
      title: "A zip of the package separates folders with '/'",
      level: 'warning',
      source: 'connector-alm',
    });
    expect(rules.map((rule) => rule.id)).toEqual(ALL_RULES.map((rule) => rule.id));
    expect(changeRules.find((rule) => rule.id === 'BRK-PARAM-LOCATION')).toEqual({
      id: 'BRK-PARAM-LOCATION',
      impact: 'breaking',
      severity: 'error',
      message:
        'The location has been changed for the parameter. Existing flows will continue to send the parameter in the old location.',
      source: expect.stringMatching(/^Microsoft change validator/),
    });
    expect(changeRules).toHaveLength(ALL_CHANGE_RULES.length);
  });

  it('refuses an unknown format as a usage error, naming the formats as every other --format does', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['rules', '--format', 'yaml'], io)).toBe(2);
    expect(io.err()).toBe(
      "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json, markdown.\n(run with --help for usage)\n",
    );
  });

  it('lists the formats in --help as choices, as the other commands list theirs', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['rules', '--help'], io)).toBe(0);
    // Help wraps its lines to the terminal's width: compared as one line.
    expect(io.out().replace(/\s+/g, ' ')).toContain(
      '--format <format> output format; markdown is the rule reference, as in docs/rules.md (choices: "text", "json", "markdown", default: "text")',
    );
  });

  describe('with rule ids', () => {
    it('prints a validation rule whole: levels, Microsoft message, description, example and its link', async () => {
      const io = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'SWG-META-PROPS'], io)).toBe(0);
      const rule = ALL_RULES.find((each) => each.id === 'SWG-META-PROPS')!;
      expect(io.err()).toBe('');
      expect(io.out()).toBe(
        [
          'SWG-META-PROPS',
          'List Website, Privacy policy and Categories in x-ms-connector-metadata.',
          '',
          'Level in each profile:',
          '  certified              error (for Privacy policy: warning)',
          '  independent-publisher  error (for Privacy policy: warning)',
          '  custom                 off',
          'Microsoft code: ConnectorMetadataPropertiesMissing',
          "Microsoft message: The connector metadata property '{0}' is required.",
          '',
          rule.description,
          '',
          "Example, in an item of the swagger's x-ms-connector-metadata. Fires on:",
          '    { "propertyName": "Privacy Policy", "propertyValue": "https://contoso.com/privacy" }',
          '',
          'Passes:',
          '    { "propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy" }',
          '',
          'Reference: https://github.com/connector-alm/connector-alm/blob/main/docs/rules.md#swg-meta-props',
          '',
        ].join('\n'),
      );
    });

    it('reads an id in any case, as a finding, a link anchor or a hurried maker writes it', async () => {
      const upper = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'SWG-META-PROPS'], upper)).toBe(0);
      for (const id of ['swg-meta-props', 'Swg-Meta-Props']) {
        const io = memoryIo(os.tmpdir());
        expect(await runCli(['rules', id], io)).toBe(0);
        expect(io.out()).toBe(upper.out());
      }
    });

    it('names the milder cases beside the levels, as the reference does', async () => {
      const io = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'GEN-ENCODING'], io)).toBe(0);
      expect(io.out()).toContain(
        [
          'Level in each profile:',
          '  certified              error (in readme.md: warning)',
          '  independent-publisher  error (in readme.md: warning)',
          '  custom                 error (in readme.md: warning)',
        ].join('\n'),
      );
    });

    it('prints a change rule whole: impact, severity, message, advice, source, example and its link', async () => {
      const io = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'brk-param-location'], io)).toBe(0);
      const rule = ALL_CHANGE_RULES.find((each) => each.id === 'BRK-PARAM-LOCATION')!;
      expect(io.out()).toBe(
        [
          'BRK-PARAM-LOCATION',
          'A change rule of the breaking-change check (validate --base, diff).',
          '',
          'Impact: breaking',
          'Severity: error, in every profile',
          'Microsoft message: The location has been changed for the parameter. Existing flows will continue to send the parameter in the old location.',
          `Told after the message and its detail, as what to do: ${rule.advice!}`,
          'Source: Microsoft change validator (PR #3648)',
          '',
          rule.description,
          '',
          'Example, in a query parameter of an operation. Base version:',
          '    { "name": "status", "in": "query", "type": "string" }',
          '',
          'Fires on:',
          '    { "name": "status", "in": "header", "type": "string" }',
          '',
          'Reference: https://github.com/connector-alm/connector-alm/blob/main/docs/rules.md#brk-param-location',
          '',
        ].join('\n'),
      );
    });

    it("says a change rule's other advice and a message of our own as the reference does", async () => {
      const caseRule = ALL_CHANGE_RULES.find((rule) => rule.adviceCases.length > 0)!;
      const ours = ALL_CHANGE_RULES.find((rule) => !rule.microsoftMessage)!;
      const io = memoryIo(os.tmpdir());
      expect(await runCli(['rules', caseRule.id, ours.id], io)).toBe(0);
      const [caseCase] = caseRule.adviceCases;
      expect(io.out()).toContain(`\nTold instead ${caseCase!.adviceCase}: ${caseCase!.advice}\n`);
      expect(io.out()).toContain(
        `\nMessage (ours, in the style of Microsoft's change validator): ${ours.message}\n`,
      );
    });

    it('looks up every rule of the three catalogs, each once, in the order asked, parted by a line', async () => {
      const ids = [...ALL_RULES, ...ALL_CHANGE_RULES, ...ALL_PACKAGE_RULES].map((rule) => rule.id).reverse();
      const io = memoryIo(os.tmpdir());
      expect(await runCli(['rules', ...ids, ids[0]!.toLowerCase()], io)).toBe(0);
      const entries = io.out().split(`\n${'-'.repeat(40)}\n\n`);
      expect(entries.map((entry) => entry.split('\n')[0])).toEqual(ids);
      entries.forEach((entry, index) => {
        expect(entry).toContain(`\nReference: ${ruleDocUrl(ids[index]!)}\n`);
      });
    });

    // package check's findings name PKG-* ids, and "rules PKG-SOL-FILES" said "Unknown rule".
    it('prints a rule of the certification package check whole: title, level, source, what to do and its link', async () => {
      const io = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'pkg-sol-files'], io)).toBe(0);
      expect(io.out()).toBe(
        [
          'PKG-SOL-FILES',
          'Each solution zip holds [Content_Types].xml, customizations.xml and solution.xml',
          'A rule of the certification package check (package check, package build).',
          '',
          'Level: error, which fails the check',
          "Source: Microsoft's ConnectorPackageValidator.ps1",
          '',
          'An exported solution has the three at its root. Use the zip that Power Apps exported (Solutions > Export), unchanged; a flow exported with Export > Package (.zip) is no solution: export the flow inside a solution.',
          '',
          `Reference: ${ruleDocUrl('PKG-SOL-FILES')}`,
          '',
        ].join('\n'),
      );
    });

    it('refuses an unknown id with the closest one, exit 2 and nothing on stdout', async () => {
      const io = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'SWG-META-PROPS', 'swg-meta-prop', 'BRK-OP-DELETD', 'NOPE'], io)).toBe(2);
      expect(io.out()).toBe('');
      expect(io.err()).toBe(
        [
          "error: Unknown rule 'swg-meta-prop'. Did you mean 'SWG-META-PROPS'? Run connector-alm rules for the list of rules.",
          "error: Unknown rule 'BRK-OP-DELETD'. Did you mean 'BRK-OP-DELETED'? Run connector-alm rules for the list of rules.",
          "error: Unknown rule 'NOPE'. Run connector-alm rules for the list of rules.",
          '',
        ].join('\n'),
      );
    });

    it('gives only those rules in JSON, in the shape of the whole list', async () => {
      const whole = memoryIo(os.tmpdir());
      expect(await runCli(['rules', '--format', 'json'], whole)).toBe(0);
      const all = JSON.parse(whole.out()) as { rules: { id: string }[]; changeRules: { id: string }[] };
      const io = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'brk-param-location', 'swg-meta-props', '--format', 'json'], io)).toBe(0);
      expect(JSON.parse(io.out())).toEqual({
        rules: all.rules.filter((rule) => rule.id === 'SWG-META-PROPS'),
        changeRules: all.changeRules.filter((rule) => rule.id === 'BRK-PARAM-LOCATION'),
        packageRules: [],
      });
    });

    it('refuses --format markdown, which is the whole reference', async () => {
      const io = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'SWG-META-PROPS', '--format', 'markdown'], io)).toBe(2);
      expect(io.out()).toBe('');
      expect(io.err()).toBe(
        'error: --format markdown writes the whole rule reference, not some of its rules. Give no rule ids, or look the rules up with --format text or json.\n',
      );
    });

    it("wraps the prose to a terminal's width, never a word or the example's code", async () => {
      const plain = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'SWG-META-PROPS', 'BRK-PARAM-LOCATION'], plain)).toBe(0);
      const io = memoryIo(os.tmpdir());
      Object.assign(io.stdout, { isTTY: true, columns: 60 });
      expect(await runCli(['rules', 'SWG-META-PROPS', 'BRK-PARAM-LOCATION'], io)).toBe(0);
      const lines = io.out().split('\n');
      const code = lines.filter((line) => line.startsWith('    {'));
      const links = lines.filter((line) => line.startsWith('  https://'));
      expect(code).toHaveLength(4);
      // A word longer than the width, the link, keeps a line of its own, whole.
      expect(links).toEqual([`  ${ruleDocUrl('SWG-META-PROPS')}`, `  ${ruleDocUrl('BRK-PARAM-LOCATION')}`]);
      const prose = lines.filter((line) => !code.includes(line) && !links.includes(line));
      expect(Math.max(...prose.map((line) => line.length))).toBeLessThanOrEqual(60);
      expect(lines.length).toBeGreaterThan(plain.out().split('\n').length);
      // Every word kept, in order, none cut.
      expect(io.out().split(/\s+/)).toEqual(plain.out().split(/\s+/));
      // The levels keep their indent under their label.
      expect(lines).toContain('  independent-publisher  error (for Privacy policy: warning)');
    });

    // A wide terminal gets lines of at most 100 characters: prose as wide as a 200-column window
    // is hard to follow.
    it('wraps the prose at 100 characters on a terminal wider than that', async () => {
      const io = memoryIo(os.tmpdir());
      Object.assign(io.stdout, { isTTY: true, columns: 200 });
      expect(await runCli(['rules', 'SWG-META-PROPS', 'BRK-PARAM-LOCATION'], io)).toBe(0);
      const prose = io
        .out()
        .split('\n')
        .filter((line) => !line.startsWith('    {') && !line.startsWith('  https://'));
      expect(Math.max(...prose.map((line) => line.length))).toBeLessThanOrEqual(100);
      // Unwrapped, the rules' prose runs longer than that: the test would prove nothing otherwise.
      const plain = memoryIo(os.tmpdir());
      expect(await runCli(['rules', 'SWG-META-PROPS', 'BRK-PARAM-LOCATION'], plain)).toBe(0);
      expect(
        Math.max(
          ...plain
            .out()
            .split('\n')
            .map((line) => line.length),
        ),
      ).toBeGreaterThan(100);
    });
  });
});
