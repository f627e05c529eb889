/** One entry of a checked archive. */
export interface ZipEntryInfo {
  /**
   * The path inside the archive, with forward slashes (also where a zip written on Windows has '\')
   * and without empty or '.' folder names ('./a//b' is 'a/b'), as zip tools write it; directories
   * end with '/'.
   */
  name: string;
  isDirectory: boolean;
  /** Declared expanded size; the reader never lets an entry inflate past it. */
  size: number;
  compressedSize: number;
}
