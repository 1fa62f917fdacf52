import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Heredoc, Instruction } from 'dockerfile-ast';
import { defineRule, type Report } from '../src/engine/rule.js';
import { argDeclarations, onbuildTriggers, refAt } from '../src/model/labels.js';
import type { DockerfileModel } from '../src/parse/dockerfile.js';
import type { Project } from '../src/model/project.js';
import { findCredentials, isPlaceholderValue, isPublicKeyMaterial, isSecretFile, isSecretName, maskSecret } from '../src/util/secrets.js';
import { memoized } from '../src/util/memo.js';
import { noteRead } from '../src/util/reads.js';

type Reporter = (report: Report) => void;
type AstRange = NonNullable<Parameters<DockerfileModel['ref']>[0]>;

interface Property {
  getName(): string;
  getValue(): string | null;
  getNameRange(): Parameters<DockerfileModel['ref']>[0];
}

// Instructions whose text stays in the image: history and config (ARG, ENV, LABEL, RUN) or a layer (COPY/ADD here-documents).
const SCANNED = new Set(['ARG', 'ENV', 'LABEL', 'RUN', 'COPY', 'ADD']);

export default defineRule({
  meta: {
    id: 'no-secrets-in-layers',
    aliases: ['DS031', 'AVD-DS-0031'],
    level: 'error',
    target: 'project',
    tags: ['security', 'secrets', 'invariant'],
    description: 'No secret is written into an image layer or its history.',
    securitySeverity: 9.0,
    docs: {
      what: 'Reports what leaves a secret in an image: an ARG (also before the first FROM) or ENV, also in an ONBUILD trigger, whose name reads as a secret (parts such as `password`, `secret`, `token`, `key`, `auth`, `credential`, also run together as in `DBPASSWORD` or `CLIENTSECRET`; `public`, `file`, `version`, `gpg` and `pgp` parts make it harmless) when it has a value, or when it has none and a later RUN, ENV or LABEL of its stage uses it; ENV, ARG, LABEL, RUN and COPY/ADD here-document text holding a credential of a known format (AWS, GitHub, GitLab, Slack, npm, OpenAI and Stripe tokens, private key blocks, URLs with `user:password@`); COPY/ADD of a secret file (`.env`, `*.pem`, `*.key`, `id_rsa`, `.npmrc`, `credentials.json`...), also through `COPY . .` when the build context holds one that `.dockerignore` does not exclude (a PEM file holding only certificates or public keys is not a secret); and compose `build.args` that pass a secret. The secret itself is never printed. Names alone, whatever the value, are the concern of `secret-names-in-arg-env` (hadolint DL3064, BuildKit SecretsUsedInArgOrEnv); this rule is narrower: an ARG without a default that nothing uses stores nothing and is not reported, and identifier names (`DOCKER_USERNAME`, `FACEBOOK_APP_ID`, `TRAVIS_OS_NAME`), `username` and `private` substrings and plural or look-alike names (`API_KEYS`, `SECRETS_DIR`, `TOKENIZERS_PARALLELISM`) are not secrets.',
      why: 'Everything an ARG, ENV, LABEL or RUN line holds stays in the image configuration or history (`docker history`), and every copied file stays in a layer even if a later step deletes it. Anyone who can pull the image can read them.',
      example: 'FROM node:20-alpine\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\nCOPY . .',
      fix: 'Pass secrets as BuildKit secret mounts, which never reach a layer, and keep secret files out of the context:\n\nFROM node:20-alpine\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\nCOPY . .\n\nbuilt with `docker build --secret id=npmrc,src=$HOME/.npmrc .`, with `.env` and `*.pem` listed in `.dockerignore`; in compose, use top-level `secrets:` and `build.secrets`.',
    },
    messages: {
      secretVariable: '{{keyword}} {{name}} reads as a secret and its value is stored in the image: use a secret mount (RUN --mount=type=secret).',
      secretArgUsed: 'ARG {{name}} reads as a secret and RUN uses it, which records its value in the image history: use a secret mount.',
      secretArgStored: 'ARG {{name}} reads as a secret and {{keyword}} stores its value in the image configuration: use a secret mount.',
      credential: '{{keyword}} holds a {{kind}} ({{masked}}): it stays in the image history.',
      secretFile: '{{keyword}} copies the secret file {{file}} into the image.',
      secretFileFromContext: '{{keyword}} {{source}} copies the secret file {{file}} into the image{{more}}: exclude it in .dockerignore.',
      secretBuildArg: 'Service "{{service}}" passes a secret in build arg {{name}} ({{masked}}): use build secrets.',
      credentialBuildArg: 'Service "{{service}}" passes a {{kind}} in build arg {{name}} ({{masked}}): use build secrets.',
    },
  },
  check({ project, report }) {
    for (const df of project.dockerfiles.values()) {
      checkInstructions(project, df, globalArgs(df), report);
      for (const stage of df.stages) {
        checkInstructions(project, df, stage.instructions, report);
        // ONBUILD triggers run in the builds of downstream images: their ARG, ENV, LABEL and RUN text ends up there.
        checkInstructions(project, df, onbuildTriggers(stage.instructions), report, false);
      }
    }
    for (const service of project.services) {
      for (const arg of service.build?.args ?? []) {
        const value = arg.value?.value;
        if (!value) continue;
        const data = { service: service.name, name: arg.name, masked: maskSecret(value) };
        const credential = findCredentials(value)[0];
        if (credential) report({ messageId: 'credentialBuildArg', data: { ...data, kind: credential.kind, masked: maskSecret(credential.value) }, at: arg.at, snippet: arg.name, stack: service.stack.name });
        else if (isSensitiveName(arg.name) && !isPlaceholderValue(value)) report({ messageId: 'secretBuildArg', data, at: arg.at, snippet: arg.name, stack: service.stack.name });
      }
    }
  },
});

