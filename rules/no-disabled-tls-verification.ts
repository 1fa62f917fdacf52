import { defineRule } from '../src/engine/rule.js';
import { runInstructions } from '../src/model/run.js';
import {
  commandViews,
  exportedAssignments,
  findFlag,
  isFalse,
  optionValues,
  positionalWords,
  refAt,
  sedWrites,
  variableSettings,
  type Assignment,
  type CommandView,
} from '../src/model/run-security.js';
import type { DockerfileModel } from '../src/parse/dockerfile.js';
import type { ShellWord } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

/** Environment variables that turn verification off, with the tool they affect and the values that do it. */
const VARIABLES: { name: RegExp; tool: string; off: (value: string) => boolean }[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, tool: 'Node.js', off: (v) => v.trim() === '0' },
  { name: /^PYTHONHTTPSVERIFY$/, tool: 'Python', off: (v) => v.trim() === '0' },
  { name: /^PIP_TRUSTED_HOST$/, tool: 'pip', off: (v) => v.trim() !== '' },
  { name: /^NPM_CONFIG_STRICT_SSL$/i, tool: 'npm', off: (v) => /^false$/i.test(v.trim()) },
  { name: /^YARN_ENABLE_STRICT_SSL$/, tool: 'yarn', off: (v) => /^(false|0)$/i.test(v.trim()) },
  // git only asks whether the variable is set: any value, even empty or "false", turns verification off.
  { name: /^GIT_SSL_NO_VERIFY$/, tool: 'git', off: () => true },
  { name: /^GOINSECURE$/, tool: 'Go', off: (v) => v.trim() !== '' },
];

/** Settings written into configuration files with echo/printf/sed (.npmrc, .wgetrc, pip.conf, yum.conf, apt.conf, .gitconfig). */
const CONFIG_TEXT: { pattern: RegExp; tool: string }[] = [
  { pattern: /\bstrict-ssl\s*=\s*false\b/i, tool: 'npm' },
  { pattern: /\bcheck_certificate\s*=\s*(off|no|0|false)\b/i, tool: 'wget' },
  { pattern: /(^|\n)[ \t]*trusted-host\s*=\s*\S+/i, tool: 'pip' },
  { pattern: /\bsslVerify\s*=\s*(false|no|off|0)\b/, tool: 'git' },
  { pattern: /\bsslverify\s*=\s*(0|false|no|off)\b/i, tool: 'yum/dnf' },
  { pattern: /Acquire::https::(\S+::)?Verify-(Peer|Host)\s*"?(false|no|off|0)"?/i, tool: 'apt' },
];

/** Text every CONFIG_TEXT pattern needs: one scan rules out the usual echo/printf/sed word, instead of six. */
const CONFIG_HINT = /ssl|check_certificate|trusted-host|acquire::https/i;

const CURL_VALUED = 'AbcCdDeEFHKmoPQrtTuUwxXyYz';
const YUM_LIKE = new Set(['yum', 'dnf', 'dnf5', 'dnf-3', 'microdnf', 'tdnf', 'yum-config-manager']);
const APT_LIKE = new Set(['apt-get', 'apt', 'aptitude']);

interface Hit {
  messageId: 'flag' | 'setting' | 'variable' | 'envVariable';
  data: Record<string, string>;
  at: number;
  length: number;
}

const flagHit = (tool: string, word: ShellWord): Hit => ({ messageId: 'flag', data: { tool, flag: word.value ?? word.raw }, at: word.span.start, length: word.span.end - word.span.start });
const settingHit = (tool: string, setting: string, word: ShellWord): Hit => ({ messageId: 'setting', data: { tool, setting }, at: word.span.start, length: word.span.end - word.span.start });

function variableHit(a: Assignment): Hit | undefined {
  if (a.value === undefined) return undefined;
  const known = VARIABLES.find((v) => v.name.test(a.name));
  if (!known || !known.off(a.value)) return undefined;
  return { messageId: 'variable', data: { tool: known.tool, name: a.name, value: a.value }, at: a.at, length: a.name.length };
}

