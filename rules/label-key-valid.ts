import { defineRule } from '../src/engine/rule.js';
import { keyValues } from '../src/model/labels.js';
import { dockerfilesOf } from '../src/model/project.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key format guidelines (as hadolint DL3048 checks them), or undefined when it is fine. */
function labelKeyProblem(key: string): string | undefined {
  const reserved = RESERVED.find((ns) => key.startsWith(ns));
  if (reserved) return `the ${reserved.slice(0, -1)} namespace is reserved for Docker`;
  if (!/^[a-z]/.test(key)) return 'it must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'it must end with a lower-case letter or a digit';
  const bad = /[^a-z0-9.-]/.exec(key);
  if (bad) return `"${bad[0]}" is not allowed: only lower-case letters, digits, "." and "-"`;
  const doubled = /\.\.|--/.exec(key);
  if (doubled) return `"${doubled[0]}": separators must not repeat`;
  return undefined;
}

export default defineRule({
  meta: {
    id: 'label-key-valid',
    aliases: ['DL3048'],
    level: 'note',
    target: 'dockerfile',
    tags: ['labels', 'style'],
    description: 'LABEL keys follow the Docker key format: lower-case reverse-DNS without reserved namespaces.',
    docs: {
      what: 'Checks the key of every LABEL pair against Docker\'s label key guidelines, as hadolint DL3048 does: a key starts with a lower-case letter, ends with a lower-case letter or digit, holds only lower-case letters, digits, `.` and `-`, never repeats a separator (`..`, `--`), and does not use the namespaces Docker reserves (`com.docker.`, `io.docker.`, `org.dockerproject.`). ONBUILD LABEL triggers are not checked (hadolint does not either).',
      why: 'Tools that read image labels (registries, scanners, `docker inspect --format`, OCI annotations) expect reverse-DNS keys such as `org.opencontainers.image.source`. Upper-case, spaced or oddly punctuated keys are easy to misspell when queried, and keys in Docker\'s own namespaces may clash with labels Docker sets.',
      example: 'FROM alpine:3.20\nLABEL Maintainer="ops@example.com" com.docker.version="1.0" "build date"="2024-05-01"',
      fix: 'Use lower-case reverse-DNS keys, preferably the OCI ones:\n\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors="ops@example.com" \\\n      org.opencontainers.image.version="1.0" \\\n      org.opencontainers.image.created="2024-05-01T00:00:00Z"',
    },
    messages: {
      invalidKey: 'Label key "{{key}}" is invalid: {{reason}}.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const instruction of df.ast.getInstructions()) {
        if (instruction.getKeyword() !== 'LABEL') continue;
        for (const kv of keyValues(df, instruction)) {
          const reason = labelKeyProblem(kv.name);
          if (reason) report({ messageId: 'invalidKey', data: { key: kv.name, reason }, at: df.ref(kv.nameRange) });
        }
      }
    }
  },
});
