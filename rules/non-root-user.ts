import { defineRule } from '../src/engine/rule.js';
import { effectiveUser, isRootUser, lineage, stageLabel } from '../src/model/stage.js';
import type { DockerfileModel, Stage } from '../src/parse/dockerfile.js';

/** Base images known to default to an unprivileged user, so a missing USER is not root there. */
const NON_ROOT_IMAGES = [/^gcr\.io\/distroless\/.*:(?:.*-)?nonroot$/];

function defaultsToNonRoot(stage: Stage): boolean {
  const base = lineage(stage)[0]!;
  return base.image !== undefined && NON_ROOT_IMAGES.some((re) => re.test(base.image!));
}

export default defineRule({
  meta: {
    id: 'non-root-user',
    aliases: ['DL3002', 'DS002', 'AVD-DS-0002', 'CKV_DOCKER_3', 'CKV_DOCKER_8', 'Missing User Instruction'],
    level: 'error',
    target: 'project',
    tags: ['security', 'invariant'],
    description: 'A built service, or a standalone Dockerfile, must not run as root.',
    securitySeverity: 7.0,
    docs: {
      what: "Finds what each built service's stage (its `build.target`, else the last stage), or a standalone Dockerfile's last stage, runs as: the effective USER, inherited through the stages it builds on. Missing, `root`, `0`, `root:<group>` and `0:<group>` are root. A compose `user:` on the service overrides the Dockerfile. Services that only pull an image are not judged: their user cannot be seen.",
      why: 'A process running as root inside a container is root on the host kernel; a container escape or a writable bind mount then gives an attacker the host.',
      example: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]',
      fix: 'Create an unprivileged user and switch to it in the final stage:\n\nFROM node:20-alpine\nRUN addgroup -S -g 1001 app && adduser -S -u 1001 -G app app\nWORKDIR /app\nCOPY --chown=app:app . .\nUSER app\nCMD ["node", "server.js"]\n\nor set `user: "1001:1001"` on the compose service.',
    },
    messages: {
      composeRoot: 'Service "{{service}}" runs as root: `user: {{user}}`.',
      rootUser: 'Stage {{stage}} runs as root: USER {{user}}.',
      noUserService: 'Service "{{service}}" runs as root: stage {{stage}} of {{dockerfile}} never sets a USER.',
      noUser: 'The last stage {{stage}} runs as root: it never sets a USER.',
    },
  },
  check({ project, report }) {
    const judge = (df: DockerfileModel, stage: Stage, onMissing: () => void, stack?: string) => {
      const user = effectiveUser(df, stage);
      if (!user) return defaultsToNonRoot(stage) ? undefined : onMissing();
      if (!user.value.includes('$') && isRootUser(user.value)) {
        report({ messageId: 'rootUser', data: { stage: stageLabel(stage), user: user.value }, at: user.at, stack });
      }
    };
    for (const service of project.services) {
      if (service.user) {
        const user = service.user.value;
        if (user !== undefined && isRootUser(user)) report({ messageId: 'composeRoot', data: { service: service.name, user }, at: service.user.at, stack: service.stack.name });
        continue;
      }
      const { dockerfile, stage } = service;
      if (!dockerfile || !stage) continue;
      const name = dockerfile.path.startsWith(service.compose.dir) ? dockerfile.path.slice(service.compose.dir.length + 1) : dockerfile.path;
      judge(dockerfile, stage, () => report({ messageId: 'noUserService', data: { service: service.name, stage: stageLabel(stage), dockerfile: name || 'Dockerfile' }, at: service.at, stack: service.stack.name }), service.stack.name);
    }
    for (const { dockerfile, stage } of project.standalone) {
      if (stage) judge(dockerfile, stage, () => report({ messageId: 'noUser', data: { stage: stageLabel(stage) }, at: stage.fromAt }));
    }
  },
});
