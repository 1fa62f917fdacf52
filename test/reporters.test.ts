// The CI and editor formats, each checked against what its consumer documents (see the header of each reporter).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv'; // the named export: the default one is not constructable under NodeNext
import { describe, expect, it } from 'vitest';
import type { Finding, Level } from '../src/engine/finding.js';
import type { RuleMeta } from '../src/engine/rule.js';
import { checkstyle } from '../src/report/checkstyle.js';
import { compact } from '../src/report/compact.js';
import { editor } from '../src/report/editor.js';
import { github } from '../src/report/github.js';
import { gitlab } from '../src/report/gitlab.js';
import { junit } from '../src/report/junit.js';
import type { Reporter, RunResult } from '../src/report/types.js';

const cwd = path.resolve('/work/project');
const COMPOSE = 'services/my api, v2/compose.yaml'; // a space and a comma
/** Every character the formats must escape or drop: %, comma, colon, tab, CR LF, < & " ', C0 controls, a lone surrogate. */
const NASTY = `50% done,\ta: b\r\nnext <tag> & "q" 'a' \x07\x1F\uD800bell`;

function meta(id: string, target: RuleMeta['target'], extra: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    aliases: [],
    level: 'error',
    target,
    tags: ['reliability'],
    description: `Checks ${id}.`,
    docs: { what: `Flags ${id}.`, why: 'Because.', example: 'FROM node:latest\n', fix: 'Fix it.' },
    messages: { m: '{{x}}' },
    ...extra,
  };
}

const RULES: RunResult['rules'] = [
  { meta: meta('env-file-secrets', 'project'), level: 'warning' },
  { meta: meta('healthcheck', 'compose'), level: 'warning' }, // enabled, never fires
  { meta: meta('no-latest-tag', 'dockerfile'), level: 'error' },
  { meta: meta('no-root-user', 'compose', { securitySeverity: 9.5 }), level: 'error' },
  { meta: meta('org-label', 'dockerfile', { tags: ['policy'] }), level: 'note' }, // a policy from the user's config
];

function finding(file: string, ruleId: string, level: Level, at: [number, number, number, number], message: string, extra: Partial<Finding> = {}): Finding {
  const [line, column, endLine, endColumn] = at;
  return {
    ruleId,
    level,
    messageId: 'm',
    message,
    data: {},
    file: path.join(cwd, file),
    range: { start: { line, column }, end: { line: endLine, column: endColumn } },
    snippet: message.slice(0, 20),
    ...extra,
  };
}

/** Sorted by file, line, column, rule id, as the engine hands them over. `.env` is not in `files`. */
const FINDINGS: Finding[] = [
  finding('.env', 'env-file-secrets', 'warning', [2, 1, 2, 10], 'API_KEY looks like a secret (ab***).'),
  finding('Dockerfile', 'no-latest-tag', 'error', [1, 6, 1, 17], "Pin 'node:latest'."),
  finding('Dockerfile', 'org-label', 'note', [4, 1, 4, 1], 'Add the label `team`.'), // zero-width
  finding('Dockerfile', 'no-latest-tag', 'error', [9, 1, 10, 1], "Pin 'redis:latest'."), // ends at column 1 of the next line
  finding(COMPOSE, 'no-root-user', 'error', [3, 12, 3, 24], 'Service runs as root.', { stack: 'api' }),
  finding(COMPOSE, 'env-file-secrets', 'warning', [7, 5, 8, 3], NASTY), // spans lines
];

function fixture(findings: Finding[] = FINDINGS): RunResult {
  return {
    cwd,
    toolVersion: '0.1.0',
    filesChecked: 3,
    rules: RULES,
    findings,
    files: [
      { path: path.join(cwd, 'Dockerfile'), kind: 'dockerfile' },
      { path: path.join(cwd, 'clean/Dockerfile'), kind: 'dockerfile' },
      { path: path.join(cwd, COMPOSE), kind: 'compose' },
    ],
  };
}

const EMPTY: RunResult = { ...fixture([]), files: [], filesChecked: 0 };
const run = (reporter: Reporter, result = fixture()) => reporter(result, { color: false });

/* eslint-disable @typescript-eslint/no-explicit-any -- reports are read back as plain data */

