import { defineRule } from '../src/engine/rule.js';
import { exposedPorts } from '../src/model/instructions.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'expose-format',
    aliases: ['ExposeInvalidFormat'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'EXPOSE declares container ports only, without a host port or IP address.',
    docs: {
      what: 'Reports EXPOSE arguments that carry a host-port mapping (`8080:80`) or a host IP address (`127.0.0.1:8080:80`), in every stage, as BuildKit\'s ExposeInvalidFormat does. Ports written with variables are checked with the ARG/ENV defaults known at that EXPOSE; a variable without a known value is not judged.',
      why: 'EXPOSE only records which container ports the image listens on; it never publishes a port on the host. A mapping there does not do what it suggests, is ignored apart from the container port, and BuildKit announces it will become an error.',
      example: 'FROM nginx:1.27-alpine\nEXPOSE 8080:80\nEXPOSE 127.0.0.1:8443:443',
      fix: 'Expose the container ports and publish them when running the container (`docker run -p 8080:80`, or compose `ports: ["8080:80"]`):\n\nFROM nginx:1.27-alpine\nEXPOSE 80 443',
    },
    messages: {
      hostPort: 'EXPOSE {{spec}} maps a host port: EXPOSE declares only the container port ({{port}}); publish host ports with `docker run -p` or compose `ports:`.',
      hostAddress: 'EXPOSE {{spec}} sets a host address and port: EXPOSE declares only the container port ({{port}}); publish host ports with `docker run -p` or compose `ports:`.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const { spec, label, at } of exposedPorts(df)) {
        const port = spec.proto ? `${spec.port}/${spec.proto}` : spec.port;
        if (spec.ip) report({ messageId: 'hostAddress', data: { spec: label, port }, at });
        else if (spec.hostPort) report({ messageId: 'hostPort', data: { spec: label, port }, at });
      }
    }
  },
});
