import { defineRule } from '../src/engine/rule.js';
import { isComplete, isOneShot, oneShotJobs } from '../src/model/compose-production.js';
import { entryAt, scalarAt } from '../src/model/fields.js';
import type { SourceRef } from '../src/model/location.js';

interface Options {
  allowed: string[];
  ignore: string[];
  onFailureRetries: number;
}

/** `deploy.restart_policy.condition` in the words of `restart`, as Compose maps it onto the container. */
const CONDITION_AS_RESTART: Record<string, string> = { none: 'no', 'on-failure': 'on-failure', any: 'always' };

export default defineRule<Options>({
  meta: {
    id: 'restart-policy',
    aliases: ['Restart Policy On Failure Not Set To 5'],
    level: 'off',
    target: 'compose',
    tags: ['production', 'reliability'],
    description: 'Long-running services restart automatically, and on-failure restarts are capped.',
    docs: {
      what: "Reads each service's merged `restart` and `deploy.restart_policy`. A long-running service must use a policy from `allowed` (default `unless-stopped` and `always`; a `deploy.restart_policy.condition` counts as its `restart` equivalent: `any` is `always`, `on-failure` is `on-failure`, `none` is `no`, and a `restart_policy` without `condition` is `any`); a runnable service with neither is reported at its key. One-shot jobs are exempt: services another service waits for with `condition: service_completed_successfully`, Swarm jobs (`deploy.mode: replicated-job` / `global-job`) and the services named in `ignore`. For every service, as KICS does, an on-failure retry count (`restart: on-failure:N`, or `max_attempts` with `condition: on-failure`) other than `onFailureRetries` (default 5, CIS Docker Benchmark 5.14; 0 turns the check off) is reported, and so is `on-failure` with no count at all, which retries for ever.",
      why: 'Without a restart policy a container that crashes, or every container after the host reboots or the daemon restarts, stays down until someone notices. An on-failure policy without a cap restarts a service that can never start in a tight loop for ever, hiding the failure and burning CPU; CIS recommends at most 5 attempts.',
      example: 'services:\n  api:\n    build: ./api\n  worker:\n    build: ./worker\n    restart: on-failure:10',
      fix: 'Restart long-running services unless they are stopped on purpose:\n\nservices:\n  api:\n    build: ./api\n    restart: unless-stopped\n  worker:\n    build: ./worker\n    restart: unless-stopped\n\n(where on-failure is allowed, cap it: `restart: on-failure:5`).',
    },
    messages: {
      missing: 'Service "{{service}}" sets no restart policy: it stays down after a crash or a host reboot.',
      notAllowed: 'Service "{{service}}" uses restart policy {{policy}}; allowed: {{allowed}}.',
      retries: 'Service "{{service}}" retries {{count}} times on failure; the policy is {{expected}}.',
      noRetryLimit: 'Service "{{service}}" restarts on failure without a retry limit; cap it at {{expected}}.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowed: { type: 'array', items: { enum: ['no', 'always', 'unless-stopped', 'on-failure'] }, minItems: 1, description: 'Restart policies allowed for long-running services.' },
        ignore: { type: 'array', items: { type: 'string' }, description: 'Services exempt from the policy check (one-shot jobs).' },
        onFailureRetries: { type: 'integer', minimum: 0, description: 'Required on-failure retry count (KICS/CIS: 5); 0: not checked.' },
      },
    },
    defaultOptions: { allowed: ['unless-stopped', 'always'], ignore: [], onFailureRetries: 5 },
  },
  check({ project, options, report }) {
    const jobs = oneShotJobs(project.services);
    const expected = options.onFailureRetries;
    for (const service of project.services) {
      const stack = service.stack.name;
      const exempt = isOneShot(jobs, service) || options.ignore.includes(service.name);
      const data = { service: service.name };
      const notAllowed = (policy: string, at: SourceRef) => report({ messageId: 'notAllowed', data: { ...data, policy, allowed: options.allowed.join(', ') }, at, stack });
      const retries = (count: string | undefined, at: SourceRef) => {
        if (!expected) return;
        if (count === undefined) report({ messageId: 'noRetryLimit', data: { ...data, expected: `on-failure:${expected}` }, at, stack });
        else if (Number(count) !== expected) report({ messageId: 'retries', data: { ...data, count, expected: `on-failure:${expected}` }, at, stack });
      };

      const restart = scalarAt(service.fields, 'restart');
      if (restart?.value !== undefined) {
        const [policy = '', count] = restart.value.trim().split(':');
        const counted = count !== undefined && /^\d+$/.test(count.trim()) ? count.trim() : undefined;
        if (!exempt && !options.allowed.includes(policy)) notAllowed(restart.value.trim(), restart.at);
        else if (policy === 'on-failure' && (count === undefined || counted !== undefined)) retries(counted, restart.at);
      }

      const policyEntry = entryAt(service.fields, 'deploy.restart_policy');
      const restartPolicy = policyEntry?.field.kind === 'map' ? policyEntry.field : undefined;
      if (restartPolicy) {
        const condition = scalarAt(restartPolicy, 'condition');
        const attempts = scalarAt(restartPolicy, 'max_attempts');
        const mapped = condition ? (condition.value === undefined ? undefined : CONDITION_AS_RESTART[condition.value.trim()]) : 'always';
        const written = condition?.value?.trim() ?? 'any';
        if (mapped !== undefined && !exempt && !options.allowed.includes(mapped)) notAllowed(written === mapped ? written : `${written} (${mapped})`, condition?.at ?? policyEntry!.keyAt);
        if (mapped === 'on-failure') {
          if (attempts?.value !== undefined && /^\d+$/.test(attempts.value.trim())) retries(attempts.value.trim(), attempts.at);
          else if (!attempts && (exempt || options.allowed.includes('on-failure'))) retries(undefined, condition!.at);
        }
      }

      if (!restart && !restartPolicy && !exempt && isComplete(project, service)) report({ messageId: 'missing', data, at: service.at, stack });
    }
  },
});
