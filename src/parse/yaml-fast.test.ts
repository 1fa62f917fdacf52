// The fast YAML parser must give exactly what yaml's parseAllDocuments gives (with compose.ts's options), or nothing.
// Compared on a table of cases, on every YAML file of the fixtures and the corpus, and on mutations of the corpus's
// compose files and on generated documents (comment and blank lines in every column, empty values, block scalars,
// multi-line scalars and flow collections): the places where yaml's CST rules for ranges are subtle.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, type Document } from 'yaml';
import { prng, type Random } from '../../test/mutate.js';
import { kindOfName } from '../discover/discover.js';
import { fastYamlBail, parseYamlFast } from './yaml-fast.js';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, '../shared/corpus');
const OPTIONS = { merge: true, prettyErrors: false, uniqueKeys: false, logLevel: 'error' } as const;

/** Not reproduced on purpose (see yaml-fast.ts): nothing reads them. */
const SKIPPED = new Set(['comment', 'commentBefore', 'spaceBefore']);

/** A value as comparable data: symbols, functions and odd numbers by name. */
function plain(v: unknown): unknown {
  if (typeof v === 'symbol') return `Symbol(${v.description})`;
  if (typeof v === 'function') return `function ${v.name}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (Object.is(v, -0)) return '-0';
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/**
 * Everything of the documents as data: each node's class and own enumerable properties (range, value and its type,
 * source, type, format, anchor, flow, items...), whether a collection holds the document's schema, the document's
 * range, options, directives, schema, errors and warnings, and what toJS makes of it.
 */
function dump(docs: Document[] | undefined): unknown {
  return docs?.map((doc) => {
    const node = (n: unknown): unknown => {
      if (!n || typeof n !== 'object') return plain(n);
      const out: Record<string, unknown> = { class: n.constructor.name };
      for (const [k, v] of Object.entries(n)) if (!SKIPPED.has(k)) out[k] = k === 'items' ? (v as unknown[]).map(node) : k === 'key' || k === 'value' ? node(v) : plain(v);
      if ('value' in n) out.typeofValue = typeof n.value;
      if ('items' in n) out.ownSchema = (n as { schema?: unknown }).schema === doc.schema;
      return out;
    };
    let js: unknown;
    try {
      js = JSON.stringify(doc.toJS({ maxAliasCount: 10_000 }), (_k, v) => (typeof v === 'symbol' || typeof v === 'bigint' || Number.isNaN(v) ? String(v) : v));
    } catch (e) {
      js = `throws ${(e as Error).message}`;
    }
    const d = doc as unknown as Record<string, unknown> & { options: Record<string, unknown>; schema: { name: string; tags: { tag: string }[] } };
    return {
      keys: Object.keys(d).filter((k) => !SKIPPED.has(k)),
      range: d.range,
      errors: doc.errors.length,
      warnings: doc.warnings.length,
      options: Object.fromEntries(Object.entries(d.options).map(([k, v]) => [k, k === '_directives' ? { ...(v as object) } : v])),
      directives: { ...doc.directives },
      schema: [d.schema.name, d.schema.tags.map((t) => t.tag)],
      contents: node(doc.contents),
      js,
    };
  });
}

function reference(text: string): Document[] {
  const docs = parseAllDocuments(text, OPTIONS);
  return Array.isArray(docs) ? docs : [];
}

/**
 * Whether the fast parser answered, after checking that what it answered is yaml's parse (without any problem), and
 * that it did not leave the text to yaml because it failed (in a run it would fall back silently).
 */
function agrees(text: string): boolean {
  expect(fastYamlBail(text, OPTIONS) ?? '', JSON.stringify(text)).not.toMatch(/^internal/);
  const fast = parseYamlFast(text, OPTIONS);
  if (!fast) return false;
  const ref = reference(text);
  expect(ref.flatMap((d) => [...d.errors, ...d.warnings]).map((e) => e.message), JSON.stringify(text)).toEqual([]);
  expect(dump(fast), JSON.stringify(text)).toEqual(dump(ref));
  return true;
}

describe('parseYamlFast', () => {
  const taken = [
    'services:\n  web:\n    image: nginx:1.27 # pinned\n    ports:\n      - "8080:80"\n      - 443:443\n',
    'a: 1\nb: 0x1F\nc: 0o17\nd: -1.50\ne: 1e3\nf: .inf\ng: -.Inf\nh: .nan\ni: true\nj: False\nk: null\nl: ~\nm:\nn: yes\no: "1"\np: \'x\'\n1: int key\ntrue: bool key\n',
    'x-common: &common\n  restart: always\n  <<: [*a, *b]\nsvc:\n  <<: *common\n  "<<": quoted\n  image: x\n',
    'key: [ "CMD", curl, \'-f\', *a, [1, 2], {k: v} ]\nmap: {a: 1, "b": two, c: [x]}\nempty: []\nnone: {}\ntrail: [a, b, ]\n',
    'a: [\n  b,\n# c\n  ]\n',
    'test:\n  [\n    "CMD",\n    # why\n    "true", # trailing\n  ]\nother: {\n  a: 1,\n  b: 2\n  }\n',
    'cmd: >-\n  folded\n  text\n\n  more\nscript: |\n  line 1\n    indented\n\n  line 3\nkeep: |+\n  a\n\nstrip: |-\n  b\nexplicit: |2\n    two\nseq:\n  - |\n    in a sequence\n  - >\n    folded\n',
    'a: plain\n  continued\n\n  after a blank\nb: "double\n  quoted \\t\\u00e9\\x41 \\\n  escaped"\nc: \'single\n\n  quoted\'\nd:\n  on its own line\n',
    'a:\n  b: 1\n    # deeper comment: part of the value\n  # comment in the column of b\n# column 0\nc:\n  - x\n  # in the sequence\n  - y\nd: # c\n\ne:\n# c\n  f: 1\n',
    '---\n# comment\nservices:\n  a: {}\n',
    'list:\n- a\n-\n- # empty\n-   - nested? no: a mapping\n',
    'seq:\n  - a: 1\n    b: 2\n  - - x\n',
    'anchors:\n  a: &x value\n  b: &y\n    c: 1\n  c:\n    &z\n    d: 1\n  e: *x\n',
    'k: "a" # c\nl: \'it\'\'s\'\nm: :8080\nn: ?x\no: -x\np: a:b\nq: a #b\nr: "#"\n',
    'a: 1\n\n\n   \n# trailing\n  # indented trailing\n',
    'a: 1',
    'a:\n  b:',
  ];
  it.each(taken)('parses %j as yaml does', (text) => {
    agrees(text);
  });

  it('takes the common shapes', () => {
    for (const text of taken.slice(0, 9)) expect(parseYamlFast(text, OPTIONS), text).toBeDefined();
  });

  const leftToYaml = [
    'a: !reset null\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a: 1\n...\n', '? a\n: b\n', 'a:\tb\n', 'a: b\r\nc: d\r\n',
    '\uFEFFa: 1\n', '[a, b]\n', 'just a scalar\n', '', '# only a comment\n', '  a: 1\n', 'a: b: c\n', 'a: 1\n b: 2\n', 'a:\n  - b\n  c: 1\n', 'a: [1,\n2]\n',
    'a: "unclosed\n', 'a: "bad \\q escape"\n', 'a: |\nnot indented\n', 'a: @x\n', 'a: `x`\n', 'a: %x\n', '&a b: c\n', 'a: &a *b\n', 'a: *\n', 'a: &a\nb: 1\n',
    'a: {b}\n', 'a: [b: c]\n', 'a: [,]\n', 'a: [a]#c\n', 'a: "x"#c\n', `${'k'.repeat(1100)}: v\n`, 'a: - b\n', '- - a\n', 'a: {\n  b: 1\n# c\n  }\n',
  ];
  it.each(leftToYaml)('leaves %j to yaml', (text) => {
    expect(parseYamlFast(text, OPTIONS)).toBeUndefined();
  });

  it('stays linear and shallow on hostile input', () => {
    const long = 200_000;
    for (const text of ['a: ' + '"'.repeat(long), 'a: ' + "'".repeat(long), 'a: ' + '['.repeat(long), 'a: ' + '{a: '.repeat(long / 4), '- '.repeat(long), `a: ${'x '.repeat(long)}\n`, ` ${':'.repeat(long)}`, 'a:\n' + '  - b\n'.repeat(long / 6)]) {
      const result = fastYamlBail(text, OPTIONS);
      expect(result === undefined || !result.startsWith('internal'), result).toBe(true);
    }
    // nesting deeper than it goes is left to yaml (compose.ts refuses 200 levels before either parses)
    const deep = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k:\n`).join('');
    expect(fastYamlBail(deep, OPTIONS)).toBe('deep');
    expect(fastYamlBail(`a: ${'['.repeat(150)}`, OPTIONS)).toBe('deep');
  });
});

