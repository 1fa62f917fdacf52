import { defineRule } from '../src/engine/rule.js';
import type { SourceRef } from '../src/model/location.js';
import type { LinkedService } from '../src/model/project.js';
import { effectiveUser, isRootUser, lineage, stageLabel } from '../src/model/stage.js';
import { KNOWN_USERS, accountsOf, imageAccounts, resolveUser, userSetting, type Accounts, type BuildArgs, type Id } from '../src/model/users.js';
import type { DockerfileModel, Stage } from '../src/parse/dockerfile.js';

interface Options {
  /** The UID the judged stage must run as. */
  uid?: number;
  /** The GID the judged stage must run as. */
  gid?: number;
}

/** Base images known to default to an unprivileged user, so a missing USER is not root there. */
const NON_ROOT_IMAGES = [/^gcr\.io\/distroless\/.*:(?:.*-)?nonroot$/];
/** The user those images run as. */
const NON_ROOT_IMAGE_USER = 'nonroot';

function defaultsToNonRoot(stage: Stage): boolean {
  const base = lineage(stage)[0]!;
  return base.image !== undefined && NON_ROOT_IMAGES.some((re) => re.test(base.image!));
}

const WINDOWS = /(^|\/)(windows|servercore|nanoserver)|mcr\.microsoft\.com\/(windows|powershell)/i;

const knownUsersTable = [
  '| user | base images: UID:GID |',
  '|---|---|',
  ...KNOWN_USERS.filter((u) => u.name !== 'root').map((u) => `| \`${u.name}\` | ${u.images} |`),
].join('\n');

/** What a policy check finds wrong: an ID that differs, or one that cannot be established. */
interface Verdict {
  kind: 'Uid' | 'Gid';
  wrong?: { actual: number; how: string };
  unknown?: string;
}

function verdict(resolved: { uid: Id; gid: Id }, options: Options): Verdict | undefined {
  const checks: ['Uid' | 'Gid', Id, number | undefined][] = [
    ['Uid', resolved.uid, options.uid],
    ['Gid', resolved.gid, options.gid],
  ];
  for (const [kind, id, expected] of checks) {
    if (expected === undefined) continue;
    if ('dynamic' in id) return undefined;
    if ('unknown' in id) return { kind, unknown: id.unknown };
    if (id.id !== expected) return { kind, wrong: { actual: id.id, how: id.how } };
  }
  return undefined;
}

