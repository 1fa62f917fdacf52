import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parse/dockerfile.js';
import { toolCalls, unwrapCommand } from './packages-deb-apk.js';
import { commandName, hasFlag, positionalArgs, refOf, runInstructions, shellText } from './run.js';
import { commandViews } from './run-security.js';

const runs = (text: string) => {
  const df = parseDockerfile('/x/Dockerfile', text);
  return { df, runs: runInstructions(df) };
};
const names = (text: string) => runs(text).runs.map((r) => r.commands.map((c) => commandName(c) ?? '?').join(' '));
const at = (text: string, pick: (r: ReturnType<typeof runs>) => { start: number; end: number }) => {
  const r = runs(text);
  const ref = refOf(r.df, pick(r));
  return `${ref.range.start.line}:${ref.range.start.column}-${ref.range.end.line}:${ref.range.end.column}`;
};

describe('RUN as shell', () => {
  it('splits lists, pipelines, subshells and substitutions into commands', () => {
    expect(names('FROM alpine\nRUN set -eux; apt-get update && (cd /x; make) | tee log || echo "$(date)"\n')).toEqual(['set apt-get cd make tee echo date']);
  });

  it('reads export, declare and readonly as commands whose arguments are the assignments', () => {
    const { runs: [run] } = runs('FROM alpine\nRUN export PIP_NO_CACHE_DIR=1 B="x y" && declare -x C\n');
    expect(run!.commands.map((c) => [commandName(c), ...c.args.map((a) => a.value)])).toEqual([
      ['export', 'PIP_NO_CACHE_DIR=1', 'B=x y'],
      ['declare', '-x', 'C'],
    ]);
  });

  it('marks commands in subshells and pipelines', () => {
    const { runs: [run] } = runs('FROM alpine\nRUN cd /a && (cd /b) && curl x | sh\n');
    expect(run!.commands.map((c) => [commandName(c), c.subshell, c.pipeline?.commands.length ?? 0])).toEqual([
      ['cd', false, 0],
      ['cd', true, 0],
      ['curl', true, 2],
      ['sh', true, 2],
    ]);
    expect(run!.pipelines).toHaveLength(1);
  });

  it('gives word values with quotes removed and expansions unknown', () => {
    const { runs: [run] } = runs('FROM alpine\nRUN apt-get install -y "foo=1.2" \'bar\' $PKGS b\\ az\n');
    expect(run!.commands[0]!.args.map((a) => a.value)).toEqual(['install', '-y', 'foo=1.2', 'bar', undefined, 'b az']);
  });

  it('points at words across continuation lines and drops comment lines as Docker does', () => {
    const text = 'FROM debian\nRUN apt-get update \\\n  # the compilers\n\n  && apt-get install -y \\\n      gcc\n';
    expect(names(text)).toEqual(['apt-get apt-get']);
    expect(at(text, (r) => r.runs[0]!.commands[1]!.args[2]!.span)).toBe('6:7-6:10');
  });

  it('keeps CRLF line ends and non-ASCII text aligned with the source', () => {
    const text = 'FROM debian\r\nRUN echo "héllo ✓" \\\r\n  && curl -k https://x\r\n';
    expect(at(text, (r) => r.runs[0]!.commands[1]!.args[0]!.span)).toBe('3:11-3:13');
  });

  it('runs heredoc bodies fed to no command or to a shell as scripts', () => {
    expect(names('FROM alpine\nRUN <<EOF\nset -e\napk add curl\nEOF\n')).toEqual(['set apk']);
    expect(names('FROM alpine\nRUN <<EOF bash\napt-get update\nEOF\n')).toEqual(['apt-get']);
    expect(names('FROM alpine\nRUN <<EOF python3\nimport os\nEOF\n')).toEqual(['python3']);
    expect(names('FROM alpine\nRUN <<A cat > /a && <<B sh\nfirst\nA\nwget x\nB\n')).toEqual(['cat wget']);
    expect(names('FROM alpine\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n')).toEqual(['']);
    const text = 'FROM alpine\nRUN <<EOF\napk add \\\n  curl\nEOF\n';
    expect(runs(text).runs[0]!.heredoc).toBe(true);
    expect(at(text, (r) => r.runs[0]!.commands[0]!.args[1]!.span)).toBe('4:3-4:7');
  });

  it('reads the exec form as one command without a shell', () => {
    const { runs: [run] } = runs('FROM alpine\nRUN ["apk", "add", "--no-cache", "curl"]\n');
    expect(run!.form).toBe('exec');
    expect(run!.commands[0]!.args.map((a) => a.value)).toEqual(['add', '--no-cache', 'curl']);
    expect(runs('FROM alpine\nRUN ["sh", "-c", "a | b \\"q\\""]\n').runs[0]!.commands[0]!.args[1]!.value).toBe('a | b "q"');
  });

  it('checks ONBUILD RUN like RUN', () => {
    const { runs: [run] } = runs('FROM alpine\nONBUILD RUN apk add curl\n');
    expect(run!.onbuild?.getKeyword()).toBe('ONBUILD');
    expect(names('FROM alpine\nONBUILD RUN apk add curl\n')).toEqual(['apk']);
  });

  it('reports a syntax error instead of commands', () => {
    const { runs: [run] } = runs('FROM alpine\nRUN echo "unterminated\n');
    expect(run!.unparsed?.reason).toBe('syntax');
    expect(run!.commands).toEqual([]);
  });

  it('knows the shell in effect: SHELL, inherited, pipefail, BusyBox, PowerShell', () => {
    const shell = (text: string) => runs(text).runs.map((r) => `${r.shell.kind}${r.shell.pipefail ? '+pipefail' : ''}${r.shell.busybox ? '+busybox' : ''}`);
    expect(shell('FROM alpine:3.20\nRUN true\n')).toEqual(['posix+busybox']);
    expect(shell('FROM node:20-alpine\nRUN true\n')).toEqual(['posix+busybox']);
    expect(shell('FROM debian:12\nRUN true\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN true\n')).toEqual(['posix', 'bash+pipefail']);
    expect(shell('FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN true\n')).toEqual(['bash+pipefail']);
    expect(shell('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Write-Host hi\n')).toEqual(['powershell']);
    expect(runs('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n').runs[0]!.unparsed?.reason).toBe('shell');
  });
});

