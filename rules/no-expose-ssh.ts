import { defineRule } from '../src/engine/rule.js';
import { exposedPorts, parsePortRange } from '../src/model/instructions.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'no-expose-ssh',
    aliases: ['DS004', 'AVD-DS-0004', 'CKV_DOCKER_1', 'Exposing Port 22 (SSH)'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['security'],
    description: 'A Dockerfile does not expose the SSH port 22.',
    securitySeverity: 5.3,
    docs: {
      what: 'Reports EXPOSE of container port 22, in every stage: `22`, `22/tcp`, `22/udp`, a range that includes 22 (`20-25`) and a mapping to container port 22 (`2222:22`). Ports written with variables are checked with the ARG/ENV defaults known at that EXPOSE; a variable without a known value is not judged.',
      why: 'Port 22 means an SSH server runs in the container: another long-lived process with credentials to manage and patch, and a remote login path into the container. `docker exec` reaches a running container without one.',
      example: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22 8080\nCMD ["/usr/sbin/sshd", "-D"]',
      fix: 'Drop the SSH server and port 22; use `docker exec -it <container> sh` (or `kubectl exec`) to get a shell:\n\nFROM ubuntu:24.04\nEXPOSE 8080\nCMD ["/usr/local/bin/app"]',
    },
    messages: {
      ssh: 'EXPOSE {{spec}} exposes port 22 (SSH): do not run an SSH server in a container; use `docker exec` for a shell.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const { spec, label, at } of exposedPorts(df)) {
        const range = parsePortRange(spec.port);
        if (!('error' in range) && range.start <= 22 && range.end >= 22) report({ messageId: 'ssh', data: { spec: label }, at });
      }
    }
  },
});
