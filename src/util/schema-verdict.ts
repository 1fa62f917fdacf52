// A quick verdict on whether a document is valid against a JSON schema (draft-07), for the compose-schema rule: nearly
// every compose file is valid, and for those this answers in a few small functions that V8 warms up at once, where the
// precompiled ajv validator (dist/compose-schema-validator.cjs) is ~400 KB of code that a run mostly executes cold. Only
// what ajv would accept is called VALID: an INVALID or UNSURE document goes to ajv, which finds the errors to report.
// It knows the keywords the compose-spec schema uses, and nothing else: compileVerdict refuses a schema with any other,
// so the build (scripts/build.mjs) fails rather than this saying VALID where ajv would not.

/** Ordered so that the verdict of several keywords that must all hold is the largest of theirs. */
export const VALID = 0;
export const UNSURE = 1;
export const INVALID = 2;
export type Verdict = typeof VALID | typeof UNSURE | typeof INVALID;

type Check = (data: unknown) => Verdict;
type Schema = boolean | { [keyword: string]: unknown };

const KNOWN = new Set(['type', '$ref', 'properties', 'patternProperties', 'additionalProperties', 'items', 'oneOf', 'anyOf', 'allOf', 'uniqueItems', 'required', 'enum', 'minimum', 'maximum', 'pattern', 'definitions']);

/**
 * The verdict function of `root`, a schema whose `$ref`s are all `#/definitions/<name>` (as scripts/build.mjs
 * prepares the compose-spec schema). Throws on a keyword or form it does not know: for a definition, when a document
 * first reaches it, unless `eager` (the build compiles every definition at once, so that it fails instead).
 */
export function compileVerdict(root: Schema, eager = false): Check {
  const definitions = typeof root === 'object' ? ((root.definitions ?? {}) as Record<string, Schema>) : {};
  const compiled = new Map<string, Check>();
  const ref = (target: string): Check => {
    const name = /^#\/definitions\/([^/]+)$/.exec(target)?.[1];
    if (name === undefined || !Object.hasOwn(definitions, name)) throw new Error(`schema-verdict: unsupported $ref ${target}`);
    let check = compiled.get(name);
    if (!check) {
      // Compiled at first use: a run over one small file reaches a few of the definitions. Set before compiling, so
      // that a recursive reference finds it.
      let body: Check | undefined;
      compiled.set(name, (check = (data) => (body ??= compile(definitions[name]!))(data)));
      if (eager) body = compile(definitions[name]!);
    }
    return check;
  };

  function compile(schema: Schema): Check {
    if (schema === true) return () => VALID;
    if (schema === false) return () => INVALID;
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error(`schema-verdict: not a schema: ${JSON.stringify(schema)}`);
    for (const keyword of Object.keys(schema)) if (!KNOWN.has(keyword)) throw new Error(`schema-verdict: unsupported keyword "${keyword}"`);
    // draft-07: the other keywords beside a $ref are ignored.
    if (schema.$ref !== undefined) return ref(String(schema.$ref));
    const checks: Check[] = [];
    if (schema.type !== undefined) checks.push(typeCheck(schema.type));
    if (schema.enum !== undefined) checks.push(enumCheck(schema.enum));
    if (schema.minimum !== undefined || schema.maximum !== undefined) checks.push(rangeCheck(schema.minimum, schema.maximum));
    if (schema.pattern !== undefined) {
      const pattern = new RegExp(String(schema.pattern), 'u'); // as ajv (unicodeRegExp)
      checks.push((data) => (typeof data !== 'string' || pattern.test(data) ? VALID : INVALID));
    }
    if (schema.required !== undefined) checks.push(requiredCheck(schema.required));
    if (schema.properties !== undefined || schema.patternProperties !== undefined || schema.additionalProperties !== undefined) checks.push(objectCheck(schema, compile));
    if (schema.items !== undefined) {
      if (Array.isArray(schema.items)) throw new Error('schema-verdict: unsupported tuple "items"');
      const item = compile(schema.items as Schema);
      checks.push((data) => {
        if (!Array.isArray(data)) return VALID;
        let verdict: Verdict = VALID;
        for (let i = 0; i < data.length && verdict !== INVALID; i++) verdict = worse(verdict, item(data[i]));
        return verdict;
      });
    }
    if (schema.uniqueItems === true) checks.push(uniqueCheck);
    else if (schema.uniqueItems !== undefined && schema.uniqueItems !== false) throw new Error('schema-verdict: unsupported "uniqueItems"');
    for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
      if (schema[combinator] === undefined) continue;
      if (!Array.isArray(schema[combinator])) throw new Error(`schema-verdict: "${combinator}" is not a list`);
      checks.push(combine(combinator, (schema[combinator] as Schema[]).map(compile)));
    }
    return all(checks);
  }

  const check = compile(root);
  if (eager) for (const name of Object.keys(definitions)) ref(`#/definitions/${name}`);
  return check;
}

const worse = (a: Verdict, b: Verdict): Verdict => (a > b ? a : b);

function all(checks: Check[]): Check {
  if (checks.length === 0) return () => VALID;
  if (checks.length === 1) return checks[0]!;
  return (data) => {
    let verdict: Verdict = VALID;
    for (let i = 0; i < checks.length && verdict !== INVALID; i++) verdict = worse(verdict, checks[i]!(data));
    return verdict;
  };
}

/** A type as a bit, so that a list of types is one mask and a value's type is found once. */
const TYPE_BITS: Record<string, number> = { object: 1, array: 2, string: 4, number: 8, integer: 16, boolean: 32, null: 64 };