// ---------------------------------------------------------------------------------------------------------------
// A small strict XML reader: enough to read the two XML formats back and to fail on anything not well-formed
// (unbalanced tags, a bare `&` or `<`, an unknown entity, a second root, characters XML 1.0 forbids).

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & in ${JSON.stringify(s)}`);
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref);
    if (m) return String.fromCodePoint(m[1]![0] === 'x' ? parseInt(m[1]!.slice(1), 16) : Number(m[1]));
    if (!(ref in PREDEFINED)) throw new Error(`unknown entity ${whole}`);
    return PREDEFINED[ref]!;
  });
}

function parseXml(xml: string): XmlNode {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(declaration)) throw new Error('missing XML declaration');
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml)) {
    throw new Error('a character XML 1.0 forbids');
  }
  const document: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const open = [document];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  token.lastIndex = declaration.length;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    const [, close, name, attrs, selfClosing, text] = m;
    const parent = open.at(-1)!;
    if (text !== undefined) {
      parent.text += unescapeXml(text);
    } else if (close) {
      if (parent.name !== name || selfClosing) throw new Error(`</${name}> closes <${parent.name}>`);
      open.pop();
    } else {
      const node: XmlNode = { name: name!, attrs: {}, children: [], text: '' };
      for (const [, key, value] of attrs!.matchAll(/([\w.-]+)="([^"]*)"/g)) {
        if (key! in node.attrs) throw new Error(`duplicate attribute ${key}`);
        node.attrs[key!] = unescapeXml(value!);
      }
      parent.children.push(node);
      if (!selfClosing) open.push(node);
    }
  }
  if (open.length !== 1) throw new Error(`<${open.at(-1)!.name}> is not closed`);
  if (document.children.length !== 1 || document.text.trim()) throw new Error('not exactly one root element');
  return document.children[0]!;
}

const XMLLINT = '/usr/bin/xmllint';

/** Debian's libxml2 checker as a second opinion; the tiny reader above runs either way. */
function xmllint(xml: string, skip: (note: string) => void): void {
  if (!existsSync(XMLLINT)) skip(`${XMLLINT} not installed (Debian package libxml2-utils); the built-in XML check still ran`);
  try {
    execFileSync(XMLLINT, ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error: any) {
    throw new Error(`xmllint rejects the output:\n${error.stderr}`);
  }
}

const only = (nodes: XmlNode[], name: string) => nodes.filter((n) => n.name === name);

describe('parseXml (the test helper itself)', () => {
  it.each([
    ['<a><b></a></b>', /closes/],
    ['<a>x & y</a>', /bare &/],
    ['<a>&nbsp;</a>', /unknown entity/],
    ['<a/><b/>', /one root/],
    ['<a>\x07</a>', /forbids/],
    ['<a>\uD800</a>', /forbids/],
    ['<a b="1" b="2"/>', /duplicate/],
    ['<a>', /not closed/],
    ['<a b=1/>', /not well-formed/],
  ])('rejects %j', (body, error) => {
    expect(() => parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`)).toThrow(error);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('github reporter', () => {
  it('writes one workflow command per finding, escaped as the Actions toolkit does', () => {
    expect(run(github).split('\n')).toEqual([
      '::warning file=.env,line=2,endLine=2,col=1,endColumn=10,title=env-file-secrets::API_KEY looks like a secret (ab***).',
      "::error file=Dockerfile,line=1,endLine=1,col=6,endColumn=17,title=no-latest-tag::Pin 'node:latest'.",
      '::notice file=Dockerfile,line=4,endLine=4,col=1,endColumn=2,title=org-label::Add the label `team`.', // zero-width: one character
      "::error file=Dockerfile,line=9,endLine=9,title=no-latest-tag::Pin 'redis:latest'.", // ends at column 1 of line 10
      '::error file=services/my api%2C v2/compose.yaml,line=3,endLine=3,col=12,endColumn=24,title=no-root-user::Service runs as root. [stack: api]',
      `::warning file=services/my api%2C v2/compose.yaml,line=7,endLine=8,title=env-file-secrets::50%25 done,\ta: b%0D%0Anext <tag> & "q" 'a' \x07\x1F\uD800bell`,
      '',
    ]);
  });

  it('escapes : , % CR LF in properties (file, title) but only % CR LF in the message', () => {
    const f = finding('a:b,c%d\ne/Dockerfile', 'x:y,z', 'error', [1, 1, 1, 2], 'a:b,c');
    expect(run(github, fixture([f]))).toBe('::error file=a%3Ab%2Cc%25d%0Ae/Dockerfile,line=1,endLine=1,col=1,endColumn=2,title=x%3Ay%2Cz::a:b,c\n');
  });

  it('prints nothing at all for an empty report', () => {
    expect(run(github, EMPTY)).toBe('');
    expect(run(github, fixture([]))).toBe(''); // clean files are not findings
  });
});

