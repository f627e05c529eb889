import { describe, expect, it } from '@jest/globals';
import { childElements, parseXml, type XmlElement } from '../src/index.js';
import { namesWithContent } from '../src/certification/first-elements.js';

// package check reads customizations.xml as its events come (certification/first-elements.ts); it
// must find what it found in the tree: the first element of each name, in document order, with an
// attribute or a child that is not whitespace.

function firstElement(node: XmlElement, name: string): XmlElement | undefined {
  if (node.name === name) return node;
  for (const child of childElements(node)) {
    const found = firstElement(child, name);
    if (found) return found;
  }
  return undefined;
}

function fromTree(xml: string, names: readonly string[]): Set<string> {
  const root = parseXml(xml, 'c.xml');
  return new Set(
    names.filter((name) => {
      const node = firstElement(root, name);
      return (
        node !== undefined &&
        (node.attributes.length > 0 || node.children.some((c) => c.kind !== 'text' || c.text.trim() !== ''))
      );
    }),
  );
}

const NAMES = ['Connector', 'Workflows', 'aicopilot_aiplugin'];
const documents: Array<[string, string]> = [
  ['empty placeholders', '<r><Workflows /><Connectors>\n  </Connectors></r>'],
  ['a connector with children', '<r><Connectors><Connector><name>c</name></Connector></Connectors></r>'],
  [
    'only whitespace in the first, content in a later one',
    '<r><Connector>  </Connector><Connector><a /></Connector></r>',
  ],
  ['an attribute only', '<r><aicopilot_aiplugins><aicopilot_aiplugin a="x" /></aicopilot_aiplugins></r>'],
  [
    'text, a comment, CDATA, an instruction',
    '<r><Connector>t</Connector><Workflows><!--c--></Workflows><aicopilot_aiplugin><?p?></aicopilot_aiplugin></r>',
  ],
  ['CDATA', '<r><Workflows><![CDATA[ ]]></Workflows></r>'],
  ['one inside another', '<r><Workflows><Connector /></Workflows><Connector>x</Connector></r>'],
  [
    'content deeper than a child',
    '<r><Workflows>\n  <Workflow>\n    <x>1</x>\n  </Workflow>\n</Workflows></r>',
  ],
  ['the root itself', '<Connector>\n</Connector>'],
  ['none of them', '<r><Entities><Entity /></Entities></r>'],
];

describe('namesWithContent', () => {
  it.each(documents)('finds what the tree gave: %s', (_what, xml) => {
    expect(namesWithContent(Buffer.from(xml), 'c.xml', undefined, NAMES)).toEqual(fromTree(xml, NAMES));
  });

  it('reads a nested first element apart from the ones around it', () => {
    const xml = '<r><Workflows><Connector /></Workflows><Connector>x</Connector></r>';
    expect([...namesWithContent(Buffer.from(xml), 'c.xml', undefined, NAMES)]).toEqual(['Workflows']);
  });

  it('refuses bad XML as parseXml does', () => {
    expect(() => namesWithContent(Buffer.from('<r><Connector></r>'), 'c.xml', 'hint', NAMES)).toThrow(
      expect.objectContaining({
        location: expect.objectContaining({ file: 'c.xml', line: 1 }),
        hint: 'hint',
      }),
    );
  });
});
