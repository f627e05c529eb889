/**
 * The offset of every `:` of a text, in text order, inside strings or not. Two screens walk a JSON
 * document's colons (the duplicate-key screen, and GEN-SECRETS' look for `name: "value"`), and
 * finding them is most of their cost: a native `indexOf` per colon (~15 ns each, ~600,000 colons in
 * the corpus's JSON texts), while reading an offset back from this list costs about a nanosecond.
 * So the document finds them once (`JsonDocument.colonOffsets`) and both screens read the list.
 */
export function colonOffsetsOf(text: string): Int32Array {
  let offsets = scratch;
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    if (count === offsets.length) offsets = grown(offsets);
    offsets[count++] = at;
  }
  scratch = offsets;
  // A copy at its final size: the scratch list is filled again by the next text, and a list grown
  // by doubling would hold up to twice the memory for as long as its document lives.
  return offsets.slice(0, count);
}

/**
 * Reused from text to text, so that only the exact-size copy is new. A module-level list is safe
 * here: it holds numbers only, never a document, and it grows to the largest text's colon count
 * (~21,000 in the corpus's largest swagger, 83 KB).
 */
let scratch: Int32Array = new Int32Array(4096);

function grown(offsets: Int32Array): Int32Array {
  const larger = new Int32Array(offsets.length * 2);
  larger.set(offsets);
  return larger;
}
