/**
 * What unpack and pack change in customizations.xml is the `<Connector>` children of the root's first
 * `<Connectors>` (the container): only those, not a `<Connector>` deeper down or in a second
 * `<Connectors>`. The scan and the edit both follow a document's events by that rule, through this.
 */
export type ElementRole =
  | 'root'
  /** A child of the root other than the container. */
  | 'root-child'
  | 'container'
  /** A `<Connector>` child of the container. */
  | 'connector'
  /** Any other element child of the container. */
  | 'container-other'
  | 'deeper';

/** Follows opened and closed elements and tells each one's role. */
export class ConnectorsContainer {
  /** Whether the container has been opened (it may be closed again since). */
  found = false;
  private depth = 0;
  private open = false;

  /** The role of the element opened now. */
  opened(name: string): ElementRole {
    const depth = this.depth++;
    if (depth === 0) return 'root';
    if (depth === 1) {
      if (name !== 'Connectors' || this.found) return 'root-child';
      this.found = true;
      this.open = true;
      return 'container';
    }
    if (depth === 2 && this.open) return name === 'Connector' ? 'connector' : 'container-other';
    return 'deeper';
  }

  /** The role of the element closed now: only the container and the root matter. */
  closed(): 'container' | 'root' | 'other' {
    const depth = --this.depth;
    if (depth === 1 && this.open) {
      this.open = false;
      return 'container';
    }
    return depth === 0 ? 'root' : 'other';
  }

  /** Whether text, a comment or an instruction told now is directly in the container. */
  get inContainer(): boolean {
    return this.open && this.depth === 2;
  }
}
