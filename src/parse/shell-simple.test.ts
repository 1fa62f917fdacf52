// The plain-script parser must give exactly what mvdan-sh gives, or nothing. Compared on a table of cases, on every
// script of the fixtures' and the corpus's Dockerfiles (RUNs, heredoc bodies, `sh -c` arguments), and on mutations
// of those scripts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { prng } from '../../test/mutate.js';
import { runInstructions } from '../model/run.js';
import { scriptsOf } from '../model/run-security.js';
import { parseDockerfile } from './dockerfile.js';
import { parseSimpleShell } from './shell-simple.js';
import { parsedScripts, parseWithMvdan, type ParsedShell } from './shell.js';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, '../shared/corpus');

/** A parse as plain data (pipelines and commands refer to each other by index), for deep comparison. */
function plain(parsed: ParsedShell) {
  const commands = parsed.commands.map((c) => ({ ...c, args: c.args.map((a) => c.words.indexOf(a)), pipeline: c.pipeline ? parsed.pipelines.indexOf(c.pipeline) : undefined }));
  const pipelines = parsed.pipelines.map((p) => ({ span: p.span, commands: p.commands.map((c) => parsed.commands.indexOf(c)) }));
  return { commands, pipelines, heredocs: parsed.heredocs.map((h) => ({ ...h, command: h.command ? parsed.commands.indexOf(h.command) : undefined })), error: parsed.error };
}

/** Whether the plain parser answered, after checking that what it answered is mvdan-sh's parse. */
function agrees(script: string): boolean {
  const simple = parseSimpleShell(script);
  if (simple) expect(plain(simple), JSON.stringify(script)).toEqual(plain(parseWithMvdan(script)));
  return simple !== undefined;
}