/** The corpus's compose files, as the CLI finds them (by name). */
function composeFiles(dir: string): string[] {
  return fg.sync('**/*.{yml,yaml}', { cwd: dir, absolute: true, onlyFiles: true, dot: true }).filter((f) => kindOfName(path.basename(f)) === 'compose').sort();
}

const yamlFiles = (dir: string) => fg.sync('**/*.{yml,yaml}', { cwd: dir, absolute: true, onlyFiles: true, dot: true, ignore: ['**/node_modules/**'] }).sort();

describe('parseYamlFast on real files', () => {
  it('agrees with yaml on every YAML file of the fixtures, and on generated documents', () => {
    const files = yamlFiles(path.join(root, 'fixtures'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) agrees(readFileSync(file, 'utf8'));
    const random = prng(20261124);
    let answered = 0;
    for (let i = 0; i < 3000; i++) if (agrees(generated(random))) answered++;
    expect(answered).toBeGreaterThan(300); // the generator's documents are taken often enough to test something
  }, 120_000);

  if (existsSync(corpus)) {
    it('agrees with yaml on every YAML file of ../shared/corpus, takes 90% of its compose files, and agrees on mutations of them', () => {
      for (const file of yamlFiles(corpus)) agrees(readFileSync(file, 'utf8'));
      const texts = composeFiles(corpus).map((f) => readFileSync(f, 'utf8'));
      expect(texts.length).toBeGreaterThan(100);
      const answered = texts.filter((t) => parseYamlFast(t, OPTIONS)).length;
      // 316 of 318 when written (the other two hold `!reset`/`!override` tags): if this falls, the fast path stopped
      // covering what it was written for.
      expect(answered / texts.length).toBeGreaterThan(0.9);
      const random = prng(20261125);
      for (let i = 0; i < 3000; i++) agrees(mutant(random.pick(texts), random));
    }, 180_000);
  } else {
    it.skip(`skipped: ${corpus} is absent (it ships beside the repository in ../shared)`, () => {});
  }
});

/** Characters and pieces with a meaning in YAML, for mutations. */
const PIECES = [' ', '  ', '\t', ':', ': ', '-', '- ', '#', ' #', '"', "'", '|', '>', '|-', '>+', '|2', '[', ']', '{', '}', ',', '&', '&a ', '*a', '!', '?', '? ', '%', '@', '`', '\n', '\n\n', '\r', '\r\n', '\uFEFF', 'é', '\u2028', '😀', '\\', '\\n', '<<', '<<: *a', '---\n', '...', '~', '0x1F', '.inf', '1.50', 'true', '\n  ', '\n    # c\n', '\n# c\n', '\n  - x', '\n- '];

/** `text` with one to three insertions, deletions or replacements of characters or lines. */
function mutant(text: string, random: Random): string {
  let out = text;
  for (let edits = 1 + random.int(3); edits > 0; edits--) {
    const at = random.int(out.length + 1);
    const kind = random.int(6);
    if (kind === 0) out = out.slice(0, at) + random.pick(PIECES) + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1 + random.int(3));
    else if (kind === 2) out = out.slice(0, at) + random.pick(PIECES) + out.slice(at + 1 + random.int(2));
    else {
      const lines = out.split('\n');
      const i = random.int(lines.length);
      if (kind === 3) lines.splice(i, 1);
      else if (kind === 4) lines.splice(i, 0, lines[random.int(lines.length)]!);
      else lines[i] = random.pick(['', ' ', '  ', '    ', '#', '- ']) + lines[i]!.replace(/^ {0,2}/, random.pick(['', ' ', '   ']));
      out = lines.join('\n');
    }
  }
  // a window of a long file keeps the comparison cheap
  if (out.length > 6000) {
    const from = out.lastIndexOf('\n', random.int(out.length - 4000)) + 1;
    out = out.slice(from, from + 4000);
  }
  return out;
}

