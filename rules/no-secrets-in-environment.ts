import { defineRule, type Report } from '../src/engine/rule.js';
import type { LineIndex } from '../src/model/location.js';
import type { Project } from '../src/model/project.js';
import { readKeyValues, type KeyValue } from '../src/model/service.js';
import { refInValue, secretsInAssignment, valueStartRef } from '../src/parse/env-file.js';
import { maskSecret } from '../src/util/secrets.js';

export default defineRule({
  meta: {
    id: 'no-secrets-in-environment',
    aliases: [
      'Passwords And Secrets - Generic Password',
      'Passwords And Secrets - Generic Secret',
      'Passwords And Secrets - Generic Token',
      'Passwords And Secrets - Generic API Key',
      'Passwords And Secrets - Generic Private Key',
      'Passwords And Secrets - Encryption Key',
      'Passwords And Secrets - Password in URL',
      'Passwords And Secrets - AWS Access Key',
      'Passwords And Secrets - AWS Secret Key',
      'Passwords And Secrets - Asymmetric private key',
      'Passwords And Secrets - Slack Webhook',
      'Passwords And Secrets - Slack Token',
      'Passwords And Secrets - Stripe API Key',
      'Passwords And Secrets - Stripe Restricted API Key',
    ],
    level: 'error',
    target: 'compose',
    tags: ['security', 'secrets'],
    securitySeverity: 8.0,
    description: 'No plaintext secret is written in a compose service `environment`.',
    docs: {
      what:
        "Reads every service's `environment` (map form `KEY: value` and list form `- KEY=value`) in every compose file, override files and `extends` included, as written before interpolation, and reports: a literal value under a name that reads as a secret (parts such as `PASSWORD`, `PASS`, `PWD`, `SECRET`, `TOKEN`, `KEY`, `AUTH`, `CREDENTIALS`, or run together as in `PGPASSWORD`; a `PUBLIC`, `FILE` or `VERSION` part, or a last part that describes the value such as `_URL`, `_METHOD`, `_USER`, `_ID`, `_EXPIRE_MINUTES`, makes it harmless); a credential of a known format under any name (AWS, GitHub, GitLab, Slack, npm, OpenAI, Anthropic and Stripe tokens, private key blocks, URLs with `user:password@`); and a `${VAR:-default}` or `${VAR-default}` whose default is a literal secret (`SECRET_KEY: ${SECRET_KEY:-dev-secret-key-change-in-production}`), pointing at the default inside the value. A value that only refers to a variable (`${DB_PASSWORD}`, `${DB_PASSWORD:?set it}`) comes from the environment and is fine. Placeholders are not secrets: empty values, `changeme`, `change-me`, `example`, `your-api-key-here`, `<token>`, `xxx`, booleans, `/run/secrets/...` and other paths, URLs without a password. A literal such as `postgres` or a default that says `change-in-production` is a secret: it is the password the service really runs with. The secret is never printed: messages show at most its first four characters and its length. A value written in a base file is reported even when an override file replaces it: it is committed either way. KICS reports the same assignments with its generic `Passwords And Secrets` regexes over the whole file; this rule reads only `environment` (build args are rule no-secrets-in-layers'), knows more secret names, and does not report placeholders.",
      why: 'Compose files are committed and shared: a password, token or key written in `environment` is readable by everyone with access to the repository and its history, is shown by `docker inspect` and `docker compose config`, and is inherited by every process in the container. A default secret is worse than none: the service silently runs with a publicly known credential whenever the variable is unset.',
      example: 'services:\n  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-db-pass\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    environment:\n      - DATABASE_URL=postgres://app:s3cr3t-db-pass@db:5432/app\n      - JWT_SECRET=${JWT_SECRET:-dev-secret-key-change-in-production}',
      fix: 'Keep secrets in files outside the repository and hand them over as compose secrets, read through the image\'s `*_FILE` variables, or require them from the environment without a default:\n\nservices:\n  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    environment:\n      - DATABASE_PASSWORD_FILE=/run/secrets/db_password\n      - JWT_SECRET=${JWT_SECRET:?set JWT_SECRET}\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt',
    },
    messages: {
      secretValue: 'Service "{{service}}" sets {{name}} to a plaintext secret ({{masked}}): move it to a top-level `secrets:` file (read through {{name}}_FILE where the image supports it) or take it from the environment.',
      credential: 'Service "{{service}}" sets {{name}} to a value holding a {{kind}} ({{masked}}): move it to a top-level `secrets:` file or take it from the environment.',
      secretDefault: 'Service "{{service}}" gives ${{{variable}}} a plaintext default secret ({{masked}}) in {{name}}, used whenever the variable is unset: require it with ${{{variable}}:?...} or use a top-level `secrets:` file.',
    },
  },
  check({ project, report }) {
    const seen = new Set<string>();
    const check = (service: string, stack: string, kv: KeyValue) => checkEntry(project, service, stack, kv, seen, report);
    // Every compose document as written, so that a secret an override replaces is still found where it is committed.
    for (const stack of project.stacks) {
      for (const doc of stack.files) {
        const y = doc.yaml;
        for (const { key, value } of y.entries(y.get(doc.root, 'services')?.value)) {
          for (const kv of readKeyValues(doc, y.get(value, 'environment')?.value)) check(key, stack.name, kv);
        }
      }
    }
    // The merged services too: `extends` may bring in entries from a file no stack holds.
    for (const service of project.services) for (const kv of service.environment) check(service.name, service.stack.name, kv);
  },
});

function checkEntry(project: Project, service: string, stack: string, kv: KeyValue, seen: Set<string>, report: (r: Report) => void): void {
  const value = kv.value;
  if (!value || !value.raw) return;
  const hits = secretsInAssignment(kv.name, value.raw);
  if (hits.length === 0) return;
  const lines: LineIndex | undefined = project.sourceLines(value.at.file);
  const scalar = { at: value.at, name: kv.name, raw: value.raw };
  for (const hit of hits) {
    const at = hit.kind === 'literal' ? valueStartRef(lines, scalar) : refInValue(lines, scalar, hit.index, hit.length);
    const key = `${at.file}:${at.range.start.line}:${at.range.start.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const masked = maskSecret(hit.value);
    const data = { service, name: kv.name, masked };
    if (hit.kind === 'credential') report({ messageId: 'credential', data: { ...data, kind: hit.credential! }, at, stack, snippet: `${kv.name} ${hit.credential} ${masked}` });
    else if (hit.kind === 'default') report({ messageId: 'secretDefault', data: { ...data, variable: hit.variable! }, at, stack, snippet: `${kv.name} \${${hit.variable}:-${masked}}` });
    else report({ messageId: 'secretValue', data, at, stack, snippet: `${kv.name} ${masked}` });
  }
}
