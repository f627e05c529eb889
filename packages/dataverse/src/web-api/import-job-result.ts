import { isUserError } from '@connector-alm/core';
import { attribute, childElements, firstChild, parseXml, type XmlElement } from '@connector-alm/solution';

/**
 * How the solution itself fared, from the import job's `data`: the import log XML whose
 * `/importexportxml/solutionManifests/solutionManifest/result` carries `result` (success, warning or
 * failure), `errorcode` and `errortext`. The system job can say Succeeded while this says failure.
 */
export type SolutionImportResult =
  | { result: 'success' }
  | { result: 'warning'; text: string }
  | { result: 'failure'; text: string; code?: string }
  /** No verdict in the log: none yet, or not the XML expected. `why` says which. */
  | { result: 'unknown'; why: string };

export function solutionImportResult(data: string | null | undefined): SolutionImportResult {
  if (data === null || data === undefined || data.trim() === '')
    return { result: 'unknown', why: 'the import job has no import log yet' };
  let root: XmlElement;
  try {
    root = parseXml(data, 'the import log');
  } catch (error) {
    // The log is text Dataverse sent, in no file: the position is said in words, not as a location.
    if (isUserError(error)) {
      const { line, column } = error.location ?? {};
      const at =
        line === undefined ? '' : `line ${line}${column === undefined ? '' : `, column ${column}`}: `;
      return { result: 'unknown', why: `its import log is not XML (${at}${error.message})` };
    }
    throw error;
  }
  const manifests = root.name === 'importexportxml' ? firstChild(root, 'solutionManifests') : undefined;
  const manifest = manifests && firstChild(manifests, 'solutionManifest');
  const verdict = manifest && childElements(manifest, 'result')[0];
  if (!verdict) return { result: 'unknown', why: 'its import log has no result for the solution' };
  const text = attribute(verdict, 'errortext')?.trim() ?? '';
  const code = attribute(verdict, 'errorcode')?.trim();
  switch (attribute(verdict, 'result')) {
    case 'success':
      return { result: 'success' };
    case 'warning':
      return { result: 'warning', text };
    case 'failure':
      return {
        result: 'failure',
        text: text || 'the import log gives no reason',
        ...(code && code !== '0' ? { code } : {}),
      };
    default:
      return {
        result: 'unknown',
        why: `its import log says result="${attribute(verdict, 'result') ?? ''}"`,
      };
  }
}
