import { readText } from '../src/util/reads.js';
import { defineRule } from '../src/engine/rule.js';
import type { SourceRef } from '../src/model/location.js';
import type { LinkedService } from '../src/model/project.js';
import { envFileRef, readEnvFile, refInValue, templatesOf, valueStartRef, type EnvFile } from '../src/parse/env-file.js';

/** One environment variable of a service, wherever it was set, with its effective value (undefined: unknown). */
interface Setting {
  name: string;
  value: string | undefined;
  /** Where to point: the value, or the `${VAR:-default}` default it took its value from. */
  at: SourceRef;
}

type Check = (s: Setting, all: Map<string, Setting>) => { messageId: string; data?: Record<string, string> } | undefined;

const yes = (v: string | undefined) => v !== undefined && /^(?:1|yes|true)$/i.test(v.trim());
const nonEmpty = (v: string | undefined) => v !== undefined && v !== '';
/** Set to something, or to something we cannot know (`${VAR}` unset here): a password may be there. */
const maybeSet = (s: Setting | undefined) => s !== undefined && (s.value === undefined || s.value !== '');

const MYSQL_ROOT = [
  'MYSQL_ROOT_PASSWORD', 'MYSQL_ROOT_PASSWORD_FILE', 'MYSQL_RANDOM_ROOT_PASSWORD',
  'MARIADB_ROOT_PASSWORD', 'MARIADB_ROOT_PASSWORD_FILE', 'MARIADB_ROOT_PASSWORD_HASH', 'MARIADB_RANDOM_ROOT_PASSWORD',
];

// Variable name → what turns authentication off, per the image's documentation and entrypoint.
const CHECKS: Record<string, Check> = {
  // docker-library/postgres: `host all all all trust` in pg_hba.conf, "even if POSTGRES_PASSWORD is set".
  POSTGRES_HOST_AUTH_METHOD: (s) => (s.value?.trim() === 'trust' ? { messageId: 'postgresTrust' } : undefined),
  // docker-library/mysql and mariadb test only that the variable is non-empty (so `no` or `false` turn it on too), and
  // it only matters when no root password is given.
  MYSQL_ALLOW_EMPTY_PASSWORD: (s, all) => (nonEmpty(s.value) && !MYSQL_ROOT.some((n) => maybeSet(all.get(n))) ? { messageId: 'emptyRootPassword' } : undefined),
  MARIADB_ALLOW_EMPTY_ROOT_PASSWORD: (s, all) => (nonEmpty(s.value) && !MYSQL_ROOT.some((n) => maybeSet(all.get(n))) ? { messageId: 'emptyRootPassword' } : undefined),
  // Bitnami images (postgresql, mysql, mariadb, redis, mongodb, valkey...): yes/true/1, case-insensitive; a password
  // variable that is set wins.
  ALLOW_EMPTY_PASSWORD: (s, all) =>
    yes(s.value) && ![...all.values()].some((o) => o !== s && /PASSWORD(?:_FILE)?$/i.test(o.name) && maybeSet(o)) ? { messageId: 'emptyPassword' } : undefined,
  // Bitnami zookeeper: accepts unauthenticated clients.
  ALLOW_ANONYMOUS_LOGIN: (s) => (yes(s.value) ? { messageId: 'anonymousLogin' } : undefined),
  // neo4j: `NEO4J_AUTH=none` disables authentication.
  NEO4J_AUTH: (s) => (s.value?.trim() === 'none' ? { messageId: 'neo4jNoAuth' } : undefined),
  // Elasticsearch: security (authentication, TLS) off; ES_SETTING_ is the 8.x environment form of the same setting.
  'xpack.security.enabled': (s) => (s.value?.trim().toLowerCase() === 'false' ? { messageId: 'securityDisabled', data: { product: 'Elasticsearch' } } : undefined),
  ES_SETTING_XPACK_SECURITY_ENABLED: (s) => (s.value?.trim().toLowerCase() === 'false' ? { messageId: 'securityDisabled', data: { product: 'Elasticsearch' } } : undefined),
  // OpenSearch and OpenSearch Dashboards: the security plugin (authentication) off.
  'plugins.security.disabled': (s) => (yes(s.value) ? { messageId: 'securityDisabled', data: { product: 'OpenSearch' } } : undefined),
  DISABLE_SECURITY_PLUGIN: (s) => (yes(s.value) ? { messageId: 'securityDisabled', data: { product: 'OpenSearch' } } : undefined),
  DISABLE_SECURITY_DASHBOARDS_PLUGIN: (s) => (yes(s.value) ? { messageId: 'securityDisabled', data: { product: 'OpenSearch Dashboards' } } : undefined),
  // Grafana: anonymous visitors get the Admin role.
  GF_AUTH_ANONYMOUS_ENABLED: (s, all) => (yes(s.value) && all.get('GF_AUTH_ANONYMOUS_ORG_ROLE')?.value?.trim() === 'Admin' ? { messageId: 'anonymousAdmin' } : undefined),
};