describe('compact reporter', () => {
  it('writes file:line:column: level rule message, one line per finding', () => {
    expect(run(compact).split('\n')).toEqual([
      '.env:2:1: warning env-file-secrets API_KEY looks like a secret (ab***).',
      "Dockerfile:1:6: error no-latest-tag Pin 'node:latest'.",
      'Dockerfile:4:1: note org-label Add the label `team`.',
      "Dockerfile:9:1: error no-latest-tag Pin 'redis:latest'.",
      `${COMPOSE}:3:12: error no-root-user Service runs as root. [stack: api]`,
      `${COMPOSE}:7:5: warning env-file-secrets 50% done,\ta: b next <tag> & "q" 'a' \x07\x1F\uD800bell`, // CRLF → one space
      '',
    ]);
  });

  it('prints nothing at all for an empty report', () => {
    expect(run(compact, EMPTY)).toBe('');
  });
});

describe('gitlab reporter', () => {
  // Built from GitLab's "Implement a custom tool" table: every listed field required, the line from either
  // location.lines.begin or location.positions.begin.line, severity one of the five names; nothing else written.
  const position = { type: 'object', required: ['line', 'column'], additionalProperties: false, properties: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } } };
  const schema = {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
      properties: {
        description: { type: 'string', minLength: 1 },
        check_name: { type: 'string', minLength: 1 },
        fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
        location: {
          type: 'object',
          required: ['path'],
          additionalProperties: false,
          properties: {
            path: { type: 'string', minLength: 1, not: { pattern: '^(/|\\./|[A-Za-z]:)' } }, // relative
            lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
            positions: { type: 'object', required: ['begin'], additionalProperties: false, properties: { begin: position, end: position } },
          },
          oneOf: [{ required: ['lines'] }, { required: ['positions'] }],
        },
      },
    },
  };
  const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  const parse = (result = fixture()) => JSON.parse(run(gitlab, result));

  it('matches the fields GitLab documents as required', () => {
    const report = parse();
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(report).toHaveLength(6);
    expect(run(gitlab).charCodeAt(0)).not.toBe(0xfeff); // GitLab rejects a byte order mark
  });

  it('maps levels to severities: note info, warning minor, error major, securitySeverity >= 9 critical', () => {
    expect(parse().map((i: any) => [i.check_name, i.severity])).toEqual([
      ['env-file-secrets', 'minor'],
      ['no-latest-tag', 'major'],
      ['org-label', 'info'],
      ['no-latest-tag', 'major'],
      ['no-root-user', 'critical'],
      ['env-file-secrets', 'minor'],
    ]);
    const at = (score: number) => ({ ...fixture(), rules: [{ meta: meta('no-root-user', 'compose', { securitySeverity: score }), level: 'error' as const }] });
    expect(parse(at(8.9))[4].severity).toBe('major');
    expect(parse(at(9))[4].severity).toBe('critical');
  });

  it('gives the relative path, the message with its stack, and the exact range', () => {
    expect(parse()[4]).toMatchObject({
      description: 'Service runs as root. [stack: api]',
      location: { path: COMPOSE, positions: { begin: { line: 3, column: 12 }, end: { line: 3, column: 24 } } },
    });
    expect(parse()[5].description).toBe(NASTY); // JSON carries any text
  });

  it('gives every item its own fingerprint, also two identical findings, and keeps them when lines move', () => {
    const twin = finding('Dockerfile', 'no-latest-tag', 'error', [1, 6, 1, 17], "Pin 'node:latest'.");
    const moved = { ...twin, range: { start: { line: 20, column: 6 }, end: { line: 20, column: 17 } } };
    const [a, b] = parse(fixture([twin, moved])).map((i: any) => i.fingerprint);
    expect(a).not.toBe(b);
    const all = parse().map((i: any) => i.fingerprint);
    expect(new Set(all).size).toBe(all.length);
    // Unrelated lines inserted above: same fingerprints.
    const shifted = FINDINGS.map((f) => ({ ...f, range: { start: { ...f.range.start, line: f.range.start.line + 3 }, end: { ...f.range.end, line: f.range.end.line + 3 } } }));
    expect(parse(fixture(shifted)).map((i: any) => i.fingerprint)).toEqual(all);
  });

  it('writes an empty array for an empty report', () => {
    expect(run(gitlab, EMPTY)).toBe('[]\n');
  });
});

