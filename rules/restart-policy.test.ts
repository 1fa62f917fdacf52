import rule from './restart-policy.js';
import { testRule } from '../test/rule-tester.js';

const onFailure = { allowed: ['unless-stopped', 'always', 'on-failure'] };

testRule(rule, {
  valid: [
    { name: 'unless-stopped and always', compose: 'services:\n  api:\n    image: api:1\n    restart: unless-stopped\n  worker:\n    image: worker:1\n    restart: "always"\n' },
    { name: 'deploy condition any', compose: 'services:\n  api:\n    image: api:1\n    deploy:\n      restart_policy:\n        condition: any\n        delay: 5s\n' },
    { name: 'deploy restart_policy without condition is any', compose: 'services:\n  api:\n    image: api:1\n    deploy:\n      restart_policy:\n        delay: 5s\n' },
    { name: 'one-shot job waited for with service_completed_successfully', compose: 'services:\n  migrate:\n    image: api:1\n    command: alembic upgrade head\n    restart: "no"\n  api:\n    image: api:1\n    restart: unless-stopped\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n' },
    { name: 'swarm job', compose: 'services:\n  backup:\n    image: backup:1\n    deploy:\n      mode: replicated-job\n' },
    { name: 'ignored service', compose: 'services:\n  seed:\n    image: seed:1\n', options: { ignore: ['seed'] } },
    { name: 'on-failure:5 where on-failure is allowed', compose: 'services:\n  worker:\n    image: worker:1\n    restart: on-failure:5\n  api:\n    image: api:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 5\n', options: onFailure },
    { name: 'onFailureRetries 0 turns the cap off', compose: 'services:\n  worker:\n    image: worker:1\n    restart: on-failure\n', options: { ...onFailure, onFailureRetries: 0 } },
    { name: 'restart from an unset variable is unknown', compose: 'services:\n  api:\n    image: api:1\n    restart: ${RESTART_POLICY}\n' },
    { name: 'an override checked alone with only build.target is partial', files: { 'docker-compose.prod.yml': 'services:\n  api:\n    build:\n      target: production\n    command: gunicorn app:app\n', Dockerfile: 'FROM python:3.12-slim AS production\n' } },
    { name: 'an override checked alone is not judged for a missing policy', files: { 'compose.prod.yaml': 'services:\n  api:\n    environment:\n      LOG_LEVEL: info\n' } },
    {
      name: 'base without a policy, the override adds always',
      files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\n', 'compose.override.yaml': 'services:\n  api:\n    restart: always\n' },
    },
  ],
  invalid: [
    { name: 'no policy at all', compose: 'services:\n  api:\n    image: api:1\n', errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'api' } }] },
    {
      name: 'restart no',
      compose: 'services:\n  api:\n    image: api:1\n    restart: "no"\n',
      errors: [{ messageId: 'notAllowed', line: 4, column: 14, data: { policy: 'no', allowed: 'unless-stopped, always' } }],
    },
    {
      name: 'on-failure with a count is not an allowed policy by default',
      compose: 'services:\n  api:\n    image: api:1\n    restart: on-failure:10\n',
      errors: [{ messageId: 'notAllowed', line: 4, column: 14, data: { policy: 'on-failure:10' } }],
    },
    {
      name: 'on-failure retry count other than 5',
      compose: 'services:\n  api:\n    image: api:1\n    restart: on-failure:3\n',
      options: onFailure,
      errors: [{ messageId: 'retries', line: 4, column: 14, data: { count: '3', expected: 'on-failure:5' } }],
    },
    {
      name: 'on-failure without a count retries for ever',
      compose: 'services:\n  api:\n    image: api:1\n    restart: on-failure\n',
      options: onFailure,
      errors: [{ messageId: 'noRetryLimit', line: 4, column: 14 }],
    },
    {
      name: 'restart and deploy both on-failure with 10 attempts',
      compose: 'services:\n  customer:\n    image: shop/customer:1\n    restart: on-failure:10\n    deploy:\n      restart_policy:\n        condition: on-failure\n        delay: 5s\n        max_attempts: 10\n        window: 120s\n',
      errors: [
        { messageId: 'notAllowed', line: 4, column: 14, data: { policy: 'on-failure:10' } },
        { messageId: 'notAllowed', line: 7, column: 20, data: { policy: 'on-failure' } },
        { messageId: 'retries', line: 9, column: 23, data: { count: '10' } },
      ],
    },
    {
      name: 'deploy on-failure with max_attempts other than 5 where on-failure is allowed',
      compose: 'services:\n  api:\n    image: api:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n',
      options: onFailure,
      errors: [{ messageId: 'retries', line: 7, column: 23, data: { count: '3' } }],
    },
    {
      name: 'deploy condition none',
      compose: 'services:\n  api:\n    image: api:1\n    deploy:\n      restart_policy:\n        condition: none\n',
      errors: [{ messageId: 'notAllowed', line: 6, column: 20, data: { policy: 'none (no)' } }],
    },
    {
      name: 'restart_policy without condition where only unless-stopped is allowed',
      compose: 'services:\n  api:\n    image: api:1\n    deploy:\n      restart_policy:\n        delay: 5s\n',
      options: { allowed: ['unless-stopped'] },
      errors: [{ messageId: 'notAllowed', line: 5, column: 7, data: { policy: 'any (always)' } }],
    },
    {
      name: 'a one-shot job is still held to the retry count',
      compose: 'services:\n  migrate:\n    image: api:1\n    restart: on-failure:3\n  api:\n    image: api:1\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n',
      errors: [{ messageId: 'retries', line: 4, column: 14, data: { service: 'migrate', count: '3' } }],
    },
    {
      name: 'override turns restarts off: points into compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\n    restart: unless-stopped\n', 'compose.override.yaml': 'services:\n  api:\n    restart: "no"\n' },
      errors: [{ messageId: 'notAllowed', file: 'compose.override.yaml', line: 3, column: 14, data: { policy: 'no' } }],
    },
  ],
});
