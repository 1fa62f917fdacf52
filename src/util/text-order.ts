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

/** The ids compared by idOrder so far, in compareIds' order, one per rank; and each id's rank. */
const ranked: string[] = [];
const ranks = new Map<string, number>();

function rankOf(id: string): number {
  let rank = ranks.get(id);
  if (rank !== undefined) return rank;
  let lo = 0;
  let hi = ranked.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareIds(ranked[mid]!, id);
    if (c === 0) {
      ranks.set(id, mid); // equal in compareIds' order: one rank
      return mid;
    }
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  ranked.splice(lo, 0, id);
  for (const [other, r] of ranks) if (r >= lo) ranks.set(other, r + 1);
  ranks.set(id, lo);
  return lo;
}

/**
 * compareIds for rule ids, by rank: findings at one place mostly differ by rule (a service's key carries a dozen), and
 * a run sorts and merges tens of thousands of them, where compareIds tests both ids against a pattern every time.
 * There are only as many ids as rules and policies.
 */
export function idOrder(a: string, b: string): number {
  if (a === b) return 0;
  rankOf(a);
  const rankB = rankOf(b); // may shift a's rank: read it after
  return ranks.get(a)! - rankB;
}

let english: Intl.Collator['compare'] | undefined;
let englishNumeric: Intl.Collator['compare'] | undefined;

/**
 * Text ordered here without ICU (whose collator costs ~10 ms to create): ASCII letters, digits and punctuation, no
 * space. Port keys (`8000-8010`, `${HTTP_PORT}`, an empty published port) and most service names are. In numeric order,
 * no digit run longer than 15 (a run is compared as a Number).
 */
const ASCII_NO_SPACE = /^[A-Za-z0-9!-/:-@[-`{-~]*$/;
const LONG_RUN = /[0-9]{16}/;
/** ICU's root order of ASCII punctuation, digits and letters: the primary weights of the English collator. */
const COLLATION_WEIGHT = new Map([...'_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz'].map((c, i) => [c, i]));
const isDigit = (c: string) => c >= '0' && c <= '9';

/**
 * The English collator's order of ASCII_NO_SPACE text: by primary weight, a letter weighing as its lowercase and, in
 * numeric order, a run of digits as the number it spells (so `08` equals `8`); text equal in those weights by its
 * first difference in case, lowercase first (src/util/text-order.test.ts compares it with ICU).
 */
function asciiOrder(a: string, b: string, numeric: boolean): number {
  let i = 0;
  let j = 0;
  let byCase = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (numeric && isDigit(x) && isDigit(y)) {
      const from = [i, j];
      while (i < a.length && isDigit(a[i]!)) i++;
      while (j < b.length && isDigit(b[j]!)) j++;
      const diff = Number(a.slice(from[0], i)) - Number(b.slice(from[1], j));
      if (diff !== 0) return diff;
      continue;
    }
    if (x !== y) {
      const [lx, ly] = [x.toLowerCase(), y.toLowerCase()];
      if (lx !== ly) return COLLATION_WEIGHT.get(lx)! - COLLATION_WEIGHT.get(ly)!;
      if (byCase === 0) byCase = x === lx ? -1 : 1;
    }
    i++;
    j++;
  }
  return a.length - i - (b.length - j) || byCase;
}

/** Alphabetical order as dclint sorts (String.localeCompare), fixed to English so results do not depend on the machine. */
export function alphabetical(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return plainOrder(a, b);
  if (ASCII_NO_SPACE.test(a) && ASCII_NO_SPACE.test(b)) return asciiOrder(a, b, false);
  return (english ??= new Intl.Collator('en').compare)(a, b);
}

const NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
const numericAscii = (s: string) => ASCII_NO_SPACE.test(s) && !LONG_RUN.test(s);

/** Alphabetical order with digit runs compared as numbers (dclint's port order: `9` before `10`). */
export function numerical(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b)) return Number(a) - Number(b);
  if (numericAscii(a) && numericAscii(b)) return asciiOrder(a, b, true);
  return (englishNumeric ??= new Intl.Collator('en', { numeric: true }).compare)(a, b);
}