/** ARGs before the first FROM: their defaults are written in the Dockerfile and flow into every stage that redeclares them. */
function globalArgs(df: DockerfileModel): Instruction[] {
  const all = df.ast.getInstructions();
  const firstFrom = all.findIndex((i) => i.getKeyword() === 'FROM');
  return all.slice(0, firstFrom < 0 ? all.length : firstFrom).filter((i) => i.getKeyword() === 'ARG');
}

// DL3064 also matches these words inside a name part (`DBPASSWORD`, `GITHUBTOKEN`, `OKTA_OAUTH2_CLIENTSECRET`). Only
// compounds that end with one count: `TOKENIZERS_PARALLELISM`, `SECRETS_DIR` and `PASSWORDLESS_LOGIN` are not secrets.
const COMPOUND_SUFFIXES = ['password', 'passwd', 'secret', 'token', 'apikey', 'privatekey', 'secretkey', 'accesskey', 'credentials', 'credential'];
// The parts that make a name harmless, as in src/util/secrets.ts.
const HARMLESS_PARTS = new Set(['public', 'file', 'version', 'gpg', 'pgp']);

/**
 * Does an ARG/ENV name read as a secret: BuildKit's SecretsUsedInArgOrEnv test, or (hadolint DL3064) a name part that
 * ends with a secret word? DL3064's other names are identifiers, not secrets (`DOCKER_USERNAME`, `FACEBOOK_APP_ID`,
 * `TRAVIS_OS_NAME`), and are not reported. Answers are kept: the same names come back in Dockerfile after Dockerfile.
 */
const isSensitiveName = memoized(readsAsSecret);

function readsAsSecret(name: string): boolean {
  if (isSecretName(name)) return true;
  const parts = name.split(/[_.-]+/).flatMap((p) => (p === p.toUpperCase() || p === p.toLowerCase() ? [p] : p.split(/(?<=[a-z0-9])(?=[A-Z])/))).map((p) => p.toLowerCase());
  if (parts.some((p) => HARMLESS_PARTS.has(p))) return false;
  return parts.some((p) => COMPOUND_SUFFIXES.some((w) => p.length > w.length && p.endsWith(w)));
}

/**
 * Checks one stage's instructions (or the global ARGs, which have no RUN after them in their scope, or a stage's ONBUILD
 * triggers, whose COPY sources come from a downstream build's context).
 */
function checkInstructions(project: Project, df: DockerfileModel, instructions: Instruction[], report: Reporter, copies = true): void {
  const users = instructions.filter((i) => ['RUN', 'ENV', 'LABEL'].includes(i.getKeyword()));
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (SCANNED.has(keyword)) scanCredentials(df, instruction, report);
    if (keyword === 'ARG' || keyword === 'ENV') {
      // ARG words as BuildKit reads them (`ARG A B` declares A and B); ENV pairs, legacy `ENV KEY value` included.
      const variables =
        keyword === 'ARG'
          ? argDeclarations(df, instruction).map((a) => ({ name: a.name, value: a.value, at: refAt(df, a.nameStart, a.nameEnd) }))
          : (instruction as unknown as { getProperties(): Property[] }).getProperties().map((p) => ({ name: p.getName(), value: p.getValue(), at: df.ref(p.getNameRange()) }));
      for (const { name, value, at } of variables) {
        if (!isSensitiveName(name)) continue;
        if (value) {
          report({ messageId: 'secretVariable', data: { keyword, name }, at });
          continue;
        }
        if (keyword !== 'ARG') continue;
        const later = users.filter((u) => isAfter(u, instruction) && usesVariable(u, name));
        const run = later.find((u) => u.getKeyword() === 'RUN');
        if (run) report({ messageId: 'secretArgUsed', data: { name }, at });
        else if (later[0]) report({ messageId: 'secretArgStored', data: { name, keyword: later[0].getKeyword() }, at });
      }
    }
    if (copies && (keyword === 'COPY' || keyword === 'ADD') && !hasFlag(instruction, 'from')) checkCopy(project, df, instruction, report);
  }
}

