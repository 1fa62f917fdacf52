import { defineRule } from '../src/engine/rule.js';
import { healthOf } from '../src/model/health.js';
import { effectiveHealthcheck, stageLabel } from '../src/model/stage.js';

export default defineRule({
  meta: {
    id: 'healthcheck-required',
    aliases: ['DL3057', 'DS026', 'AVD-DS-0026', 'CKV_DOCKER_2', 'Healthcheck Instruction Missing', 'Healthcheck Not Set'],
    level: 'warning',
    target: 'project',
    tags: ['reliability', 'invariant'],
    description: 'Every service, and every standalone Dockerfile, has a healthcheck.',
    docs: {
      what: "Checks that every compose service has a healthcheck, either its own `healthcheck.test` or a HEALTHCHECK in the stage it builds (inherited from the stages that stage builds on), and that a Dockerfile no service builds has one in its last stage. `HEALTHCHECK NONE`, `test: [\"NONE\"]` and `disable: true` count as none. A service that others wait for with `condition: service_completed_successfully` is a one-shot job and needs none.",
      why: 'Without a healthcheck Docker only knows the process is running, not that it serves: `depends_on: condition: service_healthy` cannot work, restarts and rolling updates go by guesswork, and a hung service looks fine.',
      example: 'services:\n  api:\n    build: ./api\n    ports: ["8000:8000"]',
      fix: 'Add a healthcheck to the service (or a HEALTHCHECK to its Dockerfile stage):\n\nservices:\n  api:\n    build: ./api\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n      interval: 30s\n      timeout: 10s\n      retries: 3\n      start_period: 40s',
    },
    messages: {
      missing: 'Service "{{service}}" has no healthcheck.',
      missingBuilt: 'Service "{{service}}" has no healthcheck: neither its compose entry nor stage {{stage}} defines one.',
      disabled: 'Service "{{service}}" disables its healthcheck.',
      testNone: 'Service "{{service}}" turns its healthcheck off with test NONE.',
      dockerfileNone: 'Service "{{service}}" runs a stage whose healthcheck is HEALTHCHECK NONE.',
      noHealthcheck: 'The last stage {{stage}} defines no HEALTHCHECK.',
      lastStageNone: 'The last stage {{stage}} turns the healthcheck off with HEALTHCHECK NONE.',
    },
  },
  check({ project, report }) {
    const oneShot = new Set<string>();
    for (const s of project.services) {
      for (const d of s.dependsOn) if (d.condition === 'service_completed_successfully') oneShot.add(`${s.stack.name}\0${d.service}`);
    }
    for (const service of project.services) {
      if (oneShot.has(`${service.stack.name}\0${service.name}`)) continue;
      const health = healthOf(service);
      if (health.state !== 'no') continue;
      const data = { service: service.name, stage: service.stage ? stageLabel(service.stage) : '' };
      const messageId = { disabled: 'disabled', 'test-none': 'testNone', 'dockerfile-none': 'dockerfileNone', missing: service.stage ? 'missingBuilt' : 'missing' }[health.why];
      report({ messageId, data, at: health.at, stack: service.stack.name });
    }
    for (const { dockerfile, stage } of project.standalone) {
      if (!stage) continue;
      const hc = effectiveHealthcheck(dockerfile, stage);
      const label = stageLabel(stage);
      if (!hc) report({ messageId: 'noHealthcheck', data: { stage: label }, at: stage.fromAt });
      else if (hc.value === 'NONE') report({ messageId: 'lastStageNone', data: { stage: label }, at: hc.at });
    }
  },
});