export default defineRule<Options>({
  meta: {
    id: 'non-root-user',
    aliases: ['DL3002', 'DS002', 'AVD-DS-0002', 'CKV_DOCKER_3', 'CKV_DOCKER_8', 'Missing User Instruction'],
    level: 'error',
    target: 'project',
    tags: ['security', 'invariant'],
    description: 'A built service, or a standalone Dockerfile, must not run as root.',
    securitySeverity: 7.0,
    docs: {
      what:
        "Finds what each built service's stage (its `build.target`, else the last stage), or a standalone Dockerfile's last stage, runs as: the effective USER, inherited through the stages it builds on. Missing, `root`, `0`, `root:<group>` and `0:<group>` are root. A compose `user:` on the service overrides the Dockerfile. Services that only pull an image are not judged unless they set `user:`: their user cannot be seen.\n\n" +
        'Options turn a policy such as "User MUST NOT be root (UID 1001)" into a check. With `uid`, the user must also be exactly that UID; with `gid`, its group must be that GID (with both, the GID is judged once the UID is right). Without options only root is reported. ' +
        '`USER 1001` and `USER 1001:1001` are read as written, `$VARIABLES` resolved from ARG defaults, ENV values and the compose `build.args` of the service. ' +
        'A named user (`USER app`, or `user: app` in compose, resolved through the Dockerfile the service builds) is looked up in the RUN commands of the stage and the stages it builds on: `useradd -u 1001 app` / `--uid 1001`, BusyBox `adduser -u 1001 -D app`, Debian `adduser --uid 1001 --system app`, grouped flags (`adduser -SDu 1001`), `-g`/`--gid` (useradd, Debian adduser) and `-G`/`--ingroup` (adduser) for the group, `groupadd -g`, `addgroup -g`, `usermod -u`/`-g`, `groupmod -g`, a passwd line echoed into /etc/passwd, and an /etc/passwd copied with `COPY --from=<stage>`. ' +
        "Without a group in USER, the user's primary group counts: the one given with `-g`/`--gid`/`-G`/`--ingroup`; `nogroup` for `adduser -S`/`--system` (65534 on Debian, 65533 on Alpine); else the user's own group, whose GID is its UID. A numeric USER without a group takes the group of the user with that UID, when one is known.\n\n" +
        'A UID that cannot be established is reported as such: a user created without an explicit UID (the system picks it), or one that no RUN creates and that is not a known user of the base image. Values that depend on something unknown (an ARG without a default, `$OPTS` in a useradd, an unreadable RUN, a base image from an ARG) are judged neither right nor wrong. Without a USER the stage runs as root and is reported as before; on a `gcr.io/distroless/*:nonroot` base it runs as `nonroot`, 65532, and is judged at its FROM (the service key for a service).\n\n' +
        'Users that official base images ship, by the base image of the first stage of the lineage (Alpine: `alpine` and tags containing `alpine`; Debian: `debian`, `ubuntu`, tags naming a Debian or Ubuntu release, and official images such as `php`, `httpd`, `python`, `node` otherwise):\n\n' +
        knownUsersTable +
        "\n\n`root` is 0:0 everywhere. Groups known besides each user's own: `nogroup` (65534 Debian, 65533 Alpine), `nobody` (65534 Alpine) and `users` (100).",
      why: 'A process running as root inside a container is root on the host kernel; a container escape or a writable bind mount then gives an attacker the host. A fixed UID, as policies often require, also makes file ownership on volumes and the runtime\'s `runAsUser`/`runAsNonRoot` checks predictable: a system-assigned UID changes with the base image.',
      example: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]',
      fix: 'Create an unprivileged user with a fixed UID and GID and switch to it in the final stage:\n\nFROM node:20-alpine\nRUN addgroup -S -g 1001 app && adduser -S -u 1001 -G app app\nWORKDIR /app\nCOPY --chown=app:app . .\nUSER app\nCMD ["node", "server.js"]\n\nor set `user: "1001:1001"` on the compose service. To require that UID, configure `non-root-user: [error, {uid: 1001, gid: 1001}]`; `node` (UID 1000) then no longer passes.',
    },
    messages: {
      composeRoot: 'Service "{{service}}" runs as root: `user: {{user}}`.',
      rootUser: 'Stage {{stage}} runs as root: USER {{user}}.',
      noUserService: 'Service "{{service}}" runs as root: stage {{stage}} of {{dockerfile}} never sets a USER.',
      noUser: 'The last stage {{stage}} runs as root: it never sets a USER.',
      wrongUid: 'Stage {{stage}} runs as USER {{user}}: UID {{actual}} ({{how}}), but the policy requires UID {{expected}}.',
      unknownUid: 'Stage {{stage}} runs as USER {{user}}, whose UID cannot be established: {{reason}}. The policy requires UID {{expected}}.',
      wrongGid: 'Stage {{stage}} runs as USER {{user}}: GID {{actual}} ({{how}}), but the policy requires GID {{expected}}.',
      unknownGid: 'Stage {{stage}} runs as USER {{user}}, whose GID cannot be established: {{reason}}. The policy requires GID {{expected}}.',
      composeWrongUid: 'Service "{{service}}" runs as `user: {{user}}`: UID {{actual}} ({{how}}), but the policy requires UID {{expected}}.',
      composeUnknownUid: 'Service "{{service}}" runs as `user: {{user}}`, whose UID cannot be established: {{reason}}. The policy requires UID {{expected}}.',
      composeWrongGid: 'Service "{{service}}" runs as `user: {{user}}`: GID {{actual}} ({{how}}), but the policy requires GID {{expected}}.',
      composeUnknownGid: 'Service "{{service}}" runs as `user: {{user}}`, whose GID cannot be established: {{reason}}. The policy requires GID {{expected}}.',
      imageUser: "The last stage {{stage}} never sets a USER and runs as its base image's user {{user}}: {{kind}} {{actual}}, but the policy requires {{kind}} {{expected}}.",
      imageUserService: "Service \"{{service}}\" runs as the base image's user {{user}} (stage {{stage}} of {{dockerfile}} never sets a USER): {{kind}} {{actual}}, but the policy requires {{kind}} {{expected}}.",
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        uid: { type: 'integer', minimum: 1, description: 'The UID the judged stage (or compose `user:`) must run as; named users are resolved through the Dockerfile and known base-image users.' },
        gid: { type: 'integer', minimum: 0, description: 'The GID it must run as (the group in USER, else the user\'s primary group).' },
      },
    },
  },
  check({ project, options, report }) {
    const policy = options.uid !== undefined || options.gid !== undefined;

    /** Reports a policy verdict on a resolved user, if there is one. */
    const judgePolicy = (
      resolved: { user: string; uid: Id; gid: Id },
      send: (v: Verdict, data: Record<string, string | number>) => void,
    ): void => {
      const v = verdict(resolved, options);
      if (!v) return;
      const expected = v.kind === 'Uid' ? options.uid! : options.gid!;
      send(v, v.wrong ? { actual: v.wrong.actual, how: v.wrong.how, expected } : { reason: v.unknown!, expected });
    };

    const judge = (df: DockerfileModel, stage: Stage, onMissing: () => void, missingAt: SourceRef, service?: LinkedService) => {
      const stack = service?.stack.name;
      if (!policy) {
        const user = effectiveUser(df, stage);
        if (!user) return defaultsToNonRoot(stage) ? undefined : onMissing();
        if (!user.value.includes('$') && isRootUser(user.value)) {
          report({ messageId: 'rootUser', data: { stage: stageLabel(stage), user: user.value }, at: user.at, stack });
        }
        return;
      }
      if (WINDOWS.test(lineage(stage)[0]!.image ?? '')) return;
      const buildArgs = service && buildArgsOf(service);
      const user = userSetting(df, stage, buildArgs);
      if (!user) {
        if (!defaultsToNonRoot(stage)) return onMissing();
        // The image's own unprivileged user: judged against the policy where the USER would go.
        const resolved = resolveUser(NON_ROOT_IMAGE_USER, accountsOf(df, stage, buildArgs));
        judgePolicy(resolved, (v, data) => {
          if (!v.wrong) return;
          const common = { ...data, stage: stageLabel(stage), user: NON_ROOT_IMAGE_USER, kind: v.kind.toUpperCase() };
          if (service) report({ messageId: 'imageUserService', data: { ...common, service: service.name, dockerfile: dockerfileName(service, df) }, at: missingAt, stack });
          else report({ messageId: 'imageUser', data: common, at: missingAt });
        });
        return;
      }
      if (user.value.includes('$')) return;
      if (isRootUser(user.value)) {
        report({ messageId: 'rootUser', data: { stage: stageLabel(stage), user: user.value }, at: user.at, stack });
        return;
      }
      const resolved = resolveUser(user.value, accountsOf(df, stage, buildArgs));
      judgePolicy(resolved, (v, data) => report({ messageId: `${v.wrong ? 'wrong' : 'unknown'}${v.kind}`, data: { ...data, stage: stageLabel(stage), user: user.value }, at: user.at, stack }));
    };

    for (const service of project.services) {
      if (service.user) {
        const user = service.user.value;
        if (user === undefined) continue;
        if (isRootUser(user)) {
          report({ messageId: 'composeRoot', data: { service: service.name, user }, at: service.user.at, stack: service.stack.name });
        } else if (policy && !user.includes('$')) {
          const accounts = composeAccounts(service);
          if (accounts) {
            judgePolicy(resolveUser(user, accounts), (v, data) =>
              report({ messageId: `compose${v.wrong ? 'Wrong' : 'Unknown'}${v.kind}`, data: { ...data, service: service.name, user }, at: service.user!.at, stack: service.stack.name }),
            );
          }
        }
        continue;
      }
      const { dockerfile, stage } = service;
      if (!dockerfile || !stage) continue;
      judge(
        dockerfile,
        stage,
        () => report({ messageId: 'noUserService', data: { service: service.name, stage: stageLabel(stage), dockerfile: dockerfileName(service, dockerfile) }, at: service.at, stack: service.stack.name }),
        service.at,
        service,
      );
    }
    for (const { dockerfile, stage } of project.standalone) {
      if (stage) judge(dockerfile, stage, () => report({ messageId: 'noUser', data: { stage: stageLabel(stage) }, at: stage.fromAt }), stage.fromAt);
    }
  },
});

function dockerfileName(service: LinkedService, df: DockerfileModel): string {
  const name = df.path.startsWith(service.compose.dir) ? df.path.slice(service.compose.dir.length + 1) : df.path;
  return name || 'Dockerfile';
}

/** Compose `build.args`; an argument without a known value is unknown. */
function buildArgsOf(service: LinkedService): BuildArgs | undefined {
  const args = service.build?.args;
  if (!args?.length) return undefined;
  return new Map(args.map((a) => [a.name, a.value?.value]));
}

/** The accounts a compose `user:` is resolved through: the built stage's, else (image only) what is known of the image. */
function composeAccounts(service: LinkedService): Accounts | undefined {
  if (service.dockerfile && service.stage) {
    if (WINDOWS.test(lineage(service.stage)[0]!.image ?? '')) return undefined;
    return accountsOf(service.dockerfile, service.stage, buildArgsOf(service));
  }
  return imageAccounts(service.build ? undefined : service.image?.value);
}
