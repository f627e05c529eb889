import { describe, expect, it } from '@jest/globals';
import { UserError } from '@connector-alm/core';
import { connectionReferenceNames } from '../src/index.js';

const bytes = (xml: string): Uint8Array => new TextEncoder().encode(xml);

describe('the connection references of customizations.xml', () => {
  it("are the logical names of the root's <connectionreferences>, and nothing named so elsewhere", () => {
    const xml = `<ImportExportXml>
  <Connectors><Connector><connectionreference connectionreferencelogicalname="in_a_connector" /></Connector></Connectors>
  <connectionreferences>
    <connectionreference connectionreferencelogicalname="cat_sharedcommondataserviceforapps_5715e">
      <connectionreferencedisplayname>Dataverse</connectionreferencedisplayname>
      <connectorid>/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps</connectorid>
    </connectionreference>
    <connectionreference connectionreferencelogicalname=" cr26e_OrdersAgent.shared_new-5forders.1a2b " />
  </connectionreferences>
</ImportExportXml>`;
    expect(connectionReferenceNames(bytes(xml), 'customizations.xml')).toEqual([
      'cat_sharedcommondataserviceforapps_5715e',
      'cr26e_OrdersAgent.shared_new-5forders.1a2b',
    ]);
  });

  it('are none without <connectionreferences>', () => {
    expect(
      connectionReferenceNames(bytes('<ImportExportXml><Languages /></ImportExportXml>'), 'c.xml'),
    ).toEqual([]);
  });

  it('refuse XML that stops short, located in the file', () => {
    const error = (() => {
      try {
        return connectionReferenceNames(bytes('<ImportExportXml>\n<connectionreferences>'), 'c.xml');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toMatchObject({ file: 'c.xml', line: 2 });
  });
});
