import rule from './unique-host-ports.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'distinct host ports across services',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "8080:80"
      - "8443:443"
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "3000:3000"
  db:
    image: postgres:16-alpine
    ports:
      - "127.0.0.1:5432:5432"
`,
    },
    {
      name: 'same host port on two different specific IPv4 addresses',
      compose: `services:
  blue:
    image: ghcr.io/acme/site:2.0.0
    ports:
      - "127.0.0.1:8080:80"
  green:
    image: ghcr.io/acme/site:2.1.0
    ports:
      - "127.0.0.2:8080:80"
`,
    },
    {
      name: 'same host port on a specific IPv4 and a specific IPv6 address',
      compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "127.0.0.1:8080:3000"
  api-v6:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "[::1]:8080:3000"
`,
    },
    {
      name: 'same port number over tcp and udp does not clash',
      compose: `services:
  dns:
    image: coredns/coredns:1.11.3
    ports:
      - "53:53/udp"
  dns-tcp:
    image: coredns/coredns:1.11.3
    ports:
      - "53:53"
      - "53:53/sctp"
`,
    },
    {
      name: 'container-only ports publish no fixed host port',
      compose: `services:
  web:
    image: node:20-alpine
    ports:
      - "3000"
      - "9229"
  worker:
    image: node:20-alpine
    ports:
      - "3000"
      - 9229
      - "127.0.0.1::9230"
  other:
    image: node:20-alpine
    ports:
      - "127.0.0.1::9230"
`,
    },
    {
      name: 'an unresolved ${PORT} cannot be judged',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "\${WEB_PORT}:80"
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "\${WEB_PORT}:3000"
      - target: 3001
        published: \${ADMIN_PORT}
  admin:
    image: ghcr.io/acme/admin:1.0.0
    ports:
      - target: 80
        published: \${ADMIN_PORT}
`,
    },
    {
      name: 'the .env beside the compose file overrides the default',
      files: {
        'compose.yaml': `services:
  grafana:
    image: grafana/grafana:11.1.0
    ports:
      - "\${GRAFANA_PORT:-3000}:3000"
  web:
    image: node:20-alpine
    ports:
      - "3000:3000"
`,
        '.env': 'GRAFANA_PORT=3001\n',
      },
    },
    {
      name: 'the same port in two different compose files',
      files: {
        'docker-compose.yml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "8000:8000"
  db:
    image: postgres:16-alpine
    ports:
      - "5432:5432"
`,
        'docker-compose.test.yml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "8000:8000"
  db:
    image: postgres:16-alpine
    ports:
      - "5432:5432"
`,
      },
    },
    {
      name: 'a port just past a range',
      compose: `services:
  minio:
    image: minio/minio:RELEASE.2024-06-13T22-53-53Z
    ports:
      - "9000-9001:9000-9001"
  sonarqube:
    image: sonarqube:10.6-community
    ports:
      - "9002:9000"
      - "8999:9000"
`,
    },
    {
      name: 'long syntax udp beside short tcp',
      compose: `services:
  caddy:
    image: caddy:2.8
    ports:
      - "443:443"
      - target: 443
        published: 443
        protocol: udp
        host_ip: 127.0.0.1
  quic-proxy:
    image: ghcr.io/acme/quic:0.3.0
    ports:
      - target: 443
        published: "443"
        protocol: UDP
        host_ip: 127.0.0.2
`,
    },
    {
      name: 'long syntax on two different host IPs',
      compose: `services:
  internal:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - target: 3000
        published: 8080
        host_ip: 127.0.0.1
  lan:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - target: 3000
        published: 8080
        host_ip: 192.168.1.10
`,
    },
    {
      name: 'a merge key whose ports the service overrides',
      compose: `x-web: &web
  image: ghcr.io/acme/site:2.0.0
  ports:
    - "8080:80"

services:
  site:
    <<: *web
  preview:
    <<: *web
    ports:
      - "8081:80"
`,
    },
    {
      name: 'one service publishing one container port on several host ports',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "80:8080"
      - "8080:8080"
`,
    },
  ],
  invalid: [
    {
      name: 'two services publish the same host port',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "8080:80"
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "8080:3000"
`,
      errors: [
        {
          messageId: 'duplicate',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 20,
          data: { port: 8080, protocol: 'tcp', other: 'web', otherFile: 'compose.yaml', otherLine: 5 },
        },
      ],
    },
    {
      name: 'a specific IP clashes with 0.0.0.0',
      compose: `services:
  db:
    image: postgres:16-alpine
    ports:
      - "0.0.0.0:5432:5432"
  pgbouncer:
    image: bitnami/pgbouncer:1.23.1
    ports:
      - "127.0.0.1:5432:6432"
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, data: { port: 5432, protocol: 'tcp', other: 'db', otherLine: 5 } }],
    },
    {
      name: 'a specific IPv6 address clashes with [::]',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "[::]:8080:80"
  debug:
    image: ghcr.io/acme/debug:0.1.0
    ports:
      - "[::1]:8080:80"
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, data: { port: 8080, other: 'web' } }],
    },
    {
      name: 'no host IP clashes with a specific IP',
      compose: `services:
  metrics:
    image: prom/prometheus:v2.53.0
    ports:
      - 127.0.0.1:9090:9090
  web:
    image: nginx:1.27-alpine
    ports:
      - 9090:80
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, data: { port: 9090, other: 'metrics', otherLine: 5 } }],
    },
    {
      name: 'the same specific IP twice',
      compose: `services:
  db:
    image: postgres:16-alpine
    ports:
      - "127.0.0.1:5432:5432"
  db-replica:
    image: postgres:16-alpine
    ports:
      - "127.0.0.1:5432:5432"
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, data: { port: 5432, other: 'db' } }],
    },
    {
      name: 'the same IPv6 address in short and long syntax',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "[::1]:8080:80"
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - target: 3000
        published: 8080
        host_ip: "::1"
`,
      errors: [{ messageId: 'duplicate', line: 10, column: 20, data: { port: 8080, other: 'web', otherLine: 5 } }],
    },
    {
      name: 'a single port inside an earlier range',
      compose: `services:
  minio:
    image: minio/minio:RELEASE.2024-06-13T22-53-53Z
    ports:
      - "9000-9001:9000-9001"
  sonarqube:
    image: sonarqube:10.6-community
    ports:
      - "9001:9000"
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, data: { port: 9001, protocol: 'tcp', other: 'minio', otherLine: 5 } }],
    },
    {
      name: 'a range overlapping an earlier single port',
      compose: `services:
  grafana:
    image: grafana/grafana:11.1.0
    ports:
      - "3002:3000"
  app:
    image: ghcr.io/acme/app:3.0.0
    ports:
      - "3000-3005:3000-3005"
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, data: { port: 3002, other: 'grafana', otherLine: 5 } }],
    },
    {
      name: 'udp clashes with udp',
      compose: `services:
  dns:
    image: coredns/coredns:1.11.3
    ports:
      - "53:53/udp"
  pihole:
    image: pihole/pihole:2024.07.0
    ports:
      - "53:53/udp"
      - "8053:80"
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, data: { port: 53, protocol: 'udp', other: 'dns' } }],
    },
    {
      name: 'explicit /tcp clashes with the tcp default',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "80:80/tcp"
  proxy:
    image: traefik:v3.1
    ports:
      - "80:80"
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, data: { port: 80, protocol: 'tcp', other: 'web' } }],
    },
    {
      name: 'a ${PORT:-8080} default that resolves to a taken port',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "8080:8080"
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "\${API_HOST_PORT:-8080}:3000"
`,
      errors: [{ messageId: 'duplicate', line: 9, column: 9, data: { port: 8080, other: 'web' } }],
    },
    {
      name: 'a value from the .env beside the compose file',
      files: {
        'compose.yaml': `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "\${WEB_PORT:-8080}:80"
  admin:
    image: ghcr.io/acme/admin:1.0.0
    ports:
      - "9000:9000"
`,
        '.env': '# local overrides\nWEB_PORT=9000\n',
      },
      errors: [{ messageId: 'duplicate', file: 'compose.yaml', line: 9, column: 9, data: { port: 9000, other: 'web', otherLine: 5 } }],
    },
    {
      name: 'long syntax published as a number and as a string',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - target: 80
        published: 8443
        protocol: tcp
  traefik:
    image: traefik:v3.1
    ports:
      - target: 443
        published: "8443"
        mode: host
`,
      errors: [{ messageId: 'duplicate', line: 12, column: 20, data: { port: 8443, protocol: 'tcp', other: 'web', otherLine: 6 } }],
    },
    {
      name: 'ports shared through a merge key',
      compose: `x-web: &web
  image: ghcr.io/acme/site:2.0.0
  ports:
    - "8080:80"

services:
  site:
    <<: *web
  preview:
    <<: *web
    environment:
      PREVIEW: "1"
`,
      // Both services claim the port through the anchored text, which is where the finding points.
      errors: [{ messageId: 'duplicate', line: 4, column: 7, data: { port: 8080, other: 'site', otherLine: 4 } }],
    },
    {
      name: 'an aliased port item',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - &http "80:80"
  canary:
    image: nginx:1.27-alpine
    ports:
      - *http
      - "8081:80"
`,
      errors: [{ messageId: 'duplicate', line: 5, column: 15, data: { port: 80, other: 'web', otherLine: 5 } }],
    },
    {
      name: 'the same host port twice in one service',
      compose: `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "8080:80"
      - "8080:443"
`,
      errors: [{ messageId: 'duplicate', line: 6, column: 9, data: { port: 8080, other: 'web', otherLine: 5 } }],
    },
    {
      name: 'three claims: each later one points at the first',
      compose: `services:
  a:
    image: nginx:1.27-alpine
    ports: ["8000:80"]
  b:
    image: nginx:1.27-alpine
    ports: ["127.0.0.1:8000:80"]
  c:
    image: nginx:1.27-alpine
    ports: ["8000:8000"]
`,
      errors: [
        { messageId: 'duplicate', line: 7, column: 13, data: { port: 8000, other: 'a', otherLine: 4 } },
        { messageId: 'duplicate', line: 10, column: 13, data: { port: 8000, other: 'a', otherLine: 4 } },
      ],
    },
    {
      name: 'each compose file is checked on its own',
      files: {
        'docker-compose.yml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "8000:8000"
  docs:
    image: ghcr.io/acme/docs:1.0.0
    ports:
      - "8000:80"
`,
        'docker-compose.test.yml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "8001:8000"
  db:
    image: postgres:16-alpine
    ports:
      - target: 5432
        published: 8001
`,
      },
      errors: [
        { messageId: 'duplicate', file: 'docker-compose.test.yml', line: 10, column: 20, data: { port: 8001, other: 'api', otherFile: 'docker-compose.test.yml', otherLine: 5 } },
        { messageId: 'duplicate', file: 'docker-compose.yml', line: 9, column: 9, data: { port: 8000, other: 'api', otherFile: 'docker-compose.yml', otherLine: 5 } },
      ],
    },
    {
      name: 'long syntax on 0.0.0.0 clashes with short syntax on a specific IP',
      compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    ports:
      - "10.0.0.5:8000:8000"
  gateway:
    image: ghcr.io/acme/gateway:2.3.1
    ports:
      - target: 8000
        host_ip: 0.0.0.0
        published: "8000"
        protocol: tcp
`,
      errors: [{ messageId: 'duplicate', line: 11, column: 20, data: { port: 8000, protocol: 'tcp', other: 'api', otherLine: 5 } }],
    },
  ],
});
