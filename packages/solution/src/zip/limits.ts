/**
 * Limits that stop a hostile or broken archive (a zip bomb) before it fills the disk or the memory.
 * They are checked against the sizes the archive declares and again against the bytes actually
 * inflated, since a declared size can lie.
 */
export interface ZipLimits {
  /** Most entries an archive may hold. */
  maxEntries: number;
  /** Most bytes all entries may expand to together. */
  maxTotalBytes: number;
  /** Most bytes one entry may expand to. */
  maxEntryBytes: number;
  /** Highest expanded/compressed ratio of one entry over 1 MB (real parts stay far below; deflate tops out near 1030). */
  maxCompressionRatio: number;
}

/** Generous for real solutions (the largest public exports are a few hundred MB), fatal for bombs. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 500,
};

/** Bytes ≥ this are never held in memory by the solution code; they are streamed to disk. */
export const IN_MEMORY_ENTRY_BYTES = 64 * 1024 * 1024;
