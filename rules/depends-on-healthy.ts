import { defineRule } from '../src/engine/rule.js';
import { healthOf } from '../src/model/health.js';

export default defineRule({
  meta: {
    id: 'depends-on-healthy',
    aliases: [],
    level: 'error',
    target: 'compose',
    tags: ['reliability', 'invariant'],
    description: 'Each depends_on entry waits for the dependency to be healthy, and that dependency has a healthcheck.',
    docs: {
      what: 'Checks that every `depends_on` entry uses `condition: service_healthy` (`service_completed_successfully` is accepted for one-shot jobs such as migrations). The list form and a missing condition mean `service_started`. A `service_healthy` dependency on a service with no healthcheck anywhere (compose or its Dockerfile stage) can never become healthy, so Compose would wait forever.',
      why: '`service_started` only waits for the container to exist: the dependent service then races the database or API it needs and fails on its first connections.',
      example: 'services:\n  api:\n    build: .\n    depends_on:\n      - db\n  db:\n    image: postgres:16-alpine',
      fix: 'Give the dependency a healthcheck and wait for it:\n\nservices:\n  api:\n    build: .\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]',
    },
    messages: {
      listForm: 'Service "{{service}}" starts as soon as "{{dependency}}" starts: use `condition: service_healthy`.',
      noCondition: 'Service "{{service}}" waits for "{{dependency}}" without a condition (service_started): use `condition: service_healthy`.',
      weakCondition: 'Service "{{service}}" waits for "{{dependency}}" with `{{condition}}`: use `condition: service_healthy`.',
      neverHealthy: 'Service "{{service}}" waits for "{{dependency}}" to be healthy, but "{{dependency}}" has no healthcheck, so it never will.',
    },
  },
  check({ project, report }) {
    for (const service of project.services) {
      for (const dep of service.dependsOn) {
        const data = { service: service.name, dependency: dep.service, condition: dep.condition };
        if (dep.condition === 'service_completed_successfully') continue;
        if (dep.condition === 'service_healthy') {
          const target = project.services.find((s) => s.stack === service.stack && s.name === dep.service);
          if (target && healthOf(target).state === 'no') report({ messageId: 'neverHealthy', data, stack: service.stack.name, at: dep.conditionAt ?? dep.at });
          continue;
        }
        if (dep.form === 'list') report({ messageId: 'listForm', data, stack: service.stack.name, at: dep.at });
        else if (!dep.conditionAt) report({ messageId: 'noCondition', data, stack: service.stack.name, at: dep.at });
        else report({ messageId: 'weakCondition', data, stack: service.stack.name, at: dep.conditionAt });
      }
    }
  },
});
