import { defineRule } from '../src/engine/rule.js';
import { normalizePosix, workdirSteps } from '../src/model/instructions.js';
import { dockerfilesOf } from '../src/model/project.js';

interface Options {
  directories: string[];
  trees: string[];
}

const DIRECTORIES = ['/', '/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/proc', '/sbin', '/sys', '/usr', '/usr/bin', '/usr/lib', '/usr/sbin', '/var'];
const TREES = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

const inside = (path: string, tree: string) => path === tree || path.startsWith(tree === '/' ? '/' : `${tree}/`);

export default defineRule<Options>({
  meta: {
    id: 'workdir-not-system-dir',
    aliases: ['DS030', 'AVD-DS-0030'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['security'],
    description: 'WORKDIR is not a system directory.',
    securitySeverity: 7.0,
    docs: {
      what: 'Reports a WORKDIR that resolves to a system directory itself (`/`, `/bin`, `/etc`, `/usr`, `/var`... option `directories`) or to anything inside a kernel or boot tree (`/proc`, `/sys`, `/dev`, `/boot`, `/initrd`, `/lost+found`, option `trees`; Trivy DS030 checks the trees). Paths are normalized (`/usr/`, `/usr/src/..`), relative WORKDIRs are joined onto the earlier WORKDIR of the stage or the stages it builds on, and variables take the ARG/ENV defaults known at that WORKDIR; a path that cannot be known is not judged. `/usr/src/app`, `/var/www/html` and `/etc/nginx/conf.d` are fine: only the listed directories themselves, and what lies inside the trees, are reported.',
      why: 'The working directory is where `COPY . .`, `RUN` output and the application\'s own files land: in a system directory they mix with, and can overwrite, the operating system\'s files, and inside /proc, /sys or /dev they write into kernel interfaces, which can be used to break out of the container.',
      example: 'FROM python:3.12-slim\nWORKDIR /usr\nCOPY . .\nCMD ["python", "app.py"]',
      fix: 'Give the application a directory of its own:\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]',
    },
    messages: {
      systemDir: 'WORKDIR {{path}} is the system directory {{dir}}: files copied or written there mix with the operating system\'s; use a directory of the application such as /app.',
      systemTree: 'WORKDIR {{path}} is inside {{dir}}, a kernel or system tree: use a directory of the application such as /app.',
    },
    options: {
      type: 'object',
      properties: {
        directories: { type: 'array', items: { type: 'string', pattern: '^/' }, description: 'Absolute directories a WORKDIR must not be (the directory itself; what lies inside is fine).' },
        trees: { type: 'array', items: { type: 'string', pattern: '^/' }, description: 'Absolute directories a WORKDIR must not be or lie inside.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { directories: DIRECTORIES, trees: TREES },
  },
  check({ project, options, report }) {
    const directories = new Set((options.directories ?? DIRECTORIES).map(normalizePosix));
    const trees = (options.trees ?? TREES).map(normalizePosix);
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        for (const step of workdirSteps(df, stage)) {
          const path = step.written;
          if (step.resolved !== undefined) {
            const tree = trees.find((t) => inside(step.resolved!, t));
            if (tree !== undefined) report({ messageId: 'systemTree', data: { path, dir: tree }, at: step.at });
            else if (directories.has(step.resolved)) report({ messageId: 'systemDir', data: { path, dir: step.resolved }, at: step.at });
          } else if (step.path === undefined && step.prefix.startsWith('/') && step.prefix.includes('/', 1)) {
            // `/proc/$X`: the directory part before the unknown variable is known.
            const known = normalizePosix(step.prefix.slice(0, step.prefix.lastIndexOf('/')));
            const tree = trees.find((t) => inside(known, t));
            if (tree !== undefined) report({ messageId: 'systemTree', data: { path, dir: tree }, at: step.at });
          }
        }
      }
    }
  },
});
