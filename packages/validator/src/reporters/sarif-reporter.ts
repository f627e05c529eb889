import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ALL_CHANGE_RULES, type DocumentedChangeRule } from '../diff/change-rules.js';
import type { Finding, Profile } from '../model/finding.js';
import { ALL_RULES } from '../rules/index.js';
import { comparedWithBase } from '../git/validate-against-base.js';
import type { ValidationResult } from '../validate.js';
import { artifactUri, repositoryPath, type PathBase } from './artifact-path.js';
import { FINGERPRINT_KEY, fingerprints } from './fingerprint.js';
import { proseMarkdown } from './markdown.js';
import {
  changeExampleParagraphs,
  exampleParagraphs,
  sarifLevel,
  type RuleDescriptor,
} from './rule-descriptor.js';
import {
  DEFAULT_INFORMATION_URI,
  DEFAULT_RULES_DOC_URL,
  DEFAULT_TOOL_VERSION,
  TOOL_NAME,
  ruleDocUrl,
} from './tool-info.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The uriBaseId of repository-relative paths; `github/codeql-action/upload-sarif` resolves it to the checkout. */
export const SOURCE_ROOT = '%SRCROOT%';

export interface SarifOptions extends PathBase {
  /** The rules to describe (default: every validation rule); rules that findings name but that are not listed get a stub. */
  rules?: readonly RuleDescriptor[];
  toolVersion?: string;
  informationUri?: string;
  /** The rule reference page as a web address; each rule's helpUri is this plus `#<anchor>`. */
  rulesDocUrl?: string;
  /** The profile whose levels become the rules' default levels (default: the connectors' one, if they share it). */
  profile?: Profile;
}

/**
 * A SARIF 2.1.0 log with one run, ready for code scanning: every rule described once, every finding
 * a result on a repository-relative file, with fingerprints that do not depend on line numbers.
 */
export function toSarif(result: ValidationResult, options: SarifOptions = {}): Log {
  const profile = options.profile ?? sharedProfile(result) ?? 'certified';
  const rulesDocUrl = options.rulesDocUrl ?? DEFAULT_RULES_DOC_URL;
  const descriptors = describedRules(options.rules ?? ALL_RULES, result.findings);
  const indexById = new Map(descriptors.map((rule, index) => [rule.id, index]));
  const uriOf = (finding: Finding) => artifactUri(finding.file, options);
  const prints = fingerprints(result.findings, (finding) => uriOf(finding).uri);

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: options.toolVersion ?? DEFAULT_TOOL_VERSION,
            informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
            rules: descriptors.map((rule) => toReportingDescriptor(rule, profile, rulesDocUrl)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((finding, index) =>
          toResult(
            finding,
            indexById.get(finding.ruleId)!,
            uriOf(finding),
            repositoryPath(finding.connector, options) ?? finding.connector,
            prints[index]!,
          ),
        ),
        // The run's property bag: the base the results' baselineState was judged against. Not
        // versionControlProvenance, which needs the repository's address, which a local run may not have.
        ...(comparedWithBase(result) && {
          properties: { base: { ref: result.baseRef, mergeBase: result.mergeBase } },
        }),
      },
    ],
  };
}

/** The SARIF log as pretty-printed JSON with a final newline. */
export function formatSarif(result: ValidationResult, options: SarifOptions = {}): string {
  return JSON.stringify(toSarif(result, options), null, 2) + '\n';
}

function toResult(
  finding: Finding,
  ruleIndex: number,
  artifact: { uri: string; inRepository: boolean },
  connector: string,
  fingerprint: string,
): Result {
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact.inRepository
            ? { uri: artifact.uri, uriBaseId: SOURCE_ROOT }
            : { uri: artifact.uri },
          // A folder finding is about the folder as a whole: it has no region.
          ...(finding.file === finding.connector ? {} : { region: regionOf(finding) }),
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: {
      ...(finding.pointer !== undefined && { pointer: finding.pointer }),
      connector,
      ...(finding.msCode !== undefined && { msCode: finding.msCode }),
    },
  };
  if (finding.baseline) result.baselineState = finding.baseline === 'new' ? 'new' : 'unchanged';
  return result;
}

function regionOf(finding: Finding) {
  // SARIF's endColumn, like ours, is the column just after the last character.
  return {
    startLine: finding.line,
    startColumn: finding.column,
    ...(finding.endLine !== undefined && { endLine: finding.endLine }),
    ...(finding.endColumn !== undefined && { endColumn: finding.endColumn }),
  };
}

function toReportingDescriptor(
  rule: RuleDescriptor,
  profile: Profile,
  rulesDocUrl: string,
): ReportingDescriptor {
  const level = rule.levels?.[profile];
  const descriptor: ReportingDescriptor = {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description ?? rule.title },
    helpUri: ruleDocUrl(rule.id, rulesDocUrl),
    help: { text: rule.description ?? rule.title, markdown: helpMarkdown(rule) },
  };
  if (level) {
    descriptor.defaultConfiguration = {
      level: sarifLevel(level),
      ...(level === 'off' && { enabled: false }),
    };
  }
  descriptor.properties = {
    tags: ['power-platform-connector', ...(rule.file ? [rule.file] : [])],
    ...(rule.levels && { levels: rule.levels }),
    ...(rule.msCode !== undefined && { msCode: rule.msCode }),
  };
  return descriptor;
}

function helpMarkdown(rule: RuleDescriptor): string {
  const changeRule = CHANGE_RULES_BY_ID.get(rule.id);
  const example = changeRule ? changeExampleParagraphs(changeRule) : exampleParagraphs(rule);
  return [proseMarkdown(rule.description ?? rule.title), ...example].join('\n\n');
}

/** The given rules, plus a stub for every rule id that a finding names but the list lacks. */
/**
 * The rules given, then those that findings name beyond them: the breaking-change rules of
 * `validate --base`, described from their reference entries, and a stub for any other.
 */
function describedRules(rules: readonly RuleDescriptor[], findings: readonly Finding[]): RuleDescriptor[] {
  const all = [...rules];
  const known = new Set(rules.map((rule) => rule.id));
  for (const finding of findings) {
    if (known.has(finding.ruleId)) continue;
    known.add(finding.ruleId);
    const changeRule = CHANGE_RULES_BY_ID.get(finding.ruleId);
    all.push(changeRule ? changeRuleDescriptor(changeRule) : { id: finding.ruleId, title: finding.ruleId });
  }
  return all;
}

const CHANGE_RULES_BY_ID = new Map(ALL_CHANGE_RULES.map((rule) => [rule.id, rule]));

/**
 * A change rule as code scanning shows it: its message as the title, its reference text as the
 * help, and its example as the reference shows it (see helpMarkdown). Its severity is the same in every
 * profile, and it is located in the swagger or apiProperties as the change is.
 */
function changeRuleDescriptor(rule: DocumentedChangeRule): RuleDescriptor {
  return {
    id: rule.id,
    title: rule.message,
    description: `${rule.description} Source: ${rule.source}.`,
    levels: { certified: rule.severity, 'independent-publisher': rule.severity, custom: rule.severity },
  };
}

function sharedProfile(result: ValidationResult): Profile | undefined {
  const profiles = new Set(result.connectors.map((connector) => connector.profile));
  return profiles.size === 1 ? [...profiles][0] : undefined;
}