describe('parseSimpleShell', () => {
  const plainScripts = [
    'apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
    'set -eux; \\\n    apk add --no-cache git \\\n    && pip install "uvicorn[standard]==0.30" \\\n\t&& echo done',
    'curl -fsSL https://x.example/install.sh | bash -s -- --yes |& tee /tmp/log',
    'a | b && c || d | e; f',
    'DEBIAN_FRONTEND=noninteractive A="x y" B=\'z\' C=$D E= apt-get install -y tzdata',
    'A=1 B=2',
    'export PATH=/opt/bin:$PATH A= B -x F=a\\\n G\\\n x',
    'a=b export x',
    'echo a 2>&1 >/dev/null 3< x 4<>y >| z &>w &>>v >&- && true',
    'echo "$(dirname "$(command -v python)")" $(a | b && c; d) A=$(x) && B=$(y | z) c $(e $(f))',
    'echo ${A} ${A:-b c} ${A: -1} ${A:1:N} ${#A} ${A:1:2} ${A//x/y} ${A^^} $1 $@ $$ "$A b" "${A}"x $/x a$ ~/x *.txt [ab] {a,b} } ! {',
    'ins\\\ntall foo \\\n  bar$A\\\n x\\\n\\\n y "q"\\\n z',
    "echo \"a\\\"b\" 'c\"d' a\\ b \\\\ \"a\nb\"",
    'a &&\n\n  b |\n c;\n\nd;',
    'groupadd -r app && useradd -r -g app -d /home/app -s /sbin/nologin app',
    'echo héllo wörld > /tmp/ünïcode && cat /tmp/ünïcode',
    '<<EOF\napt-get update\napt-get install -y $PKG ${B:-x}\nEOF',
    "cat <<'EOF' > /etc/x && b\na $(b) `c`\nEOF\nd",
    '<<-EOF bash\n\ta\n\tEOF\nc | d',
    '<<-EOF\n\tEOF',
    '<<EOF\nEOF',
    'cat <<A <<B\na\nA\nb\nB',
    'if [ "$A" = x ]; then a | b; elif ! c; then d; else { e && f; } > /dev/null 2>&1; fi | g',
    'for f in /etc/*.conf $(ls /x | sort); do echo "$f"; done; while read l; do (cd /x; make) | tee log; done < list',
    'case "$(uname -m)" in\n  x86_64|amd64) ARCH=amd64 ;;\n  (arm64) ARCH=arm64; echo $ARCH ;;\n  *) ;;\nesac',
    'until a; do b; done && for x; do y; done',
    'composer install \\\n  `if [ "$T" != "true" ]; then echo "--no-dev"; fi` && echo `a | b`x "`c`"',
    'echo `` ` ` `a`\\\n b',
    '<<EOF\n  for g in $(echo "$G" | tr , " "); do\n    f="$f --group $g"\n  done\n  printf "[S]\\n = x" >> /etc/o.ini\nEOF',
    '<<EOT bash\n  apt-get install -y \\\n    git \\\n    clang\nEOT',
    'cat <<EOF | x && y | z\n$(a | b) `c | d` \\$(e) \\\\$(f)\nEOF\ng | h',
    '<<EOF\n\\\nEOF\nx\\\\\nEOF',
    'while read l; do a | b; done <<EOF\n$(c | d)\nEOF',
    'cat <<A <<B; e | f\n$(a | b)\nA\n$(c | d)\nB',
    'diff <(ssh-add -L) <(cat /x | sort)x >(tee y) && cat <(a; b)',
    'if a; then b; fi\\\n  && c',
    'echo a # comment\na;#c\nb && c|#d\n  e # f $(g) `h`\n{ #i\n j; } #k\n  \\\n#l\n(m)#n\n#',
    'case x in #c\n a) b;; #d\nesac; for a in x #c\ndo b; done',
    'a <<EOF #c\n$(b #c\n)\nEOF',
    'd() { \\\n  local f="$1"; shift; local s=; \\\n  for u in a b; do wget "$u$f" && break; done; \\\n}; \\\nd x; f-g () ( cd /; h | i ) | j',
    'function f { a; } && function g() { b; } 2>&1 && h()\n{ c; }; k() if a; then b; fi; f() { g() { a; }; } <<EOF\n$(c | d)\nEOF',
  ];
  it.each(plainScripts)('parses %j as mvdan-sh does', (script) => {
    expect(agrees(`${script}\n`)).toBe(true);
  });
  it('agrees with mvdan-sh on mutations of these', () => {
    mutate(plainScripts.map((s) => `${s}\n`), 3000);
  });

  const leftToMvdan = [
    'echo `a \\` b`', 'echo "`echo "x"`"', 'echo `a', 'echo `a #b`', 'echo `cat <<X\nx\nX\n`', 'x<(a)', 'a <(b', 'if a; then b; fi\\\nx; fi',
    'cat <<EOF\n$(a\nEOF\n)\nEOF', 'cat <<EOF\n$(a \\\n b)\nx \\\ny\nEOF', '<<-EOF\n\tx\\\n\tEOF', 'cat <<EOF\n$(cat <<X\nx\nX\n)\nEOF', '<<EOF\n${A}EOF\nx\nEOF', 'echo ${##x}', 'export A=\\\n B', '<<EOF\nx$1EOF\nEOF', '<<EOF\n`a`EOF\nEOF', "cat <<'EOF'\n\\\nx\nEOF",
    'cat <<EOF &&\nx\nEOF\ny', 'cat <<EOF\nno delimiter', 'cat <<< x', 'a &', 'time a', 'if a; then fi', 'if a then b; fi', 'for ((i=0; i<3; i++)); do a; done',
    'case x in a) b ;& esac', 'case x in esac) b ;; esac', '()', '{ a }', '! ! a', 'x=(1 2)', 'A+=1 b', 'a #c\\\nb', 'a > #c', 'a ;; b', ';a', 'a &&',
    'x > ', 'echo "unterminated', "echo 'unterminated", 'echo ${}', 'echo ${A~}', 'echo ${!A}', 'echo $1\\\n x', 'a>b',
    'echo {fd}>x', '[[ -f x ]]', 'let x=1', "echo $'a\\n'", 'export A=(1)', 'A=\\\n b', 'f() a', 'if() { a; }', 'export() { a; }', 'function f{ a; }', 'f() ((x))', '$f() { a; }', 'A=1 f() { a; }', 'a\x01b', 'export "C=1"', 'export A}B=1', 'a; }\\\n b', 'x >2>&1 y', 'export A=1 "$A"', 'echo ${A: -}', 'echo $((1+2))', 'echo $()', '>$(a) b',
  ];
  it.each(leftToMvdan)('leaves %j to mvdan-sh', (script) => {
    expect(parseSimpleShell(`${script}\n`)).toBeUndefined();
  });
});