/** Findings in one command. */
function commandHits(view: CommandView): Hit[] {
  const hits: Hit[] = [];
  for (const a of view.assigns) {
    const hit = variableHit(a);
    if (hit) hits.push(hit);
  }
  const { name, args } = view;
  if (name === undefined) return hits;
  if (name === 'export') {
    for (const w of args) {
      const m = w.value !== undefined ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value) : null;
      const hit = m ? variableHit({ name: m[1]!, value: m[2]!, at: w.span.start }) : undefined;
      if (hit) hits.push(hit);
    }
  } else if (name === 'curl') {
    const word = findFlag(args, { short: 'k', valued: CURL_VALUED, long: ['--insecure', '--proxy-insecure'] });
    if (word) hits.push(flagHit('curl', word));
  } else if (name === 'wget') {
    const word = findFlag(args, { long: ['--no-check-certificate'], valued: 'oaiBeOtTwQPUlARDIXY' });
    if (word) hits.push(flagHit('wget', word));
    for (const { word: w, value } of optionValues(args, undefined, ['--check-certificate'])) if (/^(off|no|0|false|quiet)$/i.test(value)) hits.push(flagHit('wget', w));
    for (const { word: w, value } of optionValues(args, 'e', ['--execute'])) if (/^check[-_]?certificate\s*=\s*(off|no|0|false)$/i.test(value)) hits.push(settingHit('wget', value, w));
  } else if (/^pip[\d.]*$/.test(name)) {
    const word = findFlag(args, { long: ['--trusted-host'] });
    if (word) hits.push(flagHit(name, word));
    const [sub, action, key, value] = positionalWords(args);
    if (sub?.value === 'config' && action?.value === 'set' && key?.value !== undefined && /^[a-z]+\.trusted-host$/i.test(key.value) && value?.value) {
      hits.push(settingHit(name, `${key.value} ${value.value}`, key));
    }
  } else if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
    hits.push(...npmHits(name, args));
  } else if (name === 'git') {
    hits.push(...gitHits(args));
  } else if (name === 'go') {
    const [sub] = positionalWords(args);
    if (sub?.value === 'env') {
      for (const w of args) {
        const m = w.value !== undefined ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value) : null;
        const hit = m ? variableHit({ name: m[1]!, value: m[2]!, at: w.span.start }) : undefined;
        if (hit) hits.push(hit);
      }
    }
  } else if (YUM_LIKE.has(name)) {
    for (const { word, value } of optionValues(args, undefined, ['--setopt'])) {
      const eq = value.indexOf('=');
      if (eq > 0 && /(^|\.)sslverify$/i.test(value.slice(0, eq)) && isFalse(value.slice(eq + 1))) hits.push(settingHit(name, value, word));
    }
  } else if (APT_LIKE.has(name)) {
    for (const { word, value } of optionValues(args, 'o', ['--option'])) {
      const eq = value.indexOf('=');
      if (eq > 0 && /^Acquire::https::(.+::)?Verify-(Peer|Host)$/i.test(value.slice(0, eq)) && isFalse(value.slice(eq + 1))) hits.push(settingHit(name, value, word));
    }
  } else if (name === 'echo' || name === 'printf' || name === 'sed') {
    for (const w of args) {
      if (w.value === undefined) continue;
      const text = name === 'sed' ? sedWrites(w.value) : w.value.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
      if (!CONFIG_HINT.test(text)) continue;
      for (const { pattern, tool } of CONFIG_TEXT) {
        const m = pattern.exec(text);
        if (m) {
          hits.push(settingHit(tool, m[0].trim(), w));
          break;
        }
      }
    }
  }
  return hits;
}

/** `npm config set strict-ssl false`, `yarn config set strict-ssl false`, `yarn config set enableStrictSsl false`, `--no-strict-ssl`. */
function npmHits(tool: string, args: readonly ShellWord[]): Hit[] {
  const hits: Hit[] = [];
  const positional = positionalWords(args, ['--location', '-L', '--userconfig', '--globalconfig']);
  const [first, second] = positional;
  const setAt = first?.value === 'set' ? 1 : (first?.value === 'config' || first?.value === 'c') && second?.value === 'set' ? 2 : -1;
  if (setAt > 0) {
    const keyWord = positional[setAt];
    const key = keyWord?.value;
    if (keyWord && key !== undefined) {
      const [k, inline] = key.includes('=') ? [key.slice(0, key.indexOf('=')), key.slice(key.indexOf('=') + 1)] : [key, positional[setAt + 1]?.value];
      if (/^(strict-ssl|strict_ssl|enableStrictSsl)$/i.test(k) && inline !== undefined && /^(false|0)$/i.test(inline)) hits.push(settingHit(tool, `${k} ${inline}`, keyWord));
    }
  }
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === undefined) continue;
    if (v === '--') break;
    if (v === '--no-strict-ssl' || /^--strict-ssl=(false|0)$/i.test(v) || (v === '--strict-ssl' && /^(false|0)$/i.test(args[i + 1]?.value ?? ''))) hits.push(flagHit(tool, args[i]!));
  }
  return hits;
}

/** git's global options that take a value (before the subcommand). */
const GIT_VALUED = ['-C', '--git-dir', '--work-tree', '--namespace', '--super-prefix', '--config-env', '--exec-path'];

