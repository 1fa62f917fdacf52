import { defineRule } from '../src/engine/rule.js';
import { runMounts, shippedStages, toolCalls, unwrapCommand, type ToolCall } from '../src/model/packages-deb-apk.js';
import { refOf, type RunInstruction } from '../src/model/run.js';
import { lineage } from '../src/model/stage.js';
import type { ShellCommand } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

const LISTS = '/var/lib/apt/lists';

/** `rm` of the lists (`/var/lib/apt/lists/*`, the folder itself, or `/var/lib/apt`), or of a path that is unknown. */
function removesLists(command: ShellCommand): boolean {
  const seen = unwrapCommand(command);
  if (!seen) return false;
  const name = seen.word.value!.slice(seen.word.value!.lastIndexOf('/') + 1);
  const paths = seen.args.filter((a) => a.value === undefined || !a.value.startsWith('-'));
  if (name === 'rm') {
    return paths.some((a) => a.value === undefined || /^\/var\/lib\/apt(\/lists)?\/?\**$/.test(a.value.replace(/\/+/g, '/')));
  }
  if (name === 'find') {
    const inLists = seen.args.some((a) => a.value !== undefined && /^\/var\/lib\/apt(\/lists)?\/?$/.test(a.value));
    return inLists && seen.args.some((a) => a.value === '-delete' || a.value === 'rm');
  }
  return false;
}

/** A cache or tmpfs mount keeps the lists out of the layer (hadolint: the lists folder, or both apt folders). */
function listsMounted(run: RunInstruction): boolean {
  const targets = runMounts(run)
    .filter((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined)
    .map((m) => m.target!);
  const under = (dir: string) => targets.some((t) => t.startsWith(dir));
  return under(LISTS) || (under('/var/lib/apt') && under('/var/cache/apt'));
}

export default defineRule({
  meta: {
    id: 'apt-lists-cleanup',
    aliases: ['DL3009', 'Apt Get Install Lists Were Not Deleted'],
    level: 'note',
    target: 'dockerfile',
    tags: ['image-size'],
    description: 'A RUN that runs `apt-get update` deletes the package lists before it ends.',
    docs: {
      what: 'Reports `apt-get update` (or `apt update`) in a RUN that does not remove `/var/lib/apt/lists` after it: `rm -rf /var/lib/apt/lists/*` (or the folder, or `/var/lib/apt`), `find /var/lib/apt/lists ... -delete`, or `apt-get distclean`. Only RUNs whose layer ships are judged: those of the last stage, of a stage another stage is built on (`FROM builder`), and of a stage a compose service builds (`build.target`), and ONBUILD RUN, which runs in the images built on this one. A RUN with a BuildKit cache or tmpfs mount on `/var/lib/apt/lists`, or on both `/var/lib/apt` and `/var/cache/apt`, keeps the lists out of the layer and passes. An `rm` of a path that is unknown (`rm -rf "$LISTS"`) is taken as a cleanup.',
      why: 'The package lists that `apt-get update` downloads are tens of megabytes that nothing in the running container needs. Deleting them in a later RUN does not help: they stay in the layer that wrote them. They also go stale, so keeping them only invites installs from an outdated index.',
      example: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8',
      fix: 'Remove the lists at the end of the same RUN:\n\nFROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n\nor keep them in a cache mount: `RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && ...`.',
    },
    messages: {
      notCleaned: '`{{tool}} update` leaves the package lists in this layer: end the RUN with `rm -rf /var/lib/apt/lists/*`.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const shipped = shippedStages(df);
      for (const service of project.services) {
        if (service.dockerfile === df && service.stage) for (const s of lineage(service.stage)) shipped.add(s);
      }
      const byRun = new Map<RunInstruction, ToolCall[]>();
      const distclean = new Set<ShellCommand>();
      for (const call of toolCalls(df)) {
        if (call.tool !== 'apt-get' && call.tool !== 'apt') continue;
        const sub = call.subcommand?.value;
        if (sub === 'update') byRun.set(call.run, [...(byRun.get(call.run) ?? []), call]);
        else if (sub === 'distclean' || sub === 'dist-clean') distclean.add(call.command);
      }
      for (const [run, updates] of byRun) {
        if (!run.onbuild && !shipped.has(run.stage)) continue;
        if (listsMounted(run)) continue;
        const last = updates[updates.length - 1]!;
        const after = run.commands.filter((c) => c.span.start > last.command.span.start);
        const cleaned = after.some((c) => distclean.has(c) || removesLists(c));
        if (!cleaned) report({ messageId: 'notCleaned', data: { tool: last.tool }, at: refOf(df, last.subcommand!.span) });
      }
    }
  },
});
