// ICU's orders without ICU's collation data, whose loading (~8 ms) was the largest single cost of a start-up. For text
// made only of lowercase ASCII letters, digits, `_`, `-` and `.` (every rule id, most service names), ICU's root order,
// which `en` uses, gives each character one weight, `_` < `-` < `.` < digits < letters, and puts a prefix first
// (text-order.test.ts checks this against Intl.Collator). Other text is left to ICU.
const PLAIN = /^[a-z0-9_.-]*$/;
const WEIGHT = new Map([...'_-.0123456789abcdefghijklmnopqrstuvwxyz'].map((c, i) => [c, i]));

function plainOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return WEIGHT.get(a[i]!)! - WEIGHT.get(b[i]!)!;
  return a.length - b.length;
}

/** String.localeCompare's order (the machine's locale for other text). */
export function compareIds(a: string, b: string): number {
  return PLAIN.test(a) && PLAIN.test(b) ? plainOrder(a, b) : a.localeCompare(b);
}

let english: Intl.Collator['compare'] | undefined;
let englishNumeric: Intl.Collator['compare'] | undefined;

/** Alphabetical order as dclint sorts (String.localeCompare), fixed to English so results do not depend on the machine. */
export function alphabetical(a: string, b: string): number {
  return PLAIN.test(a) && PLAIN.test(b) ? plainOrder(a, b) : (english ??= new Intl.Collator('en').compare)(a, b);
}

const NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
/** Alphabetical order with digit runs compared as numbers (dclint's port order: `9` before `10`). */
export function numerical(a: string, b: string): number {
  return NUMBER.test(a) && NUMBER.test(b) ? Number(a) - Number(b) : (englishNumeric ??= new Intl.Collator('en', { numeric: true }).compare)(a, b);
}
