import { defineRule } from '../src/engine/rule.js';

/** Reported by the engine (src/engine/run.ts) after it has applied the suppression comments; the rule exists to be configured and documented. */
export default defineRule({
  meta: {
    id: 'unused-suppression',
    aliases: [],
    level: 'off',
    target: 'project',
    tags: ['maintainability'],
    description: 'A suppression comment suppresses nothing.',
    docs: {
      what: 'Reports each rule named in a suppression comment (`# dockpolicy-ignore`, `# dockpolicy-ignore-file`, `# hadolint ignore=`, `# hadolint global ignore=`, BuildKit `# check=skip=`) that suppressed no finding in this run, and each name in a `# dockpolicy-ignore` comment that is no rule id or alias. Only names of rules enabled in the run are judged (a suppression of a rule that is off may matter under another configuration), and codes of tools dockpolicy has no rule for (ShellCheck `SCxxxx`) are left alone. With `inlineSuppressions: {requireReason: true}` in the config, a `dockpolicy-ignore` comment without `-- reason` suppresses nothing and is reported here. Compose files take `# dockpolicy-ignore` comments too.',
      why: 'A suppression outlives the problem it was written for: once the code is fixed it silently hides the next real problem of that rule on that line.',
      example: 'FROM node:20-alpine\n# dockpolicy-ignore no-latest-tag -- pinned below\nRUN npm ci\n',
      fix: 'Delete the comment, or the names in it that no longer suppress anything.',
    },
    messages: {
      unused: '"{{name}}" is suppressed here but reports nothing.',
      unknownRule: '"{{name}}" is no dockpolicy rule id or alias.',
      missingReason: 'This suppression gives no reason (`-- reason`), which the configuration requires: it suppresses nothing.',
    },
  },
  check() {},
});
