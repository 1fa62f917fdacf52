import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../src/engine/rule.js';
import { argDeclarations, keyValues, onbuildTriggers, refAt } from '../src/model/labels.js';
import type { DockerfileModel } from '../src/parse/dockerfile.js';
import type { SourceRef } from '../src/model/location.js';
import { dockerfilesOf } from '../src/model/project.js';

// hadolint DL3064: names it knows to hold credentials or account data (compared upper-cased) ...
const HADOLINT_NAMES = new Set(
  `ACCESS_TOKEN APPLICATION_KEY APP_SECRET AUTH_TOKEN AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY BITTREX_API_KEY
  BITTREX_API_SECRET CF_PASSWORD CF_USERNAME CIRCLE_TOKEN CI_DEPLOY_PASSWORD CI_DEPLOY_USER DOCKERHUB_PASSWORD
  DOCKER_EMAIL DOCKER_PASSWORD DOCKER_USERNAME FACEBOOK_ACCESS_TOKEN FACEBOOK_APP_ID FACEBOOK_APP_SECRET
  FIREBASE_API_TOKEN FIREBASE_TOKEN FOSSA_API_KEY GH_ENTERPRISE_TOKEN GH_TOKEN GITHUB_ENTERPRISE_TOKEN GITHUB_TOKEN
  HEROKU_API_KEY HEROKU_API_USER NPM_AUTH_TOKEN NPM_TOKEN OKTA_AUTHN_GROUPID OKTA_CLIENT_ORGURL OKTA_CLIENT_TOKEN
  OKTA_OAUTH2_CLIENTID OKTA_OAUTH2_CLIENTSECRET OPENAI_API_KEY OS_PASSWORD OS_USERNAME POSTGRES_PASSWORD SLACK_TOKEN
  STRIPE_API_KEY STRIPE_DEVICE_NAME TRAVIS_OS_NAME TRAVIS_SECURE_ENV_VARS TRAVIS_SUDO VAULT_CLIENT_KEY VAULT_TOKEN`.split(/\s+/),
);
// ... and words it finds anywhere in a name (compared lower-cased): `DBPASSWORD`, `PRIVATE_KEY`, `my_username`.
const HADOLINT_WORDS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

/** hadolint DL3064: a known name, or a name containing one of its words, without regard to case. */
function hadolintFlags(name: string): boolean {
  const lower = name.toLowerCase();
  return HADOLINT_NAMES.has(name.toUpperCase()) || HADOLINT_WORDS.some((w) => lower.includes(w));
}

// BuildKit SecretsUsedInArgOrEnv: an `_`-separated part (or the whole name) equal to a secret word, and no part equal
// to an allowed word. `u` makes the case folding Unicode-wide, as Go's `(?i)` is.
const BUILDKIT_DENY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/iu;
const BUILDKIT_ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/iu;

function buildkitFlags(name: string): boolean {
  return BUILDKIT_DENY.test(name) && !BUILDKIT_ALLOW.test(name);
}

const DENY_PARTS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);

/**
 * GPG/PGP key ids (`GPG_KEY`, `RABBITMQ_PGP_KEY_ID`, `OPENSSL_PGP_KEY_IDS`): fingerprints of public keys that official
 * images verify their downloads with. BuildKit reports them for their `KEY` part alone; they are not secrets. A name
 * with any other secret part or a passphrase (`GPG_KEY_PASSPHRASE`, `GPG_AUTH_KEY`) stays a secret.
 */
function isPublicKeyId(name: string): boolean {
  const parts = name.toLowerCase().split('_');
  return (
    parts.some((p) => p === 'gpg' || p === 'pgp') &&
    parts.every((p) => p === 'key' || !DENY_PARTS.has(p)) &&
    !parts.some((p) => /pass|phrase|pw/.test(p))
  );
}

/** Does an ARG or ENV name read as a secret to hadolint (DL3064) or BuildKit (SecretsUsedInArgOrEnv)? */
function isSecretVariableName(name: string): boolean {
  if (hadolintFlags(name)) return true;
  return buildkitFlags(name) && !isPublicKeyId(name);
}

/** The names an ARG or ENV instruction sets, with where each name is written. */
function namesOf(df: DockerfileModel, instruction: Instruction): { name: string; at: SourceRef }[] {
  const keyword = instruction.getKeyword();
  if (keyword === 'ARG') return argDeclarations(df, instruction).map((a) => ({ name: a.name, at: refAt(df, a.nameStart, a.nameEnd) }));
  if (keyword === 'ENV') return keyValues(df, instruction).map((kv) => ({ name: kv.name, at: df.ref(kv.nameRange) }));
  return [];
}

export default defineRule({
  meta: {
    id: 'secret-names-in-arg-env',
    aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['security', 'secrets'],
    securitySeverity: 5.0,
    description: 'ARG and ENV names must not suggest that they carry a secret.',
    docs: {
      what: "Reports every ARG (also before the first FROM) and ENV name, also in ONBUILD triggers, that reads as a secret, whatever its value and even without one (`ARG NPM_TOKEN`). A name reads as a secret when hadolint DL3064 or BuildKit's SecretsUsedInArgOrEnv would report it: one of hadolint's known names (`GITHUB_TOKEN`, `AWS_ACCESS_KEY_ID`, `DOCKER_USERNAME`, `FACEBOOK_APP_ID`...), a name containing `password`, `secret`, `token`, `private`, `username`, `api_key` or `client_key` in any case (`DBPASSWORD`, `TOKENIZERS_PARALLELISM` too), or a name with an `_`-separated part `key`, `apikey`, `auth`, `credential(s)`, `passwd`, `pword`, `password`, `secret` or `token` and no part `public`, `file` or `version` (BuildKit, which also reads `apiKey` as its `apikey` word; so `SSH_PUB_KEY` and `AUTH_URL` count, `SSL_KEY_FILE` and `SSH_KEYS` do not). Unlike BuildKit, GPG/PGP key ids (`GPG_KEY`, `RABBITMQ_PGP_KEY_ID`), which hold public key fingerprints, are not reported. Only names are judged: a secret value in a layer is `no-secrets-in-layers`' concern.",
      why: 'ARG values are recorded in the build history and provenance of the image and ENV values in its configuration, where anyone who can pull the image reads them with `docker history` or `docker inspect`. A variable named like a secret is, sooner or later, given one.',
      example: 'FROM node:20-alpine\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc',
      fix: 'Pass the secret as a BuildKit secret mount, which never reaches the image:\n\nFROM node:20-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n\nbuilt with `docker build --secret id=npm_token,env=NPM_TOKEN .`; give runtime secrets to the container (compose `secrets:`), not through ENV.',
    },
    messages: {
      secretName: '{{keyword}} {{name}} is named like a secret, and ARG and ENV values stay readable in the image: pass it as a secret mount (RUN --mount=type=secret) instead.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const all = df.ast.getInstructions();
      const checked: { instruction: Instruction; prefix: string }[] = [
        ...all.map((instruction) => ({ instruction, prefix: '' })),
        // hadolint applies DL3064 to ONBUILD triggers too (BuildKit when a downstream build runs them).
        ...onbuildTriggers(all).map((instruction) => ({ instruction, prefix: 'ONBUILD ' })),
      ];
      for (const { instruction, prefix } of checked) {
        for (const { name, at } of namesOf(df, instruction)) {
          if (!isSecretVariableName(name)) continue;
          report({ messageId: 'secretName', data: { keyword: prefix + instruction.getKeyword(), name }, at, snippet: `${instruction.getKeyword()} ${name}` });
        }
      }
    }
  },
});