/** `git config [--global] http.sslVerify false`, `git config set ...`, `git -c http.sslVerify=false clone ...`. */
function gitHits(args: readonly ShellWord[]): Hit[] {
  const hits: Hit[] = [];
  const key = /^http\.(.+\.)?sslverify$/i;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v !== undefined && GIT_VALUED.includes(v)) {
      i++;
    } else if (v === '-c' && args[i + 1]?.value !== undefined) {
      const setting = args[i + 1]!.value!;
      const eq = setting.indexOf('=');
      if (eq > 0 && key.test(setting.slice(0, eq)) && isFalse(setting.slice(eq + 1))) hits.push(settingHit('git', setting, args[i + 1]!));
      i++;
    } else if (v !== undefined && !v.startsWith('-')) {
      if (v !== 'config') break;
      const rest = positionalWords(args.slice(i + 1), ['--file', '-f', '--blob', '--type', '--default', '--comment']);
      const [a, b, c] = rest[0]?.value === 'set' ? rest.slice(1) : rest;
      if (a?.value !== undefined && key.test(a.value) && b?.value !== undefined && isFalse(b.value) && c === undefined) hits.push(settingHit('git', `${a.value} ${b.value}`, a));
      break;
    }
  }
  return hits;
}

export default defineRule({
  meta: {
    id: 'no-disabled-tls-verification',
    aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16', 'CKV2_DOCKER_18'],
    level: 'error',
    target: 'dockerfile',
    tags: ['security', 'supply-chain'],
    securitySeverity: 7.5,
    description: 'The build does not turn off TLS certificate verification.',
    docs: {
      what: 'Reports what turns off TLS certificate verification, in RUN (shell and exec form, `sh -c` scripts, heredoc scripts, ONBUILD RUN, through `sudo`/`env`) and in ENV/ARG: `curl -k`/`--insecure`, `wget --no-check-certificate`, pip `--trusted-host` and `pip config set global.trusted-host`, `npm`/`yarn`/`pnpm config set strict-ssl false` and `--no-strict-ssl`, `git config http.sslVerify false` and `git -c http.sslVerify=false`, yum/dnf `--setopt=sslverify=0`, apt `-o Acquire::https::Verify-Peer=false`; the variables `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `PIP_TRUSTED_HOST`, `NPM_CONFIG_STRICT_SSL=false`, `YARN_ENABLE_STRICT_SSL=false`, `GIT_SSL_NO_VERIFY` (any value), `GOINSECURE` set in ENV, ARG, a `FOO=0 cmd` prefix, `env`, `export` or `go env -w`; and the same settings written into configuration files with echo/printf/sed (`strict-ssl=false`, `sslverify=0`, `check_certificate = off`...). A value that depends on a variable is unknown and not reported. One rule covers every tool (Checkov has one check per tool): the risk and the fix are the same.',
      why: 'Without certificate verification anyone on the network path (a proxy, a compromised mirror, a hostile Wi-Fi) can serve their own package, script or binary, and the build bakes it into the image. Set by ENV, the setting also stays in every container run from the image.',
      example: 'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm config set strict-ssl false && npm ci\nRUN curl -kfsSL https://example.com/install.sh | sh\n',
      fix: 'Keep verification on, and give the tools the certificate authority they need when a proxy intercepts TLS:\n\nFROM node:20-slim\nCOPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt\nRUN update-ca-certificates\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt\nRUN npm ci\n',
    },
    messages: {
      flag: '`{{tool}} {{flag}}` turns off TLS certificate verification: anyone on the network path can serve what it downloads.',
      setting: '`{{setting}}` turns off TLS certificate verification for {{tool}}: anyone on the network path can serve what it downloads.',
      variable: '`{{name}}={{value}}` turns off TLS certificate verification for {{tool}}: anyone on the network path can serve what it downloads.',
      envVariable: '`ENV {{name}}={{value}}` turns off TLS certificate verification for {{tool}} in the later RUNs and in every container run from the image.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const reported = new Set<string>();
      const emit = (hit: Hit) => {
        const key = `${hit.at}:${hit.messageId}`;
        if (reported.has(key)) return;
        reported.add(key);
        report({ messageId: hit.messageId, data: hit.data, at: refAt(df, hit.at, hit.length) });
      };
      for (const hit of dockerfileHits(df)) emit(hit);
    }
  },
});

function dockerfileHits(df: DockerfileModel): Hit[] {
  const hits: Hit[] = [];
  for (const setting of variableSettings(df)) {
    if (setting.value === undefined) continue;
    const known = VARIABLES.find((v) => v.name.test(setting.name));
    if (!known || !known.off(setting.value)) continue;
    const at = df.lines.offset(setting.at.range.start.line, setting.at.range.start.column);
    hits.push({ messageId: setting.keyword === 'ENV' ? 'envVariable' : 'variable', data: { tool: known.tool, name: setting.name, value: setting.value }, at, length: setting.name.length });
  }
  for (const run of runInstructions(df)) {
    for (const view of commandViews(df, run)) hits.push(...commandHits(view));
    for (const a of exportedAssignments(df, run)) {
      const hit = variableHit(a);
      if (hit) hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}
