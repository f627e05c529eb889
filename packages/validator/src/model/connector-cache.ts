/**
 * A cache for what rules work out once per connector (a swagger's structure walk, a readme's
 * outline), keyed weakly by what it was worked out from, as a WeakMap is; and emptied of a
 * connector's entries once the engine has run its rules (see `releasingConnectorCaches`).
 *
 * Why not a module-level WeakMap alone: V8's young-generation collector (the scavenger) keeps every
 * value of a WeakMap that lives in the old generation, as a module's WeakMap soon does, until the
 * next full collection; only the keys are weak to it. A cached index points back into its document,
 * so every connector's documents and indexes survived each scavenge and were promoted (about 4.5 MB
 * a scavenge). Deleting a connector's entries when its rules are done lets them die young: the
 * collector's time in a warm corpus run went from ~165 ms to ~35 ms on a loaded machine. While the
 * engine runs a connector's rules, its entries are held in short lists until then (see below).
 */
export class ConnectorCache<K extends object, V> {
  /** Entries written outside the engine, which live as in a WeakMap. */
  private readonly entries = new WeakMap<K, V>();
  /**
   * Entries written while the engine runs a connector's rules, until it deletes them: a connector
   * writes one to each cache, or a few, so a key is compared with one or two others. A WeakMap entry
   * set and deleted for each (~4,000 a corpus run, in eleven caches) took 0.7-1.2 % of a corpus
   * run's profile samples in the caches' reads and writes; these lists take 0.14-0.5 %.
   */
  private readonly scopedKeys: K[] = [];
  private readonly scopedValues: V[] = [];

  get(key: K): V | undefined {
    const keys = this.scopedKeys;
    for (let index = 0; index < keys.length; index++) {
      if (keys[index] === key) return this.scopedValues[index];
    }
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (written === undefined) {
      this.entries.set(key, value);
      return;
    }
    // Noted on every write, as the WeakMap's were: the engine deletes what each connector wrote.
    written.push(this as ConnectorCache<object, unknown>, key);
    const index = this.scopedKeys.indexOf(key);
    if (index !== -1) {
      this.scopedValues[index] = value;
      return;
    }
    this.scopedKeys.push(key);
    this.scopedValues.push(value);
  }

  /**
   * The value cached for `key`, worked out by `build(key)` on the first call. `build` takes the key
   * so that callers pass a module-level function, not a closure made on every call.
   */
  getOrBuild(key: K, build: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = build(key);
      this.set(key, value);
    }
    return value;
  }

  delete(key: K): void {
    const keys = this.scopedKeys;
    const index = keys.indexOf(key);
    if (index !== -1) {
      // The last entry takes the place of the deleted one: order does not matter.
      const last = keys.length - 1;
      keys[index] = keys[last]!;
      this.scopedValues[index] = this.scopedValues[last]!;
      keys.pop();
      this.scopedValues.pop();
    }
    this.entries.delete(key);
  }
}

/**
 * The caches and keys written since the engine started the current connector's rules, as pairs:
 * [cache, key, cache, key, …]. Undefined outside the engine, where entries live as in a WeakMap.
 */
let written: (ConnectorCache<object, unknown> | object)[] | undefined;

/**
 * Runs one connector's rules, then deletes every cache entry they wrote. The rules of a connector run
 * synchronously one after the other, so whatever is written meanwhile is theirs.
 */
export function releasingConnectorCaches<T>(runRules: () => T): T {
  const outer = written;
  const mine: (ConnectorCache<object, unknown> | object)[] = [];
  written = mine;
  try {
    return runRules();
  } finally {
    written = outer;
    for (let index = 0; index < mine.length; index += 2) {
      (mine[index] as ConnectorCache<object, unknown>).delete(mine[index + 1]!);
    }
  }
}
