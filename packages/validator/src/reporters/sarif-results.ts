import type { ArtifactLocation, Result } from 'sarif';
import type { Finding } from '../model/finding.js';
import { FINGERPRINT_KEY } from './fingerprint.js';
import { sarifLevel } from './rule-descriptor.js';

/** The uriBaseId of repository-relative paths; `github/codeql-action/upload-sarif` resolves it to the checkout. */
export const SOURCE_ROOT = '%SRCROOT%';

/** The artifactLocation of an artifactUri: repository-relative from SOURCE_ROOT, else absolute. */
export function sarifArtifactLocation(artifact: { uri: string; inRepository: boolean }): ArtifactLocation {
  return artifact.inRepository ? { uri: artifact.uri, uriBaseId: SOURCE_ROOT } : { uri: artifact.uri };
}

export function toResult(
  finding: Finding,
  ruleIndex: number,
  artifact: { uri: string; inRepository: boolean },
  connector: string,
  fingerprint: string,
): Result {
  const artifactLocation = sarifArtifactLocation(artifact);
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          // A folder finding is about the folder as a whole: it has no region.
          ...(finding.file === finding.connector ? {} : { region: regionOf(finding) }),
        },
      },
    ],
    // The other places of the problem that the message names by line (SARIF 2.1.0 §3.27.22), in
    // the same file. The message does not link them (`[line 12](1)`): it is the same text in every
    // output, and code scanning shows the related locations a message links only.
    ...(finding.related && {
      relatedLocations: finding.related.map(({ line, column }, index) => ({
        id: index + 1,
        physicalLocation: { artifactLocation, region: { startLine: line, startColumn: column } },
      })),
    }),
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
