import rule from './healthcheck-timing.js';
import { testRule } from '../test/rule-tester.js';

const hc = (timing: string) => `services:\n  api:\n    image: api:1\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n${timing}`;
const built = (compose: string, dockerfile: string) => ({ 'compose.yaml': compose, 'api/Dockerfile': dockerfile });
const svc = 'services:\n  api:\n    build: ./api\n';

testRule(rule, {
  valid: [
    {
      name: 'exact policy "interval 30s, timeout 10s, start period 40s, retries 3" met',
      compose: hc('      interval: 30s\n      timeout: 10s\n      start_period: 40s\n      retries: 3\n'),
      options: { minInterval: '30s', maxInterval: '30s', minTimeout: '10s', maxTimeout: '10s', minStartPeriod: '40s', maxStartPeriod: '40s', minRetries: 3, maxRetries: 3 },
    },
    { name: 'documented timing', compose: hc('      interval: 30s\n      timeout: 10s\n      retries: 3\n      start_period: 40s\n') },
    { name: 'bounds are inclusive', compose: hc('      interval: 5s\n      timeout: 5s\n      retries: 10\n      start_period: 5m\n') },
    { name: 'compound Go durations', compose: hc('      interval: 1m30s\n      timeout: 1m\n      start_period: 1m0s500ms\n') },
    { name: 'Dockerfile flags within bounds', files: built(svc, 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s --timeout=10s --start-period=40s --retries=3 \\\n  CMD curl -f http://localhost:8000/health\n') },
    { name: 'disabled healthcheck is not judged', files: built(`${svc}    healthcheck:\n      disable: true\n`, 'FROM python:3.12-slim\nHEALTHCHECK --interval=1s CMD true\n') },
    { name: 'test NONE is not judged', compose: 'services:\n  api:\n    image: api:1\n    healthcheck:\n      test: ["NONE"]\n      interval: 1s\n' },
    { name: 'HEALTHCHECK NONE is not judged', files: built(svc, 'FROM python:3.12-slim\nHEALTHCHECK --interval=1s CMD true\nFROM python:3.12-slim\nHEALTHCHECK NONE\n') },
    { name: 'values from unset variables are unknown', compose: hc('      interval: ${HC_INTERVAL}\n      timeout: ${HC_TIMEOUT}\n      retries: ${HC_RETRIES}\n') },
    { name: 'unreadable durations are left to the schema', compose: hc('      interval: 30\n      timeout: soon\n') },
    { name: 'zero means the default', compose: hc('      interval: 0s\n      timeout: 10s\n      retries: 0\n') },
    { name: 'options widen the bounds', compose: hc('      interval: 2s\n      timeout: 2s\n      retries: 20\n'), options: { minInterval: '1s', maxRetries: 30 } },
    { name: 'timeoutWithinInterval off', compose: hc('      interval: 30s\n      timeout: 1m\n'), options: { timeoutWithinInterval: false } },
    { name: 'compose overrides the Dockerfile flag', files: built(`${svc}    healthcheck:\n      interval: 30s\n`, 'FROM python:3.12-slim\nHEALTHCHECK --interval=1s --timeout=1s CMD true\n') },
    { name: 'a Dockerfile no service builds, within bounds', dockerfile: 'FROM nginx:1.27\nHEALTHCHECK --interval=15s --timeout=3s CMD wget -q --spider http://localhost/\n' },
    {
      name: 'base too fast, the override slows it down',
      files: { 'compose.yaml': hc('      interval: 1s\n      timeout: 1s\n'), 'compose.override.yaml': 'services:\n  api:\n    healthcheck:\n      interval: 30s\n' },
    },
  ],
  invalid: [
    {
      name: 'exact policy: a longer timeout and a shorter start period',
      compose: hc('      interval: 30s\n      timeout: 20s\n      start_period: 10s\n      retries: 3\n'),
      options: { minInterval: '30s', maxInterval: '30s', minTimeout: '10s', maxTimeout: '10s', minStartPeriod: '40s', maxStartPeriod: '40s', minRetries: 3, maxRetries: 3 },
      errors: [
        { messageId: 'tooLong', line: 7, column: 16, data: { value: '20s', limit: '10s' } },
        { messageId: 'tooShort', line: 8, column: 21, data: { value: '10s', limit: '40s' } },
      ],
    },
    {
      name: 'interval too short',
      compose: hc('      interval: 1s\n      timeout: 1s\n'),
      errors: [{ messageId: 'tooShort', line: 6, column: 17, data: { what: 'Service "api" healthcheck interval', value: '1s', limit: '5s' } }],
    },
    {
      name: 'interval too long in hours',
      compose: hc('      interval: 1h\n      timeout: 10s\n'),
      errors: [{ messageId: 'tooLong', line: 6, column: 17, data: { value: '1h', limit: '5m' } }],
    },
    {
      name: 'timeout too short',
      compose: hc('      interval: 10s\n      timeout: 500ms\n'),
      errors: [{ messageId: 'tooShort', line: 7, column: 16, data: { what: 'Service "api" healthcheck timeout', value: '500ms', limit: '1s' } }],
    },
    {
      name: 'timeout longer than interval',
      compose: hc('      interval: 10s\n      timeout: "30s"\n'),
      errors: [{ messageId: 'timeoutOverInterval', line: 7, column: 16, data: { value: '30s', interval: '10s' } }],
    },
    {
      name: 'default timeout longer than a written interval points at the interval',
      compose: hc('      interval: 10s\n'),
      errors: [{ messageId: 'timeoutOverInterval', line: 6, column: 17, data: { what: 'Service "api" healthcheck timeout', value: '30s (the default)', interval: '10s' } }],
    },
    {
      name: 'retries above the maximum',
      compose: hc('      interval: 10s\n      timeout: 5s\n      retries: 30\n'),
      errors: [{ messageId: 'retries', line: 8, column: 16, data: { value: '30', min: 1, max: 10 } }],
    },
    {
      name: 'start period too long',
      compose: hc('      start_period: 10m\n'),
      errors: [{ messageId: 'tooLong', line: 6, column: 21, data: { what: 'Service "api" healthcheck start_period', value: '10m' } }],
    },
    {
      name: 'Dockerfile flag of the built stage points into the Dockerfile',
      files: built(svc, 'FROM python:3.12-slim\nHEALTHCHECK --interval=1s --timeout=1s CMD curl -f http://localhost:8000/health\n'),
      errors: [{ messageId: 'tooShort', file: 'api/Dockerfile', line: 2, column: 24, data: { what: 'HEALTHCHECK --interval', value: '1s' } }],
    },
    {
      name: 'inherited HEALTHCHECK, on its continuation line',
      files: built(svc, 'FROM python:3.12-slim AS base\nHEALTHCHECK --interval=30s \\\n  --retries=20 CMD true\nFROM base AS app\nCMD ["python"]\n'),
      errors: [{ messageId: 'retries', file: 'api/Dockerfile', line: 3, column: 13, data: { what: 'HEALTHCHECK --retries', value: '20' } }],
    },
    {
      name: 'compose timeout against the Dockerfile interval',
      files: built(`${svc}    healthcheck:\n      timeout: 1m\n`, 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD true\n'),
      errors: [{ messageId: 'timeoutOverInterval', file: 'compose.yaml', line: 5, column: 16, data: { value: '1m', interval: '30s' } }],
    },
    {
      name: 'a Dockerfile no service builds',
      dockerfile: 'FROM nginx:1.27\nHEALTHCHECK --interval=10m --timeout=3s CMD wget -q --spider http://localhost/\n',
      errors: [{ messageId: 'tooLong', line: 2, column: 24, data: { what: 'HEALTHCHECK --interval', value: '10m' } }],
    },
    {
      name: 'override makes it too fast: points into compose.override.yaml',
      files: { 'compose.yaml': hc('      interval: 30s\n      timeout: 2s\n'), 'compose.override.yaml': 'services:\n  api:\n    healthcheck:\n      interval: 2s\n' },
      errors: [{ messageId: 'tooShort', file: 'compose.override.yaml', line: 4, column: 17 }],
    },
  ],
});
