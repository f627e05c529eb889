/**
 * Parsers for what an action writes back to the runner: workflow commands on stdout
 * (`::error file=a,line=3::message`) and the GITHUB_OUTPUT file. They follow the runner's escaping
 * rules, so a test sees exactly what GitHub would show.
 */

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
}

export interface WorkflowCommands {
  annotations: Annotation[];
  masks: string[];
  debug: string[];
}

function unescapeData(value: string): string {
  return value.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function unescapeProperty(value: string): string {
  return unescapeData(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

export function parseWorkflowCommands(stdout: string): WorkflowCommands {
  const result: WorkflowCommands = { annotations: [], masks: [], debug: [] };
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, command, rawProperties = '', rawData = ''] = match;
    const data = unescapeData(rawData);
    if (command === 'add-mask') result.masks.push(data);
    else if (command === 'debug') result.debug.push(data);
    else if (command === 'error' || command === 'warning' || command === 'notice') {
      const properties: Record<string, string> = {};
      for (const pair of rawProperties.split(',')) {
        const at = pair.indexOf('=');
        if (at > 0) properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
      }
      const annotation: Annotation = { level: command, message: data };
      if (properties.file) annotation.file = properties.file;
      if (properties.line) annotation.line = Number(properties.line);
      if (properties.col) annotation.column = Number(properties.col);
      if (properties.endLine) annotation.endLine = Number(properties.endLine);
      if (properties.endColumn) annotation.endColumn = Number(properties.endColumn);
      if (properties.title) annotation.title = properties.title;
      result.annotations.push(annotation);
    }
  }
  return result;
}

/** Parses a GITHUB_OUTPUT (or GITHUB_ENV) file: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseFileCommands(content: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]!);
      if (i >= lines.length) throw new Error(`Unterminated value for '${name}' in a file command`);
      values[name!] = body.join('\n');
      continue;
    }
    const at = line.indexOf('=');
    if (at <= 0) throw new Error(`Malformed file command line: ${line}`);
    values[line.slice(0, at)] = line.slice(at + 1);
  }
  return values;
}