export default defineRule({
  meta: {
    id: 'no-trust-auth',
    aliases: [],
    level: 'error',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 8.0,
    description: 'No compose service turns off the authentication of the server it runs.',
    docs: {
      what:
        "Reads each service's environment as Compose gives it to the container (the `environment` map or list, merged across override files, after `env_file` files, with `${VAR:-default}` defaults and the project `.env` applied) and reports the documented switches of official and widely used images that let clients in without credentials: `POSTGRES_HOST_AUTH_METHOD=trust` (postgres); `MYSQL_ALLOW_EMPTY_PASSWORD` or `MARIADB_ALLOW_EMPTY_ROOT_PASSWORD` set to any non-empty value (the images test only that, so `no` counts too) with no root password, password hash, password file or random root password given (mysql, mariadb); `ALLOW_EMPTY_PASSWORD=yes` with no `*_PASSWORD` variable set (Bitnami images); `ALLOW_ANONYMOUS_LOGIN=yes` (Bitnami zookeeper); `NEO4J_AUTH=none` (neo4j); `xpack.security.enabled=false` or `ES_SETTING_XPACK_SECURITY_ENABLED=false` (elasticsearch); `plugins.security.disabled=true`, `DISABLE_SECURITY_PLUGIN=true` or `DISABLE_SECURITY_DASHBOARDS_PLUGIN=true` (opensearch); `GF_AUTH_ANONYMOUS_ENABLED=true` with `GF_AUTH_ANONYMOUS_ORG_ROLE=Admin` (grafana). The finding points at the value, or at the default inside `${VAR:-trust}` when the value comes from it. A service that merely sets no password (redis, mongo, which start without authentication unless one is configured) is not reported: the rule reports settings that say so explicitly. A value that cannot be known (an unset `${VAR}` without default) is not reported.",
      why: 'With authentication off, anyone who can reach the port (every other container on the Docker network, and the whole host network when the port is published) reads and changes all data as a superuser. Such settings are copied from quick-start examples into stacks that end up deployed.',
      example: 'services:\n  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n  cache:\n    image: bitnami/redis:7.2\n    environment:\n      - ALLOW_EMPTY_PASSWORD=yes',
      fix: 'Set a password from a secret file instead:\n\nservices:\n  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\n  cache:\n    image: bitnami/redis:7.2\n    environment:\n      - REDIS_PASSWORD_FILE=/run/secrets/redis_password\n    secrets: [redis_password]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n  redis_password:\n    file: ./secrets/redis_password.txt',
    },
    messages: {
      postgresTrust: 'Service "{{service}}" sets POSTGRES_HOST_AUTH_METHOD to trust: any client that reaches the port logs in as any user without a password, even with POSTGRES_PASSWORD set.',
      emptyRootPassword: 'Service "{{service}}" sets {{name}} and no root password: the database root account has an empty password; set MYSQL_ROOT_PASSWORD_FILE (or MARIADB_ROOT_PASSWORD_FILE) from a secret.',
      emptyPassword: 'Service "{{service}}" sets ALLOW_EMPTY_PASSWORD and no password: the server accepts clients without a password; set its *_PASSWORD_FILE from a secret.',
      anonymousLogin: 'Service "{{service}}" sets ALLOW_ANONYMOUS_LOGIN: the server accepts unauthenticated clients; configure client authentication instead.',
      neo4jNoAuth: 'Service "{{service}}" sets NEO4J_AUTH to none: the database accepts every client without credentials; set NEO4J_AUTH_FILE from a secret.',
      securityDisabled: 'Service "{{service}}" sets {{name}}: {{product}} security is off and every client gets full access without credentials.',
      anonymousAdmin: 'Service "{{service}}" enables anonymous access with GF_AUTH_ANONYMOUS_ORG_ROLE Admin: every visitor administers Grafana without logging in.',
    },
  },
  check({ project, report }) {
    const envFiles = new Map<string, EnvFile | null>();
    // A setting several services share (an anchor, an env_file) is reported once, for the first of them.
    const seen = new Set<string>();
    for (const service of project.services) {
      const settings = new Map<string, Setting>();
      // env_file first: `environment` wins over it, as in Compose.
      for (const ref of service.envFiles) {
        const file = loadEnvFile(envFiles, ref.path);
        for (const e of file?.entries ?? []) settings.set(e.name, fromEnvFile(file!, e, service));
      }
      const lines = (file: string) => project.sourceLines(file);
      for (const kv of service.environment) {
        if (!kv.value) {
          settings.set(kv.name, { name: kv.name, value: undefined, at: kv.at }); // passed through from the host: unknown
          continue;
        }
        const scalar = { at: kv.value.at, name: kv.name, raw: kv.value.raw };
        settings.set(kv.name, { name: kv.name, value: kv.value.value, at: defaultOrValue(lines(kv.value.at.file), scalar, kv.value.value, service) });
      }
      for (const setting of settings.values()) {
        const found = CHECKS[setting.name]?.(setting, settings);
        const key = `${setting.at.file}:${setting.at.range.start.line}:${setting.at.range.start.column}`;
        if (!found || seen.has(key)) continue;
        seen.add(key);
        report({ messageId: found.messageId, data: { service: service.name, name: setting.name, ...found.data }, at: setting.at, stack: service.stack.name });
      }
    }
  },
});

