import { defineRule } from '../src/engine/rule.js';

interface Options {
  allow: number[];
}

export default defineRule<Options>({
  meta: {
    id: 'no-privileged-ports',
    aliases: ['Privileged Ports Mapped In Container'],
    level: 'off',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 5.5,
    description: 'A compose service does not publish a privileged host port (below 1024).',
    docs: {
      what: 'Reports a published port of a service (short syntax `"80:8080"`, `"127.0.0.1:443:8443"`, ranges `"1000-1030:1000-1030"`, long syntax `published:`; merged across override files) whose host port, or any host port of its range, is between 1 and 1023. Only the host side counts: the container port (`"8080:80"`) is inside the container\'s own network namespace, where Docker lets unprivileged processes bind low ports. A port without a host port (`"80"`) gets a random high one and passes; so does a host port written with an unset variable. Option `allow` lists host ports that are intended (say 80 and 443 on the one reverse proxy).',
      why: 'Ports below 1024 are the well-known service ports of the host: publishing one makes the container answer as the host\'s web, mail, DNS or SSH server, and only root may bind them, so the setup cannot run under rootless Docker or Podman. Keeping containers on high ports behind one reverse proxy leaves a single, deliberate owner of 80 and 443.',
      example: 'services:\n  web:\n    image: nginx:1.27-alpine\n    ports:\n      - "80:8080"',
      fix: 'Publish a high host port (and let a reverse proxy, the only service allowed on 80/443, forward to it):\n\nservices:\n  web:\n    image: nginx:1.27-alpine\n    ports:\n      - "8080:8080"',
    },
    messages: {
      privileged: 'Service "{{service}}" publishes privileged host port {{port}}/{{protocol}}.',
    },
    options: {
      type: 'object',
      properties: {
        allow: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 1023 }, description: 'Host ports below 1024 that may be published.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { allow: [] },
  },
  check({ project, options, report }) {
    const allowed = new Set(options.allow ?? []);
    for (const service of project.services) {
      for (const port of service.ports) {
        if (!port.published) continue;
        const [from, to] = port.published;
        let privileged: number | undefined;
        for (let p = Math.max(from, 1); p <= Math.min(to, 1023); p++) {
          if (!allowed.has(p)) {
            privileged = p;
            break;
          }
        }
        if (privileged === undefined) continue;
        report({ messageId: 'privileged', data: { service: service.name, port: privileged, protocol: port.protocol }, at: port.at, stack: service.stack.name });
      }
    }
  },
});
