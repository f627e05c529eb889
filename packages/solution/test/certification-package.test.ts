import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { UsageError } from '@connector-alm/core';
import path from 'node:path';
import {
  buildCertificationPackage,
  buildSolution,
  checkCertificationPackage,
  packSolution,
  unpackSolution,
} from '../src/index.js';
import { describeWith, fixturePath, NOT_A_SOLUTION, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import {
  rezippedWithBackslashes,
  temporaryFolders,
  variantOf,
  zipLikePowerShell51,
  zipWithYazl,
} from './helpers/zips.js';
import { locatedMessage } from '@connector-alm/testing';

const temp = temporaryFolders('certification-');
afterAll(() => temp.cleanup());

const PUBLISHER = { uniqueName: 'Contoso', prefix: 'contoso' };
let connectorZip: string;
let flowZip: string;
let intro: string;

/** A connector folder, its connector-only solution, and a flow solution holding the connector and a flow. */
beforeAll(async () => {
  const dir = temp.make();
  const folder = path.join(dir, 'Contoso Tasks');
  mkdirSync(folder);
  writeFileSync(
    path.join(folder, 'apiDefinition.swagger.json'),
    JSON.stringify({
      swagger: '2.0',
      info: { title: 'Contoso Tasks', version: '1.0' },
      host: 'api.contoso.com',
      paths: {},
    }),
  );
  writeFileSync(
    path.join(folder, 'apiProperties.json'),
    JSON.stringify({ properties: { connectionParameters: {}, iconBrandColor: '#da3b01' } }),
  );
  connectorZip = path.join(dir, 'ContosoConnector.zip');
  await buildSolution([folder], connectorZip, {
    uniqueName: 'ContosoConnector',
    version: '1.0.0.0',
    publisher: PUBLISHER,
  });
  // The flow solution: the same connector plus a cloud flow, made by editing the unpacked folder.
  const src = path.join(dir, 'flow-src');
  await unpackSolution(connectorZip, src);
  const customizations = path.join(src, 'Other/Customizations.xml');
  const id = '6d7a2c3e-0d3b-4c55-9d1f-5b0c8a1e2f30';
  writeFileSync(
    customizations,
    readFileSync(customizations, 'utf8').replace(
      '<Workflows />',
      `<Workflows><Workflow WorkflowId="{${id}}" Name="List tasks"><JsonFileName>/Workflows/Listtasks-${id.toUpperCase()}.json</JsonFileName></Workflow></Workflows>`,
    ),
  );
  mkdirSync(path.join(src, 'Workflows'));
  writeFileSync(
    path.join(src, `Workflows/Listtasks-${id.toUpperCase()}.json`),
    '{"properties":{"definition":{}}}',
  );
  // A solution of its own, as one made in Power Apps is: Package Deployer would take a flow solution
  // with the connector solution's unique name for an update of it (PKG-SOL-UNIQUE-NAME).
  renameSolution(src, 'ContosoConnector', 'ContosoFlow');
  flowZip = path.join(dir, 'ContosoFlow.zip');
  await packSolution(src, flowZip);
  intro = path.join(dir, 'intro.md');
  writeFileSync(intro, '# Contoso Tasks\nA sample flow lists tasks.\n');
});

/** Gives the unpacked solution in `folder` another unique name. */
function renameSolution(folder: string, from: string, to: string): void {
  const manifest = path.join(folder, 'Other/Solution.xml');
  const text = readFileSync(manifest, 'utf8');
  expect(text).toContain(`<UniqueName>${from}</UniqueName>`);
  writeFileSync(manifest, text.replace(`<UniqueName>${from}</UniqueName>`, `<UniqueName>${to}</UniqueName>`));
}

describe('buildCertificationPackage', () => {
  it('warns, and still writes the package, when the solutions are given the other way round', async () => {
    const out = path.join(temp.make(), 'Swapped.zip');
    const result = await buildCertificationPackage(out, {
      intro,
      connectorSolution: flowZip,
      flowSolution: connectorZip,
    });
    expect(result).toMatchObject({ ok: true, findings: [] });
    expect(result.warnings).toEqual([
      {
        ruleId: 'PKG-SOL-ROLES',
        message:
          'ContosoFlow.zip, given as the connector solution, is the flow solution and ContosoConnector.zip, given as the flow solution, is the connector solution, by what they hold.',
        hint: "The package passes all the same, as Microsoft's validator tells the solutions apart by what they hold, but its ImportConfig.xml lists them in the order given. Give each zip to its own option: --connector-solution the one with the connector alone, --flow-solution the one with the connector and a flow.",
      },
    ]);
    expect(lstatSync(out).isFile()).toBe(true);
  });

  it('warns, in build and check, of a flow solution with the unique name of the connector solution', async () => {
    // As the walkthrough made it: the exported connector solution with a flow added, its name kept.
    const src = path.join(temp.make(), 'same-name');
    await unpackSolution(flowZip, src);
    renameSolution(src, 'ContosoFlow', 'ContosoConnector');
    const sameName = path.join(temp.make(), 'ContosoFlow.zip');
    await packSolution(src, sameName);
    const out = path.join(temp.make(), 'SameName.zip');
    const warning = {
      ruleId: 'PKG-SOL-UNIQUE-NAME',
      message:
        "The connector solution 'ContosoConnector.zip' and the flow solution 'ContosoFlow.zip' have the same unique name, ContosoConnector.",
      hint: 'Package Deployer imports them one after the other into one environment, where the later one is taken for an update of the earlier. Make each one a solution of its own in Power Apps (New solution, with a unique name of its own, holding the connector, and the flow for the flow solution) and export it again.',
    };
    const built = await buildCertificationPackage(out, {
      intro,
      connectorSolution: connectorZip,
      flowSolution: sameName,
    });
    expect(built).toMatchObject({ ok: true, findings: [], warnings: [warning] });
    expect(await checkCertificationPackage(out)).toMatchObject({ ok: true, warnings: [warning] });
  });

  it('writes intro.md and a package whose PkgAssets holds both solutions, and it passes every rule', async () => {
    const out = path.join(temp.make(), 'ContosoTasks.zip');
    const result = await buildCertificationPackage(out, {
      intro,
      connectorSolution: connectorZip,
      flowSolution: flowZip,
    });
    expect(result).toMatchObject({ ok: true, findings: [] });
    expect(result.solutions).toEqual([
      { name: 'PkgAssets/ContosoConnector.zip', kind: 'connector' },
      { name: 'PkgAssets/ContosoFlow.zip', kind: 'flow' },
    ]);
    const outer = await readZip(out);
    expect([...outer.keys()]).toEqual(['intro.md', 'ContosoTasks.pdpkg.zip']);
    const innerFile = path.join(temp.make(), 'inner.zip');
    writeFileSync(innerFile, outer.get('ContosoTasks.pdpkg.zip')!);
    expect([...(await readZip(innerFile)).keys()]).toEqual([
      'PkgAssets/ImportConfig.xml',
      'PkgAssets/ContosoConnector.zip',
      'PkgAssets/ContosoFlow.zip',
    ]);
  });

  it('writes through a symbolic link at the output, as pack and export do, staged beside its target', async () => {
    // The checked package was renamed onto the link, which it replaced: the package stayed where the
    // link was, and the file it leads to (a runner.temp path, another disk) was never written.
    const [linkFolder, targetFolder] = [temp.make(), temp.make()];
    const out = path.join(linkFolder, 'ContosoTasks.zip');
    const existing = path.join(targetFolder, 'package.zip');
    writeFileSync(existing, 'an older package');
    symlinkSync(existing, out);
    const missing = path.join(linkFolder, 'New.zip');
    symlinkSync(path.join(targetFolder, 'new.zip'), missing);
    for (const [link, file] of [
      [out, existing],
      [missing, path.join(targetFolder, 'new.zip')],
    ]) {
      const result = await buildCertificationPackage(link, {
        intro,
        connectorSolution: connectorZip,
        flowSolution: flowZip,
      });
      expect(result.ok).toBe(true);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(file);
      expect([...(await readZip(file)).keys()]).toEqual([
        'intro.md',
        `${path.basename(link, '.zip')}.pdpkg.zip`,
      ]);
    }
    expect(readdirSync(linkFolder).sort()).toEqual(['ContosoTasks.zip', 'New.zip']);
    expect(readdirSync(targetFolder).sort()).toEqual(['new.zip', 'package.zip']);
  });

  it('does not write a package whose "flow" solution has no flow, and returns the findings', async () => {
    const dir = temp.make();
    const other = path.join(dir, 'Other.zip');
    writeFileSync(other, readFileSync(connectorZip));
    const result = await buildCertificationPackage(path.join(dir, 'out.zip'), {
      intro,
      connectorSolution: connectorZip,
      flowSolution: other,
    });
    expect(result).toMatchObject({
      ok: false,
      findings: [
        {
          ruleId: 'PKG-HAS-FLOW-SOL',
          message:
            "Flow solution in 'out.pdpkg.zip/PkgAssets' is invalid. Flow solution should contain both 'Connector' and 'Workflows' folders.",
        },
      ],
    });
    expect(readdirSync(dir)).toEqual(['Other.zip']);
  });

  // The folders made for the package beside which it is staged were left, empty, by a package not written.
  it('leaves none of the folders it made for a package it does not write', async () => {
    const dir = temp.make();
    const other = path.join(dir, 'Other.zip');
    writeFileSync(other, readFileSync(connectorZip));
    const result = await buildCertificationPackage(path.join(dir, 'a/b/out.zip'), {
      intro,
      connectorSolution: connectorZip,
      flowSolution: other,
    });
    expect(result.ok).toBe(false);
    expect(readdirSync(dir)).toEqual(['Other.zip']);
  });

  it('refuses an output the validator would refuse or that would replace one of its inputs, and writes nothing', async () => {
    const dir = temp.make();
    const inputs = { intro, connectorSolution: connectorZip, flowSolution: flowZip };
    // ConnectorPackageValidator.ps1: "The file 'ContosoTasks' provided is not a zip file."
    const unnamed = await buildCertificationPackage(path.join(dir, 'ContosoTasks'), inputs).catch(
      (e: unknown) => e,
    );
    expect(unnamed).toBeInstanceOf(UsageError);
    expect(locatedMessage(unnamed)).toBe(`${path.join(dir, 'ContosoTasks')}: must end in .zip.`);
    mkdirSync(path.join(dir, 'folder.zip'));
    const folder = await buildCertificationPackage(path.join(dir, 'folder.zip'), inputs).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(folder)).toBe(
      `${path.join(dir, 'folder.zip')}: is a folder; the package cannot be written there.`,
    );
    expect(readdirSync(dir)).toEqual(['folder.zip']);
    // The package named like the connector solution it packs: the export would be lost.
    const solution = path.join(dir, 'ContosoConnector.zip');
    writeFileSync(solution, readFileSync(connectorZip));
    const replacing = await buildCertificationPackage(solution, {
      ...inputs,
      connectorSolution: solution,
    }).catch((e: unknown) => e);
    expect(replacing).toBeInstanceOf(UsageError);
    expect(locatedMessage(replacing)).toBe(
      `${solution}: is one of the files the package packs; writing the package would replace it.`,
    );
    expect(readFileSync(solution).equals(readFileSync(connectorZip))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['ContosoConnector.zip', 'folder.zip']);
  });

  it('refuses two solution zips of one file name, located at the second, and writes nothing', async () => {
    // PkgAssets/ holds each solution under its file name: one would replace the other.
    const dir = temp.make();
    const flow = path.join(dir, 'flow', 'ContosoConnector.zip');
    mkdirSync(path.dirname(flow));
    writeFileSync(flow, readFileSync(flowZip));
    const clash = await buildCertificationPackage(path.join(dir, 'out.zip'), {
      intro,
      connectorSolution: connectorZip,
      flowSolution: flow,
    }).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(UsageError);
    expect(locatedMessage(clash)).toBe(
      `${flow}: has the same file name as the connector solution; the package keeps each solution in PkgAssets/ under its file name.`,
    );
    expect((clash as UsageError).hint).toBe(
      'Rename one of the two zips (e.g. to ContosoConnector_flow.zip), then build the package again.',
    );
    const plugin = await buildCertificationPackage(path.join(dir, 'out.zip'), {
      intro,
      connectorSolution: connectorZip,
      flowSolution: flowZip,
      pluginSolution: flowZip,
    }).catch((e: unknown) => e);
    expect(locatedMessage(plugin)).toBe(
      `${flowZip}: is given as the flow solution and as the plugin solution; each is a solution of its own.`,
    );
    expect(readdirSync(dir)).toEqual(['flow']);
  });

  it('refuses a solution input that is not a .zip, naming its role, and writes nothing', async () => {
    // The validator then said only that PkgAssets held one solution zip, not which input was wrong.
    const dir = temp.make();
    const refused = await buildCertificationPackage(path.join(dir, 'out.zip'), {
      intro,
      connectorSolution: intro,
      flowSolution: flowZip,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UsageError);
    expect(locatedMessage(refused)).toBe(
      `${intro}: is given as the connector solution, but is not a .zip; the package keeps only solution zips in PkgAssets/.`,
    );
    expect((refused as UsageError).hint).toBe(
      'Give the connector solution zip exported from Dataverse (or written by connector-alm pack or build-solution).',
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('checkCertificationPackage applies the rules of ConnectorPackageValidator.ps1', () => {
  async function packageWith(
    pkgEntries: Array<{ name: string; content: string | Buffer }>,
    outer?: Array<{ name: string; content: string | Buffer }>,
  ): Promise<string> {
    const dir = temp.make();
    const inner = await zipWithYazl(path.join(dir, 'inner.zip'), pkgEntries);
    return zipWithYazl(
      path.join(dir, 'package.zip'),
      outer ?? [
        { name: 'intro.md', content: '# Intro' },
        { name: 'p.pdpkg.zip', content: readFileSync(inner) },
      ],
    );
  }
  const ruleIds = async (file: string, plugin = false): Promise<string[]> =>
    (await checkCertificationPackage(file, { plugin })).findings.map((finding) => finding.ruleId);

  it('passes a well-formed package', async () => {
    const file = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
    ]);
    expect(await checkCertificationPackage(file)).toMatchObject({ ok: true, findings: [] });
  });

  it('says of a truncated package to build or download the package again, not to export a solution', async () => {
    const whole = readFileSync(
      await packageWith([
        { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
        { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
      ]),
    );
    const file = path.join(temp.make(), 'truncated.zip');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await checkCertificationPackage(file).catch((e: unknown) => e);
    expect(locatedMessage(error)).toMatch(/truncated\.zip: is not a zip archive or is truncated/);
    expect((error as UsageError).hint).toBe(
      'Build the package again (connector-alm package build), or download it again.',
    );
  });

  it('writes nothing beside the package it checks (a read-only download folder, a CI artifact folder)', async () => {
    const file = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
    ]);
    const created: string[] = [];
    const watcher = watch(path.dirname(file), (_event, name) => created.push(String(name)));
    try {
      expect((await checkCertificationPackage(file)).ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      watcher.close();
    }
    expect(created).toEqual([]);
  });

  it('PKG-ZIP-NAME: a package whose name does not end in .zip, which the validator refuses before opening it', async () => {
    const file = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
    ]);
    const renamed = path.join(path.dirname(file), 'ContosoTasks');
    renameSync(file, renamed);
    expect((await checkCertificationPackage(renamed)).findings).toEqual([
      {
        ruleId: 'PKG-ZIP-NAME',
        message: "The file 'ContosoTasks' provided is not a zip file.",
        hint: 'ConnectorPackageValidator.ps1 takes only a file whose name ends in .zip; rename it.',
      },
    ]);
    const upper = path.join(path.dirname(file), 'ContosoTasks.ZIP');
    renameSync(renamed, upper);
    expect((await checkCertificationPackage(upper)).ok).toBe(true);
  });

  it('PKG-L1-NOFOLDER and PKG-L1-FILES: a folder at the root and no intro.md; a package zip or solution that is not a zip is a finding', async () => {
    const file = await zipWithYazl(path.join(temp.make(), 'p.zip'), [
      { name: 'docs/intro.md', content: 'x' },
      { name: 'p.pdpkg.zip', content: 'x' },
    ]);
    // The package zip that is not a zip is a finding too, beside the others, and it is named.
    const result = await checkCertificationPackage(file);
    expect(result.findings.map((f) => f.ruleId)).toEqual([
      'PKG-L1-NOFOLDER',
      'PKG-L1-FILES',
      'PKG-ZIP-UNREADABLE',
    ]);
    expect(result.findings[2]).toEqual({
      ruleId: 'PKG-ZIP-UNREADABLE',
      message:
        'p.pdpkg.zip: is not a zip archive or is truncated (End of central directory record signature not found. Either not a zip file, or file is truncated.).',
      hint: 'The package zip file must be a zip archive: build the package again.',
    });
    const garbage = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: 'not a zip' },
    ]);
    const solution = await checkCertificationPackage(garbage);
    expect(solution.findings.map((f) => [f.ruleId, f.message.slice(0, 51)])).toEqual([
      ['PKG-ZIP-UNREADABLE', 'p.pdpkg.zip/PkgAssets/b.zip: is not a zip archive o'],
      ['PKG-HAS-FLOW-SOL', "Flow solution in 'p.pdpkg.zip/PkgAssets' is invalid"],
    ]);
    expect(solution.solutions).toEqual([
      { name: 'PkgAssets/a.zip', kind: 'connector' },
      { name: 'PkgAssets/b.zip', kind: 'other' },
    ]);
    const noZip = await zipWithYazl(path.join(temp.make(), 'q.zip'), [
      { name: 'docs/readme.txt', content: 'x' },
    ]);
    const findings = (await checkCertificationPackage(noZip)).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['PKG-L1-NOFOLDER', 'PKG-L1-FILES']);
    expect(findings[0]!.message).toBe("The provided zip file should not contain any folder inside 'q.zip'.");
    expect(findings[1]!.hint).toBe(
      'The intro.md file and package zip file are missing. Please add the required file(s).',
    );
  });

  it('PKG-L2-ASSETS: a package without the assets folder', async () => {
    expect(
      await ruleIds(await packageWith([{ name: 'a.zip', content: readFileSync(connectorZip) }])),
    ).toEqual(['PKG-L2-ASSETS']);
  });

  it('PKG-L3-NOFOLDER and PKG-L3-ZIPCOUNT: a subfolder and a third solution without plugin mode', async () => {
    const file = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
      { name: 'PkgAssets/c.zip', content: readFileSync(flowZip) },
      { name: 'PkgAssets/extra/readme.txt', content: 'x' },
    ]);
    expect(await ruleIds(file)).toEqual(['PKG-L3-NOFOLDER', 'PKG-L3-ZIPCOUNT']);
  });

  it('PKG-L3-ZIPCOUNT and PKG-HAS-PLUGIN-SOL in plugin mode with two solutions', async () => {
    const file = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
    ]);
    expect(await ruleIds(file, true)).toEqual(['PKG-L3-ZIPCOUNT', 'PKG-HAS-PLUGIN-SOL']);
  });

  it('PKG-SOL-FILES: a solution zip without [Content_Types].xml', async () => {
    const broken = await zipWithYazl(path.join(temp.make(), 's.zip'), [
      { name: 'solution.xml', content: '<ImportExportXml />' },
      { name: 'customizations.xml', content: '<ImportExportXml />' },
    ]);
    const file = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(broken) },
    ]);
    const result = await checkCertificationPackage(file);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['PKG-SOL-FILES', 'PKG-HAS-FLOW-SOL']);
    expect(result.findings[0]!.hint).toContain("Please add the missing '[Content_Types].xml'");
  });

  it('names in another case are the same names, as on Windows where the validator runs', async () => {
    const recase = async (source: string, file: string): Promise<string> => {
      const entries = [...(await readZip(source))].map(([name, content]) => ({
        name: name
          .replace(/^customizations\.xml$/, 'Customizations.xml')
          .replace(/^solution\.xml$/, 'Solution.xml')
          .replace(/^\[Content_Types\]\.xml$/, '[content_types].xml')
          .replace(/^Connector\//, 'connector/')
          .replace(/^Workflows\//, 'WORKFLOWS/'),
        content,
      }));
      return zipWithYazl(path.join(temp.make(), file), entries);
    };
    const file = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(await recase(connectorZip, 'a.zip')) },
      { name: 'pkgassets/b.zip', content: readFileSync(await recase(flowZip, 'b.zip')) },
    ]);
    expect(await checkCertificationPackage(file)).toMatchObject({
      ok: true,
      findings: [],
      solutions: [
        { name: 'PkgAssets/a.zip', kind: 'connector' },
        { name: 'pkgassets/b.zip', kind: 'flow' },
      ],
    });
  });

  it('PKG-SOL-WORKFLOWS-DIR: a flow in customizations.xml without the Workflows folder', async () => {
    const entries = [...(await readZip(flowZip))]
      .filter(([name]) => !name.startsWith('Workflows/'))
      .map(([name, content]) => ({ name, content }));
    const noFolder = await zipWithYazl(path.join(temp.make(), 'f.zip'), entries);
    const file = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(noFolder) },
    ]);
    expect(await ruleIds(file)).toEqual(['PKG-SOL-WORKFLOWS-DIR']);
  });

  it('says what the validator says, with the solution zip and the assets folder it is in', async () => {
    const without = async (source: string, drop: (name: string) => boolean): Promise<Buffer> => {
      const entries = [...(await readZip(source))]
        .filter(([name]) => !drop(name))
        .map(([name, content]) => ({ name, content }));
      return readFileSync(await zipWithYazl(path.join(temp.make(), 's.zip'), entries));
    };
    const folderHint =
      'The folders should match the customization.xml file. They are present by default in an exported solution and should not be modified/removed manually. Please add the required folder to the solution zip or export the correct solution again.';
    const noFolders = await packageWith([
      { name: 'PkgAssets/a.zip', content: await without(connectorZip, (n) => n.startsWith('Connector/')) },
      { name: 'PkgAssets/b.zip', content: await without(flowZip, (n) => n.startsWith('Workflows/')) },
    ]);
    expect((await checkCertificationPackage(noFolders)).findings).toEqual([
      {
        ruleId: 'PKG-SOL-CONNECTOR-DIR',
        // The validator's text, its missing quote included.
        message:
          "The solution zip file 'a.zip' in 'p.pdpkg.zip/PkgAssets' should contain one folder namely 'Connector.",
        hint: folderHint,
      },
      {
        ruleId: 'PKG-SOL-WORKFLOWS-DIR',
        message:
          "The solution zip file 'b.zip' in 'p.pdpkg.zip/PkgAssets' should contain 'folder namely 'Workflows''.",
        hint: folderHint,
      },
    ]);
    const noXml = await packageWith([
      { name: 'PkgAssets/a.zip', content: await without(connectorZip, (n) => !n.startsWith('[')) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
    ]);
    expect((await checkCertificationPackage(noXml)).findings).toEqual([
      {
        ruleId: 'PKG-SOL-FILES',
        message:
          "The solution zip file 'a.zip' in 'p.pdpkg.zip/PkgAssets' should contain three files namely '[Content_Types].xml', 'customizations.xml', 'solution.xml'.",
        hint: "Please add the missing 'customizations.xml, solution.xml' to the solution zip file. NOTE: These files are by default present in an exported solution and should not be manually modified/removed. If done, please revert the changes.",
      },
      {
        ruleId: 'PKG-HAS-CONNECTOR-SOL',
        message:
          "Connector solution in 'p.pdpkg.zip/PkgAssets' is invalid. Connector solution should only contain 'Connector' folder.",
        hint: "Validate the connector solution has no extra component except 'Connector'. If not so, please remove them from the solution and export again. Solutions found: a.zip (not a connector, flow or plugin solution), b.zip (flow solution).",
      },
    ]);
    const customizations = readZip(connectorZip).then((entries) =>
      entries
        .get('customizations.xml')!
        .toString('utf8')
        .replace(
          '</ImportExportXml>',
          '<aicopilot_aiplugins><aicopilot_aiplugin><name>x</name></aicopilot_aiplugin></aicopilot_aiplugins></ImportExportXml>',
        ),
    );
    const plugin = await variantOf(connectorZip, path.join(temp.make(), 'plugin.zip'), {
      'customizations.xml': await customizations,
      'aiplugins/x/aiplugin.xml': '<aiplugin />',
    });
    const noOperations = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
      { name: 'PkgAssets/c.zip', content: readFileSync(plugin) },
    ]);
    expect((await checkCertificationPackage(noOperations, { plugin: true })).findings).toEqual([
      {
        ruleId: 'PKG-SOL-PLUGIN-DIRS',
        message:
          "The solution zip file 'c.zip' in 'p.pdpkg.zip/PkgAssets' should contain 'folder namely 'aipluginoperations",
        hint: 'The folders should match the customization.xml file. They are present by default in an exported solution and should not be modified/removed manually. Please add the required folders to the solution zip or export the correct solution again.',
      },
    ]);
    const empty = await packageWith([
      { name: 'PkgAssets/ImportConfig.xml', content: '<configdatastorage />' },
    ]);
    expect((await checkCertificationPackage(empty, { plugin: true })).findings).toEqual([
      {
        ruleId: 'PKG-L3-ZIPCOUNT',
        message:
          "The package folder 'PkgAssets' does not contain solution zip files in 'p.pdpkg.zip/PkgAssets'.",
        hint: 'Please add the required connector, flow and AIplugin solution zip files.',
      },
    ]);
  });

  it('classifies the solutions as the validator does, attributes counting as content', async () => {
    const withCustomizations = async (source: string, change: (xml: string) => string): Promise<Buffer> => {
      const xml = (await readZip(source)).get('customizations.xml')!.toString('utf8');
      const file = path.join(temp.make(), 'solution.zip');
      return readFileSync(
        await variantOf(source, file, {
          'customizations.xml': change(xml),
          'aiplugins/x/aiplugin.xml': '<aiplugin />',
          'aipluginoperations/x/operation.xml': '<operation />',
        }),
      );
    };
    const pluginNode = '<aicopilot_aiplugins><aicopilot_aiplugin aicopilot_name="x" /></aicopilot_aiplugins>';
    // The plugin node carries only attributes: XmlNode.Attributes.Count > 0 makes it found.
    const plugin = await withCustomizations(connectorZip, (xml) =>
      xml.replace('</ImportExportXml>', `${pluginNode}</ImportExportXml>`),
    );
    const file = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
      { name: 'PkgAssets/c.zip', content: plugin },
    ]);
    expect(await checkCertificationPackage(file, { plugin: true })).toMatchObject({
      ok: true,
      solutions: [
        { name: 'PkgAssets/a.zip', kind: 'connector' },
        { name: 'PkgAssets/b.zip', kind: 'flow' },
        { name: 'PkgAssets/c.zip', kind: 'plugin' },
      ],
    });
    // A solution with the connector, a flow and the plugin is none of the three for the validator.
    const all = await withCustomizations(flowZip, (xml) =>
      xml.replace('</ImportExportXml>', `${pluginNode}</ImportExportXml>`),
    );
    const mixed = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
      { name: 'PkgAssets/c.zip', content: all },
    ]);
    const result = await checkCertificationPackage(mixed, { plugin: true });
    expect(result.solutions[2]).toEqual({ name: 'PkgAssets/c.zip', kind: 'other' });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['PKG-HAS-PLUGIN-SOL']);
  });

  it('says which files, folders and solutions are too many or of the wrong kind, and what to keep', async () => {
    const hints = async (file: string, plugin = false): Promise<Array<string | undefined>> =>
      (await checkCertificationPackage(file, { plugin })).findings.map((f) => f.hint);
    const dir = temp.make();
    const pdpkg = readFileSync(
      await zipWithYazl(path.join(dir, 'p.pdpkg.zip'), [
        { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
        { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
      ]),
    );
    // A README.md beside intro.md: the validator counts every *.md.
    const twoMd = await zipWithYazl(path.join(dir, 'two-md.zip'), [
      { name: 'intro.md', content: '# Intro' },
      { name: 'README.md', content: '# Readme' },
      { name: 'p.pdpkg.zip', content: pdpkg },
    ]);
    expect(await hints(twoMd)).toEqual(['There are 2 .md files (intro.md, README.md); keep only intro.md.']);
    const twoMdNoZip = await zipWithYazl(path.join(dir, 'two-md-no-zip.zip'), [
      { name: 'intro.md', content: '# Intro' },
      { name: 'README.md', content: '# Readme' },
    ]);
    expect(await hints(twoMdNoZip)).toEqual([
      'The package zip file is missing. Please add the required file(s). There are 2 .md files (intro.md, README.md); keep only intro.md.',
    ]);
    const twoZips = await zipWithYazl(path.join(dir, 'two-zips.zip'), [
      { name: 'intro.md', content: '# Intro' },
      { name: 'p.pdpkg.zip', content: pdpkg },
      { name: 'ContosoFlow.zip', content: readFileSync(flowZip) },
    ]);
    expect(await hints(twoZips)).toEqual([
      'There are 2 .zip files (p.pdpkg.zip, ContosoFlow.zip); keep only the package zip file.',
    ]);
    const twoFolders = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
      { name: 'en-US/Package.resources.dll', content: 'MZ' },
    ]);
    expect(await hints(twoFolders)).toEqual([
      'It has 2 folders (PkgAssets, en-US); keep only the folder containing the solution zip files.',
    ]);
    const oneSolution = await packageWith([{ name: 'PkgAssets/a.zip', content: readFileSync(connectorZip) }]);
    expect(await hints(oneSolution)).toEqual([
      'It has 1 solution zip (a.zip); please add the required connector and flow solution zip files.',
      "Validate the flow solution has both 'Connector' and 'Workflows' components. If not so, please recreate the solution and export again. Solutions found: a.zip (connector solution).",
    ]);
    const twoFlows = await packageWith([
      { name: 'PkgAssets/a.zip', content: readFileSync(flowZip) },
      { name: 'PkgAssets/b.zip', content: readFileSync(flowZip) },
      { name: 'PkgAssets/c.zip', content: readFileSync(flowZip) },
    ]);
    expect(await hints(twoFlows)).toEqual([
      'It has 3 solution zips (a.zip, b.zip, c.zip); keep only the connector and flow solution zips.',
      "Validate the connector solution has no extra component except 'Connector'. If not so, please remove them from the solution and export again. Solutions found: a.zip (flow solution), b.zip (flow solution), c.zip (flow solution).",
    ]);
  });
});

