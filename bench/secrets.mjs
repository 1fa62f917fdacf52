// Worst-case inputs for the credential scanner: 1 MB lines built to provoke regex backtracking.
// Prints the time each takes; the goal is well under 100 ms each (a linear scan).
import { findCredentials } from '../dist/src/util/secrets.js';

const fill = (unit) => unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
const inputs = {
  letters: fill('a'),
  'upper alnum': fill('AKIA0'),
  'sk- runs': fill('sk-'),
  'ghp_ runs': fill('ghp_'),
  dashes: fill('-'),
  'PEM headers': fill('-----BEGIN RSA PRIVATE KEY-----\n'),
  'scheme runs': fill('a://'),
  'user:pass without @': fill('a://u:p'),
  interpolations: fill('${'),
  colons: fill('x:'),
};
findCredentials('warm-up https://u:p@x');
for (const [label, text] of Object.entries(inputs)) {
  const t0 = performance.now();
  const found = findCredentials(text).length;
  console.log(`${label.padEnd(22)} ${(performance.now() - t0).toFixed(1).padStart(7)} ms  (${found} matches)`);
}
