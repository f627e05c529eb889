/**
 * What the connectors of one call read alike from GitHub, read once for all of them: the token's
 * owner, and the open pull requests against the base with the files of the owner's. A `pr` of ten
 * connectors asked GET /user ten times and paged through every open pull request of the upstream
 * (PowerPlatformConnectors has hundreds) once per connector. Reads that each connector must see
 * fresh, those of its own branch and pull request, are not kept here.
 */
export class CallReads {
  private readonly answers = new Map<string, Promise<unknown>>();

  /**
   * The answer of `read` for `key`, read by the first caller only. A read that fails is forgotten,
   * so the next connector tries again rather than failing for an earlier connector's lost answer.
   */
  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const kept = this.answers.get(key);
    if (kept) return kept as Promise<T>;
    const answer = read();
    this.answers.set(key, answer);
    answer.catch(() => {
      if (this.answers.get(key) === answer) this.answers.delete(key);
    });
    return answer;
  }
}