/** Points at the `${VAR:-default}` default the value came from, else at the value. */
function defaultOrValue(lines: Parameters<typeof valueStartRef>[0], scalar: { at: SourceRef; name: string; raw: string }, value: string | undefined, service: LinkedService): SourceRef {
  const { templates } = templatesOf(scalar.raw);
  const t = templates.length === 1 ? templates[0]! : undefined;
  if (t && (t.op === '-' || t.op === ':-') && value !== undefined && t.word === value) {
    const current = service.stack.env.get(t.name);
    const unset = t.op === ':-' ? !current : current === undefined;
    if (unset) return refInValue(lines, scalar, t.wordStart, t.word.length);
  }
  return valueStartRef(lines, scalar);
}

function fromEnvFile(file: EnvFile, e: EnvFile['entries'][number], service: LinkedService): Setting {
  // Compose interpolates env_file values too; a reference we cannot resolve here is unknown.
  const { templates, bareRefs } = templatesOf(e.raw);
  let value: string | undefined = e.value;
  let at = envFileRef(file, e.valueStart, e.raw.length + (e.quote ? 2 : 0));
  if (bareRefs || templates.length > 0) {
    const t = templates.length === 1 && !bareRefs && e.raw.trim() === e.raw.slice(templates[0]!.start, templates[0]!.end) ? templates[0]! : undefined;
    const current = t && service.stack.env.get(t.name);
    if (t && current !== undefined && current !== '') value = current;
    else if (t && (t.op === '-' || t.op === ':-') && !t.word.includes('$') && (t.op === ':-' ? !current : current === undefined)) {
      value = t.word;
      at = envFileRef(file, e.contentStart + t.wordStart, t.word.length);
    } else value = undefined;
  }
  return { name: e.name, value, at };
}

function loadEnvFile(cache: Map<string, EnvFile | null>, file: string): EnvFile | undefined {
  if (!cache.has(file)) {
    try {
      cache.set(file, readEnvFile(file, readText(file)));
    } catch {
      cache.set(file, null); // a missing optional env_file: nothing set from it
    }
  }
  return cache.get(file) ?? undefined;
}
