import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { packSolution } from '../src/index.js';
import { pacSplitComponent } from '../src/solution/pac-split-files.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('pack-pac-split-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

/** The way SolutionPackager starts every XML file it writes. */
const xml = (body: string): string => `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n${body}`;

/**
 * Files `pac solution unpack` writes for components it splits out of customizations.xml, which then
 * keeps only `<Entities />`, `<Roles />`, … (Microsoft's "Solution component file reference
 * (SolutionPackager)", and pac's folders for canvas apps and code components).
 */
const PAC_SPLIT: Record<string, string> = {
  'Entities/contoso_task/Entity.xml': xml(
    '<Entity>\n  <Name LocalizedName="Task" OriginalName="Task">contoso_task</Name>\n  <EntityInfo>\n    <entity Name="contoso_task" />\n  </EntityInfo>\n</Entity>',
  ),
  'Entities/contoso_task/RibbonDiff.xml': xml('<RibbonDiffXml>\n  <CustomActions />\n</RibbonDiffXml>'),
  'Entities/contoso_task/FormXml/main/{9b0f6c1e-0d6a-4c3e-8f43-1f5d2a7c4e10}.xml': xml(
    '<forms>\n  <systemform>\n    <formid>{9b0f6c1e-0d6a-4c3e-8f43-1f5d2a7c4e10}</formid>\n  </systemform>\n</forms>',
  ),
  'Entities/contoso_task/SavedQueries/{4f2d8a63-7c1b-4e59-9a0e-6b3c5d7e8f21}.xml': xml(
    '<savedqueries>\n  <savedquery>\n    <savedqueryid>{4f2d8a63-7c1b-4e59-9a0e-6b3c5d7e8f21}</savedqueryid>\n  </savedquery>\n</savedqueries>',
  ),
  'Roles/Task Manager.xml': xml(
    '<Role id="{1c3e5a7b-9d2f-4b6a-8c0e-2f4a6b8d0c12}" name="Task Manager">\n  <RolePrivileges>\n    <RolePrivilege name="prvReadcontoso_task" level="Global" />\n  </RolePrivileges>\n</Role>',
  ),
  'Other/Relationships.xml': xml(
    '<EntityRelationships xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <EntityRelationship Name="contoso_task_owner" />\n</EntityRelationships>',
  ),
  'Other/Relationships/contoso_task.xml': xml(
    '<EntityRelationships xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <EntityRelationship Name="contoso_task_owner" />\n</EntityRelationships>',
  ),
  'CanvasApps/contoso_tasks_1a2b3.meta.xml': xml(
    '<CanvasApp>\n  <Name>contoso_tasks_1a2b3</Name>\n  <DocumentUri>/CanvasApps/contoso_tasks_1a2b3_DocumentUri.msapp</DocumentUri>\n</CanvasApp>',
  ),
};

/** A canvas app's document, which pac keeps as the export has it: any zip will do here. */
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

/** The SolutionPackager twin of customHIL, copied so that files can be added. */
function pacUnpackedHil(): { dir: string; src: string } {
  const dir = temp.make();
  const src = path.join(dir, 'src');
  cpSync(fixturePath('customHIL/unpacked'), src, { recursive: true });
  return { dir, src };
}

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