/**
 * A random document of block collections with comment and blank lines in random columns between entries, empty
 * values, block scalars, multi-line plain and quoted scalars, flow collections across lines, anchors and aliases;
 * now and then with a character inserted or deleted.
 */
function generated(random: Random): string {
  const pick = <T>(list: readonly T[]) => random.pick(list);
  const words = ['a', 'x y', 'image', '<<', '1', '0x1F', '-1.50', 'true', 'null', '~', 'k:v', 'a#b', 'é😀', '.inf', '-x', '?x', ':x', 'a  b', 'a:', 'http://h:80/p'];
  const flowBreak = () => {
    if (random.chance(0.5)) return pick(['', ' ']);
    let out = '';
    for (let i = random.int(3); i > 0; i--) out += '\n' + ' '.repeat(random.int(8)) + pick(['', '# c', '#c']);
    return out + '\n' + ' '.repeat(random.int(9));
  };
  const scalar = (): string => {
    const w = pick(words);
    switch (random.int(8)) {
      case 0:
        return `"${w}${pick(['', '\\n', '\\x41', '\\u00e9', '\\"', ' ', '\\q', '\\\n  x', '\n   y', '\n\n   z'])}"`;
      case 1:
        return `'${w}${pick(['', "''", ' ', '\n   y', '\n\n   z', '\n y'])}'`;
      case 2:
        return pick(['*a', '*b', '&a x', '&b "q"', '*a:', '&a [1]']);
      case 3:
        return `[${flowBreak()}${Array.from({ length: random.int(4) }, () => pick(['1', 'a', '"q"', '*a', '[x]', '{k: v}', 'a: 1', 'x #c'])).join(pick([', ', ',', ',' + flowBreak(), ', # c' + flowBreak()]))}${pick(['', ',', flowBreak(), ' # c' + flowBreak()])}]`;
      case 4:
        return `{${flowBreak()}${Array.from({ length: random.int(3) }, () => `${pick(['k', '"k"', '<<'])}${pick([': ', ':'])}${pick(['v', '1', '*a', '[1]', 'v #c'])}`).join(pick([', ', ',' + flowBreak()]))}${pick(['', flowBreak(), ' # x' + flowBreak()])}}`;
      default:
        return w;
    }
  };
  const trivia = (col: number) => {
    let out = '';
    for (let i = random.chance(0.6) ? 0 : random.int(4); i > 0; i--) out += (random.chance(0.5) ? ' '.repeat(random.int(col + 4)) : ' '.repeat(Math.max(0, col + random.int(7) - 3)) + pick(['#', '# c', '#x:y'])) + '\n';
    return out;
  };
  const block = (col: number, depth: number): string => {
    const pad = ' '.repeat(col);
    const isSeq = random.chance(0.35);
    let out = '';
    for (let i = 1 + random.int(4); i > 0; i--) {
      out += trivia(col);
      const head = isSeq ? `${pad}-${pick([' ', '  ', ''])}` : `${pad}${pick(['k' + i, '"q' + i + '"', "'s'", '<<', 'a b', String(i)])}${pick([':', ' :'])}`;
      const end = pick(['', ' ', ' # c', '  #c']);
      const kind = random.int(depth > 3 ? 3 : 9);
      if (kind === 0) out += `${head}${end}\n`;
      else if (kind <= 2) out += `${head} ${scalar()}${end}\n`;
      else if (kind === 3) {
        out += `${head} ${pick(['|', '>'])}${pick(['', '-', '+', '2', '-1', '+1', '3'])}${pick(['', ' # h'])}\n`;
        const inner = col + 1 + random.int(3);
        for (let j = 1 + random.int(4); j > 0; j--) out += pick(['', ' '.repeat(inner), ' '.repeat(inner) + 'line', ' '.repeat(inner + 2) + 'more', ' '.repeat(inner) + '# text', ' '.repeat(Math.max(0, inner - 1)) + 'less']) + '\n';
      } else if (kind === 4 && isSeq) out += `${head}${pick(['k: v', '"q": x'])}${end}\n${block(col + 2, depth + 1)}`;
      else if (kind === 5) out += `${head}${end}\n${trivia(col)}${' '.repeat(col + 1 + random.int(3))}${pick([scalar(), '|\n' + ' '.repeat(col + 3) + 'text', '&a x'])}\n`;
      else if (kind === 6) out += `${head} ${pick(['a', 'b c', '-x'])}\n${pick(['', '\n', '  \n'])}${' '.repeat(col + random.int(4))}${pick(['more', 'x: y', '- z', '#c', 'w # c'])}\n`;
      else {
        const props = random.chance(0.3) ? `${end}\n${trivia(col)}${' '.repeat(col + random.int(4))}${pick(['&a', '&b # x'])}\n` : `${pick(['', ' &a'])}${end}\n`;
        out += `${head}${props}${trivia(col)}${block(col + pick([0, 1, 2, 2, 4]), depth + 1)}`;
      }
    }
    return out;
  };
  let text = (random.chance(0.2) ? pick(['---\n', '# top\n---\n', '\n\n']) : '') + block(0, 0) + trivia(0);
  if (random.chance(0.3)) text = text.replace(/\n$/, '');
  if (random.chance(0.2)) text += pick(['  ', '# end', '\n\n', '   \n  ']);
  for (let edits = random.chance(0.3) ? 1 + random.int(2) : 0; edits > 0; edits--) {
    const at = random.int(text.length + 1);
    text = random.chance(0.5) ? text.slice(0, at) + pick([' ', '\n', '#', ':', '- ', '"', '[', ']', ',', '&a ', '*a', '|', '\n  ', '\n# c\n']) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + random.int(2));
  }
  return text;
}