function scanCredentials(df: DockerfileModel, instruction: Instruction, report: Reporter): void {
  const range = instruction.getRange();
  const start = df.lines.offset(range.start.line + 1, range.start.character + 1);
  const end = df.lines.offset(range.end.line + 1, range.end.character + 1);
  for (const match of findCredentials(df.text.slice(start, end))) {
    const masked = maskSecret(match.value);
    // Through df.ref, so that a dockerfile_inline credential points into the compose file.
    const from = df.lines.position(start + match.index);
    const to = df.lines.position(start + match.index + match.length);
    const at = df.ref({ start: { line: from.line - 1, character: from.column - 1 }, end: { line: to.line - 1, character: to.column - 1 } });
    report({ messageId: 'credential', data: { keyword: instruction.getKeyword(), kind: match.kind, masked }, at, snippet: `${match.kind} ${masked}` });
  }
}

function checkCopy(project: Project, df: DockerfileModel, instruction: Instruction, report: Reporter): void {
  const keyword = instruction.getKeyword();
  const contexts = project.contextsOf(df);
  for (const source of copySources(df, instruction)) {
    if (isSecretFile(source.value)) {
      // A named PEM that turns out to hold only certificates is fine; one we cannot read is assumed secret.
      if (!contexts.some((c) => isPublicFile(path.join(c.dir, source.value)))) report({ messageId: 'secretFile', data: { keyword, file: source.value }, at: source.at });
      continue;
    }
    const taken = new Set<string>();
    for (const context of contexts) {
      for (const f of context.filesTakenBy([source.value])) if (isSecretFile(f) && !isPublicFile(path.join(context.dir, f))) taken.add(f);
    }
    const files = [...taken].sort();
    if (files.length === 0) continue;
    const more = files.length > 1 ? ` and ${files.length - 1} more` : '';
    report({ messageId: 'secretFileFromContext', data: { keyword, source: source.value, file: files[0]!, more }, at: source.at });
  }
}

/** Reads the head of a key-like file to tell certificates and public keys from private keys. */
function isPublicFile(file: string): boolean {
  if (!/\.(?:pem|crt|key)$/i.test(file)) return false;
  noteRead(file); // --cache: the answer changes with the file
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(65536);
      return isPublicKeyMaterial(buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** COPY/ADD source arguments (all but the destination), in shell or JSON form, with their positions. */
function copySources(df: DockerfileModel, instruction: Instruction): { value: string; at: ReturnType<DockerfileModel['ref']> }[] {
  const json = (instruction as unknown as { getJSONStrings?(): { getRange(): Parameters<DockerfileModel['ref']>[0] }[] }).getJSONStrings?.() ?? [];
  if (json.length > 0) {
    return json.slice(0, -1).flatMap((s) => {
      const at = df.ref(s.getRange());
      const raw = df.text.slice(df.lines.offset(at.range.start.line, at.range.start.column), df.lines.offset(at.range.end.line, at.range.end.column));
      try {
        return [{ value: JSON.parse(raw) as string, at }];
      } catch {
        return [];
      }
    });
  }
  // Here-document bodies and terminators are file contents written inline, not sources taken from the context.
  const heredocs = (instruction as unknown as { getHeredocs?(): Heredoc[] }).getHeredocs?.() ?? [];
  const inHeredoc = (r: AstRange) => heredocs.some((h) => [h.getContentRange(), h.getDelimiterRange()].some((c) => c && contains(c, r)));
  const args = instruction.getArguments().filter((a) => !a.getValue().startsWith('<<') && !inHeredoc(a.getRange()));
  return args.slice(0, -1).map((a) => ({ value: a.getValue(), at: df.ref(a.getRange()) }));
}

function contains(outer: AstRange, inner: AstRange): boolean {
  const before = (a: AstRange['start'], b: AstRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function hasFlag(instruction: Instruction, name: string): boolean {
  const flags = (instruction as unknown as { getFlags?(): { getName(): string }[] }).getFlags?.() ?? [];
  return flags.some((f) => f.getName().toLowerCase() === name);
}

function isAfter(a: Instruction, b: Instruction): boolean {
  return a.getRange().start.line > b.getRange().start.line;
}

function usesVariable(instruction: Instruction, name: string): boolean {
  return new RegExp(`\\$(?:\\{${name}(?:[:}+\\-?]|$)|${name}(?![A-Za-z0-9_]))`).test(instruction.getRawArgumentsContent() ?? '');
}
