// String.localeCompare's order without ICU's collation data, whose loading (~8 ms) was the largest single cost of the
// bundle's start-up: for text made only of lowercase ASCII letters, digits and `-` (every rule id), ICU orders as the
// code units do (`-` before digits before letters, a prefix first). Other text is left to localeCompare.
const PLAIN = /^[a-z0-9-]*$/;

export function compareIds(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