describe('junit reporter', () => {
  const xml = run(junit);
  const root = parseXml(xml);
  const suites = only(root.children, 'testsuite');
  const suite = (name: string) => suites.find((s) => s.attrs.name === name)!;
  const cases = (name: string) => only(suite(name).children, 'testcase');

  it('is well-formed XML (xmllint)', ({ skip }) => {
    xmllint(xml, skip);
  });

  it('counts tests and failures on every level', () => {
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toEqual({ name: 'dockpolicy', tests: '10', failures: '4' });
    expect(suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures])).toEqual([
      ['.env', '1', '1'], // not a covered file: only the rule that found something there
      ['Dockerfile', '3', '1'],
      ['clean/Dockerfile', '3', '0'], // a clean file still lists its passing checks
      [COMPOSE, '3', '2'],
    ]);
    for (const s of suites) {
      expect(Number(s.attrs.tests)).toBe(only(s.children, 'testcase').length);
      expect(Number(s.attrs.failures)).toBe(only(s.children, 'testcase').filter((c) => only(c.children, 'failure').length).length);
    }
  });

  it('has one testcase per file and rule that reads that kind of file', () => {
    expect(cases('Dockerfile').map((c) => [c.attrs.classname, c.attrs.name])).toEqual([
      ['Dockerfile', 'env-file-secrets'], // target project
      ['Dockerfile', 'no-latest-tag'],
      ['Dockerfile', 'org-label'],
    ]);
    expect(cases(COMPOSE).map((c) => c.attrs.name)).toEqual(['env-file-secrets', 'healthcheck', 'no-root-user']);
    expect(cases('clean/Dockerfile').every((c) => c.children.length === 0)).toBe(true);
  });

  it('lists every finding of a rule in one failure, and notes in system-out without failing', () => {
    const [, latest, label] = cases('Dockerfile');
    expect(latest!.children).toEqual([
      { name: 'failure', attrs: { message: "Pin 'node:latest'.", type: 'error' }, children: [], text: "1:6 error Pin 'node:latest'.\n9:1 error Pin 'redis:latest'." },
    ]);
    expect(label!.children).toEqual([{ name: 'system-out', attrs: {}, children: [], text: '4:1 note Add the label `team`.' }]);
    expect(only(cases(COMPOSE)[2]!.children, 'failure')[0]!.text).toBe('3:12 error Service runs as root. [stack: api]');
  });

  it('puts failure before system-out when a rule has both, typed by its worst level', () => {
    const mixed = fixture([
      finding('Dockerfile', 'no-latest-tag', 'note', [1, 1, 1, 2], 'n1'),
      finding('Dockerfile', 'no-latest-tag', 'warning', [2, 1, 2, 2], 'w1'),
      finding('Dockerfile', 'no-latest-tag', 'error', [3, 1, 3, 2], 'e1'),
    ]);
    const testcase = only(parseXml(run(junit, mixed)).children, 'testsuite')[0]!.children.find((c) => c.attrs.name === 'no-latest-tag')!;
    expect(testcase.children.map((c) => [c.name, c.attrs.message, c.attrs.type, c.text])).toEqual([
      ['failure', 'w1', 'error', '2:1 warning w1\n3:1 error e1'],
      ['system-out', undefined, undefined, '1:1 note n1'],
    ]);
  });

  it('escapes markup and drops characters XML 1.0 forbids, in attributes and text', () => {
    const failure = only(cases(COMPOSE)[0]!.children, 'failure')[0]!;
    const kept = '50% done,\ta: b\r\nnext <tag> & "q" \'a\' bell'; // without the bell and the lone surrogate
    expect(failure.attrs.message).toBe(kept); // tab and line break survive as references
    expect(failure.text).toBe(`7:5 warning ${kept}`);
    expect(failure.attrs.type).toBe('warning');
    expect(xml).toContain('message="50% done,&#9;a: b&#13;&#10;next &lt;tag&gt; &amp; &quot;q&quot; &apos;a&apos; bell"');
  });

  it('writes an empty testsuites element for an empty report', ({ skip }) => {
    const out = run(junit, EMPTY);
    expect(out).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dockpolicy" tests="0" failures="0"/>\n');
    xmllint(out, skip);
  });
});

