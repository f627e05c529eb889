/**
 * Parsers for what an action writes back to the runner: workflow commands on stdout and stderr
 * (`::error file=a,line=3::message`, and the legacy `##[error]message`) and the GITHUB_OUTPUT file.
 * They follow the runner's line splitting, command forms and escaping rules (actions/runner's
 * OutputManager, ActionCommandManager and ActionCommand), so a test sees exactly what GitHub would
 * carry out, including what untrusted text printed in a log line would make it do.
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

/** A command the runner carries out: its name as written, its properties and its data, unescaped. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

export interface WorkflowCommands {
  /** Every command the runner would carry out, in order (stop-commands and its resume token included). */
  commands: WorkflowCommand[];
  annotations: Annotation[];
  masks: string[];
  debug: string[];
}

/** The runner's commands (ActionCommandManager and the extensions it registers); names in any case. */
const REGISTERED = new Set([
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-path',
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
]);

// .NET's String.TrimStart(): the characters for which Char.IsWhiteSpace is true.
const DOTNET_LEADING_WHITESPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

function unescapeData(value: string): string {
  return value.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function unescapeProperty(value: string): string {
  return unescapeData(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

// The legacy `##[command key=value;…]data` form.
function unescapeLegacy(value: string): string {
  return value
    .replace(/%3B/g, ';')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%5D/g, ']')
    .replace(/%25/g, '%');
}

/** ActionCommand.TryParseV2: `::name k=v,k=v::data` at the start of the line, after leading white space. */
function parseV2(line: string, registered: Set<string>): WorkflowCommand | undefined {
  const message = line.replace(DOTNET_LEADING_WHITESPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const at = pair.indexOf('=');
      if (at > 0 && at < pair.length - 1)
        properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
  }
  return { command, properties, data: unescapeData(message.slice(end + 2)) };
}

/** ActionCommand.TryParse: `##[name k=v;k=v]data` anywhere in the line. */
function parseV1(line: string, registered: Set<string>): WorkflowCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = line.indexOf(']', prefix);
  if (close < 0) return undefined;
  const info = line.slice(prefix + 3, close);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const at = pair.indexOf('=');
      if (at > 0 && at < pair.length - 1) properties[pair.slice(0, at)] = unescapeLegacy(pair.slice(at + 1));
    }
  }
  return { command, properties, data: unescapeLegacy(line.slice(close + 1)) };
}

/**
 * What the runner does with a step's output (stdout, and stderr alike): it reads lines as .NET's
 * StreamReader.ReadLine does (CR, LF or CRLF end one), hands on each line that holds `::` or `##[`,
 * and carries out a command of either form (ActionCommandManager.TryProcessCommand). After
 * `::stop-commands::TOKEN` it carries out none until a `::TOKEN::` line.
 */
export function parseWorkflowCommands(...streams: string[]): WorkflowCommands {
  const result: WorkflowCommands = { commands: [], annotations: [], masks: [], debug: [] };
  const registered = new Set(REGISTERED);
  let stopToken: string | undefined;
  for (const stream of streams) {
    for (const line of stream.split(/\r\n|\r|\n/)) {
      if (!line.includes('::') && !line.includes('##[')) continue;
      const parsed = parseV2(line, registered) ?? parseV1(line, registered);
      if (!parsed) continue;
      const name = parsed.command.toLowerCase();
      if (stopToken !== undefined) {
        // An empty token never resumes (the runner checks IsNullOrEmpty first).
        if (stopToken === '' || name !== stopToken) continue;
        registered.delete(stopToken);
        stopToken = undefined;
        result.commands.push(parsed);
        continue;
      }
      result.commands.push(parsed);
      if (name === 'stop-commands') {
        stopToken = parsed.data.toLowerCase();
        registered.add(stopToken);
      } else if (name === 'add-mask') result.masks.push(parsed.data);
      else if (name === 'debug') result.debug.push(parsed.data);
      else if (name === 'error' || name === 'warning' || name === 'notice') {
        const properties = parsed.properties;
        const annotation: Annotation = { level: name as Annotation['level'], message: parsed.data };
        if (properties.file) annotation.file = properties.file;
        if (properties.line) annotation.line = Number(properties.line);
        if (properties.col) annotation.column = Number(properties.col);
        if (properties.endLine) annotation.endLine = Number(properties.endLine);
        if (properties.endColumn) annotation.endColumn = Number(properties.endColumn);
        if (properties.title) annotation.title = properties.title;
        result.annotations.push(annotation);
      }
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
