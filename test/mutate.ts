// A seeded mutation fuzzer for Dockerfiles, compose files, .dockerignore and .env files: no dependency, and every
// mutant is a pure function of its seed, so a failure is replayed from the seed it prints (FUZZ_SEED).

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence on every machine. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(list: readonly T[]) => list[int(list.length)]!, chance: (p: number) => next() < p };
}

export interface Random {
  /** [0, 1) */
  next(): number;
  /** [0, n) */
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

/** Text that parsers treat specially: YAML anchors, aliases, merge keys, tags and flow syntax; Dockerfile escapes,
 * heredocs, parser directives and flags; interpolation; control characters and broken UTF-16. */
export const TOKENS: readonly string[] = [
  // YAML
  '&a ', '*a', '<<: *a', '<<: [*a, *b]', '!!binary ', '!!str ', '!!int ', '!!map ', '!reset ', '!override ', '!!python/object ',
  '? ', ': ', '- ', '-', '[', ']', '{', '}', '[[[[[[[[', '{a: {b: {c: ', ',', '|', '|-', '>-', '|+2', '"', "'", '\\"',
  '---\n', '...\n', '%YAML 1.1\n', '%TAG ! tag:x,2024:\n', '#', ' # c', 'null', '~', '.inf', '0x1F', '0o17', '1e999', '-0',
  'true', 'yes', 'on', '2024-01-01', '<<', 'x-', 'services:', 'build:', 'extends:', 'include:\n  - ', 'env_file: ', 'secrets:',
  'dockerfile_inline: |\n      FROM scratch\n', 'context: ', 'dockerfile: ', 'image: ', 'ports: ["', 'environment:\n  - ',
  // Interpolation
  '${', '${A', '${A:-', '${A:-x}', '${A:?err}', '${A?}', '${A:+x}', '$$', '$', '${${A}}', '${A:-${B:-${C}}}', '$A$B',
  // Dockerfile
  '\\', '\\\n', '\\\r\n', '<<EOF\n', '\nEOF\n', '<<-EOT', 'RUN <<EOF\nset -e\nEOF\n', '# syntax=docker/dockerfile:1\n',
  '# escape=`\n', '`', '# check=skip=all\n', '# dockpolicy-ignore ', '# dockpolicy-ignore-file\n', '# hadolint ignore=DL3008\n',
  'FROM ', 'FROM scratch\n', 'FROM a AS b\n', 'AS ', 'RUN ', 'ONBUILD ', 'ONBUILD ONBUILD ', 'COPY --from=', 'COPY --chown=0:0 ',
  'ADD ', 'ARG ', 'ENV ', 'USER ', 'WORKDIR ', 'EXPOSE ', 'HEALTHCHECK ', 'HEALTHCHECK NONE', 'SHELL ["/bin/sh", "-c"]',
  'CMD ["', 'ENTRYPOINT [', '--mount=type=secret,id=x ', '--platform=$BUILDPLATFORM ', '--network=none ', '&&', '||', ';', '|',
  '$(', '`', '"$@"', '>', '2>&1', '<(', 'sudo ', 'apt-get install -y ', 'curl -u ', 'wget ', 'pip install ', 'npm ci ',
  // Control characters and broken text
  '\t', '\0', '\r', '\r\n', '\v', '\f', '\x1b[31m', '\u0085', '\u2028', '\u2029', '\uFEFF', '\uD800', '\uDFFF', '\uDBFF\uDFFF',
  '\u{1F600}', '\u202E', '\uFFFD', '\uFFFF',
];

export type Mutation = (text: string, r: Random, donors: () => string) => string;

const lines = (text: string) => text.split('\n');

const MUTATIONS: Record<string, Mutation> = {
  /** Flips bits of random bytes of the UTF-8 encoding, then decodes as the tool reads files (invalid bytes to U+FFFD). */
  byteFlip(text, r) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return text;
    for (let n = 1 + r.int(4); n > 0; n--) bytes[r.int(bytes.length)] ^= 1 << r.int(8);
    return bytes.toString('utf8');
  },
  /** Writes a random byte (also 0x80-0xFF: invalid UTF-8 on its own). */
  byteSet(text, r) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return String.fromCharCode(r.int(256));
    bytes[r.int(bytes.length)] = r.int(256);
    return bytes.toString('utf8');
  },
  deleteLine(text, r) {
    const ls = lines(text);
    ls.splice(r.int(ls.length), 1 + r.int(3));
    return ls.join('\n');
  },
  duplicateLine(text, r) {
    const ls = lines(text);
    const i = r.int(ls.length);
    ls.splice(i, 0, ...Array<string>(r.chance(0.1) ? 50 + r.int(200) : 1 + r.int(3)).fill(ls[i]!));
    return ls.join('\n');
  },
  swapLines(text, r) {
    const ls = lines(text);
    const i = r.int(ls.length);
    const j = r.int(ls.length);
    [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    return ls.join('\n');
  },
  /** Lines of another corpus file at a random place: a compose fragment in a Dockerfile, and so on. */
  splice(text, r, donors) {
    const ls = lines(text);
    const donor = lines(donors());
    const from = r.int(donor.length);
    ls.splice(r.int(ls.length + 1), 0, ...donor.slice(from, from + 1 + r.int(8)));
    return ls.join('\n');
  },
  insertToken(text, r) {
    const at = r.int(text.length + 1);
    return text.slice(0, at) + r.pick(TOKENS) + text.slice(at);
  },
  /** A token at the start of a line, after its indentation: where keys and instructions are. */
  insertTokenAtLine(text, r) {
    const ls = lines(text);
    const i = r.int(ls.length);
    const indent = /^\s*/.exec(ls[i]!)![0];
    ls[i] = indent + r.pick(TOKENS) + ls[i]!.slice(indent.length);
    return ls.join('\n');
  },
  replaceWord(text, r) {
    const words = [...text.matchAll(/[A-Za-z_][\w.-]*/g)];
    if (words.length === 0) return text;
    const w = r.pick(words);
    const by = r.chance(0.5) ? r.pick(TOKENS) : r.pick(words)[0];
    return text.slice(0, w.index) + by + text.slice(w.index + w[0].length);
  },
  truncate(text, r) {
    return text.slice(0, r.int(text.length + 1));
  },
  indent(text, r) {
    const ls = lines(text);
    const i = r.int(ls.length);
    ls[i] = r.chance(0.5) ? ' '.repeat(1 + r.int(4)) + ls[i] : ls[i]!.replace(/^\s{1,4}/, r.chance(0.3) ? '\t' : '');
    return ls.join('\n');
  },
  crlf(text) {
    return text.replace(/\r?\n/g, '\r\n');
  },
  bom(text) {
    return `\uFEFF${text}`;
  },
  /** One very long line or token: quadratic scans show up here. */
  longLine(text, r) {
    const ls = lines(text);
    const i = r.int(ls.length);
    const unit = r.pick(['a', ' ', '\\', '$', '${A}', '-', '[', '"', 'A'.repeat(8), '&&', ':']);
    ls[i] = ls[i] + unit.repeat(2_000 + r.int(20_000));
    return ls.join('\n');
  },
  /** Nesting: flow collections or indentation several hundred levels deep. */
  nest(text, r) {
    const depth = 50 + r.int(500);
    const at = r.int(text.length + 1);
    const deep = r.chance(0.5) ? '['.repeat(depth) + ']'.repeat(r.int(depth + 1)) : Array.from({ length: depth }, (_, d) => `${' '.repeat(d)}k${d}:`).join('\n');
    return `${text.slice(0, at)}${deep}${text.slice(at)}`;
  },
  /** An anchor and many aliases to it (a small alias bomb). */
  aliases(text, r) {
    const n = 5 + r.int(20);
    const bomb = `x-a: &a [${'x,'.repeat(n)}x]\nx-b: &b [${'*a,'.repeat(n)}*a]\nx-c: &c [${'*b,'.repeat(n)}*b]\n`;
    return r.chance(0.5) ? bomb + text : `${text}\n${bomb}`;
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** 1 to 4 mutations of `text`, chosen by `r`; returns the text and the names of the mutations applied. */
export function mutate(text: string, r: Random, donors: () => string): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + r.int(4); n > 0; n--) {
    const name = r.pick(MUTATION_NAMES);
    applied.push(name);
    out = MUTATIONS[name]!(out, r, donors);
  }
  return { text: out, applied };
}