describe('checkCertificationPackage of a package zipped on Windows with PowerShell 5.1 (backslash separators)', () => {
  /** The package a maker zips by hand on Windows: every zip written by Compress-Archive of PowerShell 5.1. */
  async function powerShellPackage(pkgEntries: Array<{ name: string; content: string | Buffer }>) {
    const dir = temp.make();
    const inner = await zipLikePowerShell51(path.join(dir, 'ContosoTasks.pdpkg.zip'), pkgEntries);
    return zipLikePowerShell51(path.join(dir, 'ContosoTasks.zip'), [
      { name: 'intro.md', content: '# Intro' },
      { name: 'ContosoTasks.pdpkg.zip', content: readFileSync(inner) },
    ]);
  }
  const solutionsWithBackslashes = async (): Promise<Buffer[]> => {
    const dir = temp.make();
    return [
      readFileSync(await rezippedWithBackslashes(connectorZip, path.join(dir, 'ContosoConnector.zip'))),
      readFileSync(await rezippedWithBackslashes(flowZip, path.join(dir, 'ContosoFlow.zip'))),
    ];
  };

  it('passes it as the validator does on Windows, and warns about the zips whose names use backslashes', async () => {
    const [connector, flow] = await solutionsWithBackslashes();
    const file = await powerShellPackage([
      { name: 'PkgAssets\\ImportConfig.xml', content: '<configdatastorage />' },
      { name: 'PkgAssets\\ContosoConnector.zip', content: connector! },
      { name: 'PkgAssets\\ContosoFlow.zip', content: flow! },
    ]);
    const result = await checkCertificationPackage(file);
    expect(result).toMatchObject({
      ok: true,
      findings: [],
      solutions: [
        { name: 'PkgAssets/ContosoConnector.zip', kind: 'connector' },
        { name: 'PkgAssets/ContosoFlow.zip', kind: 'flow' },
      ],
    });
    const elsewhere =
      'ConnectorPackageValidator.ps1 reads them on Windows, but tools on Linux and macOS may not: unzip warns, and others make one file named with the backslashes.';
    expect(result.warnings).toEqual([
      {
        ruleId: 'PKG-ZIP-BACKSLASH',
        message:
          "'ContosoTasks.pdpkg.zip' separates folders with '\\' in its entry names, as PowerShell 5.1's Compress-Archive writes them (e.g. 'PkgAssets\\ImportConfig.xml').",
        hint: `${elsewhere} Build the package with 'connector-alm package build', or zip it with PowerShell 7's Compress-Archive, which writes '/'.`,
      },
      {
        ruleId: 'PKG-ZIP-BACKSLASH',
        message:
          "'ContosoTasks.pdpkg.zip/PkgAssets/ContosoConnector.zip' separates folders with '\\' in its entry names, as PowerShell 5.1's Compress-Archive writes them (e.g. 'Connector\\contoso_contoso-20tasks_connectionparameters.json').",
        hint: `${elsewhere} Use the solution zip that Power Apps exported, or zip the solution with 'connector-alm pack' or PowerShell 7's Compress-Archive, which write '/'.`,
      },
      expect.objectContaining({
        ruleId: 'PKG-ZIP-BACKSLASH',
        message: expect.stringMatching(
          /^'ContosoTasks.pdpkg.zip\/PkgAssets\/ContosoFlow.zip' separates folders/,
        ),
      }),
    ]);
  });

  it('gives no warning for a package whose names use forward slashes', async () => {
    const file = await powerShellPackage([
      { name: 'PkgAssets/ContosoConnector.zip', content: readFileSync(connectorZip) },
      { name: 'PkgAssets/ContosoFlow.zip', content: readFileSync(flowZip) },
    ]);
    expect(await checkCertificationPackage(file)).toMatchObject({ ok: true, findings: [], warnings: [] });
  });

  it('still refuses a zip whose backslash names would leave the folder or clash once read as separators', async () => {
    const [connector, flow] = await solutionsWithBackslashes();
    const unreadable = async (name: string, clash?: string): Promise<string[]> => {
      const file = await powerShellPackage([
        { name: 'PkgAssets\\ContosoConnector.zip', content: connector! },
        { name: 'PkgAssets\\ContosoFlow.zip', content: flow! },
        ...(clash ? [{ name: clash, content: 'x' }] : []),
        { name, content: 'x' },
      ]);
      const result = await checkCertificationPackage(file);
      expect(result.ok).toBe(false);
      return result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    };
    const refused = (name: string, problem: string): string[] => [
      `PKG-ZIP-UNREADABLE: ContosoTasks.pdpkg.zip: entry '${name}' ${problem}`,
    ];
    for (const [name, problem] of [
      ['..\\evil.zip', "contains a '..' segment that leaves the target folder; it is refused."],
      [
        'PkgAssets\\..\\..\\evil.zip',
        "contains a '..' segment that leaves the target folder; it is refused.",
      ],
      ['C:\\evil.zip', 'starts with a drive letter; it is refused.'],
      ['\\\\server\\share\\evil.zip', 'has an absolute path; it is refused.'],
    ])
      expect(await unreadable(name!, undefined)).toEqual(refused(name!, problem!));
    expect(await unreadable('PkgAssets\\a.zip', 'PkgAssets/a.zip')).toEqual(
      refused(
        'PkgAssets\\a.zip',
        "has the same name as 'PkgAssets/a.zip' once '\\' is read as a folder separator.",
      ),
    );
    // The outer zip the same: the whole package is refused, naming the entry.
    const outer = await zipLikePowerShell51(path.join(temp.make(), 'evil.zip'), [
      { name: 'intro.md', content: '# Intro' },
      { name: 'docs\\..\\..\\intro.md', content: 'x' },
    ]);
    const error = await checkCertificationPackage(outer).catch((e: unknown) => e);
    expect(locatedMessage(error)).toContain(
      "evil.zip: entry 'docs\\..\\..\\intro.md' contains a '..' segment",
    );
  });
});