describe('flags', () => {
  const command = (text: string) => runs(`FROM alpine\nRUN ${text}\n`).runs[0]!.commands[0]!;
  it('finds short flags in groups and long flags with values', () => {
    expect(hasFlag(command('apt-get -qy install x'), '-y')).toBe(true);
    expect(hasFlag(command('apt-get --yes install x'), '-y', '--yes')).toBe(true);
    expect(hasFlag(command('pip install --no-cache-dir=1 x'), '--no-cache-dir')).toBe(true);
    expect(hasFlag(command('apt-get install -- -y'), '-y')).toBe(false);
    expect(hasFlag(command('apt-get install --yesno x'), '--yes')).toBe(false);
  });
  it('lists positional arguments, skipping values of flags that take one', () => {
    expect(positionalArgs(command('apt-get install -t bookworm-backports -y curl'), ['-t']).map((a) => a.value)).toEqual(['install', 'curl']);
  });
});

describe('wrappers', () => {
  it('takes a command named like an Object property (`constructor`, `toString`) for no wrapper', () => {
    const { df, runs: [run] } = runs('FROM alpine\nRUN constructor -x a && toString -ab c && valueOf -u x && sudo -u x apk add y\n');
    expect(run!.commands.map((c) => unwrapCommand(c)?.word.value)).toEqual(['constructor', 'toString', 'valueOf', 'apk']);
    expect(commandViews(df, run!).map((v) => v.name)).toEqual(['constructor', 'toString', 'valueOf', 'apk']);
    expect(toolCalls(df).map((c) => c.tool)).toEqual(['apk']);
  });
});

describe('shell text', () => {
  // The first implementation, a character array edited in place: simple, and too slow to keep.
  function reference(text: string, escape: string, heredoc: boolean): string {
    const out = text.replace(/\r/g, ' ').split('');
    const escapeChar = escape === '`' ? '`' : '\\';
    let lineStart = 0;
    let continued = false;
    for (let i = 0; i <= out.length; i++) {
      if (i < out.length && out[i] !== '\n') continue;
      const line = out.slice(lineStart, i).join('');
      if (continued && line.length > 0 && /^\s*(#|$)/.test(line)) {
        for (let k = lineStart; k < i; k++) out[k] = ' ';
        out[i - 1] = '\\';
      } else if (continued && line.length === 0 && i < out.length) {
        out[lineStart - 2] = ' ';
        out[lineStart - 1] = '\\';
      } else {
        const m = /[ \t]*$/.exec(line)!;
        const escapeAt = lineStart + m.index - 1;
        continued = !heredoc && escapeAt >= lineStart && out[escapeAt] === escapeChar;
        if (continued) {
          out[escapeAt] = ' ';
          out[i - 1] = '\\';
        }
      }
      lineStart = i + 1;
    }
    return out.join('');
  }

  it('gives what the character-array implementation gives, on generated texts', () => {
    const pieces = ['\\', '`', ' ', '\t', '\n', '\r', '#', 'a', '<', '\u00a0', '\v', '\u2028', '\ud83d', '"'];
    let seed = 3;
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      for (let i = k % 24; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        text += pieces[seed % pieces.length];
      }
      for (const escape of ['\\', '`']) {
        for (const heredoc of [false, true]) expect(shellText(text, escape, heredoc), JSON.stringify(text)).toBe(reference(text, escape, heredoc));
      }
    }
  });
});
