/** Reports each written pointer once, although path-level parameters belong to many operations. */
export function once(): (pointer: string) => boolean {
  const seen = new Set<string>();
  return (pointer) => {
    if (seen.has(pointer)) return false;
    seen.add(pointer);
    return true;
  };
}