describeWith(SOLUTION_FIXTURES, 'real solution exports')('certification packages of real exports', () => {
  it('says that a legacy flow package (Export > Package (.zip)) is not a solution, where a maker put it as the flow solution', async () => {
    const dir = temp.make();
    const inner = await zipWithYazl(path.join(dir, 'inner.zip'), [
      {
        name: 'PkgAssets/customHIL.zip',
        content: readFileSync(fixturePath('customHIL/customHIL_1_0_0_3.zip')),
      },
      { name: 'PkgAssets/PatternTry-Catch-Finally.zip', content: readFileSync(NOT_A_SOLUTION) },
    ]);
    const file = await zipWithYazl(path.join(dir, 'package.zip'), [
      { name: 'intro.md', content: '# Intro' },
      { name: 'p.pdpkg.zip', content: readFileSync(inner) },
    ]);
    const [files] = (await checkCertificationPackage(file)).findings;
    expect(files).toMatchObject({
      ruleId: 'PKG-SOL-FILES',
      message:
        "The solution zip file 'PatternTry-Catch-Finally.zip' in 'p.pdpkg.zip/PkgAssets' should contain three files namely '[Content_Types].xml', 'customizations.xml', 'solution.xml'.",
    });
    expect(files!.hint).toContain(
      'It is a legacy Power Automate flow package (Export > Package (.zip)); export the flow inside a solution instead.',
    );
  });
});
