import type { Report } from '../../model/report.js';
import { secretIdentity } from './secret-identity.js';

/** A secret's first place in its file so far, the report of that place, and its other places. */
interface FoundSecret {
  offset: number;
  report: () => Report;
  readonly others: number[];
}

/**
 * The secrets of one file, by value, for one report each, at the first place: an upstream swagger
 * with one API key in ten URLs gave ten identical errors, and as many annotations, and GitHub shows
 * about ten a step, so they hid every other finding. The maker still has to clean each place, so the
 * report says how many more there are and names their lines; different secrets stay reports of their
 * own. The scans find a file's secrets pass by pass (formats, assignments, URLs, parameter defaults),
 * so a value's first place is only known at the end.
 */
export class SecretsByValue {
  private readonly found = new Map<string, FoundSecret>();

  /**
   * The secret `value` at `offset` of the text. `report` makes the report of that place, and is
   * asked only of the first place of each value: a file of a million copies of one key keeps one
   * report and a million offsets, not a million messages.
   */
  add(value: string, offset: number, report: () => Report): void {
    const known = this.found.get(value);
    if (known === undefined) {
      this.found.set(value, { offset, report, others: [] });
    } else if (offset < known.offset) {
      known.others.push(known.offset);
      known.offset = offset;
      known.report = report;
    } else {
      known.others.push(offset);
    }
  }

  /**
   * One report per value, at its first place, with the others (the engine names their lines at the
   * end of the message) and the value's identity: the masked message alone reads the same for two
   * keys of one kind and length.
   */
  reports(): Report[] {
    return [...this.found].map(([value, { report, others }]) => {
      const first = report();
      const identity = secretIdentity(value);
      if (others.length === 0) return { ...first, identity };
      return { ...first, others: { offsets: others, wording: 'repeated' }, identity };
    });
  }
}
