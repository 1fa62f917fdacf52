import { defineRule } from '../src/engine/rule.js';
import { commandName, refOf } from '../src/model/run.js';
import { GO_OPTIONS, operands, parsedRuns } from '../src/model/packages-lang.js';
import type { ShellWord } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

/** Versions that move: `@latest` is the newest release, `@none` removes the module. */
const FLOATING = /@(?:latest|none)$/;

/** A path in the build (`.`, `./cmd/...`, `/src/app`) or a `.go` file: built from the source, not fetched. */
const isLocal = (pkg: string): boolean => pkg.startsWith('.') || pkg.startsWith('/') || pkg.endsWith('.go');

export default defineRule({
  meta: {
    id: 'go-pin-versions',
    aliases: ['DL3062'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'supply-chain'],
    description: 'Packages fetched with go install, go get or go run in a RUN name a fixed version.',
    docs: {
      what: 'Checks `go install`, `go get` and `go run` in RUN, ONBUILD RUN, exec-form RUN and heredoc scripts. Every package of `go install` and `go get`, and the package `go run` runs, must carry a version (`golang.org/x/tools/gopls@v0.16.1`); `@latest` and `@none` do not count. Local packages (`.`, `./cmd/...`, `/src/app`, `main.go`) come from the build context and are not judged, nor is the `tool` meta-package of `go install tool`, a package given as a variable, or the arguments after the package of `go run`. Flag values (`-tags netgo`, `-ldflags "-s -w"`) are not packages.',
      why: 'Without a version (or with `@latest`) the go command fetches whatever the module proxy has as newest on the day of the build: two builds of the same Dockerfile get different code, and a breaking or compromised release is picked up silently.',
      example: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest',
      fix: 'Name the version:\n\nFROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0',
    },
    messages: {
      unpinned: 'Pin the version of "{{package}}" in go {{subcommand}} (`{{package}}@<version>`).',
      floating: '"{{package}}" in go {{subcommand}} follows a moving version: name a fixed one instead of @{{version}}.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of run.commands) {
          if (commandName(command) !== 'go') continue;
          const [subcommand, ...rest] = operands(command.args, GO_OPTIONS);
          const sub = subcommand?.value;
          let packages: ShellWord[];
          if (sub === 'install' || sub === 'get') packages = rest.filter((w) => w.value !== 'tool');
          else if (sub === 'run') packages = rest.slice(0, 1);
          else continue;
          for (const word of packages) {
            const pkg = word.value;
            if (pkg === undefined || pkg === '' || isLocal(pkg)) continue;
            const at = refOf(df, word.span);
            if (!pkg.includes('@')) report({ messageId: 'unpinned', data: { package: pkg, subcommand: sub }, at });
            else if (FLOATING.test(pkg)) {
              const cut = pkg.lastIndexOf('@');
              report({ messageId: 'floating', data: { package: pkg.slice(0, cut), subcommand: sub, version: pkg.slice(cut + 1) }, at });
            }
          }
        }
      }
    }
  },
});
