import { defineRule } from '../src/engine/rule.js';
import { runInstructions } from '../src/model/run.js';
import { commandViews, findFlag, isFalse, isTrue, optionValues, refAt, sedWrites, type CommandView } from '../src/model/run-security.js';
import type { ShellWord } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

const APT_LIKE = new Set(['apt-get', 'apt', 'aptitude']);
const DNF_LIKE = new Set(['yum', 'dnf', 'dnf5', 'dnf-3', 'microdnf', 'tdnf', 'yum-config-manager']);

/** apt options (`-o Name=value`) that accept unsigned packages or repositories when true. */
const APT_OPTIONS = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)$/i;

/** Settings written into configuration files with echo/printf/sed (apt.conf, sources.list, yum.conf, .repo files). */
const CONFIG_TEXT: { pattern: RegExp; tool: string; group?: number }[] = [
  { pattern: /(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)\s*"?(true|yes|on|1)"?/i, tool: 'apt' },
  { pattern: /\[[^\]\n]*\b(trusted|allow-insecure)=yes\b[^\]\n]*\]/i, tool: 'apt' },
  { pattern: /(^|[\s/;|])((repo_|localpkg_)?gpgcheck\s*=\s*(0|false|no|off))\b/i, tool: 'yum/dnf', group: 2 },
];

interface Hit {
  messageId: 'flag' | 'setting';
  data: Record<string, string>;
  word: ShellWord;
}

function commandHits(view: CommandView): Hit[] {
  const hits: Hit[] = [];
  const { name, args } = view;
  if (name === undefined) return hits;
  const flag = (long: string[]) => {
    const word = findFlag(args, { long });
    if (word) hits.push({ messageId: 'flag', data: { tool: name, flag: word.value ?? word.raw }, word });
  };
  if (name === 'apk') {
    flag(['--allow-untrusted']);
  } else if (APT_LIKE.has(name)) {
    flag(['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes']);
    for (const { word, value } of optionValues(args, 'o', ['--option'])) {
      const eq = value.indexOf('=');
      if (eq > 0 && APT_OPTIONS.test(value.slice(0, eq)) && isTrue(value.slice(eq + 1))) hits.push({ messageId: 'setting', data: { tool: name, setting: value }, word });
    }
  } else if (DNF_LIKE.has(name)) {
    flag(['--nogpgcheck', '--no-gpgchecks']);
    for (const { word, value } of optionValues(args, undefined, ['--setopt'])) {
      const eq = value.indexOf('=');
      if (eq > 0 && /(^|\.)(repo_|localpkg_)?gpgcheck$/i.test(value.slice(0, eq)) && isFalse(value.slice(eq + 1))) hits.push({ messageId: 'setting', data: { tool: name, setting: value }, word });
    }
  } else if (name === 'zypper') {
    flag(['--no-gpg-checks']);
  } else if (name === 'rpm') {
    flag(['--nosignature', '--nodigest', '--noverify', '--nofiledigest']);
  } else if (name === 'echo' || name === 'printf' || name === 'sed') {
    for (const word of args) {
      if (word.value === undefined) continue;
      const text = name === 'sed' ? sedWrites(word.value) : word.value.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
      for (const { pattern, tool, group } of CONFIG_TEXT) {
        const m = pattern.exec(text);
        if (m) {
          hits.push({ messageId: 'setting', data: { tool, setting: m[group ?? 0]!.trim() }, word });
          break;
        }
      }
    }
  }
  return hits;
}

export default defineRule({
  meta: {
    id: 'no-unverified-packages',
    aliases: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
    level: 'error',
    target: 'dockerfile',
    tags: ['security', 'supply-chain'],
    securitySeverity: 8.0,
    description: 'Package managers check the signatures of what they install.',
    docs: {
      what: 'Reports what makes a package manager install packages whose signature is missing or not checked, in RUN (shell and exec form, `sh -c` scripts, heredoc scripts, ONBUILD RUN, through `sudo`): `apk --allow-untrusted`; apt-get/apt/aptitude `--allow-unauthenticated`, `--allow-insecure-repositories`, `--force-yes` and `-o APT::Get::AllowUnauthenticated=true` (or `Acquire::AllowInsecureRepositories`, `Acquire::AllowDowngradeToInsecureRepositories`); yum/dnf/microdnf/tdnf `--nogpgcheck` and `--setopt=gpgcheck=0` (also through yum-config-manager / dnf config-manager); zypper `--no-gpg-checks`; rpm `--nosignature`, `--nodigest`, `--noverify`, `--nofiledigest`; and the same settings written into configuration files with echo/printf/sed (`APT::Get::AllowUnauthenticated "true";`, `deb [trusted=yes] ...`, `gpgcheck=0`). One rule covers every package manager (Checkov has a check for each): the risk and the fix are the same.',
      why: 'Signatures are what proves a package comes from the distribution or vendor: without them a compromised mirror, a proxy or anyone on the network path can hand the build a package of their own, which runs as root during the install and stays in the image.',
      example: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --allow-unauthenticated vendor-agent\n',
      fix: 'Import the vendor\'s signing key and install normally:\n\nFROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg \\\n    && curl -fsSL https://vendor.example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/vendor.gpg \\\n    && echo "deb [signed-by=/usr/share/keyrings/vendor.gpg] https://vendor.example.com/apt stable main" > /etc/apt/sources.list.d/vendor.list \\\n    && apt-get update && apt-get install -y --no-install-recommends vendor-agent\n',
    },
    messages: {
      flag: '`{{tool}} {{flag}}` installs packages without checking their signatures: a mirror or anyone on the network path can substitute them.',
      setting: '`{{setting}}` makes {{tool}} install packages without checking their signatures: a mirror or anyone on the network path can substitute them.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const reported = new Set<number>();
      for (const run of runInstructions(df)) {
        for (const view of commandViews(df, run)) {
          for (const hit of commandHits(view)) {
            if (reported.has(hit.word.span.start)) continue;
            reported.add(hit.word.span.start);
            report({ messageId: hit.messageId, data: hit.data, at: refAt(df, hit.word.span.start, hit.word.span.end - hit.word.span.start) });
          }
        }
      }
    }
  },
});
