import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

const root = temporaryFolder('cli-validate-sarif-');

/** A certified connector whose title and contact give findings of more than one level. */
function connectorWithFindings(): string {
  const folder = path.join(root, 'certified-connectors', 'Contoso Tasks');
  mkdirSync(folder, { recursive: true });
  const swagger = validSwagger();
  swagger.info.title = 'Contoso Tasks API';
  delete (swagger.info as { contact?: unknown }).contact;
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  return folder;
}

describe('validate --format sarif within the limits of code scanning', () => {
  it('writes the most severe results and says on stderr how many it left out', async () => {
    connectorWithFindings();
    const json = memoryIo(root);
    await runCli(['validate', '.', '--format', 'json'], json);
    const findings = JSON.parse(json.out()).findings as { severity: string }[];
    expect(findings.length).toBeGreaterThan(1);

    const io = { ...memoryIo(root), sarifLimits: { results: 1 } };
    await runCli(['validate', '.', '--format', 'sarif', '-o', 'out/report.sarif'], io);
    const run = JSON.parse(readFileSync(path.join(root, 'out', 'report.sarif'), 'utf8')).runs[0];
    expect(run.results).toHaveLength(1);
    const worst = findings.some((finding) => finding.severity === 'error') ? 'error' : 'warning';
    expect(run.results[0].level).toBe(worst);
    expect(io.err()).toContain(
      `warning: The SARIF report holds 1 of ${findings.length} findings: code scanning stores at most 1 results of an upload.`,
    );
    expect(io.err()).toContain('--format json or text lists every finding.');

    const whole = memoryIo(root);
    await runCli(['validate', '.', '--format', 'sarif'], whole);
    expect(JSON.parse(whole.out()).runs[0].results).toHaveLength(findings.length);
    expect(whole.err()).not.toContain('SARIF report holds');
  });
});
