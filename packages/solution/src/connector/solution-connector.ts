import type { FileColumn } from '../solution/connector-element.js';

/**
 * A custom connector as a solution carries it: the `<Connector>` element's values and the bytes of
 * its side files. The same shape is read from a solution and built from a connector folder.
 */
export interface SolutionConnector {
  /** Dataverse `name`, opaque (e.g. `cat_human-2din-2dthe-2dloop`). */
  name: string;
  connectorId: string;
  displayName: string;
  description: string;
  iconBrandColor: string;
  connectorType: string;
  /** The inline `<scriptoperations>` JSON array text, when custom code runs on some operations. */
  scriptOperations?: string;
  /**
   * Side files by column, with the extension the solution uses (`.json`, `.csx`, `.Png`); `file` is
   * where they were read, when read from a solution (not built from a connector folder), for errors.
   */
  files: Partial<Record<FileColumn, { extension: string; bytes: Buffer; file?: string }>>;
  /** The connector's XML file, when read from a solution: errors in its inline values are located there. */
  definedIn?: string;
}