describe('checkstyle reporter', () => {
  const xml = run(checkstyle);
  const root = parseXml(xml);
  const files = only(root.children, 'file');

  it('is well-formed XML (xmllint)', ({ skip }) => {
    xmllint(xml, skip);
  });

  it('lists every file, clean ones as empty elements, with one error per finding', () => {
    expect(root.name).toBe('checkstyle');
    expect(root.attrs).toEqual({ version: '4.3' });
    expect(files.map((f) => [f.attrs.name, f.children.length])).toEqual([
      ['.env', 1],
      ['Dockerfile', 3],
      ['clean/Dockerfile', 0],
      [COMPOSE, 2],
    ]);
    expect(files[1]!.children.map((e) => e.attrs)).toEqual([
      { line: '1', column: '6', severity: 'error', message: "Pin 'node:latest'.", source: 'dockpolicy.no-latest-tag' },
      { line: '4', column: '1', severity: 'info', message: 'Add the label `team`.', source: 'dockpolicy.org-label' }, // note → info
      { line: '9', column: '1', severity: 'error', message: "Pin 'redis:latest'.", source: 'dockpolicy.no-latest-tag' },
    ]);
    expect(files[3]!.children.map((e) => [e.name, e.attrs.severity, e.attrs.message])).toEqual([
      ['error', 'error', 'Service runs as root. [stack: api]'],
      ['error', 'warning', '50% done,\ta: b\r\nnext <tag> & "q" \'a\' bell'],
    ]);
  });

  it('writes an empty checkstyle element for an empty report', ({ skip }) => {
    const out = run(checkstyle, EMPTY);
    expect(out).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n</checkstyle>\n');
    xmllint(out, skip);
  });
});

describe('editor reporter', () => {
  const out = JSON.parse(run(editor));
  const file = (relativePath: string) => out.files.find((f: any) => f.relativePath === relativePath);

  it('lists every file with absolute and relative paths, clean ones with no findings', () => {
    expect(out.version).toBe(1);
    expect(Object.keys(out)).toEqual(['version', 'files']);
    expect(out.files.map((f: any) => [f.path, f.relativePath, f.findings.length])).toEqual([
      [path.join(cwd, '.env'), '.env', 1], // only a finding points at it
      [path.join(cwd, 'Dockerfile'), 'Dockerfile', 3],
      [path.join(cwd, 'clean/Dockerfile'), 'clean/Dockerfile', 0],
      [path.join(cwd, COMPOSE), COMPOSE, 2],
    ]);
  });

  it('keeps ranges exactly as the findings have them, with docs and stack when known', () => {
    expect(file('Dockerfile').findings).toEqual([
      {
        ruleId: 'no-latest-tag',
        level: 'error',
        message: "Pin 'node:latest'.",
        range: { start: { line: 1, column: 6 }, end: { line: 1, column: 17 } },
        docsUrl: 'https://github.com/dockpolicy/dockpolicy/blob/main/docs/rules/no-latest-tag.md',
      },
      // A policy has no docs page: no docsUrl. The zero-width range stays zero-width.
      { ruleId: 'org-label', level: 'note', message: 'Add the label `team`.', range: { start: { line: 4, column: 1 }, end: { line: 4, column: 1 } } },
      {
        ruleId: 'no-latest-tag',
        level: 'error',
        message: "Pin 'redis:latest'.",
        range: { start: { line: 9, column: 1 }, end: { line: 10, column: 1 } },
        docsUrl: 'https://github.com/dockpolicy/dockpolicy/blob/main/docs/rules/no-latest-tag.md',
      },
    ]);
    expect(file(COMPOSE).findings[0]).toMatchObject({ stack: 'api', message: 'Service runs as root.' });
    expect(file(COMPOSE).findings[1].message).toBe(NASTY);
  });

  it('omits docsUrl for a rule the run did not list', () => {
    const stray = finding('Dockerfile', 'unknown-rule', 'error', [1, 1, 1, 2], 'x');
    expect(JSON.parse(run(editor, fixture([stray]))).files[0].findings[0]).not.toHaveProperty('docsUrl');
  });

  it('writes no files for an empty report', () => {
    expect(JSON.parse(run(editor, EMPTY))).toEqual({ version: 1, files: [] });
  });
});

describe('every format', () => {
  it.each([
    ['github', github],
    ['gitlab', gitlab],
    ['junit', junit],
    ['checkstyle', checkstyle],
    ['compact', compact],
    ['editor', editor],
  ] as const)('%s is deterministic and has no absolute path outside editor', (name, reporter) => {
    const out = run(reporter);
    expect(run(reporter)).toBe(out);
    if (name !== 'editor') expect(out).not.toContain(cwd);
  });
});
