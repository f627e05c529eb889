import type { JsonDocument } from '../../json/json-document.js';
import type { TextDocument } from '../../loader/text-document.js';
import type { Report } from '../../model/report.js';
import { repeatedPlaces } from '../../model/repeated-places.js';

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

  /** One report per value, at its first place, naming the lines of the others. */
  reports(document: JsonDocument | TextDocument): Report[] {
    return [...this.found.values()].map(({ report, others }) => {
      const first = report();
      if (others.length === 0) return first;
      const lines = others.map((offset) => document.position(offset).line);
      return { ...first, message: `${first.message}${repeatedPlaces(lines)}` };
    });
  }
}
