import { defineRule } from '../src/engine/rule.js';

/** Reported by the engine (src/engine/run.ts) from the suppression comments it reads; the rule exists to be configured and documented. */
export default defineRule({
  meta: {
    id: 'no-inline-suppressions',
    aliases: ['DL1001'],
    level: 'off',
    target: 'dockerfile',
    tags: ['policy'],
    description: 'Suppression comments in Dockerfiles are reported.',
    docs: {
      what: 'Reports every suppression comment in a Dockerfile: `# dockpolicy-ignore`, `# dockpolicy-ignore-file`, `# hadolint ignore=`, `# hadolint global ignore=` and the BuildKit `# check=skip=` directive. Off by default, like hadolint\'s DL1001. With `inlineSuppressions: false` in the configuration the comments are also not honoured.',
      why: 'For teams whose policy is policy: exceptions belong in the reviewed configuration (per path or stack), not in a comment anyone can add next to the code it excuses.',
      example: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y curl\n',
      fix: 'Fix the finding, or move the exception to `.dockpolicy.yaml` where it is reviewed with the policy.',
    },
    messages: {
      inline: 'Inline suppression of {{names}}: exceptions belong in the configuration.',
    },
  },
  check() {},
});