/** The type bits of a value as ajv tells them (an integer is a number too); 0 for no JSON type. */
function typeBits(data: unknown): number {
  switch (typeof data) {
    case 'string':
      return 4;
    case 'number':
      return Number.isInteger(data) ? 8 | 16 : 8;
    case 'boolean':
      return 32;
    case 'object':
      return data === null ? 64 : Array.isArray(data) ? 2 : 1;
    default:
      return 0;
  }
}

function typeCheck(type: unknown): Check {
  let mask = 0;
  for (const t of Array.isArray(type) ? type : [type]) {
    if (typeof t !== 'string' || !Object.hasOwn(TYPE_BITS, t)) throw new Error(`schema-verdict: unsupported type ${JSON.stringify(t)}`);
    mask |= TYPE_BITS[t]!;
  }
  return (data) => {
    // Numbers ajv does not count as numbers (Infinity, NaN: `.inf`, `.nan` in YAML) are left to it.
    if (typeof data === 'number' && !Number.isFinite(data)) return UNSURE;
    return (typeBits(data) & mask) !== 0 ? VALID : INVALID;
  };
}

function enumCheck(values: unknown): Check {
  if (!Array.isArray(values)) throw new Error('schema-verdict: "enum" is not a list');
  return (data) => {
    if (typeof data === 'number' && !Number.isFinite(data)) return UNSURE;
    for (let i = 0; i < values.length; i++) if (deepEqual(values[i], data)) return VALID;
    return INVALID;
  };
}

function rangeCheck(minimum: unknown, maximum: unknown): Check {
  if ((minimum !== undefined && typeof minimum !== 'number') || (maximum !== undefined && typeof maximum !== 'number')) throw new Error('schema-verdict: a non-numeric bound');
  return (data) => {
    if (typeof data !== 'number') return VALID;
    if (!Number.isFinite(data)) return UNSURE;
    return (minimum === undefined || data >= minimum) && (maximum === undefined || data <= maximum) ? VALID : INVALID;
  };
}

function requiredCheck(required: unknown): Check {
  if (!Array.isArray(required) || required.some((k) => typeof k !== 'string')) throw new Error('schema-verdict: "required" is not a list of names');
  return (data) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return VALID;
    // As ajv reads them: a key is missing when its value is undefined.
    for (let i = 0; i < required.length; i++) if ((data as Record<string, unknown>)[required[i] as string] === undefined) return INVALID;
    return VALID;
  };
}

function objectCheck(schema: { [keyword: string]: unknown }, compile: (schema: Schema) => Check): Check {
  const properties = new Map<string, Check>();
  for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) properties.set(key, compile(sub));
  const patterns: [RegExp, Check][] = Object.entries((schema.patternProperties ?? {}) as Record<string, Schema>).map(([p, sub]) => [new RegExp(p, 'u'), compile(sub)]);
  const additional = schema.additionalProperties === undefined ? undefined : compile(schema.additionalProperties as Schema);
  // ajv's code checks a declared property when `data.name !== undefined`, which an object inherits for the names of
  // Object.prototype's members: those are read that way too. Every other name is checked where the object has it.
  const inherited = [...properties.keys()].filter((key) => key in Object.prototype);
  const own = new Map([...properties].filter(([key]) => !inherited.includes(key)));
  return (data) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return VALID;
    // A `__proto__` key made the object inherit: for-in would see more than its own keys. Left to ajv.
    if (Object.getPrototypeOf(data) !== Object.prototype) return UNSURE;
    const object = data as Record<string, unknown>;
    let verdict: Verdict = VALID;
    for (let i = 0; i < inherited.length; i++) {
      const value = object[inherited[i]!];
      if (value !== undefined) verdict = worse(verdict, properties.get(inherited[i]!)!(value));
    }
    // Keys found with for-in, as ajv's code finds them.
    for (const key in object) {
      if (verdict === INVALID) break;
      const value = object[key];
      const declared = own.get(key);
      if (declared !== undefined && value !== undefined) verdict = worse(verdict, declared(value));
      let matched = declared !== undefined || properties.has(key);
      for (let p = 0; p < patterns.length; p++) {
        if (patterns[p]![0].test(key)) {
          matched = true;
          verdict = worse(verdict, patterns[p]![1](value));
        }
      }
      if (!matched && additional) verdict = worse(verdict, additional(value));
    }
    return verdict;
  };
}

function uniqueCheck(data: unknown): Verdict {
  if (!Array.isArray(data)) return VALID;
  for (let i = 0; i < data.length; i++) if (!plain(data[i])) return UNSURE;
  for (let i = 1; i < data.length; i++) for (let j = 0; j < i; j++) if (deepEqual(data[i], data[j])) return INVALID;
  return VALID;
}

function combine(combinator: 'oneOf' | 'anyOf' | 'allOf', branches: Check[]): Check {
  if (combinator === 'allOf') return all(branches);
  return (data) => {
    let valid = 0;
    let unsure = 0;
    for (let i = 0; i < branches.length; i++) {
      const verdict = branches[i]!(data);
      if (verdict === VALID) valid++;
      else if (verdict === UNSURE) unsure++;
    }
    if (combinator === 'anyOf') return valid > 0 ? VALID : unsure > 0 ? UNSURE : INVALID;
    if (valid > 1) return INVALID;
    if (unsure > 0) return UNSURE;
    return valid === 1 ? VALID : INVALID;
  };
}

/** Finite numbers, strings, booleans, null, and arrays and objects of them that inherit nothing unusual. */
function plain(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint' && value !== undefined;
  if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && value.every(plain);
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(plain);
}

/** Equality of JSON data as ajv's (fast-deep-equal), for plain values (`plain`). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], other[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