async function packError(src: string, zip: string): Promise<UserError> {
  const error = await packSolution(src, zip).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describeFixtures('pack and a folder in the split layout of pac solution unpack', () => {
  it('refuses it, naming the first split file, what it holds, why, and what to do, and writes nothing', async () => {
    // Packed before, these went into the zip as entries Dataverse ignores, next to the empty
    // <Entities /> and <Roles /> of Other/Customizations.xml: an import without the table and role.
    const { dir, src } = pacUnpackedHil();
    write(src, { ...PAC_SPLIT, 'CanvasApps/contoso_tasks_1a2b3_DocumentUri.msapp': EMPTY_ZIP });
    const error = await packError(src, path.join(dir, 'out.zip'));
    const first = path.join(src, 'CanvasApps/contoso_tasks_1a2b3.meta.xml');
    expect(locatedMessage(error)).toBe(
      `${first}: holds the metadata of a canvas app, in a file of its own as pac solution unpack (SolutionPackager) splits it out of the customizations. ` +
        "Pack would not put it into the solution: this tool keeps components inline in Other/Customizations.xml and does not merge pac's split files back into it, so the imported solution would lack them. " +
        'The folder has 8 such files, e.g. Entities/contoso_task/Entity.xml, Other/Relationships.xml, Roles/Task Manager.xml.',
    );
    expect(error.location).toEqual({ file: first });
    expect(error.hint).toBe(
      'Unpack the solution zip with connector-alm unpack instead of pac (it keeps these components in Other/Customizations.xml) and pack that folder, or pack this folder with pac solution pack.',
    );
    expect(readdirSync(dir)).toEqual(['src']);
  });

  const ONE_BY_ONE: Array<[file: string, holds: string]> = [
    ['Entities/contoso_task/Entity.xml', 'a table (entity), or its forms, views or ribbon'],
    ['Entities/contoso_task/RibbonDiff.xml', 'a table (entity), or its forms, views or ribbon'],
    [
      'Entities/contoso_task/FormXml/main/{9b0f6c1e-0d6a-4c3e-8f43-1f5d2a7c4e10}_managed.xml',
      'a table (entity), or its forms, views or ribbon',
    ],
    ['Roles/Task Manager.xml', 'a security role'],
    ['OptionSets/contoso_priority.xml', 'a global choice (option set)'],
    ['Dashboards/{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}.xml', 'a dashboard'],
    ['SdkMessageProcessingSteps/{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}.xml', 'a plug-in step'],
    ['AppModules/contoso_tasks/AppModule.xml', 'a model-driven app'],
    ['AppModuleSiteMaps/contoso_tasks/AppModuleSiteMap.xml', 'the site map of a model-driven app'],
    ['Other/Relationships/contoso_task.xml', 'table relationships'],
    ['Other/Relationships.xml', 'table relationships'],
    ['Other/EntityMaps.xml', 'column mappings (entity maps)'],
    ['Other/RibbonCustomizations.xml', 'the application ribbon'],
    ['Other/SiteMap_managed.xml', 'the site map'],
    ['Other/ConnectionRoles.xml', 'connection roles'],
    ['Other/FieldSecurityProfiles.xml', 'column security profiles'],
    ['CanvasApps/contoso_tasks_1a2b3.meta.xml', 'the metadata of a canvas app'],
    ['CanvasApps/src/contoso_tasks_1a2b3/Src/App.fx.yaml', 'the source of a canvas app'],
    ['WebResources/contoso_/scripts/form.js.data.xml', 'the metadata of a web resource'],
    [
      'Workflows/TaskReminder-5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b.json.data.xml',
      'the metadata of a flow or workflow',
    ],
    [
      'PluginAssemblies/Contoso.Plugins-6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c/Contoso.Plugins.dll.data.xml',
      'the metadata of a plug-in assembly',
    ],
    [
      'Controls/contoso_Tasks.TaskGrid/ControlManifest.xml.data.xml',
      'the metadata of a code component (PCF control)',
    ],
    // Templates and reports, as "Solution component file reference (SolutionPackager)" lists them.
    ['Templates/EmailTemplates.xml', 'email templates'],
    [
      'Templates/EmailDocuments/1033/{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}/Body.xsl',
      'the body and subject of an email template',
    ],
    ['Templates/ContractTemplates.xml', 'contract templates'],
    ['Templates/KBArticleTemplates.xml', 'knowledge article templates'],
    [
      'Templates/KBArticleTemplates/1033/{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}/formatxml.xsl',
      'a knowledge article template',
    ],
    ['Templates/MailMergeTemplates.xml', 'mail merge templates'],
    [
      'Templates/MailMergeDocuments/1033/{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}/Letter.xml',
      'a mail merge document',
    ],
    ['Reports/ReportLinks.xml', 'the links between reports'],
    ['Reports/ReportSignatureIdMappings.xml', 'the signatures of reports'],
    ['Reports/1033/{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}/Account Summary.rdl', 'a report'],
    [
      'Reports/1033/{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}/Account Summary.rdl.data.xml',
      'the metadata of a report',
    ],
    ['PluginAssemblies/ServiceEndpoints.xml', 'service endpoints'],
  ];

  // Files of one kind only: the count, and no examples of other kinds to give.
  it('counts the split files of one kind without examples', async () => {
    const { dir, src } = pacUnpackedHil();
    write(src, { 'Roles/Task Manager.xml': xml('<Role />'), 'Roles/Task Reader.xml': xml('<Role />') });
    const error = await packError(src, path.join(dir, 'out.zip'));
    expect(error.message).toMatch(
      /so the imported solution would lack them\. The folder has 2 such files\.$/,
    );
  });

  it.each(ONE_BY_ONE)('refuses %s alone, saying it holds %s', async (file, holds) => {
    const { dir, src } = pacUnpackedHil();
    write(src, { [file]: xml('<Component />') });
    const error = await packError(src, path.join(dir, 'out.zip'));
    expect(
      locatedMessage(error).startsWith(`${path.join(src, file)}: holds ${holds}, in a file of its own`),
    ).toBe(true);
    expect(error.message).not.toContain('such files');
    expect(readdirSync(dir)).toEqual(['src']);
  });

  it('packs what pac writes as the export has it: the twins themselves, canvas app documents, flows, web resource content, assemblies, controls', async () => {
    for (const twin of ['customHIL/unpacked', 'AzureOpenAIServiceCustomConnector/unpacked/src']) {
      const dir = temp.make();
      await packSolution(fixturePath(twin), path.join(dir, 'out.zip'));
    }
    const { dir, src } = pacUnpackedHil();
    const kept: Record<string, string | Buffer> = {
      'CanvasApps/contoso_tasks_1a2b3_DocumentUri.msapp': EMPTY_ZIP,
      'CanvasApps/contoso_tasks_1a2b3_BackgroundImageUri': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      'Workflows/TaskReminder-5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b.json': '{"properties":{}}',
      'WebResources/contoso_scriptsformjs0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d': 'function onLoad() {}\n',
      'PluginAssemblies/Contoso.Plugins-6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c/Contoso.Plugins.dll': 'MZ',
      'Controls/contoso_Tasks.TaskGrid/ControlManifest.xml': xml('<manifest />'),
      'Controls/contoso_Tasks.TaskGrid/bundle.js': 'var TaskGrid;\n',
    };
    write(src, kept);
    await packSolution(src, path.join(dir, 'out.zip'));
    const entries = [...(await readZip(path.join(dir, 'out.zip'))).keys()];
    expect(entries).toEqual(expect.arrayContaining(Object.keys(kept)));
  });
});

describe('which files belong to the split layout of pac solution unpack', () => {
  it.each([
    'Other/Solution.xml',
    'Other/Customizations.xml',
    'Other/Customizations_managed.xml',
    'Other/LineEndings.xml',
    'Other/PackageFiles.xml',
    'Connectors/cat_human-2din-2dthe-2dloop.xml',
    'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml',
    'maskingrules/Date_Slash/maskingrule.xml',
    'botcomponents/contoso_agent.topic.Greeting/botcomponent.xml',
    'CanvasApps/contoso_tasks_1a2b3_AdditionalUris0_identity.json',
    'Workflows/TaskReminder-5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b.json',
    'Controls/contoso_Tasks.TaskGrid/strings/TaskGrid.1033.resx',
    // A report as an export has it (pac copies it so): its .rdl flat in Reports/, GUID in the name.
    'Reports/Account Summary{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}.rdl',
    // An export names its files at the root of these folders; pac's split folders are fixed names.
    'Entities.xml',
    'RolesAndTeams/notes.txt',
    // Only a canvas app's .meta.xml is pac's.
    'WebResources/cat_/page.meta.xml',
  ])('%s is not one of them', (file) => {
    expect(pacSplitComponent(file)).toBeUndefined();
  });

  it('names the metadata of a file in another folder as that of a component', () => {
    expect(pacSplitComponent('botcomponents/contoso_agent.topic.Greeting/data.data.xml')).toBe(
      'the metadata of a component',
    );
  });
});