/** Every script the model parses from the given Dockerfiles. */
function scriptsOfDockerfiles(files: string[]): string[] {
  for (const file of files) {
    const df = parseDockerfile(file, readFileSync(file, 'utf8'));
    for (const run of runInstructions(df)) scriptsOf(df, run);
  }
  return [...parsedScripts()];
}

const dockerfiles = (cwd: string) =>
  fg.sync(['**/*Dockerfile*', '**/*.dockerfile'], { cwd, absolute: true, onlyFiles: true, dot: true, ignore: ['**/node_modules/**'] }).sort();

describe('parseSimpleShell on real scripts', () => {
  it('agrees with mvdan-sh on every script of the fixtures, and on mutations of them', () => {
    checkScripts(scriptsOfDockerfiles(dockerfiles(path.join(root, 'fixtures'))), 3000);
  });

  if (existsSync(corpus)) {
    it('agrees with mvdan-sh on every script of ../shared/corpus, and on mutations of them', () => {
      const scripts = scriptsOfDockerfiles(dockerfiles(corpus));
      const answered = checkScripts(scripts, 5000);
      // 98% when written: if this falls, the fast path stopped covering what it was written for.
      expect(answered / scripts.length).toBeGreaterThan(0.9);
    }, 120_000);
  } else {
    it.skip(`skipped: ${corpus} is absent (it ships beside the repository in ../shared)`, () => {});
  }
});

/** Compares the two parsers on each script and on `mutants` mutations of them; returns how many the plain one parsed. */
function checkScripts(scripts: string[], mutants: number): number {
  expect(scripts.length).toBeGreaterThan(10);
  let answered = 0;
  for (const script of scripts) if (agrees(script)) answered++;
  mutate(scripts, mutants);
  return answered;
}

// SHELL_MUTANTS=20 runs twenty times as many mutants (and SHELL_SEED another sequence): for a parser change, not for CI.
const MUTANTS = Number(process.env.SHELL_MUTANTS ?? 1);
const SEED = Number(process.env.SHELL_SEED ?? 20261124);

/** Compares the two parsers on `mutants` random mutations of the scripts. */
function mutate(scripts: string[], mutants: number): void {
  const random = prng(SEED);
  const pieces = [' ', '\t', '\n', '\\\n', '\\', '"', "'", '$', '${A}', '$A', '$1', '|', '||', '&&', '&', ';', '<', '>', '2>&1', '(', ')', '{', '}', '#', '=', 'A=1 ', 'export ', '`', '*', '~', 'é', 'if ', 'then ', '; fi', 'fi', 'elif ', 'else ', 'for x in ', 'do ', 'done', 'while ', 'case ', ' in ', ';;', 'esac', '{ ', '; }', '( ', ' )', '! ', '<<EOF\n', '\nEOF\n',
    '$(', '`', '<(', '>(', ' # c', '#', '\\\\', 'f() ', '() { ', 'function '];
  for (let m = 0; m < mutants * MUTANTS; m++) {
    const script = random.pick(scripts);
    const at = random.int(script.length);
    const mutant = random.chance(0.5)
      ? script.slice(0, at) + random.pick(pieces) + script.slice(at)
      : script.slice(0, at) + script.slice(at + 1 + random.int(3));
    agrees(mutant.endsWith('\n') ? mutant : `${mutant}\n`);
  }
}
