import { stringify } from 'yaml';
import { inflateJson, inflateText, type InflateOptions } from './inflate.js';

/**
 * Inflation of the per-repository configuration file (`.connector-alm.yml` / `.json`): its settings,
 * values and keys padded as inflate.ts pads a connector's JSON, written as YAML with padded comments
 * or as JSON. Pure text in, text out.
 */

export type ConfigFormat = 'yaml' | 'json';

/** What a configuration file is written as, by its name. */
export const CONFIG_FILE_OF: Record<ConfigFormat, string> = {
  yaml: '.connector-alm.yml',
  json: '.connector-alm.json',
};

/**
 * A configuration (as data) inflated as `options` says, as the text of a file in `format`. YAML gets
 * a padded comment before and after the settings (on one line each: a line feed would end the
 * comment); JSON, which has none, gets none.
 */
export function inflatedConfigText(config: unknown, options: InflateOptions, format: ConfigFormat): string {
  const inflated = inflateJson(config, options);
  if (format === 'json') return `${JSON.stringify(inflated, null, 2)}\n`;
  const length = options.valueLength ?? 12_000;
  const placement = options.placement === 'inside' ? 'end' : options.placement;
  const comment = `# ${inflateText('connector-alm settings', length, placement)}`;
  // lineWidth 0: a long value stays on its line rather than being folded over many.
  return `${comment}\n${stringify(inflated, { lineWidth: 0 })}${comment}\n`;
}

/**
 * YAML's own names made long, each in a file that is otherwise a valid configuration: a tag, an
 * anchor and its alias, an alias to no anchor, a directive, a block scalar's header. The YAML
 * parser's messages about them quote them.
 */
export function yamlNameCases(length: number): Record<string, string> {
  const name = 'z'.repeat(length);
  return {
    'an unknown tag': `profile: !${name} custom\n`,
    'a tag of an undeclared handle': `profile: !${name}!x custom\n`,
    'a verbatim tag': `profile: !<${name}> custom\n`,
    'an anchor and its alias': `profile: &${name} custom\nrules:\n  SWG-OPID-UNIQUE: *${name}\n`,
    'an alias to no anchor': `profile: *${name}\n`,
    'an unknown directive': `%${name}\n---\nprofile: custom\n`,
    'a block scalar header': `profile: |${name}\n  custom\n`,
  };
}
